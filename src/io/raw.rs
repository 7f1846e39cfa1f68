//! Tensors as raw element bytes and back: the one conversion every file format here shares
//! (`.npy`, safetensors, PyTorch's `.pt` storages all hold C-order element arrays).

use crate::tensor::Tensor;
use crate::types::{DType, Device, Element, Result};
use half::{bf16, f16};

/// An element's bytes, both ways.
trait RawElem: Element {
    const SIZE: usize;
    fn read(b: &[u8], big: bool) -> Self;
    fn write(self, out: &mut Vec<u8>);
}

macro_rules! raw_num {
    ($($t:ty),*) => {$(
        impl RawElem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn read(b: &[u8], big: bool) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                if big { <$t>::from_be_bytes(a) } else { <$t>::from_le_bytes(a) }
            }
            fn write(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
raw_num!(u8, i8, i16, i32, i64, f32, f64, f16, bf16);

impl RawElem for bool {
    const SIZE: usize = 1;
    fn read(b: &[u8], _: bool) -> Self {
        b[0] != 0
    }
    fn write(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
}

fn decode<T: RawElem>(data: &[u8], shape: &[usize], big: bool) -> Result<Tensor> {
    let values: Vec<T> = data
        .chunks_exact(T::SIZE)
        .map(|b| T::read(b, big))
        .collect();
    Tensor::from_slice(&values, shape)
}

fn encode<T: RawElem>(t: &Tensor, out: &mut Vec<u8>) -> Result<()> {
    for v in t.to_vec::<T>()? {
        v.write(out);
    }
    Ok(())
}

/// A tensor of `dtype` and `shape` from C-order element bytes (`data` holds exactly
/// `numel * dtype.size()` bytes; `big` for big-endian elements).
pub fn tensor_from_bytes(dtype: DType, shape: &[usize], data: &[u8], big: bool) -> Result<Tensor> {
    match dtype {
        DType::Bool => decode::<bool>(data, shape, big),
        DType::U8 => decode::<u8>(data, shape, big),
        DType::I8 => decode::<i8>(data, shape, big),
        DType::I16 => decode::<i16>(data, shape, big),
        DType::I32 => decode::<i32>(data, shape, big),
        DType::I64 => decode::<i64>(data, shape, big),
        DType::F16 => decode::<f16>(data, shape, big),
        DType::BF16 => decode::<bf16>(data, shape, big),
        DType::F32 => decode::<f32>(data, shape, big),
        DType::F64 => decode::<f64>(data, shape, big),
    }
}

/// A tensor's elements as little-endian bytes in C order (detached, on the CPU).
pub fn tensor_to_bytes(t: &Tensor, out: &mut Vec<u8>) -> Result<()> {
    let t = t.detach().to_device(Device::Cpu)?;
    out.reserve(t.numel() * t.dtype().size());
    match t.dtype() {
        DType::Bool => encode::<bool>(&t, out),
        DType::U8 => encode::<u8>(&t, out),
        DType::I8 => encode::<i8>(&t, out),
        DType::I16 => encode::<i16>(&t, out),
        DType::I32 => encode::<i32>(&t, out),
        DType::I64 => encode::<i64>(&t, out),
        DType::F16 => encode::<f16>(&t, out),
        DType::BF16 => encode::<bf16>(&t, out),
        DType::F32 => encode::<f32>(&t, out),
        DType::F64 => encode::<f64>(&t, out),
    }
}

/// The bytes of the elements a strided view (`offset`, `size`, `stride`, in elements) picks
/// out of a storage's bytes, in C order; `None` when the view reaches past the storage.
pub fn gather_strided(
    storage: &[u8],
    elem: usize,
    offset: usize,
    size: &[usize],
    stride: &[usize],
) -> Option<Vec<u8>> {
    let numel: usize = size.iter().product();
    if numel == 0 {
        return Some(Vec::new());
    }
    let last = size
        .iter()
        .zip(stride)
        .try_fold(offset, |a, (&n, &s)| a.checked_add((n - 1).checked_mul(s)?))?;
    if (last + 1).checked_mul(elem)? > storage.len() {
        return None;
    }
    // Contiguous: one slice.
    let mut expect = 1;
    let contiguous = size.iter().zip(stride).rev().all(|(&n, &s)| {
        let ok = n == 1 || s == expect;
        expect *= n;
        ok
    });
    if contiguous {
        return Some(storage[offset * elem..(offset + numel) * elem].to_vec());
    }
    let mut out = Vec::with_capacity(numel * elem);
    let mut index = vec![0usize; size.len()];
    for _ in 0..numel {
        let at = offset + index.iter().zip(stride).map(|(i, s)| i * s).sum::<usize>();
        out.extend_from_slice(&storage[at * elem..(at + 1) * elem]);
        for d in (0..size.len()).rev() {
            index[d] += 1;
            if index[d] < size[d] {
                break;
            }
            index[d] = 0;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_dtype() {
        let t = Tensor::from_slice(&[1.5f64, -2.0, 0.0, 3.25], &[2, 2]).unwrap();
        for dtype in &DType::ALL {
            let t = t.to_dtype(*dtype).unwrap();
            let mut b = Vec::new();
            tensor_to_bytes(&t, &mut b).unwrap();
            assert_eq!(b.len(), 4 * dtype.size());
            let back = tensor_from_bytes(*dtype, &[2, 2], &b, false).unwrap();
            assert_eq!(
                back.to_vec::<f64>().unwrap(),
                t.to_vec::<f64>().unwrap(),
                "{dtype}"
            );
        }
    }

    #[test]
    fn gathers_strided_views() {
        let storage: Vec<u8> = (0..12).collect();
        // A 2×3 view with strides (1, 2) starting at 1: a transposed slice.
        assert_eq!(
            gather_strided(&storage, 1, 1, &[2, 3], &[1, 2]).unwrap(),
            vec![1, 3, 5, 2, 4, 6]
        );
        assert_eq!(
            gather_strided(&storage, 2, 2, &[2], &[1]).unwrap(),
            vec![4, 5, 6, 7]
        );
        assert!(gather_strided(&storage, 1, 10, &[3], &[1]).is_none());
        assert_eq!(
            gather_strided(&storage, 4, 0, &[0, 5], &[5, 1]).unwrap(),
            Vec::<u8>::new()
        );
    }
}
