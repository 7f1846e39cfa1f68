x = 1
x += 2
x **= 2
xs = [1, 2]
xs[0] -= 1
print(x, xs)
