a = b = c = 0
x, y = p = 1, 2
print(a, b, c, x, y, p)
