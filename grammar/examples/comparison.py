a, b, c = 1, 2, 3
print(a < b <= c, a == 1 != b, a is not None, b in [1, 2], c not in (1, 2))
