xs = [1.5, .5, 1., 1e-3, 2.5E+2]
print(xs)
