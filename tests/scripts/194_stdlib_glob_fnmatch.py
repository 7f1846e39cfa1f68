# fnmatch and glob: wildcard matching of names and file-system globbing
import fnmatch
import glob
import os

cases = [("a.py", "*.py"), ("a.pyc", "*.py"), ("dir/a.py", "*.py"), ("abc", "a?c"), ("ac", "a?c"),
         ("b", "[abc]"), ("d", "[abc]"), ("d", "[!abc]"), ("a", "[!abc]"), ("x5", "x[0-9]"),
         ("x-", "x[a-]"), ("]", "[]]"), ("a", "[!]]"), ("[", "["), ("[x", "[x"), ("a[b", "a[b"),
         ("", "*"), ("", "?"), ("abc", "*"), ("abcabc", "*abc"), ("aXbXc", "a*b*c"), ("ab", "a*b*c"),
         ("README", "readme"), ("test_x.py", "test_*.py"), ("a.b.c", "*.*.*"), ("-", "[a-c-e]"),
         ("q", "[z-a]"), ("mississippi", "*ss*ss*"), ("a/b", "a*b"), ("\\", "[\\]"), ("x", "**x**")]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(["a.py", "b.txt", "c.py", ".d.py", "e.PY"], "*.py"))
print(fnmatch.filter([], "*"), fnmatch.filter(["x"], "y"))

base = "_t194_tmp"
files = ["a.py", "b.py", "c.txt", ".hidden.py", "sub/d.py", "sub/e.txt", "sub/deep/f.py",
         "sub/deep/g.md", "other/h.py", "other/.hid/i.py", "x1.dat", "x2.dat", "xy.dat"]
os.mkdir(base)
for f in files:
    full = os.path.join(base, f)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as fh:
        fh.write(f)


def show(pattern, **kw):
    print(pattern, kw if kw else "", sorted(glob.glob(pattern, **kw)))


show(base + "/*.py")
show(base + "/*")
show(base + "/.*")
show(base + "/x?.dat")
show(base + "/x[0-9].dat")
show(base + "/x[!0-9].dat")
show(base + "/*/*.py")
show(base + "/*/")
show(base + "/**/*.py")
show(base + "/**/*.py", recursive=True)
show(base + "/**", recursive=True)
show(base + "/**/", recursive=True)
show(base + "/sub/**/*.md", recursive=True)
show(base + "/**/*.py", recursive=True, include_hidden=True)
show(base + "/a.py")
show(base + "/nope.py")
show(base + "/sub/")
show(base + "/nope/")
show(base + "/nope/*.py")
show("*.py", root_dir=base)
show("**/*.txt", root_dir=base, recursive=True)
show("sub/*", root_dir=base)
print(sorted(glob.iglob(base + "/*/*/*")))
print(type(glob.iglob(base + "/*")).__name__ != "list")
print(glob.escape("a*b?c[d].py"), glob.has_magic("a[b"), glob.has_magic("abc"))
print(glob.glob(glob.escape(base + "/a.py")))
print(glob.glob(""), glob.glob("_t194_no_such*"))

os.chdir(base)
print(sorted(glob.glob("*.dat")), sorted(glob.glob("**", recursive=True)))
os.chdir("..")

for dirpath, dirnames, filenames in os.walk(base, topdown=False):
    for f in filenames:
        os.remove(os.path.join(dirpath, f))
    os.rmdir(dirpath)
print(os.path.exists(base))
