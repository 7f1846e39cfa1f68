//! Hugging Face's safetensors: an 8-byte little-endian header length, a JSON header naming
//! each tensor's dtype, shape and byte range, then the bytes. Only a flat dict of named
//! tensors fits; `torch.save(d, "x.safetensors")` writes one, `torch.load` reads one back as
//! a dict in the file's order.

use crate::tensor::Tensor;
use crate::types::{DType, Error, Result};
use safetensors::tensor::{Dtype, SafeTensors, View};
use std::borrow::Cow;
use std::path::Path;

fn to_st(d: DType) -> Dtype {
    match d {
        DType::Bool => Dtype::BOOL,
        DType::U8 => Dtype::U8,
        DType::I8 => Dtype::I8,
        DType::I16 => Dtype::I16,
        DType::I32 => Dtype::I32,
        DType::I64 => Dtype::I64,
        DType::F16 => Dtype::F16,
        DType::BF16 => Dtype::BF16,
        DType::F32 => Dtype::F32,
        DType::F64 => Dtype::F64,
    }
}

fn from_st(d: Dtype) -> Option<DType> {
    Some(match d {
        Dtype::BOOL => DType::Bool,
        Dtype::U8 => DType::U8,
        Dtype::I8 => DType::I8,
        Dtype::I16 => DType::I16,
        Dtype::I32 => DType::I32,
        Dtype::I64 => DType::I64,
        Dtype::F16 => DType::F16,
        Dtype::BF16 => DType::BF16,
        Dtype::F32 => DType::F32,
        Dtype::F64 => DType::F64,
        _ => return None,
    })
}

/// Could these bytes be a safetensors file? (Header length, then a JSON object.)
pub fn looks_like(bytes: &[u8]) -> bool {
    let Some(&head) = bytes.first_chunk::<8>() else {
        return false;
    };
    let n = u64::from_le_bytes(head);
    bytes.get(8) == Some(&b'{')
        && n.checked_add(8)
            .is_some_and(|end| end <= bytes.len() as u64)
}

struct Raw {
    dtype: Dtype,
    shape: Vec<usize>,
    data: Vec<u8>,
}

impl View for &Raw {
    fn dtype(&self) -> Dtype {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.shape
    }
    fn data(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.data)
    }
    fn data_len(&self) -> usize {
        self.data.len()
    }
}

/// Named tensors as the bytes of a safetensors file.
pub fn to_bytes(tensors: &[(String, Tensor)]) -> Result<Vec<u8>> {
    let mut raws = Vec::with_capacity(tensors.len());
    for (name, t) in tensors {
        let mut data = Vec::new();
        super::raw::tensor_to_bytes(t, &mut data)?;
        raws.push((
            name.clone(),
            Raw {
                dtype: to_st(t.dtype()),
                shape: t.shape().to_vec(),
                data,
            },
        ));
    }
    let mut meta = std::collections::HashMap::new();
    meta.insert("format".to_string(), "pt".to_string());
    safetensors::serialize(raws.iter().map(|(n, r)| (n.as_str(), r)), Some(meta))
        .map_err(|e| Error::value("save", format!("could not write safetensors: {e}")))
}

/// The named tensors of a safetensors file, in the order their bytes lie in the file.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Vec<(String, Tensor)>> {
    let bad = |e: String| {
        Error::value(
            "load",
            format!("{}: not a valid safetensors file: {e}", path.display()),
        )
    };
    let st = SafeTensors::deserialize(bytes).map_err(|e| bad(e.to_string()))?;
    let mut views = st.tensors();
    views.sort_by_key(|(_, v)| v.data().as_ptr() as usize);
    views
        .into_iter()
        .map(|(name, v)| {
            let dtype = from_st(v.dtype()).ok_or_else(|| {
                bad(format!(
                    "{name} has dtype {:?}, which nabla does not have",
                    v.dtype()
                ))
            })?;
            Ok((
                name,
                super::raw::tensor_from_bytes(dtype, v.shape(), v.data(), false)?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_file_order() {
        let a = Tensor::from_slice(&[1.5f32, 2.5], &[2]).unwrap();
        let b = Tensor::from_slice(&[true, false, true], &[3, 1]).unwrap();
        let bytes = to_bytes(&[("weight".into(), a), ("mask".into(), b)]).unwrap();
        assert!(looks_like(&bytes));
        let back = from_bytes(&bytes, Path::new("x.safetensors")).unwrap();
        let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
        // safetensors lays out wider dtypes first.
        assert_eq!(names, ["weight", "mask"]);
        assert_eq!(back[1].1.shape(), &[3, 1]);
        assert_eq!(back[0].1.to_vec::<f32>().unwrap(), vec![1.5, 2.5]);
        assert!(from_bytes(&bytes[..bytes.len() - 1], Path::new("x")).is_err());
    }
}
