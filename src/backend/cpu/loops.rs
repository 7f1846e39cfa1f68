//! The strided loop every CPU kernel runs on. Dimensions are first coalesced (size-1 dims
//! dropped, neighbours merged where every operand is contiguous across them), so contiguous
//! and broadcast-scalar operands become one long run the compiler vectorises; what stays
//! strided walks an odometer over the outer dims with a tight loop over the innermost.

use crate::types::{Dims, Layout};
use rayon::prelude::*;

/// Below these many output elements a kernel runs on the calling thread. Waking rayon's
/// workers costs ~25 µs on the 2-core dev machine (benches/elementwise.rs `add_sized`,
/// `sin_sized`, one thread against two; benches/RESULTS.md), so memory-bound ops split only
/// from ~2M elements, the vectorised float32 exp from ~256K, libm calls from ~16K.
pub const PAR_MIN_CHEAP: usize = 1 << 21;
pub const PAR_MIN_EXP: usize = 1 << 18;
pub const PAR_MIN_COSTLY: usize = 1 << 14;

/// A loop over `N` operands that share one shape (already broadcast).
pub struct Plan<const N: usize> {
    shape: Dims,
    strides: [Dims; N],
    offsets: [usize; N],
}

impl<const N: usize> Plan<N> {
    pub fn new(layouts: [&Layout; N]) -> Plan<N> {
        let shape = layouts[0].shape();
        if layouts.iter().all(|l| l.is_contiguous()) {
            // The common case: one flat run per operand.
            let n = layouts[0].numel();
            return Plan {
                shape: smallvec::smallvec![n],
                strides: std::array::from_fn(|_| smallvec::smallvec![1]),
                offsets: std::array::from_fn(|k| layouts[k].offset()),
            };
        }
        // (size, strides per operand), innermost first, size-1 dims dropped.
        let mut dims: Vec<(usize, [usize; N])> = Vec::with_capacity(shape.len());
        for d in (0..shape.len()).rev() {
            if shape[d] == 1 {
                continue;
            }
            let st: [usize; N] = std::array::from_fn(|k| layouts[k].strides()[d]);
            if let Some((size, inner)) = dims.last_mut() {
                if (0..N).all(|k| st[k] == inner[k] * *size) {
                    *size *= shape[d];
                    continue;
                }
            }
            dims.push((shape[d], st));
        }
        dims.reverse();
        Plan {
            shape: dims.iter().map(|d| d.0).collect(),
            strides: std::array::from_fn(|k| dims.iter().map(|d| d.1[k]).collect()),
            offsets: std::array::from_fn(|k| layouts[k].offset()),
        }
    }

    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }

    /// Calls `f(position, offsets, inner_strides, len)` for each run of the innermost
    /// dimension covering output positions `[start, end)` in row-major order.
    #[inline(always)]
    pub fn for_each_run(
        &self,
        start: usize,
        end: usize,
        mut f: impl FnMut(usize, [usize; N], [usize; N], usize),
    ) {
        let nd = self.shape.len();
        if start >= end {
            return;
        }
        if nd == 0 {
            f(0, self.offsets, [0; N], 1);
            return;
        }
        let inner = self.shape[nd - 1];
        let inner_strides: [usize; N] = std::array::from_fn(|k| self.strides[k][nd - 1]);
        // Multi-index of `start` and the operands' offsets there.
        let mut index: Dims = smallvec::smallvec![0; nd];
        let mut rem = start;
        for d in (0..nd).rev() {
            index[d] = rem % self.shape[d];
            rem /= self.shape[d];
        }
        let mut offs: [usize; N] = std::array::from_fn(|k| {
            self.offsets[k]
                + (0..nd)
                    .map(|d| index[d] * self.strides[k][d])
                    .sum::<usize>()
        });
        let mut pos = start;
        while pos < end {
            let len = (inner - index[nd - 1]).min(end - pos);
            f(pos, offs, inner_strides, len);
            pos += len;
            // Advance the odometer by `len` along the innermost dim, carrying outward.
            index[nd - 1] += len;
            for (o, s) in offs.iter_mut().zip(inner_strides) {
                *o += len * s;
            }
            let mut d = nd - 1;
            while index[d] == self.shape[d] && d > 0 {
                for (o, st) in offs.iter_mut().zip(&self.strides) {
                    *o = *o - self.shape[d] * st[d] + st[d - 1];
                }
                index[d] = 0;
                index[d - 1] += 1;
                d -= 1;
            }
        }
    }
}

/// Fills `out` by calling `f(start, chunk)` on pieces of it, in parallel when it is large.
#[inline(always)]
pub fn par_chunks<O: Send>(out: &mut [O], min: usize, f: impl Fn(usize, &mut [O]) + Sync) {
    let n = out.len();
    if n < min {
        f(0, out);
        return;
    }
    let threads = rayon::current_num_threads();
    if threads == 1 {
        f(0, out);
        return;
    }
    // A few chunks per thread so that an unlucky one does not hold the others up.
    let chunk = n.div_ceil(threads * 4).next_multiple_of(1024);
    out.par_chunks_mut(chunk)
        .enumerate()
        .for_each(|(i, c)| f(i * chunk, c));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coalesces_contiguous_and_visits_in_order() {
        let a = Layout::contiguous(&[2, 3, 4]);
        let p = Plan::new([&a]);
        assert_eq!(p.shape.as_slice(), &[24]);
        let t = Layout::contiguous(&[3, 4]).permute(&[1, 0]); // shape [4, 3]
        let p = Plan::new([&t]);
        let mut seen = vec![];
        p.for_each_run(2, 11, |pos, [o], [s], len| {
            for i in 0..len {
                seen.push((pos + i, o + i * s));
            }
        });
        let expect: Vec<_> = (2..11).map(|i| (i, (i % 3) * 4 + i / 3)).collect();
        assert_eq!(seen, expect);
    }
}
