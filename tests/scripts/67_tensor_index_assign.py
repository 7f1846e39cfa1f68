# writing through indexing: scalar, row, column, slice, tensors, broadcasting, augmented
import torch
x = torch.zeros(3, 4)
x[0] = 5
print(x)
x[:, 1] = torch.tensor([1.0, 2.0, 3.0])
print(x)
x[1:] += 1
print(x)
x[2, 3] = -7.5
x[-1, 0] = 9
print(x)
x[:, 2:] = torch.tensor([8.0, 9.0])
print(x)
x[0, :2] *= 10
print(x)
x[...] = 0
print(x)
y = torch.arange(10)
y[::2] = 0
print(y)
y[1:4] = torch.tensor([7, 8, 9])
print(y)
y[-1] = 100
y[0] = 2.9
print(y)
z = torch.zeros(2, 2, 2, dtype=torch.int64)
z[1, :, 0] = torch.tensor([3, 4])
z[0] = torch.tensor([[1, 1], [2, 2]])
print(z)
b = torch.zeros(3, dtype=torch.bool)
b[1] = True
print(b)
m = torch.ones(2, 3)
m[:, 0] -= torch.tensor([0.5, 1.5])
m[1] /= 2
print(m)
