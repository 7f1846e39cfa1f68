"""enum: enumerations (subset of CPython's enum module).

Covers Enum, IntEnum, auto, unique, the EnumType/EnumMeta metaclass giving
class-level iteration, len(), membership, Color(value), Color['NAME'],
Color.__members__, and members with .name/.value, CPython's repr/str/format,
aliases (duplicate values), _missing_, _generate_next_value_, and members
whose tuple values are passed to a custom __init__.
Members are built in Enum.__init_subclass__ from the class's namespace.
IntEnum is a single-inheritance Enum whose members behave like their int
values (comparison, hashing, arithmetic, __index__); isinstance(m, int) is
False here. Not covered: Flag/IntFlag, StrEnum, the functional API.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'auto', 'unique']


class auto:
    """Instances are replaced with an appropriate value in Enum classes."""
    _counter = [0]

    def __init__(self):
        self.value = None
        auto._counter[0] += 1
        self._order = auto._counter[0]

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_descriptor(obj):
    if callable(obj):
        return True
    tn = type(obj).__name__
    return tn in ('property', 'classmethod', 'staticmethod') or \
        hasattr(obj, '__get__') or hasattr(obj, '__set__')


def _is_sunder_or_dunder(name):
    return len(name) > 1 and name[0] == '_' and (
        name[1] == '_' or name[-1] == '_')


def _qualname(cls):
    return getattr(cls, '__qualname__', None) or cls.__name__


class EnumType(type):
    """Metaclass for Enum: class-level iteration, lookup and membership."""

    def __call__(cls, value, *args, **kwds):
        if args or kwds:
            raise TypeError('the functional Enum API is not supported')
        return cls._lookup_value_(value)

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if isinstance(member, cls):
            return member._name_ in cls._member_map_
        return False

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        members = cls.__dict__.get('_member_map_', {})
        if name in members:
            raise AttributeError('cannot reassign member %r' % name)
        super().__setattr__(name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init__(self, *args, **kwds):
        pass

    def __init_subclass__(cls, **kwds):
        cls._make_members_()

    @classmethod
    def _make_members_(cls):
        member_map = {}
        names = []
        value_map = {}
        # members of a base enum cannot be extended
        base_names = getattr(cls, '_member_names_', [])
        pending = []
        for key, val in list(cls.__dict__.items()):
            if _is_sunder_or_dunder(key) or _is_descriptor(val):
                continue
            if key.startswith('_%s__' % cls.__name__):
                continue
            pending.append((key, val))
        if base_names and pending:
            raise TypeError('%s: cannot extend enumeration %r' % (
                cls.__name__, cls.__mro__[1].__name__))
        for key, val in pending:
            if isinstance(val, auto):
                if val.value is None:
                    last = [m._value_ for m in value_map.values()]
                    val.value = cls._generate_next_value_(key, 1, len(names),
                                                          last)
                val = val.value
            args = val if isinstance(val, tuple) else (val,)
            member = object.__new__(cls)
            member._value_ = val
            member._name_ = key
            if cls.__init__ is not Enum.__init__:
                member.__init__(*args)
            canonical = None
            for other in member_map.values():
                if other._value_ == member._value_ and \
                        type(other._value_) is type(member._value_):
                    canonical = other
                    break
            if canonical is None:
                names.append(key)
                member_map[key] = member
                try:
                    value_map[member._value_] = member
                except TypeError:
                    pass
            else:
                member = canonical
                member_map[key] = member
            type.__setattr__(cls, key, member)
        type.__setattr__(cls, '_member_names_', names)
        type.__setattr__(cls, '_member_map_', member_map)
        type.__setattr__(cls, '_value2member_map_', value_map)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def _lookup_value_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError('error in %s._missing_: returned %r instead of '
                            'None or a valid member' % (cls.__name__, result))
        raise ValueError('%r is not a valid %s' % (value, _qualname(cls)))

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    """Enum whose str() and format() are those of the member's value."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def _plain(x):
    return x._value_ if isinstance(x, IntEnum) else x


def _int_binop(name):
    def op(self, other):
        return getattr(self._value_, name)(_plain(other))
    op.__name__ = name
    return op


class IntEnum(ReprEnum):
    """Enum whose members are also (and must be) ints."""

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum) and not isinstance(other, IntEnum):
            return False
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    __add__ = _int_binop('__add__')
    __radd__ = _int_binop('__radd__')
    __sub__ = _int_binop('__sub__')
    __rsub__ = _int_binop('__rsub__')
    __mul__ = _int_binop('__mul__')
    __rmul__ = _int_binop('__rmul__')
    __floordiv__ = _int_binop('__floordiv__')
    __truediv__ = _int_binop('__truediv__')
    __mod__ = _int_binop('__mod__')
    __pow__ = _int_binop('__pow__')
    __and__ = _int_binop('__and__')
    __or__ = _int_binop('__or__')

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)


def unique(enumeration):
    """Class decorator: raise ValueError if any values are duplicated."""
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join(['%s -> %s' % (a, b) for a, b in duplicates])
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, details))
    return enumeration
