# retain_grad on intermediates, tensor hooks (print, modify, remove), .grad of non-leaves (warns on stderr), _version counters
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
h.retain_grad()
print(h.retains_grad, x.retains_grad, h.is_leaf)
out = (h * h).sum()
out.backward()
print(h.grad, x.grad)
h2 = x * 3
print(h2.grad)
(h2 * x).sum().backward()
print(h2.grad, x.grad)
x.grad = None
a = torch.tensor([1.0, -1.0], requires_grad=True)
handle = a.register_hook(lambda g: print("hook a got", g))
(a * 5).sum().backward()
print(a.grad)
a.grad = None
handle.remove()
(a * 5).sum().backward()
print("after remove", a.grad)
a.grad = None
h3 = a.register_hook(lambda g: g * 2)
(a * 5).sum().backward()
print("doubled", a.grad)
h3.remove()
a.grad = None
m = a * 3
m.register_hook(lambda g: print("hook m got", g))
m.register_hook(lambda g: g + 100)
m.register_hook(lambda g: print("second hook m got", g))
(m * torch.tensor([1.0, 2.0])).sum().backward()
print(a.grad)
a.grad = None
seen = []
def record(name):
    def hook(g):
        seen.append((name, g.tolist()))
    return hook
b = a * 2
c = b.exp()
d = c.sum()
b.register_hook(record("b"))
c.register_hook(record("c"))
a.register_hook(record("a"))
d.backward()
for name, g in seen:
    print(name, [round(v, 4) for v in g])
a.grad = None
k = a * 1
k.retain_grad()
k.register_hook(lambda g: g * 10)
(k * k).sum().backward()
print(k.grad, a.grad)
try:
    torch.ones(2).register_hook(lambda g: g)
except RuntimeError as e:
    print(e)
v = torch.zeros(3)
print(v._version)
v.add_(1)
v[0] = 5.0
v.mul_(2)
print(v._version, v)
w = v.view(3)
w.zero_()
print(v._version, w._version, v)
v2 = v + 1
print(v2._version)
p = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    p.sub_(0.5)
print(p._version, p)
