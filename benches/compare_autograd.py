"""Autograd beside PyTorch in one run: an MLP training step's forward+backward, and the
cost of recording ops on 1-element tensors; prints ratios.

    python3 benches/compare_autograd.py    (needs `pip install torch numpy`; builds the benches)

Runs `cargo bench --bench autograd` and the same workloads in PyTorch, on 1 and 2 threads.
Below 1.0 nabla is faster. The table goes into benches/RESULTS.md.
"""
import torch
import torch.nn.functional as F

from compare import median_time, report


def torch_medians(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    out = {}

    x, y = torch.randn(128, 784), torch.randint(0, 10, (128, 1))
    params = [(torch.randn(*s) * 0.05).requires_grad_() for s in ((256, 784), (256,), (10, 256), (10,))]
    w1, b1, w2, b2 = params

    def step():
        for p in params:
            p.grad = None
        h = F.relu(F.linear(x, w1, b1))
        loss = -F.log_softmax(F.linear(h, w2, b2), 1).gather(1, y).mean()
        loss.backward()

    out["mlp_step_784_256_10_b128"] = median_time(step, 100)

    a, b = torch.randn(1).requires_grad_(), torch.randn(1)
    out["tiny_mul_recorded"] = median_time(lambda: a * b, 200, 1000)
    p, q = torch.randn(1), torch.randn(1)
    out["tiny_mul_plain"] = median_time(lambda: p * q, 200, 1000)

    def chain():
        ((a * b + a).sin()).backward()

    out["tiny_chain_backward"] = median_time(chain, 200, 100)
    return out


if __name__ == "__main__":
    report("autograd", torch_medians, {
        "mlp_step_784_256_10_b128": "≤ 1.0",
        "tiny_mul_recorded": "≤ 0.2",
        "tiny_mul_plain": "",
        "tiny_chain_backward": "≤ 0.2",
    })
