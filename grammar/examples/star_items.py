xs = [1, 2]
t = (1, 2, *xs,)
l = [*xs, 3]
s = {*xs, 4}
print(t, l, s)
