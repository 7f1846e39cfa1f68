for *init, last in [(1, 2, 3)]:
    print(init, last)
for x in [1 | 2]:
    print(x)
