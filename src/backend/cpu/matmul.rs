//! Batched matrix products: `gemm` for float32/float64 (its AVX-512 kernels where the CPU has
//! them, picked at run time), a plain loop for integers. Operands arrive as 3-D layouts
//! `[batch, m, k]` and `[batch, k, n]` with any strides (a broadcast batch has stride 0).

use super::num::Num;
use crate::types::{Element, Layout};
use gemm::Parallelism;
use rayon::prelude::*;

/// Below this many multiply-adds a product runs on one thread.
const PAR_MIN_FLOPS: usize = 1 << 18;
/// From this many multiply-adds (waking a second thread costs ~25 µs here) …
const SPLIT_MIN_FLOPS: usize = 1 << 21;
/// … up to this many a product is split into one block per thread; above it,
/// gemm's own parallel packing does better.
const SPLIT_MAX_FLOPS: usize = 1 << 26;

/// A raw pointer that may cross to rayon's threads: each batch writes its own block.
#[derive(Clone, Copy)]
struct SendPtr<T>(*mut T);
// SAFETY: the pointer is only dereferenced for disjoint output blocks, one per batch.
unsafe impl<T> Send for SendPtr<T> {}
unsafe impl<T> Sync for SendPtr<T> {}

impl<T> SendPtr<T> {
    // A method (not a field read) so closures capture the whole Send wrapper.
    fn get(self) -> *mut T {
        self.0
    }
}

/// `out[b] = a[b] @ b[b]` for float32 or float64 (`T` must be one of them).
pub(super) fn matmul_float<T: Element>(a: &[T], la: &Layout, b: &[T], lb: &Layout, out: &mut [T]) {
    let (batch, m, k) = (la.shape()[0], la.shape()[1], la.shape()[2]);
    let n = lb.shape()[2];
    if batch * m * n == 0 {
        return;
    }
    if k == 0 {
        out.fill(T::from_i64(0));
        return;
    }
    let (sa, sb) = (la.strides(), lb.strides());
    let flops = m * n * k;
    let dst = SendPtr(out.as_mut_ptr());
    // Batch `i`, output rows `rows` and columns `cols`, into their place in `out`.
    let block = |i: usize, rows: (usize, usize), cols: (usize, usize), par: Parallelism| {
        let ((r0, r1), (c0, c1)) = (rows, cols);
        // SAFETY: the caller checked both layouts lie inside their storages, so every
        // element gemm reads through these pointers and strides is in bounds; `out` holds
        // batch*m*n elements, and each call writes only its own rows × columns of batch `i`.
        unsafe {
            gemm::gemm(
                r1 - r0,
                c1 - c0,
                k,
                dst.get().add(i * m * n + r0 * n + c0),
                1,
                n as isize,
                false,
                a.as_ptr().add(la.offset() + i * sa[0] + r0 * sa[1]),
                sa[2] as isize,
                sa[1] as isize,
                b.as_ptr().add(lb.offset() + i * sb[0] + c0 * sb[2]),
                sb[2] as isize,
                sb[1] as isize,
                T::from_i64(0),
                T::from_i64(1),
                false,
                false,
                false,
                par,
            )
        }
    };
    let one = |i: usize, par: Parallelism| block(i, (0, m), (0, n), par);
    let threads = rayon::current_num_threads();
    if flops * batch < PAR_MIN_FLOPS || threads == 1 || (batch < threads && flops < SPLIT_MIN_FLOPS)
    {
        // Small products (an MLP's last layer and its gradients) are over before a second
        // thread would wake.
        (0..batch).for_each(|i| one(i, Parallelism::None));
    } else if batch >= threads && flops < SPLIT_MIN_FLOPS {
        (0..batch)
            .into_par_iter()
            .for_each(|i| one(i, Parallelism::None));
    } else if (SPLIT_MIN_FLOPS..SPLIT_MAX_FLOPS).contains(&flops) {
        // Medium products (a layer of a small MLP): one block of rows or columns per thread
        // beats gemm's own splitting, which synchronises its threads inside every block.
        let (len, by_rows) = if m >= n { (m, true) } else { (n, false) };
        let parts = threads.min(len);
        (0..batch * parts).into_par_iter().for_each(|j| {
            let (i, p) = (j / parts, j % parts);
            let span = (p * len / parts, (p + 1) * len / parts);
            if by_rows {
                block(i, span, (0, n), Parallelism::None)
            } else {
                block(i, (0, m), span, Parallelism::None)
            }
        });
    } else {
        (0..batch).for_each(|i| one(i, Parallelism::Rayon(0)));
    }
}

/// Integer products, wrapping as PyTorch's do.
pub(super) fn matmul_int<T: Num>(a: &[T], la: &Layout, b: &[T], lb: &Layout, out: &mut [T]) {
    let (m, k) = (la.shape()[1], la.shape()[2]);
    let n = lb.shape()[2];
    let (sa, sb) = (la.strides(), lb.strides());
    let (oa, ob) = (la.offset(), lb.offset());
    if m * n == 0 {
        return;
    }
    out.par_chunks_mut(m * n).enumerate().for_each(|(i, o)| {
        o.fill(T::from_i64(0));
        for r in 0..m {
            let row = &mut o[r * n..(r + 1) * n];
            for p in 0..k {
                let x = a[oa + i * sa[0] + r * sa[1] + p * sa[2]];
                for (c, d) in row.iter_mut().enumerate() {
                    *d = T::add(*d, T::mul(x, b[ob + i * sb[0] + p * sb[1] + c * sb[2]]));
                }
            }
        }
    });
}
