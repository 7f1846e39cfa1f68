# Library I: a complete regression training loop, as a tutorial writes it.
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
X = torch.linspace(-2, 2, 64).unsqueeze(1)
y = 3 * X ** 2 - X + 0.5 + 0.1 * torch.randn(64, 1)

model = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.5)
loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True)

for epoch in range(60):
    model.train()
    total = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    scheduler.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:3d}  loss {total / len(X):.4f}  lr {scheduler.get_last_lr()[0]:.4f}")

model.eval()
with torch.no_grad():
    test = torch.tensor([[-1.5], [0.0], [1.0]])
    print(model(test))
    print(f"final mse {loss_fn(model(X), y).item():.4f}")
