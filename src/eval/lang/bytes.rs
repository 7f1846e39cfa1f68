//! `bytes`: an immutable sequence of bytes, what binary files, hashes and encodings deal in.
//! Literals (`b'\x00ab'`), `bytes(...)`, `str.encode`, `b.decode()`, indexing (ints),
//! slicing, iteration, `+`, `*`, `==`, `in`, `len`, `hex`/`fromhex`, `startswith`/`endswith`,
//! `find`, `split`, `join`, `strip`, `replace`, `count`. (`bytearray` is not there.)

use super::builtins::{table, to_int, to_str, Args, Builtin};
use super::exc::{err, type_err, value_err, R};
use super::interp::Interp;
use super::value::*;
use std::rc::Rc;

pub struct Bytes(pub Vec<u8>);

impl Bytes {
    pub fn value(b: Vec<u8>) -> Value {
        Value::Native(Rc::new(Bytes(b)))
    }
}

/// Python's repr of bytes: `b'...'`, printable ASCII as itself, the rest escaped.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::with_capacity(b.len() + 3);
    s.push('b');
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

impl Native for Bytes {
    fn type_name(&self) -> &'static str {
        "bytes"
    }
    fn repr(&self) -> String {
        bytes_repr(&self.0)
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        BYTES_METHODS.iter().find(|b| b.name == name)
    }
    fn dir(&self) -> Vec<&'static str> {
        BYTES_METHODS.iter().map(|b| b.name).collect()
    }
    fn identity(&self) -> usize {
        self.0.as_ptr() as usize
    }
    fn type_object(&self) -> Option<Value> {
        super::builtins::BUILTINS
            .iter()
            .find(|b| b.name == "bytes")
            .map(Value::Builtin)
    }
}

/// The bytes a value holds, if it is bytes.
pub fn as_bytes(v: &Value) -> Option<Rc<Bytes>> {
    v.native::<Bytes>()
}

fn me(a: &mut Args) -> R<Rc<Bytes>> {
    let v = a.req(0, "self")?;
    as_bytes(&v).ok_or_else(|| {
        type_err(format!(
            "descriptor needs a bytes object, not {}",
            v.type_name()
        ))
    })
}

fn arg_bytes(v: &Value, what: &str) -> R<Vec<u8>> {
    match as_bytes(v) {
        Some(b) => Ok(b.0.clone()),
        None => Err(type_err(format!(
            "{what}: a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}

/// `bytes(x)`: from a str and an encoding, an iterable of ints, a count of zero bytes, or bytes.
pub fn construct(it: &mut Interp, a: &mut Args) -> R<Value> {
    let Some(src) = a.get(0, "source") else {
        return Ok(Bytes::value(vec![]));
    };
    let encoding = a.get(1, "encoding");
    a.get(2, "errors");
    match &src {
        Value::Str(s) => {
            let Some(enc) = encoding else {
                return Err(type_err("string argument without an encoding"));
            };
            encode(s, &to_str(&enc, "encoding")?)
        }
        Value::Int(n) => {
            if *n < 0 {
                return Err(value_err("negative count"));
            }
            super::ops::check_len(*n, 1)?;
            Ok(Bytes::value(vec![0; *n as usize]))
        }
        v if as_bytes(v).is_some() => Ok(src),
        v if v.native::<ByteArray>().is_some() => {
            Ok(Bytes::value(bytes_like(v).unwrap_or_default()))
        }
        _ => {
            let mut out = Vec::new();
            for x in it.collect(&src)? {
                let i = to_int(&x, "bytes item")?;
                if !(0..=255).contains(&i) {
                    return Err(value_err("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            Ok(Bytes::value(out))
        }
    }
}

/// `str.encode(encoding)`: UTF-8, ASCII or Latin-1.
pub fn encode(s: &str, encoding: &str) -> R<Value> {
    match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Ok(Bytes::value(s.as_bytes().to_vec())),
        "ascii" | "us-ascii" => {
            if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
                return Err(err("UnicodeEncodeError", format!("'ascii' codec can't encode character {} in position {i}: ordinal not in range(128)", char_repr(c))));
            }
            Ok(Bytes::value(s.as_bytes().to_vec()))
        }
        "latin-1" | "latin1" | "iso-8859-1" => {
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) > 255 {
                    return Err(err("UnicodeEncodeError", format!("'latin-1' codec can't encode character {} in position {i}: ordinal not in range(256)", char_repr(c))));
                }
                out.push(c as u32 as u8);
            }
            Ok(Bytes::value(out))
        }
        other => Err(err(
            "LookupError",
            format!("unknown encoding: {other} (nabla knows utf-8, ascii and latin-1)"),
        )),
    }
}

/// A character as Python's codec errors show it: `'\xe9'`, `'\u20ac'`.
fn char_repr(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("'\\x{n:02x}'"),
        n if n < 0x10000 => format!("'\\u{n:04x}'"),
        n => format!("'\\U{n:08x}'"),
    }
}

fn decode(b: &[u8], encoding: &str, errors: &str) -> R<String> {
    match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(e) if errors == "strict" => Err(err(
                "UnicodeDecodeError",
                format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ),
            )),
            Err(_) => Ok(String::from_utf8_lossy(b).into_owned()),
        },
        "ascii" | "us-ascii" => {
            if let Some(i) = b.iter().position(|c| *c > 127) {
                if errors == "strict" {
                    return Err(err("UnicodeDecodeError", format!("'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)", b[i])));
                }
            }
            Ok(b.iter()
                .map(|&c| if c > 127 { '\u{fffd}' } else { c as char })
                .collect())
        }
        "latin-1" | "latin1" | "iso-8859-1" => Ok(b.iter().map(|&c| c as char).collect()),
        other => Err(err(
            "LookupError",
            format!("unknown encoding: {other} (nabla knows utf-8, ascii and latin-1)"),
        )),
    }
}

fn index(n: usize, i: i64) -> Option<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    (0..n as i64).contains(&j).then_some(j as usize)
}

table! { BYTES_METHODS:
    "decode", "bytes.decode(encoding='utf-8', errors='strict')", "The text these bytes encode." => |_, a| {
        let b = me(a)?;
        let enc = a.get(1, "encoding").map(|e| to_str(&e, "encoding")).transpose()?;
        let errors = a.get(2, "errors").map(|e| to_str(&e, "errors")).transpose()?;
        Ok(Value::str(&decode(&b.0, enc.as_deref().unwrap_or("utf-8"), errors.as_deref().unwrap_or("strict"))?))
    };
    "hex", "bytes.hex()", "Two hex digits per byte." => |_, a| {
        let b = me(a)?;
        Ok(Value::str(&b.0.iter().map(|c| format!("{c:02x}")).collect::<String>()))
    };
    "__len__", "len(b)", "The number of bytes." => |_, a| Ok(Value::Int(me(a)?.0.len() as i64));
    "__getitem__", "b[i]", "A byte (an int), or a slice (bytes)." => |_, a| {
        let b = me(a)?;
        match a.req(1, "index")? {
            Value::Int(i) => index(b.0.len(), i).map(|j| Value::Int(b.0[j] as i64)).ok_or_else(|| err("IndexError", "index out of range")),
            Value::Slice(s) => Ok(Bytes::value(super::items::pick(&b.0, &s)?)),
            v => Err(type_err(format!("byte indices must be integers or slices, not {}", v.type_name()))),
        }
    };
    "__iter__", "iter(b)", "The bytes as ints." => |_, a| {
        let b = me(a)?;
        let items: Vec<Value> = b.0.iter().map(|&c| Value::Int(c as i64)).collect();
        Ok(Value::Iter(Rc::new(std::cell::RefCell::new(Iter::Seq { items: Rc::from(items), pos: 0 }))))
    };
    "__eq__", "b == other", "Equal bytes." => |_, a| {
        let b = me(a)?;
        let o = a.req(1, "other")?;
        Ok(Value::Bool(as_bytes(&o).is_some_and(|o| o.0 == b.0)))
    };
    "__ne__", "b != other", "Different bytes." => |_, a| {
        let b = me(a)?;
        let o = a.req(1, "other")?;
        Ok(Value::Bool(as_bytes(&o).is_none_or(|o| o.0 != b.0)))
    };
    "__lt__", "b < other", "Compares bytewise." => |_, a| {
        let b = me(a)?;
        let o = arg_bytes(&a.req(1, "other")?, "<")?;
        Ok(Value::Bool(b.0 < o))
    };
    "__add__", "b + other", "The bytes joined." => |_, a| {
        let b = me(a)?;
        let o = a.req(1, "other")?;
        let Some(o) = as_bytes(&o).map(|o| o.0.clone()) else {
            return Err(type_err(format!("can't concat {} to bytes", o.type_name())));
        };
        let mut v = b.0.clone();
        v.extend(o);
        Ok(Bytes::value(v))
    };
    "__mul__", "b * n", "The bytes repeated." => |_, a| {
        let b = me(a)?;
        let n = to_int(&a.req(1, "n")?, "n")?.max(0) as usize;
        super::ops::check_len(b.0.len().saturating_mul(n) as i64, 1)?;
        Ok(Bytes::value(b.0.repeat(n)))
    };
    "__contains__", "x in b", "A byte value, or a run of bytes, in b." => |_, a| {
        let b = me(a)?;
        match a.req(1, "x")? {
            Value::Int(i) => Ok(Value::Bool((0..=255).contains(&i) && b.0.contains(&(i as u8)))),
            o => {
                let o = arg_bytes(&o, "in")?;
                Ok(Value::Bool(o.is_empty() || b.0.windows(o.len()).any(|w| w == o.as_slice())))
            }
        }
    };
    "__hash__", "hash(b)", "The bytes' hash." => |_, a| {
        use std::hash::{Hash, Hasher};
        let b = me(a)?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        b.0.hash(&mut h);
        Ok(Value::Int((h.finish() >> 2) as i64))
    };
    "startswith", "bytes.startswith(prefix)", "Whether the bytes begin with prefix." => |_, a| {
        let b = me(a)?;
        let p = arg_bytes(&a.req(1, "prefix")?, "startswith")?;
        Ok(Value::Bool(b.0.starts_with(&p)))
    };
    "endswith", "bytes.endswith(suffix)", "Whether the bytes end with suffix." => |_, a| {
        let b = me(a)?;
        let p = arg_bytes(&a.req(1, "suffix")?, "endswith")?;
        Ok(Value::Bool(b.0.ends_with(&p)))
    };
    "find", "bytes.find(sub)", "Where sub first occurs, or -1." => |_, a| {
        let b = me(a)?;
        let s = arg_bytes(&a.req(1, "sub")?, "find")?;
        let i = if s.is_empty() { Some(0) } else { b.0.windows(s.len()).position(|w| w == s.as_slice()) };
        Ok(Value::Int(i.map_or(-1, |i| i as i64)))
    };
    "count", "bytes.count(sub)", "How many times sub occurs (not overlapping)." => |_, a| {
        let b = me(a)?;
        let s = arg_bytes(&a.req(1, "sub")?, "count")?;
        if s.is_empty() {
            return Ok(Value::Int(b.0.len() as i64 + 1));
        }
        let (mut i, mut n) = (0, 0);
        while i + s.len() <= b.0.len() {
            if b.0[i..i + s.len()] == s[..] { n += 1; i += s.len(); } else { i += 1; }
        }
        Ok(Value::Int(n))
    };
    "split", "bytes.split(sep=None)", "The pieces between separators (runs of whitespace without one)." => |_, a| {
        let b = me(a)?;
        let parts: Vec<Vec<u8>> = match a.get(1, "sep") {
            None | Some(Value::None) => b.0.split(|c| c.is_ascii_whitespace()).filter(|p| !p.is_empty()).map(<[u8]>::to_vec).collect(),
            Some(s) => {
                let s = arg_bytes(&s, "split")?;
                if s.is_empty() { return Err(value_err("empty separator")); }
                let mut out = Vec::new();
                let mut rest = &b.0[..];
                while let Some(i) = rest.windows(s.len()).position(|w| w == s.as_slice()) {
                    out.push(rest[..i].to_vec());
                    rest = &rest[i + s.len()..];
                }
                out.push(rest.to_vec());
                out
            }
        };
        Ok(Value::list(parts.into_iter().map(Bytes::value).collect()))
    };
    "join", "bytes.join(iterable)", "The items joined with these bytes between them." => |it, a| {
        let b = me(a)?;
        let items = it.collect(&a.req(1, "iterable")?)?;
        let mut out = Vec::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 { out.extend_from_slice(&b.0); }
            out.extend(arg_bytes(x, "join")?);
        }
        Ok(Bytes::value(out))
    };
    "splitlines", "bytes.splitlines(keepends=False)", "The lines (split at \\n, \\r\\n and \\r)." => |it, a| {
        let b = me(a)?;
        let keep = match a.get(1, "keepends") { Some(v) => it.truthy(&v)?, None => false };
        let s: &[u8] = &b.0;
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < s.len() {
            let end_len = match s[i] {
                b'\r' if s.get(i + 1) == Some(&b'\n') => 2,
                b'\n' | b'\r' => 1,
                _ => 0,
            };
            if end_len > 0 {
                let stop = if keep { i + end_len } else { i };
                out.push(Bytes::value(s[start..stop].to_vec()));
                i += end_len;
                start = i;
            } else {
                i += 1;
            }
        }
        if start < s.len() {
            out.push(Bytes::value(s[start..].to_vec()));
        }
        Ok(Value::list(out))
    };
    "strip", "bytes.strip()", "Without leading and trailing whitespace." => |_, a| {
        let b = me(a)?;
        let s: &[u8] = &b.0;
        let start = s.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(s.len());
        let end = s.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
        Ok(Bytes::value(s[start..end].to_vec()))
    };
    "replace", "bytes.replace(old, new)", "Every old replaced by new." => |_, a| {
        let b = me(a)?;
        let old = arg_bytes(&a.req(1, "old")?, "replace")?;
        let new = arg_bytes(&a.req(2, "new")?, "replace")?;
        if old.is_empty() { return Ok(Bytes::value(b.0.clone())); }
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.0.len() {
            if b.0[i..].starts_with(&old) { out.extend_from_slice(&new); i += old.len(); } else { out.push(b.0[i]); i += 1; }
        }
        Ok(Bytes::value(out))
    };
}

/// `bytes.fromhex(s)`.
pub static FROMHEX: Builtin = Builtin {
    name: "fromhex",
    sig: "bytes.fromhex(string)",
    doc: "The bytes two hex digits each stand for (whitespace between them is skipped).",
    f: |_, a| fromhex(&to_str(&a.req(0, "string")?, "string")?),
};

fn fromhex(s: &str) -> R<Value> {
    let digits: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.len().is_multiple_of(2) {
        return Err(value_err("non-hexadecimal number found in fromhex() arg"));
    }
    let mut out = Vec::with_capacity(digits.len() / 2);
    for pair in digits.chunks(2) {
        let h: String = pair.iter().collect();
        out.push(
            u8::from_str_radix(&h, 16)
                .map_err(|_| value_err("non-hexadecimal number found in fromhex() arg"))?,
        );
    }
    Ok(Bytes::value(out))
}

/// `bytearray`: mutable bytes (`append`, `extend`, item assignment, `+=` through extend),
/// for building a binary buffer piece by piece.
pub struct ByteArray(pub std::cell::RefCell<Vec<u8>>);

impl Native for ByteArray {
    fn type_name(&self) -> &'static str {
        "bytearray"
    }
    fn repr(&self) -> String {
        format!("bytearray({})", bytes_repr(&self.0.borrow()))
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        BYTEARRAY_METHODS.iter().find(|b| b.name == name)
    }
    fn dir(&self) -> Vec<&'static str> {
        BYTEARRAY_METHODS.iter().map(|b| b.name).collect()
    }
    fn type_object(&self) -> Option<Value> {
        super::builtins::BUILTINS
            .iter()
            .find(|b| b.name == "bytearray")
            .map(Value::Builtin)
    }
}

fn ba(a: &mut Args) -> R<Rc<ByteArray>> {
    let v = a.req(0, "self")?;
    v.native::<ByteArray>().ok_or_else(|| {
        type_err(format!(
            "descriptor needs a bytearray, not {}",
            v.type_name()
        ))
    })
}

/// The bytes of a bytes or bytearray value.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Some(b.0.clone());
    }
    v.native::<ByteArray>().map(|b| b.0.borrow().clone())
}

fn byte_of(v: &Value) -> R<u8> {
    let i = to_int(v, "an integer is required")?;
    u8::try_from(i).map_err(|_| value_err("byte must be in range(0, 256)"))
}

/// `bytearray(x)`: as `bytes(x)`, but mutable.
pub fn construct_bytearray(it: &mut Interp, a: &mut Args) -> R<Value> {
    let v = match a.get(0, "source") {
        Some(ba) if ba.native::<ByteArray>().is_some() => bytes_like(&ba).unwrap_or_default(),
        Some(src) => {
            let mut args = Args::new("bytearray", vec![src], vec![]);
            if let Some(e) = a.get(1, "encoding") {
                args = Args::new("bytearray", vec![args.req(0, "source")?, e], vec![]);
            }
            let b = construct(it, &mut args)?;
            as_bytes(&b).map(|b| b.0.clone()).unwrap_or_default()
        }
        None => Vec::new(),
    };
    Ok(Value::Native(Rc::new(ByteArray(std::cell::RefCell::new(
        v,
    )))))
}

table! { BYTEARRAY_METHODS:
    "append", "bytearray.append(x)", "Adds one byte (an int 0-255)." => |_, a| {
        let b = ba(a)?;
        let x = byte_of(&a.req(1, "item")?)?;
        b.0.borrow_mut().push(x);
        Ok(Value::None)
    };
    "extend", "bytearray.extend(iterable)", "Adds the bytes (or ints) of the iterable." => |it, a| {
        let b = ba(a)?;
        let src = a.req(1, "iterable")?;
        let more = match bytes_like(&src) {
            Some(v) => v,
            None => it.collect(&src)?.iter().map(byte_of).collect::<R<Vec<u8>>>()?,
        };
        b.0.borrow_mut().extend(more);
        Ok(Value::None)
    };
    "__iadd__", "b += other", "Extends in place." => |_, a| {
        let me = a.req(0, "self")?;
        let b = me.native::<ByteArray>().ok_or_else(|| type_err("needs a bytearray"))?;
        let o = a.req(1, "other")?;
        let o = bytes_like(&o).ok_or_else(|| type_err(format!("can't concat {} to bytearray", o.type_name())))?;
        b.0.borrow_mut().extend(o);
        Ok(me)
    };
    "__len__", "len(b)", "The number of bytes." => |_, a| Ok(Value::Int(ba(a)?.0.borrow().len() as i64));
    "__getitem__", "b[i]", "A byte (an int), or a slice (a bytearray)." => |_, a| {
        let b = ba(a)?;
        let v = b.0.borrow();
        match a.req(1, "index")? {
            Value::Int(i) => index(v.len(), i).map(|j| Value::Int(v[j] as i64)).ok_or_else(|| err("IndexError", "bytearray index out of range")),
            Value::Slice(s) => Ok(Value::Native(Rc::new(ByteArray(std::cell::RefCell::new(super::items::pick(&v, &s)?))))),
            x => Err(type_err(format!("bytearray indices must be integers or slices, not {}", x.type_name()))),
        }
    };
    "__setitem__", "b[i] = x", "Sets one byte." => |_, a| {
        let b = ba(a)?;
        let i = to_int(&a.req(1, "index")?, "index")?;
        let x = byte_of(&a.req(2, "value")?)?;
        let n = b.0.borrow().len();
        let j = index(n, i).ok_or_else(|| err("IndexError", "bytearray index out of range"))?;
        b.0.borrow_mut()[j] = x;
        Ok(Value::None)
    };
    "__iter__", "iter(b)", "The bytes as ints." => |_, a| {
        let b = ba(a)?;
        let items: Vec<Value> = b.0.borrow().iter().map(|&c| Value::Int(c as i64)).collect();
        Ok(Value::Iter(Rc::new(std::cell::RefCell::new(Iter::Seq { items: Rc::from(items), pos: 0 }))))
    };
    "__eq__", "b == other", "Equal bytes." => |_, a| {
        let b = ba(a)?;
        let o = a.req(1, "other")?;
        Ok(Value::Bool(bytes_like(&o).is_some_and(|o| o == *b.0.borrow())))
    };
    "__contains__", "x in b", "A byte value in b." => |_, a| {
        let b = ba(a)?;
        let x = a.req(1, "x")?;
        Ok(Value::Bool(match x {
            Value::Int(i) => (0..=255).contains(&i) && b.0.borrow().contains(&(i as u8)),
            o => {
                let o = bytes_like(&o).ok_or_else(|| type_err("a bytes-like object is required"))?;
                o.is_empty() || b.0.borrow().windows(o.len()).any(|w| w == o.as_slice())
            }
        }))
    };
    "decode", "bytearray.decode(encoding='utf-8', errors='strict')", "The text these bytes encode." => |_, a| {
        let b = ba(a)?;
        let enc = a.get(1, "encoding").map(|e| to_str(&e, "encoding")).transpose()?;
        let errors = a.get(2, "errors").map(|e| to_str(&e, "errors")).transpose()?;
        let v = b.0.borrow().clone();
        Ok(Value::str(&decode(&v, enc.as_deref().unwrap_or("utf-8"), errors.as_deref().unwrap_or("strict"))?))
    };
    "hex", "bytearray.hex()", "Two hex digits per byte." => |_, a| {
        let b = ba(a)?;
        let s: String = b.0.borrow().iter().map(|c| format!("{c:02x}")).collect();
        Ok(Value::str(&s))
    };
    "clear", "bytearray.clear()", "Removes every byte." => |_, a| {
        ba(a)?.0.borrow_mut().clear();
        Ok(Value::None)
    };
    "pop", "bytearray.pop(index=-1)", "Removes and returns a byte." => |_, a| {
        let b = ba(a)?;
        let i = a.get(1, "index").map(|i| to_int(&i, "index")).transpose()?.unwrap_or(-1);
        let n = b.0.borrow().len();
        let j = index(n, i).ok_or_else(|| err("IndexError", "pop from empty bytearray"))?;
        let x = b.0.borrow_mut().remove(j);
        Ok(Value::Int(x as i64))
    };
}
