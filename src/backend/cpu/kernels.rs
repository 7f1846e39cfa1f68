//! The generic loops every CPU kernel is made of (one input, two inputs, two inputs into the
//! first), and the per-op dispatch that hands them each op's scalar function.

use super::loops::{par_chunks, Plan, PAR_MIN_CHEAP, PAR_MIN_COSTLY, PAR_MIN_EXP};
use super::num::Num;
use super::{vmath, CpuStorage};
use crate::backend::op::{BinaryOp, CmpOp, Float, UnaryOp, UnaryVisitor};
use crate::types::{DType, Element, Layout, Result};

#[inline(always)]
pub(super) fn map1<T: Element, O: Element>(
    src: &[T],
    layout: &Layout,
    out: &mut [O],
    par_min: usize,
    f: impl Fn(T) -> O + Sync,
) {
    let plan = Plan::new([layout]);
    par_chunks(out, par_min, |start, chunk| {
        plan.for_each_run(start, start + chunk.len(), |pos, [o], [s], len| {
            let dst = &mut chunk[pos - start..pos - start + len];
            if s == 1 {
                for (d, &x) in dst.iter_mut().zip(&src[o..o + len]) {
                    *d = f(x);
                }
            } else {
                for (i, d) in dst.iter_mut().enumerate() {
                    *d = f(src[o + i * s]);
                }
            }
        })
    });
}

#[inline(always)]
pub(super) fn map2<A: Element, B: Element, O: Element>(
    a: &[A],
    la: &Layout,
    b: &[B],
    lb: &Layout,
    out: &mut [O],
    f: impl Fn(A, B) -> O + Sync,
) {
    if out.len() < PAR_MIN_CHEAP && la.is_contiguous() && lb.is_contiguous() {
        // Small and contiguous: one tight loop, no planning.
        let n = out.len();
        let (a, b) = (
            &a[la.offset()..la.offset() + n],
            &b[lb.offset()..lb.offset() + n],
        );
        for ((d, &x), &y) in out.iter_mut().zip(a).zip(b) {
            *d = f(x, y);
        }
        return;
    }
    let plan = Plan::new([la, lb]);
    par_chunks(out, PAR_MIN_CHEAP, |start, chunk| {
        plan.for_each_run(
            start,
            start + chunk.len(),
            |pos, [oa, ob], [sa, sb], len| {
                let dst = &mut chunk[pos - start..pos - start + len];
                match (sa, sb) {
                    (1, 1) => {
                        for ((d, &x), &y) in
                            dst.iter_mut().zip(&a[oa..oa + len]).zip(&b[ob..ob + len])
                        {
                            *d = f(x, y);
                        }
                    }
                    (1, 0) => {
                        let y = b[ob];
                        for (d, &x) in dst.iter_mut().zip(&a[oa..oa + len]) {
                            *d = f(x, y);
                        }
                    }
                    (0, 1) => {
                        let x = a[oa];
                        for (d, &y) in dst.iter_mut().zip(&b[ob..ob + len]) {
                            *d = f(x, y);
                        }
                    }
                    _ => {
                        for (i, d) in dst.iter_mut().enumerate() {
                            *d = f(a[oa + i * sa], b[ob + i * sb]);
                        }
                    }
                }
            },
        )
    });
}

/// `d = f(d, r)` over the elements layout `ld` addresses in `d` (`r` broadcast to its shape).
#[inline(always)]
pub(super) fn map_assign<T: Element>(
    d: &mut [T],
    ld: &Layout,
    r: &[T],
    lr: &Layout,
    f: impl Fn(T, T) -> T + Sync,
) {
    let n = ld.numel();
    if ld.is_contiguous() {
        let dst = &mut d[ld.offset()..ld.offset() + n];
        let plan = Plan::new([lr]);
        par_chunks(dst, PAR_MIN_CHEAP, |start, chunk| {
            plan.for_each_run(start, start + chunk.len(), |pos, [or], [sr], len| {
                let c = &mut chunk[pos - start..pos - start + len];
                match sr {
                    1 => {
                        for (x, &y) in c.iter_mut().zip(&r[or..or + len]) {
                            *x = f(*x, y);
                        }
                    }
                    0 => {
                        let y = r[or];
                        for x in c.iter_mut() {
                            *x = f(*x, y);
                        }
                    }
                    _ => {
                        for (i, x) in c.iter_mut().enumerate() {
                            *x = f(*x, r[or + i * sr]);
                        }
                    }
                }
            })
        });
    } else {
        Plan::new([ld, lr]).for_each_run(0, n, |_, [od, or], [sd, sr], len| {
            for i in 0..len {
                let p = od + i * sd;
                d[p] = f(d[p], r[or + i * sr]);
            }
        });
    }
}

pub(super) struct UnaryKernel<'a> {
    pub src: &'a CpuStorage,
    pub layout: &'a Layout,
}

impl<F: Float> UnaryVisitor<F> for UnaryKernel<'_> {
    type Out = Result<CpuStorage>;
    fn visit(self, op: UnaryOp, f: impl Fn(F) -> F + Copy + Send + Sync) -> Self::Out {
        let mut out = CpuStorage::for_output(F::DTYPE, self.layout.numel())?;
        let src = self.src.as_slice::<F>();
        if op == UnaryOp::Exp && F::DTYPE == DType::F32 {
            let (src, dst) = (self.src.as_slice::<f32>(), out.as_mut_slice::<f32>());
            let plan = Plan::new([self.layout]);
            par_chunks(dst, PAR_MIN_EXP, |start, chunk| {
                plan.for_each_run(start, start + chunk.len(), |pos, [o], [s], len| {
                    let d = &mut chunk[pos - start..pos - start + len];
                    if s == 1 {
                        vmath::exp_f32(&src[o..o + len], d);
                    } else {
                        for (i, d) in d.iter_mut().enumerate() {
                            *d = src[o + i * s].exp();
                        }
                    }
                })
            });
        } else {
            let cheap = matches!(
                op,
                UnaryOp::Neg
                    | UnaryOp::Abs
                    | UnaryOp::Floor
                    | UnaryOp::Ceil
                    | UnaryOp::Round
                    | UnaryOp::Trunc
            );
            let min = if cheap { PAR_MIN_CHEAP } else { PAR_MIN_COSTLY };
            map1(src, self.layout, out.as_mut_slice::<F>(), min, f);
        }
        Ok(out)
    }
}

/// Calls `$go!(f)` with the scalar function of a binary op for element type `$T`: the one
/// table from `BinaryOp` to num.rs, shared by the out-of-place and in-place kernels.
macro_rules! with_scalar_fn {
    ($op:expr, $T:ident, $go:ident) => {
        match $op {
            BinaryOp::Add => $go!($T::add),
            BinaryOp::Sub => $go!($T::sub),
            BinaryOp::Mul => $go!($T::mul),
            BinaryOp::Div => $go!($T::div),
            BinaryOp::FloorDiv => $go!($T::floor_div),
            BinaryOp::Remainder => $go!($T::remainder),
            BinaryOp::Fmod => $go!($T::fmod),
            BinaryOp::Pow => $go!($T::pow),
            BinaryOp::Maximum => $go!($T::maximum),
            BinaryOp::Minimum => $go!($T::minimum),
            BinaryOp::Atan2 => $go!($T::atan2),
            BinaryOp::BitAnd => $go!($T::bitand),
            BinaryOp::BitOr => $go!($T::bitor),
            BinaryOp::BitXor => $go!($T::bitxor),
            BinaryOp::Shl => $go!($T::shl),
            BinaryOp::Shr => $go!($T::shr),
        }
    };
}

pub(super) fn binary_typed<T: Num>(
    op: BinaryOp,
    a: &[T],
    la: &Layout,
    b: &[T],
    lb: &Layout,
    out: &mut [T],
) {
    macro_rules! go {
        ($f:path) => {
            map2(a, la, b, lb, out, $f)
        };
    }
    with_scalar_fn!(op, T, go)
}

pub(super) fn binary_assign_typed<T: Num>(
    op: BinaryOp,
    d: &mut [T],
    ld: &Layout,
    r: &[T],
    lr: &Layout,
) {
    macro_rules! go {
        ($f:path) => {
            map_assign(d, ld, r, lr, $f)
        };
    }
    with_scalar_fn!(op, T, go)
}

pub(super) fn cmp_typed<T: Element>(
    op: CmpOp,
    a: &[T],
    la: &Layout,
    b: &[T],
    lb: &Layout,
    out: &mut [bool],
) {
    match op {
        CmpOp::Eq => map2(a, la, b, lb, out, |x, y| x == y),
        CmpOp::Ne => map2(a, la, b, lb, out, |x, y| x != y),
        CmpOp::Lt => map2(a, la, b, lb, out, |x, y| x < y),
        CmpOp::Le => map2(a, la, b, lb, out, |x, y| x <= y),
        CmpOp::Gt => map2(a, la, b, lb, out, |x, y| x > y),
        CmpOp::Ge => map2(a, la, b, lb, out, |x, y| x >= y),
    }
}
