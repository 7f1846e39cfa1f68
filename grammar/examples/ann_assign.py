x: int = 1
y: list
z: float = 0.5 * x
class Point:
    x: float = 0.0
    y: float
print(x, z)
