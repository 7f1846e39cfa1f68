# abc: ABC, ABCMeta, abstractmethod; instantiation errors for unimplemented methods
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())


try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


sq = Square(3)
print(sq.area(), sq.describe(), isinstance(sq, Shape), isinstance(sq, ABC))


class Model(ABC):
    @abstractmethod
    def forward(self, x):
        ...

    @abstractmethod
    def loss(self, y):
        ...

    @property
    @abstractmethod
    def name(self):
        ...


class Half(Model):
    def forward(self, x):
        return x


for cls in (Model, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)


class Full(Half):
    def loss(self, y):
        return y * 2

    @property
    def name(self):
        return "full"


f = Full()
print(f.forward(2), f.loss(3), f.name)
print(sorted(Model.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))


class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        return "base run"


class Impl(Base):
    def run(self):
        return "impl + " + super().run()


try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)
print(Impl().run(), type(Base).__name__, abc.ABCMeta is ABCMeta)


class Plain(ABC):
    def hello(self):
        return "hi"


print(Plain().hello(), getattr(Shape.area, "__isabstractmethod__", False), hasattr(Square.area, "__isabstractmethod__"))
