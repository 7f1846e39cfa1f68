# views share storage with their base: modify view -> base changes; reshape/clone/contiguous copies
import torch
base = torch.arange(6)
v = base.view(2, 3)
v[0, 0] = 100
print(base)
row = v[1]
row += 10
print(base, v)
t = v.t()
t[2, 0] = -1
print(base)
s = base[::2]
s.fill_(0)
print(base)
c = base.clone()
c[0] = 999
print(base[0], c[0])
f = base.view(3, 2).flatten()
f[5] = 55
print(base)
u = base.unsqueeze(0)
u[0, 1] = 11
print(base)
n = base.narrow(0, 2, 2)
n.zero_()
print(base)
sel = v.select(1, 2)
sel.mul_(2)
print(v)
parts = base.chunk(3)
parts[0][0] = 7
print(base)
col = v[:, 1]
col[:] = torch.tensor([-5, -6])
print(v)
d = torch.zeros(3, 3)
d.diagonal().fill_(1.0)
print(d)
e = torch.tensor([1.0, 2.0]).expand(2, 2)
print(e, e.contiguous().is_contiguous())
