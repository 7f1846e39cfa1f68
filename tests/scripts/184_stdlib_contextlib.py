# contextlib: contextmanager, nullcontext, suppress, closing, ExitStack, redirect_stdout
import contextlib
import sys
from contextlib import contextmanager, nullcontext, suppress, closing, ExitStack, redirect_stdout


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("a") as t:
    print("inside", t)

try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["missing"]
print("after swallow")


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields() as v:
        print("v", v)
except RuntimeError as e:
    print(type(e).__name__, e)


@tag("deco")
def decorated(x):
    print("running with", x)
    return x * 2


print(decorated(5))
print(decorated(6))


@contextmanager
def timer(log):
    log.append("start")
    yield log
    log.append("stop")


log = []
with timer(log) as lg:
    lg.append("work")
print(log)

with nullcontext() as n:
    print("null", n)
with nullcontext(42) as n:
    print("null", n)

with suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("suppressed zero division")
with suppress(KeyError, IndexError):
    [][3]
print("suppressed index error")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print(type(e).__name__, e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress


with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in ("x", "y", "z")]
    stack.callback(print, "callback", "args", sep="-")
    print("names", names)

with ExitStack() as stack:
    stack.enter_context(CM("outer", suppress=True))
    stack.enter_context(CM("inner"))
    raise KeyError("k")
print("exitstack suppressed")

try:
    with ExitStack() as stack:
        stack.enter_context(CM("only"))
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

stack = ExitStack()
stack.callback(print, "deferred 1")
stack.push(lambda et, ev, tb: print("pushed exit", et))
moved = stack.pop_all()
print("popped")
stack.close()
moved.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(type(e).__name__, e)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


cap = Capture()
with redirect_stdout(cap):
    print("hidden line")
    print("second", 2)
print("captured:", repr("".join(cap.parts)))
print(sys.stdout is sys.__stdout__)
print(contextlib.suppress is suppress)
