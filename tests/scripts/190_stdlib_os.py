# os: files and directories, walk, scandir, stat, environ, constants
import os
import os.path

print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.devnull)
print(os.path.join("a", "b"), os.path is not None)

base = "_t190_tmp"
cwd = os.getcwd()
print(os.path.isabs(cwd))
os.mkdir(base)
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e, e.errno, e.strerror, e.filename)
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print(type(e).__name__, e)
os.makedirs(os.path.join(base, "x", "y"))
for name in ["f1.txt", "a/f2.txt", "a/b/f3.py", "a/b/c/f4.txt", "x/y/f5"]:
    with open(os.path.join(base, name), "w") as f:
        f.write("data:" + name)
print(sorted(os.listdir(base)))
print(sorted(os.listdir(os.path.join(base, "a"))))

print("walk topdown")
for dirpath, dirnames, filenames in os.walk(base):
    dirnames.sort()
    print(dirpath, dirnames, sorted(filenames))
print("walk bottom-up")
rows = [(d, sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base, topdown=False)]
for row in sorted(rows):
    print(*row)
print("walk pruned")
for dirpath, dirnames, filenames in os.walk(base):
    if "a" in dirnames:
        dirnames.remove("a")
    dirnames.sort()
    print(dirpath, dirnames, sorted(filenames))
print(list(os.walk(os.path.join(base, "missing"))))
errors = []
list(os.walk(os.path.join(base, "missing"), onerror=errors.append))
print([type(e).__name__ for e in errors])

print("scandir")
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(), repr(e), os.fspath(e))
print(sorted(e.name for e in os.scandir(os.path.join(base, "a"))))

st = os.stat(os.path.join(base, "f1.txt"))
print(type(st).__name__, st.st_size, st[6], len(st), st.st_size == os.path.getsize(os.path.join(base, "f1.txt")))
print(isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mode & 0o170000 == 0o100000)
print(os.stat(base).st_mode & 0o170000 == 0o040000, os.lstat(base).st_size >= 0)
try:
    os.stat(os.path.join(base, "nope"))
except FileNotFoundError as e:
    print(type(e).__name__, e)

os.rename(os.path.join(base, "f1.txt"), os.path.join(base, "g1.txt"))
os.replace(os.path.join(base, "g1.txt"), os.path.join(base, "a", "f2.txt"))
with open(os.path.join(base, "a", "f2.txt")) as f:
    print(f.read())
print(sorted(os.listdir(base)))
os.remove(os.path.join(base, "a", "f2.txt"))
os.unlink(os.path.join(base, "a", "b", "f3.py"))
try:
    os.remove(os.path.join(base, "a", "f2.txt"))
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir(os.path.join(base, "zzz"))
except FileNotFoundError as e:
    print(type(e).__name__, e)
os.unlink(os.path.join(base, "a", "b", "c", "f4.txt"))
os.removedirs(os.path.join(base, "a", "b", "c"))
print(sorted(os.listdir(base)))

os.chdir(base)
print(sorted(os.listdir()), os.getcwd() == os.path.join(cwd, base))
os.chdir("..")
print(os.getcwd() == cwd)
os.unlink(os.path.join(base, "x", "y", "f5"))
os.rmdir(os.path.join(base, "x", "y"))
os.rmdir(os.path.join(base, "x"))
os.rmdir(base)
print(os.path.exists(base))

print("environ")
os.environ["NABLA_T190"] = "hello"
print(os.environ["NABLA_T190"], os.getenv("NABLA_T190"), "NABLA_T190" in os.environ)
print(os.getenv("NABLA_T190_MISSING"), os.getenv("NABLA_T190_MISSING", "dflt"))
print(os.environ.get("NABLA_T190_MISSING", 5), "NABLA_T190_MISSING" in os.environ)
print("NABLA_T190" in list(os.environ.keys()), ("NABLA_T190", "hello") in list(os.environ.items()))
print(os.path.expandvars("$NABLA_T190/x ${NABLA_T190}y $NABLA_T190_MISSING"))
try:
    os.environ["NABLA_T190_MISSING"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    os.environ["NABLA_T190"] = 1
except TypeError as e:
    print(type(e).__name__, e)
del os.environ["NABLA_T190"]
print(os.getenv("NABLA_T190"), os.path.expandvars("$NABLA_T190"))
os.putenv("NABLA_T190_P", "v")
print(os.environ.get("PATH") is not None, len(os.environ) > 0)

print(os.cpu_count() >= 1, os.getpid() > 0)
print(os.fspath("some/path"))


class P:
    def __fspath__(self):
        return "from/fspath"


print(os.fspath(P()), os.path.join(P(), "x"))
try:
    os.fspath(3)
except TypeError as e:
    print(type(e).__name__, e)
