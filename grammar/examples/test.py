f = lambda x: x + 1
y = f(1) if f else 0
print(y)
