"""gzip: compress/decompress bytes, and gzip.open for reading or writing a .gz file in
binary ('rb', 'wb', 'ab') or text ('rt', 'wt', 'at') mode. The file is read whole on open and
written whole on close (over the Rust module _gzip, flate2)."""

import io
from _gzip import compress, decompress, BadGzipFile, _read, _write

__all__ = ['open', 'compress', 'decompress', 'BadGzipFile', 'GzipFile']


class _Writer:
    """A .gz file being written: collects what is written, compresses it on close."""

    def __init__(self, path, text, encoding, level, start=b''):
        self.name = path
        self._text = text
        self._encoding = encoding or 'utf-8'
        self._level = level
        self._chunks = [start] if start else []
        self.closed = False

    def write(self, data):
        if self.closed:
            raise ValueError('write() on closed GzipFile object')
        if self._text:
            if not isinstance(data, str):
                raise TypeError('write() argument must be str, not %s' % type(data).__name__)
            self._chunks.append(data.encode(self._encoding))
        else:
            if not isinstance(data, bytes):
                raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(data).__name__)
            self._chunks.append(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def close(self):
        if not self.closed:
            self.closed = True
            _write(self.name, b''.join(self._chunks), self._level)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def open(filename, mode='rb', compresslevel=9, encoding=None, errors=None, newline=None):
    """Opens a gzip-compressed file: mode 'r'/'rb', 'w'/'wb', 'a'/'ab' (binary) or
    'rt', 'wt', 'at' (text)."""
    if hasattr(filename, '__fspath__'):
        filename = filename.__fspath__()
    text = 't' in mode
    if text and 'b' in mode:
        raise ValueError('Invalid mode: %r' % (mode,))
    if not text and (encoding is not None or errors is not None or newline is not None):
        raise ValueError("Argument 'encoding' not supported in binary mode")
    kind = mode.replace('t', '').replace('b', '')
    if kind == 'r':
        data = _read(filename)
        if text:
            return io.StringIO(data.decode(encoding or 'utf-8'))
        return io.BytesIO(data)
    if kind in ('w', 'x'):
        return _Writer(filename, text, encoding, compresslevel)
    if kind == 'a':
        try:
            start = _read(filename)
        except FileNotFoundError:
            start = b''
        return _Writer(filename, text, encoding, compresslevel, start)
    raise ValueError('Invalid mode: %r' % (mode,))


GzipFile = _Writer
