from math import pi as PI, e
print(PI, e)
