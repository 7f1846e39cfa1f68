squares = (x * x for x in range(5) if x % 2)
print(list(squares))
print(sum((x for x in [1, 2, 3])))
