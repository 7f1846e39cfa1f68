pairs = [(x, y) for x in range(3) if x for y in range(x) if y != 1]
print([x * 2 for x in [1, 2, 3]], pairs)
