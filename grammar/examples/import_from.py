from math import sqrt, pi as PI
print(sqrt(4.0), PI)
