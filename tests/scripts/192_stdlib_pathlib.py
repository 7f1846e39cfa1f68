# pathlib: pure path manipulation and file-system operations on Path
import os
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = Path("a") / "b" / "c.tar.gz"
print(p, repr(p), str(p), os.fspath(p), p.as_posix())
print(repr("x" / Path("y")), repr(Path("x", "y/z", "w")), repr(Path()), repr(Path("")), repr(Path("/")))
print(repr(Path("a//./b/.")), repr(Path("../a/..")), repr(Path("/a", "/b", "c")), repr(Path(Path("q"), "r")))
print(repr(PurePath("x/y")), repr(PurePosixPath("x")), type(Path("a")).__name__, isinstance(Path("a"), PurePath))
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, repr(p.root), repr(p.drive))
for s in ["a/b.txt", ".bashrc", "x.", "a/..", "/", "", "a.b.c", "..x.y", "/usr/lib/lib.so.1"]:
    q = Path(s)
    print(repr(s), repr(q.name), repr(q.stem), repr(q.suffix), q.suffixes, repr(q.parent), q.parts, repr(q.anchor))
print(list(Path("/a/b/c").parents), list(Path("a/b").parents), len(Path("a/b/c").parents))
print(Path("a/b/c").parents[0], Path("a/b/c").parents[-1], Path("a/b/c").parents[0:2], repr(Path("x").parents))
print(p.with_name("d.txt"), p.with_suffix(".zip"), p.with_suffix(""), p.with_stem("new"), Path("a/b").with_suffix(".py"))
print(p.joinpath("x", "y"), p.joinpath("/abs"), Path("/a/b/c").relative_to("/a"), Path("a/b").relative_to("a/b"))
print(Path("/a/b").is_absolute(), Path("a/b").is_absolute(), Path("/a/b").is_relative_to("/a"), Path("/a/b").is_relative_to("/c"))
print(Path("a/b.py").match("*.py"), Path("a/b.py").match("b/*.py"), Path("/a/b.py").match("/*.py"), Path("/a/b.py").match("/a/*.py"))
print(Path("a/b.py").match("a/*/b.py"), Path("a/b.PY").match("*.py"), Path("x/y/z.txt").match("y/*"))
print(Path("/a b/c").as_uri())
print(Path("a") == Path("a"), Path("a") == Path("a/"), Path("a") == PurePath("a"), Path("a") == "a", Path("a") != Path("b"))
print(hash(Path("a/b")) == hash(Path("a//b")), len({Path("a"), Path("a/."), Path("b")}))
print(Path("a") < Path("b"), Path("a/b") < Path("a/c"), Path("b") > Path("a/z"), Path("a") <= Path("a"), Path("/z") < Path("a"))
print(sorted([Path("b"), Path("a/c"), Path("a"), Path("/x")]))
print(Path("~/x").expanduser() == Path(os.path.expanduser("~/x")), Path.home() == Path(os.path.expanduser("~")))
print(Path.cwd() == Path(os.getcwd()), Path.cwd().is_absolute(), Path("q").absolute() == Path(os.getcwd()) / "q")

bad = [lambda: p.relative_to("c"), lambda: Path("/a").relative_to("a"), lambda: Path("").with_suffix(".x"),
       lambda: p.with_suffix("x"), lambda: p.with_name(""), lambda: p.with_name("a/b"),
       lambda: Path("/").with_name("x"), lambda: Path(3), lambda: p < "a", lambda: p.match(""),
       lambda: Path("a").as_uri(), lambda: Path("a") / 3, lambda: 3 / Path("a"), lambda: Path("a").parents[5],
       lambda: list(Path(".").glob("")), lambda: list(Path(".").glob("/x")), lambda: list(Path(".").glob("a**"))]
for f in bad:
    try:
        print("no error", f())
    except (ValueError, TypeError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)

base = Path("_t192_tmp")
print(base.exists(), base.is_dir())
base.mkdir()
try:
    base.mkdir()
except FileExistsError as e:
    print(type(e).__name__, e)
base.mkdir(exist_ok=True)
(base / "x" / "y").mkdir(parents=True)
try:
    (base / "m" / "n").mkdir()
except FileNotFoundError as e:
    print(type(e).__name__, e)
print((base / "a.txt").write_text("hello\nworld\n"))
print(repr((base / "a.txt").read_text()), (base / "a.txt").is_file(), (base / "a.txt").is_dir(), base.is_file())
(base / "b.py").write_text("print(1)\n")
(base / "x" / "c.py").write_text("c")
(base / "x" / "y" / "d.py").write_text("d")
(base / ".hid.py").write_text("h")
with (base / "e.txt").open("w") as f:
    f.write("via open")
with (base / "e.txt").open() as f:
    print(f.read())
try:
    (base / "a.txt").write_text(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (base / "none.txt").read_text()
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(sorted(base.iterdir()))
print(sorted(base.glob("*.py")), sorted(base.glob("*")))
print(sorted(base.glob("**/*.py")))
print(sorted(base.rglob("*.py")), sorted(base.rglob("d*")))
print(sorted(base.glob("**")), sorted(base.glob("*/")), sorted(base.glob("x/*")), sorted(base.glob("x/y/d.py")))
print(sorted(base.glob("?.t[a-z]t")), sorted(base.glob("nope/*")), sorted(base.glob("*/*.py")))
st = (base / "a.txt").stat()
print(st.st_size, (base / "a.txt").stat().st_size == os.path.getsize(str(base / "a.txt")))
t = base / "t.txt"
t.touch()
t.touch()
print(t.exists(), t.read_text() == "")
try:
    t.touch(exist_ok=False)
except FileExistsError as e:
    print(type(e).__name__, e)
r = t.rename(base / "t2.txt")
print(repr(r), t.exists(), r.exists())
r2 = r.replace(base / "a.txt")
print(repr(r2), r.exists(), repr(r2.read_text()))
print((base / "x" / "..").resolve() == base.resolve(), base.resolve().is_absolute(), (base / "x").samefile(str(base) + "/x/y/.."))
print(base.resolve() == Path(os.getcwd()) / base, (base / "missing").resolve() == Path(os.getcwd()) / base / "missing")
(base / "e.txt").unlink()
(base / "e.txt").unlink(missing_ok=True)
try:
    (base / "e.txt").unlink()
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    (base / "x").rmdir()
except OSError as e:
    print(type(e).__name__, e)
for q in sorted(base.rglob("*"), reverse=True):
    if q.is_dir():
        q.rmdir()
    else:
        q.unlink()
base.rmdir()
print(base.exists(), os.path.exists("_t192_tmp"))
