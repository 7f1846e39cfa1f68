//! Conversions: dtype and device moves, the shorthand casts, and values out of tensors.

use super::Tensor;
use crate::types::{DType, Device, Element, Error, Result, Scalar};

macro_rules! shorthand_casts {
    ($($name:ident => $d:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`x.", stringify!($name), "()`: `x.to(torch.", stringify!($d), ")`.")]
                pub fn $name(&self) -> Result<Tensor> {
                    self.to_dtype(DType::$d)
                }
            )*
        }
    };
}
shorthand_casts! {
    float => F32, double => F64, half => F16, bfloat16 => BF16, long => I64, int => I32,
    short => I16, char => I8, byte => U8, bool => Bool,
}

impl Tensor {
    /// `x.to(dtype)`: `x` itself when the dtype already matches, else a converted copy.
    pub fn to_dtype(&self, dtype: DType) -> Result<Tensor> {
        if self.dtype() == dtype {
            return Ok(self.clone());
        }
        if dtype.is_float() {
            return super::graph::op(
                &[Some(self)],
                || self.to_dtype_raw(dtype),
                |_, _| super::graph::GradFn::ToCopy,
            );
        }
        self.to_dtype_raw(dtype)
    }

    fn to_dtype_raw(&self, dtype: DType) -> Result<Tensor> {
        // Dense layouts keep their memory order (`x.t().float()` is still transposed).
        let g = self.read();
        let l = self.layout();
        if !l.is_contiguous() && l.is_dense() && !l.has_internal_overlap() {
            if let Some(order) = super::order::output_order(l.shape(), &[l]) {
                let permuted = l.permute(&order);
                let out = g.cast(&permuted, dtype)?;
                return Ok(Tensor::from_parts(
                    out,
                    super::order::unpermute(l.shape(), &order),
                ));
            }
        }
        Ok(Tensor::from_storage(g.cast(l, dtype)?, self.shape()))
    }

    /// `x.to(device)`.
    pub fn to_device(&self, device: Device) -> Result<Tensor> {
        if device == self.device() {
            return Ok(self.clone());
        }
        let from = self.device();
        super::graph::op(
            &[Some(self)],
            || {
                // A packed copy (exactly its elements, in order) goes over whole.
                let src = super::graph::no_grad(|| self.packed())?;
                let storage = src.read().to_device(device)?;
                Ok(Tensor::from_storage(storage, self.shape()))
            },
            |_, _| super::graph::GradFn::ToDevice { device: from },
        )
    }

    /// The tensor itself on the CPU, or a copy from its GPU without autograd history (for
    /// reading values out: printing, `tolist`).
    pub fn on_host(&self) -> Result<Tensor> {
        if self.device() == Device::Cpu {
            return Ok(self.clone());
        }
        super::graph::no_grad(|| self.to_device(Device::Cpu))
    }

    /// `x.type()`: `torch.FloatTensor` and friends.
    pub fn type_name(&self) -> String {
        self.dtype().legacy_type_name()
    }

    /// `x.item()`: the one element as a Python number.
    pub fn item(&self) -> Result<Scalar> {
        if self.numel() != 1 {
            return Err(Error::invalid(
                "item",
                format!(
                    "a Tensor with {} elements cannot be converted to Scalar",
                    self.numel()
                ),
            ));
        }
        let index = vec![0; self.dim()];
        self.get(&index)
    }

    /// The elements in row-major order, converted to `T`.
    pub fn to_vec<T: Element>(&self) -> Result<Vec<T>> {
        let t = self.to_dtype(T::DTYPE)?.contiguous()?;
        let g = t.read();
        let start = t.storage_offset();
        g.with_cpu(|s| s.as_slice::<T>()[start..start + t.numel()].to_vec())
    }
}
