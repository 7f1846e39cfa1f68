//! Indexing by storage offsets: every gather-like op (index_select, gather, take, advanced
//! indexing, masked_select) reads `src[offsets[i]]`, and every scatter-like op (index_put,
//! index_add, scatter, scatter_reduce) writes `dst[offsets[i]] op= src[i]`. The tensor layer
//! computes the offsets with ordinary int64 tensor arithmetic.

use super::loops::{par_chunks, Plan, PAR_MIN_COSTLY};
use super::num::Num;
use crate::backend::op::PutOp;
use crate::types::{Element, Error, Layout, Result};

/// Checks every offset against the storage length before any access.
fn check_offsets(offsets: &[i64], ol: &Layout, len: usize) -> Result<()> {
    let plan = Plan::new([ol]);
    let mut bad = None;
    plan.for_each_run(0, plan.numel(), |_, [o], [st], n| {
        for k in 0..n {
            let v = offsets[o + k * st];
            if v < 0 || v as usize >= len {
                bad.get_or_insert(v);
            }
        }
    });
    match bad {
        Some(v) => Err(Error::invalid(
            "index",
            format!("storage offset {v} is outside a storage of {len} elements"),
        )),
        None => Ok(()),
    }
}

/// `out[i] = src[offsets[i]]`, `out` contiguous in the offsets' shape.
pub(super) fn take_typed<T: Element>(
    src: &[T],
    offsets: &[i64],
    ol: &Layout,
    out: &mut [T],
) -> Result<()> {
    check_offsets(offsets, ol, src.len())?;
    let plan = Plan::new([ol]);
    par_chunks(out, PAR_MIN_COSTLY, |start, chunk| {
        plan.for_each_run(start, start + chunk.len(), |pos, [o], [st], n| {
            for k in 0..n {
                chunk[pos - start + k] = src[offsets[o + k * st] as usize];
            }
        })
    });
    Ok(())
}

/// `dst[offsets[i]] = op(dst[offsets[i]], src[i])`, in index order (so duplicates combine,
/// and for `Assign` the last write wins).
pub(super) fn put_typed<T: Num>(
    dst: &mut [T],
    offsets: &[i64],
    ol: &Layout,
    src: &[T],
    sl: &Layout,
    op: PutOp,
) -> Result<()> {
    check_offsets(offsets, ol, dst.len())?;
    let plan = Plan::new([ol, sl]);
    plan.for_each_run(0, plan.numel(), |_, [o, s], [so, ss], n| {
        for k in 0..n {
            let d = &mut dst[offsets[o + k * so] as usize];
            let v = src[s + k * ss];
            *d = match op {
                PutOp::Assign => v,
                PutOp::Add => T::add(*d, v),
                PutOp::Mul => T::mul(*d, v),
                PutOp::Max => T::maximum(*d, v),
                PutOp::Min => T::minimum(*d, v),
            };
        }
    });
    Ok(())
}

/// The multi-indices of the nonzero elements, row-major (a `[count, ndim]` int64 array),
/// and the count.
pub(super) fn nonzero_typed<T: Element>(src: &[T], layout: &Layout) -> (Vec<i64>, usize) {
    let shape = layout.shape();
    let nd = shape.len();
    let plan = Plan::new([layout]);
    let mut out = Vec::new();
    let mut count = 0;
    let zero = T::from_i64(0);
    plan.for_each_run(0, plan.numel(), |pos, [o], [st], n| {
        for k in 0..n {
            if src[o + k * st] != zero {
                count += 1;
                let mut rem = pos + k;
                let at = out.len();
                out.resize(at + nd, 0);
                for d in (0..nd).rev() {
                    out[at + d] = (rem % shape[d]) as i64;
                    rem /= shape[d];
                }
            }
        }
    });
    (out, count)
}
