//! `struct` (pack, unpack, calcsize, iter_unpack with Python's format codes), and the
//! primitives under `gzip` (flate2) and `zipfile` (the zip crate), over bytes.

use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::bytes::{as_bytes, Bytes};
use crate::eval::lang::exc::{err, type_err, Ctrl, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use std::io::{Read, Write};

/// `struct.error`, as Python names it, raised as an exception of that name.
fn struct_error(msg: impl Into<String>) -> Ctrl {
    err("StructError", msg)
}

/// A parsed format: little-endian?, native alignment?, and its items as (count, code).
type Format = (bool, bool, Vec<(usize, char)>);

fn parse_format(f: &str) -> R<Format> {
    let mut chars = f.chars().peekable();
    let (little, native) = match chars.peek() {
        Some('<') => (true, false),
        Some('>') | Some('!') => (false, false),
        Some('=') => (cfg!(target_endian = "little"), false),
        Some('@') => (cfg!(target_endian = "little"), true),
        _ => (cfg!(target_endian = "little"), true),
    };
    if matches!(chars.peek(), Some('<' | '>' | '!' | '=' | '@')) {
        chars.next();
    }
    let mut items = Vec::new();
    let mut count = String::new();
    for c in chars {
        if c.is_ascii_digit() {
            count.push(c);
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if !"xcbB?hHiIlLqQnNefdsp".contains(c) {
            return Err(struct_error("bad char in struct format"));
        }
        let n = if count.is_empty() {
            1
        } else {
            count.parse().unwrap_or(1)
        };
        count.clear();
        items.push((n, c));
    }
    Ok((little, native, items))
}

fn size_of(code: char, native: bool) -> usize {
    match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' => std::mem::size_of::<usize>(),
        _ => 0,
    }
}

/// The byte offset of each item (native mode aligns as C does) and the total size.
fn layout(native: bool, items: &[(usize, char)]) -> (Vec<usize>, usize) {
    let mut offsets = Vec::new();
    let mut at = 0usize;
    for &(n, c) in items {
        let size = size_of(c, native);
        if native && size > 1 && !matches!(c, 's' | 'p') {
            at = at.div_ceil(size) * size;
        }
        offsets.push(at);
        at += if matches!(c, 's' | 'p') { n } else { n * size };
    }
    (offsets, at)
}

fn calcsize(f: &str) -> R<usize> {
    let (_, native, items) = parse_format(f)?;
    Ok(layout(native, &items).1)
}

fn int_bytes(v: i64, size: usize, little: bool, signed: bool, code: char) -> R<Vec<u8>> {
    let bits = size * 8;
    let (lo, hi): (i128, i128) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    if (v as i128) < lo || (v as i128) > hi {
        // CPython's names for the one- and two-byte codes, the code itself for the rest.
        let what = match code {
            'b' => "byte".to_string(),
            'B' => "ubyte".to_string(),
            'h' => "short".to_string(),
            'H' => "ushort".to_string(),
            c => format!("'{c}'"),
        };
        return Err(struct_error(format!(
            "{what} format requires {lo} <= number <= {hi}"
        )));
    }
    let b = (v as u64).to_le_bytes();
    let mut out = b[..size].to_vec();
    if !little {
        out.reverse();
    }
    Ok(out)
}

fn pack(fmt: &str, args: &[Value]) -> R<Vec<u8>> {
    let (little, native, items) = parse_format(fmt)?;
    let (offsets, total) = layout(native, &items);
    let mut out = vec![0u8; total];
    let mut vals = args.iter();
    let expected: usize = items
        .iter()
        .map(|(n, c)| match c {
            'x' => 0,
            's' | 'p' => 1,
            _ => *n,
        })
        .sum();
    if args.len() != expected {
        return Err(struct_error(format!(
            "pack expected {expected} items for packing (got {})",
            args.len()
        )));
    }
    for (&(n, c), &off) in items.iter().zip(&offsets) {
        let size = size_of(c, native);
        match c {
            'x' => {}
            's' | 'p' => {
                let v = vals.next().cloned().unwrap_or(Value::None);
                let b = as_bytes(&v)
                    .ok_or_else(|| struct_error("argument for 's' must be a bytes object"))?;
                let k = b.0.len().min(n);
                out[off..off + k].copy_from_slice(&b.0[..k]);
            }
            _ => {
                for j in 0..n {
                    let v = vals.next().cloned().unwrap_or(Value::None);
                    let at = off + j * size;
                    let bytes = match c {
                        'f' | 'd' | 'e' => {
                            let x = to_float(&v, "required argument is not a float")?;
                            let mut b = match c {
                                'f' => (x as f32).to_le_bytes().to_vec(),
                                'e' => half::f16::from_f64(x).to_le_bytes().to_vec(),
                                _ => x.to_le_bytes().to_vec(),
                            };
                            if !little {
                                b.reverse();
                            }
                            b
                        }
                        '?' => vec![u8::from(
                            matches!(v, Value::Bool(true))
                                || v.as_number().is_some_and(|x| x != 0.0),
                        )],
                        'c' => {
                            let b = as_bytes(&v).filter(|b| b.0.len() == 1).ok_or_else(|| {
                                struct_error("char format requires a bytes object of length 1")
                            })?;
                            vec![b.0[0]]
                        }
                        _ => {
                            let i = match &v {
                                Value::Int(i) => *i,
                                Value::Bool(b) => *b as i64,
                                _ => {
                                    return Err(struct_error("required argument is not an integer"))
                                }
                            };
                            int_bytes(i, size, little, c.is_ascii_lowercase(), c)?
                        }
                    };
                    out[at..at + bytes.len()].copy_from_slice(&bytes);
                }
            }
        }
    }
    Ok(out)
}

fn unpack(fmt: &str, data: &[u8]) -> R<Vec<Value>> {
    let (little, native, items) = parse_format(fmt)?;
    let (offsets, total) = layout(native, &items);
    if data.len() != total {
        return Err(struct_error(format!(
            "unpack requires a buffer of {total} bytes"
        )));
    }
    let mut out = Vec::new();
    for (&(n, c), &off) in items.iter().zip(&offsets) {
        let size = size_of(c, native);
        match c {
            'x' => {}
            's' | 'p' => out.push(Bytes::value(data[off..off + n].to_vec())),
            _ => {
                for j in 0..n {
                    let mut b = data[off + j * size..off + (j + 1) * size].to_vec();
                    if !little {
                        b.reverse();
                    }
                    out.push(match c {
                        'f' => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
                        'd' => {
                            let mut a = [0u8; 8];
                            a.copy_from_slice(&b);
                            Value::Float(f64::from_le_bytes(a))
                        }
                        'e' => Value::Float(half::f16::from_le_bytes([b[0], b[1]]).to_f64()),
                        '?' => Value::Bool(b[0] != 0),
                        'c' => Bytes::value(vec![b[0]]),
                        _ => {
                            let mut a = [0u8; 8];
                            a[..size].copy_from_slice(&b);
                            let u = u64::from_le_bytes(a);
                            if c.is_ascii_lowercase() && size < 8 && u >> (size * 8 - 1) & 1 == 1 {
                                Value::Int((u | (!0u64 << (size * 8))) as i64)
                            } else if !c.is_ascii_lowercase() && size == 8 && u > i64::MAX as u64 {
                                return Err(err(
                                    "OverflowError",
                                    "unsigned 64-bit value does not fit nabla's 64-bit int",
                                ));
                            } else {
                                Value::Int(u as i64)
                            }
                        }
                    });
                }
            }
        }
    }
    Ok(out)
}

fn fmt_arg(a: &mut Args) -> R<std::rc::Rc<str>> {
    let v = a.req(0, "format")?;
    if let Some(b) = as_bytes(&v) {
        return Ok(std::rc::Rc::from(String::from_utf8_lossy(&b.0).as_ref()));
    }
    to_str(&v, "format")
}

fn data_arg(v: &Value) -> R<Vec<u8>> {
    as_bytes(v).map(|b| b.0.clone()).ok_or_else(|| {
        type_err(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))
    })
}

table! { STRUCT:
    "pack", "pack(format, *values)", "The values packed into bytes as the format says." => |_, a| {
        let f = fmt_arg(a)?;
        let vals = a.rest(1);
        Ok(Bytes::value(pack(&f, &vals)?))
    };
    "unpack", "unpack(format, buffer)", "The values the bytes hold, as a tuple." => |_, a| {
        let f = fmt_arg(a)?;
        let d = data_arg(&a.req(1, "buffer")?)?;
        Ok(Value::tuple(unpack(&f, &d)?))
    };
    "unpack_from", "unpack_from(format, buffer, offset=0)", "The values at offset in the buffer." => |_, a| {
        let f = fmt_arg(a)?;
        let d = data_arg(&a.req(1, "buffer")?)?;
        let off = a.get(2, "offset").map(|o| to_int(&o, "offset")).transpose()?.unwrap_or(0).max(0) as usize;
        let n = calcsize(&f)?;
        if off + n > d.len() {
            return Err(struct_error(format!("unpack_from requires a buffer of at least {} bytes for unpacking {n} bytes at offset {off} (actual buffer size is {})", off + n, d.len())));
        }
        Ok(Value::tuple(unpack(&f, &d[off..off + n])?))
    };
    "iter_unpack", "iter_unpack(format, buffer)", "Each record's values, one tuple per record." => |_, a| {
        let f = fmt_arg(a)?;
        let d = data_arg(&a.req(1, "buffer")?)?;
        let n = calcsize(&f)?;
        if n == 0 || d.len() % n != 0 {
            return Err(struct_error(format!("iterative unpacking requires a buffer of a multiple of {n} bytes")));
        }
        let items = d.chunks(n).map(|c| unpack(&f, c).map(Value::tuple)).collect::<R<Vec<_>>>()?;
        Ok(Value::Iter(std::rc::Rc::new(std::cell::RefCell::new(Iter::Seq { items: std::rc::Rc::from(items), pos: 0 }))))
    };
    "calcsize", "calcsize(format)", "How many bytes the format packs into." => |_, a| {
        let f = fmt_arg(a)?;
        Ok(Value::Int(calcsize(&f)? as i64))
    };
}

fn gz_compress(data: &[u8], level: u32) -> R<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level.min(9)));
    e.write_all(data)
        .map_err(|e| err("OSError", e.to_string()))?;
    e.finish().map_err(|e| err("OSError", e.to_string()))
}

fn gz_decompress(data: &[u8]) -> R<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(data)
        .read_to_end(&mut out)
        .map_err(|e| err("BadGzipFile", format!("Not a gzipped file ({e})")))?;
    Ok(out)
}

table! { GZIP:
    "compress", "compress(data, compresslevel=9)", "The data gzip-compressed." => |_, a| {
        let d = data_arg(&a.req(0, "data")?)?;
        let level = a.get(1, "compresslevel").map(|l| to_int(&l, "compresslevel")).transpose()?.unwrap_or(9);
        Ok(Bytes::value(gz_compress(&d, level.clamp(0, 9) as u32)?))
    };
    "decompress", "decompress(data)", "The data of a gzip stream." => |_, a| {
        let d = data_arg(&a.req(0, "data")?)?;
        Ok(Bytes::value(gz_decompress(&d)?))
    };
    "_read", "_read(path)", "A gzip file's uncompressed bytes (gzip.open's reading side)." => |it, a| {
        let p = a.req(0, "path")?;
        let p = it.fspath(&p, "path")?;
        let raw = std::fs::read(&*p).map_err(|e| super::os::os_error(it, &e, &p, None))?;
        Ok(Bytes::value(gz_decompress(&raw)?))
    };
    "_write", "_write(path, data, compresslevel=9)", "Writes data gzip-compressed (gzip.open's writing side)." => |it, a| {
        let p = a.req(0, "path")?;
        let p = it.fspath(&p, "path")?;
        let d = data_arg(&a.req(1, "data")?)?;
        let level = a.get(2, "compresslevel").map(|l| to_int(&l, "compresslevel")).transpose()?.unwrap_or(9);
        let z = gz_compress(&d, level.clamp(0, 9) as u32)?;
        std::fs::write(&*p, z).map_err(|e| super::os::os_error(it, &e, &p, None))?;
        Ok(Value::None)
    };
}

/// A module's own exception class (`struct.error`), registered under `key` so the
/// module's functions can raise it by that name.
fn module_exception(
    it: &mut Interp,
    key: &'static str,
    name: &str,
    module: &str,
    base: &str,
) -> Value {
    let base = it.exc_class(base);
    let class = std::rc::Rc::new(Class {
        name: std::rc::Rc::from(name),
        base: Some(base),
        ns: std::cell::RefCell::new(indexmap::IndexMap::from([(
            std::rc::Rc::from("__module__"),
            Value::str(module),
        )])),
        builtin: true,
        meta: None,
    });
    it.exc_classes.insert(key, class.clone());
    Value::Class(class)
}

pub fn struct_module(it: &mut Interp) -> Value {
    let mut e = table_entries(STRUCT);
    e.push((
        "error",
        module_exception(it, "StructError", "error", "struct", "Exception"),
    ));
    crate::eval::lang::value::module("struct", &e)
}

pub fn gzip_module(it: &mut Interp) -> Value {
    let mut e = table_entries(GZIP);
    e.push((
        "BadGzipFile",
        module_exception(it, "BadGzipFile", "BadGzipFile", "gzip", "OSError"),
    ));
    crate::eval::lang::value::module("_gzip", &e)
}

/// `_zip`: the archive primitives under zipfile.py (the zip crate).
fn zip_err(e: impl std::fmt::Display) -> Ctrl {
    err("BadZipFile", format!("{e}"))
}

fn zip_open(it: &mut Interp, a: &mut Args) -> R<zip::ZipArchive<std::io::Cursor<Vec<u8>>>> {
    let p = a.req(0, "path")?;
    let p = it.fspath(&p, "path")?;
    let data = std::fs::read(&*p).map_err(|e| super::os::os_error(it, &e, &p, None))?;
    zip::ZipArchive::new(std::io::Cursor::new(data))
        .map_err(|_| err("BadZipFile", "File is not a zip file"))
}

table! { ZIP:
    "entries", "entries(path)", "[(name, file_size, compress_size, is_dir, deflated)] of a zip archive." => |it, a| {
        let mut z = zip_open(it, a)?;
        let mut out = Vec::new();
        for i in 0..z.len() {
            let f = z.by_index(i).map_err(zip_err)?;
            out.push(Value::tuple(vec![
                Value::str(&f.name().map_err(zip_err)?),
                Value::Int(f.size() as i64),
                Value::Int(f.compressed_size() as i64),
                Value::Bool(f.is_dir()),
                Value::Bool(f.compression() != zip::CompressionMethod::Stored),
            ]));
        }
        Ok(Value::list(out))
    };
    "read", "read(path, name)", "One member's bytes." => |it, a| {
        let mut z = zip_open(it, a)?;
        let name = to_str(&a.req(1, "name")?, "name")?;
        let mut f = z.by_name(&name).map_err(|_| err("KeyError", format!("\"There is no item named '{name}' in the archive\"")))?;
        let mut out = Vec::new();
        f.read_to_end(&mut out).map_err(zip_err)?;
        Ok(Bytes::value(out))
    };
    "write", "write(path, members)", "Writes an archive of [(name, bytes, deflated)] members." => |it, a| {
        let p = a.req(0, "path")?;
        let p = it.fspath(&p, "path")?;
        let members = it.collect(&a.req(1, "members")?)?;
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for m in members {
            let parts = it.collect(&m)?;
            let [name, data, deflated] = parts.as_slice() else { return Err(type_err("a member is (name, bytes, deflated)")) };
            let name = to_str(name, "name")?;
            let method = if it.truthy(deflated)? { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
            let opts = zip::write::SimpleFileOptions::default().compression_method(method);
            if name.ends_with('/') {
                z.add_directory(name.to_string(), opts).map_err(zip_err)?;
                continue;
            }
            let d = data_arg(data)?;
            z.start_file(name.to_string(), opts).map_err(zip_err)?;
            z.write_all(&d).map_err(zip_err)?;
        }
        let bytes = z.finish().map_err(zip_err)?.into_inner();
        std::fs::write(&*p, bytes).map_err(|e| super::os::os_error(it, &e, &p, None))?;
        Ok(Value::None)
    };
}

pub fn zip_module(it: &mut Interp) -> Value {
    let mut e = table_entries(ZIP);
    e.push((
        "BadZipFile",
        module_exception(it, "BadZipFile", "BadZipFile", "zipfile", "Exception"),
    ));
    crate::eval::lang::value::module("_zip", &e)
}

/// `_tar`: the archive primitives under tarfile.py (the tar crate; gzip through flate2).
fn tar_bytes(it: &mut Interp, a: &mut Args) -> R<Vec<u8>> {
    let p = a.req(0, "path")?;
    let p = it.fspath(&p, "path")?;
    let raw = std::fs::read(&*p).map_err(|e| super::os::os_error(it, &e, &p, None))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        return gz_decompress(&raw)
            .map_err(|_| err("ReadError", "file could not be opened successfully"));
    }
    Ok(raw)
}

fn tar_err(e: impl std::fmt::Display) -> Ctrl {
    err("ReadError", format!("{e}"))
}

table! { TAR:
    "entries", "entries(path)", "[(name, size, is_dir)] of a tar archive (plain or gzipped)." => |it, a| {
        let data = tar_bytes(it, a)?;
        let mut ar = tar::Archive::new(std::io::Cursor::new(data));
        let mut out = Vec::new();
        for e in ar.entries().map_err(tar_err)? {
            let e = e.map_err(tar_err)?;
            let name = e.path().map_err(tar_err)?.to_string_lossy().into_owned();
            let dir = e.header().entry_type().is_dir();
            let name = if dir { name.trim_end_matches('/').to_string() } else { name };
            out.push(Value::tuple(vec![Value::str(&name), Value::Int(e.size() as i64), Value::Bool(dir)]));
        }
        if out.is_empty() && !tar_bytes(it, a).map(|d| d.iter().all(|&b| b == 0)).unwrap_or(false) {
            return Err(err("ReadError", "file could not be opened successfully"));
        }
        Ok(Value::list(out))
    };
    "read", "read(path, name)", "One member's bytes." => |it, a| {
        let data = tar_bytes(it, a)?;
        let name = to_str(&a.req(1, "name")?, "name")?;
        let mut ar = tar::Archive::new(std::io::Cursor::new(data));
        for e in ar.entries().map_err(tar_err)? {
            let mut e = e.map_err(tar_err)?;
            if e.path().map_err(tar_err)?.to_string_lossy() == *name {
                let mut out = Vec::new();
                e.read_to_end(&mut out).map_err(tar_err)?;
                return Ok(Bytes::value(out));
            }
        }
        Err(err("KeyError", format!("\"filename '{name}' not found\"")))
    };
    "write", "write(path, members, gz)", "Writes a tar archive of [(name, bytes or None for a folder)] members, gzipped when gz." => |it, a| {
        let p = a.req(0, "path")?;
        let p = it.fspath(&p, "path")?;
        let members = it.collect(&a.req(1, "members")?)?;
        let gz = a.req(2, "gz")?;
        let gz = it.truthy(&gz)?;
        let mut b = tar::Builder::new(Vec::new());
        for m in members {
            let parts = it.collect(&m)?;
            let [name, data] = parts.as_slice() else { return Err(type_err("a member is (name, bytes or None)")) };
            let name = to_str(name, "name")?;
            let mut h = tar::Header::new_gnu();
            h.set_mode(if matches!(data, Value::None) { 0o755 } else { 0o644 });
            h.set_mtime(0);
            match data {
                Value::None => {
                    h.set_entry_type(tar::EntryType::Directory);
                    h.set_size(0);
                    h.set_cksum();
                    b.append_data(&mut h, format!("{name}/"), std::io::empty()).map_err(tar_err)?;
                }
                d => {
                    let d = data_arg(d)?;
                    h.set_size(d.len() as u64);
                    h.set_cksum();
                    b.append_data(&mut h, &*name, d.as_slice()).map_err(tar_err)?;
                }
            }
        }
        let bytes = b.into_inner().map_err(tar_err)?;
        let bytes = if gz { gz_compress(&bytes, 9)? } else { bytes };
        std::fs::write(&*p, bytes).map_err(|e| super::os::os_error(it, &e, &p, None))?;
        Ok(Value::None)
    };
}

pub fn tar_module(it: &mut Interp) -> Value {
    let mut e = table_entries(TAR);
    e.push((
        "ReadError",
        module_exception(it, "ReadError", "ReadError", "tarfile", "Exception"),
    ));
    crate::eval::lang::value::module("_tar", &e)
}
