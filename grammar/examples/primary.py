xs = [[1, 2], [3, 4]]
print(xs[1][0], "a,b".split(",")[1].upper(), len(xs))
