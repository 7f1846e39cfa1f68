# state_dict() is an OrderedDict (printed as PyTorch prints it); copy.deepcopy keeps the best
# model; json/pickle-free checkpoints through torch.save (PyTorch 2.15 is the oracle).
import copy
import os
from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
sd = model.state_dict()
print(type(sd).__name__, isinstance(sd, OrderedDict), isinstance(sd, dict), len(sd))
print(list(sd.keys()))
print(sd)
print(nn.Linear(1, 1).state_dict())
best = copy.deepcopy(model)
with torch.no_grad():
    model[0].weight.add_(1.0)
print(torch.equal(best[0].weight, model[0].weight), best[0].weight.requires_grad)
model.load_state_dict(best.state_dict())
print(torch.equal(best[0].weight, model[0].weight))
os.makedirs("_t209_tmp", exist_ok=True)
torch.save(model.state_dict(), "_t209_tmp/m.pt")
loaded = torch.load("_t209_tmp/m.pt")
print(list(loaded.keys()) == list(sd.keys()), torch.equal(loaded["0.weight"], sd["0.weight"]))
os.remove("_t209_tmp/m.pt")
os.rmdir("_t209_tmp")
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(type(opt.state_dict()).__name__, sorted(opt.state_dict().keys()))
