xs = [1, 2, 3]
d = {"k": 1}
del xs[0], d["k"]
y = 1
del y
print(xs, d)
