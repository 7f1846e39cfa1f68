# inspect: signature/Parameter/BoundArguments, predicates, source, docs, members
import inspect
import functools
import os
import sys


def f(a, b=2, *c, d, **e):
    """Add things.

    More text here,
      indented further.
    """
    return a


def plain(x, y):
    return x + y


def kwonly(*, lr=0.1, momentum=0.9):
    return lr


def gen(n):
    for i in range(n):
        yield i


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@deco
def wrapped(p, q=3):
    return p * q


class Base:
    """Base docstring."""

    def __init__(self, x, y=1, *, scale=2.0):
        self.x = x
        self.y = y

    def method(self, k, v=None):
        """Method doc."""
        return k

    @staticmethod
    def stat(u, w=5):
        return u

    @classmethod
    def build(cls, n, **extra):
        return cls(n)

    @property
    def prop(self):
        return self.x


class Child(Base):
    def method(self, k, v=None):
        return k + 1


class NoInit:
    pass


class WithNew:
    def __new__(cls, size, fill=0):
        return super().__new__(cls)


class Adder:
    def __call__(self, a, b=10):
        return a + b


class Meta(type):
    def __call__(cls, alpha, beta=1):
        return super().__call__()


class Built(metaclass=Meta):
    pass


print("== signature of functions ==")
sig = inspect.signature(f)
print(sig)
print(repr(sig))
print(list(sig.parameters))
print(len(sig.parameters), 'b' in sig.parameters, 'z' in sig.parameters)
for name, p in sig.parameters.items():
    print(name, str(p.kind), repr(p), str(p), p.default is inspect.Parameter.empty,
          p.annotation is inspect.Parameter.empty)
print(sig.parameters['b'].default)
print(sig.return_annotation is inspect.Signature.empty)
print(inspect.signature(plain))
print(inspect.signature(kwonly))
print(inspect.signature(gen))
print(inspect.signature(lambda: None))
print(inspect.signature(lambda x, *args, y=3: 0))
print(inspect.signature(lambda s='a', t=(1, 2), u=None, v=[1]: 0))

print("== kinds ==")
P = inspect.Parameter
print(P.POSITIONAL_ONLY < P.POSITIONAL_OR_KEYWORD < P.VAR_POSITIONAL < P.KEYWORD_ONLY < P.VAR_KEYWORD)
print(str(P.KEYWORD_ONLY), P.VAR_KEYWORD.description, P.POSITIONAL_ONLY.description)
print(P.KEYWORD_ONLY == P.KEYWORD_ONLY, P.KEYWORD_ONLY != P.VAR_KEYWORD, P.KEYWORD_ONLY > P.VAR_POSITIONAL)
kinds = [p.kind for p in sig.parameters.values()]
print([str(k) for k in kinds])
print(sorted(str(k) for k in set(kinds)))
print(P.KEYWORD_ONLY.name)

print("== methods / classes / callables ==")
obj = Base(1)
print(inspect.signature(obj.method))
print(inspect.signature(Base.method))
print(inspect.signature(Base.stat))
print(inspect.signature(Base.build))
print(inspect.signature(Base))
print(inspect.signature(Child))
print(inspect.signature(Child(2).method))
print(inspect.signature(NoInit))
print(inspect.signature(WithNew))
print(inspect.signature(Adder()))
print(inspect.signature(Built))
print(inspect.signature(wrapped))
print(inspect.signature(wrapped, follow_wrapped=False))
print(inspect.signature(functools.partial(plain, 1)))
print(inspect.signature(functools.partial(f, 1, d=4)))
print(inspect.signature(functools.partial(Base, 1, scale=3)))

print("== Parameter construction ==")
p1 = P('x', P.POSITIONAL_OR_KEYWORD)
p2 = P('y', P.POSITIONAL_OR_KEYWORD, default=3)
p3 = P('rest', P.VAR_POSITIONAL)
p4 = P('flag', P.KEYWORD_ONLY, default=False)
p5 = P('opts', P.VAR_KEYWORD)
p6 = P('n', P.POSITIONAL_OR_KEYWORD, annotation=int)
p7 = P('m', P.KEYWORD_ONLY, default=1.5, annotation=float)
p8 = P('s', P.POSITIONAL_ONLY)
for p in [p1, p2, p3, p4, p5, p6, p7, p8]:
    print(repr(p), str(p), p.name, str(p.kind))
print(p1 == P('x', P.POSITIONAL_OR_KEYWORD), p1 == p2)
print(repr(p2.replace(default=7)), repr(p2.replace(name='z', kind=P.KEYWORD_ONLY)))
print(repr(p2.replace(default=P.empty)))
for bad in [lambda: P('x', P.VAR_POSITIONAL, default=1),
            lambda: P('1x', P.POSITIONAL_OR_KEYWORD),
            lambda: P(3, P.POSITIONAL_OR_KEYWORD),
            lambda: P('x', 17)]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)

print("== Signature construction ==")
s = inspect.Signature([p8, p1, p2, p3, p4, p5])
print(s)
print(inspect.Signature([p6, p7], return_annotation=int))
print(repr(inspect.Signature()))
print(inspect.Signature([p1, p4]))
print(inspect.Signature([p8]))
s2 = s.replace(parameters=[p1, p2])
print(s2, s2 == inspect.Signature([p1, p2]), s2 == s)
print(s.replace(return_annotation=str))
print(inspect.signature(f) == inspect.signature(f))
for params in [[p2, p1], [p4, p1], [p1, p1]]:
    try:
        inspect.Signature(params)
    except ValueError as exc:
        print('ValueError', exc)

print("== bind ==")
ba = sig.bind(1, 2, 3, 4, d=5, z=6)
print(ba)
print(ba.arguments)
print(ba.args, ba.kwargs)
ba = sig.bind(1, d=0)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba)
print(ba.args, ba.kwargs)
ba = inspect.signature(plain).bind(y=2, x=1)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(kwonly).bind(momentum=0.5)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
bp = sig.bind_partial(b=9)
print(bp, bp.args, bp.kwargs)
print(sig.bind(1, d=2) == sig.bind(1, d=2), sig.bind(1, d=2) == sig.bind(2, d=2))
print(inspect.signature(obj.method).bind(1).arguments)
print(inspect.signature(Base).bind(5, scale=1.0).arguments)
checks = [
    (inspect.signature(plain), (), {}),
    (inspect.signature(plain), (1,), {}),
    (inspect.signature(plain), (1, 2, 3), {}),
    (inspect.signature(plain), (1,), {'x': 2}),
    (inspect.signature(plain), (1, 2), {'w': 2}),
    (sig, (1,), {}),
    (inspect.signature(kwonly), (1,), {}),
    (s, (), {'s': 1, 'x': 2}),
]
for sg, args, kwargs in checks:
    try:
        print('ok', sg.bind(*args, **kwargs))
    except TypeError as exc:
        print('TypeError', exc)

print("== kwargs filtering idiom ==")


def make_optimizer(params, lr=0.01, momentum=0.0, weight_decay=0.0):
    return (params, lr, momentum, weight_decay)


cfg = {'lr': 0.1, 'momentum': 0.9, 'batch_size': 32, 'epochs': 3}
accepted = {k: v for k, v in cfg.items() if k in inspect.signature(make_optimizer).parameters}
print(accepted)
print(make_optimizer('w', **accepted))
init_args = [n for n, p in inspect.signature(Base.__init__).parameters.items() if n != 'self']
print(init_args)
required = [n for n, p in inspect.signature(make_optimizer).parameters.items()
            if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
print(required)
has_var_kw = any(p.kind == p.VAR_KEYWORD for p in inspect.signature(Base.build).parameters.values())
print(has_var_kw)
defaults = {n: p.default for n, p in inspect.signature(Base).parameters.items()
            if p.default is not inspect.Parameter.empty}
print(defaults)

print("== errors ==")
for target in [3, 'text']:
    try:
        inspect.signature(target)
    except TypeError as exc:
        print('TypeError', exc)

print("== predicates ==")
import math
things = [('f', f), ('gen', gen), ('lambda', lambda: 0), ('Base', Base),
          ('obj', obj), ('obj.method', obj.method), ('Base.method', Base.method),
          ('Base.build', Base.build), ('len', len), ('math', math), ('gen(2)', gen(2)),
          ('int', int), ('3', 3)]
for label, t in things:
    print(label, inspect.isfunction(t), inspect.ismethod(t), inspect.isclass(t),
          inspect.ismodule(t), inspect.isbuiltin(t), inspect.isroutine(t),
          inspect.isgenerator(t), inspect.isgeneratorfunction(t),
          inspect.iscoroutinefunction(t))
print(inspect.isgeneratorfunction(functools.partial(gen, 3)))
print(inspect.isabstract(Base))

print("== source ==")
print(inspect.getsource(plain), end='')
print(inspect.getsource(gen), end='')
print(inspect.getsource(Base.stat), end='')
print(inspect.getsource(obj.method), end='')
print(inspect.getsource(wrapped), end='')
print(inspect.getsource(NoInit), end='')
print(inspect.getsource(Child), end='')
lines, lineno = inspect.getsourcelines(plain)
print(lines, lineno)
lines, lineno = inspect.getsourcelines(Adder)
print(len(lines), lineno, lines[0], end='')
print(os.path.basename(inspect.getfile(plain)), os.path.basename(inspect.getsourcefile(Base.method)))
print(os.path.basename(inspect.getfile(Base)))
try:
    inspect.getsource(len)
except TypeError as exc:
    print('TypeError', exc)
try:
    inspect.getfile(3)
except TypeError as exc:
    print('TypeError', exc)

print("== modules / docs ==")
print(inspect.getmodule(f).__name__, inspect.getmodule(f) is sys.modules['__main__'])
print(inspect.getmodule(functools.partial).__name__, inspect.getmodule(math) is math)
print(repr(inspect.getdoc(f)))
print(repr(inspect.getdoc(Base)), repr(inspect.getdoc(Child)))
print(repr(inspect.getdoc(Base.method)), repr(inspect.getdoc(Child.method)))
print(repr(inspect.getdoc(plain)))
print(repr(inspect.cleandoc('  first\n    second\n      third\n\n')))
print(repr(inspect.cleandoc('\n\n   a\n   b\n')))
print(repr(inspect.cleandoc('x\n\ty')))

print("== members / mro ==")
print([c.__name__ for c in inspect.getmro(Child)])
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print([n for n, v in inspect.getmembers(obj, inspect.ismethod)])
print([(n, v) for n, v in inspect.getmembers(obj) if not n.startswith('_') and not inspect.isroutine(v)])


class Cfg:
    depth = 4
    width = 64
    name = 'net'


print([(n, v) for n, v in inspect.getmembers(Cfg) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(Cfg, lambda v: isinstance(v, int))])
print(inspect.unwrap(wrapped) is not wrapped, inspect.unwrap(wrapped).__name__)
spec = inspect.getfullargspec(f)
print(spec.args, spec.varargs, spec.varkw, spec.defaults, spec.kwonlyargs, spec.kwonlydefaults)
print(inspect.getfullargspec(obj.method).args)
