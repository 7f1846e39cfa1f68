# tutorial: a class holding tensors with __repr__, parameter registry, forward via __call__
import torch
class Affine:
    def __init__(self, n, scale=1.0):
        self.weight = torch.full((n,), scale)
        self.bias = torch.zeros(n)
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.weight + self.bias
    def parameters(self):
        return [self.weight, self.bias]
    def numel(self):
        return sum(p.numel() for p in self.parameters())
    def __repr__(self):
        return f"Affine(n={self.weight.shape[0]}, weight={self.weight.tolist()}, bias={self.bias.tolist()})"
class Pipeline:
    def __init__(self, *layers):
        self.layers = list(layers)
    def __call__(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x
    def __len__(self):
        return len(self.layers)
    def __getitem__(self, i):
        return self.layers[i]
    def __repr__(self):
        inner = ",\n  ".join(repr(l) for l in self.layers)
        return "Pipeline(\n  " + inner + "\n)"
a = Affine(3, 2.0)
b = Affine(3, -1.0)
b.bias.fill_(5.0)
net = Pipeline(a, b)
print(net)
print(len(net), net[0].numel(), sum(l.numel() for l in net.layers))
x = torch.tensor([1.0, -1.0, 3.0])
print(net(x))
print(a.calls, b.calls)
for p in a.parameters():
    p.mul_(0.5)
print(a)
print(net(x), net(torch.zeros(3)))
print(isinstance(a.weight, torch.Tensor), type(net[1]).__name__)
