"""A module: a docstring, imports, definitions, statements."""
import math


def area(r):
    return math.pi * r ** 2


print(area(1.0))
