//! Files a learner reads and writes: NumPy's `.npy`/`.npz`, PyTorch's `.pt` (zip + pickle),
//! safetensors and CSV. Plain Rust over [`Tensor`](crate::Tensor); the language binds them in
//! `src/eval/`.
//!
//! `torch.save` writes PyTorch's own `.pt` format, so a file nabla saves opens in PyTorch,
//! except for paths ending in `.safetensors`, which get safetensors (flat dicts of tensors
//! only). `torch.load` looks at the bytes, not the name: a `.pt` archive, safetensors, `.npy`
//! or `.npz`.

pub mod csv;
pub mod npy;
pub mod npz;
pub mod pickle;
pub mod pt;
pub mod raw;
pub mod safetensors_file;

pub use pickle::Obj;

use crate::types::{Error, Result};
use std::path::Path;

/// `torch.load(path)`: whatever the file holds, by its contents.
pub fn load(path: impl AsRef<Path>) -> Result<Obj> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::file("load", path, &e))?;
    let dict = |items: Vec<(String, crate::Tensor)>| {
        Obj::Dict(
            items
                .into_iter()
                .map(|(k, t)| (Obj::Str(k), Obj::Tensor(t)))
                .collect(),
        )
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let entries = pt::read_zip(&bytes, path)?;
        if pt::is_pt(&entries) {
            return pt::from_entries(&entries, path);
        }
        if !entries.is_empty() && entries.iter().all(|(n, _)| n.ends_with(".npy")) {
            return Ok(dict(npz::from_entries(&entries, path)?));
        }
        return Err(Error::value(
            "load",
            format!(
                "{}: a zip archive without data.pkl: not a file torch.save wrote",
                path.display()
            ),
        ));
    }
    if bytes.starts_with(b"\x93NUMPY") {
        return Ok(Obj::Tensor(npy::from_bytes(&bytes, path)?));
    }
    if safetensors_file::looks_like(&bytes) {
        return Ok(dict(safetensors_file::from_bytes(&bytes, path)?));
    }
    if bytes.first() == Some(&0x80) {
        return Err(Error::value_hint(
            "load",
            format!(
                "{}: saved in PyTorch's legacy (pre-1.6) format, which nabla does not read",
                path.display()
            ),
            "in PyTorch, load it and save it again: torch.save(torch.load(path), path)",
        ));
    }
    Err(Error::value(
        "load",
        format!(
            "{}: not a file torch.save, safetensors or NumPy wrote",
            path.display()
        ),
    ))
}

/// `torch.save(obj, path)`: PyTorch's `.pt` format, or safetensors for a `.safetensors` path.
pub fn save(obj: &Obj, path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref();
    let bytes = if path.extension().is_some_and(|e| e == "safetensors") {
        let Obj::Dict(items) = obj else {
            return Err(safetensors_only());
        };
        let tensors = items
            .iter()
            .map(|(k, v)| match (k, v) {
                (Obj::Str(k), Obj::Tensor(t)) => Ok((k.clone(), t.clone())),
                _ => Err(safetensors_only()),
            })
            .collect::<Result<Vec<_>>>()?;
        safetensors_file::to_bytes(&tensors)?
    } else {
        pt::to_bytes(obj, &pt::archive_name(path))?
    };
    std::fs::write(path, bytes).map_err(|e| Error::file("save", path, &e))
}

fn safetensors_only() -> Error {
    Error::value_hint(
        "save",
        "a .safetensors file holds only a dict of named tensors",
        "save a state dict (torch.save(model.state_dict(), path)), or use a .pt path for anything else",
    )
}
