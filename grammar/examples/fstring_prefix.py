x = 1
a = f"{x}"
b = F"{x}"
c = rf"{x}\d"
d = fR"{x}\d"
e = Rf"{x}"
print(a, b, c, d, e)
