"""tarfile: open a .tar / .tar.gz / .tgz for reading ('r', 'r:', 'r:gz', 'r:*') or writing
('w', 'w:', 'w:gz'): getnames, getmembers, getmember, extractfile, extractall, extract,
add (folders recursively), close, as a context manager; TarInfo with name, size, isdir(),
isfile(); is_tarfile. An archive being written is assembled in memory and written on close
(over the Rust module _tar: the tar crate and flate2)."""

import io
import os
from _tar import ReadError, entries as _entries, read as _read, write as _write

TarError = ReadError
_open = open  # the built-in, before this module's open() hides it
__all__ = ['open', 'TarFile', 'TarInfo', 'ReadError', 'is_tarfile']


class TarInfo:
    """What an archive says of one member."""

    def __init__(self, name='', size=0, is_dir=False):
        self.name = name
        self.size = size
        self._dir = is_dir

    def isdir(self):
        return self._dir

    def isfile(self):
        return not self._dir

    isreg = isfile

    def __repr__(self):
        return '<TarInfo %r at %#x>' % (self.name, id(self))


def _fspath(p):
    return p.__fspath__() if hasattr(p, '__fspath__') else p


def is_tarfile(name):
    try:
        _entries(_fspath(name))
        return True
    except (ReadError, OSError):
        return False


class TarFile:
    def __init__(self, name, mode='r'):
        self.name = _fspath(name)
        kind, _, comp = mode.partition(':')
        if kind not in ('r', 'w', 'x') or comp not in ('', '*', 'gz'):
            raise ValueError("nabla's tarfile opens 'r', 'r:gz', 'w' or 'w:gz' (not %r)" % mode)
        self.mode = kind
        self._gz = comp == 'gz'
        self._members = []
        self._data = {}
        self.closed = False
        if kind == 'r':
            for n, size, is_dir in _entries(self.name):
                self._members.append(TarInfo(n, size, is_dir))
        elif kind == 'x' and os.path.exists(self.name):
            raise FileExistsError(17, 'File exists', self.name)

    def getmembers(self):
        return list(self._members)

    def getnames(self):
        return [m.name for m in self._members]

    def getmember(self, name):
        for m in reversed(self._members):
            if m.name == name:
                return m
        raise KeyError('filename %r not found' % name)

    def extractfile(self, member):
        m = member if isinstance(member, TarInfo) else self.getmember(member)
        if m.isdir():
            return None
        return io.BytesIO(_read(self.name, m.name))

    def extract(self, member, path='', filter=None):
        m = member if isinstance(member, TarInfo) else self.getmember(member)
        parts = [p for p in m.name.split('/') if p not in ('', '.', '..')]
        target = os.path.join(path or '.', *parts)
        if m.isdir():
            os.makedirs(target, exist_ok=True)
            return
        parent = os.path.dirname(target)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with _open(target, 'wb') as f:
            f.write(_read(self.name, m.name))

    def extractall(self, path='.', members=None, filter=None):
        for m in (members if members is not None else self._members):
            self.extract(m, path)

    def add(self, name, arcname=None, recursive=True):
        if self.mode == 'r':
            raise OSError('bad operation for mode %r' % self.mode)
        name = _fspath(name)
        arc = arcname if arcname is not None else name
        arc = '/'.join(p for p in _fspath(arc).split('/') if p not in ('', '.'))
        if os.path.isdir(name):
            self._members.append(TarInfo(arc, 0, True))
            self._data[arc] = None
            if recursive:
                for child in sorted(os.listdir(name)):
                    self.add(os.path.join(name, child), arc + '/' + child)
            return
        with _open(name, 'rb') as f:
            data = f.read()
        self._members.append(TarInfo(arc, len(data), False))
        self._data[arc] = data

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.mode != 'r':
            _write(self.name, [(m.name, self._data[m.name]) for m in self._members], self._gz)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        return iter(self._members)


def open(name=None, mode='r', fileobj=None, **kwargs):
    if fileobj is not None:
        raise ValueError("nabla's tarfile opens archives by name (fileobj= is not supported)")
    return TarFile(name, mode)
