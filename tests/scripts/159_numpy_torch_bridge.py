# Tensors and NumPy arrays share memory (PyTorch's "Bridge with NumPy"), and the
# polynomial-fitting tutorial written in NumPy.
import math
import torch
import numpy as np

t = torch.ones(5)
print(f"t: {t}")
n = t.numpy()
print(f"n: {n}")
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
n = np.ones(5)
t = torch.from_numpy(n)
np.add(n, 1, out=n)
print(f"t: {t}")
print(f"n: {n}")
data = [[1, 2], [3, 4]]
np_array = np.array(data)
x_np = torch.from_numpy(np_array)
print(x_np)
print(torch.tensor(np_array), torch.as_tensor(np_array).dtype, torch.tensor(np.array([0.5], dtype=np.float32)))
a = np.arange(6).reshape(2, 3)
b = torch.from_numpy(a)
b[0, 0] = 100
print(a)
c = torch.as_tensor(a)
c.mul_(2)
print(a[0])
copy = torch.tensor(a)
copy.zero_()
print(a[0])
print(torch.zeros(2, 2).numpy(), torch.arange(4).numpy().dtype)
w = torch.randn(3, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print("RuntimeError:", e)
print(w.detach().numpy().shape)
try:
    torch.from_numpy([1, 2])
except TypeError as e:
    print("TypeError:", e)
np.save("/tmp/nabla_159.npy", np.arange(4) * 0.5)
print(np.load("/tmp/nabla_159.npy"))
np.save("/tmp/nabla_159b", np.eye(2))
print(np.load("/tmp/nabla_159b.npy"))
np.savez("/tmp/nabla_159.npz", np.arange(3), weights=np.ones(2, dtype=np.float32))
z = np.load("/tmp/nabla_159.npz")
print(z["arr_0"], z["weights"])

# Create random input and output data
x = np.linspace(-math.pi, math.pi, 2000)
y = np.sin(x)

# Randomly initialize weights
np.random.seed(0)
a = np.random.randn()
b = np.random.randn()
c = np.random.randn()
d = np.random.randn()

learning_rate = 1e-6
for t in range(2000):
    # Forward pass: compute predicted y
    # y = a + b x + c x^2 + d x^3
    y_pred = a + b * x + c * x ** 2 + d * x ** 3

    # Compute and print loss
    loss = np.square(y_pred - y).sum()
    if t % 100 == 99:
        print(t, loss)

    # Backprop to compute gradients of a, b, c, d with respect to loss
    grad_y_pred = 2.0 * (y_pred - y)
    grad_a = grad_y_pred.sum()
    grad_b = (grad_y_pred * x).sum()
    grad_c = (grad_y_pred * x ** 2).sum()
    grad_d = (grad_y_pred * x ** 3).sum()

    # Update weights
    a -= learning_rate * grad_a
    b -= learning_rate * grad_b
    c -= learning_rate * grad_c
    d -= learning_rate * grad_d

print(f'Result: y = {a} + {b} x + {c} x^2 + {d} x^3')
