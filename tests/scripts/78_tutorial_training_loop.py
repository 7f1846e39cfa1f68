# tutorial: training-loop-shaped script; squared error losses, item() of 1-element results, f-string logs
import torch
torch.manual_seed(0)
data = [(torch.tensor([x]), torch.tensor([3.0 * x - 2.0])) for x in [0.0, 0.5, 1.0, 1.5, 2.0]]
w = torch.zeros(1)
b = torch.zeros(1)
lr = 0.1
history = []
for epoch in range(1, 41):
    total = 0.0
    for x, y in data:
        pred = w * x + b
        diff = pred - y
        loss = (diff ** 2)[0].item()
        total += loss
        w -= lr * 2 * diff * x
        b -= lr * 2 * diff
    avg = total / len(data)
    history.append(avg)
    if epoch in (1, 2, 5, 10, 20, 40):
        print(f"epoch {epoch:>3} | loss {avg:10.6f} | w {w.item():+.4f} | b {b.item():+.4f}")
print("loss decreased:", history[-1] < history[0])
print("best epoch:", history.index(min(history)) + 1)
print(f"w={w.item():.3f} b={b.item():.3f}")
final = [(w * x + b - y).abs().item() < 0.05 for x, y in data]
print(final)
