# @property getters and setters, computed attributes, validation in setter
class Rect:
    def __init__(self, w, h):
        self._w = w
        self._h = h
    @property
    def area(self):
        return self._w * self._h
    @property
    def width(self):
        return self._w
    @width.setter
    def width(self, value):
        if value < 0:
            raise ValueError("width must be non-negative")
        self._w = value
r = Rect(3, 4)
print(r.area, r.width)
r.width = 10
print(r.area, r.width)
try:
    r.width = -1
except ValueError as e:
    print("ValueError:", e)
print(r.width)
try:
    r.area = 5
except AttributeError:
    print("AttributeError: cannot set area")
class Celsius:
    def __init__(self, c=0.0):
        self.c = c
    @property
    def fahrenheit(self):
        return self.c * 1.8 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.c = (f - 32) / 1.8
temp = Celsius(25)
print(temp.fahrenheit)
temp.fahrenheit = 212
print(temp.c, temp.fahrenheit)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
