//! Nested Python data (`[[1, 2], [3, 4]]`) into tensors and back (`tolist()`).

use super::Tensor;
use crate::backend::{CpuStorage, Storage};
use crate::types::{Category, DType, Error, Result, Scalar};
use crate::with_dtype;

/// A Python number or a (nested) list of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Nested {
    Scalar(Scalar),
    List(Vec<Nested>),
}

impl From<Scalar> for Nested {
    fn from(s: Scalar) -> Self {
        Nested::Scalar(s)
    }
}
impl<T: Into<Scalar>> From<Vec<T>> for Nested {
    fn from(v: Vec<T>) -> Self {
        Nested::List(v.into_iter().map(|x| Nested::Scalar(x.into())).collect())
    }
}
impl From<Vec<Nested>> for Nested {
    fn from(v: Vec<Nested>) -> Self {
        Nested::List(v)
    }
}

impl Nested {
    /// The shape, checking that every list at one depth has the same length.
    fn shape(&self) -> Result<Vec<usize>> {
        let mut shape = vec![];
        let mut node = self;
        while let Nested::List(items) = node {
            shape.push(items.len());
            match items.first() {
                Some(first) => node = first,
                None => break,
            }
        }
        self.check(&shape, 0)?;
        Ok(shape)
    }

    fn check(&self, shape: &[usize], depth: usize) -> Result<()> {
        match self {
            Nested::Scalar(_) if depth == shape.len() => Ok(()),
            Nested::Scalar(_) => Err(Error::NotASequence {
                dim: depth,
                expected: shape[depth],
            }),
            Nested::List(items) if depth == shape.len() => Err(Error::NotANumber {
                dim: depth,
                got: items.len(),
            }),
            Nested::List(items) if items.len() != shape[depth] => Err(Error::Ragged {
                dim: depth,
                expected: shape[depth],
                got: items.len(),
            }),
            Nested::List(items) => items.iter().try_for_each(|i| i.check(shape, depth + 1)),
        }
    }

    fn flatten_into(&self, out: &mut Vec<Scalar>) {
        match self {
            Nested::Scalar(s) => out.push(*s),
            Nested::List(items) => items.iter().for_each(|i| i.flatten_into(out)),
        }
    }
}

/// Writes scalars into fresh storage of `dtype`, converting as `torch.tensor` does.
pub(super) fn storage_from_scalars(values: &[Scalar], dtype: DType) -> Result<Storage> {
    let mut s = CpuStorage::for_output(dtype, values.len())?;
    with_dtype!(dtype, T => {
        use crate::types::Element;
        for (d, v) in s.as_mut_slice::<T>().iter_mut().zip(values) {
            *d = match *v {
                Scalar::Bool(b) => T::from_i64(b as i64),
                Scalar::Int(i) => T::from_i64(i),
                Scalar::Float(f) => T::from_f64(f),
            };
        }
    });
    Ok(Storage::Cpu(s))
}

impl Tensor {
    /// `torch.tensor(data, dtype=…)`: ints give int64, any float gives float32, bools bool.
    pub fn new(data: &Nested, dtype: Option<DType>) -> Result<Tensor> {
        let shape = data.shape()?;
        let mut values = Vec::new();
        data.flatten_into(&mut values);
        let dtype = dtype.unwrap_or_else(|| match values.iter().map(|v| v.category()).max() {
            Some(Category::Bool) => DType::Bool,
            Some(Category::Int) => DType::I64,
            _ => DType::F32,
        });
        Ok(Tensor::from_storage(
            storage_from_scalars(&values, dtype)?,
            &shape,
        ))
    }

    /// `tolist()`: a Python number for a 0-dim tensor, else nested lists.
    pub fn tolist(&self) -> Result<Nested> {
        let t = self.contiguous()?;
        let values = t.to_scalars()?;
        fn build(values: &[Scalar], shape: &[usize]) -> Nested {
            match shape.split_first() {
                None => Nested::Scalar(values[0]),
                Some((&n, rest)) => {
                    let step: usize = rest.iter().product();
                    Nested::List((0..n).map(|i| build(&values[i * step..], rest)).collect())
                }
            }
        }
        if t.numel() == 0 {
            return Ok(Nested::List(vec![]));
        }
        Ok(build(&values, t.shape()))
    }

    /// Every element in row-major order, as Python scalars.
    pub fn to_scalars(&self) -> Result<Vec<Scalar>> {
        let t = self.on_host()?.contiguous()?;
        let storage = t.read();
        (0..t.numel())
            .map(|i| storage.get(t.storage_offset() + i))
            .collect()
    }
}
