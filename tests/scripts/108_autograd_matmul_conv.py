# gradients of matmul variants (2-D, 1-D, batched, broadcast), mm/bmm/mv/dot/outer/addmm/einsum, conv2d, max pooling, interpolate
import torch
import torch.nn.functional as F
def leaf(*shape, start=1.0):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(start, start + n).reshape(shape).requires_grad_()
def show(out, *ins, w=None):
    if w is None:
        w = torch.arange(1.0, out.numel() + 1).reshape(out.shape)
    (out * w).sum().backward()
    print(tuple(out.shape), out.requires_grad)
    for t in ins:
        print(t.grad)
A, B = leaf(2, 3), leaf(3, 2)
show(A @ B, A, B)
v, M = leaf(2), leaf(2, 3)
show(v @ M, v, M)
M2, u = leaf(2, 3), leaf(3)
show(M2 @ u, M2, u)
p, q = leaf(3), leaf(3, start=4.0)
show(p @ q, p, q)
X, Y = leaf(2, 2, 3), leaf(2, 3, 2)
show(X @ Y, X, Y)
X3, W2 = leaf(2, 2, 3), leaf(3, 1)
show(torch.matmul(X3, W2), X3, W2)
a, b = leaf(2, 2), leaf(2, 2, start=-1.0)
show(torch.mm(a, b), a, b)
c, d = leaf(2, 1, 2), leaf(2, 2, 1)
show(torch.bmm(c, d), c, d)
m3, v3 = leaf(2, 2), leaf(2)
show(torch.mv(m3, v3), m3, v3)
e, f = leaf(3), leaf(3)
show(torch.dot(e, f), e, f)
o1, o2 = leaf(2), leaf(3)
show(torch.outer(o1, o2), o1, o2)
bias, m1, mm2 = leaf(2, 2), leaf(2, 3), leaf(3, 2)
show(torch.addmm(bias, m1, mm2, beta=0.5, alpha=2.0), bias, m1, mm2)
E1, E2 = leaf(2, 3), leaf(3, 2)
show(torch.einsum('ij,jk->ik', E1, E2), E1, E2)
show(torch.einsum('ij,ij->i', E1, E1.detach()), E1)
img = torch.arange(16.0).reshape(1, 1, 4, 4).requires_grad_()
ker = torch.tensor([[[[1.0, 0.0], [-1.0, 2.0]]]], requires_grad=True)
kb = torch.tensor([0.5], requires_grad=True)
show(F.conv2d(img, ker, kb), img, ker, kb)
img.grad = None
ker.grad = None
kb.grad = None
show(F.conv2d(img, ker, kb, stride=2, padding=1), img, ker, kb)
img2 = torch.arange(32.0).reshape(1, 2, 4, 4).requires_grad_()
ker2 = torch.ones(3, 2, 3, 3, requires_grad=True)
out = F.conv2d(img2, ker2, padding=1)
out.sum().backward()
print(out.shape, img2.grad[0, 1], ker2.grad[2, 0])
pin = torch.tensor([[[[1.0, 5.0, 2.0, 0.0], [3.0, 4.0, 8.0, 1.0], [0.0, 2.0, 6.0, 6.0], [9.0, 1.0, 3.0, 2.0]]]], requires_grad=True)
show(F.max_pool2d(pin, 2), pin)
pin.grad = None
show(F.max_pool2d(pin, 3, stride=1), pin)
pin.grad = None
small = leaf(1, 1, 2, 2)
show(F.interpolate(small, scale_factor=2, mode='nearest'), small)
small.grad = None
show(F.interpolate(small, size=(3, 3), mode='bilinear', align_corners=False), small)
small.grad = None
show(F.interpolate(small, size=(3, 4), mode='bilinear', align_corners=True), small)
