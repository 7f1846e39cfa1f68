x = 1
print(x == 1, x != 2, x < 2, x > 0, x <= 1, x >= 1, x is x, x is not None, x in [1], x not in [2])
