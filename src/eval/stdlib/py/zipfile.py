"""zipfile: ZipFile for reading ('r'), writing ('w', 'x') and appending ('a'): namelist,
infolist, getinfo, read, open (a BytesIO or, with a text wrapper, read whole), extract,
extractall, write, writestr, testzip, close, as a context manager; ZipInfo with filename,
file_size, compress_size, is_dir(); is_zipfile; ZIP_STORED and ZIP_DEFLATED. An archive
being written is assembled in memory and written out on close (over the Rust module _zip)."""

import io
import os
from _zip import BadZipFile, entries as _entries, read as _read, write as _write

ZIP_STORED = 0
ZIP_DEFLATED = 8
BadZipfile = BadZipFile

__all__ = ['ZipFile', 'ZipInfo', 'BadZipFile', 'is_zipfile', 'ZIP_STORED', 'ZIP_DEFLATED']


class ZipInfo:
    """What an archive says of one member."""

    def __init__(self, filename='NoName', file_size=0, compress_size=0, compress_type=ZIP_STORED):
        self.filename = filename
        self.file_size = file_size
        self.compress_size = compress_size
        self.compress_type = compress_type

    def is_dir(self):
        return self.filename.endswith('/')

    def __repr__(self):
        parts = ['<ZipInfo filename=%r' % self.filename]
        if self.compress_type != ZIP_STORED:
            parts.append(' compress_type=deflate')
        if self.is_dir():
            parts.append(' filemode=drwxr-xr-x')
        parts.append(' file_size=%r' % self.file_size)
        if self.compress_type != ZIP_STORED or self.compress_size != self.file_size:
            parts.append(' compress_size=%r' % self.compress_size)
        parts.append('>')
        return ''.join(parts)


def _fspath(p):
    return p.__fspath__() if hasattr(p, '__fspath__') else p


def is_zipfile(filename):
    try:
        _entries(_fspath(filename))
        return True
    except (BadZipFile, OSError):
        return False


class ZipFile:
    def __init__(self, file, mode='r', compression=ZIP_STORED, allowZip64=True, compresslevel=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        self.filename = _fspath(file)
        self.mode = mode
        self.compression = compression
        self._pending = {}
        self._order = []
        self._infos = {}
        self.fp = True
        if mode == 'x' and os.path.exists(self.filename):
            raise FileExistsError(17, 'File exists', self.filename)
        if mode in ('r', 'a'):
            if mode == 'a' and not os.path.exists(self.filename):
                return
            for name, size, csize, is_dir, deflated in _entries(self.filename):
                self._infos[name] = ZipInfo(name, size, csize, ZIP_DEFLATED if deflated else ZIP_STORED)
                self._order.append(name)
            if mode == 'a':
                for name in self._order:
                    self._pending[name] = (_read(self.filename, name), self._infos[name].compress_type == ZIP_DEFLATED)

    # ---- reading
    def namelist(self):
        return list(self._order)

    def infolist(self):
        return [self._infos[n] for n in self._order]

    def getinfo(self, name):
        if name not in self._infos:
            raise KeyError('There is no item named %r in the archive' % name)
        return self._infos[name]

    def read(self, name):
        if isinstance(name, ZipInfo):
            name = name.filename
        self._check_open()
        if name in self._pending:
            return self._pending[name][0]
        if name not in self._infos:
            raise KeyError('There is no item named %r in the archive' % name)
        return _read(self.filename, name)

    def open(self, name, mode='r'):
        if mode != 'r':
            raise ValueError("nabla's zipfile opens members for reading; use writestr to add one")
        return io.BytesIO(self.read(name))

    def testzip(self):
        for name in self._order:
            self.read(name)
        return None

    def extract(self, member, path=None):
        name = member.filename if isinstance(member, ZipInfo) else member
        target = os.path.join(path or os.getcwd(), *[p for p in name.split('/') if p not in ('', '.', '..')])
        if name.endswith('/'):
            os.makedirs(target, exist_ok=True)
            return target
        parent = os.path.dirname(target)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(target, 'wb') as f:
            f.write(self.read(name))
        return target

    def extractall(self, path=None, members=None):
        for m in (members if members is not None else self._order):
            self.extract(m, path)

    # ---- writing
    def _check_open(self):
        if self.fp is None:
            raise ValueError('Attempt to use ZIP archive that was already closed')

    def _check_writable(self):
        self._check_open()
        if self.mode == 'r':
            raise ValueError("write() requires mode 'w', 'x', or 'a'")

    def _add(self, name, data, compress_type):
        deflated = (self.compression if compress_type is None else compress_type) == ZIP_DEFLATED
        if name not in self._infos:
            self._order.append(name)
        self._infos[name] = ZipInfo(name, len(data), len(data), ZIP_DEFLATED if deflated else ZIP_STORED)
        self._pending[name] = (data, deflated)

    def writestr(self, zinfo_or_arcname, data, compress_type=None):
        self._check_writable()
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, ZipInfo) else zinfo_or_arcname
        if isinstance(data, str):
            data = data.encode('utf-8')
        self._add(name, data, compress_type)

    def write(self, filename, arcname=None, compress_type=None):
        self._check_writable()
        filename = _fspath(filename)
        name = arcname if arcname is not None else filename
        name = '/'.join(p for p in _fspath(name).split('/') if p not in ('', '.', '..'))
        if os.path.isdir(filename):
            self._add(name + '/', b'', ZIP_STORED)
            return
        with open(filename, 'rb') as f:
            self._add(name, f.read(), compress_type)

    def close(self):
        if self.fp is None:
            return
        if self.mode != 'r':
            _write(self.filename, [(n, self._pending[n][0], self._pending[n][1]) for n in self._order])
        self.fp = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        state = ' [closed]' if self.fp is None else ''
        return '<zipfile.ZipFile filename=%r mode=%r%s>' % (self.filename, self.mode, state)
