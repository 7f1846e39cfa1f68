"""abc: abstract base classes (subset of CPython's abc module).

Covers ABCMeta (the metaclass: instantiating a class that still has abstract
methods raises CPython's TypeError), ABC (a helper base using ABCMeta),
abstractmethod (also under property/classmethod/staticmethod),
__abstractmethods__, ABCMeta.register for virtual subclasses (recorded and
returned; isinstance() does not consult it), get_cache_token.
"""

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token']


def abstractmethod(funcobj):
    """Decorator marking a method abstract; ABCMeta classes enforce it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(func):
    func.__isabstractmethod__ = True
    return classmethod(func)


def abstractstaticmethod(func):
    func.__isabstractmethod__ = True
    return staticmethod(func)


def abstractproperty(func):
    func.__isabstractmethod__ = True
    return property(func)


def _abstract_names(cls):
    names = []
    for name in dir(cls):
        try:
            value = getattr(cls, name)
        except AttributeError:
            continue
        if getattr(value, '__isabstractmethod__', False):
            names.append(name)
    return sorted(names)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __call__(cls, *args, **kwargs):
        names = _abstract_names(cls)
        if names:
            raise TypeError("Can't instantiate abstract class %s with abstract "
                            "method%s %s" % (cls.__name__,
                                             '' if len(names) == 1 else 's',
                                             ', '.join(names)))
        return super().__call__(*args, **kwargs)

    @property
    def __abstractmethods__(cls):
        return set(_abstract_names(cls))

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns the subclass."""
        registry = cls.__dict__.get('_abc_registry_')
        if registry is None:
            registry = []
            type.__setattr__(cls, '_abc_registry_', registry)
        registry.append(subclass)
        return subclass


_token = [0]


def get_cache_token():
    return _token[0]


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
