if True: x = 1; y = 2
if x:
    print(x, y)
