"""glob: file names matching a shell-style pattern.

Subset: glob(pathname, *, root_dir=None, recursive=False, include_hidden=False),
iglob (same arguments; an iterator over the same list, computed eagerly),
escape, has_magic. '**' matches any depth of directories when recursive=True.
Names starting with '.' only match patterns that start with '.', unless
include_hidden=True. Results come in directory order, as CPython's do.
"""

import os
import fnmatch

__all__ = ['glob', 'iglob', 'escape']


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """List the paths matching pathname."""
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    found = _glob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and pathname[:2] == '**'):
        if found and not found[0]:
            found = found[1:]
    return found


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Iterator over the paths matching pathname."""
    return iter(glob(pathname, root_dir=root_dir, recursive=recursive,
                     include_hidden=include_hidden))


def _glob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                return [pathname]
        elif os.path.isdir(_join(root_dir, dirname)):
            return [pathname]
        return []
    if not dirname:
        if recursive and basename == '**':
            return _glob2(root_dir, basename, dironly, include_hidden)
        return _glob1(root_dir, basename, dironly, include_hidden)
    if dirname != pathname and has_magic(dirname):
        dirs = _glob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and basename == '**':
            in_dir = _glob2
        else:
            in_dir = _glob1
    else:
        in_dir = _glob0
    out = []
    for d in dirs:
        for name in in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            out.append(os.path.join(d, name))
    return out


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not include_hidden and not pattern.startswith('.'):
        names = [x for x in names if not x.startswith('.')]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if not basename:
        if os.path.isdir(dirname):
            return [basename]
    elif os.path.lexists(os.path.join(dirname, basename)):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    out = ['']
    _rlistdir(dirname, dironly, include_hidden, out, '')
    return out


def _rlistdir(dirname, dironly, include_hidden, out, prefix):
    for x in _listdir(dirname, dironly):
        if include_hidden or not x.startswith('.'):
            out.append(prefix + x)
            sub = os.path.join(dirname, x) if dirname else x
            _rlistdir(sub, dironly, include_hidden, out, prefix + x + '/')


def _listdir(dirname, dironly):
    try:
        with os.scandir(dirname or os.curdir) as it:
            return [e.name for e in it if not dironly or e.is_dir()]
    except OSError:
        return []


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def has_magic(s):
    return '*' in s or '?' in s or '[' in s


def escape(pathname):
    """Escape the wildcard characters * ? [ so they match literally."""
    out = []
    for ch in pathname:
        if ch in '*?[':
            out.append('[' + ch + ']')
        else:
            out.append(ch)
    return ''.join(out)
