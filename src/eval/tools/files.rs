//! Files: `open()`, `sys.stdout` / `sys.stderr`, and their methods.

use crate::eval::lang::builtins::{method_in, table, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use std::cell::RefCell;
use std::rc::Rc;

pub enum FileKind {
    Stdout,
    Stderr,
    Read {
        text: String,
        pos: usize,
    },
    Write {
        path: String,
        buf: String,
    },
    /// `open(path, 'rb')`
    ReadBytes {
        data: Vec<u8>,
        pos: usize,
    },
    /// `open(path, 'wb')` / `'ab'`
    WriteBytes {
        path: String,
        buf: Vec<u8>,
    },
}

pub struct FileObj {
    pub kind: FileKind,
    pub name: String,
    pub closed: bool,
}

pub fn file_write(it: &mut Interp, f: &Rc<RefCell<FileObj>>, s: &str) -> R<()> {
    let mut f = f.borrow_mut();
    if f.closed {
        return Err(value_err("I/O operation on closed file."));
    }
    match &mut f.kind {
        FileKind::Stdout => it.sink.stdout(s),
        FileKind::Stderr => it.sink.stderr(s),
        FileKind::Write { buf, .. } => buf.push_str(s),
        FileKind::WriteBytes { .. } => {
            return Err(type_err("a bytes-like object is required, not 'str'"))
        }
        FileKind::Read { .. } | FileKind::ReadBytes { .. } => {
            return Err(err("UnsupportedOperation", "not writable"))
        }
    }
    Ok(())
}

fn file_close(f: &Rc<RefCell<FileObj>>) -> R<()> {
    let mut f = f.borrow_mut();
    if f.closed {
        return Ok(());
    }
    f.closed = true;
    write_out(&f.kind)
}

/// Writes a file opened for writing out to disk (all it holds so far).
fn write_out(kind: &FileKind) -> R<()> {
    let (path, r) = match kind {
        FileKind::Write { path, buf } => (path, std::fs::write(path, buf)),
        FileKind::WriteBytes { path, buf } => (path, std::fs::write(path, buf)),
        _ => return Ok(()),
    };
    r.map_err(|e| err("OSError", format!("cannot write '{path}': {e}")))
}

fn file_of(a: &mut Args) -> R<Rc<RefCell<FileObj>>> {
    let v = a.req(0, "self")?;
    v.native::<RefCell<FileObj>>()
        .ok_or_else(|| type_err(format!("expected a file, got {}", v.type_name())))
}

impl Native for RefCell<FileObj> {
    fn type_name(&self) -> &'static str {
        match self.borrow().kind {
            FileKind::ReadBytes { .. } => "BufferedReader",
            FileKind::WriteBytes { .. } => "BufferedWriter",
            _ => "TextIOWrapper",
        }
    }

    fn repr(&self) -> String {
        format!("<_io.{} name='{}'>", self.type_name(), self.borrow().name)
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(FILE_METHODS, name)
    }
}

/// An open file as a value.
pub(crate) fn file_value(kind: FileKind, name: &str) -> Value {
    Value::Native(Rc::new(RefCell::new(FileObj {
        kind,
        name: name.to_string(),
        closed: false,
    })))
}

fn file_read_rest(f: &Rc<RefCell<FileObj>>) -> R<String> {
    let mut f = f.borrow_mut();
    match &mut f.kind {
        FileKind::Read { text, pos } => {
            let s = text[*pos..].to_string();
            *pos = text.len();
            Ok(s)
        }
        _ => Err(err("OSError", "not readable")),
    }
}

fn file_readline(f: &Rc<RefCell<FileObj>>) -> R<String> {
    let mut f = f.borrow_mut();
    match &mut f.kind {
        FileKind::Read { text, pos } => {
            let rest = &text[*pos..];
            let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let line = rest[..end].to_string();
            *pos += end;
            Ok(line)
        }
        _ => Err(err("OSError", "not readable")),
    }
}

table! { FILE_METHODS:
    "read", "file.read(size=-1)", "The rest of the file (at most size characters or bytes)." => |_, a| {
        let f = file_of(a)?;
        let size = a.get(1, "size").map(|s| crate::eval::lang::builtins::to_int(&s, "size")).transpose()?.unwrap_or(-1);
        if let FileKind::ReadBytes { data, pos } = &mut f.borrow_mut().kind {
            let end = if size < 0 { data.len() } else { (*pos + size as usize).min(data.len()) };
            let out = data[*pos..end].to_vec();
            *pos = end;
            return Ok(crate::eval::lang::bytes::Bytes::value(out));
        }
        if size >= 0 {
            let mut g = f.borrow_mut();
            if let FileKind::Read { text, pos } = &mut g.kind {
                let rest = &text[*pos..];
                let end = rest.char_indices().nth(size as usize).map_or(rest.len(), |(i, _)| i);
                let out = rest[..end].to_string();
                *pos += end;
                return Ok(Value::str(&out));
            }
        }
        Ok(Value::str(&file_read_rest(&f)?))
    };
    "readline", "file.readline()", "The next line, with its newline ('' at the end)." => |_, a| {
        let f = file_of(a)?;
        Ok(Value::str(&file_readline(&f)?))
    };
    "readlines", "file.readlines()", "The remaining lines." => |_, a| {
        let f = file_of(a)?;
        let rest = file_read_rest(&f)?;
        Ok(Value::list(rest.split_inclusive('\n').map(Value::str).collect()))
    };
    "write", "file.write(s)", "Writes the string (bytes, to a binary file); returns its length." => |it, a| {
        let f = file_of(a)?;
        let v = a.req(1, "s")?;
        if let FileKind::WriteBytes { buf, .. } = &mut f.borrow_mut().kind {
            let Some(b) = crate::eval::lang::bytes::bytes_like(&v) else {
                return Err(type_err(format!("a bytes-like object is required, not '{}'", v.type_name())));
            };
            buf.extend_from_slice(&b);
            return Ok(Value::Int(b.len() as i64));
        }
        let s = to_str(&v, "write() argument")?;
        file_write(it, &f, &s)?;
        Ok(Value::Int(s.chars().count() as i64))
    };
    "flush", "file.flush()", "Writes what was written so far out to the file." => |_, a| {
        let f = file_of(a)?;
        let f = f.borrow();
        if !f.closed {
            write_out(&f.kind)?;
        }
        Ok(Value::None)
    };
    "__iter__", "file.__iter__()", "The file itself: iterating gives its lines." => |_, a| a.req(0, "self");
    "__next__", "file.__next__()", "The next line (StopIteration at the end)." => |_, a| {
        let f = file_of(a)?;
        let line = file_readline(&f)?;
        if line.is_empty() {
            return Err(err("StopIteration", ""));
        }
        Ok(Value::str(&line))
    };
    "close", "file.close()", "Closes the file (writing it out)." => |_, a| {
        let f = file_of(a)?;
        file_close(&f)?;
        Ok(Value::None)
    };
    "__enter__", "file.__enter__()", "Returns the file itself (for `with`)." => |_, a| a.req(0, "self");
    "__exit__", "file.__exit__(*exc)", "Closes the file." => |_, a| {
        let f = file_of(a)?;
        a.rest(1);
        file_close(&f)?;
        Ok(Value::Bool(false))
    };
}

table! { FILE_BUILTINS:
    "open", "open(file, mode='r', encoding=None)", "Opens a text file for reading ('r'), writing ('w') or appending ('a')." => |it, a| {
        let path = a.req(0, "file")?;
        let path = it.fspath(&path, "file")?;
        let mode = a.get(1, "mode").map(|m| to_str(&m, "mode")).transpose()?.unwrap_or_else(|| Rc::from("r"));
        a.kw("encoding");
        a.kw("newline");
        let kind = if mode.contains('b') {
            if mode.contains('r') {
                let data = std::fs::read(&*path).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        err("FileNotFoundError", format!("[Errno 2] No such file or directory: '{path}'"))
                    } else {
                        err("OSError", format!("cannot read '{path}': {e}"))
                    }
                })?;
                FileKind::ReadBytes { data, pos: 0 }
            } else if mode.contains('w') || mode.contains('a') {
                let buf = if mode.contains('a') { std::fs::read(&*path).unwrap_or_default() } else { Vec::new() };
                std::fs::write(&*path, &buf).map_err(|e| err("OSError", format!("cannot open '{path}' for writing: {e}")))?;
                FileKind::WriteBytes { path: path.to_string(), buf }
            } else {
                return Err(value_err(format!("invalid mode: '{mode}'")));
            }
        } else if mode.contains('r') {
            let text = std::fs::read_to_string(&*path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    err("FileNotFoundError", format!("[Errno 2] No such file or directory: '{path}'"))
                } else {
                    err("OSError", format!("cannot read '{path}': {e}"))
                }
            })?;
            FileKind::Read { text, pos: 0 }
        } else if mode.contains('w') || mode.contains('a') {
            let buf = if mode.contains('a') { std::fs::read_to_string(&*path).unwrap_or_default() } else { String::new() };
            std::fs::write(&*path, &buf).map_err(|e| err("OSError", format!("cannot open '{path}' for writing: {e}")))?;
            FileKind::Write { path: path.to_string(), buf }
        } else {
            return Err(value_err(format!("invalid mode: '{mode}'")));
        };
        Ok(file_value(kind, &path))
    };
}
