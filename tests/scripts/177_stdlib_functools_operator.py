import functools
import operator

# --- functools.partial / reduce
def power(base, exp, mod=None):
    return base ** exp if mod is None else (base ** exp) % mod

square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=5)
print(square(7), cube_mod(4), square(3, exp=3))
p2 = functools.partial(functools.partial(power, 2), mod=7)
print(p2(10), p2.args, p2.keywords, p2.func is power)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 10))
print(functools.reduce(operator.add, [], 'empty'), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.partial(5)
except TypeError as e:
    print(type(e).__name__, e)

# --- lru_cache / cache
calls = []

@functools.lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n

print([slow(i) for i in (1, 2, 1, 3, 2, 1)], calls)
info = slow.cache_info()
print(info, info.hits, info.misses, info.maxsize, info.currsize)
slow.cache_clear()
print(slow.cache_info(), slow.cache_parameters())

@functools.lru_cache
def fib(n):
    "Fibonacci."
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.cache_info(), fib.__name__, fib.__doc__)

@functools.lru_cache(maxsize=None)
def add(a, b=0):
    return a + b

print(add(1, 2), add(1, b=2), add(1, 2), add.cache_info())

@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(12), fact.cache_info())

@functools.lru_cache(maxsize=0)
def nocache(x):
    return x

print(nocache(1), nocache(1), nocache.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__

print(typed(1), typed(1.0), typed.cache_info().currsize)
try:
    functools.lru_cache('big')
except TypeError as e:
    print(type(e).__name__, e)

class Circle:
    def __init__(self, r):
        self.r = r

    @functools.lru_cache(maxsize=None)
    def area(self):
        return 3 * self.r * self.r

c = Circle(2)
print(c.area(), c.area(), Circle.area.cache_info())

# --- wraps / update_wrapper
def logged(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        print('calling', func.__name__, args)
        return func(*args, **kwargs)
    return inner

@logged
def greet(name):
    """Say hello."""
    return 'hello ' + name

print(greet('bob'), greet.__name__, greet.__doc__, greet.__wrapped__('al'))

def other():
    pass

def target():
    "target doc"

functools.update_wrapper(other, target)
print(other.__name__, other.__doc__, other.__wrapped__ is target)

# --- cmp_to_key
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return -1 if a < b else (1 if a > b else 0)

print(sorted(['pear', 'fig', 'apple', 'kiwi', 'date'], key=functools.cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) <= K(2), K(3) > K(2), K(1) >= K(2), K(4) == K(4))

# --- total_ordering
@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return 'V%d.%d' % (self.major, self.minor)

a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1, 2), a >= Version(1, 2))
print(sorted([Version(2, 0), a, b]), max(a, b))

@functools.total_ordering
class Size:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n

print(Size(1) < Size(2), Size(2) > Size(2), Size(2) <= Size(2), Size(3) <= Size(2))
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)

# --- singledispatch
@functools.singledispatch
def describe(x):
    return 'object'

@describe.register(int)
def _(x):
    return 'int %d' % x

@describe.register(list)
def _(x):
    return 'list of %d' % len(x)

print(describe(3), describe([1, 2]), describe('s'), describe(True))

# --- operator
print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 5), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5))
print(operator.abs(-3.5), operator.eq(1, 1), operator.ne(1, 1), operator.lt(1, 2), operator.le(2, 2))
print(operator.gt(1, 2), operator.ge(3, 2), operator.not_([]), operator.truth([0]), operator.truth(''))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.index(7))
print(operator.concat([1], [2]), operator.concat('ab', 'cd'), operator.contains([1, 2], 2), operator.contains('abc', 'z'))
d = {'a': 1}
operator.setitem(d, 'b', 2)
print(d, operator.getitem(d, 'b'), operator.getitem([1, 2, 3], slice(0, 2)) if False else operator.getitem('xyz', 1))
operator.delitem(d, 'a')
print(d, operator.is_(None, None), operator.is_not(1, None), operator.countOf([1, 2, 1], 1), operator.indexOf([4, 5], 5))

class Vec:
    def __init__(self, *c):
        self.c = c

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.c, other.c))

print(operator.matmul(Vec(1, 2, 3), Vec(4, 5, 6)))
for bad in (lambda: operator.index(2.5), lambda: operator.concat(1, 2), lambda: operator.truediv(1, 0)):
    try:
        bad()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=operator.itemgetter(1)), list(map(operator.itemgetter(0, 2), rows)))
print(operator.itemgetter('k')({'k': 9}))

class Pt:
    def __init__(self, x, y, child=None):
        self.x = x
        self.y = y
        self.child = child

pts = [Pt(3, 1), Pt(1, 2), Pt(2, 0, Pt(9, 9))]
print([p.x for p in sorted(pts, key=operator.attrgetter('x'))], operator.attrgetter('x', 'y')(pts[0]))
print(operator.attrgetter('child.x')(pts[2]), operator.attrgetter('child.y', 'x')(pts[2]))
print(operator.methodcaller('upper')('abc'), operator.methodcaller('split', ',')('a,b'), operator.methodcaller('replace', 'a', 'o', 1)('banana'))
print(list(map(operator.methodcaller('strip', 'x'), ['xax', 'bx'])))
print(repr(operator.itemgetter(1, 'a')), repr(operator.attrgetter('x.y')), repr(operator.methodcaller('f', 1, k=2)))
try:
    operator.attrgetter('nope')(pts[0])
except AttributeError as e:
    print(type(e).__name__, e)
print(functools.reduce(operator.mul, [1, 2, 3, 4, 5]), list(map(operator.neg, [1, -2])))

# --- cached_property (needs the descriptor protocol: __get__)
class Data:
    def __init__(self, xs):
        self.xs = xs
        self.computed = 0

    @functools.cached_property
    def total(self):
        self.computed += 1
        return sum(self.xs)

dd = Data([1, 2, 3])
print(dd.total, dd.total, dd.computed)
dd.xs.append(4)
print(dd.total, dd.computed)
print(operator.itemgetter(slice(1, None))('hello'))
