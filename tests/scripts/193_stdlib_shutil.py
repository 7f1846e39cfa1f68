# shutil: copying, moving and removing files and trees; which; terminal size
import os
import shutil

base = "_t193_tmp"


def tree(top):
    rows = []
    for dirpath, dirnames, filenames in os.walk(top):
        for f in filenames:
            full = os.path.join(dirpath, f)
            with open(full) as fh:
                rows.append((full, fh.read()))
        if not filenames and not dirnames:
            rows.append((dirpath + "/", ""))
    return sorted(rows)


os.makedirs(os.path.join(base, "src", "sub", "empty"))
for name in ["a.txt", "b.py", "sub/c.txt", "sub/d.pyc"]:
    with open(os.path.join(base, "src", name), "w") as f:
        f.write("content of " + name)
src = os.path.join(base, "src")

print(shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(base, "a_copy.txt")))
print(shutil.copy(os.path.join(src, "a.txt"), os.path.join(base, "a_copy2.txt")))
os.mkdir(os.path.join(base, "dest"))
print(shutil.copy(os.path.join(src, "b.py"), os.path.join(base, "dest")))
print(shutil.copy2(os.path.join(src, "a.txt"), os.path.join(base, "dest")))
with open(os.path.join(base, "dest", "a.txt")) as f:
    print(f.read())
for bad in [(os.path.join(src, "nope.txt"), os.path.join(base, "x.txt")),
            (os.path.join(src, "a.txt"), os.path.join(base, "nodir", "x.txt")),
            (src, os.path.join(base, "x.txt")),
            (os.path.join(src, "a.txt"), os.path.join(src, "a.txt"))]:
    try:
        shutil.copyfile(*bad)
    except OSError as e:
        print(type(e).__name__, e)

print(shutil.copytree(src, os.path.join(base, "tree1")))
for row in tree(os.path.join(base, "tree1")):
    print(*row)
shutil.copytree(src, os.path.join(base, "tree2"), ignore=shutil.ignore_patterns("*.pyc", "b*"))
for row in tree(os.path.join(base, "tree2")):
    print(*row)
try:
    shutil.copytree(src, os.path.join(base, "tree1"))
except FileExistsError as e:
    print(type(e).__name__, e)
shutil.copytree(src, os.path.join(base, "tree1"), dirs_exist_ok=True)
print(len(tree(os.path.join(base, "tree1"))))

print(shutil.move(os.path.join(base, "a_copy.txt"), os.path.join(base, "moved.txt")))
print(shutil.move(os.path.join(base, "moved.txt"), os.path.join(base, "dest")))
print(shutil.move(os.path.join(base, "tree2"), os.path.join(base, "tree3")))
print(shutil.move(os.path.join(base, "tree3"), os.path.join(base, "dest")))
try:
    shutil.move(os.path.join(base, "a_copy2.txt"), os.path.join(base, "dest"))
    shutil.copy(os.path.join(src, "a.txt"), os.path.join(base, "a_copy2.txt"))
    shutil.move(os.path.join(base, "a_copy2.txt"), os.path.join(base, "dest"))
except shutil.Error as e:
    print(type(e).__name__, e)
for row in tree(os.path.join(base, "dest")):
    print(*row)

shutil.rmtree(os.path.join(base, "tree1"))
print(os.path.exists(os.path.join(base, "tree1")))
try:
    shutil.rmtree(os.path.join(base, "tree1"))
except FileNotFoundError as e:
    print(type(e).__name__, e)
shutil.rmtree(os.path.join(base, "tree1"), ignore_errors=True)
seen = []
shutil.rmtree(os.path.join(base, "tree1"), onerror=lambda func, path, exc: seen.append((func.__name__, path, exc[0].__name__, str(exc[1]))))
print(seen)
try:
    shutil.rmtree(os.path.join(base, "a_copy2.txt"))
except OSError as e:
    print(type(e).__name__, e)

print(shutil.which("sh", path="/nonexistent_t193:/bin:/usr/bin"))
print(shutil.which("definitely_not_a_command_t193"), shutil.which("sh", path=""))
print(shutil.which(os.path.join(base, "nope")))

os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "40"
size = shutil.get_terminal_size()
print(size, size.columns, size.lines, tuple(size))
os.environ["COLUMNS"] = "oops"
del os.environ["LINES"]
print(shutil.get_terminal_size((120, 30)).columns > 0)

shutil.rmtree(base)
print(os.path.exists(base))
