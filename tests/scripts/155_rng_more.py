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

# sparse_ takes its normals from generator= but its zero rows from the default generator.
for seed in [0, 42]:
    torch.manual_seed(seed)
    w = torch.empty(5, 4)
    nn.init.sparse_(w, 0.4, std=0.5)
    print(w.tolist())
    g = torch.Generator().manual_seed(3)
    nn.init.sparse_(w, 0.2, generator=g)
    print(w.tolist(), torch.rand(1).tolist())

# orthogonal_ draws PyTorch's normals; its QR (LAPACK's there) agrees to about 6 digits.
torch.manual_seed(0)
w = torch.empty(3, 5)
nn.init.orthogonal_(w)
print([round(v, 5) for v in w.flatten().tolist()])
nn.init.orthogonal_(w.t(), gain=2.0)
print([round(v, 5) for v in w.flatten().tolist()], torch.rand(2).tolist())
