"""io: in-memory text and binary streams.

Subset: StringIO(initial_value='', newline='\\n') and BytesIO(initial_bytes)
with write, writelines, read, readline, readlines, iteration, getvalue, seek
(whence 0/1/2), tell, truncate, close/closed, readable/writable/seekable and
the context-manager protocol; SEEK_SET/SEEK_CUR/SEEK_END; io.open is the
builtin open. StringIO's newline=None translates '\\r\\n' and '\\r' to '\\n' on
write; newline='' makes readline stop after '\\r', '\\n' or '\\r\\n'.
Not covered: TextIOWrapper, BufferedReader and the other file classes.
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open


class UnsupportedOperation(OSError):
    pass


class _MemoryIO:
    """Shared machinery: a buffer (str or bytes) plus a position."""

    def __init__(self, empty, initial):
        self._empty = empty
        self._buf = empty
        self._tail = []        # chunks appended at the end, joined lazily
        self._size = 0
        self._pos = 0
        self.closed = False
        if initial:
            self._write(initial)
            self._pos = 0

    # ---------------------------------------------------------- helpers
    _closed_msg = 'I/O operation on closed file.'

    def _check_open(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def _flat(self):
        if self._tail:
            self._buf = self._buf + self._empty.join(self._tail)
            self._tail = []
        return self._buf

    def _write(self, s):
        n = len(s)
        if self._pos == self._size:
            self._tail.append(s)
            self._size += n
        else:
            buf = self._flat()
            if self._pos > self._size:
                buf = buf + self._pad(self._pos - self._size)
            self._buf = buf[:self._pos] + s + buf[self._pos + n:]
            self._size = len(self._buf)
        self._pos += n
        return n

    # ---------------------------------------------------------- API
    def getvalue(self):
        self._check_open()
        return self._flat()

    def read(self, size=-1):
        self._check_open()
        buf = self._flat()
        if size is None or size < 0:
            end = self._size
        else:
            end = min(self._size, self._pos + size)
        if self._pos >= end:
            return self._empty
        out = buf[self._pos:end]
        self._pos = end
        return out

    def _line_end(self, buf, start):
        """Index just past the end of the line starting at start."""
        i = buf.find(self._nl, start)
        if i < 0:
            return self._size
        return i + 1

    def readline(self, size=-1):
        self._check_open()
        buf = self._flat()
        if self._pos >= self._size:
            return self._empty
        end = self._line_end(buf, self._pos)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = buf[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < self._size:
            self._buf = self._flat()[:size]
            self._size = size
        return size

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class StringIO(_MemoryIO):
    """A text stream kept in memory."""

    _closed_msg = 'I/O operation on closed file'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        self._newline = newline
        self._nl = '\n'
        _MemoryIO.__init__(self, '', self._translate(initial_value or ''))

    def _pad(self, n):
        return '\0' * n

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        self._write(self._translate(s))
        return len(s)

    def _line_end(self, buf, start):
        if self._newline == '':
            i = start
            while i < self._size:
                c = buf[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < self._size and buf[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return self._size
        if self._newline in ('\r', '\r\n'):
            i = buf.find(self._newline, start)
            if i < 0:
                return self._size
            return i + len(self._newline)
        return _MemoryIO._line_end(self, buf, start)

    def __repr__(self):
        return '<_io.StringIO object>'


class BytesIO(_MemoryIO):
    """A binary stream kept in memory (needs the bytes type)."""

    def __init__(self, initial_bytes=None):
        self._nl = bytes([10])
        _MemoryIO.__init__(self, bytes(), initial_bytes)

    def _pad(self, n):
        return bytes(n)

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(b))

    def getbuffer(self):
        return self.getvalue()

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return '<_io.BytesIO object>'
