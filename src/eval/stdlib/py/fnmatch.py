"""fnmatch: Unix shell-style wildcard matching of file names.

Subset: fnmatch, fnmatchcase, filter. Patterns: * (any run, including '/'),
? (one character), [seq], [!seq] with ranges a-z; an unclosed '[' is literal.
Matching is done directly (no `re`), so translate() is not provided.
Names are case-sensitive, as on POSIX.
"""

__all__ = ['filter', 'fnmatch', 'fnmatchcase']

_cache = {}


def _compile(pat):
    """Pattern -> list of tokens: ('*',), ('?',), ('=', ch), ('[', negate, ranges)."""
    toks = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not toks or toks[-1][0] != '*':
                toks.append(('*',))
        elif c == '?':
            toks.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                toks.append(('=', '['))
                continue
            stuff = pat[i:j]
            i = j + 1
            negate = stuff.startswith('!')
            if negate:
                stuff = stuff[1:]
            ranges = []
            k = 0
            while k < len(stuff):
                if k + 2 < len(stuff) and stuff[k + 1] == '-':
                    if stuff[k] <= stuff[k + 2]:
                        ranges.append((stuff[k], stuff[k + 2]))
                    k += 3
                else:
                    ranges.append((stuff[k], stuff[k]))
                    k += 1
            toks.append(('[', negate, ranges))
        else:
            toks.append(('=', c))
    return toks


def _one(tok, ch):
    kind = tok[0]
    if kind == '=':
        return tok[1] == ch
    if kind == '?':
        return True
    inside = False
    for lo, hi in tok[2]:
        if lo <= ch <= hi:
            inside = True
            break
    return inside != tok[1]


def _match(toks, name):
    # Greedy matching with backtracking to the most recent '*'.
    ti = 0
    ni = 0
    star_ti = -1
    star_ni = 0
    nt = len(toks)
    nn = len(name)
    while ni < nn:
        if ti < nt and toks[ti][0] == '*':
            star_ti = ti
            star_ni = ni
            ti += 1
        elif ti < nt and _one(toks[ti], name[ni]):
            ti += 1
            ni += 1
        elif star_ti >= 0:
            star_ni += 1
            ni = star_ni
            ti = star_ti + 1
        else:
            return False
    while ti < nt and toks[ti][0] == '*':
        ti += 1
    return ti == nt


def _tokens(pat):
    toks = _cache.get(pat)
    if toks is None:
        toks = _compile(pat)
        if len(_cache) > 256:
            _cache.clear()
        _cache[pat] = toks
    return toks


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    return _match(_tokens(pat), name)


def fnmatch(name, pat):
    """Test whether name matches pat (case is significant on POSIX)."""
    if not isinstance(name, str):
        name = name.__fspath__()
    if not isinstance(pat, str):
        pat = pat.__fspath__()
    return _match(_tokens(pat), name)


def filter(names, pat):
    """The names from the iterable that match pat."""
    toks = _tokens(pat)
    return [name for name in names if _match(toks, name)]
