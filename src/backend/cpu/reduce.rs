//! Reductions, scans, softmax and sort. Each works on rows: the caller permutes the layout
//! so that the reduced (or scanned, or sorted) dimensions come last, and a row is a run of
//! consecutive row-major positions of that layout, walked with the shared strided loop.

use super::loops::{Plan, PAR_MIN_COSTLY, PAR_MIN_EXP};
use super::num::Num;
use super::vmath::{softmax_row_f32, sum_f32};
use crate::backend::op::{ReduceOp, ScanOp};
use crate::types::{Element, Layout};
use rayon::prelude::*;

/// Float sums add blocks of this many elements in eight lanes, then add the block sums in
/// float64: vectorised, and as accurate as PyTorch's cascade sum for the sizes people use.
const BLOCK: usize = 4096;

#[inline(always)]
fn zero<T: Element>() -> T {
    T::from_i64(0)
}

/// Sum of a contiguous slice in eight lanes (the compiler vectorises the lanes).
#[inline(always)]
fn lane_sum<T: Num>(s: &[T]) -> T {
    let mut lanes = [zero::<T>(); 8];
    let chunks = s.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            lanes[i] = T::add(lanes[i], c[i]);
        }
    }
    let mut acc = zero::<T>();
    for v in rest {
        acc = T::add(acc, *v);
    }
    for l in lanes {
        acc = T::add(acc, l);
    }
    acc
}

/// One row's reduction with `Sum`, `Prod`, `Max` or `Min`.
struct RowAcc<T: Num> {
    op: ReduceOp,
    acc: T,
    wide: f64,
    float: bool,
}

impl<T: Num> RowAcc<T> {
    fn new(op: ReduceOp) -> Self {
        let acc = match op {
            ReduceOp::Prod => T::from_i64(1),
            _ => zero(),
        };
        RowAcc {
            op,
            acc,
            wide: 0.0,
            float: T::DTYPE.is_float(),
        }
    }

    #[inline(always)]
    fn run(&mut self, s: &[T], first: bool) {
        match self.op {
            ReduceOp::Sum if T::DTYPE == crate::types::DType::F32 => {
                // SAFETY: the dtype says `T` is f32, so the slice is a slice of f32.
                let f: &[f32] = unsafe { std::slice::from_raw_parts(s.as_ptr().cast(), s.len()) };
                for b in f.chunks(BLOCK) {
                    self.wide += sum_f32(b) as f64;
                }
            }
            ReduceOp::Sum if self.float => {
                for b in s.chunks(BLOCK) {
                    self.wide += lane_sum(b).to_f64();
                }
            }
            ReduceOp::Sum => self.acc = T::add(self.acc, lane_sum(s)),
            ReduceOp::Prod => self.acc = s.iter().fold(self.acc, |a, &v| T::mul(a, v)),
            ReduceOp::Max | ReduceOp::Min => {
                let max = self.op == ReduceOp::Max;
                let mut a = if first { s[0] } else { self.acc };
                for &v in s {
                    a = if max {
                        T::maximum(a, v)
                    } else {
                        T::minimum(a, v)
                    };
                }
                self.acc = a;
            }
            ReduceOp::ArgMax | ReduceOp::ArgMin => {}
        }
    }

    #[inline(always)]
    fn strided(&mut self, src: &[T], o: usize, st: usize, len: usize, first: bool) {
        let max = self.op == ReduceOp::Max;
        match self.op {
            ReduceOp::Sum if self.float => {
                self.wide += (0..len).map(|i| src[o + i * st].to_f64()).sum::<f64>()
            }
            ReduceOp::Sum => self.acc = (0..len).fold(self.acc, |a, i| T::add(a, src[o + i * st])),
            ReduceOp::Prod => self.acc = (0..len).fold(self.acc, |a, i| T::mul(a, src[o + i * st])),
            ReduceOp::Max | ReduceOp::Min => {
                let mut a = if first { src[o] } else { self.acc };
                for i in 0..len {
                    let v = src[o + i * st];
                    a = if max {
                        T::maximum(a, v)
                    } else {
                        T::minimum(a, v)
                    };
                }
                self.acc = a;
            }
            ReduceOp::ArgMax | ReduceOp::ArgMin => {}
        }
    }

    fn finish(&self) -> T {
        match self.op {
            ReduceOp::Sum if self.float => T::from_f64(self.wide + self.acc.to_f64()),
            _ => self.acc,
        }
    }
}

/// Reduces positions `[start, end)` of `plan` (a part of one row).
fn reduce_range<T: Num>(op: ReduceOp, src: &[T], plan: &Plan<1>, start: usize, end: usize) -> T {
    let mut acc = RowAcc::<T>::new(op);
    let mut first = true;
    plan.for_each_run(start, end, |_, [o], [st], len| {
        if st == 1 {
            acc.run(&src[o..o + len], first);
        } else {
            acc.strided(src, o, st, len, first);
        }
        first = false;
    });
    acc.finish()
}

fn combine<T: Num>(op: ReduceOp, a: T, b: T) -> T {
    match op {
        ReduceOp::Sum => T::add(a, b),
        ReduceOp::Prod => T::mul(a, b),
        ReduceOp::Max => T::maximum(a, b),
        _ => T::minimum(a, b),
    }
}

/// Reductions over leading dimensions (`x.sum(0)`, a bias gradient): when the kept
/// dimensions lie contiguous in memory, each reduced position contributes a contiguous slice
/// of `out.len()` values, so whole slices are combined at a time (vectorised) instead of
/// walking every output's row with a stride. Float sums accumulate in float64, in the same
/// order as the row walk. Returns false where this does not apply.
fn reduce_columns<T: Num>(
    op: ReduceOp,
    src: &[T],
    layout: &Layout,
    inner: usize,
    out: &mut [T],
) -> bool {
    let (shape, strides) = (layout.shape(), layout.strides());
    let mut split = shape.len();
    let mut n = 1;
    while split > 0 && n < inner {
        split -= 1;
        n *= shape[split];
    }
    let outer = Layout::new(shape[..split].into(), strides[..split].into(), 0);
    let last_stride = shape[split..]
        .iter()
        .zip(&strides[split..])
        .rev()
        .find(|(&d, _)| d > 1)
        .map_or(1, |(_, &st)| st);
    if matches!(op, ReduceOp::ArgMax | ReduceOp::ArgMin)
        || n != inner
        || out.len() < 8
        || !outer.is_contiguous()
        || last_stride == 1
    {
        return false;
    }
    let reduced = Layout::new(
        shape[split..].into(),
        strides[split..].into(),
        layout.offset(),
    );
    let plan = Plan::new([&reduced]);
    let wide = T::DTYPE.is_float() && op == ReduceOp::Sum;
    let columns = |start: usize, chunk: &mut [T]| {
        let len = chunk.len();
        let mut acc = vec![0f64; if wide { len } else { 0 }];
        let mut first = true;
        plan.for_each_run(0, inner, |_, [o], [st], run| {
            for i in 0..run {
                let row = &src[o + i * st + start..o + i * st + start + len];
                if wide {
                    for (a, &v) in acc.iter_mut().zip(row) {
                        *a += v.to_f64();
                    }
                } else if first {
                    chunk.copy_from_slice(row);
                } else {
                    for (d, &v) in chunk.iter_mut().zip(row) {
                        *d = combine(op, *d, v);
                    }
                }
                first = false;
            }
        });
        if wide {
            for (d, a) in chunk.iter_mut().zip(acc) {
                *d = T::from_f64(a);
            }
        }
    };
    let total = layout.numel();
    if total >= PAR_MIN_EXP {
        super::loops::par_chunks(out, 1, columns);
    } else {
        columns(0, out);
    }
    true
}

/// `out[o] = op(row o)`, rows being `inner` consecutive positions of `layout`.
pub(super) fn reduce_typed<T: Num>(
    op: ReduceOp,
    src: &[T],
    layout: &Layout,
    inner: usize,
    out: &mut [T],
) {
    if reduce_columns(op, src, layout, inner, out) {
        return;
    }
    let plan = Plan::new([layout]);
    let total = layout.numel();
    let threads = rayon::current_num_threads();
    if out.len() < threads && total >= PAR_MIN_EXP && threads > 1 && op != ReduceOp::Prod {
        // Few long rows (a full reduction): split each row across the threads.
        for (o, d) in out.iter_mut().enumerate() {
            let chunk = inner.div_ceil(threads * 4).next_multiple_of(BLOCK);
            let parts: Vec<T> = (0..inner.div_ceil(chunk))
                .into_par_iter()
                .map(|i| {
                    let s = o * inner + i * chunk;
                    reduce_range(op, src, &plan, s, (s + chunk).min((o + 1) * inner))
                })
                .collect();
            let sum_wide = T::DTYPE.is_float() && op == ReduceOp::Sum;
            *d = if sum_wide {
                T::from_f64(parts.iter().map(|p| p.to_f64()).sum())
            } else {
                parts
                    .into_iter()
                    .reduce(|a, b| combine(op, a, b))
                    .unwrap_or(zero())
            };
        }
        return;
    }
    let run = |start: usize, chunk: &mut [T]| {
        for (i, d) in chunk.iter_mut().enumerate() {
            let o = start + i;
            *d = reduce_range(op, src, &plan, o * inner, (o + 1) * inner);
        }
    };
    if total >= PAR_MIN_EXP && out.len() >= threads && threads > 1 {
        let per = out.len().div_ceil(threads * 4);
        out.par_chunks_mut(per)
            .enumerate()
            .for_each(|(i, c)| run(i * per, c));
    } else {
        run(0, out);
    }
}

/// `out[o]` = the position of the first maximum (or minimum) within row `o`; a NaN wins.
pub(super) fn arg_reduce_typed<T: Element>(
    op: ReduceOp,
    src: &[T],
    layout: &Layout,
    inner: usize,
    out: &mut [i64],
) {
    let plan = Plan::new([layout]);
    let max = op == ReduceOp::ArgMax;
    let run = |start: usize, chunk: &mut [i64]| {
        for (i, d) in chunk.iter_mut().enumerate() {
            let o = start + i;
            let mut best: Option<T> = None;
            let mut at = 0usize;
            let mut done = false;
            plan.for_each_run(o * inner, (o + 1) * inner, |pos, [off], [st], len| {
                if done {
                    return;
                }
                for k in 0..len {
                    let v = src[off + k * st];
                    #[allow(clippy::eq_op)]
                    let nan = v != v;
                    let better = match best {
                        None => true,
                        Some(b) => nan || if max { v > b } else { v < b },
                    };
                    if better {
                        best = Some(v);
                        at = pos - o * inner + k;
                        if nan {
                            done = true;
                            return;
                        }
                    }
                }
            });
            *d = at as i64;
        }
    };
    if layout.numel() >= PAR_MIN_COSTLY && out.len() > 1 {
        let per = out.len().div_ceil(rayon::current_num_threads() * 4).max(1);
        out.par_chunks_mut(per)
            .enumerate()
            .for_each(|(i, c)| run(i * per, c));
    } else {
        run(0, out);
    }
}

/// Inclusive scans along the last dimension of `layout`; `out` is contiguous. Float scans
/// accumulate in float64, as PyTorch's CPU kernels do.
pub(super) fn scan_typed<T: Num>(op: ScanOp, src: &[T], layout: &Layout, out: &mut [T]) {
    let len = layout.shape().last().copied().unwrap_or(1);
    if len == 0 {
        return;
    }
    let plan = Plan::new([layout]);
    let float = T::DTYPE.is_float();
    out.chunks_mut(len).enumerate().for_each(|(r, row)| {
        let (mut wide, mut acc) = match op {
            ScanOp::Sum => (0.0f64, zero::<T>()),
            ScanOp::Prod => (1.0f64, T::from_i64(1)),
        };
        plan.for_each_run(r * len, (r + 1) * len, |pos, [o], [st], n| {
            for k in 0..n {
                let v = src[o + k * st];
                let d = &mut row[pos - r * len + k];
                if float {
                    wide = match op {
                        ScanOp::Sum => wide + v.to_f64(),
                        ScanOp::Prod => wide * v.to_f64(),
                    };
                    *d = T::from_f64(wide);
                } else {
                    acc = match op {
                        ScanOp::Sum => T::add(acc, v),
                        ScanOp::Prod => T::mul(acc, v),
                    };
                    *d = acc;
                }
            }
        });
    });
}

/// Gathers row `r` of `layout` into `buf` (contiguous).
#[inline(always)]
fn load_row<T: Element>(src: &[T], plan: &Plan<1>, r: usize, len: usize, buf: &mut [T]) {
    plan.for_each_run(r * len, (r + 1) * len, |pos, [o], [st], n| {
        let b = &mut buf[pos - r * len..pos - r * len + n];
        if st == 1 {
            b.copy_from_slice(&src[o..o + n]);
        } else {
            for (k, d) in b.iter_mut().enumerate() {
                *d = src[o + k * st];
            }
        }
    });
}

/// Softmax (or log-softmax) along the last dimension of `layout`, one fused pass per row:
/// the maximum, the shifted exponentials and their sum, the normalised write.
pub(super) fn softmax_typed<T: Element + num_float::SoftFloat>(
    src: &[T],
    layout: &Layout,
    log: bool,
    out: &mut [T],
) {
    let len = layout.shape().last().copied().unwrap_or(1);
    if len == 0 || out.is_empty() {
        return;
    }
    let plan = Plan::new([layout]);
    let row_fn = |r: usize, row: &mut [T], scratch: &mut Vec<T>| {
        scratch.resize(2 * len, zero());
        let (buf, tmp) = scratch.split_at_mut(len);
        // A contiguous row is read in place; any other is gathered first.
        let mut direct = None;
        plan.for_each_run(r * len, (r + 1) * len, |_, [o], [st], n| {
            if n == len && (st == 1 || n == 1) {
                direct = Some(o);
            }
        });
        let x: &[T] = match direct {
            Some(o) => &src[o..o + len],
            None => {
                load_row(src, &plan, r, len, buf);
                buf
            }
        };
        T::row(x, tmp, row, log);
    };
    let rows = out.len() / len;
    if out.len() >= PAR_MIN_EXP && rows > 1 {
        let per = rows.div_ceil(rayon::current_num_threads() * 4).max(1);
        out.par_chunks_mut(per * len)
            .enumerate()
            .for_each_init(Vec::new, |scratch, (i, c)| {
                for (k, row) in c.chunks_mut(len).enumerate() {
                    row_fn(i * per + k, row, scratch);
                }
            });
    } else {
        let mut scratch = Vec::new();
        for (r, row) in out.chunks_mut(len).enumerate() {
            row_fn(r, row, &mut scratch);
        }
    }
}

/// The float types softmax computes in.
pub(super) mod num_float {
    use super::softmax_row_f32;
    pub trait SoftFloat: Copy + PartialOrd {
        /// One row: `out = softmax(x)` (or log-softmax), `scratch` as long as the row.
        fn row(x: &[Self], scratch: &mut [Self], out: &mut [Self], log: bool);
    }
    impl SoftFloat for f32 {
        fn row(x: &[f32], scratch: &mut [f32], out: &mut [f32], log: bool) {
            softmax_row_f32(x, scratch, out, log)
        }
    }
    impl SoftFloat for f64 {
        fn row(x: &[f64], scratch: &mut [f64], out: &mut [f64], log: bool) {
            let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let m = if m == f64::NEG_INFINITY { 0.0 } else { m };
            for (s, &v) in scratch.iter_mut().zip(x) {
                *s = v - m;
            }
            for (o, &s) in out.iter_mut().zip(scratch.iter()) {
                *o = s.exp();
            }
            let sum: f64 = out.iter().sum();
            if log {
                let l = sum.ln();
                for (o, &s) in out.iter_mut().zip(scratch.iter()) {
                    *o = s - l;
                }
            } else {
                for o in out.iter_mut() {
                    *o /= sum;
                }
            }
            if x.iter().any(|v| v.is_nan()) {
                out.fill(f64::NAN);
            }
        }
    }
}

/// Stable sort of each row along the last dimension; NaN sorts as the largest value.
pub(super) fn sort_typed<T: Element>(
    src: &[T],
    layout: &Layout,
    descending: bool,
    vals: &mut [T],
    idx: &mut [i64],
) {
    let len = layout.shape().last().copied().unwrap_or(1);
    if len == 0 || vals.is_empty() {
        return;
    }
    let plan = Plan::new([layout]);
    #[allow(clippy::eq_op)]
    let key = |a: &T, b: &T| -> std::cmp::Ordering {
        match (a != a, b != b) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            _ => a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal),
        }
    };
    let mut row: Vec<T> = vec![zero(); len];
    let mut order: Vec<usize> = Vec::with_capacity(len);
    for (r, (vr, ir)) in vals.chunks_mut(len).zip(idx.chunks_mut(len)).enumerate() {
        load_row(src, &plan, r, len, &mut row);
        order.clear();
        order.extend(0..len);
        if descending {
            order.sort_by(|&a, &b| key(&row[b], &row[a]));
        } else {
            order.sort_by(|&a, &b| key(&row[a], &row[b]));
        }
        for (k, &i) in order.iter().enumerate() {
            vr[k] = row[i];
            ir[k] = i as i64;
        }
    }
}
