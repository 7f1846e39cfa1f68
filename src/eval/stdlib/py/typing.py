"""typing: type-hint names for annotations (subset of CPython's typing).

Every common name is importable and subscriptable, with CPython's reprs for
the simple cases (typing.List[int], typing.Optional[int],
typing.Callable[[int], str], ~T): Any, Union, Optional, List, Dict, Tuple,
Set, FrozenSet, Callable, Iterable, Iterator, Generator, Sequence, Mapping,
MutableMapping, Type, Literal, Final, ClassVar, Annotated and more;
TypeVar, Generic and Protocol (usable as base classes, subscripted or not),
NamedTuple (class syntax and the functional form), NewType, cast, overload,
final, runtime_checkable, no_type_check, get_type_hints (basic), get_origin,
get_args and TYPE_CHECKING (False).
Not covered: isinstance() checks against typing forms, TypedDict totality,
ParamSpec semantics, string-annotation evaluation.
"""

TYPE_CHECKING = False

_BUILTIN_NAMES = ('int', 'float', 'str', 'bool', 'bytes', 'complex', 'list',
                  'dict', 'tuple', 'set', 'frozenset', 'object', 'type',
                  'NoneType', 'range', 'slice', 'bytearray')


def _type_repr(obj):
    if obj is None or obj is type(None):
        return 'NoneType'
    if obj is ...:
        return '...'
    if isinstance(obj, (_Form, _Alias, TypeVar)):
        return repr(obj)
    if isinstance(obj, list):
        return '[%s]' % ', '.join([_type_repr(a) for a in obj])
    name = getattr(obj, '__qualname__', None) or getattr(obj, '__name__',
                                                         None)
    if name is not None and not isinstance(obj, str):
        module = getattr(obj, '__module__', None)
        if module is None:
            module = 'builtins' if name in _BUILTIN_NAMES else '__main__'
        if module == 'builtins' or type(obj).__name__ == 'function':
            return name
        return '%s.%s' % (module, name)
    return repr(obj)


def _tuple(params):
    return params if isinstance(params, tuple) else (params,)


class _Alias:
    """A subscripted form such as List[int]; __origin__ and __args__."""

    def __init__(self, origin, args, name, display=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._display = display

    def __repr__(self):
        if self._display is not None:
            return self._display
        if self._name == 'Tuple' and self.__args__ == ():
            return 'typing.Tuple[()]'
        return 'typing.%s[%s]' % (self._name, ', '.join(
            [_type_repr(a) for a in self.__args__]))

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return False
        return self.__origin__ is other.__origin__ and \
            self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __getitem__(self, params):
        # substitute type variables: Dict[str, T][int] -> Dict[str, int]
        params = list(_tuple(params))
        args = []
        for a in self.__args__:
            if isinstance(a, TypeVar) and params:
                args.append(params.pop(0))
            else:
                args.append(a)
        return _Alias(self.__origin__, tuple(args), self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _Form:
    """An unsubscripted typing name (List, Optional, Any...)."""

    def __init__(self, name, origin=None, getitem=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._getitem = getitem
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __getitem__(self, params):
        if self._getitem is not None:
            return self._getitem(self, params)
        if self.__origin__ is None:
            raise TypeError('%s is not subscriptable' % self)
        params = _tuple(params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams
                               else 'few', self, len(params), self._nparams))
        return _Alias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Cannot instantiate %r' % self)
        raise TypeError('Type %s cannot be instantiated; use %s() instead'
                        % (self._name, self.__origin__.__name__))


def _union_item(self, params):
    params = _tuple(params)
    if not params:
        raise TypeError('Cannot take a Union of no types.')
    flat = []
    for p in params:
        if p is type(None):
            p = None
        if isinstance(p, _Alias) and p._name in ('Union', 'Optional'):
            items = p.__args__
        else:
            items = (p,)
        for q in items:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    flat = tuple(flat)
    display = None
    if len(flat) == 2 and None in flat:
        other = flat[0] if flat[1] is None else flat[1]
        display = 'typing.Optional[%s]' % _type_repr(other)
    alias = _Alias(Union, flat, 'Union', display)
    return alias


def _optional_item(self, param):
    return _union_item(self, (param, None))


def _tuple_item(self, params):
    params = _tuple(params)
    return _Alias(tuple, params, 'Tuple')


def _callable_item(self, params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], '
                        'result].')
    args, result = params
    if args is ...:
        return _Alias(Callable, (..., result), 'Callable',
                      'typing.Callable[..., %s]' % _type_repr(result))
    args = list(args)
    alias = _Alias(Callable, tuple(args) + (result,), 'Callable')
    alias._display = 'typing.Callable[[%s], %s]' % (
        ', '.join([_type_repr(a) for a in args]), _type_repr(result))
    return alias


def _literal_item(self, params):
    params = _tuple(params)
    return _Alias(Literal, params, 'Literal', 'typing.Literal[%s]' % ', '.join(
        [repr(p) for p in params]))


def _annotated_item(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two '
                        'arguments (a type and an annotation).')
    origin = params[0]
    alias = _Alias(origin, (origin,), 'Annotated')
    alias.__metadata__ = params[1:]
    alias._display = 'typing.Annotated[%s, %s]' % (
        _type_repr(origin), ', '.join([repr(m) for m in params[1:]]))
    return alias


def _single_item(self, param):
    if isinstance(param, tuple):
        raise TypeError('%s accepts only single type.' % self)
    return _Alias(self, (param,), self._name)


Any = _Form('Any')
NoReturn = _Form('NoReturn')
Never = _Form('Never')
Self = _Form('Self')
LiteralString = _Form('LiteralString')
Union = _Form('Union', getitem=_union_item)
Optional = _Form('Optional', getitem=_optional_item)
Tuple = _Form('Tuple', tuple, getitem=_tuple_item)
Callable = _Form('Callable', getitem=_callable_item)
Literal = _Form('Literal', getitem=_literal_item)
Annotated = _Form('Annotated', getitem=_annotated_item)
ClassVar = _Form('ClassVar', getitem=_single_item)
Final = _Form('Final', getitem=_single_item)
TypeAlias = _Form('TypeAlias')
Concatenate = _Form('Concatenate', getitem=_tuple_item)
TypeGuard = _Form('TypeGuard', getitem=_single_item)

List = _Form('List', list, nparams=1)
Dict = _Form('Dict', dict, nparams=2)
DefaultDict = _Form('DefaultDict', dict, nparams=2)
OrderedDict = _Form('OrderedDict', dict, nparams=2)
Counter = _Form('Counter', dict, nparams=1)
ChainMap = _Form('ChainMap', dict, nparams=2)
Set = _Form('Set', set, nparams=1)
FrozenSet = _Form('FrozenSet', set, nparams=1)
Deque = _Form('Deque', list, nparams=1)
Type = _Form('Type', type, nparams=1)
Text = str

_ABC_NAMES = ('Iterable', 'Iterator', 'Generator', 'Sequence', 'Mapping',
              'MutableMapping', 'MutableSequence', 'MutableSet',
              'AbstractSet', 'Collection', 'Container', 'Sized', 'Hashable',
              'Reversible', 'KeysView', 'ItemsView', 'ValuesView',
              'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator',
              'AsyncGenerator', 'ContextManager', 'AsyncContextManager',
              'IO', 'TextIO', 'BinaryIO', 'Pattern', 'Match',
              'SupportsInt', 'SupportsFloat', 'SupportsAbs', 'SupportsIndex',
              'SupportsRound', 'SupportsComplex', 'SupportsBytes')


class _ABCOrigin:
    # stands in for collections.abc classes as __origin__
    def __init__(self, name):
        self.__name__ = name
        self.__qualname__ = name
        self.__module__ = 'collections.abc'

    def __repr__(self):
        return "<class 'collections.abc.%s'>" % self.__name__


Iterable = _Form('Iterable', _ABCOrigin('Iterable'), nparams=1)
Iterator = _Form('Iterator', _ABCOrigin('Iterator'), nparams=1)
Generator = _Form('Generator', _ABCOrigin('Generator'), nparams=3)
Sequence = _Form('Sequence', _ABCOrigin('Sequence'), nparams=1)
MutableSequence = _Form('MutableSequence', _ABCOrigin('MutableSequence'),
                        nparams=1)
Mapping = _Form('Mapping', _ABCOrigin('Mapping'), nparams=2)
MutableMapping = _Form('MutableMapping', _ABCOrigin('MutableMapping'),
                       nparams=2)
AbstractSet = _Form('AbstractSet', _ABCOrigin('Set'), nparams=1)
MutableSet = _Form('MutableSet', _ABCOrigin('MutableSet'), nparams=1)
Collection = _Form('Collection', _ABCOrigin('Collection'), nparams=1)
Container = _Form('Container', _ABCOrigin('Container'), nparams=1)
Reversible = _Form('Reversible', _ABCOrigin('Reversible'), nparams=1)
Sized = _Form('Sized', _ABCOrigin('Sized'), nparams=0)
Hashable = _Form('Hashable', _ABCOrigin('Hashable'), nparams=0)
KeysView = _Form('KeysView', _ABCOrigin('KeysView'), nparams=1)
ItemsView = _Form('ItemsView', _ABCOrigin('ItemsView'), nparams=2)
ValuesView = _Form('ValuesView', _ABCOrigin('ValuesView'), nparams=1)
Awaitable = _Form('Awaitable', _ABCOrigin('Awaitable'), nparams=1)
Coroutine = _Form('Coroutine', _ABCOrigin('Coroutine'), nparams=3)
AsyncIterable = _Form('AsyncIterable', _ABCOrigin('AsyncIterable'),
                      nparams=1)
AsyncIterator = _Form('AsyncIterator', _ABCOrigin('AsyncIterator'),
                      nparams=1)
AsyncGenerator = _Form('AsyncGenerator', _ABCOrigin('AsyncGenerator'),
                       nparams=2)
ContextManager = _Form('ContextManager', _ABCOrigin('AbstractContextManager'),
                       nparams=1)
AsyncContextManager = _Form('AsyncContextManager',
                            _ABCOrigin('AbstractAsyncContextManager'),
                            nparams=1)
IO = _Form('IO', _ABCOrigin('IO'), nparams=1)
TextIO = _Form('TextIO')
BinaryIO = _Form('BinaryIO')
Pattern = _Form('Pattern', _ABCOrigin('Pattern'), nparams=1)
Match = _Form('Match', _ABCOrigin('Match'), nparams=1)
SupportsInt = _Form('SupportsInt')
SupportsFloat = _Form('SupportsFloat')
SupportsIndex = _Form('SupportsIndex')
SupportsAbs = _Form('SupportsAbs', _ABCOrigin('SupportsAbs'), nparams=1)
SupportsRound = _Form('SupportsRound', _ABCOrigin('SupportsRound'),
                      nparams=1)
SupportsComplex = _Form('SupportsComplex')
SupportsBytes = _Form('SupportsBytes')


class TypeVar:
    """Type variable: T = TypeVar('T'); repr ~T (+T covariant, -T
    contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


try:
    AnyStr = TypeVar('AnyStr', bytes, str)
except NameError:
    AnyStr = TypeVar('AnyStr', str, str)


class ParamSpec(TypeVar):
    pass


class Generic:
    """Base class for generic classes: class Box(Generic[T])."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for structural types (no runtime checks here)."""
    __slots__ = ()


def _nt_and(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return '%s and %s' % (names[0], names[1])
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _nt_setup(cls, fields, defaults):
    cls._fields = tuple(fields)
    cls._field_defaults = dict(defaults)
    cls.__match_args__ = tuple(fields)
    qual = cls.__name__ + '.__new__'
    n = len(fields)
    nreq = n - len(defaults)

    def __init__(self, *args, **kwargs):
        values = {}
        if len(args) > n:
            if nreq == n:
                want = '%d positional argument%s' % (n + 1,
                                                     '' if n == 0 else 's')
            else:
                want = 'from %d to %d positional arguments' % (nreq + 1,
                                                                n + 1)
            raise TypeError('%s() takes %s but %d were given' % (
                qual, want, len(args) + 1))
        for i in range(len(args)):
            values[fields[i]] = args[i]
        for k in kwargs:
            if k not in fields:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (qual, k))
            if k in values:
                raise TypeError('%s() got multiple values for argument %r'
                                % (qual, k))
            values[k] = kwargs[k]
        missing = [f for f in fields if f not in values and f not in defaults]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: '
                            '%s' % (qual, len(missing),
                                    '' if len(missing) == 1 else 's',
                                    _nt_and(missing)))
        vals = []
        for f in fields:
            v = values[f] if f in values else defaults[f]
            vals.append(v)
            setattr(self, f, v)
        self._values = tuple(vals)
    cls.__init__ = __init__


class NamedTuple:
    """Typed named tuples: class P(NamedTuple): x: int; y: int = 0, or
    NamedTuple('P', [('x', int), ('y', int)]).  Instances are immutable-by-
    convention sequences (not tuple subclasses here)."""
    _fields = ()
    _field_defaults = {}

    def __new__(cls, *args, **kwargs):
        if cls is NamedTuple:
            return _make_namedtuple(*args, **kwargs)
        return object.__new__(cls)

    def __init_subclass__(cls, **kwargs):
        ann = getattr(cls, '__annotations__', None) or {}
        fields = list(ann.keys())
        defaults = {}
        for f in fields:
            if hasattr(cls, f):
                defaults[f] = getattr(cls, f)
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot '
                                'follow default field%s %s' % (
                                    f, 's' if len(defaults) > 1 else '',
                                    ', '.join(defaults.keys())))
        cls.__annotations__ = dict(ann)
        _nt_setup(cls, fields, defaults)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(
            ['%s=%r' % (f, v) for f, v in zip(self._fields, self._values)]))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __contains__(self, v):
        return v in self._values

    def __eq__(self, other):
        if isinstance(other, NamedTuple):
            other = other._values
        return self._values == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._values < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def count(self, v):
        return self._values.count(v)

    def index(self, v):
        return self._values.index(v)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwargs):
        d = self._asdict()
        for k in kwargs:
            if k not in d:
                raise ValueError('Got unexpected field names: %r' % [k])
        d.update(kwargs)
        return type(self)(**d)

    @classmethod
    def _make(cls, iterable):
        return cls(*list(iterable))


def _make_namedtuple(typename, fields=None, **kwargs):
    if fields is None:
        fields = list(kwargs.items())

    class _NT(NamedTuple):
        pass
    _NT.__name__ = typename
    _NT.__qualname__ = typename
    names = [f for f, t in fields]
    _NT.__annotations__ = dict(fields)
    _nt_setup(_NT, names, {})
    return _NT


try:
    class TypedDict(dict):
        """class Movie(TypedDict): name: str (instances are dicts)."""
except TypeError:
    class TypedDict:
        """Placeholder where dict cannot be subclassed."""


def NewType(name, tp):
    """NewType('UserId', int): a callable returning its argument."""
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    """Return val unchanged (a signal to type checkers)."""
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-'
        'decorated functions outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    """Decorator for overloaded signatures; the result must not be called."""
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def runtime_checkable(cls):
    return cls


def no_type_check(arg):
    """Decorator marking a function or class as not type-checked."""
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def get_origin(tp):
    """get_origin(List[int]) is list; None for non-generic forms."""
    if isinstance(tp, _Alias):
        if tp._name == 'Annotated':
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """get_args(Dict[str, int]) == (str, int)."""
    if isinstance(tp, _Alias):
        if tp._name == 'Annotated':
            return (tp.__origin__,) + tp.__metadata__
        if tp._name == 'Callable' and tp.__args__[0] is not ...:
            return (list(tp.__args__[:-1]), tp.__args__[-1])
        return tuple([type(None) if a is None and tp._name == 'Union' else a
                      for a in tp.__args__])
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations of a class (merged along its bases) or a function, with
    None replaced by NoneType; string annotations are looked up as names."""
    hints = {}
    chain = []
    c = obj
    while c is not None and c is not object:
        chain.append(c)
        bases = getattr(c, '__bases__', None)
        c = bases[0] if bases else None
        if c is obj:
            break
    if not hasattr(obj, '__bases__'):
        chain = [obj]
    names = {'int': int, 'float': float, 'str': str, 'bool': bool,
             'list': list, 'dict': dict, 'tuple': tuple, 'set': set,
             'object': object}
    names.update(globals())
    if globalns:
        names.update(globalns)
    if localns:
        names.update(localns)
    for c in reversed(chain):
        ann = getattr(c, '__annotations__', None) or {}
        for k, v in ann.items():
            if v is None:
                v = type(None)
            if isinstance(v, str) and v in names:
                v = names[v]
            if not include_extras and isinstance(v, _Alias) and \
                    v._name == 'Annotated':
                v = v.__origin__
            hints[k] = v
    return hints
