# random_, erfinv and trunc_normal_ (PyTorch 2.15's rejection sampling), torch.random, and
# the CUDA calls without a GPU.
import torch
import torch.nn as nn
import torch.random

for seed in [0, 42, 1234]:
    torch.manual_seed(seed)
    print(torch.empty(5, dtype=torch.int64).random_().tolist())
    print(torch.empty(5).random_().tolist())
    print(torch.empty(5, dtype=torch.float64).random_().tolist())
    print(torch.empty(6, dtype=torch.int32).random_(10).tolist())
    print(torch.empty(6, dtype=torch.int64).random_(-5, 5).tolist())
    w = torch.empty(4, 6)
    nn.init.trunc_normal_(w, std=0.02)
    print(w.flatten().tolist())
    nn.init.trunc_normal_(w, mean=1.0, std=2.0, a=0.0, b=3.0)
    print(w.min().item() >= 0.0, w.max().item() <= 3.0, w[0].tolist())

x = torch.tensor([-0.999, -0.5, 0.0, 0.25, 0.7, 0.9, 1.0, -1.0])
print(torch.erfinv(x))
print([round(v, 6) for v in torch.erf(torch.erfinv(x[:6])).tolist()])
y = torch.tensor([0.1, -0.3], requires_grad=True)
torch.erfinv(y).sum().backward()
print(y.grad)
z = torch.tensor([0.5, -0.2])
z.erfinv_()
print(z)

torch.random.manual_seed(5)
a = torch.rand(2)
torch.manual_seed(5)
print(torch.equal(a, torch.rand(2)), torch.random.initial_seed())
s = torch.random.get_rng_state()
b = torch.rand(3)
torch.random.set_rng_state(s)
print(torch.equal(b, torch.rand(3)))

for f in [torch.cuda.get_device_name, torch.cuda.current_device, torch.cuda.synchronize]:
    try:
        f()
    except (AssertionError, RuntimeError):
        # PyTorch without CUDA raises AssertionError, with CUDA but no driver RuntimeError.
        print('no GPU')
