# tarfile: write plain and gzipped archives, list, read, extract (CPython 3.11 is the oracle).
import os
import shutil
import tarfile

os.makedirs("_t210_tmp/src/imgs", exist_ok=True)
with open("_t210_tmp/src/labels.csv", "w") as f:
    f.write("img,label\n1,cat\n")
with open("_t210_tmp/src/imgs/1.txt", "w") as f:
    f.write("pixels")
for mode, path in (("w", "_t210_tmp/a.tar"), ("w:gz", "_t210_tmp/a.tar.gz")):
    with tarfile.open(path, mode) as t:
        t.add("_t210_tmp/src", arcname="data")
    print(mode, tarfile.is_tarfile(path))
    with tarfile.open(path) as t:
        print(t.getnames())
        print([(m.name, m.size, m.isdir(), m.isfile()) for m in t.getmembers()])
        print(t.extractfile("data/labels.csv").read(), t.extractfile("data/imgs") is None)
        t.extractall("_t210_tmp/out_" + mode.replace(":", ""), filter="data")
    with open("_t210_tmp/out_" + mode.replace(":", "") + "/data/imgs/1.txt") as f:
        print(f.read())
print(tarfile.is_tarfile("_t210_tmp/src/labels.csv"))
try:
    tarfile.open("_t210_tmp/src/labels.csv")
except tarfile.ReadError as e:
    print("ReadError")
with tarfile.open("_t210_tmp/a.tar.gz", "r:gz") as t:
    try:
        t.getmember("nope")
    except KeyError as e:
        print("KeyError", e)
shutil.rmtree("_t210_tmp")
