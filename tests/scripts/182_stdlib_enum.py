# enum: Enum, IntEnum, auto, unique; members, lookup, iteration, aliases, errors
import enum
from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(f"{Color.GREEN}", "%s" % Color.BLUE, str(Color.BLUE))
print(Color(1), Color(3) is Color.BLUE, Color['GREEN'], Color.RED is Color['RED'])
print(list(Color))
print(len(Color), [c.name for c in Color], [c.value for c in reversed(Color)])
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(type(Color.RED).__name__, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(repr(Color), list(Color.__members__))
print({Color.RED: "r", Color.GREEN: "g"}[Color.GREEN], hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color['PURPLE']
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)

    @property
    def finished(self):
        return self is Status.DONE

    @classmethod
    def first(cls):
        return list(cls)[0]


print(list(Status), Status.RUNNING.describe(), Status.DONE.finished, Status.first())


class Mode(Enum):
    TRAIN = "train"
    EVAL = "eval"
    TEST = "eval"


print(list(Mode), Mode.TEST is Mode.EVAL, Mode("eval"), Mode.TEST.name, len(Mode))
print(list(Mode.__members__.items()))
try:
    unique(Mode)
except ValueError as e:
    print(type(e).__name__, e)


@unique
class Phase(Enum):
    A = 1
    B = 2


print(Phase.B)


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.LOW, repr(Priority.HIGH), str(Priority.MEDIUM), f"{Priority.HIGH}")
print(Priority.LOW == 1, Priority.HIGH > 5, Priority.LOW < Priority.HIGH, Priority.MEDIUM + 1, 2 * Priority.LOW)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), Priority(5), ["a", "b", "c"][Priority.LOW])
print(int(Priority.HIGH), Priority.HIGH.value, Priority.HIGH.name, {1: "one"}[int(Priority.LOW)])
print(isinstance(Priority.LOW, Enum), isinstance(Priority.LOW, IntEnum))


class Numbered(Enum):
    ONE = auto()
    TEN = 10
    ELEVEN = auto()


print([m.value for m in Numbered])


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    ALPHA = auto()
    BETA = auto()


print([m.value for m in Lower])


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), Planet.MERCURY.value)


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3

    @classmethod
    def _missing_(cls, value):
        if value == "sq":
            return cls.SQUARE
        return None


print(Shape("sq"), Shape(3))
try:
    Shape("tri")
except ValueError as e:
    print(type(e).__name__, e)
print(enum.Enum is Enum, enum.EnumMeta is enum.EnumType)
for member in Color:
    print(member.name, member.value, end="; ")
print()
