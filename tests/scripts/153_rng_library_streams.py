# The library's streams: every layer's default initialisation, nn.init, dropout masks,
# DataLoader shuffling and random_split, with the default generator and with Generators.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader, random_split

for seed in [0, 42, 1234]:
    print('seed', seed)
    torch.manual_seed(seed)
    lin = nn.Linear(3, 4)
    print('Linear', lin.weight.tolist(), lin.bias.tolist())
    lin = nn.Linear(20, 30)
    print('Linear big', lin.weight[3].tolist(), lin.weight[29].tolist(), lin.bias.tolist()[:5])
    conv = nn.Conv2d(2, 3, 3)
    print('Conv2d', conv.weight.flatten().tolist()[:20], conv.bias.tolist())
    emb = nn.Embedding(5, 4)
    print('Embedding', emb.weight.tolist())
    rnn = nn.LSTM(3, 4)
    print('LSTM', [p.flatten().tolist()[:6] for p in rnn.parameters()])
    print('GRU', [p.flatten().tolist()[:6] for p in nn.GRU(2, 3).parameters()])
    print('Conv1d', nn.Conv1d(2, 2, 2).weight.flatten().tolist())
    print('Linear(1, 1)', nn.Linear(1, 1).weight.tolist())
    w = torch.empty(4, 5)
    for name, f in [('uniform_', lambda: nn.init.uniform_(w, -1, 2)),
                    ('normal_', lambda: nn.init.normal_(w, 0.5, 2)),
                    ('xavier_uniform_', lambda: nn.init.xavier_uniform_(w)),
                    ('kaiming_uniform_', lambda: nn.init.kaiming_uniform_(w, a=0.1)),
                    ('kaiming_normal_', lambda: nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'))]:
        f()
        print(name, w.tolist())
    nn.init.xavier_normal_(w, gain=2.0)
    print('xavier_normal_', w.tolist())
    big = torch.empty(6, 7)
    nn.init.kaiming_normal_(big)
    print('kaiming_normal_ big', big.flatten().tolist())
    nn.init.normal_(big.t())
    print('normal_ transposed', big.flatten().tolist())
    x = torch.ones(30)
    # PyTorch's portable bernoulli_ kernel (on Intel CPUs its MKL build draws another stream).
    print('dropout', F.dropout(x, 0.3).tolist())
    print('dropout 2d', F.dropout(torch.ones(4, 5), 0.5, training=True).tolist())
    d = nn.Dropout(0.2)
    print('Dropout', d(torch.ones(10)).tolist())
    ds = TensorDataset(torch.arange(10.0), torch.arange(10))
    loader = DataLoader(ds, batch_size=4, shuffle=True)
    for epoch in range(2):
        print('loader', [yb.tolist() for _, yb in loader])
    print('after loader', torch.rand(2).tolist())
    a, b = random_split(ds, [7, 3])
    print('random_split', list(a.indices), list(b.indices))
    a, b, c = random_split(range(10), [0.5, 0.3, 0.2])
    print('random_split fractions', list(a), list(b), list(c))
    print('after split', torch.rand(2).tolist())

# Generators of one's own
g = torch.Generator()
print('fresh generator seed', g.initial_seed())
print(g.manual_seed(7) is g)
print('g rand', torch.rand(3, generator=g).tolist())
print('g randn', torch.randn(20, generator=g).tolist())
print('g randint', torch.randint(0, 100, (5,), generator=g).tolist())
print('g randperm', torch.randperm(8, generator=g).tolist())
print('g normal', torch.normal(0.0, 1.0, size=(3,), generator=g).tolist())
print('g uniform_', torch.empty(4).uniform_(generator=g).tolist())
print('g normal_', torch.empty(4).normal_(generator=g).tolist())
print('g exponential_', torch.empty(3).exponential_(generator=g).tolist())
print('g bernoulli', torch.bernoulli(torch.full((6,), 0.5), generator=g).tolist())
print('g multinomial', torch.multinomial(torch.ones(5), 3, generator=g).tolist())
print('g init', nn.init.kaiming_uniform_(torch.empty(2, 3), generator=g).tolist())
torch.manual_seed(3)
ds = TensorDataset(torch.arange(10.0))
g2 = torch.Generator().manual_seed(11)
loader = DataLoader(ds, batch_size=3, shuffle=True, generator=g2)
for epoch in range(3):
    print('own loader', [xb.tolist() for (xb,) in loader])
print('default untouched', torch.rand(2).tolist())
print('g2 after', torch.rand(2, generator=g2).tolist())
print('split g', [list(s.indices) for s in random_split(ds, [4, 6], generator=torch.Generator().manual_seed(42))])
print('initial_seed', torch.initial_seed(), g2.initial_seed())

# State
torch.manual_seed(0)
s = torch.get_rng_state()
print('state', s.shape, s.dtype, s[:40].tolist(), s.sum().item(), s[-12:].tolist())
a = torch.rand(5)
torch.set_rng_state(s)
print('restored', torch.equal(a, torch.rand(5)))
torch.randn(1)
s = torch.get_rng_state()
print('state after randn(1)', s[:32].tolist(), s[5016:5056].tolist(), s.sum().item())
x = torch.randn(1)
torch.set_rng_state(s)
print('kept normal restored', torch.equal(x, torch.randn(1)))
torch.rand(700)
s = torch.get_rng_state()
print('state after 700', s[:32].tolist(), s.sum().item())
g = torch.Generator().manual_seed(5)
gs = g.get_state()
u = torch.rand(3, generator=g)
g.set_state(gs)
print('g restored', torch.equal(u, torch.rand(3, generator=g)))
print(torch.default_generator.initial_seed())
try:
    torch.set_rng_state(torch.zeros(10, dtype=torch.uint8))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    torch.rand(2, generator=5)
except TypeError as e:
    print('TypeError')
