# in-place ops: add_, sub_, mul_, div_, clamp_, zero_, fill_, copy_, relu_, exp_; += keeps identity
import torch
x = torch.tensor([1.0, -2.0, 3.0, -4.0])
y = x
x += 1
print(y, y is x)
x *= 2
print(y)
x -= torch.tensor([1.0, 1.0, 1.0, 1.0])
print(y)
x /= 2
print(y)
x = x + 1
print(y, y is x)
a = torch.tensor([1.0, 2.0, 3.0])
r = a.add_(10)
print(a, r is a)
a.sub_(1).mul_(2)
print(a)
a.div_(4)
print(a)
a.add_(torch.tensor([1.0, 1.0, 1.0]), alpha=3)
print(a)
b = torch.tensor([-3.0, 0.5, 7.0])
b.clamp_(-1, 1)
print(b)
b.clamp_(min=0)
print(b)
b.relu_()
print(b)
b.exp_()
print(b)
c = torch.ones(2, 3)
c.fill_(7)
print(c)
c.zero_()
print(c)
c.copy_(torch.tensor([1.0, 2.0, 3.0]))
print(c)
i = torch.tensor([1, 2, 3])
i += 5
i *= 2
i //= 3
print(i, i.dtype)
j = torch.tensor([5, 6])
j.copy_(torch.tensor([1.9, -1.9]))
print(j)
k = torch.tensor([-1.0, 2.0])
k.neg_().abs_()
print(k)
