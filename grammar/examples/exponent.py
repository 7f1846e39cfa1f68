x = 1e10
y = 1E+3
z = 2.5e-1_0
print(x, y, z)
