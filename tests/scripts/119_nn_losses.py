# Library I: losses -- values, gradients, reductions, weights and PyTorch's errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3, requires_grad=True)
target = torch.tensor([0, 2, 1, 2])
for red in ['mean', 'sum', 'none']:
    l = F.cross_entropy(logits, target, reduction=red)
    print(red, l)
loss = nn.CrossEntropyLoss()(logits, target)
loss.backward()
print(logits.grad)
w = torch.tensor([1.0, 2.0, 0.5])
print(F.cross_entropy(logits, target, weight=w))
print(F.cross_entropy(logits, torch.tensor([0, -100, 1, 2])))
print(F.cross_entropy(logits, torch.tensor([0, 5, 1, 2]), ignore_index=5, reduction='sum'))
print(F.cross_entropy(logits, target, label_smoothing=0.1))
print(F.cross_entropy(logits, target, weight=w, label_smoothing=0.2))
probs = torch.softmax(torch.randn(4, 3), dim=1)
print(F.cross_entropy(logits, probs))
print(F.cross_entropy(logits, probs, label_smoothing=0.1, reduction='none'))
print(F.cross_entropy(torch.randn(2, 3, 2), torch.tensor([[0, 1], [2, 2]])))
print(F.cross_entropy(torch.tensor([1.0, 2.0, 0.5]), torch.tensor(1)))
print(nn.CrossEntropyLoss(weight=w, label_smoothing=0.1), list(nn.CrossEntropyLoss(weight=w).state_dict()))

lp = F.log_softmax(logits, dim=1)
print(F.nll_loss(lp, target), nn.NLLLoss(reduction='sum')(lp, target))

pred = torch.randn(5, requires_grad=True)
tgt = torch.randn(5)
for name, f in [('mse', F.mse_loss), ('l1', F.l1_loss), ('smooth_l1', F.smooth_l1_loss), ('huber', F.huber_loss)]:
    l = f(pred, tgt)
    g, = torch.autograd.grad(l, pred)
    print(name, l, g)
print(F.smooth_l1_loss(pred, tgt, beta=0.5), F.huber_loss(pred, tgt, delta=0.3), F.mse_loss(pred, tgt, reduction='none'))
print(nn.MSELoss(), nn.L1Loss(reduction='sum'), nn.SmoothL1Loss(beta=2.0), nn.HuberLoss(delta=0.5))
print(nn.MSELoss(reduction='sum')(pred, tgt), nn.L1Loss()(pred, tgt))

p = torch.sigmoid(torch.randn(6, requires_grad=True))
t = torch.tensor([0., 1., 1., 0., 1., 0.])
print(F.binary_cross_entropy(p, t), nn.BCELoss(weight=torch.arange(6.))(p, t))
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])))
z = torch.randn(6, requires_grad=True)
l = F.binary_cross_entropy_with_logits(z, t)
l.backward()
print(l, z.grad)
print(F.binary_cross_entropy_with_logits(z, t, pos_weight=torch.tensor(3.0)))
print(nn.BCEWithLogitsLoss(reduction='none')(torch.tensor([100.0, -100.0]), torch.tensor([0.0, 1.0])))

inp = F.log_softmax(torch.randn(3, 4), dim=1)
tg = F.softmax(torch.randn(3, 4), dim=1)
print(F.kl_div(inp, tg, reduction='batchmean'), F.kl_div(inp, tg.log(), reduction='sum', log_target=True))
print(nn.KLDivLoss(reduction='batchmean')(inp, tg))

for bad in [lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([1, 2])),
            lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([1, 2, 4])),
            lambda: F.mse_loss(pred, tgt, reduction='avg'),
            lambda: F.binary_cross_entropy(torch.tensor([0.5, 2.0]), torch.tensor([1.0, 0.0])),
            lambda: F.binary_cross_entropy(torch.tensor([[0.5], [0.2]]), torch.tensor([1.0, 0.0])),
            lambda: nn.Linear(3, 2)(torch.randn(4, 5)),
            lambda: nn.BatchNorm1d(3)(torch.randn(1, 3)),
            lambda: nn.Dropout(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
