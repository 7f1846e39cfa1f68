"""copy: shallow and deep copies (subset of CPython's copy module).

Covers copy(x) and deepcopy(x, memo=None) for the builtin containers
(list, dict, set, frozenset, tuple), immutable atoms, instances of user
classes (their attribute dict is copied; __copy__ / __deepcopy__ hooks are
honoured), and torch tensors / nn.Parameter / nn.Module instances.  deepcopy
keeps a memo so shared references stay shared and cycles terminate.
"""


class Error(Exception):
    pass


error = Error

_ATOMS = (int, float, bool, str)
# immutable or shared-by-reference objects, by type name: functions, classes...
_ATOM_NAMES = ('complex', 'range', 'bytes', 'function', 'type', 'method',
               'builtin_function_or_method', 'module', 'ellipsis',
               'NotImplementedType', 'dtype', 'device', 'slice')


def _is_atom(x):
    if x is None or isinstance(x, _ATOMS):
        return True
    return type(x).__name__ in _ATOM_NAMES


def _is_tensor(x):
    tn = type(x).__name__
    return tn in ('Tensor', 'Parameter') and hasattr(x, 'detach')


def _noinit(self, *args, **kwargs):
    pass


def _new_instance(cls):
    # a blank instance of cls, without running __init__
    try:
        new = cls.__new__
    except AttributeError:
        new = None
    if new is not None:
        return new(cls)
    # no __new__ in this interpreter: run cls() with __init__ swapped out
    orig = cls.__init__
    cls.__init__ = _noinit
    try:
        return cls()
    finally:
        cls.__init__ = orig


def _set_state(y, state):
    if hasattr(y, '__setstate__') and type(y).__name__ != 'object':
        try:
            y.__setstate__(state)
            return
        except (AttributeError, TypeError):
            pass
    d = y.__dict__
    d.update(state)
    # interpreters whose __dict__ is a snapshot: fall back to setattr
    for k in state:
        if k not in y.__dict__:
            setattr(y, k, state[k])


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if _is_atom(x) or isinstance(x, tuple) or cls.__name__ == 'frozenset':
        return x
    if isinstance(x, list):
        return list(x)
    if isinstance(x, dict) and cls is dict:
        return dict(x)
    if isinstance(x, set):
        return set(x)
    hook = getattr(x, '__copy__', None)
    if hook is not None:
        return hook()
    if _is_tensor(x):
        return x
    if not hasattr(x, '__dict__'):
        raise Error("un(shallow)copyable object of type %s" % cls)
    y = _new_instance(cls)
    _set_state(y, dict(x.__dict__))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x; memo maps id(original) -> copy."""
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    if _is_atom(x):
        return x
    cls = type(x)
    if isinstance(x, list):
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif isinstance(x, tuple) and cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # a tuple that contained itself is already in the memo
        if key in memo:
            return memo[key]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif isinstance(x, dict) and cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, set):
        y = set()
        memo[key] = y
        for item in x:
            y.add(deepcopy(item, memo))
    elif cls.__name__ == 'frozenset':
        y = cls([deepcopy(item, memo) for item in x])
    elif hasattr(x, '__deepcopy__') and not _is_tensor(x):
        y = x.__deepcopy__(memo)
    elif _is_tensor(x):
        y = x.detach().clone()
        if cls.__name__ == 'Parameter':
            y = cls(y, requires_grad=x.requires_grad)
        elif x.requires_grad:
            y.requires_grad_(True)
    elif isinstance(x, tuple):
        # namedtuple-like subclasses of tuple
        y = cls(*[deepcopy(item, memo) for item in x])
    elif hasattr(x, '__dict__'):
        y = _new_instance(cls)
        memo[key] = y
        state = deepcopy(dict(x.__dict__), memo)
        _set_state(y, state)
    else:
        raise Error("un(deep)copyable object of type %s" % cls)
    if y is not x:
        memo[key] = y
        # keep the original alive while the memo is in use (as CPython does)
        memo.setdefault(id(memo), []).append(x)
    return y
