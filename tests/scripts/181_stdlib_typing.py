# typing: common names importable and subscriptable, reprs, TypeVar/Generic, NamedTuple, helpers
import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, MutableMapping, Type, TypeVar, Generic,
                    NamedTuple, Protocol, Literal, Final, ClassVar, Annotated, cast, overload,
                    TYPE_CHECKING, get_type_hints, no_type_check, get_origin, get_args)

print(TYPE_CHECKING, Any, Optional, Union, List, Dict, Callable)
print(List[int], Dict[str, float], Set[str], FrozenSet[int], Type[int])
print(Tuple[int, str], Tuple[int, ...], Tuple[()])
print(Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Union[int])
print(Optional[List[int]], Dict[str, List[Tuple[int, float]]], List[Any])
print(Callable[[int, str], float], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float])
print(Mapping[str, int], MutableMapping[str, Any])
print(Literal["train", "eval"], Literal[1, 2], Final[int], ClassVar[List[int]])
print(Annotated[int, "positive"], Annotated[float, "unit", 3])
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] == List[str])
print(Union[int, Union[str, float]], Union[int, int, str])

T = TypeVar("T")
K = TypeVar("K")
Num = TypeVar("Num", int, float)
B = TypeVar("B", bound=str)
Co = TypeVar("Co", covariant=True)
print(T, Num, B, Co, T.__name__, Num.__constraints__, B.__bound__)
print(List[T], Dict[K, T], Dict[str, T][int])


class Point:
    pass


print(List[Point], Optional[Point])


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


b = Box(5)
print(b.get(), type(b).__name__, isinstance(b, Box), isinstance(b, Generic))


class Pair(Generic[K, T]):
    def __init__(self, k, v):
        self.k, self.v = k, v


print(Pair("a", 1).v)


class SupportsClose(Protocol):
    def close(self) -> None:
        ...


class Resource(SupportsClose):
    def close(self):
        return "closed"


print(Resource().close())


class Coord(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"


c = Coord(1, 2)
print(c, Coord(5), Coord(x=3, label="q"), c.x, c.y, c[0], len(c), list(c))
x, y, lab = c
print(x, y, lab, c._fields, c._asdict(), c._replace(y=9), c == (1, 2, "p"), Coord._field_defaults)
print(Coord._make([7, 8, "m"]), hash(c) == hash((1, 2, "p")), c.count(2), c.index(2))
try:
    Coord()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Coord(1, 2, "a", 4)
except TypeError as e:
    print(type(e).__name__, e)

Emp = NamedTuple("Emp", [("name", str), ("id", int)])
e = Emp("ann", 3)
print(e, e.name, e.id, Emp._fields)

print(cast(int, "not checked"), cast("List[int]", [1]))


@overload
def f(x: int) -> int: ...


@overload
def f(x: str) -> str: ...


def f(x):
    return x * 2


print(f(2), f("ab"))


@no_type_check
def loose(a: "whatever") -> "nothing":
    return a


print(loose(4), loose.__no_type_check__)


class Hints:
    a: int
    b: "str"
    c: Optional[float] = None
    d: List[int]


print(get_type_hints(Hints))


class MoreHints(Hints):
    e: Dict[str, int]


print(list(get_type_hints(MoreHints).keys()))
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(int), get_origin(Union[int, str]))
print(get_args(Dict[str, int]), get_args(Optional[int]), get_args(int), get_args(Callable[[int], str]))
print(get_args(Tuple[int, ...]), get_args(Literal["a", "b"]))


def train(model: Any, data: Iterable[Tuple[List[float], int]], epochs: int = 1,
          callback: Optional[Callable[[int, float], None]] = None) -> Dict[str, List[float]]:
    history: Dict[str, List[float]] = {"loss": []}
    for ep in range(epochs):
        history["loss"].append(1.0 / (ep + 1))
    return history


print(train(None, [], epochs=3))
for bad in [lambda: List[int, str], lambda: Dict[int], lambda: Union[()], lambda: Callable[int]]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
