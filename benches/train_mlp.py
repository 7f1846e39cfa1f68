# One epoch of a 784-256-10 MLP over 60,000 random samples at batch 128 with SGD: the same
# script under nabla and under Python + PyTorch (benches/compare_train.py runs both).
# Prints the median seconds per epoch over 3 epochs after one warm-up epoch.
import time
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
X = torch.randn(60000, 784)
y = torch.randint(0, 10, (60000,))
loader = DataLoader(TensorDataset(X, y), batch_size=128, shuffle=True)
model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()


def epoch():
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    return loss.item()


epoch()
times = []
for _ in range(3):
    t0 = time.perf_counter()
    epoch()
    times.append(time.perf_counter() - t0)
times.sort()
print(f"{times[1]:.4f}")
