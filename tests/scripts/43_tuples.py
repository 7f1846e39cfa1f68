# tuples: creation, 1-tuples, count, index, comparison, hashing as dict keys, immutability
t = (1, 2, 3, 2, 2)
print(t, len(t), t.count(2), t.index(3), t.index(2))
print((1,), (), tuple(), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single).__name__, (5), type((5)).__name__)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2))
print((1, "a") + (2.0,), (0,) * 3)
print(t[1:4], t[-1], t[::-1])
grid = {(0, 0): "origin", (1, 2): "pt"}
print(grid[(1, 2)], grid[0, 0])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print(max((3, "c"), (3, "a"), (1, "z")))
x, y = divmod(23, 5)
print((x, y))
print(tuple(i * 2 for i in range(4)))
print(3 in t, 9 in t)
print(sorted([(2, 1), (1, 2), (1, 1)]))
print(str((1,)), repr(("a", 'b"')))
print(((),), ((1,),))
