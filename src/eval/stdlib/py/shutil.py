"""shutil: high-level file operations.

Subset: copyfile, copy, copy2 (same as copy: permission bits and times are not
copied), copytree (ignore=, dirs_exist_ok=), ignore_patterns, rmtree
(ignore_errors=, onerror=), move, which (searches PATH for an existing regular
file; the executable-bit check is skipped), get_terminal_size (COLUMNS/LINES,
then the terminal, then the fallback (80, 24)), Error, SameFileError.
Not covered: disk_usage, archives, chown, copymode/copystat.
"""

import os

__all__ = ['copyfile', 'copy', 'copy2', 'copytree', 'rmtree', 'move', 'which',
           'get_terminal_size', 'ignore_patterns', 'Error', 'SameFileError']


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


def _samefile(src, dst):
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents of src to dst; return dst."""
    src = os.fspath(src)
    dst = os.fspath(dst)
    if _samefile(src, dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    if os.path.isdir(src):
        raise IsADirectoryError(21, 'Is a directory', src)
    import _os
    _os.copyfile(src, dst)
    return dst


def copy(src, dst, *, follow_symlinks=True):
    """Copy src to dst (a file name or a directory); return the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(os.fspath(src)))
    copyfile(src, dst)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Like copy(); file metadata is not copied in this implementation."""
    return copy(src, dst)


def ignore_patterns(*patterns):
    """An ignore= callable for copytree that skips names matching any pattern."""
    import fnmatch

    def _ignore(path, names):
        ignored = []
        for pattern in patterns:
            ignored.extend(fnmatch.filter(names, pattern))
        return set(ignored)
    return _ignore


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the directory tree src to dst; return dst."""
    src = os.fspath(src)
    names = sorted(os.listdir(src))
    ignored = set()
    if ignore is not None:
        ignored = ignore(src, names)
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(os.fspath(dst), name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    """Delete a directory tree. onerror(function, path, (type, value, None)) sees failures."""
    path = os.fspath(path)
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise args[2][1]
    try:
        os.lstat(path)
    except OSError as e:
        onerror(os.lstat, path, (type(e), e, None))
        return
    if os.path.islink(path):
        e = OSError('Cannot call rmtree on a symbolic link')
        onerror(os.path.islink, path, (type(e), e, None))
        return
    _rmtree(path, onerror)


def _rmtree(path, onerror):
    try:
        names = os.listdir(path)
    except OSError as e:
        onerror(os.scandir, path, (type(e), e, None))
        names = []
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            _rmtree(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError as e:
                onerror(os.unlink, full, (type(e), e, None))
    try:
        os.rmdir(path)
    except OSError as e:
        onerror(os.rmdir, path, (type(e), e, None))


def move(src, dst, copy_function=copy2):
    """Move a file or directory to dst (into it, when dst is a directory); return the new path."""
    src = os.fspath(src)
    real_dst = os.fspath(dst)
    if os.path.isdir(real_dst):
        if _samefile(src, real_dst):
            os.rename(src, real_dst)
            return real_dst
        real_dst = os.path.join(real_dst, os.path.basename(src.rstrip('/')))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.isdir(src):
            copytree(src, real_dst, copy_function=copy_function)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def which(cmd, mode=1, path=None):
    """Full path of the command found first on PATH, or None (executability is not checked)."""
    cmd = os.fspath(cmd)
    if os.path.dirname(cmd):
        if os.path.isfile(cmd):
            return cmd
        return None
    if path is None:
        path = os.environ.get('PATH', None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    seen = set()
    for d in path.split(os.pathsep):
        if d in seen:
            continue
        seen.add(d)
        name = os.path.join(d, cmd)
        if os.path.isfile(name):
            return name
    return None


def get_terminal_size(fallback=(80, 24)):
    """Terminal size from $COLUMNS/$LINES, else the terminal, else fallback."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(1)
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))
