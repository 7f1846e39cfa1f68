# dataclasses: @dataclass, field(), generated __init__/__repr__/__eq__/order/hash, frozen, helpers
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass
class Config:
    lr: float
    epochs: int = 10
    layers: list = field(default_factory=list)
    name: str = field(default="run", repr=False)
    seed: int = field(default=0, compare=False)


c = Config(0.01)
print(c)
print(Config(0.1, 5, [1, 2], name="x", seed=3))
print(c == Config(0.01), c == Config(0.02), c == Config(0.01, seed=9), c != Config(0.5))
print(c.layers is Config(0.01).layers, c.name, c.seed)
c.epochs = 20
print(c.epochs, c)

for args, kwargs in [((), {}), ((0.1,), {"lr": 0.2}), ((0.1,), {"bogus": 1}),
                     ((1, 2, [], "n", 4, 5), {})]:
    try:
        Config(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)


@dataclass
class Point:
    x: int
    y: int


try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Three:
    a: int
    b: int
    c: int


try:
    Three()
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(frozen=True)
class Frozen:
    lr: float
    momentum: float = 0.9


fz = Frozen(0.1)
print(fz, hash(fz) == hash(Frozen(0.1)), fz == Frozen(0.1))
try:
    fz.lr = 0.2
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    fz.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(isinstance(dataclasses.FrozenInstanceError("x"), AttributeError))
print({fz: 1}[Frozen(0.1)])


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 5), Version(1) <= Version(1), Version(3) > Version(4))
try:
    Version(1) < 5
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(repr=False, eq=False)
class Plain:
    v: int


p1 = Plain(1)
print(p1 == Plain(1), p1.v, "Plain object" in repr(p1))


@dataclass
class Stats:
    values: list
    total: float = field(init=False)
    count: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = sum(self.values)
        self.count = len(self.values)


s = Stats([1, 2, 3.5])
print(s, s.total, s.count)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.5


ch = Child(1, "x", 2.5)
print(ch, Child(7))
print([f.name for f in fields(ch)], [f.name for f in fields(Child)])


@dataclass
class Inner:
    w: list
    tag: str = "t"


@dataclass
class Outer:
    name: str
    inner: Inner
    items: list
    mapping: dict


o = Outer("o", Inner([1, 2]), [Inner([3])], {"k": Inner([4], "m")})
print(asdict(o))
print(astuple(o))
d = asdict(o)
d["inner"]["w"].append(99)
print(o.inner.w)

for f in fields(Config):
    print(f.name, f.type.__name__, f.default if f.default is not dataclasses.MISSING else "MISSING",
          f.default_factory is dataclasses.MISSING, f.repr, f.compare, f.init)

c2 = replace(c, lr=0.5, layers=[8])
print(c2, c2 is c, c)
try:
    replace(c, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    replace(s, total=3)
except ValueError as e:
    print(type(e).__name__, e)

print(is_dataclass(c), is_dataclass(Config), is_dataclass(5), is_dataclass(dict))
for bad in [lambda: fields(5), lambda: asdict(5), lambda: astuple("x"), lambda: replace(3)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(Config(1))
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Hyper:
    batch_size: int = 32
    dropout: float = 0.1


h = Hyper()
print(h, Hyper(dropout=0.5), Hyper(64, 0.2) == Hyper(batch_size=64, dropout=0.2))
print(dataclasses.asdict(h), dataclasses.astuple(h))
