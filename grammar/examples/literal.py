values = [42, 2.5, None, True, False, ...]
print(values)
