# Library I: optimizers' trajectories over 20 steps from the same start as PyTorch's,
# param groups, state, and the learning-rate schedulers.
import torch
import torch.nn as nn
import torch.optim as optim

def problem():
    torch.manual_seed(0)
    w = nn.Parameter(torch.randn(3))
    b = nn.Parameter(torch.zeros(1))
    x = torch.randn(8, 3)
    y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.3
    return w, b, x, y

configs = [
    ('SGD', dict(lr=0.05)),
    ('SGD', dict(lr=0.05, momentum=0.9)),
    ('SGD', dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ('SGD', dict(lr=0.05, momentum=0.5, dampening=0.3, maximize=False)),
    ('Adam', dict(lr=0.1)),
    ('Adam', dict(lr=0.1, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
    ('AdamW', dict(lr=0.1)),
    ('RMSprop', dict(lr=0.01)),
    ('RMSprop', dict(lr=0.01, momentum=0.9, centered=True, weight_decay=0.1)),
    ('Adagrad', dict(lr=0.3)),
    ('Adagrad', dict(lr=0.3, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1)),
]
for name, kw in configs:
    w, b, x, y = problem()
    opt = getattr(optim, name)([w, b], **kw)
    losses = []
    for step in range(20):
        opt.zero_grad()
        loss = ((x @ w + b - y) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(name, kw)
    print('  losses', ' '.join(f'{l:.5f}' for l in losses[::4]), f'{losses[-1]:.5f}')
    print('  w', w.data, 'b', b.data)

w, b, x, y = problem()
opt = optim.Adam([{'params': [w]}, {'params': [b], 'lr': 0.5}], lr=0.01)
print(opt)
print(len(opt.param_groups), opt.param_groups[1]['lr'], opt.defaults['lr'])
loss = ((x @ w + b - y) ** 2).mean()
loss.backward()
opt.step()
sd = opt.state_dict()
print(sd['param_groups'][1]['params'], sorted(sd['state'][0].keys()), sd['state'][1]['step'])
print(opt.state[w]['exp_avg'])
opt.param_groups[0]['lr'] = 0.2
print(opt.param_groups[0]['lr'])
opt.zero_grad()
print(w.grad)
opt.zero_grad(set_to_none=False)
print(w.grad)

def lrs(make, steps=8, metric=None):
    w = nn.Parameter(torch.zeros(1))
    o = optim.SGD([w], lr=0.1, momentum=0.9)
    s = make(o)
    out = []
    for i in range(steps):
        o.step()
        if metric is None:
            s.step()
        else:
            s.step(metric[i])
        out.append(s.get_last_lr()[0])
    return out

print(lrs(lambda o: optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)))
print(lrs(lambda o: optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1)))
print(lrs(lambda o: optim.lr_scheduler.ExponentialLR(o, gamma=0.9)))
print(lrs(lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01), steps=10))
print(lrs(lambda o: optim.lr_scheduler.LambdaLR(o, lambda e: 1 / (e + 1))))
print(lrs(lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=10), steps=9))
print(lrs(lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=1.0, epochs=2, steps_per_epoch=5, anneal_strategy='linear', three_phase=True), steps=9))
print(lrs(lambda o: optim.lr_scheduler.ReduceLROnPlateau(o, patience=1), steps=8, metric=[1, 0.9, 0.95, 0.95, 0.95, 0.8, 0.9, 0.9]))
w = nn.Parameter(torch.zeros(1))
o = optim.SGD([w], lr=0.1, momentum=0.9)
s = optim.lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=10)
print(o.param_groups[0]['lr'], o.param_groups[0]['momentum'], s.last_epoch)
o.step(); s.step()
print(o.param_groups[0]['lr'], o.param_groups[0]['momentum'])
a = optim.Adam([nn.Parameter(torch.zeros(1))])
optim.lr_scheduler.OneCycleLR(a, max_lr=0.01, total_steps=5)
print(a.param_groups[0]['betas'], a.param_groups[0]['lr'])

p = nn.Parameter(torch.tensor([3.0, 4.0]))
(p * p).sum().backward()
print(nn.utils.clip_grad_norm_([p], max_norm=1.0), p.grad)
print(torch.nn.utils.clip_grad_norm_(p, 5.0, norm_type='inf'), p.grad)
nn.utils.clip_grad_value_([p], 0.1)
print(p.grad)

for bad in [lambda: optim.SGD([], lr=0.1), lambda: optim.SGD([p], lr=-1),
            lambda: optim.SGD([p], lr=0.1, nesterov=True), lambda: optim.Adam([p], lr=0.1, eps=-1)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
