"""dataclasses: the @dataclass decorator and helpers (subset of CPython's).

Covers @dataclass / @dataclass(init, repr, eq, order, unsafe_hash, frozen,
kw_only), field(default, default_factory, init, repr, hash, compare,
metadata, kw_only), generated __init__ (with CPython's argument errors),
__repr__, __eq__, ordering methods, __hash__, frozen instances
(FrozenInstanceError), __post_init__, inheritance of fields, fields(),
asdict() (recursive), astuple(), replace(), is_dataclass() and MISSING.
The generated methods are closures rather than exec'd source.
Not covered: InitVar processing beyond skipping, slots=True, KW_ONLY marker,
make_dataclass.
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass',
           'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None) or repr(self.type)
        return 'dataclasses.InitVar[%s]' % name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = '_FIELD'

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,'
                'init=%r,repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,'
                '_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory,
                    self.init, self.repr, self.hash, self.compare,
                    self.metadata, self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _not_implemented():
    try:
        return NotImplemented
    except NameError:
        return None


def _delattr(cls, name):
    try:
        delattr(cls, name)
    except (NameError, AttributeError):
        pass


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return repr(tp).startswith('typing.ClassVar')


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _qualname(cls):
    return getattr(cls, '__qualname__', None) or cls.__name__


def _and_join(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return '%s and %s' % (names[0], names[1])
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _field_list(obj):
    return [f for f in obj.__dataclass_fields__.values()
            if f._field_type == '_FIELD']


def _make_init(cls, all_fields, frozen, has_post_init):
    qual = _qualname(cls) + '.__init__'
    init_fields = [f for f in all_fields if f.init]
    pos_fields = [f for f in init_fields if not f.kw_only]
    kw_fields = [f for f in init_fields if f.kw_only]
    npos = len(pos_fields)
    nreq = len([f for f in pos_fields if f.default is MISSING
                and f.default_factory is MISSING])
    names = [f.name for f in init_fields]
    initvars = [f.name for f in all_fields if f._field_type == '_FIELD_INITVAR']

    def __init__(self, *args, **kwargs):
        values = {}
        for i in range(min(len(args), npos)):
            values[pos_fields[i].name] = args[i]
        for k in kwargs:
            if k not in names:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (qual, k))
            if k in values:
                raise TypeError('%s() got multiple values for argument %r'
                                % (qual, k))
            values[k] = kwargs[k]
        if len(args) > npos:
            if nreq == npos:
                want = '%d positional argument%s' % (
                    npos + 1, '' if npos == 0 else 's')
            else:
                want = 'from %d to %d positional arguments' % (nreq + 1,
                                                                npos + 1)
            given = len(args) + 1
            raise TypeError('%s() takes %s but %d %s given' % (
                qual, want, given, 'was' if given == 1 else 'were'))
        for group, kind in ((pos_fields, 'positional'),
                            (kw_fields, 'keyword-only')):
            missing = [f.name for f in group if f.name not in values
                       and f.default is MISSING
                       and f.default_factory is MISSING]
            if missing:
                raise TypeError('%s() missing %d required %s argument%s: %s' % (
                    qual, len(missing), kind,
                    '' if len(missing) == 1 else 's', _and_join(missing)))
        for f in all_fields:
            if f._field_type != '_FIELD':
                continue
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init and f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            extra = [values.get(n, getattr(cls, n, None)) for n in initvars]
            self.__post_init__(*extra)

    __init__.__name__ = '__init__'
    __init__.__qualname__ = qual
    return __init__


def _make_repr(flds):
    def __repr__(self):
        parts = ['%s=%r' % (f.name, getattr(self, f.name)) for f in flds]
        return '%s(%s)' % (_qualname(type(self)), ', '.join(parts))
    return __repr__


def _values(obj, flds):
    return tuple([getattr(obj, f.name) for f in flds])


def _make_eq(flds):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _values(self, flds) == _values(other, flds)
        return _not_implemented()
    return __eq__


def _make_order(flds, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            a = _values(self, flds)
            b = _values(other, flds)
            if op == '<':
                return a < b
            if op == '<=':
                return a <= b
            if op == '>':
                return a > b
            return a >= b
        res = _not_implemented()
        if res is None:
            raise TypeError("'%s' not supported between instances of %r and "
                            "%r" % (op, type(self).__name__,
                                    type(other).__name__))
        return res
    return compare


def _make_hash(flds):
    def __hash__(self):
        return hash(_values(self, flds))
    return __hash__


def _make_frozen(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field %r' % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field %r' % name)
        object.__delattr__(self, name)
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = {}
    base_fields = getattr(cls, '__dataclass_fields__', None)
    if base_fields is not None:
        base_params = cls.__dataclass_params__
        if base_params['frozen'] and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if not base_params['frozen'] and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')
        for name, f in base_fields.items():
            all_fields[name] = f

    annotations = getattr(cls, '__annotations__', None) or {}
    if base_fields is not None and annotations is getattr(
            cls.__dataclass_base__, '__annotations__', None):
        annotations = {}
    for name, tp in annotations.items():
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if _is_classvar(tp):
            f._field_type = '_FIELD_CLASSVAR'
        elif _is_initvar(tp):
            f._field_type = '_FIELD_INITVAR'
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f._field_type == '_FIELD' and isinstance(f.default,
                                                    (list, dict, set)):
            raise ValueError('mutable default %s for field %s is not '
                             'allowed: use default_factory'
                             % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                _delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f

    flds = [f for f in all_fields.values() if f._field_type == '_FIELD']
    seen_default = None
    for f in flds:
        if f.init and not f.kw_only:
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default is not None:
                    raise TypeError('non-default argument %r follows '
                                    'default argument' % f.name)
            else:
                seen_default = f

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = {'init': init, 'repr': repr, 'eq': eq,
                                'order': order, 'unsafe_hash': unsafe_hash,
                                'frozen': frozen}
    cls.__dataclass_base__ = cls
    cls.__match_args__ = tuple([f.name for f in flds
                                if f.init and not f.kw_only])

    if init:
        cls.__init__ = _make_init(cls, list(all_fields.values()), frozen,
                                  hasattr(cls, '__post_init__'))
    if repr:
        cls.__repr__ = _make_repr([f for f in flds if f.repr])
    cmp_fields = [f for f in flds if f.compare]
    if eq:
        cls.__eq__ = _make_eq(cmp_fields)
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        cls.__lt__ = _make_order(cmp_fields, '<')
        cls.__le__ = _make_order(cmp_fields, '<=')
        cls.__gt__ = _make_order(cmp_fields, '>')
        cls.__ge__ = _make_order(cmp_fields, '>=')
    if frozen:
        names = [f.name for f in flds]
        sa, da = _make_frozen(cls, names)
        cls.__setattr__ = sa
        cls.__delattr__ = da
    hash_fields = [f for f in flds
                   if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = _make_hash(hash_fields)
    elif eq:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False):
    """Add generated special methods to a class from its annotations."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    """True if obj is a dataclass or an instance of one."""
    return hasattr(obj, '__dataclass_fields__')


def fields(class_or_instance):
    """Return a tuple of the Field objects of a dataclass or instance."""
    try:
        fl = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple([f for f in fl.values() if f._field_type == '_FIELD'])


def _is_instance(obj):
    return hasattr(obj, '__dataclass_fields__') and \
        type(obj).__name__ != 'type' and not _is_class(obj)


def _is_class(obj):
    return hasattr(obj, '__mro__') or (hasattr(obj, '__name__') and
                                       not hasattr(obj, '__class__'))


def _convert(obj, factory, as_dict):
    if hasattr(obj, '__dataclass_fields__') and not _is_class(obj):
        vals = [(f.name, _convert(getattr(obj, f.name), factory, as_dict))
                for f in _field_list(obj)]
        if as_dict:
            return factory(vals)
        return factory([v for k, v in vals])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_convert(v, factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_convert(v, factory, as_dict) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_convert(k, factory, as_dict),
                           _convert(v, factory, as_dict))
                          for k, v in obj.items()])
    if obj is None or isinstance(obj, (int, float, str, bool)):
        return obj
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new (recursive) dict."""
    if not hasattr(obj, '__dataclass_fields__') or _is_class(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new (recursive) tuple."""
    if not hasattr(obj, '__dataclass_fields__') or _is_class(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, tuple_factory, False)


def replace(obj, /, **changes):
    """Return a new object replacing the given fields with new values."""
    if not hasattr(obj, '__dataclass_fields__') or _is_class(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == '_FIELD_CLASSVAR':
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it '
                                 'cannot be specified with replace()'
                                 % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
