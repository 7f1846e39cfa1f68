x = 5
a = "big" if x > 3 else "small"
b = -1 if x < 0 else 0 if x == 0 else 1
print(a, b)
