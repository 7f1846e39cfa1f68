//! In-place ops. Each computes out of place, checks that the result fits the destination
//! (same shape, a dtype it may be cast to, no self-overlapping layout), then writes through
//! the destination's layout, so writes into a view reach its base.

use super::elementwise::broadcast_shapes;
use super::graph::{self, GradFn};
use super::{result_type, Arg, Tensor};
use crate::backend::BinaryOp;
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
        let cpu_scalar = src.device() == crate::types::Device::Cpu && src.dim() == 0;
        if self.device() != src.device() && !cpu_scalar {
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
        self.check_inplace(op)?;
        if !result.dtype().can_cast_to(self.dtype()) {
            return Err(Error::InPlaceCast {
                op,
                from: result.dtype(),
                to: self.dtype(),
            });
        }
        if result.requires_grad() {
            // The result's node may have saved the result itself: keep its storage.
            self.write_from(op, &result)?;
            self.rebase_history(&result);
            self.commit_view_write()?;
            return Ok(self);
        }
        if self.adopt(&result) {
            return Ok(self);
        }
        self.write_from(op, &result)?;
        Ok(self)
    }

    /// When this tensor spans its whole storage in row-major order and `result` is a fresh,
    /// unshared tensor of the same dtype and shape, the two storages' contents trade places:
    /// every view of this tensor sees the new values and no copy pass is needed (an in-place
    /// op then costs what the out-of-place one does).
    fn adopt(&self, result: &Tensor) -> bool {
        let exclusive = std::sync::Arc::strong_count(&result.0) == 1
            && std::sync::Arc::strong_count(&result.0.storage) == 1;
        if !exclusive
            || result.dtype() != self.dtype()
            || result.device() != self.device()
            || result.shape() != self.shape()
            || !self.spans_storage()
            || !result.spans_storage()
        {
            return false;
        }
        std::mem::swap(&mut *self.write(), &mut *result.write());
        true
    }

    /// `x.copy_(src)`: converts dtype freely and broadcasts `src`.
    pub fn copy_(&self, src: &Tensor) -> Result<&Tensor> {
        self.check_inplace_from("copy_", Some(src))?;
        self.write_from("copy_", src)?;
        graph::record(&[self], &[Some(self), Some(src)], |_, _| GradFn::Copy);
        self.commit_view_write()?;
        Ok(self)
    }

    /// `x.fill_(value)`.
    pub fn fill_(&self, value: impl Into<Scalar>) -> Result<&Tensor> {
        self.check_inplace("fill_")?;
        self.check_writable("fill_")?;
        self.write().fill(self.layout(), value.into())?;
        graph::record(&[self], &[Some(self)], |_, _| GradFn::Fill);
        graph::rename(self, &[], "FillBackward2");
        self.commit_view_write()?;
        Ok(self)
    }

    /// `x.zero_()`.
    pub fn zero_(&self) -> Result<&Tensor> {
        self.fill_(Scalar::Int(0))?;
        graph::rename(self, &[], "ZeroBackward0");
        Ok(self)
    }

    /// What an in-place op computes from: this tensor, or a recorded copy of it when a
    /// graph is being recorded. The op's node may save its input, and the write into `self`
    /// must not change what was saved (PyTorch saves the original `self` the same way).
    fn inplace_source(&self, others: &[Option<&Tensor>]) -> Result<Tensor> {
        let mut inputs = vec![Some(self)];
        inputs.extend_from_slice(others);
        if graph::records(&inputs) {
            self.clone_data()
        } else {
            Ok(self.clone())
        }
    }

    /// `x.clamp_(min, max)`.
    pub fn clamp_(&self, min: Option<Arg<'_>>, max: Option<Arg<'_>>) -> Result<&Tensor> {
        let bound = |a: &Option<Arg<'_>>| match a {
            Some(Arg::Tensor(t)) => Some(t.as_ref().clone()),
            _ => None,
        };
        let (lo, hi) = (bound(&min), bound(&max));
        let src = self.inplace_source(&[lo.as_ref(), hi.as_ref()])?;
        self.store("clamp_", src.clamp(min, max)?)
    }

    /// `x.masked_fill_(mask, value)`.
    pub fn masked_fill_<'a>(&self, mask: &Tensor, value: impl Into<Arg<'a>>) -> Result<&Tensor> {
        self.store("masked_fill_", self.masked_fill(mask, value)?)
    }
}

impl Tensor {
    /// `x op= other` computed where `x` lies, when nothing stands in the way: the result
    /// keeps `x`'s dtype, `other` broadcasts to `x`'s shape and shares no memory with it, and
    /// no element of `x` is shared. Otherwise `None`, and the caller takes the general path
    /// (which also reports the errors).
    fn binary_in_place(&self, op: BinaryOp, other: &Arg<'_>) -> Option<Result<()>> {
        let d = self.dtype();
        let checks_zero = d.is_int()
            && matches!(
                op,
                BinaryOp::FloorDiv | BinaryOp::Remainder | BinaryOp::Fmod
            );
        let negative_int_power = d.is_int()
            && op == BinaryOp::Pow
            && matches!(other, Arg::Scalar(s) if s.to_f64() < 0.0);
        if checks_zero
            || negative_int_power
            || !op.supports(d)
            || result_type(&[&Arg::from(self), other]) != d
            || self.layout().has_internal_overlap()
        {
            return None;
        }
        let rhs = match other {
            Arg::Tensor(t)
                if t.dtype() == d && t.device() == self.device() && !t.shares_storage(self) =>
            {
                t.as_ref().clone()
            }
            Arg::Scalar(s) => match Tensor::scalar_as(*s, d) {
                Ok(t) => t,
                Err(e) => return Some(Err(e)),
            },
            _ => return None,
        };
        let shape = broadcast_shapes(op.name(), self.shape(), rhs.shape()).ok()?;
        if shape.as_slice() != self.shape() {
            return None;
        }
        let lr = rhs.layout().broadcast_to(self.shape());
        let from = rhs.read();
        Some(self.write().binary_assign(op, self.layout(), &from, &lr))
    }
}

macro_rules! inplace_binary {
    ($($name:ident => $method:ident / $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`x.", stringify!($name), "(other)`: `x.", stringify!($method), "(other)` written into `x`.")]
                pub fn $name<'a>(&self, other: impl Into<Arg<'a>>) -> Result<&Tensor> {
                    let other = other.into();
                    let ot = match &other { Arg::Tensor(t) => Some(t.as_ref()), Arg::Scalar(_) => None };
                    if !graph::records(&[Some(self), ot]) {
                        if let Some(done) = self.binary_in_place(BinaryOp::$op, &other) {
                            return done.map(|()| self);
                        }
                    } else {
                        self.check_inplace(stringify!($name))?;
                    }
                    let src = self.inplace_source(&[ot])?;
                    let r = src.$method(other)?;
                    self.store(stringify!($name), r)
                }
            )*
        }
    };
}
inplace_binary! {
    add_ => add / Add, sub_ => sub / Sub, mul_ => mul / Mul, div_ => div / Div, pow_ => pow / Pow,
    floor_divide_ => floor_divide / FloorDiv, remainder_ => remainder / Remainder,
    fmod_ => fmod / Fmod, bitwise_and_ => bitwise_and / BitAnd, bitwise_or_ => bitwise_or / BitOr,
    bitwise_xor_ => bitwise_xor / BitXor,
}

macro_rules! inplace_unary {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`x.", stringify!($name), "()`, in place.")]
                pub fn $name(&self) -> Result<&Tensor> {
                    let r = self.inplace_source(&[])?.$op()?;
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
    erfinv_ => erfinv,
}
