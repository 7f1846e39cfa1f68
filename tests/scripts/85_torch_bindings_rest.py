# the rest of the bound torch names: aliases, bitwise ops, in-place math, views, dtype helpers, grad-mode contexts
import math
import random
import time
import torch
import torch.nn.functional as F

a = torch.tensor([[1.5, -2.25], [3.0, -0.5]])
print(torch.absolute(a), torch.clip(a, -1, 1), torch.divide(a, 2), torch.subtract(a, 1, alpha=2))
print(torch.less(a, 0), a.less(1), torch.as_tensor([1, 2]), torch.as_tensor(a) is a)
i = torch.tensor([12, 10, 7])
j = torch.tensor([10, 6, 3])
print(torch.bitwise_and(i, j), torch.bitwise_or(i, j), torch.bitwise_xor(i, j), torch.bitwise_not(i))
print(torch.bitwise_left_shift(i, 1), torch.bitwise_right_shift(i, 2), i.bitwise_and(3))
print(torch.broadcast_shapes((2, 1), (1, 3)), torch.promote_types(torch.int32, torch.float16))
print(torch.result_type(i, 1.0), torch.get_default_dtype(), torch.initial_seed() >= 0)
print(i.byte(), i.char(), i.short(), i.cpu(), i.detach(), i.element_size(), i.ndimension(), i.nelement())
print(torch.empty_like(a).shape, torch.randint_like(i, 5).shape, torch.normal(0.0, 1.0, (2, 2)).shape)
print(torch.bernoulli(torch.zeros(3)), torch.ones(2).normal_().shape)
x = torch.arange(24).view(2, 3, 4)
print(torch.movedim(x, 0, 2).shape, torch.swapaxes(x, 0, 1).shape, x.storage_offset(), x[1].storage_offset())
print(x.view_as(torch.zeros(6, 4)).shape, x.reshape_as(torch.zeros(4, 6)).shape)
f = torch.tensor([0.25, 1.0, 4.0])
for op in ["ceil_", "floor_", "round_", "trunc_"]:
    g = f.clone() * 2.6
    getattr(g, op)()
    print(op, g)
g = f.clone(); g.sqrt_(); print(g)
g = f.clone(); g.log_(); print(g)
g = f.clone(); g.sin_(); g.cos_(); print(g)
g = f.clone(); g.tanh_(); g.sigmoid_(); print(g)
g = f.clone(); g.reciprocal_(); g.pow_(2); print(g)
g = f.clone(); g.fmod_(0.3); print(g)
g = f.clone(); g.remainder_(0.3); print(g)
g = torch.tensor([7, -7]); g.floor_divide_(2); print(g)
g = f.clone(); g.masked_fill_(g > 0.5, -1.0); print(g)
print(F.relu6(torch.tensor([-1.0, 3.0, 8.0])), F.hardtanh(torch.tensor([-2.0, 0.5, 2.0])))
with torch.no_grad():
    print("no_grad", torch.is_tensor(a))
with torch.enable_grad():
    print("enable_grad")
with torch.inference_mode():
    print("inference_mode")
print(torch.cuda.is_available(), torch.cuda.device_count())
print(math.comb(5, 2), math.lcm(4, 6))
random.seed(7)
print(random.randrange(10), random.sample(range(20), 3), round(random.gauss(0, 1), 6))
print(time.process_time() >= 0)
