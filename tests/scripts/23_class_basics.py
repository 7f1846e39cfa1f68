# classes: __init__, methods, instance and class attributes, __repr__, __str__
class Counter:
    instances = 0
    step = 1
    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.instances += 1
    def increment(self):
        self.value += self.step
        return self
    def __repr__(self):
        return "Counter(" + repr(self.name) + ", " + str(self.value) + ")"
    def __str__(self):
        return self.name + "=" + str(self.value)
a = Counter("a")
b = Counter("b", 10)
a.increment().increment()
b.increment()
print(a, b)
print(repr(a), [a, b])
print(str(b), f"{b}", f"{b!r}")
print(Counter.instances, a.instances)
b.step = 5
b.increment()
print(b.value, a.step, Counter.step)
Counter.step = 2
a.increment()
print(a.value)
class Temp:
    def __init__(self, c):
        self.c = c
    def to_f(self):
        return self.c * 9 / 5 + 32
    def warmer(self, d):
        return Temp(self.c + d)
t = Temp(100)
print(t.to_f(), t.warmer(-100).to_f())
m = t.to_f
print(m())
class Only:
    def __str__(self):
        return "only str"
print(Only(), str(Only()))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
