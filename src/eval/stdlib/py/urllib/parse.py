"""urllib.parse: splitting, joining and quoting URLs (str only, no bytes).

Covers urlparse / urlsplit (ParseResult / SplitResult: tuple-like, field
attributes, username, password, hostname, port, geturl, _replace), urlunparse,
urlunsplit, urljoin, urldefrag, quote, quote_plus, unquote, unquote_plus,
urlencode, parse_qs and parse_qsl.  Percent-escapes are encoded and decoded as
UTF-8 (decoding errors become U+FFFD, as CPython's errors='replace').
The result classes behave like tuples but are not tuple subclasses.
"""

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit', 'urlunsplit',
           'urlencode', 'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'unquote',
           'unquote_plus', 'ParseResult', 'SplitResult', 'DefragResult']

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh',
                 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']

_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_DIGITS = '0123456789'
scheme_chars = _LETTERS + _DIGITS + '+-.'
_ALWAYS_SAFE = _LETTERS + _DIGITS + '_.-~'
_HEX = '0123456789abcdefABCDEF'
_C0_OR_SPACE = ''.join([chr(i) for i in range(33)])


class _TupleResult:
    """Shared behaviour of the named-tuple-like result classes."""

    _fields = ()

    def __init__(self, *values):
        if len(values) != len(self._fields):
            raise TypeError('%s expected %d arguments, got %d'
                            % (type(self).__name__, len(self._fields), len(values)))
        for name, value in zip(self._fields, values):
            setattr(self, name, value)

    def _astuple(self):
        return tuple([getattr(self, name) for name in self._fields])

    def __repr__(self):
        inner = ', '.join(['%s=%r' % (name, getattr(self, name)) for name in self._fields])
        return '%s(%s)' % (type(self).__name__, inner)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return len(self._fields)

    def __getitem__(self, index):
        return self._astuple()[index]

    def __eq__(self, other):
        if isinstance(other, _TupleResult):
            other = other._astuple()
        return self._astuple() == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._astuple())

    def _replace(self, **kwargs):
        values = []
        for name in self._fields:
            values.append(kwargs.pop(name) if name in kwargs else getattr(self, name))
        if kwargs:
            raise ValueError('Got unexpected field names: %r' % (list(kwargs),))
        return type(self)(*values)

    def _asdict(self):
        return dict(zip(self._fields, self._astuple()))


class _NetlocResult(_TupleResult):
    """Adds the username / password / hostname / port views of netloc."""

    def _userinfo(self):
        userinfo, have_info, _ = self.netloc.rpartition('@')
        if not have_info:
            return None, None
        username, have_password, password = userinfo.partition(':')
        return username, (password if have_password else None)

    def _hostinfo(self):
        hostinfo = self.netloc.rpartition('@')[2]
        _, have_open_br, bracketed = hostinfo.partition('[')
        if have_open_br:
            hostname, _, port = bracketed.partition(']')
            port = port.partition(':')[2]
        else:
            hostname, _, port = hostinfo.partition(':')
        return hostname, (port or None)

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        hostname, percent, zone = hostname.partition('%')
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is None:
            return None
        if port.isdigit() and all([c in _DIGITS for c in port]):
            port = int(port)
        else:
            raise ValueError('Port could not be cast to integer value as %r' % (port,))
        if not (0 <= port <= 65535):
            raise ValueError('Port out of range 0-65535')
        return port


class SplitResult(_NetlocResult):
    _fields = ('scheme', 'netloc', 'path', 'query', 'fragment')

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_NetlocResult):
    _fields = ('scheme', 'netloc', 'path', 'params', 'query', 'fragment')

    def geturl(self):
        return urlunparse(self)


class DefragResult(_TupleResult):
    _fields = ('url', 'fragment')

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in '/?#':
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def _is_ipv4(text):
    parts = text.split('.')
    if len(parts) != 4:
        return False
    for part in parts:
        if not part or len(part) > 3 or not all([c in _DIGITS for c in part]):
            return False
        if int(part) > 255 or (len(part) > 1 and part[0] == '0'):
            return False
    return True


def _is_ipv6(text):
    if '%' in text:
        text, _, zone = text.partition('%')
        if not zone or '%' in zone:
            return False
    parts = text.split(':')
    if len(parts) < 3:
        return False
    if '.' in parts[-1]:
        if not _is_ipv4(parts[-1]):
            return False
        parts = parts[:-1] + ['0', '0']
    if len(parts) > 9:
        return False
    empty = [i for i in range(1, len(parts) - 1) if not parts[i]]
    if len(empty) > 1:
        return False
    if empty:
        head = empty[0]
        tail = len(parts) - head - 1
        if not parts[0]:
            head -= 1
            if head:
                return False
        if not parts[-1]:
            tail -= 1
            if tail:
                return False
        if head + tail > 7:
            return False
        hextets = parts[:head] + parts[len(parts) - tail:]
    else:
        if len(parts) != 8:
            return False
        hextets = parts
    for h in hextets:
        if not h or len(h) > 4 or not all([c in _HEX for c in h]):
            return False
    return True


def _check_bracketed_host(hostname):
    if hostname.startswith('v'):
        head, dot, rest = hostname[1:].partition('.')
        if not (head and dot and rest and all([c in _HEX for c in head])):
            raise ValueError('IPvFuture address is invalid')
    elif _is_ipv4(hostname):
        raise ValueError('An IPv4 address cannot be in brackets')
    elif not _is_ipv6(hostname):
        raise ValueError('%r does not appear to be an IPv4 or IPv6 address' % (hostname,))


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, query, fragment)."""
    url = url.lstrip(_C0_OR_SPACE)
    scheme = scheme.strip(_C0_OR_SPACE)
    for c in '\t\r\n':
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0] in _LETTERS:
        if all([c in scheme_chars for c in url[:i]]):
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError('Invalid IPv6 URL')
        if '[' in netloc:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def _splitparams(url):
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, params, query, fragment)."""
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = '%s;%s' % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urljoin(base, url, allow_fragments=True):
    """Resolve url relative to base (RFC 3986 style, as CPython does)."""
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        path = bpath
        params = bparams
        if not query:
            query = bquery
        return urlunparse((scheme, netloc, path, params, query, fragment))
    base_parts = bpath.split('/')
    if base_parts[-1] != '':
        del base_parts[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_parts + path.split('/')
        segments = segments[:1] + [s for s in segments[1:-1] if s] + segments[-1:]
    resolved = []
    for seg in segments:
        if seg == '..':
            if resolved:
                resolved.pop()
        elif seg != '.':
            resolved.append(seg)
    if segments[-1] in ('.', '..'):
        resolved.append('')
    return urlunparse((scheme, netloc, '/'.join(resolved) or '/', params, query, fragment))


def urldefrag(url):
    """Split off the fragment: DefragResult(url, fragment)."""
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    return DefragResult(defrag, frag)


# ---- UTF-8 by hand (nabla has no bytes type) ----

def _utf8_bytes(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 0x80:
            out.append(cp)
        elif cp < 0x800:
            out.append(0xC0 | (cp >> 6))
            out.append(0x80 | (cp & 0x3F))
        elif cp < 0x10000:
            out.append(0xE0 | (cp >> 12))
            out.append(0x80 | ((cp >> 6) & 0x3F))
            out.append(0x80 | (cp & 0x3F))
        else:
            out.append(0xF0 | (cp >> 18))
            out.append(0x80 | ((cp >> 12) & 0x3F))
            out.append(0x80 | ((cp >> 6) & 0x3F))
            out.append(0x80 | (cp & 0x3F))
    return out


def _utf8_decode(data):
    """Decode a list of byte values; each invalid sequence becomes U+FFFD."""
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if 0xC2 <= b <= 0xDF:
            need, lo, hi, cp = 1, 0x80, 0xBF, b & 0x1F
        elif 0xE0 <= b <= 0xEF:
            need, cp = 2, b & 0x0F
            lo, hi = (0xA0 if b == 0xE0 else 0x80), (0x9F if b == 0xED else 0xBF)
        elif 0xF0 <= b <= 0xF4:
            need, cp = 3, b & 0x07
            lo, hi = (0x90 if b == 0xF0 else 0x80), (0x8F if b == 0xF4 else 0xBF)
        else:
            out.append('\ufffd')
            i += 1
            continue
        j = i + 1
        ok = True
        for k in range(need):
            if j >= n:
                ok = False
                break
            c = data[j]
            if k == 0:
                good = lo <= c <= hi
            else:
                good = 0x80 <= c <= 0xBF
            if not good:
                ok = False
                break
            cp = (cp << 6) | (c & 0x3F)
            j += 1
        out.append(chr(cp) if ok else '\ufffd')
        i = j
    return ''.join(out)


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode every character of string except letters, digits, '_.-~'
    and the ASCII characters in safe."""
    if not isinstance(string, str):
        raise TypeError('quote_from_bytes() expected bytes')
    if not string:
        return string
    out = []
    for b in _utf8_bytes(string):
        c = chr(b)
        if b < 128 and (c in _ALWAYS_SAFE or c in safe):
            out.append(c)
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def quote_plus(string, safe='', encoding=None, errors=None):
    """Like quote(), but spaces become '+' (and '/' is not safe by default)."""
    if ' ' not in string:
        return quote(string, safe, encoding, errors)
    return quote(string, safe + ' ', encoding, errors).replace(' ', '+')


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace %xx escapes (UTF-8 encoded runs) by the characters they stand for."""
    if not isinstance(string, str):
        raise TypeError('a bytes-like object is required, not %r' % type(string).__name__)
    if '%' not in string:
        return string
    out = []
    pending = []
    n = len(string)
    i = 0
    while i < n:
        c = string[i]
        if c == '%' and i + 2 < n and string[i + 1] in _HEX and string[i + 2] in _HEX:
            pending.append(int(string[i + 1:i + 3], 16))
            i += 3
            continue
        if pending:
            out.append(_utf8_decode(pending))
            pending = []
        out.append(c)
        i += 1
    if pending:
        out.append(_utf8_decode(pending))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """Like unquote(), but '+' becomes a space first."""
    return unquote(string.replace('+', ' '), encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """Encode a mapping or a sequence of pairs as 'k1=v1&k2=v2'."""
    if hasattr(query, 'items'):
        query = query.items()
    else:
        ok = isinstance(query, (list, tuple)) and (not query or isinstance(query[0], tuple))
        if not ok:
            raise TypeError('not a valid non-string sequence or mapping object')
    parts = []
    for k, v in query:
        k = quote_via(str(k), safe, encoding, errors)
        if not doseq or isinstance(v, str):
            parts.append(k + '=' + quote_via(str(v), safe, encoding, errors))
        elif isinstance(v, (list, tuple, set, dict)):
            for elt in v:
                parts.append(k + '=' + quote_via(str(elt), safe, encoding, errors))
        else:
            parts.append(k + '=' + quote_via(str(v), safe, encoding, errors))
    return '&'.join(parts)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    if not separator or not isinstance(separator, str):
        raise ValueError('Separator must be of type string or bytes.')
    if max_num_fields is not None:
        num_fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < num_fields:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for name_value in (qs.split(separator) if qs else []):
        if not name_value and not strict_parsing:
            continue
        nv = name_value.split('=', 1)
        if len(nv) != 2:
            if strict_parsing:
                raise ValueError('bad query field: %r' % (name_value,))
            if keep_blank_values:
                nv.append('')
            else:
                continue
        if len(nv[1]) or keep_blank_values:
            name = unquote(nv[0].replace('+', ' '), encoding, errors)
            value = unquote(nv[1].replace('+', ' '), encoding, errors)
            pairs.append((name, value))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a dict mapping each name to the list of its values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result
