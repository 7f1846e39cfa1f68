"""timeit: CPython's timeit API for nabla, for callables.

default_timer, Timer(stmt, setup, timer, globals) with timeit, repeat and
autorange, and the module functions timeit and repeat, as CPython's.
nabla has no exec(), so stmt and setup must be callables (or a string of
only `pass`/whitespace, which does nothing); any other string raises
NotImplementedError. Left out: the command-line interface (main) and
Timer.print_exc.
"""

import _time

default_timer = _time.perf_counter
default_number = 1000000
default_repeat = 5


def _noop():
    pass


def _callable(x, what):
    if isinstance(x, str):
        if x.replace("pass", "").replace(";", "").strip() == "":
            return _noop
        raise NotImplementedError(
            "nabla's timeit cannot run a string %s (no exec); pass a "
            "callable instead: %r" % (what, x))
    if callable(x):
        return x
    raise ValueError("%s is neither a string nor callable" % what)


class Timer:
    """Times calls of stmt (a callable); setup runs once per timing."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        self._stmt = _callable(stmt, "stmt")
        self._setup = _callable(setup, "setup")

    def timeit(self, number=default_number):
        """Seconds (by self.timer) that number calls of stmt take."""
        stmt = self._stmt
        timer = self.timer
        self._setup()
        t0 = timer()
        for _ in range(number):
            stmt()
        t1 = timer()
        return t1 - t0

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of repeat results of timeit(number)."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Tries number = 1, 2, 5, 10, 20, 50, ... until a timing takes at
        least 0.2 seconds; returns (number, time_taken)."""
        i = 1
        while True:
            for j in (1, 2, 5):
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
