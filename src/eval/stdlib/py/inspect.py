"""inspect: introspection of live objects (subset of CPython's).

Covers signature() / Signature / Parameter / BoundArguments (bind,
bind_partial, apply_defaults, replace, str/repr as CPython), signatures of
functions, bound methods, classes (metaclass __call__, __new__, __init__),
callable instances, functools.partial and __wrapped__ chains; the is*()
predicates, getsource / getsourcelines / getfile / getsourcefile / getmodule,
getdoc / cleandoc, getmembers, getmro, unwrap, getfullargspec,
get_annotations.
Parameters come from the `_inspect` primitive module: positional-only
markers and annotations are not recorded there, so signatures of user
functions never show '/' or annotations (Parameter objects built by hand
still can). Frames (currentframe, stack) are not provided.
"""

import sys
import _inspect
from collections import namedtuple

__all__ = ['signature', 'Signature', 'Parameter', 'BoundArguments',
           'isclass', 'isfunction', 'ismethod', 'ismodule', 'isbuiltin',
           'isroutine', 'isgenerator', 'isgeneratorfunction',
           'iscoroutinefunction', 'iscoroutine', 'isawaitable',
           'isasyncgenfunction', 'isabstract', 'getsource', 'getsourcelines',
           'getfile', 'getsourcefile', 'getmodule', 'getdoc', 'cleandoc',
           'getmembers', 'getmro', 'unwrap', 'getfullargspec',
           'get_annotations', 'formatannotation']


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


_PRIM_EMPTY = _inspect.empty


# ---------------------------------------------------------------- type tests

def _a_function():
    pass


class _AClass:
    def _a_method(self):
        pass


def _a_generator():
    yield None


_FunctionType = type(_a_function)
_MethodType = type(_AClass()._a_method)
_ModuleType = type(sys)
_BuiltinType = type(len)
_GeneratorType = type(_a_generator())


def _tname(obj):
    return type(obj).__name__


def ismodule(object):
    """Return true if the object is a module."""
    return type(object) is _ModuleType


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return type(object) is _FunctionType


def _method_func(m):
    return getattr(m, '__func__', None)


def _code_holder(obj):
    """The user function behind a function or bound method (the bound
    method itself when it does not expose __func__; _inspect accepts it)."""
    if isfunction(obj):
        return obj
    if ismethod(obj):
        f = _method_func(obj)
        return obj if f is None else f
    return None


def _is_builtin_method(obj):
    # A bound method of a builtin object (e.g. [].append).
    if _method_func(obj) is not None:
        return False
    try:
        return repr(obj).startswith('<built-in')
    except Exception:
        return False


def ismethod(object):
    """Return true if the object is a bound method."""
    if type(object) is not _MethodType:
        return False
    return not _is_builtin_method(object)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    if isclass(object):
        return False
    if type(object) is _BuiltinType:
        return True
    if type(object) is _MethodType:
        return _is_builtin_method(object)
    return False


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isgenerator(object):
    """Return true if the object is a generator."""
    return type(object) is _GeneratorType


def _unwrap_partial(func):
    while _is_partial(func):
        func = func.func
    return func


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    obj = _code_holder(_unwrap_partial(obj))
    if obj is None:
        return False
    try:
        return bool(_inspect.is_generator_function(obj))
    except TypeError:
        return False


def iscoroutinefunction(obj):
    return False


def iscoroutine(object):
    return False


def isawaitable(object):
    return False


def isasyncgenfunction(obj):
    return False


def isasyncgen(object):
    return False


def istraceback(object):
    return _tname(object) == 'traceback'


def isframe(object):
    return _tname(object) == 'frame'


def iscode(object):
    return _tname(object) == 'code'


def isabstract(object):
    if not isclass(object):
        return False
    return bool(getattr(object, '__abstractmethods__', None))


# ---------------------------------------------------------------- members

def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name.
    Optionally, only return members that satisfy a given predicate."""
    if isclass(object):
        mro = (object,) + tuple(getmro(object))
    else:
        mro = ()
    results = []
    processed = set()
    names = dir(object)
    for key in names:
        found = True
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            found = False
            for base in mro:
                d = getattr(base, '__dict__', None)
                if d is not None and key in d:
                    value = d[key]
                    found = True
                    break
        if not found:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


# ---------------------------------------------------------------- documentation

def _expandtabs(s, tabsize=8):
    if '\t' not in s:
        return s
    out = []
    col = 0
    for ch in s:
        if ch == '\t':
            n = tabsize - (col % tabsize)
            out.append(' ' * n)
            col += n
        elif ch == '\n' or ch == '\r':
            out.append(ch)
            col = 0
        else:
            out.append(ch)
            col += 1
    return ''.join(out)


def cleandoc(doc):
    """Clean up indentation from docstrings."""
    lines = _expandtabs(doc).split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            if margin is None or indent < margin:
                margin = indent
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _findclass(func):
    cls = sys.modules.get(getattr(func, '__module__', None))
    if cls is None:
        return None
    qualname = getattr(func, '__qualname__', '')
    parts = qualname.split('.')[:-1]
    if not parts:
        return None
    for name in parts:
        cls = getattr(cls, name, None)
        if cls is None:
            return None
    if not isclass(cls):
        return None
    return cls


def _finddoc(obj):
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                doc = getattr(base, '__doc__', None)
                if doc is not None:
                    return doc
        return None
    name = None
    cls = None
    if ismethod(obj):
        func = _method_func(obj)
        if func is None:
            return None
        name = func.__name__
        self = obj.__self__
        if isclass(self) and getattr(getattr(self, name, None), '__func__', None) is func:
            cls = self
        else:
            cls = self.__class__
    elif isfunction(obj):
        name = obj.__name__
        cls = _findclass(obj)
        if cls is None or getattr(cls, name, None) is not obj:
            return None
    else:
        return None
    for base in cls.__mro__:
        try:
            doc = getattr(base, name).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """Get the documentation string for an object, cleaned up."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ---------------------------------------------------------------- source

def _expected_error(object):
    return TypeError('module, class, method, function, traceback, frame, or '
                     'code object was expected, got {}'.format(_tname(object)))


def _module_file(module):
    f = getattr(module, '__file__', None)
    if f is None:
        raise TypeError('{!r} is a built-in module'.format(module))
    return f


def _class_file(cls):
    mod = sys.modules.get(getattr(cls, '__module__', None))
    f = getattr(mod, '__file__', None) if mod is not None else None
    if f is not None:
        return f
    # Fall back to the file of any function defined in the class body.
    for value in getattr(cls, '__dict__', {}).values():
        value = getattr(value, '__func__', value)
        if isfunction(value):
            try:
                return _inspect.filename(value)
            except TypeError:
                pass
    if mod is not None and getattr(cls, '__module__', None) == '__main__':
        main_file = getattr(sys.modules.get('__main__'), '__file__', None)
        if main_file is not None:
            return main_file
    raise TypeError('source code not available')


def getfile(object):
    """Work out which source or compiled file an object was defined in."""
    if ismodule(object):
        return _module_file(object)
    if isclass(object):
        return _class_file(object)
    func = _code_holder(object)
    if func is not None:
        return _inspect.filename(func)
    raise _expected_error(object)


def getsourcefile(object):
    return getfile(object)


def getmodule(object, _filename=None):
    """Return the module an object was defined in, or None if not found."""
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        return sys.modules.get(name)
    return None


def _read(filename):
    # The interpreter keeps the source of every file and cell it ran.
    text = _inspect.text(filename)
    if text is not None:
        return text
    try:
        fh = open(filename)
    except Exception:
        raise OSError('could not get source code')
    try:
        return fh.read()
    finally:
        fh.close()


def _splitlines_keepends(text):
    lines = text.split('\n')
    out = [line + '\n' for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _class_source(cls):
    text = _read(_class_file(cls))
    lines = _splitlines_keepends(text)
    name = cls.__name__
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if not stripped.startswith('class '):
            continue
        rest = stripped[6:].lstrip()
        if not rest.startswith(name):
            continue
        after = rest[len(name):len(name) + 1]
        if after not in ('(', ':', ' '):
            continue
        indent = len(line) - len(stripped)
        start = i
        while start > 0:
            prev = lines[start - 1]
            ps = prev.lstrip()
            if ps.startswith('@') and len(prev) - len(ps) == indent:
                start -= 1
            else:
                break
        end = i + 1
        last = i + 1
        while end < len(lines):
            ln = lines[end]
            s = ln.strip()
            if s and len(ln) - len(ln.lstrip()) <= indent:
                break
            end += 1
            if s:
                last = end
        return lines[start:last], start + 1
    raise OSError('could not find class definition')


def getsourcelines(object):
    """Return a list of source lines and starting line number for an object."""
    if ismodule(object):
        return _splitlines_keepends(_read(_module_file(object))), 0
    if isclass(object):
        return _class_source(object)
    func = _code_holder(unwrap(object))
    if func is None:
        raise _expected_error(object)
    object = func
    src = _inspect.source(object)
    if src is None:
        raise OSError('could not get source code')
    lineno = 1
    try:
        text = _read(_inspect.filename(object))
        idx = text.find(src)
        if idx >= 0:
            lineno = text[:idx].count('\n') + 1
    except OSError:
        pass
    return _splitlines_keepends(src), lineno


def getsource(object):
    """Return the text of the source code for an object."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def indentsize(line):
    expline = _expandtabs(line)
    return len(expline) - len(expline.lstrip())


# ---------------------------------------------------------------- unwrap

def unwrap(func, *, stop=None):
    """Get the object wrapped by *func* (following __wrapped__)."""
    f = func
    memo = {id(f): f}
    recursion_limit = 1000
    while hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        id_func = id(func)
        if id_func in memo or len(memo) >= recursion_limit:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func


# ---------------------------------------------------------------- annotations

def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isclass(annotation):
        module = getattr(annotation, '__module__', 'builtins')
        qualname = getattr(annotation, '__qualname__', None) or \
            annotation.__name__
        if module in ('builtins', base_module):
            return qualname
        return module + '.' + qualname
    return repr(annotation)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    return dict(ann)


# ---------------------------------------------------------------- Parameter

class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self._name_ = name
        self._value_ = value
        self.description = description

    def __str__(self):
        return self.name

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self.name, self.value)

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __hash__(self):
        return hash(self.value)

    def _v(self, other):
        if isinstance(other, _ParameterKind):
            return other.value
        if isinstance(other, int) and not isinstance(other, bool):
            return other
        return None

    def __eq__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value == v

    def __ne__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value != v

    def __lt__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value < v

    def __le__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value <= v

    def __gt__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value > v

    def __ge__(self, other):
        v = self._v(other)
        if v is None:
            return NotImplemented
        return self.value >= v


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD',
                                        'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')

_KINDS = [_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL,
          _KEYWORD_ONLY, _VAR_KEYWORD]
_KIND_BY_NAME = {}
for _k in _KINDS:
    _KIND_BY_NAME[_k.name] = _k


def _is_identifier(name):
    if not name:
        return False
    for i, ch in enumerate(name):
        if ch == '_' or ch.isalpha():
            continue
        if i > 0 and ch.isdigit():
            continue
        return False
    return True


class Parameter:
    """Represents a parameter in a function signature."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            found = None
            for k in _KINDS:
                if k == kind:
                    found = k
            if found is None:
                raise ValueError(
                    'value {!r} is not a valid Parameter.kind'.format(kind))
            kind = found
        self._kind = kind
        if default is not _empty:
            if kind is _VAR_POSITIONAL or kind is _VAR_KEYWORD:
                msg = '{} parameters cannot have default values'
                raise ValueError(msg.format(kind.description))
        self._default = default
        self._annotation = annotation
        if default is _empty:
            pass
        if not isinstance(name, str):
            msg = 'name must be a str, not a {}'.format(type(name).__name__)
            raise TypeError(msg)
        if name[:1] == '.' and name[1:].isdigit():
            if kind is not _POSITIONAL_OR_KEYWORD:
                msg = ('implicit arguments must be passed as '
                       'positional or keyword arguments, not {}')
                raise ValueError(msg.format(kind.description))
            self._kind = _POSITIONAL_ONLY
            name = 'implicit{}'.format(name[1:])
        if not _is_identifier(name):
            raise ValueError('{!r} is not a valid parameter name'.format(name))
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void,
                default=_void):
        """Creates a customized copy of the Parameter."""
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = '{}: {}'.format(formatted,
                                        formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = '{} = {}'.format(formatted, repr(self._default))
            else:
                formatted = '{}={}'.format(formatted, repr(self._default))
        if kind is _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif kind is _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return '<{} "{}">'.format(self.__class__.__name__, self)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and
                self._kind == other._kind and
                self._default == other._default and
                self._annotation == other._annotation)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r


# ---------------------------------------------------------------- BoundArguments

class BoundArguments:
    """Result of `Signature.bind` call."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for param_name, param in self._signature.parameters.items():
            if param.kind is _VAR_KEYWORD or param.kind is _KEYWORD_ONLY:
                break
            if param_name not in self.arguments:
                break
            arg = self.arguments[param_name]
            if param.kind is _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for param_name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind is _VAR_KEYWORD or param.kind is _KEYWORD_ONLY:
                    kwargs_started = True
                else:
                    if param_name not in self.arguments:
                        kwargs_started = True
                        continue
            if not kwargs_started:
                continue
            if param_name in self.arguments:
                arg = self.arguments[param_name]
                if param.kind is _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[param_name] = arg
        return kwargs

    def apply_defaults(self):
        """Set default values for missing arguments."""
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            if name in arguments:
                new_arguments.append((name, arguments[name]))
                continue
            if param.default is not _empty:
                val = param.default
            elif param.kind is _VAR_POSITIONAL:
                val = ()
            elif param.kind is _VAR_KEYWORD:
                val = {}
            else:
                continue
            new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return (self.signature == other.signature and
                self.arguments == other.arguments)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __repr__(self):
        args = []
        for arg, value in self.arguments.items():
            args.append('{}={!r}'.format(arg, value))
        return '<{} ({})>'.format(self.__class__.__name__, ', '.join(args))


# ---------------------------------------------------------------- Signature

class _ParametersView:
    """Read-only ordered mapping name -> Parameter (CPython: mappingproxy)."""

    def __init__(self, d):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def copy(self):
        return dict(self._d)

    def __eq__(self, other):
        if isinstance(other, _ParametersView):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __repr__(self):
        return 'mappingproxy(OrderedDict([{}]))'.format(
            ', '.join('({!r}, {!r})'.format(k, v) for k, v in self._d.items()))


class Signature:
    """A Signature object represents the overall signature of a function."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        msg = ('wrong parameter order: {} parameter before {} '
                               'parameter')
                        msg = msg.format(top_kind.description,
                                         kind.description)
                        raise ValueError(msg)
                    elif kind > top_kind:
                        top_kind = kind
                    if kind is _POSITIONAL_ONLY or kind is _POSITIONAL_OR_KEYWORD:
                        if param.default is _empty:
                            if seen_default:
                                msg = ('non-default argument follows default '
                                       'argument')
                                raise ValueError(msg)
                        else:
                            seen_default = True
                    if name in params:
                        msg = 'duplicate parameter name: {!r}'.format(name)
                        raise ValueError(msg)
                    params[name] = param
            else:
                for param in parameters:
                    params[param.name] = param
        self._parameters = _ParametersView(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        """Constructs Signature for the given callable object."""
        return _signature_from_callable(obj, follow_wrapped, cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """Creates a customized copy of the Signature."""
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _hash_basis(self):
        params = tuple(param for param in self.parameters.values()
                       if param.kind is not _KEYWORD_ONLY)
        kwo_params = {param.name: param for param in self.parameters.values()
                      if param.kind is _KEYWORD_ONLY}
        return params, kwo_params, self.return_annotation

    def __hash__(self):
        params, kwo_params, return_annotation = self._hash_basis()
        kwo = tuple(sorted(kwo_params.items(), key=lambda kv: kv[0]))
        return hash((params, kwo, return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._hash_basis() == other._hash_basis()

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _bind(self, args, kwargs, partial=False):
        arguments = {}
        kwargs = dict(kwargs)
        params = list(self.parameters.values())
        n = len(params)
        i = 0
        nargs = len(args)
        ai = 0
        # Phase 1: positional arguments.
        while ai < nargs:
            if i >= n:
                raise TypeError('too many positional arguments')
            param = params[i]
            if param.kind is _VAR_KEYWORD or param.kind is _KEYWORD_ONLY:
                raise TypeError('too many positional arguments')
            if param.kind is _VAR_POSITIONAL:
                arguments[param.name] = tuple(args[ai:])
                ai = nargs
                i += 1
                break
            if param.name in kwargs and param.kind is not _POSITIONAL_ONLY:
                raise TypeError(
                    'multiple values for argument {arg!r}'.format(
                        arg=param.name))
            arguments[param.name] = args[ai]
            ai += 1
            i += 1
        # Phase 2: the remaining parameters, from keyword arguments.
        kwargs_param = None
        while i < n:
            param = params[i]
            i += 1
            if param.kind is _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind is _VAR_POSITIONAL:
                continue
            param_name = param.name
            if param_name in kwargs and not (param.kind is _POSITIONAL_ONLY
                                             and kwargs_param is not None):
                if param.kind is _POSITIONAL_ONLY:
                    raise TypeError('{arg!r} parameter is positional only, '
                                    'but was passed as a keyword'.format(
                                        arg=param.name))
                arguments[param_name] = kwargs.pop(param_name)
            else:
                if not partial and param.default is _empty:
                    raise TypeError('missing a required argument: {arg!r}'.
                                    format(arg=param_name))
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(
                    'got an unexpected keyword argument {arg!r}'.format(
                        arg=next(iter(kwargs))))
        return BoundArguments(self, arguments)

    def bind(self, *args, **kwargs):
        """Get a BoundArguments object, that maps the passed `args`
        and `kwargs` to the function's signature."""
        return self._bind(args, kwargs)

    def bind_partial(self, *args, **kwargs):
        """Get a BoundArguments object, that partially maps the
        passed `args` and `kwargs` to the function's signature."""
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, self)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind is _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind is _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind is _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '({})'.format(', '.join(result))
        if self.return_annotation is not _empty:
            anno = formatannotation(self.return_annotation)
            rendered += ' -> {}'.format(anno)
        return rendered


# ---------------------------------------------------------------- signature()

def _is_partial(obj):
    t = type(obj)
    if t.__name__ != 'partial':
        return False
    return hasattr(obj, 'func') and hasattr(obj, 'args') and \
        hasattr(obj, 'keywords')


def _signature_from_function(cls, func):
    try:
        raw = _inspect.params(func)
    except TypeError:
        raise ValueError('no signature found for {!r}'.format(func))
    ann = getattr(func, '__annotations__', None) or {}
    params = []
    for name, kind, default in raw:
        if default is _PRIM_EMPTY:
            default = _empty
        params.append(Parameter(name, _KIND_BY_NAME[kind], default=default,
                                annotation=ann.get(name, _empty)))
    return cls(params, return_annotation=ann.get('return', _empty),
               __validate_parameters__=False)


def _signature_bound_method(sig):
    params = tuple(sig.parameters.values())
    if not params or params[0].kind is _VAR_KEYWORD or \
            params[0].kind is _KEYWORD_ONLY:
        raise ValueError('invalid method signature')
    kind = params[0].kind
    if kind is _POSITIONAL_OR_KEYWORD or kind is _POSITIONAL_ONLY:
        params = params[1:]
    elif kind is not _VAR_POSITIONAL:
        raise ValueError('invalid argument type')
    return sig.replace(parameters=params)


def _signature_get_partial(wrapped_sig, partial, extra_args=()):
    old_params = wrapped_sig.parameters
    new_params = dict(old_params.items())
    partial_args = partial.args or ()
    partial_keywords = partial.keywords or {}
    if extra_args:
        partial_args = tuple(extra_args) + tuple(partial_args)
    try:
        ba = wrapped_sig.bind_partial(*partial_args, **partial_keywords)
    except TypeError:
        msg = 'partial object {!r} has incorrect arguments'.format(partial)
        raise ValueError(msg)
    transform_to_kwonly = False
    for param_name, param in old_params.items():
        if param_name in ba.arguments:
            arg_value = ba.arguments[param_name]
            if param.kind is _POSITIONAL_ONLY:
                new_params.pop(param_name)
                continue
            if param.kind is _POSITIONAL_OR_KEYWORD:
                if param_name in partial_keywords:
                    transform_to_kwonly = True
                    new_params[param_name] = param.replace(default=arg_value)
                else:
                    new_params.pop(param.name)
                    continue
            if param.kind is _KEYWORD_ONLY:
                new_params[param_name] = param.replace(default=arg_value)
        if transform_to_kwonly:
            if param.kind is _POSITIONAL_OR_KEYWORD:
                new_param = new_params.pop(param_name).replace(
                    kind=_KEYWORD_ONLY)
                new_params[param_name] = new_param
            elif param.kind is _KEYWORD_ONLY or param.kind is _VAR_KEYWORD:
                new_params[param_name] = new_params.pop(param_name)
            elif param.kind is _VAR_POSITIONAL:
                new_params.pop(param.name)
    return wrapped_sig.replace(parameters=list(new_params.values()))


def _user_method(cls, name):
    """The user-defined (Python-level) attribute `name` of `cls`, or None."""
    try:
        meth = getattr(cls, name)
    except AttributeError:
        return None
    except Exception:
        return None
    if isfunction(meth):
        return meth
    if ismethod(meth):
        return meth
    if _is_partial(meth):
        return meth
    return None


def _in_dict(base, name):
    d = getattr(base, '__dict__', None)
    return d is not None and name in d


def _bound_method_signature(obj, follow_wrapped, sigcls):
    func = _method_func(obj)
    if func is not None:
        sig = _signature_from_callable(func, follow_wrapped, sigcls)
        return _signature_bound_method(sig)
    # No __func__: ask the primitive about the method itself.
    try:
        sig = _signature_from_function(sigcls, obj)
    except ValueError:
        raise ValueError('no signature found for builtin {!r}'.format(obj))
    return _signature_bound_method(sig)


def _signature_from_callable(obj, follow_wrapped=True, sigcls=None):
    if sigcls is None:
        sigcls = Signature
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))

    if ismethod(obj):
        return _bound_method_signature(obj, follow_wrapped, sigcls)

    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if ismethod(obj):
            return _signature_from_callable(obj, follow_wrapped, sigcls)

    sig = getattr(obj, '__signature__', None) if not isclass(obj) else \
        (obj.__dict__.get('__signature__') if _in_dict(obj, '__signature__')
         else None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(
                'unexpected object {!r} in __signature__ '
                'attribute'.format(sig))
        return sig

    if isfunction(obj):
        return _signature_from_function(sigcls, obj)

    if isbuiltin(obj):
        raise ValueError('no signature found for builtin {!r}'.format(obj))

    if _is_partial(obj):
        wrapped_sig = _signature_from_callable(obj.func, follow_wrapped,
                                               sigcls)
        return _signature_get_partial(wrapped_sig, obj)

    sig = None
    if isclass(obj):
        call = _user_method(type(obj), '__call__')
        if call is not None:
            sig = _signature_from_callable(call, follow_wrapped, sigcls)
        else:
            factory_method = None
            new = _user_method(obj, '__new__')
            init = _user_method(obj, '__init__')
            for base in obj.__mro__:
                if new is not None and _in_dict(base, '__new__'):
                    factory_method = new
                    break
                elif init is not None and _in_dict(base, '__init__'):
                    factory_method = init
                    break
            if factory_method is not None:
                sig = _signature_from_callable(factory_method,
                                               follow_wrapped, sigcls)
        if sig is None:
            builtin_base = False
            for base in obj.__mro__[:-1]:
                if getattr(base, '__module__', 'builtins') == 'builtins':
                    builtin_base = True
            if builtin_base:
                raise ValueError(
                    'no signature found for builtin type {!r}'.format(obj))
            return sigcls([])
    else:
        call = _user_method(type(obj), '__call__')
        if call is not None:
            try:
                sig = _signature_from_callable(call, follow_wrapped, sigcls)
            except ValueError:
                raise ValueError('no signature found for {!r}'.format(obj))

    if sig is not None:
        return _signature_bound_method(sig)

    raise ValueError(
        'callable {!r} is not supported by signature'.format(obj))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None,
              eval_str=False):
    """Get a signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


# ---------------------------------------------------------------- argspec

FullArgSpec = namedtuple('FullArgSpec', 'args, varargs, varkw, defaults, '
                         'kwonlyargs, kwonlydefaults, annotations')


def getfullargspec(func):
    """Get the names and default values of a callable object's parameters."""
    try:
        if ismethod(func):
            # Bound methods keep their first parameter here.
            holder = _method_func(func)
            if holder is None:
                sig = _signature_from_function(Signature, func)
            else:
                sig = _signature_from_callable(holder, False, Signature)
        else:
            sig = _signature_from_callable(func, False, Signature)
    except Exception:
        raise TypeError('unsupported callable')
    args = []
    varargs = None
    varkw = None
    posonlyargs = []
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not sig.empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind is _POSITIONAL_ONLY:
            posonlyargs.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _POSITIONAL_OR_KEYWORD:
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _VAR_POSITIONAL:
            varargs = name
        elif kind is _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        elif kind is _VAR_KEYWORD:
            varkw = name
        if param.annotation is not param.empty:
            annotations[name] = param.annotation
    if not kwdefaults:
        kwdefaults = None
    if not defaults:
        defaults = None
    return FullArgSpec(posonlyargs + args, varargs, varkw, defaults,
                       kwonlyargs, kwdefaults, annotations)
