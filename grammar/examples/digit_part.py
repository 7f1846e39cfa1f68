x = 1_000
y = 3.141_592
z = 1e1_0
print(x, y, z)
