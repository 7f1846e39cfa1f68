//! Creation: from slices and data, constant fills, ranges, identity, and the `*_like` forms.

use super::Tensor;
use crate::backend::{CpuStorage, Storage};
use crate::types::{checked_numel, DType, Device, Element, Error, Result, Scalar};

/// The element count of a requested shape, or an error when it cannot be addressed.
pub(super) fn numel_of(shape: &[usize]) -> Result<usize> {
    checked_numel(shape)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| Error::TooLarge {
            shape: shape.to_vec(),
        })
}

/// As [`numel_of`], for creators that compute their values in a staging vector of 8-byte
/// numbers first: an error, before anything is allocated, when those cannot fit in memory.
pub(super) fn staged_numel(shape: &[usize]) -> Result<usize> {
    let n = numel_of(shape)?;
    let bytes = n as u128 * 8;
    let available = crate::backend::cpu::total_memory();
    if bytes > available {
        return Err(Error::OutOfMemory {
            requested: bytes,
            available,
        });
    }
    Ok(n)
}

impl Tensor {
    /// A tensor of `shape` holding `data` in row-major order.
    pub fn from_slice<T: Element>(data: &[T], shape: &[usize]) -> Result<Tensor> {
        let n = numel_of(shape)?;
        if n != data.len() {
            return Err(Error::invalid(
                "from_slice",
                format!(
                    "{} values cannot fill a tensor of shape {shape:?} ({n} elements)",
                    data.len()
                ),
            ));
        }
        Ok(Tensor::from_storage(
            Storage::Cpu(CpuStorage::from_slice(data)?),
            shape,
        ))
    }

    /// `torch.zeros(shape, dtype=…)`.
    pub fn zeros(shape: &[usize], dtype: DType) -> Result<Tensor> {
        let n = numel_of(shape)?;
        Ok(Tensor::from_storage(
            Storage::zeros(Device::Cpu, dtype, n)?,
            shape,
        ))
    }

    /// `torch.empty`: nabla's empty tensors hold zeros (reading uninitialised memory would
    /// be undefined behaviour in Rust; zeroed fresh pages cost nothing extra).
    pub fn empty(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::zeros(shape, dtype)
    }

    /// `torch.ones`.
    pub fn ones(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::full(shape, Scalar::Int(1), Some(dtype))
    }

    /// `torch.full(shape, value)`: the dtype follows the value (bool, int64, float32)
    /// unless given.
    pub fn full(shape: &[usize], value: Scalar, dtype: Option<DType>) -> Result<Tensor> {
        let dtype = dtype.unwrap_or(value.default_dtype());
        let n = numel_of(shape)?;
        let mut storage = CpuStorage::for_output(dtype, n)?;
        let layout = crate::types::Layout::contiguous(&[n]);
        crate::backend::BackendStorage::fill(&mut storage, &layout, value)?;
        Ok(Tensor::from_storage(Storage::Cpu(storage), shape))
    }

    /// `torch.eye(n, m)`: ones on the main diagonal.
    pub fn eye(n: usize, m: Option<usize>, dtype: DType) -> Result<Tensor> {
        let m = m.unwrap_or(n);
        let t = Tensor::zeros(&[n, m], dtype)?;
        t.diagonal(0, 0, 1)?.fill_(Scalar::Int(1))?;
        Ok(t)
    }

    /// `torch.arange(start, end, step)`: `ceil((end - start) / step)` values; int64 unless
    /// an argument is a float (then float32), or `dtype` says.
    pub fn arange(
        start: Scalar,
        end: Scalar,
        step: Scalar,
        dtype: Option<DType>,
    ) -> Result<Tensor> {
        let any_float = [start, end, step]
            .iter()
            .any(|s| matches!(s, Scalar::Float(_)));
        let dtype = dtype.unwrap_or(if any_float { DType::F32 } else { DType::I64 });
        let (s, e, st) = (start.to_f64(), end.to_f64(), step.to_f64());
        if [s, e, st].iter().any(|v| !v.is_finite()) {
            return Err(Error::invalid(
                "arange",
                format!("unsupported range: {start} -> {end}"),
            ));
        }
        if st == 0.0 {
            return Err(Error::invalid("arange", "step must be nonzero"));
        }
        if (st > 0.0 && e < s) || (st < 0.0 && e > s) {
            return Err(Error::invalid(
                "arange",
                "upper bound and lower bound inconsistent with step sign",
            ));
        }
        let len = ((e - s) / st).ceil();
        if len > isize::MAX as f64 {
            return Err(Error::invalid(
                "arange",
                format!("invalid size, possible overflow? (end - start) / step = {len}"),
            ));
        }
        let len = staged_numel(&[len as usize])?;
        if !any_float && !dtype.is_float() {
            let (s, st) = (start.to_i64(), step.to_i64());
            let v: Vec<i64> = (0..len as i64)
                .map(|i| s.wrapping_add(st.wrapping_mul(i)))
                .collect();
            return Tensor::from_slice(&v, &[len])?.to_dtype(dtype);
        }
        let v: Vec<f64> = (0..len).map(|i| s + st * i as f64).collect();
        Tensor::from_slice(&v, &[len])?.to_dtype(dtype)
    }

    /// `torch.linspace(start, end, steps)`: float32 unless `dtype` says; computed as
    /// PyTorch does, from both ends towards the middle.
    pub fn linspace(start: f64, end: f64, steps: usize, dtype: Option<DType>) -> Result<Tensor> {
        let dtype = dtype.unwrap_or(DType::F32);
        staged_numel(&[steps])?;
        let v = spaced(
            start,
            end,
            steps,
            dtype == DType::F64 || dtype.category() != crate::types::Category::Float,
            |x| x,
        );
        Tensor::from_slice(&v, &[steps])?.to_dtype(dtype)
    }

    /// `torch.logspace(start, end, steps, base)`: `base ** linspace(start, end, steps)`.
    pub fn logspace(
        start: f64,
        end: f64,
        steps: usize,
        base: f64,
        dtype: Option<DType>,
    ) -> Result<Tensor> {
        let dtype = dtype.unwrap_or(DType::F32);
        staged_numel(&[steps])?;
        let wide = dtype == DType::F64 || !dtype.is_float();
        let v = spaced(start, end, steps, wide, |x| {
            if wide {
                base.powf(x)
            } else {
                (base as f32).powf(x as f32) as f64
            }
        });
        Tensor::from_slice(&v, &[steps])?.to_dtype(dtype)
    }

    /// `torch.zeros_like`.
    pub fn zeros_like(&self) -> Result<Tensor> {
        Tensor::zeros(self.shape(), self.dtype())?.to_device(self.device())
    }

    /// `torch.ones_like` (on this tensor's device, as every `_like` here).
    pub fn ones_like(&self) -> Result<Tensor> {
        Tensor::ones(self.shape(), self.dtype())?.to_device(self.device())
    }

    /// `torch.empty_like`.
    pub fn empty_like(&self) -> Result<Tensor> {
        Tensor::empty(self.shape(), self.dtype())?.to_device(self.device())
    }

    /// `torch.full_like(x, value)`: keeps `x`'s dtype.
    pub fn full_like(&self, value: Scalar) -> Result<Tensor> {
        Tensor::full(self.shape(), value, Some(self.dtype()))?.to_device(self.device())
    }
}

/// `steps` evenly spaced values mapped by `f`, in float64 (`wide`) or float32 arithmetic.
fn spaced(start: f64, end: f64, steps: usize, wide: bool, f: impl Fn(f64) -> f64) -> Vec<f64> {
    if steps == 0 {
        return vec![];
    }
    if steps == 1 {
        return vec![f(start)];
    }
    let half = steps / 2;
    (0..steps)
        .map(|i| {
            let x = if wide {
                let step = (end - start) / (steps - 1) as f64;
                if i < half {
                    start + step * i as f64
                } else {
                    end - step * (steps - i - 1) as f64
                }
            } else {
                let (s, e) = (start as f32, end as f32);
                let step = (e - s) / (steps - 1) as f32;
                (if i < half {
                    s + step * i as f32
                } else {
                    e - step * (steps - i - 1) as f32
                }) as f64
            };
            f(x)
        })
        .collect()
}
