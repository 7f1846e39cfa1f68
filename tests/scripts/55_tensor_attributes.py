# shape, size(), size(dim), dim, ndim, numel, stride, is_contiguous, torch.Size, device, dtype objects
import torch
x = torch.zeros(2, 3, 4)
print(x.shape, x.size(), x.size(0), x.size(-1), x.size(1))
print(x.dim(), x.ndim, x.numel(), torch.numel(x))
print(x.stride(), x.is_contiguous())
print(x.shape == (2, 3, 4), x.shape == torch.Size([2, 3, 4]), x.shape == (2, 3))
s = x.shape
print(s[0], s[-1], s[1:], len(s), list(s), tuple(s))
print(type(s).__name__, isinstance(s, tuple))
a, b, c = x.shape
print(a * b * c)
print(torch.Size([5]), torch.Size([]), torch.Size([2, 1]))
print(torch.tensor(1.0).shape, torch.tensor(1.0).dim(), torch.tensor(1.0).numel())
t = x.transpose(0, 2)
print(t.shape, t.stride(), t.is_contiguous())
print(torch.float32, torch.int64, torch.float, torch.long, torch.float64, torch.double)
print(torch.int32, torch.bool, torch.float16, torch.half, torch.int, torch.int8, torch.uint8)
print(torch.float == torch.float32, torch.long == torch.int64, torch.float32 == torch.float64)
print(x.dtype, torch.tensor([1]).dtype, torch.tensor([True]).dtype)
print(x.device, torch.device("cpu"), x.device == torch.device("cpu"))
print(torch.device("cpu").type)
print(torch.is_tensor(x), torch.is_tensor([1]), isinstance(x, torch.Tensor), isinstance(3, torch.Tensor))
print(x.dtype.is_floating_point, torch.int64.is_floating_point)
for d in [torch.float32, torch.int64, torch.bool]:
    print(d, torch.ones(2, dtype=d).dtype == d)
print(torch.zeros(3, 1).stride(), torch.ones(5).stride())
