import torch

CLASS_NAMES = ("low", "mid", "high")


def make_dataset(n, num_features=8):
    """Random features; the label is which third of the range a fixed linear score falls in."""
    x = torch.randn(n, num_features)
    weights = torch.linspace(1.0, -1.0, num_features)
    score = x @ weights
    y = (score > -1.0).long() + (score > 1.0).long()
    return x, y


def split(x, y, val_fraction=0.2):
    perm = torch.randperm(len(x))
    n_val = int(len(x) * val_fraction)
    val_idx, train_idx = perm[:n_val], perm[n_val:]
    return (x[train_idx], y[train_idx]), (x[val_idx], y[val_idx])


def batches(x, y, batch_size, shuffle=True):
    """Yield (inputs, targets) mini-batches, in a fresh random order when shuffling."""
    n = x.shape[0]
    order = torch.randperm(n) if shuffle else torch.arange(n)
    for start in range(0, n, batch_size):
        idx = order[start:start + batch_size]
        yield x[idx], y[idx]
