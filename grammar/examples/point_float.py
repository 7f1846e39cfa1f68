a = 3.14
b = .5
c = 10.
print(a, b, c)
