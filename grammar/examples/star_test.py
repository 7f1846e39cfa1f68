xs = [1, 2]
ys = [*xs, 3]
t = (0, *xs)
print(ys, t, *xs)
