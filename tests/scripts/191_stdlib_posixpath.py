# posixpath (os.path): string operations and file-system queries
import os
import posixpath

print(posixpath.sep, os.path.sep, os.path.curdir, os.path.pardir, os.path.extsep, os.path.pathsep)
for args in [("a", "b", "c"), ("a/", "b"), ("/a", "/b", "c"), ("", "x"), ("a", ""), ("a", "", "b"), ("/",), ("a//", "b/")]:
    print("join", args, repr(posixpath.join(*args)))
for p in ["a/b/c.txt", "/a", "a", "a/", "/", "//x", "a//b//", "", "///a//b"]:
    print(repr(p), posixpath.split(p), repr(posixpath.basename(p)), repr(posixpath.dirname(p)))
for p in ["f.txt", "a/b.tar.gz", ".bashrc", "a/.hidden", "a.b/c", "x.", "..", "a/..b", "noext", "...x"]:
    print("splitext", repr(p), posixpath.splitext(p))
for p in ["a/./b/../c", "/../a", "../../x/..", "a//b///c/", "", ".", "//a/b", "///a/b", "/a/b/../../..", "a/../..", "./"]:
    print("normpath", repr(p), repr(posixpath.normpath(p)))
print(posixpath.isabs("/x"), posixpath.isabs("x"), posixpath.isabs(""))
print(repr(posixpath.commonprefix(["/usr/lib", "/usr/local", "/usr/li"])), repr(posixpath.commonprefix([])))
print(posixpath.commonpath(["/usr/lib", "/usr/local/lib", "/usr/lib/x"]), posixpath.commonpath(["a/b", "a/c"]))
print(repr(posixpath.commonpath(["a", "b"])), posixpath.commonpath(["/a/b/"]), posixpath.commonpath(["./a/b", "a/b/c"]))
for bad in [[], ["/a", "b"]]:
    try:
        posixpath.commonpath(bad)
    except ValueError as e:
        print(type(e).__name__, e)

cwd = os.getcwd()
print(posixpath.abspath("x/../y") == cwd + "/y", posixpath.abspath("/a/./b"))
print(posixpath.relpath("a/b/c", "a"), posixpath.relpath("a", "a/b/c"), posixpath.relpath("a"), posixpath.relpath("a", "a"))
print(posixpath.relpath("/x/y", "/x/z/w"), posixpath.relpath(cwd + "/q"))
try:
    posixpath.relpath("")
except ValueError as e:
    print(type(e).__name__, e)

os.environ["HOME"] = "/home/tester"
os.environ["T191_VAR"] = "val"
print(posixpath.expanduser("~"), posixpath.expanduser("~/x/y"), posixpath.expanduser("a/~"), posixpath.expanduser("~nosuchuser_t191x/z"))
print(posixpath.expandvars("$T191_VAR/${T191_VAR}/$T191_NOPE/${T191_NOPE}/$/x$"))
print(posixpath.expandvars("no vars"), posixpath.expandvars("a$T191_VAR.b"))

base = "_t191_tmp"
os.mkdir(base)
with open(posixpath.join(base, "file.txt"), "w") as f:
    f.write("12345")
fp = posixpath.join(base, "file.txt")
print(posixpath.exists(base), posixpath.exists(fp), posixpath.exists(base + "/none"))
print(posixpath.isdir(base), posixpath.isdir(fp), posixpath.isfile(fp), posixpath.isfile(base), posixpath.isfile("nope"))
print(posixpath.islink(fp), posixpath.islink("nope"), posixpath.lexists(fp))
print(posixpath.getsize(fp), isinstance(posixpath.getmtime(fp), float))
print(posixpath.samefile(fp, base + "/./file.txt"))
print(posixpath.realpath(fp) == cwd + "/" + fp, posixpath.realpath(base + "/missing/../x") == cwd + "/" + base + "/x")
try:
    posixpath.getsize(base + "/none")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    posixpath.getmtime(base + "/none")
except OSError as e:
    print(type(e).__name__, e)
os.unlink(fp)
os.rmdir(base)
try:
    posixpath.join("a", 3)
except TypeError as e:
    print(type(e).__name__, e)
