# Library I: a small CNN on synthetic 12x12 images (bright quadrant = class), with
# BatchNorm, Dropout, train/eval modes and accuracy.
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
n = 96
labels = torch.randint(0, 4, (n,))
images = 0.3 * torch.randn(n, 1, 12, 12)
for i in range(n):
    r, c = divmod(labels[i].item(), 2)
    images[i, 0, r * 6:(r + 1) * 6, c * 6:(c + 1) * 6] += 1.0

model = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1),
    nn.BatchNorm2d(4),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Dropout(0.2),
    nn.Linear(4 * 6 * 6, 4),
)
print(model)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()
loader = DataLoader(TensorDataset(images, labels), batch_size=16, shuffle=True)
for epoch in range(4):
    model.train()
    running = 0.0
    correct = 0
    for xb, yb in loader:
        opt.zero_grad()
        out = model(xb)
        loss = loss_fn(out, yb)
        loss.backward()
        opt.step()
        running += loss.item()
        correct += (out.argmax(1) == yb).sum().item()
    print(f"epoch {epoch}: loss {running / len(loader):.4f} train acc {correct / n:.3f}")
model.eval()
with torch.no_grad():
    acc = (model(images).argmax(1) == labels).float().mean()
print(f"eval acc {acc.item():.3f}")
print(model[1].running_mean)
