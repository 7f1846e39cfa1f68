# type annotations on defs and variable assignments
x: int = 3
y: float = 2.5
name: str = "ann"
flag: bool = True
items: list = [1, 2]
print(x, y, name, flag, items)
def scale(a: int, factor: float = 2.0) -> float:
    return a * factor
print(scale(3), scale(3, 0.5))
def describe(label: str, *values: int, sep: str = ",") -> str:
    return label + ":" + sep.join(str(v) for v in values)
print(describe("nums", 1, 2, 3))
print(describe("nums", 4, 5, sep="|"))
def nothing() -> None:
    return None
print(nothing())
class Point:
    dims: int = 2
    def __init__(self, x: float, y: float) -> None:
        self.x: float = x
        self.y: float = y
    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y
p = Point(3.0, 4.0)
print(p.norm2(), Point.dims)
count: int
count = 5
print(count)
def pair(a: "int", b: "str") -> tuple:
    return (a, b)
print(pair(1, "b"))
