# pickle of plain data: round trips, files, what CPython wrote, and the refusals
# (CPython 3.11 is the oracle; nabla refuses instances as torch.load does, so the
# script prints only what both agree on).
import os
import pickle

data = {"vocab": ["<pad>", "the", "cat"], "counts": (3, 1, 2), "lr": 0.001, "ok": True,
        "none": None, "nested": {"a": [1, 2, {"b": b"\x00\xff"}]}, 7: -12345678901}
blob = pickle.dumps(data)
print(type(blob), pickle.loads(blob) == data, pickle.loads(blob))
# Written by CPython 3.11 (protocol 4): pickle.dumps({'a': [1, 2.5, 'x', None, True, (1, 2)], 'b': b'hi'})
cpy = bytes.fromhex("8004952d000000000000007d94288c0161945d94284b014740040000000000008c0178944e884b014b028694658c0162944302686994752e")
print(pickle.loads(cpy))
os.makedirs("_t207_tmp", exist_ok=True)
p = os.path.join("_t207_tmp", "state.pkl")
with open(p, "wb") as f:
    pickle.dump({"epoch": 3, "history": [0.9, 0.5, 0.25]}, f)
with open(p, "rb") as f:
    print(pickle.load(f))
os.remove(p)
os.rmdir("_t207_tmp")
for proto in (2, 4, pickle.HIGHEST_PROTOCOL):
    print(proto, pickle.loads(pickle.dumps([1, "two", 3.0], protocol=proto)))
try:
    pickle.loads(b"not a pickle")
except pickle.UnpicklingError:
    print("UnpicklingError")
