# Seeded streams, exact: every value as a Python float (tolist), seeds 0, 42 and 1234,
# float32 and float64, sizes on both sides of PyTorch's vectorised threshold of 16.
import torch

sizes = [1, 3, 15, 16, 17, 40]
for seed in [0, 42, 1234]:
    print('seed', seed)
    for dt in [torch.float32, torch.float64]:
        torch.manual_seed(seed)
        for n in sizes:
            print('rand', dt, n, torch.rand(n, dtype=dt).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('randn', dt, n, torch.randn(n, dtype=dt).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('normal_', dt, n, torch.empty(n, dtype=dt).normal_(1.5, 0.5).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('uniform_', dt, n, torch.empty(n, dtype=dt).uniform_(-2, 3).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('exponential_', dt, n, torch.empty(n, dtype=dt).exponential_(1.5).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('bernoulli', dt, n, torch.bernoulli(torch.full((n,), 0.3, dtype=dt)).tolist())
        torch.manual_seed(seed)
        for n in sizes:
            print('bernoulli_', dt, n, torch.empty(n, dtype=dt).bernoulli_(0.3).tolist())
    torch.manual_seed(seed)
    for n in sizes:
        print('randint', n, torch.randint(0, 10, (n,)).tolist(), torch.randint(-3, 2**40, (n,)).tolist())
    torch.manual_seed(seed)
    for n in [1, 2, 5, 16, 17, 50]:
        print('randperm', n, torch.randperm(n).tolist())
    torch.manual_seed(seed)
    w = torch.tensor([1.0, 2.0, 3.0, 4.0, 0.5, 0.0, 7.0])
    for n in [1, 3, 20]:
        print('multinomial', n, torch.multinomial(w, n, replacement=True).tolist())
    for n in [1, 3, 6]:
        print('multinomial', n, torch.multinomial(w, n).tolist())
    print('multinomial 2d', torch.multinomial(torch.rand(3, 5), 2).tolist())
    print('multinomial 2d', torch.multinomial(torch.rand(3, 5), 4, replacement=True).tolist())
    torch.manual_seed(seed)
    for dt in [torch.float16, torch.bfloat16]:
        for n in [3, 16, 20]:
            print('half', dt, n, torch.rand(n, dtype=dt).tolist(), torch.randn(n, dtype=dt).tolist())
    torch.manual_seed(seed)
    print('randn 2d', torch.randn(3, 7).tolist())
    print('rand 2d', torch.rand(2, 9, dtype=torch.float64).tolist())
    print('normal t', torch.normal(torch.zeros(3), torch.ones(3) * 2).tolist())
    print('normal t', torch.normal(torch.arange(20.0), 1.0).tolist())

# Checksums over 2^17 normals each: one value off in its last bit changes them.
for seed, std in [(1234, 1.0), (7, 0.9428090415820634)]:
    torch.manual_seed(seed)
    z = torch.empty(2 ** 17).normal_(0.0, std)
    print('checksum', seed, (z.double() * 2 ** 40).long().sum().item())
