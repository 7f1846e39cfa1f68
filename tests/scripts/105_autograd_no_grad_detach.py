# grad modes: no_grad (context and decorator), enable_grad, set_grad_enabled, detach/detach_, a manual training loop
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(torch.is_grad_enabled())
with torch.no_grad():
    y = x * 2
    print(torch.is_grad_enabled(), y.requires_grad, y.grad_fn, y)
    with torch.enable_grad():
        z = x * 2
        print(torch.is_grad_enabled(), z.requires_grad, z.grad_fn.name())
print(torch.is_grad_enabled(), (x * 2).requires_grad)
@torch.no_grad()
def double(t):
    return t * 2, torch.is_grad_enabled()
r, mode = double(x)
print(r, r.requires_grad, mode, torch.is_grad_enabled())
@torch.enable_grad()
def triple(t):
    return t * 3
with torch.no_grad():
    print(triple(x).requires_grad)
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x + 1).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), (x + 1).requires_grad)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled(), (x * x).requires_grad)
print(torch.is_grad_enabled())
for flag in [True, False]:
    with torch.set_grad_enabled(flag):
        print(flag, (x.sum()).requires_grad)
d = x.detach()
print(d, d.requires_grad, d.is_leaf, x.requires_grad)
d[0] = 10.0
print(x)
e = (x * 2).detach()
print(e, e.requires_grad)
f = x * 3
f.detach_()
print(f, f.requires_grad, f.grad_fn, f.is_leaf)
g = x.detach().requires_grad_()
(g * g).sum().backward()
print(g.grad, x.grad)
w = torch.tensor([1.0, 1.0], requires_grad=True)
(w * torch.tensor([2.0, 3.0])).sum().backward()
with torch.no_grad():
    w -= 0.5 * w.grad
print(w, w.requires_grad, w.is_leaf, w.grad)
w.grad.zero_()
print(w.grad)
with torch.no_grad():
    w.mul_(2)
    w.add_(torch.tensor([0.5, -0.5]))
print(w)
xs = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
ys = 3.0 * xs - 1.0
W = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.05
for step in range(20):
    pred = xs @ W + b
    loss = ((pred - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        W -= lr * W.grad
        b -= lr * b.grad
    W.grad.zero_()
    b.grad.zero_()
    if step % 5 == 4:
        print(f"step {step + 1:2d} loss {loss.item():.4f}")
print(W.detach().round(decimals=3), b.detach().round(decimals=3))
print(W.requires_grad, W.is_leaf, W.grad, b.grad)
with torch.no_grad():
    print((xs @ W + b).round(decimals=2))
