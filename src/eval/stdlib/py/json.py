"""json: encode Python values to JSON text and decode JSON text.

Subset: dumps/dump (indent, sort_keys, separators, default, ensure_ascii,
skipkeys, allow_nan), loads/load (a recursive-descent parser with CPython's
error messages; object_hook, object_pairs_hook, parse_float, parse_int,
parse_constant), JSONDecodeError. Not covered: JSONEncoder/JSONDecoder
subclassing, circular-reference detection, bytes input.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError']


class JSONDecodeError(ValueError):
    """A ValueError that knows where in the document decoding failed."""

    def __init__(self, msg, doc, pos):
        before = doc[:pos]
        lineno = before.count('\n') + 1
        colno = pos - before.rfind('\n')
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---------------------------------------------------------------- encoding

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
            '\b': '\\b', '\f': '\\f'}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        n = ord(ch)
        if n < 0x20:
            out.append('\\u%04x' % n)
        elif n < 0x7f or not ensure_ascii:
            out.append(ch)
        elif n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


def _float_text(f, allow_nan):
    if f != f:
        text = 'NaN'
    elif f == float('inf'):
        text = 'Infinity'
    elif f == -float('inf'):
        text = '-Infinity'
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Encoder:
    def __init__(self, indent, separators, sort_keys, default, ensure_ascii,
                 skipkeys, allow_nan):
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is None:
            separators = (', ', ': ') if indent is None else (',', ': ')
        self.item_sep, self.key_sep = separators
        self.sort_keys = sort_keys
        self.default = default
        self.ensure_ascii = ensure_ascii
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan

    def encode(self, obj):
        out = []
        self._emit(obj, out, 0)
        return ''.join(out)

    def _newline(self, level):
        return '\n' + self.indent * level

    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return repr(k)
        if isinstance(k, float):
            return _float_text(k, self.allow_nan)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % type(k).__name__)

    def _emit(self, obj, out, level):
        if isinstance(obj, str):
            out.append(_quote(obj, self.ensure_ascii))
        elif obj is None:
            out.append('null')
        elif obj is True:
            out.append('true')
        elif obj is False:
            out.append('false')
        elif isinstance(obj, int):
            out.append(repr(obj))
        elif isinstance(obj, float):
            out.append(_float_text(obj, self.allow_nan))
        elif isinstance(obj, (list, tuple)):
            self._emit_list(obj, out, level)
        elif isinstance(obj, dict):
            self._emit_dict(obj, out, level)
        elif self.default is not None:
            self._emit(self.default(obj), out, level)
        else:
            raise TypeError('Object of type %s is not JSON serializable'
                            % type(obj).__name__)

    def _emit_list(self, seq, out, level):
        if len(seq) == 0:
            out.append('[]')
            return
        out.append('[')
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            out.append(self._newline(level))
            sep = sep + self._newline(level)
        first = True
        for item in seq:
            if not first:
                out.append(sep)
            first = False
            self._emit(item, out, level)
        if self.indent is not None:
            out.append(self._newline(level - 1))
        out.append(']')

    def _emit_dict(self, d, out, level):
        if len(d) == 0:
            out.append('{}')
            return
        items = list(d.items())
        if self.sort_keys:
            items = sorted(items, key=lambda kv: kv[0])
        out.append('{')
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            out.append(self._newline(level))
            sep = sep + self._newline(level)
        first = True
        for k, v in items:
            key = self._key(k)
            if key is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_sep)
            self._emit(v, out, level)
        if self.indent is not None:
            out.append(self._newline(level - 1))
        out.append('}')


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    enc = _Encoder(indent, separators, sort_keys, default, ensure_ascii,
                   skipkeys, allow_nan)
    return enc.encode(obj)


def dump(obj, fp, **kw):
    """Serialize obj as JSON to the file-like object fp."""
    fp.write(dumps(obj, **kw))


# ---------------------------------------------------------------- decoding

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
             'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


class _Decoder:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float,
                 parse_int, parse_constant):
        self.s = s
        self.n = len(s)
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant

    def fail(self, msg, pos):
        raise JSONDecodeError(msg, self.s, pos)

    def skip(self, i):
        s = self.s
        n = self.n
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        """Parse one value starting exactly at i; return (value, end)."""
        s = self.s
        if i >= self.n:
            self.fail('Expecting value', i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.obj(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.constant('-Infinity'), i + 9
        if c == '-' or c in _DIGITS:
            return self.number(i)
        self.fail('Expecting value', i)

    def constant(self, name):
        if self.parse_constant is not None:
            return self.parse_constant(name)
        if name == 'NaN':
            return float('nan')
        if name == 'Infinity':
            return float('inf')
        return -float('inf')

    def number(self, start):
        s = self.s
        n = self.n
        i = start
        if s[i] == '-':
            i += 1
        if i >= n or s[i] not in _DIGITS:
            self.fail('Expecting value', start)
        if s[i] == '0':
            i += 1
        else:
            while i < n and s[i] in _DIGITS:
                i += 1
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                is_float = True
                i = j
                while i < n and s[i] in _DIGITS:
                    i += 1
        text = s[start:i]
        if is_float:
            if self.parse_float is not None:
                return self.parse_float(text), i
            return float(text), i
        if self.parse_int is not None:
            return self.parse_int(text), i
        return int(text), i

    def string(self, i):
        """Parse a string body; i is just past the opening quote."""
        s = self.s
        n = self.n
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n:
                c = s[j]
                if c == '"' or c == '\\' or c < ' ':
                    break
                j += 1
            if j >= n:
                self.fail('Unterminated string starting at', begin)
            chunks.append(s[i:j])
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                self.fail('Invalid control character at', j)
            j += 1
            if j >= n:
                self.fail('Unterminated string starting at', begin)
            c = s[j]
            if c != 'u':
                esc = _UNESCAPE.get(c)
                if esc is None:
                    self.fail('Invalid \\escape', j - 1)
                chunks.append(esc)
                i = j + 1
                continue
            code = self.hex4(j)
            i = j + 5
            if 0xd800 <= code <= 0xdbff and s.startswith('\\u', i):
                low = self.hex4(i + 1)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            chunks.append(chr(code))

    def hex4(self, j):
        """j is the index of the 'u' in a \\uXXXX escape."""
        digits = self.s[j + 1:j + 5]
        if len(digits) != 4:
            self.fail('Invalid \\uXXXX escape', j)
        for d in digits:
            if d not in _HEX:
                self.fail('Invalid \\uXXXX escape', j)
        return int(digits, 16)

    def obj(self, i):
        s = self.s
        pairs = []
        i = self.skip(i)
        if i < self.n and s[i] == '}':
            return self.finish_obj(pairs), i + 1
        while True:
            if i >= self.n or s[i] != '"':
                self.fail('Expecting property name enclosed in double quotes', i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= self.n or s[i] != ':':
                self.fail("Expecting ':' delimiter", i)
            i = self.skip(i + 1)
            val, i = self.value(i)
            pairs.append((key, val))
            i = self.skip(i)
            if i < self.n and s[i] == '}':
                return self.finish_obj(pairs), i + 1
            if i >= self.n or s[i] != ',':
                self.fail("Expecting ',' delimiter", i)
            i = self.skip(i + 1)

    def finish_obj(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = {}
        for k, v in pairs:
            d[k] = v
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        items = []
        i = self.skip(i)
        if i < self.n and s[i] == ']':
            return items, i + 1
        while True:
            val, i = self.value(i)
            items.append(val)
            i = self.skip(i)
            if i < self.n and s[i] == ']':
                return items, i + 1
            if i >= self.n or s[i] != ',':
                self.fail("Expecting ',' delimiter", i)
            i = self.skip(i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize the JSON document in str s to a Python object."""
    if not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                        % type(s).__name__)
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    dec = _Decoder(s, object_hook, object_pairs_hook, parse_float, parse_int,
                   parse_constant)
    val, end = dec.value(dec.skip(0))
    end = dec.skip(end)
    if end != len(s):
        dec.fail('Extra data', end)
    return val


def load(fp, **kw):
    """Deserialize the JSON document read from the file-like object fp."""
    return loads(fp.read(), **kw)
