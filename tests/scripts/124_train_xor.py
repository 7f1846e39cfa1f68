# Library I: an XOR classifier with CrossEntropyLoss and SGD with momentum.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y = torch.tensor([0, 1, 1, 0])

class XorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 8)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))

net = XorNet()
print(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
criterion = nn.CrossEntropyLoss()
for step in range(300):
    opt.zero_grad()
    logits = net(X)
    loss = criterion(logits, y)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        acc = (logits.argmax(dim=1) == y).float().mean().item()
        print(f"step {step:3d}  loss {loss.item():.4f}  acc {acc:.2f}")
with torch.no_grad():
    probs = F.softmax(net(X), dim=1)
print(probs.argmax(dim=1), f"{probs[:, 1].min().item():.3f}")
print((net(X).argmax(1) == y).all())
