# single inheritance, super().__init__(), super().method(), overriding, isinstance
class Animal:
    kind = "animal"
    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, tricks=None):
        super().__init__(name)
        self.tricks = tricks or []
    def speak(self):
        return "Woof"
class Puppy(Dog):
    kind = "puppy"
    def speak(self):
        return super().speak() + " (squeaky)"
    def describe(self):
        return "Little " + super().describe()
class Bird(Animal):
    def __init__(self, name):
        super().__init__(name, legs=2)
for a in [Animal("Generic"), Dog("Rex", ["sit"]), Puppy("Bit"), Bird("Tweety")]:
    print(a.describe(), a.legs)
p = Puppy("Bit")
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Bird))
print(type(p).__name__, type(p) == Dog, type(p) is Puppy)
print(p.tricks, Dog("Max").tricks)
class Base:
    def __init__(self):
        self.log = ["base"]
    def run(self):
        return "base.run"
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("mid")
    def run(self):
        return "mid>" + super().run()
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("leaf")
    def run(self):
        return "leaf>" + super().run()
leaf = Leaf()
print(leaf.log, leaf.run())
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, int))
