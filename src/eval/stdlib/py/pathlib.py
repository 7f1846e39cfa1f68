"""pathlib: object-oriented file-system paths (POSIX flavour only).

PurePath is PurePosixPath and Path is PosixPath on this platform (class names
print as CPython's do). Pure API: / and joinpath, str, repr, parts, anchor,
root, drive, name, stem, suffix, suffixes, parent, parents, with_name,
with_stem, with_suffix, relative_to, is_relative_to, is_absolute, is_reserved,
match, as_posix, as_uri (no percent-quoting beyond spaces), ==, hash, ordering,
os.fspath. Concrete API: cwd, home, stat, lstat, exists, is_file, is_dir,
is_symlink, mkdir, rmdir, unlink, iterdir, glob, rglob, read_text, write_text,
read_bytes, write_bytes, open, resolve, absolute, expanduser, samefile, rename,
replace, touch. Not covered: Windows paths, chmod/owner/symlinks/links,
touch() updating the time of an existing file.
iterdir/glob/rglob return iterators over lists computed up front.
"""

import os
import fnmatch

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


def _parse(args):
    """(root, parts) of the joined path arguments."""
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePosixPath):
            s = a._str()
        elif isinstance(a, str):
            s = a
        else:
            s = os.fspath(a)
        if s.startswith('/'):
            root = '//' if (s.startswith('//') and not s.startswith('///')) else '/'
            parts = []
        for comp in s.split('/'):
            if comp and comp != '.':
                parts.append(comp)
    return root, parts


class PurePosixPath:
    """A path string split into a root and components, without touching the disk."""

    def __init__(self, *args):
        self._root, self._parts = _parse(args)

    def _new(self, root, parts):
        p = type(self)()
        p._root = root
        p._parts = list(parts)
        return p

    def _str(self):
        s = self._root + '/'.join(self._parts)
        return s or '.'

    # -------------------------------------------------- conversion
    def __str__(self):
        return self._str()

    def __fspath__(self):
        return self._str()

    def as_posix(self):
        return self._str()

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self._str())

    def as_uri(self):
        if not self._root:
            raise ValueError("relative path can't be expressed as a file URI")
        return 'file://' + self._str().replace('%', '%25').replace(' ', '%20')

    # -------------------------------------------------- comparison
    def _key(self):
        return [self._root] + self._parts if self._root else self._parts

    def __eq__(self, other):
        if not isinstance(other, PurePosixPath):
            return False
        return self._root == other._root and self._parts == other._parts

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._str())

    def _cmp_check(self, other, op):
        if not isinstance(other, PurePosixPath):
            raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                            % (op, type(self).__name__, type(other).__name__))
        return other._key()

    def __lt__(self, other):
        return self._key() < self._cmp_check(other, '<')

    def __le__(self, other):
        return self._key() <= self._cmp_check(other, '<=')

    def __gt__(self, other):
        return self._key() > self._cmp_check(other, '>')

    def __ge__(self, other):
        return self._key() >= self._cmp_check(other, '>=')

    # -------------------------------------------------- joining
    def _join_args(self, args):
        return _parse([self] + list(args))

    def joinpath(self, *args):
        root, parts = self._join_args(args)
        return self._new(root, parts)

    def __truediv__(self, key):
        if not isinstance(key, (str, PurePosixPath)) and not hasattr(key, '__fspath__'):
            raise TypeError("unsupported operand type(s) for /: '%s' and '%s'"
                            % (type(self).__name__, type(key).__name__))
        return self.joinpath(key)

    def __rtruediv__(self, key):
        if not isinstance(key, (str, PurePosixPath)) and not hasattr(key, '__fspath__'):
            raise TypeError("unsupported operand type(s) for /: '%s' and '%s'"
                            % (type(key).__name__, type(self).__name__))
        root, parts = _parse([key, self])
        return self._new(root, parts)

    # -------------------------------------------------- components
    @property
    def parts(self):
        if self._root:
            return tuple([self._root] + self._parts)
        return tuple(self._parts)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        if not self._parts:
            return ''
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._new(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._new(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old = self.suffix
        if old:
            name = name[:len(name) - len(old)]
        return self._new(self._root, self._parts[:-1] + [name + suffix])

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        root, parts = _parse(other)
        n = len(parts)
        if root != self._root or self._parts[:n] != parts:
            shown = (root + '/'.join(parts)) or '.'
            raise ValueError('%r is not in the subpath of %r OR one path is relative '
                             'and the other is absolute.' % (self._str(), shown))
        return self._new('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return self._root != ''

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Match this path against a glob-style pattern, from the right."""
        pat_root, pat_parts = _parse([path_pattern])
        if not pat_root and not pat_parts:
            raise ValueError('empty pattern')
        parts = self._parts
        if pat_root:
            if pat_root != self._root or len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        k = 1
        while k <= len(pat_parts):
            if not fnmatch.fnmatchcase(parts[-k], pat_parts[-k]):
                return False
            k += 1
        return True


class _PathParents:
    """The sequence of logical ancestors of a path (path.parents)."""

    def __init__(self, path):
        self._path = path
        self._items = []
        parts = path._parts
        for n in range(len(parts) - 1, -1, -1):
            self._items.append(path._new(path._root, parts[:n]))

    def __len__(self):
        return len(self._items)

    def __getitem__(self, idx):
        if not isinstance(idx, int):  # a slice
            return tuple(self._items[idx])
        if idx >= len(self._items) or idx < -len(self._items):
            raise IndexError(idx)
        return self._items[idx]

    def __iter__(self):
        return iter(self._items)

    def __repr__(self):
        return '<%s.parents>' % type(self._path).__name__


PurePath = PurePosixPath


class PosixPath(PurePosixPath):
    """A PurePosixPath that can also query and change the file system."""

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self._str(), follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self._str())

    def exists(self):
        return os.path.exists(self._str())

    def is_file(self):
        return os.path.isfile(self._str())

    def is_dir(self):
        return os.path.isdir(self._str())

    def is_symlink(self):
        return os.path.islink(self._str())

    def samefile(self, other_path):
        return os.path.samefile(self._str(), os.fspath(other_path))

    def absolute(self):
        if self._root:
            return self
        return self._new('', []).joinpath(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.realpath(self._str(), strict=strict))

    def expanduser(self):
        if self._parts and self._parts[0].startswith('~') and not self._root:
            return type(self)(os.path.expanduser(self._str()))
        return self

    # -------------------------------------------------- changing the file system
    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self._str(), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(self._str())

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self._str())
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self._str(), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(self._str(), os.fspath(target))
        return type(self)(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', self._str())
            return
        f = open(self._str(), 'a')
        f.close()

    # -------------------------------------------------- file contents
    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._str(), mode)

    def read_text(self, encoding=None, errors=None):
        with open(self._str(), 'r') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        with open(self._str(), 'w') as f:
            return f.write(data)

    def read_bytes(self):
        with open(self._str(), 'rb') as f:
            return f.read()

    def write_bytes(self, data):
        with open(self._str(), 'wb') as f:
            return f.write(data)

    # -------------------------------------------------- listing
    def _child(self, name):
        return self._new(self._root, self._parts + [name])

    def iterdir(self):
        """Iterator over the entries of this directory (directory order)."""
        return iter([self._child(name) for name in os.listdir(self._str())])

    def glob(self, pattern):
        """Iterator over the paths below this one matching the relative pattern."""
        return iter(self._select(pattern, False))

    def rglob(self, pattern):
        """Like glob() with '**/' in front of pattern."""
        return iter(self._select(pattern, True))

    def _select(self, pattern, recursive_prefix):
        if not pattern:
            raise ValueError('Unacceptable pattern: %r' % (pattern,))
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        if pattern.endswith('/'):
            parts.append('')
        if recursive_prefix:
            parts = ['**'] + parts
        for p in parts:
            if '**' in p and p != '**':
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        current = [self]
        for i in range(len(parts)):
            part = parts[i]
            last = i == len(parts) - 1
            nxt = []
            seen = set()
            for base in current:
                for p in _select_one(base, part, not last):
                    key = p._str()
                    if key not in seen:
                        seen.add(key)
                        nxt.append(p)
            current = nxt
        return current


def _scan(path):
    try:
        with os.scandir(path._str()) as it:
            return list(it)
    except OSError:
        return []


def _recursive_dirs(path, out):
    out.append(path)
    for entry in _scan(path):
        if entry.is_dir() and not entry.is_symlink():
            _recursive_dirs(path._child(entry.name), out)


def _select_one(base, part, dironly):
    """Paths under base matching one pattern component."""
    if part == '':
        return [base] if base.is_dir() else []
    if part == '**':
        if not base.is_dir():
            return []
        out = []
        _recursive_dirs(base, out)
        return out
    if '*' in part or '?' in part or '[' in part:
        out = []
        for entry in _scan(base):
            if dironly and not entry.is_dir():
                continue
            if fnmatch.fnmatchcase(entry.name, part):
                out.append(base._child(entry.name))
        return out
    p = base._child(part)
    if (p.is_dir() if dironly else p.exists()):
        return [p]
    return []


Path = PosixPath
