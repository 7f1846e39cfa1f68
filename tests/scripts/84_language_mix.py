# a mix: global, nonlocal, closures, a sequence class, zip/enumerate, tensor writes, formatting
import torch
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
a = make(); a(2); print(a(3))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
class Stack:
    items_made = 0
    def __init__(self):
        self.items = []
        Stack.items_made += 1
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def push(self, x):
        self.items.append(x)
        return self
s = Stack().push(1).push(2).push(3)
print(len(s), s[1:], s[-1], Stack.items_made, list(s))
for i, (p, q) in enumerate(zip("ab", [1, 2]), start=1):
    print(i, p, q)
print(*zip(*[(1, 2), (3, 4)]))
x = torch.linspace(0, 1, 5)
print(x, x[1:4:2], x[None, :, None].shape)
y = torch.zeros(3, 4)
y[1] = 5
y[:, 2] = torch.tensor([1., 2., 3.])
y[0, 0] += 7
print(y)
print(torch.randn(2, 3).shape)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
finally:
    print("done")
print(f"{'name':<10}|{3.5:>8.3f}|{12345678:,}|{0.25:.1%}")
print("%5.2f%%" % 12.345, "{:>4}".format(7), str(1e100), repr(1.5e-7))
w = torch.tensor([1.0, 2.0])
for step in range(3):
    w -= 0.1 * w
print(w, w.dtype, float(w[0]), int(torch.tensor(3)))
