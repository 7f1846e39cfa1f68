import torch

# What a tutorial's device cell does; the same output with or without a GPU.
device = "cuda" if torch.cuda.is_available() else "cpu"
print(type(torch.cuda.is_available()).__name__, torch.cuda.device_count() >= 0)
x = torch.arange(6.0).reshape(2, 3).to(device)
y = (x * 2 + 1).softmax(dim=1)
print(y.cpu())
print(x.device.type == device, y.sum().item() > 2.99)
print(type(torch.cuda.memory_allocated()).__name__, torch.cuda.max_memory_allocated() >= torch.cuda.memory_allocated())
print(torch.cuda.empty_cache())
if torch.cuda.is_available():
    torch.cuda.reset_peak_memory_stats()
    torch.cuda.synchronize()
    print(len(torch.cuda.get_device_name(0)) > 0)
else:
    try:
        torch.cuda.reset_peak_memory_stats()
    except RuntimeError:
        pass
    print(True)
