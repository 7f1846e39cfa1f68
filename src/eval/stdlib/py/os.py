"""os: operating-system interfaces, built on the interpreter's `_os` primitives.

Subset: getcwd, chdir, listdir, mkdir, makedirs, remove, unlink, rmdir,
removedirs, rename, renames, replace, walk, stat/lstat (stat_result), scandir
(DirEntry), environ (a mapping whose writes reach the process environment),
getenv, putenv, unsetenv, cpu_count, getpid, fspath, get_terminal_size /
terminal_size, the path module (posixpath, also registered as 'os.path') and
the constants name, sep, altsep, extsep, pathsep, linesep, curdir, pardir,
defpath, devnull, SEEK_SET/SEEK_CUR/SEEK_END. No bytes paths, no fd-level API.
"""

import sys
import _os
import posixpath as path

if hasattr(sys, 'modules'):
    sys.modules['os.path'] = path

name = _os.name
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
error = OSError


def fspath(p):
    """Return the str form of a path (str itself, or the result of __fspath__())."""
    return path._fspath(p)


# ------------------------------------------------------------ files and directories

def getcwd():
    return _os.getcwd()


def chdir(p):
    _os.chdir(fspath(p))


def listdir(p='.'):
    """Names of the entries in directory p, in directory order ('.' and '..' excluded)."""
    return _os.listdir(fspath(p))


def mkdir(p, mode=0o777, *, dir_fd=None):
    _os.mkdir(fspath(p), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and any missing parents."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        _os.mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(p, *, dir_fd=None):
    _os.rmdir(fspath(p))


def remove(p, *, dir_fd=None):
    _os.unlink(fspath(p))


def unlink(p, *, dir_fd=None):
    _os.unlink(fspath(p))


def removedirs(name):
    """Remove a leaf directory, then every parent that becomes empty."""
    name = fspath(name)
    _os.rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            _os.rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst):
    _os.rename(fspath(src), fspath(dst))


def replace(src, dst):
    _os.rename(fspath(src), fspath(dst))


def renames(old, new):
    """Rename, creating parents of new and pruning empty parents of old."""
    head, tail = path.split(fspath(new))
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(fspath(old))
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# ------------------------------------------------------------ stat

_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
                'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class stat_result:
    """Result of stat(): attributes st_mode ... st_ctime; indexing gives int times."""

    def __init__(self, values):
        values = tuple(values)
        self._values = values
        self.st_mode = values[0]
        self.st_ino = values[1]
        self.st_dev = values[2]
        self.st_nlink = values[3]
        self.st_uid = values[4]
        self.st_gid = values[5]
        self.st_size = values[6]
        self.st_atime = values[7]
        self.st_mtime = values[8]
        self.st_ctime = values[9]
        self.st_atime_ns = int(values[7] * 1000000000)
        self.st_mtime_ns = int(values[8] * 1000000000)
        self.st_ctime_ns = int(values[9] * 1000000000)

    def _ints(self):
        return self._values[:7] + (int(self._values[7]), int(self._values[8]),
                                   int(self._values[9]))

    def __len__(self):
        return 10

    def __getitem__(self, i):
        return self._ints()[i]

    def __iter__(self):
        return iter(self._ints())

    def __eq__(self, other):
        return isinstance(other, stat_result) and self._values == other._values

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        vals = self._ints()
        parts = ['%s=%r' % (_STAT_FIELDS[i], vals[i]) for i in range(10)]
        return 'os.stat_result(' + ', '.join(parts) + ')'


def stat(p, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_os.stat(fspath(p), follow_symlinks=follow_symlinks))


def lstat(p, *, dir_fd=None):
    return stat_result(_os.stat(fspath(p), follow_symlinks=False))


# ------------------------------------------------------------ scandir / walk

class DirEntry:
    """One entry yielded by scandir(): name, path, is_dir(), is_file(), is_symlink(), stat()."""

    def __init__(self, dirpath, entry_name):
        self.name = entry_name
        self.path = path.join(dirpath, entry_name)
        self._stat = None
        self._lstat = None

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def _fmt(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000
        except OSError:
            return None

    def is_dir(self, *, follow_symlinks=True):
        return self._fmt(follow_symlinks) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._fmt(follow_symlinks) == 0o100000

    def is_symlink(self):
        return self._fmt(False) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)


class _ScandirIterator:
    def __init__(self, p):
        self._path = p
        self._names = _os.listdir(p)
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None or self._i >= len(self._names):
            raise StopIteration
        self._i += 1
        return DirEntry(self._path, self._names[self._i - 1])

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(p='.'):
    """Iterator of DirEntry objects for directory p; usable as a context manager."""
    return _ScandirIterator(fspath(p))


def _classify(top, onerror, followlinks):
    """(dirs, nondirs, walk_into) for one directory, or None when it can't be listed."""
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return None
    dirs = []
    nondirs = []
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
    return dirs, nondirs


class _TopDownWalk:
    # Lazy so that callers may prune `dirnames` in place, as with CPython's generator.
    def __init__(self, top, onerror, followlinks):
        self._stack = [top]
        self._pending = None
        self._onerror = onerror
        self._followlinks = followlinks

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending is not None:
            top, dirs = self._pending
            self._pending = None
            for d in reversed(dirs):
                new_path = path.join(top, d)
                if self._followlinks or not path.islink(new_path):
                    self._stack.append(new_path)
        while self._stack:
            top = self._stack.pop()
            res = _classify(top, self._onerror, self._followlinks)
            if res is None:
                continue
            dirs, nondirs = res
            self._pending = (top, dirs)
            return top, dirs, nondirs
        raise StopIteration


def _walk_bottom_up(top, onerror, followlinks, out):
    res = _classify(top, onerror, followlinks)
    if res is None:
        return
    dirs, nondirs = res
    for d in dirs:
        new_path = path.join(top, d)
        if followlinks or not path.islink(new_path):
            _walk_bottom_up(new_path, onerror, followlinks, out)
    out.append((top, dirs, nondirs))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory in the tree at top."""
    top = fspath(top)
    if topdown:
        return _TopDownWalk(top, onerror, followlinks)
    out = []
    _walk_bottom_up(top, onerror, followlinks, out)
    return iter(out)


# ------------------------------------------------------------ environment

class _Environ:
    """os.environ: a str -> str mapping; assignments and deletions update the process."""

    def __init__(self, data):
        self._data = data

    def _check(self, value):
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        return value

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        return self._data[key]

    def __setitem__(self, key, value):
        self._check(key)
        self._check(value)
        _os.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        _os.unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        if key in self._data:
            return self._data[key]
        return default

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k in kw:
            self[k] = kw[k]

    def clear(self):
        for k in list(self._data):
            del self[k]

    def copy(self):
        return dict(self._data)

    def __repr__(self):
        return 'environ(' + repr(self._data) + ')'


environ = _Environ(_os.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _os.putenv(key, value)


def unsetenv(key):
    _os.unsetenv(key)


# ------------------------------------------------------------ process / terminal

def cpu_count():
    return _os.cpu_count()


def getpid():
    return _os.getpid()


class terminal_size:
    """(columns, lines) pair as returned by get_terminal_size()."""

    def __init__(self, size):
        self.columns = size[0]
        self.lines = size[1]

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.columns, self.lines)[i]

    def __iter__(self):
        return iter((self.columns, self.lines))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return 'os.terminal_size(columns=%d, lines=%d)' % (self.columns, self.lines)


def get_terminal_size(fd=1):
    if hasattr(_os, 'get_terminal_size'):
        return terminal_size(_os.get_terminal_size(fd))
    raise OSError(25, 'Inappropriate ioctl for device')
