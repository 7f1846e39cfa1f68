a, b = 1, 2
single, = [1]
first, *middle, last = range(5)
print(a, b, single, first, middle, last)
