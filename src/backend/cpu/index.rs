//! Indexing by storage offsets: every gather-like op (index_select, gather, take, advanced
//! indexing, masked_select) reads `src[offsets[i]]`, and every scatter-like op (index_put,
//! index_add, scatter, scatter_reduce) writes `dst[offsets[i]] op= src[i]`. The tensor layer
//! computes the offsets with ordinary int64 tensor arithmetic.

use super::loops::{par_chunks, Plan, PAR_MIN_CHEAP, PAR_MIN_COSTLY};
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

/// A contiguous block read as `[outer, size, inner]`, starting at `offset`.
pub(super) struct Rows {
    pub offset: usize,
    pub outer: usize,
    pub size: usize,
    pub inner: usize,
}

/// `out[o, j, :] = src[o, index[j], :]` over a contiguous block: one copy of `inner`
/// elements per picked slice (the DataLoader's batches), split across threads when large.
pub(super) fn select_rows_typed<T: Element>(
    src: &[T],
    rows: &Rows,
    index: &[i64],
    out: &mut [T],
) -> Result<()> {
    let (size, inner) = (rows.size, rows.inner);
    let mut picked = Vec::with_capacity(index.len());
    for &v in index {
        // PyTorch's index_select takes no negative positions.
        let w = v;
        if w < 0 || w as usize >= size {
            return Err(Error::Index {
                op: "index_select",
                message: "index out of range in self".into(),
            });
        }
        picked.push(w as usize);
    }
    let n = picked.len();
    if inner == 0 || n == 0 || rows.outer == 0 {
        return Ok(());
    }
    par_chunks(out, PAR_MIN_CHEAP, |start, chunk| {
        // `start` may fall inside a slice: copy the part of each slice this chunk holds.
        let mut pos = 0;
        while pos < chunk.len() {
            let at = start + pos;
            let (slice, within) = (at / inner, at % inner);
            let (o, j) = (slice / n, slice % n);
            let from = rows.offset + (o * size + picked[j]) * inner + within;
            let len = (inner - within).min(chunk.len() - pos);
            chunk[pos..pos + len].copy_from_slice(&src[from..from + len]);
            pos += len;
        }
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
