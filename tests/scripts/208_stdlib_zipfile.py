# zipfile: write, read, append, extract (CPython 3.11 is the oracle).
import os
import zipfile

os.makedirs("_t208_tmp/src/sub", exist_ok=True)
with open("_t208_tmp/src/a.txt", "w") as f:
    f.write("alpha\n")
with open("_t208_tmp/src/sub/b.csv", "w") as f:
    f.write("x,y\n1,2\n")
arc = "_t208_tmp/data.zip"
with zipfile.ZipFile(arc, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.write("_t208_tmp/src/a.txt", arcname="a.txt")
    z.write("_t208_tmp/src/sub/b.csv", arcname="sub/b.csv")
    z.writestr("notes/readme.md", "# data\n")
    z.writestr("raw.bin", b"\x00\x01\x02", compress_type=zipfile.ZIP_STORED)
print(zipfile.is_zipfile(arc), zipfile.is_zipfile("_t208_tmp/src/a.txt"))
with zipfile.ZipFile(arc) as z:
    print(z.namelist())
    print(z.read("a.txt"), z.read("sub/b.csv").decode().splitlines(), z.read("raw.bin"))
    print([(i.filename, i.file_size, i.is_dir()) for i in z.infolist()])
    print(z.getinfo("raw.bin").file_size, z.getinfo("raw.bin").compress_type == zipfile.ZIP_STORED)
    with z.open("notes/readme.md") as f:
        print(f.read())
    try:
        z.read("missing.txt")
    except KeyError as e:
        print("KeyError", e)
    z.extractall("_t208_tmp/out")
with open("_t208_tmp/out/sub/b.csv") as f:
    print(repr(f.read()))
with zipfile.ZipFile(arc, "a") as z:
    z.writestr("extra.txt", "more")
with zipfile.ZipFile(arc) as z:
    print(z.namelist(), z.read("extra.txt"))
try:
    zipfile.ZipFile("_t208_tmp/src/a.txt")
except zipfile.BadZipFile as e:
    print("BadZipFile", e)
z = zipfile.ZipFile(arc)
z.close()
try:
    z.read("a.txt")
except ValueError as e:
    print("ValueError", e)
import shutil
shutil.rmtree("_t208_tmp")
print(os.path.exists("_t208_tmp"))
