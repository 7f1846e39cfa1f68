# One epoch of a small CNN (Conv2d(1,8,3,padding=1), ReLU, MaxPool2d(2), Flatten,
# Linear(1568,10)) over 10,000 28x28 samples at batch 64 with SGD: the same script under
# nabla and under Python + PyTorch (benches/compare_train.py runs both).
# Prints the median seconds per epoch over 3 epochs after one warm-up epoch.
import time
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
X = torch.randn(10000, 1, 28, 28)
y = torch.randint(0, 10, (10000,))
loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)
model = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1568, 10)
)
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
