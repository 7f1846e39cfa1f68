//! `_os`: the operating-system primitives under the Python-level `os`, `os.path`, `pathlib`,
//! `shutil` and `tempfile` (as CPython's `os` sits on `posix`). Errors are CPython's OSError
//! subclasses with its messages (`[Errno 2] No such file or directory: 'x'`) and `errno`,
//! `strerror` and `filename` attributes.

use crate::eval::lang::builtins::{table, to_int, to_str, Args};
use crate::eval::lang::exc::{Ctrl, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use std::rc::Rc;

/// The OSError subclass and message CPython raises for `e` on `path` (and `dst`).
pub fn os_error(it: &mut Interp, e: &std::io::Error, path: &str, dst: Option<&str>) -> Ctrl {
    let code = e.raw_os_error().unwrap_or(0);
    let class = match code {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EACCES | libc::EPERM => "PermissionError",
        _ => "OSError",
    };
    let text = e.to_string();
    let strerror = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let quote =
        |it: &mut Interp, s: &str| it.repr(&Value::str(s)).unwrap_or_else(|_| format!("'{s}'"));
    let mut msg = format!("[Errno {code}] {strerror}: {}", quote(it, path));
    if let Some(d) = dst {
        msg.push_str(&format!(" -> {}", quote(it, d)));
    }
    let cls = it.exc_class(class);
    let v = crate::eval::lang::exc::instance(cls, vec![Value::str(&msg)]);
    if let Value::Instance(i) = &v {
        let mut a = i.attrs.borrow_mut();
        a.insert(Rc::from("errno"), Value::Int(code as i64));
        a.insert(Rc::from("strerror"), Value::str(&strerror));
        a.insert(Rc::from("filename"), Value::str(path));
        if let Some(d) = dst {
            a.insert(Rc::from("filename2"), Value::str(d));
        }
    }
    it.raise_value(v)
}

fn path(a: &mut Args, i: usize, name: &str) -> R<Rc<str>> {
    to_str(&a.req(i, name)?, name)
}

fn io<T>(it: &mut Interp, r: std::io::Result<T>, p: &str, dst: Option<&str>) -> R<T> {
    r.map_err(|e| os_error(it, &e, p, dst))
}

fn time_of(t: std::io::Result<std::time::SystemTime>) -> Value {
    let secs = t
        .ok()
        .map(|t| match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs_f64(),
            Err(e) => -e.duration().as_secs_f64(),
        })
        .unwrap_or(0.0);
    Value::Float(secs)
}

table! { OS:
    "getcwd", "getcwd()", "The current working directory." => |it, _| {
        let d = io(it, std::env::current_dir(), ".", None)?;
        Ok(Value::str(&d.to_string_lossy()))
    };
    "chdir", "chdir(path)", "Changes the current working directory." => |it, a| {
        let p = path(a, 0, "path")?;
        io(it, std::env::set_current_dir(&*p), &p, None)?;
        Ok(Value::None)
    };
    "listdir", "listdir(path)", "The names in a directory, in the directory's order." => |it, a| {
        let p = path(a, 0, "path")?;
        let rd = io(it, std::fs::read_dir(&*p), &p, None)?;
        let mut out = Vec::new();
        for e in rd {
            let e = io(it, e, &p, None)?;
            out.push(Value::str(&e.file_name().to_string_lossy()));
        }
        Ok(Value::list(out))
    };
    "mkdir", "mkdir(path, mode=0o777)", "Makes a directory." => |it, a| {
        let p = path(a, 0, "path")?;
        let mode = a.opt(1, "mode").map(|m| to_int(&m, "mode")).transpose()?.unwrap_or(0o777);
        use std::os::unix::fs::DirBuilderExt;
        let r = std::fs::DirBuilder::new().mode(mode as u32).create(&*p);
        io(it, r, &p, None)?;
        Ok(Value::None)
    };
    "rmdir", "rmdir(path)", "Removes an empty directory." => |it, a| {
        let p = path(a, 0, "path")?;
        io(it, std::fs::remove_dir(&*p), &p, None)?;
        Ok(Value::None)
    };
    "unlink", "unlink(path)", "Removes a file." => |it, a| {
        let p = path(a, 0, "path")?;
        io(it, std::fs::remove_file(&*p), &p, None)?;
        Ok(Value::None)
    };
    "rename", "rename(src, dst)", "Renames a file or directory (replacing dst as rename(2) does)." => |it, a| {
        let s = path(a, 0, "src")?;
        let d = path(a, 1, "dst")?;
        io(it, std::fs::rename(&*s, &*d), &s, Some(&d))?;
        Ok(Value::None)
    };
    "stat", "stat(path, follow_symlinks=True)", "(st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime, st_mtime, st_ctime)." => |it, a| {
        use std::os::unix::fs::MetadataExt;
        let p = path(a, 0, "path")?;
        let follow = match a.opt(1, "follow_symlinks") { Some(v) => it.truthy(&v)?, None => true };
        let m = if follow { std::fs::metadata(&*p) } else { std::fs::symlink_metadata(&*p) };
        let m = io(it, m, &p, None)?;
        Ok(Value::tuple(vec![
            Value::Int(m.mode() as i64),
            Value::Int(m.ino() as i64),
            Value::Int(m.dev() as i64),
            Value::Int(m.nlink() as i64),
            Value::Int(m.uid() as i64),
            Value::Int(m.gid() as i64),
            Value::Int(m.size() as i64),
            time_of(m.accessed()),
            time_of(m.modified()),
            Value::Float(m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9),
        ]))
    };
    "environ", "environ()", "A copy of the process's environment as a dict." => |_, _| {
        let mut d = Dict::new();
        for (k, v) in std::env::vars_os() {
            d.insert(Key(Value::str(&k.to_string_lossy())), Value::str(&v.to_string_lossy()));
        }
        Ok(Value::dict(d))
    };
    "putenv", "putenv(key, value)", "Sets an environment variable of this process." => |_, a| {
        let k = path(a, 0, "key")?;
        let v = path(a, 1, "value")?;
        if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
            return Err(crate::eval::lang::exc::value_err("illegal environment variable name"));
        }
        // SAFETY: nabla runs Python code on one thread; no other thread reads the environment
        // while a program changes it.
        unsafe { std::env::set_var(&*k, &*v) };
        Ok(Value::None)
    };
    "unsetenv", "unsetenv(key)", "Removes an environment variable of this process." => |_, a| {
        let k = path(a, 0, "key")?;
        if k.is_empty() || k.contains('=') || k.contains('\0') {
            return Err(crate::eval::lang::exc::value_err("illegal environment variable name"));
        }
        // SAFETY: as putenv.
        unsafe { std::env::remove_var(&*k) };
        Ok(Value::None)
    };
    "cpu_count", "cpu_count()", "The number of CPUs." => |_, _| {
        Ok(Value::Int(std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(1)))
    };
    "getpid", "getpid()", "This process's id." => |_, _| Ok(Value::Int(std::process::id() as i64));
    "copyfile", "copyfile(src, dst)", "Copies a file's bytes." => |it, a| {
        let s = path(a, 0, "src")?;
        let d = path(a, 1, "dst")?;
        if std::path::Path::new(&*s).is_dir() {
            let e = std::io::Error::from_raw_os_error(libc::EISDIR);
            return Err(os_error(it, &e, &s, None));
        }
        match std::fs::copy(&*s, &*d) {
            Ok(_) => Ok(Value::None),
            Err(e) => {
                let which = if std::path::Path::new(&*s).exists() { &d } else { &s };
                Err(os_error(it, &e, which, None))
            }
        }
    };
    "realpath", "realpath(path)", "The path with symbolic links resolved, made absolute (missing parts kept as they are)." => |it, a| {
        let p = path(a, 0, "path")?;
        let mut base = std::path::PathBuf::from(&*p);
        if base.is_relative() {
            base = io(it, std::env::current_dir(), ".", None)?.join(base);
        }
        // Resolve the longest existing prefix; keep the rest.
        let mut rest = Vec::new();
        let mut cur = base.as_path();
        loop {
            if let Ok(c) = std::fs::canonicalize(cur) {
                let mut out = c;
                for r in rest.iter().rev() {
                    out.push(r);
                }
                return Ok(Value::str(&out.to_string_lossy()));
            }
            match (cur.parent(), cur.file_name()) {
                (Some(par), Some(name)) => {
                    rest.push(name.to_os_string());
                    cur = par;
                }
                _ => return Ok(Value::str(&base.to_string_lossy())),
            }
        }
    };
    "randbits", "randbits(k)", "k (at most 63) random bits from the operating system." => |_, a| {
        let k = to_int(&a.req(0, "k")?, "k")?.clamp(0, 63) as u32;
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
        let bits = h.finish();
        Ok(Value::Int(if k == 0 { 0 } else { (bits >> (64 - k)) as i64 }))
    };
    "isatty", "isatty(fd)", "Whether the file descriptor is a terminal." => |_, a| {
        let fd = to_int(&a.req(0, "fd")?, "fd")?;
        // SAFETY: isatty only inspects the descriptor number.
        Ok(Value::Bool(unsafe { libc::isatty(fd as i32) } == 1))
    };
}

pub fn module(_: &mut Interp) -> Value {
    let mut entries = table_entries(OS);
    entries.push(("sep", Value::str("/")));
    entries.push(("name", Value::str("posix")));
    crate::eval::lang::value::module("_os", &entries)
}
