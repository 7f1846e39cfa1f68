# more gradients: cumprod (zeros too), avg/adaptive-avg pooling, unfold/fold, conv_transpose2d, det/inv/solve, prod with zeros, writes into non-leaves (CopySlices, index_put_, scatter, index_add)
import torch
import torch.nn.functional as F
def weights(out):
    return torch.arange(1.0, out.numel() + 1, dtype=out.dtype).reshape(out.shape)
def show(out, *ins, w=None):
    if w is None:
        w = weights(out)
    (out * w).sum().backward()
    print(tuple(out.shape), out.grad_fn.name())
    for t in ins:
        print(t.grad)
def g(fn, *vals):
    x = torch.tensor(vals, requires_grad=True)
    out = fn(x)
    (out * weights(out)).sum().backward()
    return x.grad

# cumprod
c = torch.tensor([2.0, 3.0, 4.0], requires_grad=True)
y = c.cumprod(0)
print(y, y.grad_fn.name())
y.sum().backward()
print(c.grad)
print(g(lambda t: t.cumprod(0), 2.0, 3.0, 4.0))
print(g(lambda t: t.cumprod(0), 2.0, 0.0, 4.0, 5.0))
print(g(lambda t: t.cumprod(0), 0.0, 3.0, 4.0))
print(g(lambda t: t.cumprod(0), 2.0, 3.0, 0.0))
print(g(lambda t: t.cumprod(0), 2.0, 0.0, 0.0, 5.0))
print(g(lambda t: t.cumprod(0), 0.0, 0.0))
print(g(lambda t: t.reshape(2, 3).cumprod(1), 1.0, 2.0, 3.0, 4.0, 0.0, 6.0))
print(g(lambda t: t.reshape(3, 2).cumprod(0), 1.0, 2.0, 0.0, 4.0, 5.0, 0.0))
print(g(lambda t: torch.cumprod(t.reshape(2, 2), dim=-1), -1.0, 0.5, 0.0, 0.0))
cs = torch.tensor([1.5, 2.0, 0.0, -3.0], dtype=torch.float64, requires_grad=True)
cs.cumprod(0).sum().backward()
print(cs.grad)

# prod with zeros
p = torch.tensor([[1.0, 2.0, 3.0], [4.0, 0.0, 6.0], [0.0, 0.0, 2.0]], requires_grad=True)
r = p.prod()
print(r, r.grad_fn.name())
r.backward()
print(p.grad)
p.grad = None
r1 = p.prod(1)
print(r1, r1.grad_fn.name())
(r1 * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(p.grad)
p.grad = None
p.prod(0, keepdim=True).sum().backward()
print(p.grad)
print(g(torch.prod, 2.0, 3.0, 4.0), g(torch.prod, 2.0, 0.0, 4.0), g(torch.prod, 0.0, 3.0, 0.0))
print(g(lambda t: t.prod(), 5.0), g(lambda t: t.prod(), 0.0))

# avg_pool2d
pin = torch.tensor([[[[1.0, 5.0, 2.0, 0.0], [3.0, 4.0, 8.0, 1.0], [0.0, 2.0, 6.0, 6.0], [9.0, 1.0, 3.0, 2.0]]]], requires_grad=True)
ap = F.avg_pool2d(pin, 2)
print(ap)
show(ap, pin)
pin.grad = None
show(F.avg_pool2d(pin, 3, stride=1, padding=1), pin)
pin.grad = None
show(F.avg_pool2d(pin, 3, stride=1, padding=1, count_include_pad=False), pin)
pin.grad = None
show(F.avg_pool2d(pin, 3, stride=2, ceil_mode=True), pin)
pin.grad = None
show(F.avg_pool2d(pin, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), pin)
pin.grad = None
show(F.avg_pool2d(pin, 2, stride=1, divisor_override=2), pin)
pin.grad = None
show(F.avg_pool2d(pin, (2, 3), stride=(2, 1)), pin)
pin.grad = None
q5 = torch.arange(50.0, dtype=torch.float64).reshape(1, 2, 5, 5).requires_grad_()
show(F.avg_pool2d(q5, 3, stride=2, padding=1), q5)
q5.grad = None
show(F.avg_pool2d(q5, 2, ceil_mode=True), q5)

# adaptive_avg_pool2d
pin.grad = None
aa = F.adaptive_avg_pool2d(pin, (3, 2))
print(aa)
show(aa, pin)
pin.grad = None
show(F.adaptive_avg_pool2d(pin, (2, 1)), pin)
pin.grad = None
show(F.adaptive_avg_pool2d(pin, 3), pin)
pin.grad = None
show(F.adaptive_avg_pool2d(pin, 1), pin)
pin.grad = None
show(F.adaptive_avg_pool2d(pin, (1, 1)), pin)
q5.grad = None
show(F.adaptive_avg_pool2d(q5, (3, 2)), q5)
q5.grad = None
show(F.adaptive_avg_pool2d(q5, (4, 4)), q5)

# unfold / fold
u_in = torch.arange(1.0, 17.0).reshape(1, 1, 4, 4).requires_grad_()
un = F.unfold(u_in, kernel_size=2)
print(un.shape, un.grad_fn.name())
show(un, u_in)
u_in.grad = None
show(F.unfold(u_in, kernel_size=3, padding=1, stride=2), u_in)
u_in.grad = None
show(F.unfold(u_in, kernel_size=(2, 3), dilation=(2, 1)), u_in)
u2 = torch.arange(24.0).reshape(1, 2, 3, 4).requires_grad_()
show(F.unfold(u2, kernel_size=2, stride=1), u2)
cols = torch.arange(1.0, 37.0).reshape(1, 4, 9).requires_grad_()
fo = F.fold(cols, output_size=(4, 4), kernel_size=2, stride=1)
print(fo)
show(fo, cols)
cols2 = torch.arange(1.0, 17.0).reshape(1, 4, 4).requires_grad_()
show(F.fold(cols2, output_size=(4, 4), kernel_size=2, stride=2), cols2)
cols3 = torch.arange(1.0, 25.0).reshape(1, 2, 12).detach().requires_grad_()
f3 = F.fold(cols3, output_size=(3, 3), kernel_size=(2, 1), padding=(1, 0))
print(f3.grad_fn.name())
show(f3, cols3)
rt = torch.arange(16.0).reshape(1, 1, 4, 4).requires_grad_()
F.fold(F.unfold(rt, 2), (4, 4), 2).sum().backward()
print(rt.grad)

# conv_transpose2d
tx = torch.arange(1.0, 9.0).reshape(1, 2, 2, 2).requires_grad_()
tw = torch.tensor([[[[1.0, -1.0, 0.5], [2.0, 0.0, 1.0], [0.0, 1.0, -2.0]]], [[[0.5, 1.0, 0.0], [-1.0, 2.0, 1.0], [1.0, 0.0, 1.0]]]], requires_grad=True)
tb = torch.tensor([0.25], requires_grad=True)
ct = F.conv_transpose2d(tx, tw, tb, stride=2, padding=1, output_padding=1)
print(ct.shape)
(ct * weights(ct)).sum().backward()
print(tx.grad)
print(tw.grad)
print(tb.grad)
tx.grad = None
tw.grad = None
tb.grad = None
ct2 = F.conv_transpose2d(tx, tw, tb)
print(ct2.shape)
ct2.sum().backward()
print(tx.grad, tw.grad, tb.grad)
tx.grad = None
tw.grad = None
tw2 = torch.arange(1.0, 9.0).reshape(2, 2, 1, 2).requires_grad_()
ct3 = F.conv_transpose2d(tx, tw2, stride=(1, 2), groups=1)
(ct3 * weights(ct3)).sum().backward()
print(ct3.shape, tx.grad, tw2.grad)

# det / inv / solve
A = torch.tensor([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]], dtype=torch.float64, requires_grad=True)
d = torch.linalg.det(A)
print(d, d.grad_fn.name())
d.backward()
print(A.grad)
A.grad = None
d2 = A.det()
print(d2.grad_fn.name())
(d2 * 2).backward()
print(A.grad)
for M in ([[1.0, 2.0], [2.0, 4.0]], [[2.0, 1.0], [4.0, 2.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]):
    S = torch.tensor(M, dtype=torch.float64, requires_grad=True)
    ds = torch.linalg.det(S)
    gs, = torch.autograd.grad(ds, S, create_graph=True)
    print(gs.detach().round(decimals=6))
Bd = torch.tensor([[[2.0, 0.0], [0.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]], requires_grad=True)
(torch.linalg.det(Bd) * torch.tensor([1.0, 2.0])).sum().backward()
print(Bd.grad)
A.grad = None
U3 = torch.tensor([[2.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 0.0, 1.0]], dtype=torch.float64, requires_grad=True)
print(torch.linalg.det(U3), torch.linalg.inv(U3))
Ai = torch.linalg.inv(U3)
print(Ai.grad_fn.name())
(Ai * weights(Ai)).sum().backward()
print(U3.grad)
U3.grad = None
Ai2 = U3.inverse()
print(Ai2.grad_fn.name())
Ai2.sum().backward()
print(U3.grad)
A.inverse().sum().backward()
print(A.grad)
M2 = torch.tensor([[4.0, 7.0], [2.0, 6.0]], requires_grad=True)
torch.linalg.inv(M2)[0, 1].backward()
print(M2.grad)
A.grad = None
Bm = torch.tensor([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]], dtype=torch.float64, requires_grad=True)
X = torch.linalg.solve(A, Bm)
print(X.grad_fn.name())
(X * weights(X)).sum().backward()
print(A.grad)
print(Bm.grad)
A.grad = None
bv = torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64, requires_grad=True)
xv = torch.linalg.solve(A, bv)
print(xv.shape, xv.grad_fn.name())
(xv * torch.tensor([1.0, 0.0, 2.0], dtype=torch.float64)).sum().backward()
print(A.grad)
print(bv.grad)
print(torch.allclose(A.detach() @ xv.detach(), bv.detach()))
E = torch.tensor([[2.0, 0.0], [0.0, 4.0]], requires_grad=True)
eb = torch.tensor([1.0, 2.0], requires_grad=True)
torch.linalg.solve(E, eb).sum().backward()
print(E.grad, eb.grad)

# writes into non-leaves
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
t = x * 1
t[0] = 0.0
print(t)
print(t.grad_fn.name())
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad)
x.grad = None
yv = torch.tensor([10.0, 20.0], requires_grad=True)
t = x * 2
t[1, 1:] = yv
print(t)
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, yv.grad)
m = torch.zeros(2, 3, requires_grad=True)
n = m * 1
n[0, 1] = 5.0
n.sum().backward()
print(n, m.grad)
x.grad = None
t = x.clone()
t[:, 0] = torch.tensor([7.0, 8.0])
t[0, 2] = t[0, 2] * 3
print(t)
t.sum().backward()
print(x.grad)
x.grad = None
t = x * 1
t[t > 4] = -1.0
print(t.detach())
t.sum().backward()
print(x.grad)
x.grad = None
vals = torch.tensor([100.0, 200.0], requires_grad=True)
t = x * 1
idx = torch.tensor([1, 0])
t.index_put_((idx,), vals[:, None].expand(2, 3).clone())
print(t.grad_fn.name())
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, vals.grad)
x.grad = None
vals.grad = None
t = x * 1
t.index_put_((torch.tensor([0, 1]), torch.tensor([2, 0])), vals)
print(t)
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, vals.grad)
x.grad = None
vals.grad = None
t = x * 1
t.index_put_((torch.tensor([0, 0]), torch.tensor([1, 1])), vals, accumulate=True)
print(t)
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, vals.grad)
x.grad = None
si = torch.tensor([[2, 0], [1, 1]])
src = torch.tensor([[10.0, 20.0], [30.0, 40.0]], requires_grad=True)
sc = torch.scatter(x, 1, si, src)
print(sc, sc.grad_fn.name())
(sc * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, src.grad)
x.grad = None
src.grad = None
sa = x.scatter_add(1, si, src)
print(sa, sa.grad_fn.name())
(sa * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, src.grad)
x.grad = None
src.grad = None
sv = x.scatter(0, torch.tensor([[1, 0, 1]]), 9.0)
print(sv, sv.grad_fn.name())
(sv * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad)
x.grad = None
ia_src = torch.tensor([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [3.0, 3.0, 3.0]], requires_grad=True)
ia = x.index_add(0, torch.tensor([1, 0, 1]), ia_src)
print(ia, ia.grad_fn.name())
(ia * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, ia_src.grad)
x.grad = None
ia_src.grad = None
ia2 = x.index_add(0, torch.tensor([1, 0, 1]), ia_src, alpha=2.0)
ia2.sum().backward()
print(x.grad, ia_src.grad)
x.grad = None
t = x * 1
t.scatter_(1, si, src)
print(t.grad_fn.name())
t.sum().backward()
print(x.grad, src.grad)
x.grad = None
src.grad = None
t = x * 1
t.index_add_(1, torch.tensor([2, 2]), src)
print(t, t.grad_fn.name())
(t * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad, src.grad)

# cumprod after a zero: +0 gradients, as PyTorch; a boolean-mask write is masked_fill_
x = torch.tensor([1.5, -2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
x.cumprod(0).sum().backward()
print(x.grad)
x = torch.arange(6.).reshape(2, 3).requires_grad_()
t = x * 1
t[t > 4] = -1.0
print(t)
t.sum().backward()
print(x.grad)

# in-place arithmetic on a view of a non-leaf: recorded on the base (CopySlices)
x = torch.arange(6.).reshape(2, 3).requires_grad_()
t = x * 1
t[0, 2] *= 3
t[1] += 10
v = t[0]
v.mul_(2)
print(t)
print(v.grad_fn.name())
(t * t).sum().backward()
print(x.grad)
x = torch.arange(6.).reshape(2, 3).requires_grad_()
try:
    x[0].add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.t()[0].add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)

# in-place ops on a non-leaf whose derivative needs the original value
x = torch.arange(3.).requires_grad_()
y = torch.tensor([2., 3., 4.], requires_grad=True)
t = x * 1
t.mul_(y)
t.sum().backward()
print(x.grad, y.grad)
t = x * 1
t.sin_()
t.exp_()
print(t.grad_fn.name())
t.sum().backward()
print(x.grad)

# a view taken before a write through another view (or into the base) sees the write
x = torch.arange(6.).reshape(2, 3).requires_grad_()
t = x * 1
a = t[0]
b = t[0]
b.mul_(3)
print(a)
(a * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
t = x * 1
a = t[1]
t.mul_(2)
a.sum().backward()
print(x.grad)
