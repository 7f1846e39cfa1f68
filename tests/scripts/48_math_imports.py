# from math import ..., import math as m, aliases and local use of imported names
from math import sqrt, pi
import math as m
from math import floor as fl, ceil
print(sqrt(25), pi)
print(m.sqrt(2) * m.sqrt(2), m.pi == pi)
print(fl(3.9), ceil(3.1))
def circle_area(r):
    return pi * r ** 2
print(circle_area(1), circle_area(2.5))
def dist(p, q):
    return sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)
print(dist((0, 0), (3, 4)), dist((1, 1), (2, 2)))
print(round(m.e, 5), m.log(m.e ** 2))
angles = [0, pi / 6, pi / 4, pi / 2]
print([round(m.sin(a), 4) for a in angles])
import math
print(math.sqrt is sqrt, math is m)
print(m.tanh(1.0), m.exp(2.0))
