class Base:
    def hello(self):
        return "hi"
class Child(Base):
    """A subclass."""
    count = 0
    def __init__(self):
        self.x = 1
class Empty():
    pass
print(Child().hello())
class Color(Enum, metaclass=EnumType):
    RED = 1
