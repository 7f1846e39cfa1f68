a, b, c = 1, [2, 3], 3
del a, b[0], c,
print(b)
