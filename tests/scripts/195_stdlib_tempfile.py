# tempfile: gettempdir, mkdtemp, TemporaryDirectory, NamedTemporaryFile (names are random: print shapes only)
import os
import tempfile

base = "_t195_tmp"
os.mkdir(base)
os.environ["TMPDIR"] = base
tempfile.tempdir = None
print(tempfile.gettempdir() == os.path.abspath(base), tempfile.gettempprefix())
tempfile.tempdir = None
del os.environ["TMPDIR"]
print(os.path.isdir(tempfile.gettempdir()), os.path.isabs(tempfile.gettempdir()))


def shape(path, prefix, suffix):
    name = os.path.basename(path)
    middle = name[len(prefix):len(name) - len(suffix)]
    return (os.path.isabs(path), name.startswith(prefix), name.endswith(suffix), len(middle),
            all(c in "abcdefghijklmnopqrstuvwxyz0123456789_" for c in middle))


d1 = tempfile.mkdtemp(dir=base)
d2 = tempfile.mkdtemp(suffix="_s", prefix="pre_", dir=base)
print(shape(d1, "tmp", ""), shape(d2, "pre_", "_s"), d1 != d2)
print(os.path.isdir(d1), os.path.dirname(d2) == os.path.abspath(base), os.listdir(d1))
d3 = tempfile.mkdtemp()
print(os.path.dirname(d3) == tempfile.gettempdir(), os.path.isdir(d3))
os.rmdir(d3)
print(os.path.exists(d3))
m = tempfile.mktemp(prefix="mk", dir=base)
print(shape(m, "mk", ""), os.path.exists(m))

with tempfile.TemporaryDirectory(dir=base, prefix="td") as name:
    print(shape(name, "td", ""), os.path.isdir(name))
    os.makedirs(os.path.join(name, "x", "y"))
    with open(os.path.join(name, "x", "f.txt"), "w") as f:
        f.write("hi")
    print(sorted(os.listdir(name)))
print(os.path.exists(name))
td = tempfile.TemporaryDirectory(suffix=".d", dir=base)
print(shape(td.name, "tmp", ".d"), repr(td).startswith("<TemporaryDirectory '"), os.path.isdir(td.name))
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))

with tempfile.NamedTemporaryFile(mode="w", suffix=".txt", dir=base) as f:
    print(shape(f.name, "tmp", ".txt"), os.path.exists(f.name))
    f.write("line1\n")
    f.write("line2\n")
    f.flush()
    with open(f.name) as g:
        print(repr(g.read()))
print(os.path.exists(f.name))
f = tempfile.NamedTemporaryFile("w", prefix="keep_", dir=base, delete=False)
f.write("kept")
f.close()
with open(f.name) as g:
    print(shape(f.name, "keep_", ""), g.read())
os.unlink(f.name)
print(sorted(os.listdir(base)) == sorted([os.path.basename(d1), os.path.basename(d2)]))
os.rmdir(d1)
os.rmdir(d2)
os.rmdir(base)
print(os.path.exists(base))
