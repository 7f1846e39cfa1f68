# tuple/list unpacking: swap, nested, starred, in for loops
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
p, *q = [9]
print(p, q)
[m, n] = [7, 8]
print(m, n)
for i, (u, v) in enumerate([(1, "a"), (2, "b")]):
    print(i, u, v)
for (k1, k2), val in [(("x", "y"), 1), (("z", "w"), 2)]:
    print(k1 + k2, val)
pairs = {"one": 1, "two": 2}
for key, value in pairs.items():
    print(key, value)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 1, 9])
print(lo, hi)
r, g, bl = "RGB"
print(r, g, bl)
try:
    c1, c2 = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    c1, c2, c3 = [1, 2]
except ValueError as e:
    print("ValueError:", e)
merged = [*range(3), *[10, 11]]
print(merged)
t = (*"ab", 5)
print(t)
d = {**{"a": 1}, "b": 2}
print(d["a"], d["b"])
