x = 1
x += 1
y: int = x
print(x, y)
