# torch.save / torch.load round trips: state dicts, checkpoints of nested data, views.
import torch
import torch.nn as nn

path = "/tmp/nabla_golden_151_save_load.pt"
model = nn.Linear(3, 2)
torch.save(model.state_dict(), path)
sd = torch.load(path)
print(list(sd.keys()))
print(sd["weight"].shape, sd["weight"].dtype, sd["weight"].requires_grad)
fresh = nn.Linear(3, 2)
print(fresh.load_state_dict(sd))
print(torch.equal(fresh.weight, model.weight), torch.equal(fresh.bias, model.bias))

checkpoint = {
    "epoch": 7,
    "loss": 0.125,
    "name": "run-1",
    "history": [1.5, 0.75, (True, None)],
    "shape": torch.Size([2, 3]),
    "view": torch.arange(10.0)[2:8:2],
    "ints": torch.arange(6).reshape(2, 3).t(),
    "half": torch.tensor([0.5, 2.0], dtype=torch.float16),
    "big": -(2**40),
}
torch.save(checkpoint, path)
back = torch.load(path, map_location="cpu")
for k, v in back.items():
    print(k, v)
