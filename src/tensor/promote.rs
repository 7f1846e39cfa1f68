//! PyTorch's type promotion. Operands fall in three priority groups (tensors with
//! dimensions, 0-dim tensors, Python scalars); a lower group changes the result only when
//! its category (bool < int < float) is higher, and then a Python scalar brings its default
//! dtype (int64 or float32), not its own width.

use super::elementwise::Operand;
use super::Arg;
use crate::types::{DType, Scalar};

fn promote(acc: Option<DType>, d: DType) -> Option<DType> {
    Some(acc.map_or(d, |a| a.promote(d)))
}

/// PyTorch's `combine_categories`: `higher` wins unless `lower` is of a higher category.
fn combine(higher: Option<DType>, lower: Option<DType>) -> Option<DType> {
    match (higher, lower) {
        (None, l) => l,
        (h, None) => h,
        (Some(h), Some(l)) => {
            if h.is_float() {
                Some(h)
            } else if h == DType::Bool || l.is_float() {
                Some(h.promote(l))
            } else {
                Some(h)
            }
        }
    }
}

/// `torch.result_type` over any mix of tensors and scalars.
pub fn result_type(args: &[&Arg<'_>]) -> DType {
    let ops: Vec<Operand> = args.iter().map(|a| a.operand()).collect();
    result_type_of(&ops)
}

pub(super) fn result_type_of(args: &[Operand]) -> DType {
    let (mut dims, mut zero, mut wrapped) = (None, None, None);
    for a in args {
        match a {
            Operand::T(t) if t.dim() > 0 => dims = promote(dims, t.dtype()),
            Operand::T(t) => zero = promote(zero, t.dtype()),
            Operand::S(s) => wrapped = promote(wrapped, s.default_dtype()),
        }
    }
    combine(dims, combine(zero, wrapped)).unwrap_or(Scalar::Float(0.0).default_dtype())
}
