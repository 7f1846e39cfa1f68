"""shlex: split (POSIX shell quoting rules), quote and join.

split(s, comments=False, posix=True) follows CPython's shlex in POSIX mode with
whitespace_split=True: single quotes are literal, double quotes honour \\" and \\\\,
a backslash outside quotes escapes the next character, adjacent quoted parts join
into one word, and with comments=True a '#' starts a comment up to the end of the
line.  The shlex lexer class and non-POSIX mode are not provided.
"""

__all__ = ['split', 'quote', 'join']

_WHITESPACE = ' \t\r\n'
_SAFE = ('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
         '0123456789_@%+=:,./-')


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError('s argument must not be None')
    if not posix:
        raise NotImplementedError('shlex.split: only posix=True is supported')
    commenters = '#' if comments else ''
    tokens = []
    token = ''
    quoted = False
    state = ' '          # ' ' between words, 'a' in a word, a quote char, or '\\'
    escaped_state = 'a'
    i = 0
    n = len(s)
    while True:
        c = s[i] if i < n else ''
        i += 1
        if state == '\\':
            if not c:
                raise ValueError('No escaped character')
            if escaped_state in '"\'' and c != '\\' and c != escaped_state:
                token += '\\'
            token += c
            state = escaped_state
        elif state == '"' or state == "'":
            quoted = True
            if not c:
                raise ValueError('No closing quotation')
            if c == state:
                state = 'a'
            elif c == '\\' and state == '"':
                escaped_state = state
                state = '\\'
            else:
                token += c
        else:
            if not c:
                break
            if c in _WHITESPACE:
                if state == 'a':
                    tokens.append(token)
                    token = ''
                    quoted = False
                state = ' '
            elif c in commenters:
                j = s.find('\n', i)
                i = n if j < 0 else j + 1
                if state == 'a':
                    tokens.append(token)
                    token = ''
                    quoted = False
                state = ' '
            elif c == '\\':
                escaped_state = 'a'
                state = '\\'
            elif c in '"\'':
                state = c
            else:
                token += c
                state = 'a'
    if state == 'a' and (token or quoted):
        tokens.append(token)
    return tokens


def quote(s):
    """Return a shell-escaped version of s."""
    if not s:
        return "''"
    for c in s:
        if c not in _SAFE:
            return "'" + s.replace("'", "'\"'\"'") + "'"
    return s


def join(split_command):
    """Return a shell-escaped string from the list split_command."""
    return ' '.join([quote(arg) for arg in split_command])
