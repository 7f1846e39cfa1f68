# tutorial: matrix-vector and matrix-matrix products from elementwise ops, indexing and Python loops
import torch
A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
v = torch.tensor([1.0, 0.5, -1.0])
def matvec(m, x):
    out = torch.zeros(m.shape[0])
    for i in range(m.shape[0]):
        prod = m[i] * x
        acc = 0.0
        for j in range(prod.shape[0]):
            acc += prod[j].item()
        out[i] = acc
    return out
print(matvec(A, v))
def matmul(a, b):
    n, k = a.shape
    k2, m = b.shape
    assert k == k2, "inner dims must match"
    out = torch.zeros(n, m)
    for t in range(k):
        out += a[:, t].unsqueeze(1) * b[t].unsqueeze(0)
    return out
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]])
C = matmul(A, B)
print(C, C.shape)
I = torch.eye(3)
print(torch.equal(matmul(A, I), A))
outer = v.unsqueeze(1) * v.unsqueeze(0)
print(outer)
print(outer.diagonal(), torch.equal(outer, outer.t()))
try:
    matmul(A, A)
except AssertionError as e:
    print("AssertionError:", e)
rows = [matvec(A, torch.tensor([1.0, 1.0, 1.0]))[i].item() for i in range(2)]
print(rows)
