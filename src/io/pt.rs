//! PyTorch's `.pt` files as `torch.save` writes them since PyTorch 1.6: a zip archive whose
//! entries sit under one folder named after the file (`model/data.pkl`, `model/data/0`, …).
//! `data.pkl` is a pickle of the saved object whose tensors point at storages `data/<key>`,
//! each the raw little-endian bytes of a storage. nabla writes the same layout (stored, data
//! aligned to 64 bytes, `byteorder`, `version` and `.format_version` records), so PyTorch
//! loads what nabla saves, `weights_only=True` included.

use super::pickle::{self, Obj};
use crate::types::{Error, Result};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::rc::Rc;

fn bad(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::value("load", format!("{}: {what}", path.display()))
}

/// The bytes of every entry of a zip archive, in the archive's order.
pub fn read_zip(bytes: &[u8], path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(path, format!("not a valid zip archive: {e}")))?;
    let mut out = Vec::with_capacity(z.len());
    for i in 0..z.len() {
        let mut f = z.by_index(i).map_err(|e| bad(path, e))?;
        let name = f.name().map_err(|e| bad(path, e))?.into_owned();
        // Never trust the header's size for the allocation: read what is there.
        let mut data = Vec::with_capacity((f.size() as usize).min(1 << 30));
        f.read_to_end(&mut data)
            .map_err(|e| bad(path, format!("{name}: {e}")))?;
        out.push((name, data));
    }
    Ok(out)
}

/// Does this zip archive hold a `torch.save` pickle?
pub fn is_pt(entries: &[(String, Vec<u8>)]) -> bool {
    entries
        .iter()
        .any(|(n, _)| n == "data.pkl" || n.ends_with("/data.pkl"))
}

/// The object of a `.pt` archive.
pub fn from_entries(entries: &[(String, Vec<u8>)], path: &Path) -> Result<Obj> {
    let (pkl_name, pkl) = entries
        .iter()
        .find(|(n, _)| n == "data.pkl" || n.ends_with("/data.pkl"))
        .ok_or_else(|| {
            bad(
                path,
                "the archive has no data.pkl: not a file torch.save wrote",
            )
        })?;
    let prefix = &pkl_name[..pkl_name.len() - "data.pkl".len()];
    let get = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n.strip_prefix(prefix) == Some(name))
            .map(|(_, d)| d)
    };
    let big = match get("byteorder").map(|b| String::from_utf8_lossy(b).trim().to_string()) {
        Some(o) if o == "big" => true,
        Some(o) if o == "little" => false,
        Some(o) => return Err(bad(path, format!("unknown byte order {o:?}"))),
        None => false,
    };
    let mut storage = |key: &str,
                       dtype: crate::types::DType,
                       numel: usize|
     -> std::result::Result<Rc<[u8]>, String> {
        let data = get(&format!("data/{key}"))
            .ok_or_else(|| format!("the archive has no storage data/{key}"))?;
        let need = numel
            .checked_mul(dtype.size())
            .ok_or("a storage is too large")?;
        if data.len() < need {
            return Err(format!(
                "storage data/{key} holds {} bytes, {numel} × {dtype} need {need}",
                data.len()
            ));
        }
        let data = &data[..need];
        if big && dtype.size() > 1 {
            let mut swapped = data.to_vec();
            for c in swapped.chunks_exact_mut(dtype.size()) {
                c.reverse();
            }
            return Ok(Rc::from(swapped));
        }
        Ok(Rc::from(data))
    };
    pickle::load(pkl, &mut storage).map_err(|e| bad(path, e))
}

/// `obj` as the bytes of a `.pt` archive whose folder is `name` (PyTorch uses the file stem).
pub fn to_bytes(obj: &Obj, name: &str) -> Result<Vec<u8>> {
    let (pkl, storages) = pickle::dump(obj)?;
    let err = |e: zip::result::ZipError| {
        Error::value("save", format!("could not write the archive: {e}"))
    };
    let io = |e: std::io::Error| Error::value("save", format!("could not write the archive: {e}"));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .with_alignment(64)
        .large_file(storages.iter().map(|s| s.len()).sum::<usize>() >= u32::MAX as usize);
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let entry = |z: &mut zip::ZipWriter<Cursor<Vec<u8>>>, file: &str, data: &[u8]| -> Result<()> {
        z.start_file(format!("{name}/{file}"), opts).map_err(err)?;
        z.write_all(data).map_err(io)
    };
    entry(&mut z, "data.pkl", &pkl)?;
    entry(&mut z, ".format_version", b"1")?;
    entry(&mut z, ".storage_alignment", b"64")?;
    entry(&mut z, "byteorder", b"little")?;
    for (i, s) in storages.iter().enumerate() {
        entry(&mut z, &format!("data/{i}"), s)?;
    }
    entry(&mut z, "version", b"3\n")?;
    Ok(z.finish().map_err(err)?.into_inner())
}

/// The folder name PyTorch gives an archive: the file's stem, `archive` when there is none.
pub fn archive_name(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
        })
        .unwrap_or("archive")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tensor::Tensor;

    #[test]
    fn archive_round_trips() {
        let t = Tensor::from_slice(&[1i64, 2, 3], &[3]).unwrap();
        let o = Obj::Dict(vec![(Obj::Str("w".into()), Obj::Tensor(t))]);
        let b = to_bytes(&o, "model").unwrap();
        let entries = read_zip(&b, Path::new("m.pt")).unwrap();
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "model/data.pkl",
                "model/.format_version",
                "model/.storage_alignment",
                "model/byteorder",
                "model/data/0",
                "model/version"
            ]
        );
        let Obj::Dict(d) = from_entries(&entries, Path::new("m.pt")).unwrap() else {
            panic!()
        };
        let Obj::Tensor(t) = &d[0].1 else { panic!() };
        assert_eq!(t.to_vec::<i64>().unwrap(), vec![1, 2, 3]);
        // Storage data starts on a 64-byte boundary, as PyTorch's reader expects for mmap.
        let at = b
            .windows(24)
            .position(|w| {
                w == [
                    1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0,
                ]
            })
            .unwrap();
        assert_eq!(at % 64, 0);
    }
}
