xs = [2, 3]
t = 1, *xs, 4
u = 5,
v = *xs,
print(t, u, v)
