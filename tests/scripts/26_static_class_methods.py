# @staticmethod and @classmethod, alternative constructors, class-level counters
class Temperature:
    created = 0
    def __init__(self, celsius):
        self.celsius = celsius
        Temperature.created += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def count(cls):
        return cls.created
    def __repr__(self):
        return type(self).__name__ + "(" + str(round(self.celsius, 2)) + ")"
print(Temperature.c_to_f(100), Temperature(0).c_to_f(37))
t = Temperature.from_fahrenheit(212)
print(t, t.celsius)
print(Temperature.count())
class Kelvin(Temperature):
    pass
k = Kelvin.from_fahrenheit(32)
print(k, type(k).__name__, Kelvin.count())
class MathUtil:
    @staticmethod
    def clamp(x, lo, hi):
        return max(lo, min(x, hi))
    @staticmethod
    def mean(*xs):
        return sum(xs) / len(xs)
print(MathUtil.clamp(15, 0, 10), MathUtil.clamp(-3, 0, 10), MathUtil.mean(1, 2, 3, 4))
class Registry:
    items = []
    @classmethod
    def register(cls, name):
        cls.items.append(name)
        return len(cls.items)
print(Registry.register("a"), Registry.register("b"), Registry.items)
