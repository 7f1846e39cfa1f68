"""string: the character-class constants, capwords, and Template ($-substitution).

Covers ascii_letters, ascii_lowercase, ascii_uppercase, digits, hexdigits, octdigits,
punctuation, printable, whitespace, capwords(s, sep=None) and Template with
substitute / safe_substitute / get_identifiers / is_valid (subclasses may change
`delimiter`).  string.Formatter is not provided.
"""

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, join with sep (one space when sep is None)."""
    words = s.split(sep)
    return (sep or ' ').join([w.capitalize() for w in words])


_ID_START = ascii_letters + '_'
_ID_REST = _ID_START + digits


def _scan_identifier(text, i):
    """Length of the identifier starting at text[i] (0 when there is none)."""
    n = len(text)
    if i >= n or text[i] not in _ID_START:
        return 0
    j = i + 1
    while j < n and text[j] in _ID_REST:
        j += 1
    return j - i


class Template:
    """A string with $name / ${name} placeholders; $$ is a literal $."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        """Split the template into ('text', s) / ('escaped', d) / ('named', name, raw) /
        ('invalid', pos) pieces."""
        text = self.template
        delim = self.delimiter
        dl = len(delim)
        out = []
        start = 0
        i = 0
        n = len(text)
        while i < n:
            if not text.startswith(delim, i):
                i += 1
                continue
            if i > start:
                out.append(('text', text[start:i]))
            j = i + dl
            if text.startswith(delim, j):
                out.append(('escaped', delim))
                i = j + dl
            elif j < n and text[j] == '{':
                k = _scan_identifier(text, j + 1)
                if k and j + 1 + k < n and text[j + 1 + k] == '}':
                    out.append(('named', text[j + 1:j + 1 + k], text[i:j + 2 + k]))
                    i = j + 2 + k
                else:
                    out.append(('invalid', j))
                    i = j
            else:
                k = _scan_identifier(text, j)
                if k:
                    out.append(('named', text[j:j + k], text[i:j + k]))
                    i = j + k
                else:
                    out.append(('invalid', j))
                    i = j
            start = i
        if start < n:
            out.append(('text', text[start:]))
        return out

    def _invalid(self, pos):
        # pos is the index just after the delimiter, as CPython reports it
        lines = self.template[:pos].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _mapping(self, name, args, kws):
        if len(args) > 1:
            raise TypeError('Template.%s() takes from 1 to 2 positional arguments but %d were given'
                            % (name, len(args) + 1))
        if not args:
            return kws
        if kws:
            merged = dict(args[0])
            merged.update(kws)
            return merged
        return args[0]

    def substitute(self, *args, **kws):
        mapping = self._mapping('substitute', args, kws)
        parts = []
        for piece in self._pieces():
            kind = piece[0]
            if kind == 'text' or kind == 'escaped':
                parts.append(piece[1])
            elif kind == 'named':
                parts.append(str(mapping[piece[1]]))
            else:
                self._invalid(piece[1])
        return ''.join(parts)

    def safe_substitute(self, *args, **kws):
        mapping = self._mapping('safe_substitute', args, kws)
        parts = []
        for piece in self._pieces():
            kind = piece[0]
            if kind == 'text' or kind == 'escaped':
                parts.append(piece[1])
            elif kind == 'named':
                try:
                    parts.append(str(mapping[piece[1]]))
                except KeyError:
                    parts.append(piece[2])
            else:
                parts.append(self.delimiter)
        return ''.join(parts)

    def get_identifiers(self):
        ids = []
        for piece in self._pieces():
            if piece[0] == 'named' and piece[1] not in ids:
                ids.append(piece[1])
        return ids

    def is_valid(self):
        for piece in self._pieces():
            if piece[0] == 'invalid':
                return False
        return True
