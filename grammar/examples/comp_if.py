print([x for x in range(20) if x % 2 if x % 3])
