# Library I: nn.Module -- registration by assignment, parameters, state_dict, train/eval,
# containers and PyTorch's nested print.
import torch
import torch.nn as nn

torch.manual_seed(0)

class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.norm = nn.LayerNorm(n)
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer('steps', torch.zeros(1))
        self.plain = torch.zeros(2)

    def forward(self, x):
        self.steps += 1
        return self.norm(self.lin(x)) * self.scale

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), Block(3))
        self.heads = nn.ModuleList([nn.Linear(3, 2) for _ in range(3)])
        self.extra = nn.ModuleDict({'a': nn.Tanh(), 'b': nn.Dropout(0.1)})

    def forward(self, x):
        h = self.features(x)
        return sum(head(h) for head in self.heads)

net = Net()
print(net)
print(sum(p.numel() for p in net.parameters()))
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([n for n, _ in net.named_buffers()])
print([n for n, _ in net.named_children()])
print([n for n, _ in net.named_modules()])
print(len(list(net.modules())), len(list(net.children())))
sd = net.state_dict()
print(list(sd.keys()))
print(sd['features.2.steps'], sd['features.0.bias'].requires_grad)
out = net(torch.randn(5, 4))
print(out.shape, net.features[2].steps)
out.sum().backward()
print(net.heads[0].bias.grad)
net.zero_grad()
print(net.heads[0].bias.grad)
print(net.training, net.features[1].training)
net.eval()
print(net.training, net.features[1].training, net.extra['b'].training)
net.train()
print(net.extra['b'].training)
net.requires_grad_(False)
print(any(p.requires_grad for p in net.parameters()))
net.requires_grad_()

other = Net()
print(other.load_state_dict(net.state_dict()))
print(torch.equal(other.heads[1].weight, net.heads[1].weight))
bad = net.state_dict()
bad['heads.0.weight'] = torch.zeros(5, 5)
bad['surprise'] = torch.zeros(1)
del bad['extra' if False else 'heads.2.bias']
try:
    other.load_state_dict(bad)
except RuntimeError as e:
    print(e)
print(other.load_state_dict({'heads.0.bias': torch.ones(2)}, strict=False))

names = []
net.apply(lambda m: names.append(type(m).__name__))
print(names)

seq = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
print(len(seq), seq[0], seq[-1])
print(seq[1:])
seq.append(nn.Sigmoid())
print(seq)
print(seq(torch.ones(3, 2)).shape)
for m in seq:
    print(type(m).__name__, end=' ')
print()
ml = nn.ModuleList()
ml.append(nn.ReLU())
ml.extend([nn.Linear(1, 1), nn.Linear(1, 1)])
ml.insert(0, nn.Tanh())
print(ml, len(ml))
md = nn.ModuleDict()
md['x'] = nn.Linear(1, 2)
md.update({'y': nn.ReLU()})
print(md, list(md.keys()), 'x' in md, len(md))

p = nn.Parameter(torch.tensor([1.0, 2.0]))
print(p)
print(isinstance(p, torch.Tensor), isinstance(p, nn.Parameter), type(p).__name__)
print(p * 2)
print(nn.Parameter(torch.zeros(2), requires_grad=False))
print(isinstance(seq, nn.Module), isinstance(seq[0], nn.Linear), type(seq[0]))

class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(2.0))
        self.register_parameter('b', None)
    def extra_repr(self):
        return 'w=2'
    def forward(self, x):
        return x * self.w
t = Tiny()
print(t, list(t.state_dict()), t(torch.tensor(3.0)))
m = nn.Linear(2, 2).double()
print(m.weight.dtype, m.to(torch.float32).weight.dtype, m.to('cpu') is m)
try:
    nn.Module()(1)
except NotImplementedError as e:
    print(e)
x = torch.ones(2)
print(x.layout, x.layout == torch.strided, x.dtype, x.device)
a = nn.Linear(1, 1)
print(a == a, a == nn.Linear(1, 1), a != a, [seq, a].index(a), a in [a])
