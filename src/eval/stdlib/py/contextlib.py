"""contextlib: utilities for with-statement contexts (subset of CPython's).

Covers contextmanager (generator-based; the result also works as a
decorator), ContextDecorator, AbstractContextManager, nullcontext, suppress,
closing, ExitStack (enter_context, push, callback, pop_all, close) and
redirect_stdout / redirect_stderr (which swap sys.stdout / sys.stderr).
Not covered: async variants, chdir.
"""

import sys

__all__ = ['contextmanager', 'ContextDecorator', 'AbstractContextManager',
           'nullcontext', 'suppress', 'closing', 'ExitStack',
           'redirect_stdout', 'redirect_stderr']


class AbstractContextManager:
    """A base class whose __enter__ returns self."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A base class that lets a context manager also be used as a decorator."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        inner.__name__ = getattr(func, '__name__', 'inner')
        inner.__doc__ = getattr(func, '__doc__', None)
        inner.__wrapped__ = func
        return inner


class _GeneratorContextManager(ContextDecorator):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        self.__doc__ = getattr(func, '__doc__', None)

    def _recreate_cm(self):
        return _GeneratorContextManager(self.func, self.args, self.kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # the generator suppressed the exception
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager decorator: a generator function becomes a factory of
    context managers (code before the yield runs on enter, after on exit)."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = getattr(func, '__name__', 'helper')
    helper.__doc__ = getattr(func, '__doc__', None)
    helper.__wrapped__ = func
    return helper


class nullcontext(AbstractContextManager):
    """Context manager that does nothing and returns enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    """Context manager that suppresses the given exception types."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        if excinst is None:
            return False
        return isinstance(excinst, self._exceptions)


class closing(AbstractContextManager):
    """Context manager that calls thing.close() on exit."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager temporarily redirecting sys.stdout to new_target."""
    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    """Context manager temporarily redirecting sys.stderr to new_target."""
    _stream = 'stderr'


class ExitStack(AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move all callbacks to a new ExitStack and return it."""
        new_stack = ExitStack()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Register a callback with the signature of __exit__ (or an object
        with an __exit__ method)."""
        method = getattr(exit, '__exit__', None)
        if method is None:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(method)
        return exit

    def enter_context(self, cm):
        """Enter cm and push its __exit__; return cm.__enter__()."""
        enter = getattr(cm, '__enter__', None)
        exit = getattr(cm, '__exit__', None)
        if enter is None or exit is None:
            cls = type(cm)
            module = getattr(cls, '__module__', None) or (
                'builtins' if cls is object else '__main__')
            name = getattr(cls, '__qualname__', None) or cls.__name__
            raise TypeError("'%s.%s' object does not support the context "
                            "manager protocol" % (module, name))
        result = enter()
        self._exit_callbacks.append(exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register an arbitrary callback with arguments (no exception info)."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        pending = exc_details[1] if received_exc else None
        suppressed = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            if pending is None:
                details = (None, None, None)
            else:
                details = (type(pending), pending, None)
            try:
                if cb(*details):
                    suppressed = True
                    pending = None
            except BaseException as exc:
                pending = exc
                suppressed = False
        if pending is not None:
            if received_exc and pending is exc_details[1]:
                return False
            raise pending
        return received_exc and suppressed
