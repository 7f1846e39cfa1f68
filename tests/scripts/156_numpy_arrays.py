# NumPy arrays: creation, dtypes, printing (repr and str), shapes, views, indexing.
import numpy as np

a = np.array([1, 2, 3])
print(a)
print(repr(a))
print(a.dtype, a.shape, a.ndim, a.size, a.itemsize, a.nbytes)
b = np.array([[1.0, 2.5], [3.0, 4.0]])
print(b)
print(repr(b))
print(repr(np.array([True, False, True])), np.array([True, False]))
print(repr(np.array([1, 2], dtype=np.int32)), repr(np.array([1, 2], dtype="float32")))
print(repr(np.asarray([1.5, 2])), np.asarray(a) is a)
print(repr(np.zeros((2, 3))), repr(np.ones(3, dtype=np.float32)), np.empty(2).shape)
print(repr(np.full((2, 2), 7)), repr(np.full(3, 0.5)), repr(np.full(2, True)))
print(repr(np.zeros_like(a)), repr(np.ones_like(b)), repr(np.full_like(a, 9)))
print(repr(np.arange(5)), repr(np.arange(2, 10, 3)), repr(np.arange(0, 1, 0.25)), repr(np.arange(5, dtype=np.float64)))
print(repr(np.linspace(0, 1, 5)), repr(np.linspace(-np.pi, np.pi, 7)), repr(np.linspace(0, 1, 4, endpoint=False)))
print(repr(np.linspace(0, 1, 30)))
print(repr(np.eye(3)), repr(np.eye(2, 3, dtype=np.int64)))
# printing: maxprec floats, scientific notation, non-finite values, wrapping, summaries
print(repr(np.array([0.1, 0.25, 100.5])), repr(np.array([1e-5, 1.0])), repr(np.array([1e10, 1.0])))
print(repr(np.array([123456789.0, 0.5])), repr(np.array([1.5, np.nan, np.inf, -np.inf])))
print(repr(np.array([-1.5, 2.0, -0.0])), repr(np.array([1 / 3, 2 / 3])), np.array([np.pi, np.e]))
print(repr(np.array([0.1], dtype=np.float32)), repr(np.array([1 / 3, 1e6], dtype=np.float32)))
print(repr(np.array([100, -5, 12345])), np.array([[1, -20], [300, 4]]))
print(repr(np.arange(2000)))
print(np.arange(2000))
print(repr(np.linspace(0, 1, 2000)))
print(repr(np.arange(24).reshape(2, 3, 4)))
print(np.arange(24).reshape(2, 3, 4) * 1.5)
print(repr(np.array([])), repr(np.zeros((0, 3))), repr(np.array(5)), np.array(2.5))
print(repr(np.arange(40) * 1000.5))
# shapes and views
c = np.arange(6)
d = c.reshape(2, 3)
d[0, 0] = 100
print(c, d.shape, np.reshape(c, (3, 2)).shape)
print(d.T, d.transpose().shape, np.transpose(d).shape, d.transpose(1, 0).shape)
print(d.flatten(), d.ravel(), np.arange(3).reshape(1, 3, 1).squeeze().shape)
e = d.copy()
e[0, 0] = -1
print(d[0, 0], e[0, 0], np.copy(c)[0])
print(d.astype(np.float32), repr(d.astype(float)), repr(np.array([1.7, -1.7]).astype(int)))
print(d.dtype == np.int64, d.dtype == "int64", d.astype(np.float32).dtype != np.float64, repr(d.dtype))
print(np.float32, np.int64, np.bool_, np.uint8, np.int8, np.int16, np.int32, np.float16, np.float64)
print(d.tolist(), np.array([1.5]).item(), len(d), [int(x) for x in c])
# indexing
print(d[1], d[1, 2], d[:, 1], d[-1, ::-1], d[d > 2], d[[0, 1], [2, 0]])
d[:, 0] = 7
d[d > 4] = 0
print(d)
for row in d:
    print(row, row.sum())
m = np.zeros(3)
m.fill(2.5)
print(m, np.newaxis is None, np.array([1, 2])[:, np.newaxis].shape)
