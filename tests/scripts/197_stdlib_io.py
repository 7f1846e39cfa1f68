# io.StringIO: writing, reading, lines, seeking, closing
import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.write("line2\nline3"))
print(repr(s.getvalue()), s.tell())
print(repr(s.read()))
print(s.seek(0), repr(s.read(5)), s.tell(), repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s])
s.seek(0)
print(s.readlines(8))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()))
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()), s.tell())
s.seek(30)
s.write("far")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline(3)), repr(s.read(100)), repr(s.read()), repr(s.readline()))
print(s.readable(), s.writable(), s.seekable(), s.closed)
s.close()
print(s.closed)
for op in [lambda: s.getvalue(), lambda: s.write("x"), lambda: s.read(), lambda: s.seek(0)]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)

t = io.StringIO("a\nb\nc")
print(repr(t.read(1)), t.tell(), t.readlines())
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
for bad in [lambda: io.StringIO().write(5), lambda: io.StringIO("x").seek(-1), lambda: io.StringIO("x").seek(1, 1),
            lambda: io.StringIO(5), lambda: io.StringIO("", newline="x")]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
u = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(u.getvalue()), u.readlines())
v = io.StringIO("a\r\nb\rc\nd", newline="")
print(v.readlines())
w = io.StringIO(newline="")
w.write("x\r\ny")
print(repr(w.getvalue()))
w2 = io.StringIO()
w2.writelines(["p\n", "q\n"])
print(repr(w2.getvalue()), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print("to StringIO", file=w2)
print(repr(w2.getvalue()))
print(repr(io.StringIO().read()), io.StringIO().readlines(), list(io.StringIO("")))
