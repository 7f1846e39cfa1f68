# special methods: __len__, __getitem__, __call__, __eq__, __add__, __mul__, __neg__, __lt__
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __sub__(self, other):
        return Vec(*[a - b for a, b in zip(self.xs, other.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*[-a for a in self.xs])
    def __lt__(self, other):
        return len(self) < len(other)
    def __repr__(self):
        return "Vec" + str(tuple(self.xs))
v = Vec(1, 2, 3)
w = Vec(10, 20, 30)
print(len(v), v[0], v[-1], v[1:])
print(v + w, w - v, v * 2, 3 * v, -v)
print(v == Vec(1, 2, 3), v == w, v != w, v == 5)
v[0] = 100
print(v)
print(Vec(1) < Vec(1, 2), sorted([Vec(1, 2, 3), Vec(1)]))
class Poly:
    def __init__(self, coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        total = 0
        for c in reversed(self.coeffs):
            total = total * x + c
        return total
p = Poly([1, 0, 2])
print(p(0), p(1), p(3), [p(i) for i in range(4)])
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, int):
            return Money(self.c + o)
        return Money(self.c + o.c)
    def __radd__(self, o):
        return self + o
    def __str__(self):
        return "$" + str(self.c)
print(Money(5) + Money(7), Money(1) + 2, sum([Money(1), Money(2)], Money(0)), 3 + Money(4))
