# and/or returning operands, not, conditional expressions, lambda
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" or "default", None or 0)
print([] and [1], [0] and [1])
print(None and 1, 0 or None)
print(not 0, not 1, not "", not [1])
def check(v):
    return "big" if v > 10 else "small" if v > 0 else "non-positive"
for v in [20, 5, 0, -3]:
    print(v, check(v))
sq = lambda t: t * t
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2))
print((lambda: 42)())
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda t: t * 2, [1, 2, 3])))
calls = []
def side(v):
    calls.append(v)
    return v
r = side(0) and side(1)
r2 = side(2) or side(3)
print(r, r2, calls)
val = 7
parity = "even" if val % 2 == 0 else "odd"
print(parity)
print(True + True, True * 3, False - 1)
print(True and "yes", False or "no")
