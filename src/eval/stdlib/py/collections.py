"""collections: container datatypes.

namedtuple (field names as a list or a string, defaults=, rename=, _fields,
_field_defaults, _make, _asdict, _replace), deque (maxlen, append/appendleft,
pop/popleft, extend/extendleft, rotate, indexing, insert/remove/count/index),
OrderedDict (move_to_end, popitem(last=), order-sensitive ==), defaultdict
(default_factory, __missing__), Counter (most_common, elements, update,
subtract, total, + - | & and unary +/-) and ChainMap (lookups through a list
of mappings, writes to the first).  Reprs follow CPython 3.11.

The dict-based classes subclass dict and rely on dict calling __missing__
for absent keys.  namedtuple builds a plain class that behaves like a tuple
(indexing, unpacking, len, ==, <, hash) but is not a tuple subclass.
"""


def _dict_body(d):
    return '{' + ', '.join(['%r: %r' % (k, v) for k, v in d.items()]) + '}'


################################################################################
# namedtuple

_KEYWORDS = set([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def _is_identifier(s):
    if not s or not (s[0].isalpha() or s[0] == '_'):
        return False
    for ch in s:
        if not (ch.isalnum() or ch == '_'):
            return False
    return True


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Return a new tuple-like class with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(f) for f in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index in range(len(field_names)):
            name = field_names[index]
            if (not _is_identifier(name) or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(field_names[index])
    for name in [typename] + field_names:
        if not isinstance(name, str):
            raise TypeError('Type names and field names must be strings')
        if not _is_identifier(name):
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % name)
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)

    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        for name, value in zip(fields[nfields - len(defaults):], defaults):
            field_defaults[name] = value
    ctor = typename + '.__new__()'

    class _NamedTuple:
        _fields = fields
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > nfields:
                raise TypeError('%s takes %d positional arguments but %d were given'
                                % (ctor, nfields + 1, len(args) + 1))
            for name in kwargs:
                if name not in fields:
                    raise TypeError('%s got an unexpected keyword argument %r' % (ctor, name))
                if fields.index(name) < len(args):
                    raise TypeError('%s got multiple values for argument %r' % (ctor, name))
            values = list(args)
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing = [n for n in fields[len(values):]
                               if n not in kwargs and n not in field_defaults]
                    if len(missing) == 1:
                        raise TypeError("%s missing 1 required positional argument: %r"
                                        % (ctor, missing[0]))
                    names = ', '.join([repr(n) for n in missing[:-1]])
                    raise TypeError('%s missing %d required positional arguments: %s and %r'
                                    % (ctor, len(missing), names, missing[-1]))
            self._nt_values = tuple(values)
            for i in range(nfields):
                setattr(self, fields[i], values[i])

        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != nfields:
                raise TypeError('Expected %d arguments, got %d' % (nfields, len(values)))
            return cls(*values)

        def _replace(self, **kwargs):
            values = [kwargs.pop(name, v) for name, v in zip(fields, self._nt_values)]
            if kwargs:
                raise ValueError('Got unexpected field names: %r' % list(kwargs))
            return type(self)(*values)

        def _asdict(self):
            return dict(zip(fields, self._nt_values))

        def __repr__(self):
            body = ', '.join(['%s=%r' % (n, v) for n, v in zip(fields, self._nt_values)])
            cls = type(self)
            # (nabla ignores assignments to a class's __name__ today)
            name = typename if cls is _NamedTuple else cls.__name__
            return '%s(%s)' % (name, body)

        def __getnewargs__(self):
            return self._nt_values

        def __len__(self):
            return nfields

        def __getitem__(self, index):
            return self._nt_values[index]

        def __iter__(self):
            return iter(self._nt_values)

        def __contains__(self, item):
            return item in self._nt_values

        def __hash__(self):
            return hash(self._nt_values)

        def __eq__(self, other):
            return self._nt_values == _as_tuple(other)

        def __ne__(self, other):
            return not self._nt_values == _as_tuple(other)

        def __lt__(self, other):
            return self._nt_values < _as_tuple(other)

        def __le__(self, other):
            return self._nt_values <= _as_tuple(other)

        def __gt__(self, other):
            return self._nt_values > _as_tuple(other)

        def __ge__(self, other):
            return self._nt_values >= _as_tuple(other)

        def __add__(self, other):
            return self._nt_values + _as_tuple(other)

        def __mul__(self, n):
            return self._nt_values * n

        def count(self, value):
            return self._nt_values.count(value)

        def index(self, value, *args):
            return self._nt_values.index(value, *args)

    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    return _NamedTuple


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    values = getattr(x, '_nt_values', None)
    if values is not None:
        return values
    return x


################################################################################
# deque

class deque:
    """deque([iterable[, maxlen]]): list-like sequence with fast appends and pops at both ends."""

    # items live in self._d[self._h:]; the slots before _h are spare room for appendleft

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._d = []
        self._h = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _items(self):
        return self._d[self._h:]

    def _set_items(self, items):
        self._d = items
        self._h = 0

    def __len__(self):
        return len(self._d) - self._h

    def append(self, x):
        if self._maxlen == 0:
            return
        if self._maxlen is not None and len(self) >= self._maxlen:
            self.popleft()
        self._d.append(x)

    def appendleft(self, x):
        if self._maxlen == 0:
            return
        if self._maxlen is not None and len(self) >= self._maxlen:
            self.pop()
        if self._h == 0:
            room = max(8, len(self._d))
            self._d = [None] * room + self._d
            self._h = room
        self._h -= 1
        self._d[self._h] = x

    def pop(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        return self._d.pop()

    def popleft(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        x = self._d[self._h]
        self._d[self._h] = None
        self._h += 1
        if self._h > 16 and self._h * 2 > len(self._d):
            del self._d[:self._h]
            self._h = 0
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(self)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(self)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._d = []
        self._h = 0

    def copy(self):
        return deque(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items().count(x)

    def index(self, x, start=0, stop=None):
        items = self._items()
        if stop is None:
            stop = len(items)
        for i in range(start, min(stop, len(items))):
            if items[i] is x or items[i] == x:
                return i
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = self._items()
        items.insert(i, x)
        self._set_items(items)

    def remove(self, value):
        items = self._items()
        for i in range(len(items)):
            if items[i] is value or items[i] == value:
                del items[i]
                self._set_items(items)
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        items = self._items()
        items.reverse()
        self._set_items(items)

    def rotate(self, n=1):
        size = len(self)
        if size <= 1:
            return
        n = n % size
        if n:
            items = self._items()
            self._set_items(items[size - n:] + items[:size - n])

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not %r' % type(i).__name__)
        size = len(self)
        if i < 0:
            i += size
        if i < 0 or i >= size:
            raise IndexError('deque index out of range')
        return self._h + i

    def __getitem__(self, i):
        return self._d[self._index(i)]

    def __setitem__(self, i, x):
        self._d[self._index(i)] = x

    def __delitem__(self, i):
        del self._d[self._index(i)]

    def __iter__(self):
        return iter(self._items())

    def __reversed__(self):
        items = self._items()
        items.reverse()
        return iter(items)

    def __contains__(self, x):
        return x in self._items()

    def __eq__(self, other):
        if not isinstance(other, deque):
            return False
        return self._items() == other._items()

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._items() < other._items()

    def __le__(self, other):
        return self._items() <= other._items()

    def __gt__(self, other):
        return self._items() > other._items()

    def __ge__(self, other):
        return self._items() >= other._items()

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._items() * n, self._maxlen)

    def __bool__(self):
        return len(self) > 0

    __hash__ = None

    def __repr__(self):
        if self._maxlen is None:
            return 'deque(%r)' % (self._items(),)
        return 'deque(%r, maxlen=%d)' % (self._items(), self._maxlen)


################################################################################
# dict subclasses

class OrderedDict(dict):
    """Dictionary that remembers insertion order, with move_to_end and popitem(last=)."""

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self.keys())
        key = keys[-1] if last else keys[0]
        value = self.pop(key)
        return (key, value)

    def move_to_end(self, key, last=True):
        if key not in self:
            raise KeyError(key)
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def copy(self):
        return type(self)(self)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        if isinstance(other, dict):
            return dict(self.items()) == other
        return False

    def __ne__(self, other):
        return not self == other

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        return '%s(%r)' % (type(self).__name__, list(self.items()))


class defaultdict(dict):
    """dict calling default_factory() to supply values for missing keys."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.default_factory, _dict_body(self))


class Counter(dict):
    """dict counting hashable items; missing items count as 0."""

    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        out = []
        for elem, count in self.items():
            for _ in range(count):
                out.append(elem)
        return iter(out)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = count + self.get(elem, 0)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        body = ', '.join(['%r: %r' % kv for kv in self.most_common()])
        return '%s({%s})' % (type(self).__name__, body)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, dict):
                return dict(self.items()) == other
            return False
        for e in set(list(self.keys()) + list(other.keys())):
            if self[e] != other[e]:
                return False
        return True

    def __ne__(self, other):
        return not self == other

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()


def _count_of(item):
    return item[1]


################################################################################
# ChainMap

class ChainMap:
    """ChainMap(*maps): a view searching several mappings in order; writes go to maps[0]."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._merged_keys())

    def _merged_keys(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return d

    def __iter__(self):
        return iter(list(self._merged_keys()))

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def keys(self):
        return list(self)

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join([repr(m) for m in self.maps]))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        self.maps[0].clear()

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        return dict(self.items()) == other
