//! NumPy's `.npz`: a zip archive of `.npy` files, one per named array (`np.savez` stores
//! them, `np.savez_compressed` deflates them; both are read). nabla writes them stored, as
//! `np.savez` does.

use crate::tensor::Tensor;
use crate::types::{Error, Result};
use std::io::{Cursor, Write};
use std::path::Path;

/// The named arrays of an `.npz` archive's entries, in the archive's order.
pub fn from_entries(entries: &[(String, Vec<u8>)], path: &Path) -> Result<Vec<(String, Tensor)>> {
    entries
        .iter()
        .filter(|(n, _)| !n.ends_with('/'))
        .map(|(name, data)| {
            let key = name.strip_suffix(".npy").ok_or_else(|| {
                Error::value(
                    "load_npz",
                    format!("{}: entry {name:?} is not a .npy array", path.display()),
                )
            })?;
            Ok((
                key.to_string(),
                super::npy::from_bytes(data, &path.join(name))?,
            ))
        })
        .collect()
}

/// `nabla.load_npz(path)`: every array of an `.npz` file by name.
pub fn load(path: impl AsRef<Path>) -> Result<Vec<(String, Tensor)>> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::file("load_npz", path, &e))?;
    from_entries(&super::pt::read_zip(&bytes, path)?, path)
}

/// Named tensors as the bytes of an `.npz` archive.
pub fn to_bytes(arrays: &[(String, Tensor)]) -> Result<Vec<u8>> {
    let err = |e: String| Error::value("save_npz", format!("could not write the archive: {e}"));
    let total: usize = arrays
        .iter()
        .map(|(_, t)| t.numel() * t.dtype().size())
        .sum();
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(total >= u32::MAX as usize);
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, t) in arrays {
        let data = super::npy::to_bytes(t)?;
        z.start_file(format!("{name}.npy"), opts)
            .map_err(|e| err(e.to_string()))?;
        z.write_all(&data).map_err(|e| err(e.to_string()))?;
    }
    Ok(z.finish().map_err(|e| err(e.to_string()))?.into_inner())
}

/// `nabla.save_npz(path, ...)`: writes the arrays as `np.savez` would.
pub fn save(path: impl AsRef<Path>, arrays: &[(String, Tensor)]) -> Result<()> {
    let path = path.as_ref();
    std::fs::write(path, to_bytes(arrays)?).map_err(|e| Error::file("save_npz", path, &e))
}
