//! Files: `open()`, `sys.stdout` / `sys.stderr`, and their methods.

use crate::eval::lang::builtins::{table, to_str, Args};
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
    match a.req(0, "self")? {
        Value::File(f) => Ok(f),
        v => Err(type_err(format!("expected a file, got {}", v.type_name()))),
    }
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
    "flush", "file.flush()", "Flushes buffered output." => |_, a| {
        file_of(a)?;
        Ok(Value::None)
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
