# NumPy arithmetic with NumPy's promotion, ufuncs with out=, reductions, products, joins.
import numpy as np

a = np.array([1, 2, 3])
f = np.array([0.5, 1.5, 2.5])
i32 = np.array([1, 2, 3], dtype=np.int32)
f32 = np.array([0.5, 0.25, 4.0], dtype=np.float32)
print(a + 1, a * 2.5, a / 2, a // 2, a % 2, a ** 2, -a, +a, 2 - a, 1 / f, 2 ** a)
print(repr(i32 + 1), repr(i32 + 1.5), repr(i32 + a), repr(f32 * 2), repr(f32 + a), repr(f32 + i32))
print(repr(np.array([True, False]) + 1), repr(np.array([True, False]) + np.array([True, True])))
print(a == 2, a != 2, a < 2, a <= 2, a > 2, a >= 2, 2 < a, (a > 1) & (a < 3), (a < 2) | (a > 2), ~(a > 1))
print(a @ a, np.dot(a, a), np.dot(2, a), np.matmul(np.eye(2), np.array([[1.0, 2], [3, 4]])))
m = np.array([[1.0, 2.0], [3.0, 4.0]])
print(m @ m, m.dot(m), m @ np.array([1.0, 1.0]), abs(np.array([-1, 2])))
g = np.array([1.0, 2.0, 3.0])
g += 1
g *= 2
g -= 0.5
g /= 2
g **= 2
print(g)
h = np.array([1, 2, 3])
h += 2
print(h)
try:
    h += 1.5
except Exception as e:
    print(type(e).__name__, e)
# ufuncs
print(np.sqrt(a), np.exp(f), np.log(f), np.sin(np.pi / 2), np.cos(np.array([0.0, np.pi])), np.tanh(f))
print(np.abs(np.array([-1.5, 2])), np.absolute(np.array([-3, 3])), np.square(a), np.negative(f))
print(np.floor(f), np.ceil(f), np.floor(a), np.round(np.array([0.5, 1.5, 2.675]), 2), np.round(f))
print(np.add(a, f), np.subtract(a, 1), np.multiply(a, a), np.divide(a, 4), np.power(a, 3))
print(np.maximum(a, 2), np.minimum(f, 1), np.clip(np.array([-2, 0, 5]), -1, 3), np.where(a > 1, a, 0))
out = np.zeros(3)
r = np.add(a, 1, out=out)
print(out, r is out)
np.multiply(out, out, out=out)
print(out)
np.sqrt(out, out=out)
print(out)
try:
    np.add(a, 1.5, out=a)
except Exception as e:
    print(type(e).__name__, e)
# reductions
x = np.arange(12).reshape(3, 4) * 0.5
print(x.sum(), x.mean(), x.max(), x.min(), x.argmax(), x.argmin(), x.std(), x.var(), x.prod())
print(x.sum(axis=0), x.sum(axis=1), x.mean(axis=0), x.max(axis=1), x.argmax(axis=0), x.std(axis=1))
print(x.sum(axis=1, keepdims=True), np.var(x, axis=0, ddof=1), np.std(x, ddof=1))
print(np.sum(a), np.mean(a), np.max(a), np.min(a), np.argmax(a), np.argmin(a), np.std(a), np.var(a), np.prod(a))
print(np.sum(x, axis=0), np.mean(x, axis=1), (a > 1).sum(), (a > 1).all(), (a > 1).any(), np.array([True, True]).all())
y = np.linspace(-3, 3, 2001)
print(y.sum(), (y * y).sum(), np.square(y).mean(), np.square(y).std())
print(f32.sum(), f32.mean(), f32.sum(axis=0), f32.std())
# joins and comparisons
print(np.concatenate([a, a]), np.concatenate([m, m], axis=1), np.stack([a, a]), np.stack([a, a], axis=1))
print(np.vstack([a, a]), np.hstack([a, a]), np.concatenate([a, f]))
print(np.allclose(m, m + 1e-9), np.allclose(m, m + 1e-3), np.isclose(f, f + 1e-9), np.array_equal(a, [1, 2, 3]), np.array_equal(a, [1, 2]))
try:
    a + np.array([1, 2])
except Exception as e:
    print(type(e).__name__, e)
