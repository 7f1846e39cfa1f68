"""posixpath (os.path on this platform): pathname manipulation for POSIX paths.

Subset: join, split, splitext, splitdrive, basename, dirname, isabs, normcase,
normpath, abspath, realpath, relpath, commonprefix, commonpath, expanduser
(~ and ~/..., from $HOME), expandvars ($name and ${name}), exists, lexists,
isfile, isdir, islink, getsize, getmtime, getatime, getctime, samefile, and the
constants sep, altsep, extsep, pathsep, curdir, pardir, defpath, devnull.
Paths are str (or objects with __fspath__); bytes paths are not supported.
"""

import _os

sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p, fname=None):
    if isinstance(p, str):
        return p
    if hasattr(p, '__fspath__'):
        r = p.__fspath__()
        if isinstance(r, str):
            return r
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(p).__name__, type(r).__name__))
    if fname is not None:
        raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not '%s'"
                        % (fname, type(p).__name__))
    raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(p).__name__)


# ------------------------------------------------------------ pure string ops

def normcase(s):
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith('/')


def join(a, *p):
    """Join path components, discarding earlier ones when one is absolute."""
    path = _fspath(a, 'join')
    for b in p:
        b = _fspath(b, 'join')
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path = path + b
        else:
            path = path + '/' + b
    return path


def split(p):
    """Split into (head, tail): tail is everything after the final slash."""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    """Split the extension: ('dir/name', '.ext'); leading dots are not an extension."""
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i] != '.':
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, ''


def splitdrive(p):
    return '', _fspath(p)


def basename(p):
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fspath(p)
    head = p[:p.rfind('/') + 1]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    """Collapse redundant separators and up-level references (A//B, A/./B, A/../B)."""
    path = _fspath(path)
    if path == '':
        return '.'
    initial = 0
    if path.startswith('/'):
        initial = 1
        if path.startswith('//') and not path.startswith('///'):
            initial = 2
    comps = []
    for comp in path.split('/'):
        if comp == '' or comp == '.':
            continue
        if comp != '..' or (initial == 0 and not comps) or (comps and comps[-1] == '..'):
            comps.append(comp)
        elif comps:
            comps.pop()
    result = '/' * initial + '/'.join(comps)
    return result or '.'


def commonprefix(m):
    """Longest common leading string (character-wise) of a list of paths."""
    if not m:
        return ''
    strs = [_fspath(x) for x in m]
    lo = min(strs)
    hi = max(strs)
    i = 0
    while i < len(lo) and lo[i] == hi[i]:
        i += 1
    return lo[:i]


def commonpath(paths):
    """Longest common sub-path (component-wise) of a sequence of paths."""
    paths = [_fspath(p) for p in paths]
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    absolutes = set([p.startswith('/') for p in paths])
    if len(absolutes) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split('/') if c and c != '.'] for p in paths]
    lo = min(split_paths)
    hi = max(split_paths)
    common = lo
    for i in range(len(lo)):
        if lo[i] != hi[i]:
            common = lo[:i]
            break
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)


# ------------------------------------------------------------ environment

def expanduser(path):
    """Replace a leading ~ or ~/ with $HOME (~user is left as is)."""
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = _os.environ().get('HOME')
    if home is None:
        return path
    home = home.rstrip('/')
    return (home + path[i:]) or '/'


_VARCHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'


def expandvars(path):
    """Replace $name and ${name} with environment values; unknown ones are kept."""
    path = _fspath(path)
    if '$' not in path:
        return path
    env = _os.environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            end = path.find('}', i + 2)
            if end < 0:
                out.append(path[i:])
                break
            name = path[i + 2:end]
            stop = end + 1
        else:
            j = i + 1
            while j < n and path[j] in _VARCHARS:
                j += 1
            name = path[i + 1:j]
            stop = j
        if name and name in env:
            out.append(env[name])
        else:
            out.append(path[i:stop])
        i = stop
    return ''.join(out)


# ------------------------------------------------------------ file system queries

def _mode(path, follow=True):
    try:
        return _os.stat(_fspath(path), follow_symlinks=follow)[0]
    except (OSError, ValueError):
        return None


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isfile(path):
    m = _mode(path)
    return m is not None and (m & _S_IFMT) == _S_IFREG


def isdir(s):
    m = _mode(s)
    return m is not None and (m & _S_IFMT) == _S_IFDIR


def islink(path):
    m = _mode(path, False)
    return m is not None and (m & _S_IFMT) == _S_IFLNK


def getsize(filename):
    return _os.stat(_fspath(filename))[6]


def getatime(filename):
    return _os.stat(_fspath(filename))[7]


def getmtime(filename):
    return _os.stat(_fspath(filename))[8]


def getctime(filename):
    return _os.stat(_fspath(filename))[9]


def samefile(f1, f2):
    s1 = _os.stat(_fspath(f1))
    s2 = _os.stat(_fspath(f2))
    return s1[1] == s2[1] and s1[2] == s2[2]


def abspath(path):
    path = _fspath(path)
    if not path.startswith('/'):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Absolute path with symlinks resolved; missing trailing parts are kept as written."""
    path = abspath(filename)
    try:
        return _os.realpath(path)
    except OSError:
        if strict:
            raise
    # Resolve the longest prefix that exists, then append the rest.
    comps = path.split('/')
    k = len(comps) - 1
    while k > 1:
        head = '/'.join(comps[:k])
        try:
            real = _os.realpath(head)
        except OSError:
            k -= 1
            continue
        return normpath(join(real, '/'.join(comps[k:])))
    return path


def relpath(path, start=None):
    """Relative path from start (default: the current directory) to path."""
    if not path:
        raise ValueError('no path specified')
    path = _fspath(path)
    if start is None:
        start = curdir
    start = _fspath(start)
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = 0
    while i < len(start_list) and i < len(path_list) and start_list[i] == path_list[i]:
        i += 1
    rel = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel:
        return curdir
    return join(*rel)
