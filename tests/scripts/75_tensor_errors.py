# torch RuntimeErrors: broadcasting mismatch and view on non-contiguous tensor
import torch
try:
    torch.ones(2, 3) + torch.ones(4)
except RuntimeError as e:
    print("RuntimeError:", e)
x = torch.arange(6).reshape(2, 3)
try:
    x.t().view(6)
except RuntimeError as e:
    print(e)
print(x.t().reshape(6))
print(x.t().contiguous().view(6))
def safe_add(a, b):
    try:
        return a + b
    except RuntimeError:
        return None
print(safe_add(torch.ones(3), torch.ones(3)))
print(safe_add(torch.ones(3), torch.ones(2)))
print(safe_add(torch.ones(2, 1), torch.ones(3)).shape)
caught = 0
for shape in [(3,), (1,), (2,), (4,)]:
    try:
        torch.zeros(4) * torch.zeros(*shape)
    except RuntimeError:
        caught += 1
print("caught", caught)
try:
    torch.ones(2, 3) - torch.ones(3, 2)
except RuntimeError as e:
    print(type(e).__name__, "|", e)
