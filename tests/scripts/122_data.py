# Library I: torch.utils.data -- datasets, DataLoader batches (shuffled from the session's
# generator as PyTorch shuffles), default collate, random_split.
import torch
from torch.utils.data import Dataset, TensorDataset, DataLoader, Subset, ConcatDataset, random_split

torch.manual_seed(0)
X = torch.arange(20.).view(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4)
print(len(loader))
for xb, yb in loader:
    print(xb.shape, yb)
loader = DataLoader(ds, batch_size=4, shuffle=True, drop_last=True)
print(len(loader))
for epoch in range(2):
    for xb, yb in loader:
        print(epoch, yb)
print(torch.rand(2))

class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return {'x': torch.tensor([float(i)]), 'y': i * i, 'name': f'item{i}', 'w': 0.5 * i}

for batch in DataLoader(Squares(5), batch_size=2, shuffle=True):
    print(batch)

class Pairs(Dataset):
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return torch.ones(2) * i, (i, float(i))
print(next(iter(DataLoader(Pairs(), batch_size=3))))
print(list(DataLoader(Pairs(), batch_size=2, collate_fn=lambda b: len(b))))
print(list(DataLoader([1, 2, 3, 4, 5], batch_size=2)))
print(list(DataLoader(Squares(2), batch_size=None)))

sub = Subset(ds, [9, 0, 4])
print(len(sub), sub[0], sub[2][1])
cat = ConcatDataset([sub, TensorDataset(torch.zeros(2, 2), torch.tensor([-1, -2]))])
print(len(cat), cat[3], cat[-1])
both = sub + sub
print(len(both))
torch.manual_seed(42)
train, val = random_split(ds, [8, 2])
print(len(train), len(val), train.indices, val.indices)
a, b, c = random_split(range(10), [0.5, 0.3, 0.2])
print(len(a), len(b), len(c), list(a))
print(list(DataLoader(val, batch_size=2))[0][1])
