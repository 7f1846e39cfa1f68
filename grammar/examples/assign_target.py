class Box:
    pass
box = Box()
box.value = 1
xs = [0, 0]
xs[0] = 2
(a, b), [c, *rest] = (1, 2), [3, 4, 5]
print(box.value, xs, a, b, c, rest)
