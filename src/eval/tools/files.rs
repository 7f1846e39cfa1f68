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
    Read { text: String, pos: usize },
    Write { path: String, buf: String },
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
        FileKind::Read { .. } => return Err(err("OSError", "not writable")),
    }
    Ok(())
}

fn file_close(f: &Rc<RefCell<FileObj>>) -> R<()> {
    let mut f = f.borrow_mut();
    if f.closed {
        return Ok(());
    }
    f.closed = true;
    if let FileKind::Write { path, buf } = &f.kind {
        std::fs::write(path, buf)
            .map_err(|e| err("OSError", format!("cannot write '{path}': {e}")))?;
    }
    Ok(())
}

fn file_of(a: &mut Args) -> R<Rc<RefCell<FileObj>>> {
    let v = a.req(0, "self")?;
    v.native::<RefCell<FileObj>>()
        .ok_or_else(|| type_err(format!("expected a file, got {}", v.type_name())))
}

impl Native for RefCell<FileObj> {
    fn type_name(&self) -> &'static str {
        "TextIOWrapper"
    }

    fn repr(&self) -> String {
        format!("<_io.TextIOWrapper name='{}'>", self.borrow().name)
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
    "read", "file.read()", "The rest of the file." => |_, a| {
        let f = file_of(a)?;
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
    "write", "file.write(s)", "Writes the string; returns its length." => |it, a| {
        let f = file_of(a)?;
        let s = to_str(&a.req(1, "s")?, "write() argument")?;
        file_write(it, &f, &s)?;
        Ok(Value::Int(s.chars().count() as i64))
    };
    "flush", "file.flush()", "Writes what was written so far out to the file." => |_, a| {
        let f = file_of(a)?;
        let f = f.borrow();
        if let FileKind::Write { path, buf } = &f.kind {
            if !f.closed {
                std::fs::write(path, buf)
                    .map_err(|e| err("OSError", format!("cannot write '{path}': {e}")))?;
            }
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
        let kind = if mode.contains('r') {
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
