# tutorial: fit y = 2x + 1 with a manual linear model, gradients by hand, in-place parameter updates
import torch
xs = torch.tensor([0.0, 1.0, 2.0, 3.0, 4.0])
ys = 2.0 * xs + 1.0
w = torch.tensor([0.0])
b = torch.tensor([0.0])
lr = 0.05
n = len(xs)
for epoch in range(60):
    pred = w * xs + b
    err = pred - ys
    loss = 0.0
    gw = 0.0
    gb = 0.0
    for i in range(n):
        e = err[i].item()
        loss += e * e / n
        gw += 2.0 * e * xs[i].item() / n
        gb += 2.0 * e / n
    w.sub_(lr * gw)
    b -= lr * gb
    if epoch % 10 == 0 or epoch == 59:
        print(f"epoch {epoch:2d} loss {loss:.6f} w {w.item():.4f} b {b.item():.4f}")
print("final w", round(w.item(), 3), "b", round(b.item(), 3))
test = torch.tensor([10.0, -1.0])
print((w * test + b).round(decimals=2))
