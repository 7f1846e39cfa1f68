# Seeded random tensors draw PyTorch's CPU streams: randn one value at a time below 16 values
# (Box-Muller pairs, the second kept for the next draw) and in blocks of 16 from 16 on (the
# tail drawn again), double precision, normal/normal_, rand, randint, randperm, bernoulli.
import torch

torch.manual_seed(0)
print(torch.randn(3))
print(torch.randn(2, 2))
print(torch.randn(16))
print(torch.randn(3, 7))
print(torch.randn(5, dtype=torch.float64))
print(torch.randn(18, dtype=torch.float64))
torch.manual_seed(1)
print(torch.normal(2.0, 3.0, size=(4,)))
print(torch.normal(-1.0, 0.5, size=(2, 10)))
print(torch.empty(3).normal_(0.0, 2.0))
print(torch.randn_like(torch.zeros(2, 3)))
torch.manual_seed(2)
print(torch.rand(4))
print(torch.randint(0, 10, (12,)))
print(torch.randperm(12))
print(torch.bernoulli(torch.full((10,), 0.5)))
print(torch.bernoulli(torch.full((6,), 0.25, dtype=torch.float64)))
print(torch.randn(3))
# Re-seeding starts over, the kept Box-Muller value included.
torch.manual_seed(3)
a = torch.randn(1)
torch.manual_seed(3)
print(torch.equal(a, torch.randn(1)), torch.randn(1))
