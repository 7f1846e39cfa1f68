//! CPU kernels for 2-D convolution lowering (im2col / col2im) and pooling.
//!
//! All tensors are contiguous row-major NCHW slices. Semantics follow PyTorch
//! (`unfold`, `fold`, `max_pool2d`, `avg_pool2d`, `adaptive_*_pool2d`).

use rayon::prelude::*;
use std::ops::Range;

/// Output-element count above which kernels parallelise over planes.
const PAR_THRESHOLD: usize = 1 << 15;

/// Element arithmetic needed by the kernels in this module.
pub trait ConvElem:
    Copy
    + Send
    + Sync
    + PartialOrd
    + std::ops::Add<Output = Self>
    + std::ops::Mul<Output = Self>
    + 'static
{
    /// Additive identity.
    fn zero() -> Self;
    /// Conversion from f64 (rounding as `as` does).
    fn from_f64(v: f64) -> Self;
    /// Conversion to f64, used for accumulating averages.
    fn to_f64(self) -> f64;
    /// Whether the value is NaN (always false for integer-like types).
    fn is_nan(self) -> bool;
}

macro_rules! impl_conv_elem {
    ($($t:ty),*) => {$(
        impl ConvElem for $t {
            fn zero() -> Self { 0.0 }
            fn from_f64(v: f64) -> Self { v as $t }
            fn to_f64(self) -> f64 { self as f64 }
            fn is_nan(self) -> bool { <$t>::is_nan(self) }
        }
    )*};
}
impl_conv_elem!(f32, f64);

/// Geometry of a 2-D sliding-window operation over an NCHW input.
#[rustfmt::skip]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geom2d {
    pub n: usize, pub c: usize, pub h: usize, pub w: usize, // input N, C, H, W
    pub kh: usize, pub kw: usize, // kernel
    pub sh: usize, pub sw: usize, // stride
    pub ph: usize, pub pw: usize, // padding (both sides)
    pub dh: usize, pub dw: usize, // dilation
    pub oh: usize, pub ow: usize, // output size
}

#[cfg(test)]
impl Geom2d {
    fn out_size(input: usize, k: usize, s: usize, p: usize, d: usize, ceil: bool) -> Option<usize> {
        crate::backend::Window2d::out_size(input, k, s, p, d, ceil)
    }
}

/// Output positions `o` in `0..len` for which `o * s + off - neg` lies in `0..n`.
fn valid_range(len: usize, s: usize, off: usize, neg: usize, n: usize) -> Range<usize> {
    let lo = neg.saturating_sub(off).div_ceil(s);
    let hi = (n + neg).saturating_sub(off).div_ceil(s).min(len);
    lo.min(hi)..hi
}

/// Calls `f(plane_index, chunk)` for consecutive `chunk`-sized pieces of `out`.
fn for_planes<T: Send>(out: &mut [T], chunk: usize, par: bool, f: impl Fn(usize, &mut [T]) + Sync) {
    if chunk == 0 {
        return;
    }
    if par {
        out.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(p, o)| f(p, o));
    } else {
        out.chunks_mut(chunk).enumerate().for_each(|(p, o)| f(p, o));
    }
}

/// Like [`for_planes`] for a value buffer paired with an index buffer.
fn for_planes2<T: Send>(
    vals: &mut [T],
    idx: &mut [i64],
    chunk: usize,
    par: bool,
    f: impl Fn(usize, &mut [T], &mut [i64]) + Sync,
) {
    if chunk == 0 {
        return;
    }
    if par {
        let it = vals.par_chunks_mut(chunk).zip(idx.par_chunks_mut(chunk));
        it.enumerate().for_each(|(p, (v, i))| f(p, v, i));
    } else {
        let it = vals.chunks_mut(chunk).zip(idx.chunks_mut(chunk));
        it.enumerate().for_each(|(p, (v, i))| f(p, v, i));
    }
}

/// Maximum over `plane[iy * w + ix]` for the given rows and columns.
///
/// NaN wins (the last NaN scanned, like PyTorch); otherwise the first maximum.
/// An empty window yields `(-inf, -1)`.
fn window_max<T: ConvElem>(
    plane: &[T],
    w: usize,
    rows: impl Iterator<Item = usize>,
    cols: impl Iterator<Item = usize> + Clone,
) -> (T, i64) {
    let mut best: Option<(T, usize)> = None;
    for iy in rows {
        for ix in cols.clone() {
            let k = iy * w + ix;
            let v = plane[k];
            if best.is_none_or(|(b, _)| v > b || v.is_nan()) {
                best = Some((v, k));
            }
        }
    }
    best.map_or((T::from_f64(f64::NEG_INFINITY), -1), |(v, k)| (v, k as i64))
}

/// Sum, in f64, of `plane[iy * w + ix]` over the given row and column ranges.
fn window_sum<T: ConvElem>(plane: &[T], w: usize, ys: Range<usize>, xs: Range<usize>) -> f64 {
    ys.map(|iy| {
        plane[iy * w..][xs.clone()]
            .iter()
            .map(|v| v.to_f64())
            .sum::<f64>()
    })
    .sum()
}

/// Unfolds sliding windows: `src` is N×C×H×W, `out` is N×(C·kh·kw)×(oh·ow) with row
/// `(ci·kh + i)·kw + j`; positions reading padding are zero (`torch.nn.functional.unfold`).
pub fn im2col<T: ConvElem>(src: &[T], g: &Geom2d, out: &mut [T]) {
    let (hw, ohw) = (g.h * g.w, g.oh * g.ow);
    assert_eq!(src.len(), g.n * g.c * hw, "im2col: input length");
    assert_eq!(out.len(), g.n * g.c * g.kh * g.kw * ohw, "im2col: output");
    let par = out.len() > PAR_THRESHOLD;
    for_planes(out, g.kh * g.kw * ohw, par, |p, cols| {
        let plane = &src[p * hw..(p + 1) * hw];
        for (r, row) in cols.chunks_mut(ohw).enumerate() {
            let (yk, xk) = ((r / g.kw) * g.dh, (r % g.kw) * g.dw);
            row.fill(T::zero());
            let xs = valid_range(g.ow, g.sw, xk, g.pw, g.w);
            for oy in valid_range(g.oh, g.sh, yk, g.ph, g.h) {
                let src_row = &plane[(oy * g.sh + yk - g.ph) * g.w..][..g.w];
                let dst = &mut row[oy * g.ow..(oy + 1) * g.ow];
                if g.sw == 1 {
                    let from = xs.start + xk - g.pw;
                    dst[xs.clone()].copy_from_slice(&src_row[from..from + xs.len()]);
                    continue;
                }
                for ox in xs.clone() {
                    dst[ox] = src_row[ox * g.sw + xk - g.pw];
                }
            }
        }
    });
}

/// Adjoint of [`im2col`]: zeroes `out` (N×C×H×W) and accumulates every column entry into
/// the input position it was read from, dropping padding (`torch.nn.functional.fold`).
pub fn col2im<T: ConvElem>(cols: &[T], g: &Geom2d, out: &mut [T]) {
    let (hw, ohw) = (g.h * g.w, g.oh * g.ow);
    let chunk = g.kh * g.kw * ohw;
    assert_eq!(cols.len(), g.n * g.c * chunk, "col2im: input length");
    assert_eq!(out.len(), g.n * g.c * hw, "col2im: output length");
    for_planes(out, hw, cols.len() > PAR_THRESHOLD, |p, plane| {
        plane.fill(T::zero());
        let src = &cols[p * chunk..(p + 1) * chunk];
        for (r, row) in src.chunks(ohw).enumerate() {
            let (yk, xk) = ((r / g.kw) * g.dh, (r % g.kw) * g.dw);
            let xs = valid_range(g.ow, g.sw, xk, g.pw, g.w);
            for oy in valid_range(g.oh, g.sh, yk, g.ph, g.h) {
                let dst = &mut plane[(oy * g.sh + yk - g.ph) * g.w..][..g.w];
                let src_row = &row[oy * g.ow..(oy + 1) * g.ow];
                for ox in xs.clone() {
                    let d = &mut dst[ox * g.sw + xk - g.pw];
                    *d = *d + src_row[ox];
                }
            }
        }
    });
}

/// Max pooling over N×C×H×W into `vals`/`idx` (N×C×oh×ow). Padding is ignored,
/// indices are `h·W + w` within the plane, NaN propagates, ties keep the first maximum.
pub fn max_pool2d<T: ConvElem>(src: &[T], g: &Geom2d, vals: &mut [T], idx: &mut [i64]) {
    let (hw, ohw) = (g.h * g.w, g.oh * g.ow);
    assert_eq!(src.len(), g.n * g.c * hw, "max_pool2d: input length");
    assert!(
        vals.len() == g.n * g.c * ohw && idx.len() == vals.len(),
        "max_pool2d: output length"
    );
    let row_sets = window_positions(g.oh, g.kh, g.sh, g.dh, g.ph, g.h);
    let col_sets = window_positions(g.ow, g.kw, g.sw, g.dw, g.pw, g.w);
    if g.kh == 0 || g.kw == 0 {
        vals.fill(T::from_f64(f64::NEG_INFINITY));
        idx.fill(-1);
        return;
    }
    // Without padding, and with no partial window at the far edges (ceil_mode), every window
    // is whole: scan one kernel position for a whole output row at a time, so that the
    // outputs are independent lanes rather than one chain of comparisons.
    let whole = g.ph == 0
        && g.pw == 0
        && g.oh > 0
        && g.ow > 0
        && (g.oh - 1) * g.sh + (g.kh - 1) * g.dh < g.h
        && (g.ow - 1) * g.sw + (g.kw - 1) * g.dw < g.w;
    for_planes2(
        vals,
        idx,
        ohw,
        vals.len() > PAR_THRESHOLD,
        |p, vals, idx| {
            let plane = &src[p * hw..(p + 1) * hw];
            if whole {
                for oy in 0..g.oh {
                    let best = &mut vals[oy * g.ow..][..g.ow];
                    let at = &mut idx[oy * g.ow..][..g.ow];
                    for i in 0..g.kh {
                        let iy = oy * g.sh + i * g.dh;
                        let line = &plane[iy * g.w..][..g.w];
                        for j in 0..g.kw {
                            let x0 = j * g.dw;
                            let k0 = (iy * g.w + x0) as i64;
                            if i == 0 && j == 0 {
                                for (ox, (b, a)) in best.iter_mut().zip(at.iter_mut()).enumerate() {
                                    *b = line[x0 + ox * g.sw];
                                    *a = k0 + (ox * g.sw) as i64;
                                }
                                continue;
                            }
                            // The strided column first, then a comparison over contiguous
                            // lanes that compiles to vector selects, never to branches (on a
                            // ReLU's output each comparison is a coin flip).
                            let mut lane = [T::zero(); 64];
                            for start in (0..g.ow).step_by(64) {
                                let n = (g.ow - start).min(64);
                                for (l, v) in lane[..n].iter_mut().enumerate() {
                                    *v = line[x0 + (start + l) * g.sw];
                                }
                                let k = k0 + (start * g.sw) as i64;
                                max_lanes(
                                    &lane[..n],
                                    &mut best[start..start + n],
                                    &mut at[start..start + n],
                                    k,
                                    g.sw as i64,
                                );
                            }
                        }
                    }
                }
                return;
            }
            for (oy, rows) in row_sets.chunks(g.kh).enumerate() {
                let (vals, idx) = (
                    &mut vals[oy * g.ow..][..g.ow],
                    &mut idx[oy * g.ow..][..g.ow],
                );
                for (ox, cols) in col_sets.chunks(g.kw).enumerate() {
                    let (rows, cols) = (valid_slots(rows), valid_slots(cols));
                    if rows.is_empty() || cols.is_empty() {
                        vals[ox] = T::from_f64(f64::NEG_INFINITY);
                        idx[ox] = -1;
                        continue;
                    }
                    let (mut best, mut at) =
                        (plane[rows[0] * g.w + cols[0]], rows[0] * g.w + cols[0]);
                    for &iy in rows {
                        let line = &plane[iy * g.w..][..g.w];
                        for &ix in cols {
                            // Selects, not branches: on a ReLU's output the comparison is a
                            // coin flip that a branch predictor keeps losing.
                            let v = line[ix];
                            let take = v > best || v.is_nan();
                            best = if take { v } else { best };
                            at = if take { iy * g.w + ix } else { at };
                        }
                    }
                    vals[ox] = best;
                    idx[ox] = at as i64;
                }
            }
        },
    );
}

/// `best[l] = max(best[l], lane[l])` (NaN wins), `at[l]` following with `k0 + l·step`: one
/// kernel position of a row of pooling windows. Baseline x86-64 turns these selects into
/// branches, so the widest vector unit the CPU has is picked at run time.
fn max_lanes<T: ConvElem>(lane: &[T], best: &mut [T], at: &mut [i64], k0: i64, step: i64) {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2,fma")]
        unsafe fn v4<T: ConvElem>(lane: &[T], best: &mut [T], at: &mut [i64], k0: i64, step: i64) {
            max_lanes_generic(lane, best, at, k0, step)
        }
        #[target_feature(enable = "avx2,fma")]
        unsafe fn v3<T: ConvElem>(lane: &[T], best: &mut [T], at: &mut [i64], k0: i64, step: i64) {
            max_lanes_generic(lane, best, at, k0, step)
        }
        if super::vmath::has_avx512() {
            // SAFETY: the CPU has the features the function was compiled for.
            return unsafe { v4(lane, best, at, k0, step) };
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: as above.
            return unsafe { v3(lane, best, at, k0, step) };
        }
    }
    max_lanes_generic(lane, best, at, k0, step)
}

#[inline(always)]
fn max_lanes_generic<T: ConvElem>(lane: &[T], best: &mut [T], at: &mut [i64], k0: i64, step: i64) {
    let n = lane.len().min(best.len()).min(at.len());
    let (lane, best, at) = (&lane[..n], &mut best[..n], &mut at[..n]);
    for l in 0..n {
        let v = lane[l];
        let take = (v > best[l]) | v.is_nan();
        best[l] = if take { v } else { best[l] };
        let k = k0 + l as i64 * step;
        at[l] = if take { k } else { at[l] };
    }
}

/// The used slots of one window.
fn valid_slots(slots: &[usize]) -> &[usize] {
    let n = slots.iter().position(|&v| v == NONE).unwrap_or(slots.len());
    &slots[..n]
}

/// Marks the end of a window's positions in [`window_positions`]' fixed-size slots.
const NONE: usize = usize::MAX;

/// The input positions each of `out` windows reads along one axis (kernel `k`, stride `s`,
/// dilation `d`, padding `p`, input length `n`): `k` slots per window, unused ones `NONE`.
/// Computed once per call, so the pooling loop does no index arithmetic.
fn window_positions(out: usize, k: usize, s: usize, d: usize, p: usize, n: usize) -> Vec<usize> {
    let mut slots = vec![NONE; out * k];
    for o in 0..out {
        let start = o * s;
        let valid = valid_range(k, d, start, p, n);
        for (slot, i) in slots[o * k..(o + 1) * k].iter_mut().zip(valid) {
            *slot = start + i * d - p;
        }
    }
    slots
}

/// Average pooling over N×C×H×W into N×C×oh×ow with PyTorch semantics (dilation ignored).
///
/// The divisor is `divisor_override` if given, else the window clipped to input+padding
/// (`count_include_pad`) or the number of real input elements in it.
pub fn avg_pool2d<T: ConvElem>(
    src: &[T],
    g: &Geom2d,
    count_include_pad: bool,
    divisor_override: Option<usize>,
    out: &mut [T],
) {
    let (hw, ohw) = (g.h * g.w, g.oh * g.ow);
    assert_eq!(src.len(), g.n * g.c * hw, "avg_pool2d: input length");
    assert_eq!(out.len(), g.n * g.c * ohw, "avg_pool2d: output length");
    // Window along one axis: (clipped to input+padding length, real input range).
    let span = |o: usize, s: usize, k: usize, p: usize, n: usize| {
        let start = o * s; // in padded coordinates
        let end = (start + k).min(n + 2 * p);
        let real = start.max(p) - p..end.min(n + p).saturating_sub(p);
        (end.saturating_sub(start), real)
    };
    for_planes(out, ohw, out.len() > PAR_THRESHOLD, |p, dst| {
        let plane = &src[p * hw..(p + 1) * hw];
        for oy in 0..g.oh {
            let (ny, ys) = span(oy, g.sh, g.kh, g.ph, g.h);
            for ox in 0..g.ow {
                let (nx, xs) = span(ox, g.sw, g.kw, g.pw, g.w);
                let o = &mut dst[oy * g.ow + ox];
                if ys.is_empty() || xs.is_empty() {
                    *o = T::zero();
                    continue;
                }
                let real = ys.len() * xs.len();
                let div =
                    divisor_override.unwrap_or(if count_include_pad { ny * nx } else { real });
                *o = T::from_f64(window_sum(plane, g.w, ys.clone(), xs) / div as f64);
            }
        }
    });
}

/// PyTorch adaptive window along one axis: `floor(i·n/o) .. ceil((i+1)·n/o)`.
fn adaptive_range(i: usize, n: usize, o: usize) -> Range<usize> {
    (i * n / o)..((i + 1) * n).div_ceil(o)
}

/// Adaptive average pooling of `n_c` planes of h×w into oh×ow (PyTorch windows).
pub fn adaptive_avg_pool2d<T: ConvElem>(
    src: &[T],
    n_c: usize,
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    out: &mut [T],
) {
    assert_eq!(src.len(), n_c * h * w, "adaptive_avg_pool2d: input length");
    assert_eq!(out.len(), n_c * oh * ow, "adaptive_avg_pool2d: output");
    for_planes(out, oh * ow, out.len() > PAR_THRESHOLD, |p, dst| {
        let plane = &src[p * h * w..(p + 1) * h * w];
        for oy in 0..oh {
            let ys = adaptive_range(oy, h, oh);
            for ox in 0..ow {
                let xs = adaptive_range(ox, w, ow);
                let count = (ys.len() * xs.len()) as f64;
                dst[oy * ow + ox] = T::from_f64(window_sum(plane, w, ys.clone(), xs) / count);
            }
        }
    });
}

/// Adaptive max pooling of `n_c` planes of h×w into oh×ow values and `h·W + w` indices.
#[allow(clippy::too_many_arguments)]
pub fn adaptive_max_pool2d<T: ConvElem>(
    src: &[T],
    n_c: usize,
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    vals: &mut [T],
    idx: &mut [i64],
) {
    assert_eq!(src.len(), n_c * h * w, "adaptive_max_pool2d: input length");
    assert!(
        vals.len() == n_c * oh * ow && idx.len() == vals.len(),
        "adaptive_max_pool2d: output length"
    );
    for_planes2(
        vals,
        idx,
        oh * ow,
        vals.len() > PAR_THRESHOLD,
        |p, vals, idx| {
            let plane = &src[p * h * w..(p + 1) * h * w];
            for oy in 0..oh {
                for ox in 0..ow {
                    let (ys, xs) = (adaptive_range(oy, h, oh), adaptive_range(ox, w, ow));
                    let (v, k) = window_max(plane, w, ys, xs);
                    vals[oy * ow + ox] = v;
                    idx[oy * ow + ox] = k;
                }
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values come from PyTorch 2.15 (float64) run on the same inputs.
    fn seq(n: usize) -> Vec<f64> {
        (0..n).map(|i| ((i * 7) % 11) as f64 * 0.5 - 2.0).collect()
    }

    /// `a` = [kh, kw, sh, sw, ph, pw, dh, dw]; the output size comes from `out_size`.
    #[rustfmt::skip]
    fn geom([n, c, h, w]: [usize; 4], a: [usize; 8], ceil: bool) -> Geom2d {
        let [kh, kw, sh, sw, ph, pw, dh, dw] = a;
        let oh = Geom2d::out_size(h, kh, sh, ph, dh, ceil).unwrap(); // test-only unwrap
        let ow = Geom2d::out_size(w, kw, sw, pw, dw, ceil).unwrap(); // test-only unwrap
        Geom2d { n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow }
    }

    /// Checks `got * scale == want` (NaN matches NaN).
    fn close(got: &[f64], scale: f64, want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            let ok = (g * scale - w).abs() < 1e-9 || (g.is_nan() && w.is_nan());
            assert!(ok, "at {i}: {g} * {scale} vs {w}");
        }
    }

    #[test]
    fn out_size_matches_torch() {
        // Torch max_pool2d output width for input 1..=8, k 1..=4, s 1..=3, p 0..=k/2,
        // d in {1, 2}, ceil in {false, true} (loops nested in that order); '-' = error.
        let table = concat!(
            "111111111111----2211-1--1111-1-11111----11------11---1--11-1--------22-------1--12-------1--11-1",
            "22221111111111--332211-1221211-11111----22---1--12-1-1--11-1----11--33------11--22-1-1--11--12-1",
            "33332222111122114433121122221111221211--331111--221111-11211----22--4411-1--12--2311-1--12-12211",
            "44442222222233225544221233231212222222--442212-1231212-1221211--33--552211--22-1331211--12-12212",
            "55553333222244336655232233332212222233115533221133221211221222--4411663312--2311342212-122112312",
            "66663333222255447766332344342222332344226644231234232212232233--5522774422-13312442312-123123322",
            "777744443333665588773433444423233333553377553322443323123323441166338855231134224533221123123323",
            "888844443333776699884434554533233333664488663423453423223323552277449966331244235534231233223423",
        );
        let mut want = table.chars().map(|ch| ch.to_digit(10).map(|v| v as usize));
        for input in 1..=8 {
            for k in 1..=4 {
                for s in 1..=3 {
                    for p in 0..=k / 2 {
                        for (d, ceil) in [(1, false), (1, true), (2, false), (2, true)] {
                            let got = Geom2d::out_size(input, k, s, p, d, ceil);
                            assert_eq!(Some(got), want.next(), "{input} {k} {s} {p} {d} {ceil}");
                        }
                    }
                }
            }
        }
        assert_eq!(want.next(), None);
        assert_eq!(Geom2d::out_size(3, 0, 1, 0, 1, false), None);
    }

    #[test]
    fn unfold_and_fold() {
        let g = geom([2, 2, 3, 4], [2, 2, 2, 1, 1, 0, 1, 2], false);
        assert_eq!((g.oh, g.ow), (2, 2));
        let mut cols = vec![0.0; 64];
        im2col(&seq(48), &g, &mut cols);
        #[rustfmt::skip]
        close(&cols, 1.0, &[
            0.0, 0.0, 1.0, -1.0, 0.0, 0.0, 2.5, 0.5, -2.0, 1.5, -1.5, 2.0, -0.5, 3.0, 0.0, -2.0,
            0.0, 0.0, -1.0, 2.5, 0.0, 0.0, 0.5, -1.5, 1.5, -0.5, 2.0, 0.0, 3.0, 1.0, -2.0, 1.5,
            0.0, 0.0, 2.5, 0.5, 0.0, 0.0, -1.5, 2.0, -0.5, 3.0, 0.0, -2.0, 1.0, -1.0, 1.5, -0.5,
            0.0, 0.0, 0.5, -1.5, 0.0, 0.0, 2.0, 0.0, 3.0, 1.0, -2.0, 1.5, -1.0, 2.5, -0.5, 3.0,
        ]);
        let mut img = vec![9.0; 48];
        col2im(&seq(64), &g, &mut img);
        #[rustfmt::skip]
        close(&img, 1.0, &[
            -1.5, 2.0, 1.5, -0.5, -0.5, 3.0, 2.5, 0.5, 0.0, -2.0, 3.0, 1.0, -0.5, 3.0, 2.5, 0.5,
            0.5, -1.5, -2.0, 1.5, 1.0, -1.0, -1.5, 2.0, 0.5, -1.5, -2.0, 1.5, 1.5, -0.5, -1.0, 2.5,
            2.0, 0.0, -0.5, 3.0, 1.5, -0.5, -1.0, 2.5, 2.5, 0.5, 0.0, -2.0, 3.0, 1.0, 0.5, -1.5,
        ]);
    }

    #[test]
    fn unfold_and_fold_strided() {
        let g = geom([1, 1, 4, 5], [2, 2, 2, 2, 1, 1, 1, 1], false);
        let mut cols = vec![0.0; 36];
        im2col(&seq(20), &g, &mut cols);
        #[rustfmt::skip]
        close(&cols, 1.0, &[
            0.0, 0.0, 0.0, 0.0, 2.5, -1.5, 0.0, -1.0, 0.5, 0.0, 0.0, 0.0, -1.0, 0.5, 2.0, 1.0, 2.5, -1.5,
            0.0, 1.5, 3.0, 0.0, -2.0, -0.5, 0.0, 0.0, 0.0, -2.0, -0.5, 1.0, 0.0, 1.5, 3.0, 0.0, 0.0, 0.0,
        ]);
        let mut img = vec![0.0; 20];
        col2im(&seq(36), &g, &mut img);
        #[rustfmt::skip]
        close(&img, 1.0, &[
            -1.0, -1.5, 2.5, 2.0, 0.5, 1.5, 1.0, -0.5, -1.0, 3.0,
            -1.5, -2.0, 2.0, 1.5, 0.0, 1.0, 0.5, -1.0, -1.5, 2.5,
        ]);
    }

    #[test]
    fn large_parallel_matches_per_plane() {
        // Big enough for the parallel path; each plane alone runs sequentially.
        let g = geom([2, 3, 81, 97], [3, 4, 1, 1, 1, 2, 2, 1], false);
        let ga = geom([2, 3, 81, 97], [3, 4, 2, 1, 1, 2, 1, 1], true);
        let (hw, ohw, oha, kk) = (g.h * g.w, g.oh * g.ow, ga.oh * ga.ow, g.kh * g.kw);
        let x: Vec<f64> = (0..6 * hw).map(|i| ((i * 31) % 17) as f64 - 8.0).collect();
        let y: Vec<f64> = (0..6 * kk * ohw).map(|i| ((i * 13) % 7) as f64).collect();
        let run = |x: &[f64], y: &[f64], g: &Geom2d, ga: &Geom2d| {
            let planes = g.n * g.c;
            let (mut cx, mut ty) = (vec![0.0; y.len()], vec![0.0; x.len()]);
            let (mut mv, mut mi) = (vec![0.0; planes * ohw], vec![0; planes * ohw]);
            let mut av = vec![0.0; planes * oha];
            im2col(x, g, &mut cx);
            col2im(y, g, &mut ty);
            max_pool2d(x, g, &mut mv, &mut mi);
            avg_pool2d(x, ga, false, None, &mut av);
            (cx, ty, mv, mi, av)
        };
        let all = run(&x, &y, &g, &ga);
        assert!(all.0.len() > PAR_THRESHOLD && all.2.len() > PAR_THRESHOLD);
        // Adjointness: <im2col(x), y> == <x, col2im(y)>.
        let lhs: f64 = all.0.iter().zip(&y).map(|(a, b)| a * b).sum();
        let rhs: f64 = x.iter().zip(&all.1).map(|(a, b)| a * b).sum();
        assert_eq!(lhs, rhs);
        let (one, one_a) = (Geom2d { n: 1, c: 1, ..g }, Geom2d { n: 1, c: 1, ..ga });
        for p in 0..6 {
            let (xs, ys) = (&x[p * hw..][..hw], &y[p * kk * ohw..][..kk * ohw]);
            let (cx, ty, mv, mi, av) = run(xs, ys, &one, &one_a);
            assert_eq!(cx, all.0[p * kk * ohw..][..kk * ohw]);
            assert_eq!(ty, all.1[p * hw..][..hw]);
            assert_eq!(mv, all.2[p * ohw..][..ohw]);
            assert_eq!(mi, all.3[p * ohw..][..ohw]);
            assert_eq!(av, all.4[p * oha..][..oha]);
        }
    }

    #[test]
    fn max_pool_ceil_and_dilation() {
        let x = seq(30);
        let g = geom([1, 1, 5, 6], [3, 3, 2, 2, 1, 1, 1, 1], true);
        let (mut v, mut i) = (vec![0.0; 12], vec![0; 12]);
        max_pool2d(&x, &g, &mut v, &mut i);
        close(
            &v,
            1.0,
            &[2.5, 3., 3., -1., 2.5, 3., 2.5, 2.5, 3., 3., 2.5, 1.5],
        );
        assert_eq!(i, [6, 3, 3, 5, 6, 14, 17, 17, 25, 25, 28, 23]);
        let g = geom([1, 1, 5, 6], [2, 2, 2, 2, 1, 1, 2, 2], true);
        max_pool2d(&x, &g, &mut v, &mut i);
        close(
            &v,
            1.0,
            &[0.5, 2., 2., -2., 0.5, 2., 2., 1.5, -1.5, 0., 1.5, 1.5],
        );
        assert_eq!(i, [7, 9, 9, 11, 7, 9, 9, 23, 19, 21, 23, 23]);
        // f32 goes through the same generic code.
        let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let (mut v32, mut i32) = (vec![0.0f32; 12], vec![0; 12]);
        max_pool2d(&x32, &g, &mut v32, &mut i32);
        assert_eq!((v32[7], i32[7]), (1.5, 23));
    }

    #[test]
    fn max_pool_nan() {
        let nan = f64::NAN;
        let x = [
            1., nan, nan, 0., nan, 2., 5., 5., 5., nan, nan, 1., 5., 0., 0., nan,
        ];
        let g = geom([1, 1, 4, 4], [2, 2, 2, 2, 0, 0, 1, 1], false);
        let (mut v, mut i) = (vec![0.0; 4], vec![0; 4]);
        max_pool2d(&x, &g, &mut v, &mut i);
        assert!(v.iter().all(|v| v.is_nan()));
        assert_eq!(i, [4, 2, 9, 15]);
        let (mut v, mut i) = (vec![0.0; 9], vec![0; 9]);
        adaptive_max_pool2d(&x, 1, 4, 4, 3, 3, &mut v, &mut i);
        assert!(v.iter().all(|v| v.is_nan()));
        assert_eq!(i, [4, 2, 2, 9, 10, 10, 9, 10, 15]);
    }

    #[test]
    fn max_pool_rows_match_window_by_window() {
        // The row-at-a-time path (whole windows) and the window path (padding, ceil_mode
        // edges) against a window-by-window scan, on values with ties, NaNs and wide rows.
        let x: Vec<f32> = (0..2 * 3 * 9 * 150)
            .map(|i: usize| match (i * 7919) % 23 {
                0 => f32::NAN,
                r => (r % 5) as f32 - 2.0,
            })
            .collect();
        for a in [
            [2, 2, 2, 2, 0, 0, 1, 1],
            [3, 3, 1, 1, 0, 0, 1, 1],
            [3, 2, 2, 3, 0, 0, 2, 1],
            [2, 3, 1, 2, 1, 1, 1, 2],
            [3, 3, 2, 2, 1, 0, 1, 1],
        ] {
            for ceil in [false, true] {
                let g = geom([2, 3, 9, 150], a, ceil);
                let n = g.n * g.c * g.oh * g.ow;
                let (mut v, mut i) = (vec![0.0f32; n], vec![0i64; n]);
                max_pool2d(&x, &g, &mut v, &mut i);
                for p in 0..g.n * g.c {
                    let plane = &x[p * g.h * g.w..(p + 1) * g.h * g.w];
                    for oy in 0..g.oh {
                        for ox in 0..g.ow {
                            let (y0, x0) = (oy * g.sh, ox * g.sw);
                            let rows = valid_range(g.kh, g.dh, y0, g.ph, g.h)
                                .map(|r| y0 + r * g.dh - g.ph);
                            let cols = valid_range(g.kw, g.dw, x0, g.pw, g.w)
                                .map(|c| x0 + c * g.dw - g.pw);
                            let (wv, wi) = window_max(plane, g.w, rows, cols);
                            let o = (p * g.oh + oy) * g.ow + ox;
                            assert_eq!(i[o], wi, "{a:?} ceil={ceil} at {o}");
                            assert!(v[o] == wv || (v[o].is_nan() && wv.is_nan()));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn avg_pool_variants() {
        // Expected values are PyTorch's scaled by 18 / 72 / 1 to keep them exact.
        let x = seq(30);
        let g = geom([1, 1, 5, 6], [3, 3, 2, 2, 1, 1, 1, 1], true);
        let mut o = vec![0.0; 12];
        avg_pool2d(&x, &g, true, None, &mut o);
        close(
            &o,
            18.0,
            &[5., 10., 6., -9., 6., 10., 4., 6., 3., 7., 3., 6.],
        );
        avg_pool2d(&x, &g, false, None, &mut o);
        close(
            &o,
            72.0,
            &[45., 60., 36., -108., 36., 40., 16., 48., 27., 42., 18., 72.],
        );
        avg_pool2d(&x, &g, true, Some(2), &mut o);
        close(
            &o,
            1.0,
            &[1.25, 2.5, 1.5, -1.5, 1.5, 2.5, 1., 1., 0.75, 1.75, 0.75, 1.],
        );
    }

    #[test]
    fn adaptive_pools() {
        // Average values are PyTorch's scaled by 72.
        let mut o = vec![0.0; 18];
        adaptive_avg_pool2d(&seq(50), 2, 5, 5, 3, 3, &mut o);
        #[rustfmt::skip]
        close(&o, 72.0, &[
            18., 66., 81., -6., 20., 24., 36., 18., 0., 81., 30., 45., 24., 28., -12., 0., 48., -36.,
        ]);
        let (mut v, mut i) = (vec![0.0; 12], vec![0; 12]);
        adaptive_max_pool2d(&seq(35), 1, 5, 7, 3, 4, &mut v, &mut i);
        close(
            &v,
            1.0,
            &[1.5, 3., 3., 2.5, 3., 2.5, 3., 2., 2.5, 2., 3., 1.5],
        );
        assert_eq!(i, [1, 3, 3, 6, 14, 17, 25, 20, 28, 31, 25, 34]);
    }
}
