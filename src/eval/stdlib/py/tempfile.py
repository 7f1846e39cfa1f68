"""tempfile: temporary files and directories with random names.

Subset: gettempdir (tempfile.tempdir, else $TMPDIR/$TEMP/$TMP, else /tmp),
gettempprefix, mkdtemp(suffix, prefix, dir), mktemp, TemporaryDirectory
(context manager; .name, cleanup()), NamedTemporaryFile(mode, suffix, prefix,
dir, delete) returning a wrapper with .name and the file's methods that
removes the file on close when delete=True. Names use 8 characters drawn with
_os.randbits. Not covered: mkstemp/TemporaryFile/SpooledTemporaryFile (there is
no file-descriptor API), the O_EXCL guarantee of CPython's file creation.
"""

import os
import _os

__all__ = ['gettempdir', 'gettempprefix', 'mkdtemp', 'mktemp', 'TemporaryDirectory',
           'NamedTemporaryFile', 'TMP_MAX', 'tempdir', 'template']

TMP_MAX = 10000
template = 'tmp'
tempdir = None

_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_'


def _random_name():
    out = []
    for _ in range(8):
        out.append(_CHARS[_os.randbits(32) % len(_CHARS)])
    return ''.join(out)


def gettempprefix():
    return template


def gettempdir():
    """The directory for temporary files (computed once, like CPython)."""
    global tempdir
    if tempdir is None:
        found = None
        for var in ('TMPDIR', 'TEMP', 'TMP'):
            d = os.environ.get(var)
            if d and os.path.isdir(d):
                found = d
                break
        if found is None:
            for d in ('/tmp', '/var/tmp', '/usr/tmp'):
                if os.path.isdir(d):
                    found = d
                    break
        if found is None:
            found = os.getcwd()
        tempdir = os.path.abspath(found)
    return tempdir


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, os.fspath(dir)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory with a unique name; return its path (absolute if dir is)."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return name
    raise FileExistsError(17, 'No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    """A name that did not exist when checked (unsafe: nothing is created)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(name):
            return name
    raise FileExistsError(17, 'No usable temporary filename found')


class TemporaryDirectory:
    """A directory made by mkdtemp and removed (with its contents) by cleanup() or on exit."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._closed = False

    def __repr__(self):
        return '<%s %r>' % (type(self).__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()
        return False

    def cleanup(self):
        if self._closed:
            return
        self._closed = True
        if os.path.lexists(self.name):
            import shutil
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)


class _TemporaryFileWrapper:
    """A file object with a .name that deletes its file when closed (if delete)."""

    def __init__(self, file, name, delete):
        self.file = file
        self.name = name
        self.delete = delete
        self.closed = False

    def __getattr__(self, attr):
        if attr == 'file':
            raise AttributeError(attr)
        return getattr(self.file, attr)

    def write(self, s):
        return self.file.write(s)

    def read(self, *args):
        return self.file.read(*args)

    def flush(self):
        if hasattr(self.file, 'flush'):
            self.file.flush()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __enter__(self):
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __repr__(self):
        return '<tempfile._TemporaryFileWrapper name=%r>' % (self.name,)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *, errors=None):
    """Open a new file with a unique name in dir (default: gettempdir())."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.abspath(os.path.join(dir, prefix + _random_name() + suffix))
        if os.path.lexists(name):
            continue
        return _TemporaryFileWrapper(open(name, mode), name, delete)
    raise FileExistsError(17, 'No usable temporary file name found')
