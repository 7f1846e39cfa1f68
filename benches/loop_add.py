# `x = x + 1` on a 1-element tensor in a loop: what the interpreter adds per step.
# Runs unchanged in nabla (`nabla run`) and in Python + PyTorch; prints ns per iteration.
import time
import torch

x = torch.zeros(1)
n = 200000
best = 1e9
for rep in range(5):
    t0 = time.perf_counter()
    for i in range(n):
        x = x + 1
    dt = (time.perf_counter() - t0) / n * 1e9
    best = min(best, dt)
print(f"{best:.1f}")
