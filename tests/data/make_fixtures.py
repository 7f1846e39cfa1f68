"""Makes the small files in tests/data/ that tests/files.rs loads: written by PyTorch and NumPy,
so nabla is tested against the real producers. Run with a Python that has torch, numpy and
safetensors:  python tests/data/make_fixtures.py  (from the repository root)."""
import numpy as np
import torch
from safetensors.torch import save_file

d = "tests/data/"

torch.manual_seed(0)
lin = torch.nn.Linear(3, 2)
torch.save(lin.state_dict(), d + "linear_state.pt")
with open(d + "linear_state.txt", "w") as f:
    for k, v in lin.state_dict().items():
        f.write(f"{k} {list(v.shape)} {' '.join(repr(x) for x in v.flatten().tolist())}\n")

x = torch.arange(10.0)[2:8:2]  # a view: offset 2, stride 2
m = torch.arange(6, dtype=torch.int64).reshape(2, 3).t()  # non-contiguous
nested = {
    "a": [x, 1, 2.5, "s", (True, None)],
    "b": torch.tensor(1.5, dtype=torch.bfloat16),
    "m": m,
    "size": torch.Size([2, 3]),
    7: -(2**40),
    "p": torch.nn.Parameter(torch.tensor([1.0, -1.0])),
    "h": torch.tensor([0.5, 2.0], dtype=torch.float16),
    "bool": torch.tensor([True, False]),
}
torch.save(nested, d + "nested.pt")
torch.save(torch.tensor([[1, 2], [3, 4]], dtype=torch.int32), d + "tensor.pt")

save_file({"weight": torch.tensor([[1.0, 2.0]]), "bias": torch.tensor([0.5], dtype=torch.float64)}, d + "hf.safetensors")

arrays = {
    "b1": np.array([True, False, True]),
    "u1": np.array([0, 128, 255], dtype=np.uint8),
    "i1": np.array([-128, 0, 127], dtype=np.int8),
    "i2": np.array([-32768, 1, 32767], dtype=np.int16),
    "i4": np.array([-(2**31), 2, 2**31 - 1], dtype=np.int32),
    "i8": np.array([-(2**63), 3, 2**63 - 1], dtype=np.int64),
    "f2": np.array([0.5, -1.0, 65504.0], dtype=np.float16),
    "f4": np.array([1.5, -2.25, 3.0e38], dtype=np.float32),
    "f8": np.array([1.0 / 3.0, -0.0, 1e300], dtype=np.float64),
}
np.savez(d + "dtypes.npz", **arrays)
np.savez_compressed(d + "dtypes_compressed.npz", **arrays)
np.save(d + "fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
np.save(d + "big_endian.npy", np.arange(4, dtype=">i4"))
np.save(d + "scalar.npy", np.float32(2.5))
np.save(d + "empty.npy", np.zeros((0, 3), dtype=np.int16))
np.save(d + "matrix.npy", np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
