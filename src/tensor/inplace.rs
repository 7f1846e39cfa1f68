//! In-place ops. Each computes out of place, checks that the result fits the destination
//! (same shape, a dtype it may be cast to, no self-overlapping layout), then writes through
//! the destination's layout, so writes into a view reach its base.

use super::{Arg, Tensor};
use crate::types::{Error, Result, Scalar};

impl Tensor {
    fn check_writable(&self, op: &'static str) -> Result<()> {
        if self.layout().has_internal_overlap() {
            return Err(Error::OverlappingWrite { op });
        }
        Ok(())
    }

    /// Writes `src` (broadcast to this shape, converted to this dtype) into this tensor.
    fn write_from(&self, op: &'static str, src: &Tensor) -> Result<()> {
        self.check_writable(op)?;
        let shape = super::elementwise::broadcast_shapes(op, self.shape(), src.shape())?;
        if shape.as_slice() != self.shape() {
            return Err(Error::InPlaceShape {
                op,
                out: self.shape().to_vec(),
                broadcast: shape.to_vec(),
            });
        }
        if self.device() != src.device() {
            return Err(Error::DeviceMismatch {
                op,
                lhs: self.device(),
                rhs: src.device(),
            });
        }
        // Reading and writing one storage at once would deadlock (and could read what it
        // has just written): copy the source out first.
        let src = if src.shares_storage(self) {
            src.copy_contiguous()?
        } else {
            src.clone()
        };
        let src_layout = src.layout().broadcast_to(self.shape());
        let from = src.read();
        self.write().copy_from(self.layout(), &from, &src_layout)
    }

    /// Stores an op's out-of-place result in this tensor, as PyTorch's `op_` does.
    fn store(&self, op: &'static str, result: Tensor) -> Result<&Tensor> {
        if !result.dtype().can_cast_to(self.dtype()) {
            return Err(Error::InPlaceCast {
                op,
                from: result.dtype(),
                to: self.dtype(),
            });
        }
        self.write_from(op, &result)?;
        Ok(self)
    }

    /// `x.copy_(src)`: converts dtype freely and broadcasts `src`.
    pub fn copy_(&self, src: &Tensor) -> Result<&Tensor> {
        self.write_from("copy_", src)?;
        Ok(self)
    }

    /// `x.fill_(value)`.
    pub fn fill_(&self, value: impl Into<Scalar>) -> Result<&Tensor> {
        self.check_writable("fill_")?;
        self.write().fill(self.layout(), value.into())?;
        Ok(self)
    }

    /// `x.zero_()`.
    pub fn zero_(&self) -> Result<&Tensor> {
        self.fill_(Scalar::Int(0))
    }

    /// `x.clamp_(min, max)`.
    pub fn clamp_(&self, min: Option<Arg<'_>>, max: Option<Arg<'_>>) -> Result<&Tensor> {
        self.store("clamp_", self.clamp(min, max)?)
    }

    /// `x.masked_fill_(mask, value)`.
    pub fn masked_fill_<'a>(&self, mask: &Tensor, value: impl Into<Arg<'a>>) -> Result<&Tensor> {
        self.store("masked_fill_", self.masked_fill(mask, value)?)
    }
}

macro_rules! inplace_binary {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`x.", stringify!($name), "(other)`: `x.", stringify!($op), "(other)` written into `x`.")]
                pub fn $name<'a>(&self, other: impl Into<Arg<'a>>) -> Result<&Tensor> {
                    let r = self.$op(other)?;
                    self.store(stringify!($name), r)
                }
            )*
        }
    };
}
inplace_binary! {
    add_ => add, sub_ => sub, mul_ => mul, div_ => div, pow_ => pow,
    floor_divide_ => floor_divide, remainder_ => remainder, fmod_ => fmod,
    bitwise_and_ => bitwise_and, bitwise_or_ => bitwise_or, bitwise_xor_ => bitwise_xor,
}

macro_rules! inplace_unary {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`x.", stringify!($name), "()`, in place.")]
                pub fn $name(&self) -> Result<&Tensor> {
                    let r = self.$op()?;
                    self.store(stringify!($name), r)
                }
            )*
        }
    };
}
inplace_unary! {
    neg_ => neg, abs_ => abs, exp_ => exp, log_ => log, sqrt_ => sqrt, sin_ => sin,
    cos_ => cos, tanh_ => tanh, sigmoid_ => sigmoid, relu_ => relu, floor_ => floor,
    ceil_ => ceil, round_ => round, trunc_ => trunc, reciprocal_ => reciprocal,
}
