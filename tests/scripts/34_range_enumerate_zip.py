# range (negative steps, repr, len, indexing), enumerate(start=), zip, map, filter, reversed
print(range(5), range(2, 10), range(0, 10, 3))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)))
print(list(range(5, -6, -2)), list(range(0)), list(range(3, 3)))
print(len(range(10)), len(range(0, 100, 7)), len(range(10, 0, -1)))
r = range(10, 50, 5)
print(r[0], r[-1], r[2], 25 in r, 26 in r)
print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=1)))
for i, ch in enumerate("hey", 10):
    print(i, ch)
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3, 4], [10, 20])))
print(list(zip(range(3), range(3, 6), range(6, 9))))
names = ["a", "b"]
vals = [1, 2]
print(dict(zip(names, vals))["b"])
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 3 == 0, range(10))))
print(list(filter(None, [0, 1, "", "a", None, [], [2]])))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
print(tuple(range(3)), list("hi"), list((1, 2)))
total = 0
for i in range(100, 0, -25):
    total += i
print(total)
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(list(range(-3, 3)), list(range(-1, -10, -4)))
