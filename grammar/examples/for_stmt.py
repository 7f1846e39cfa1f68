for i, (a, *b) in enumerate([(1, 2, 3), (4, 5)]):
    print(i, a, b)
for x in 1, 2:
    pass
else:
    print(x)
