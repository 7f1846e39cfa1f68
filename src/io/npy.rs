//! NumPy's `.npy` format (format versions 1.0–3.0): a magic string, a version, a Python
//! dict literal naming the dtype (`descr`), memory order and shape, then the raw elements.
//! Every dtype NumPy and nabla share is read and written: bool, uint8, int8/16/32/64,
//! float16/32/64. Big-endian and Fortran-order files are read too; files are written
//! little-endian, C order, version 1.0 (3.0 only when the header needs it), with the
//! header padded so the data starts on a 64-byte boundary, as NumPy writes them.

use crate::tensor::Tensor;
use crate::types::{DType, Error, Result};
use std::path::Path;

const MAGIC: &[u8] = b"\x93NUMPY";

/// The error every malformed file gives: the path, what is wrong.
fn bad(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::Value {
        op: "load_npy",
        message: format!("{}: not a valid .npy file: {what}", path.display()),
        hint: None,
    }
}

/// NumPy's type string for a nabla dtype (`None` where NumPy has no such type).
pub fn descr(dtype: DType) -> Option<&'static str> {
    Some(match dtype {
        DType::Bool => "|b1",
        DType::U8 => "|u1",
        DType::I8 => "|i1",
        DType::I16 => "<i2",
        DType::I32 => "<i4",
        DType::I64 => "<i8",
        DType::F16 => "<f2",
        DType::F32 => "<f4",
        DType::F64 => "<f8",
        DType::BF16 => return None,
    })
}

/// The dtype and byte order of a type string (`'<f4'`, `'>i8'`, `'|u1'`, `'=f8'` …).
fn parse_descr(s: &str) -> std::result::Result<(DType, bool), String> {
    let (order, kind) = s.split_at(s.len().min(1));
    let big = match order {
        ">" => true,
        "<" | "|" | "=" => false,
        _ => return Err(format!("unsupported dtype '{s}'")),
    };
    let dtype = match kind {
        "b1" => DType::Bool,
        "u1" => DType::U8,
        "i1" => DType::I8,
        "i2" => DType::I16,
        "i4" => DType::I32,
        "i8" => DType::I64,
        "f2" => DType::F16,
        "f4" => DType::F32,
        "f8" => DType::F64,
        "u2" | "u4" | "u8" => {
            return Err(format!(
                "dtype '{s}' (unsigned {} bit) has no nabla dtype; convert it in NumPy first, \
                 e.g. a.astype(np.int64)",
                8 * kind[1..].parse::<u32>().unwrap_or(0)
            ))
        }
        _ => return Err(format!("dtype '{s}' has no nabla dtype")),
    };
    Ok((dtype, big))
}

/// The header's fields.
#[derive(Debug)]
struct Header {
    dtype: DType,
    big_endian: bool,
    fortran: bool,
    shape: Vec<usize>,
}

/// Parses the dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`.
fn parse_header(text: &str) -> std::result::Result<Header, String> {
    let body = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .ok_or("the header is not a dict")?;
    let value_of = |key: &str| -> std::result::Result<&str, String> {
        let at = body
            .find(&format!("'{key}'"))
            .or_else(|| body.find(&format!("\"{key}\"")))
            .ok_or(format!("the header has no '{key}'"))?;
        let rest = body[at + key.len() + 2..].trim_start();
        rest.strip_prefix(':')
            .map(str::trim_start)
            .ok_or(format!("the header's '{key}' has no value"))
    };
    let d = value_of("descr")?;
    let quote = d.chars().next().filter(|c| *c == '\'' || *c == '"');
    let descr = quote
        .and_then(|q| d[1..].split(q).next())
        .ok_or("structured dtypes are not supported (descr is not a type string)")?;
    let (dtype, big_endian) = parse_descr(descr)?;
    let f = value_of("fortran_order")?;
    let fortran = if f.starts_with("True") {
        true
    } else if f.starts_with("False") {
        false
    } else {
        return Err("fortran_order is neither True nor False".into());
    };
    let s = value_of("shape")?;
    let inner = s
        .strip_prefix('(')
        .and_then(|t| t.split(')').next())
        .ok_or("shape is not a tuple")?;
    let shape = inner
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_end_matches('L').parse::<usize>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| format!("shape ({inner}) is not a tuple of sizes"))?;
    Ok(Header {
        dtype,
        big_endian,
        fortran,
        shape,
    })
}

/// Reads a `.npy` file's bytes into a tensor (C order, this file's dtype).
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Tensor> {
    if bytes.len() < 10 || &bytes[..6] != MAGIC {
        return Err(bad(path, "it does not start with \\x93NUMPY"));
    }
    let major = bytes[6];
    let (len, start) = match major {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        ),
        _ => {
            return Err(bad(
                path,
                format!("format version {major} is not 1, 2 or 3"),
            ))
        }
    };
    let header = bytes
        .get(start..start + len)
        .ok_or_else(|| bad(path, "the header is cut short"))?;
    let text = std::str::from_utf8(header).map_err(|_| bad(path, "the header is not text"))?;
    let h = parse_header(text).map_err(|e| bad(path, e))?;
    let data = &bytes[start + len..];
    let numel = h.shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
    let size = h.dtype.size();
    let need = numel
        .and_then(|n| n.checked_mul(size))
        .ok_or_else(|| bad(path, "the shape is too large"))?;
    if data.len() < need {
        return Err(bad(
            path,
            format!(
                "shape {:?} of {} needs {need} bytes of data, the file holds {}",
                h.shape,
                h.dtype,
                data.len()
            ),
        ));
    }
    let data = &data[..need];
    // A Fortran-order array is the C-order array of the reversed shape, transposed.
    let stored: Vec<usize> = if h.fortran {
        h.shape.iter().rev().copied().collect()
    } else {
        h.shape.clone()
    };
    let t = super::raw::tensor_from_bytes(h.dtype, &stored, data, h.big_endian)?;
    if h.fortran && stored.len() > 1 {
        let order: Vec<i64> = (0..stored.len() as i64).rev().collect();
        return t.permute(&order)?.contiguous();
    }
    Ok(t)
}

/// A tensor as the bytes of a `.npy` file.
pub fn to_bytes(t: &Tensor) -> Result<Vec<u8>> {
    let d = descr(t.dtype()).ok_or_else(|| Error::Value {
        op: "save_npy",
        message: format!("NumPy has no {} dtype", t.dtype()),
        hint: Some("convert first, e.g. t.float() or t.half()".into()),
    })?;
    let shape = match t.shape() {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        s => format!(
            "({})",
            s.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let dict = format!("{{'descr': '{d}', 'fortran_order': False, 'shape': {shape}, }}");
    // Magic, version and length, then the dict padded with spaces and a newline so that the
    // data starts at a multiple of 64 bytes.
    let v1 = 10 + dict.len() < u16::MAX as usize;
    let pre = if v1 { 10 } else { 12 };
    let total = (pre + dict.len() + 1).next_multiple_of(64);
    let header_len = total - pre;
    let mut out = Vec::with_capacity(total + t.numel() * t.dtype().size());
    out.extend_from_slice(MAGIC);
    if v1 {
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(header_len as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&[3, 0]);
        out.extend_from_slice(&(header_len as u32).to_le_bytes());
    }
    out.extend_from_slice(dict.as_bytes());
    out.resize(total - 1, b' ');
    out.push(b'\n');
    super::raw::tensor_to_bytes(t, &mut out)?;
    Ok(out)
}

/// `nabla.load_npy(path)`: the array in a `.npy` file as a tensor of its dtype.
pub fn load(path: impl AsRef<Path>) -> Result<Tensor> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::file("load_npy", path, &e))?;
    from_bytes(&bytes, path)
}

/// `nabla.save_npy(path, tensor)`: writes the tensor as NumPy's `np.save` would.
pub fn save(path: impl AsRef<Path>, t: &Tensor) -> Result<()> {
    let path = path.as_ref();
    let bytes = to_bytes(t)?;
    std::fs::write(path, bytes).map_err(|e| Error::file("save_npy", path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_numpys() {
        let t = Tensor::from_slice(&[1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]).unwrap();
        let b = to_bytes(&t).unwrap();
        // np.save of np.arange(1, 7, dtype=np.float32).reshape(2, 3): these 128 bytes.
        let head =
            b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        assert_eq!(&b[..head.len()], head);
        assert_eq!(b.len(), 128 + 24);
        assert_eq!(b[127], b'\n');
        assert_eq!(&b[128..132], &1.0f32.to_le_bytes());
    }

    #[test]
    fn parses_header_variants() {
        let h = parse_header("{'descr': '>i8', 'fortran_order': True, 'shape': (4,), }").unwrap();
        assert_eq!(
            (h.dtype, h.big_endian, h.fortran, h.shape),
            (DType::I64, true, true, vec![4])
        );
        let h =
            parse_header("{\"shape\": (), \"fortran_order\": False, \"descr\": \"|b1\"}").unwrap();
        assert_eq!((h.dtype, h.shape.len()), (DType::Bool, 0));
        assert!(
            parse_header("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }")
                .unwrap_err()
                .contains("astype")
        );
        assert!(
            parse_header("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }")
                .unwrap_err()
                .contains("structured")
        );
    }

    #[test]
    fn bad_files_are_errors() {
        let p = Path::new("x.npy");
        for bytes in [
            &b"hello"[..],
            b"\x93NUMPY\x09\x00\x00\x00",
            b"\x93NUMPY\x01\x00\xff\x00{",
        ] {
            assert!(from_bytes(bytes, p).is_err());
        }
        let t = Tensor::from_slice(&[1i64, 2, 3], &[3]).unwrap();
        let b = to_bytes(&t).unwrap();
        let e = from_bytes(&b[..b.len() - 1], p).unwrap_err().to_string();
        assert!(e.contains("needs 24 bytes"), "{e}");
    }
}
