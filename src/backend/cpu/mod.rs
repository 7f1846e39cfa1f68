//! The CPU backend: storage in aligned, cached buffers; kernels generic over the element
//! type, each with a contiguous fast path and a strided one, parallel above `PAR_MIN`.

mod alloc;
mod loops;
mod num;
mod vmath;

pub use alloc::{cached_bytes, empty_cache, total_memory};
pub use loops::{PAR_MIN_CHEAP, PAR_MIN_COSTLY, PAR_MIN_EXP};

use super::op::{BinaryOp, CmpOp, Float, UnaryOp, UnaryVisitor};
use super::BackendStorage;
use crate::types::{DType, Device, Element, Error, Layout, Result, Scalar};
use crate::with_dtype;
use alloc::Buffer;
use loops::{par_chunks, Plan};
use num::Num;

/// Elements of one dtype in one CPU buffer.
pub struct CpuStorage {
    buf: Buffer,
    dtype: DType,
    len: usize,
}

impl CpuStorage {
    fn bytes(dtype: DType, len: usize) -> u128 {
        len as u128 * dtype.size() as u128
    }

    pub fn zeros(dtype: DType, len: usize) -> Result<CpuStorage> {
        Ok(CpuStorage {
            buf: Buffer::zeroed(Self::bytes(dtype, len))?,
            dtype,
            len,
        })
    }

    /// Storage whose every element the caller writes before reading.
    pub fn for_output(dtype: DType, len: usize) -> Result<CpuStorage> {
        if dtype == DType::Bool {
            // A reused buffer may hold bytes other than 0 and 1: not valid bools.
            return Self::zeros(dtype, len);
        }
        Ok(CpuStorage {
            buf: Buffer::for_output(Self::bytes(dtype, len))?,
            dtype,
            len,
        })
    }

    pub fn from_slice<T: Element>(data: &[T]) -> Result<CpuStorage> {
        let mut s = Self::for_output(T::DTYPE, data.len())?;
        s.as_mut_slice::<T>().copy_from_slice(data);
        Ok(s)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_slice<T: Element>(&self) -> &[T] {
        // Reinterpreting bytes as another type would be unsound: this must hold, always.
        assert_eq!(T::DTYPE, self.dtype, "storage holds {}", self.dtype);
        // SAFETY: the buffer holds `len` initialised elements of `dtype` (bools only 0/1).
        unsafe { self.buf.typed(self.len) }
    }

    pub fn as_mut_slice<T: Element>(&mut self) -> &mut [T] {
        assert_eq!(T::DTYPE, self.dtype, "storage holds {}", self.dtype);
        // SAFETY: as in `as_slice`; every write goes through a typed `T`.
        unsafe { self.buf.typed_mut(self.len) }
    }

    fn check_range(&self, layout: &Layout) -> Result<()> {
        if layout.storage_extent() > self.len {
            return Err(Error::invalid(
                "storage",
                format!(
                    "layout reaches element {} of a storage of {} elements",
                    layout.storage_extent(),
                    self.len
                ),
            ));
        }
        Ok(())
    }
}

#[inline(always)]
fn map1<T: Element, O: Element>(
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
fn map2<A: Element, B: Element, O: Element>(
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
fn map_assign<T: Element>(
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

struct UnaryKernel<'a> {
    src: &'a CpuStorage,
    layout: &'a Layout,
}

impl<F: Float> UnaryVisitor<F> for UnaryKernel<'_> {
    type Out = Result<CpuStorage>;
    fn visit(self, op: UnaryOp, f: impl Fn(F) -> F + Copy + Send + Sync) -> Self::Out {
        let mut out = CpuStorage::for_output(F::DTYPE, self.layout.numel())?;
        let src = self.src.as_slice::<F>();
        if op == UnaryOp::Exp && F::DTYPE == DType::F32 {
            let (src, dst) = (self.src.as_slice::<f32>(), out.as_mut_slice::<f32>());
            let plan = Plan::new([self.layout]);
            par_chunks(dst, loops::PAR_MIN_EXP, |start, chunk| {
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
            let min = if cheap {
                PAR_MIN_CHEAP
            } else {
                loops::PAR_MIN_COSTLY
            };
            map1(src, self.layout, out.as_mut_slice::<F>(), min, f);
        }
        Ok(out)
    }
}

fn binary_typed<T: Num>(op: BinaryOp, a: &[T], la: &Layout, b: &[T], lb: &Layout, out: &mut [T]) {
    macro_rules! go {
        ($f:path) => {
            map2(a, la, b, lb, out, $f)
        };
    }
    match op {
        BinaryOp::Add => go!(T::add),
        BinaryOp::Sub => go!(T::sub),
        BinaryOp::Mul => go!(T::mul),
        BinaryOp::Div => go!(T::div),
        BinaryOp::FloorDiv => go!(T::floor_div),
        BinaryOp::Remainder => go!(T::remainder),
        BinaryOp::Fmod => go!(T::fmod),
        BinaryOp::Pow => go!(T::pow),
        BinaryOp::Maximum => go!(T::maximum),
        BinaryOp::Minimum => go!(T::minimum),
        BinaryOp::Atan2 => go!(T::atan2),
        BinaryOp::BitAnd => go!(T::bitand),
        BinaryOp::BitOr => go!(T::bitor),
        BinaryOp::BitXor => go!(T::bitxor),
        BinaryOp::Shl => go!(T::shl),
        BinaryOp::Shr => go!(T::shr),
    }
}

fn binary_assign_typed<T: Num>(op: BinaryOp, d: &mut [T], ld: &Layout, r: &[T], lr: &Layout) {
    macro_rules! go {
        ($f:path) => {
            map_assign(d, ld, r, lr, $f)
        };
    }
    match op {
        BinaryOp::Add => go!(T::add),
        BinaryOp::Sub => go!(T::sub),
        BinaryOp::Mul => go!(T::mul),
        BinaryOp::Div => go!(T::div),
        BinaryOp::FloorDiv => go!(T::floor_div),
        BinaryOp::Remainder => go!(T::remainder),
        BinaryOp::Fmod => go!(T::fmod),
        BinaryOp::Pow => go!(T::pow),
        BinaryOp::Maximum => go!(T::maximum),
        BinaryOp::Minimum => go!(T::minimum),
        BinaryOp::Atan2 => go!(T::atan2),
        BinaryOp::BitAnd => go!(T::bitand),
        BinaryOp::BitOr => go!(T::bitor),
        BinaryOp::BitXor => go!(T::bitxor),
        BinaryOp::Shl => go!(T::shl),
        BinaryOp::Shr => go!(T::shr),
    }
}

fn cmp_typed<T: Element>(op: CmpOp, a: &[T], la: &Layout, b: &[T], lb: &Layout, out: &mut [bool]) {
    match op {
        CmpOp::Eq => map2(a, la, b, lb, out, |x, y| x == y),
        CmpOp::Ne => map2(a, la, b, lb, out, |x, y| x != y),
        CmpOp::Lt => map2(a, la, b, lb, out, |x, y| x < y),
        CmpOp::Le => map2(a, la, b, lb, out, |x, y| x <= y),
        CmpOp::Gt => map2(a, la, b, lb, out, |x, y| x > y),
        CmpOp::Ge => map2(a, la, b, lb, out, |x, y| x >= y),
    }
}

/// Binds `$T` to the Rust type of a dtype the arithmetic kernels take (no halves).
macro_rules! with_num_dtype {
    ($dtype:expr, $op:expr, $T:ident => $body:expr) => {
        match $dtype {
            DType::Bool => {
                type $T = bool;
                $body
            }
            DType::U8 => {
                type $T = u8;
                $body
            }
            DType::I8 => {
                type $T = i8;
                $body
            }
            DType::I16 => {
                type $T = i16;
                $body
            }
            DType::I32 => {
                type $T = i32;
                $body
            }
            DType::I64 => {
                type $T = i64;
                $body
            }
            DType::F32 => {
                type $T = f32;
                $body
            }
            DType::F64 => {
                type $T = f64;
                $body
            }
            d @ (DType::F16 | DType::BF16) => {
                return Err(Error::DTypeUnsupported { op: $op, dtype: d })
            }
        }
    };
}

impl BackendStorage for CpuStorage {
    fn dtype(&self) -> DType {
        self.dtype
    }

    fn device(&self) -> Device {
        Device::Cpu
    }

    fn unary(&self, op: UnaryOp, layout: &Layout) -> Result<Self> {
        self.check_range(layout)?;
        let k = UnaryKernel { src: self, layout };
        match self.dtype {
            DType::F32 => op.visit::<f32, _>(k),
            DType::F64 => op.visit::<f64, _>(k),
            dtype => Err(Error::DTypeUnsupported {
                op: op.name(),
                dtype,
            }),
        }
    }

    fn binary(&self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_range(la)?;
        rhs.check_range(lb)?;
        if self.dtype != rhs.dtype || !op.supports(self.dtype) {
            return Err(Error::DTypeUnsupported {
                op: op.name(),
                dtype: self.dtype,
            });
        }
        let mut out = CpuStorage::for_output(self.dtype, la.numel())?;
        with_num_dtype!(self.dtype, op.name(), T => binary_typed::<T>(
            op,
            self.as_slice(),
            la,
            rhs.as_slice(),
            lb,
            out.as_mut_slice()
        ));
        Ok(out)
    }

    fn binary_assign(&mut self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<()> {
        self.check_range(la)?;
        rhs.check_range(lb)?;
        if self.dtype != rhs.dtype || !op.supports(self.dtype) {
            return Err(Error::DTypeUnsupported {
                op: op.name(),
                dtype: self.dtype,
            });
        }
        let dtype = self.dtype;
        with_num_dtype!(dtype, op.name(), T => binary_assign_typed::<T>(
            op,
            self.as_mut_slice(),
            la,
            rhs.as_slice(),
            lb
        ));
        Ok(())
    }

    fn cmp(&self, op: CmpOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_range(la)?;
        rhs.check_range(lb)?;
        if self.dtype != rhs.dtype {
            return Err(Error::DTypeUnsupported {
                op: op.name(),
                dtype: rhs.dtype,
            });
        }
        let mut out = CpuStorage::for_output(DType::Bool, la.numel())?;
        with_dtype!(self.dtype, T => cmp_typed::<T>(op, self.as_slice(), la, rhs.as_slice(), lb, out.as_mut_slice()));
        Ok(out)
    }

    fn where_cond(
        &self,
        lc: &Layout,
        a: &Self,
        la: &Layout,
        b: &Self,
        lb: &Layout,
    ) -> Result<Self> {
        self.check_range(lc)?;
        a.check_range(la)?;
        b.check_range(lb)?;
        if self.dtype != DType::Bool || a.dtype != b.dtype {
            return Err(Error::DTypeUnsupported {
                op: "where",
                dtype: self.dtype,
            });
        }
        let mut out = CpuStorage::for_output(a.dtype, lc.numel())?;
        let cond = self.as_slice::<bool>();
        let plan = Plan::new([lc, la, lb]);
        with_dtype!(a.dtype, T => {
            let (xa, xb) = (a.as_slice::<T>(), b.as_slice::<T>());
            par_chunks(out.as_mut_slice::<T>(), PAR_MIN_CHEAP, |start, chunk| {
                plan.for_each_run(start, start + chunk.len(), |pos, [oc, oa, ob], [sc, sa, sb], len| {
                    let dst = &mut chunk[pos - start..pos - start + len];
                    for (i, d) in dst.iter_mut().enumerate() {
                        *d = if cond[oc + i * sc] { xa[oa + i * sa] } else { xb[ob + i * sb] };
                    }
                })
            })
        });
        Ok(out)
    }

    fn cast(&self, layout: &Layout, dtype: DType) -> Result<Self> {
        self.check_range(layout)?;
        let mut out = CpuStorage::for_output(dtype, layout.numel())?;
        if self.dtype == dtype {
            if let Some(range) = layout.contiguous_range() {
                out.buf.as_bytes_mut().copy_from_slice(
                    &self.buf.as_bytes()[range.start * dtype.size()..range.end * dtype.size()],
                );
                return Ok(out);
            }
        }
        with_dtype!(self.dtype, S => with_dtype!(dtype, D => {
            map1(self.as_slice::<S>(), layout, out.as_mut_slice::<D>(), PAR_MIN_CHEAP, |x: S| x.cast::<D>())
        }));
        Ok(out)
    }

    fn copy_from(&mut self, dst: &Layout, src: &Self, src_layout: &Layout) -> Result<()> {
        self.check_range(dst)?;
        src.check_range(src_layout)?;
        let plan = Plan::new([dst, src_layout]);
        let n = plan.numel();
        with_dtype!(src.dtype, S => with_dtype!(self.dtype, D => {
            let (s, d) = (src.as_slice::<S>(), self.as_mut_slice::<D>());
            plan.for_each_run(0, n, |_, [od, os], [sd, ss], len| {
                for i in 0..len {
                    d[od + i * sd] = s[os + i * ss].cast::<D>();
                }
            })
        }));
        Ok(())
    }

    fn fill(&mut self, layout: &Layout, value: Scalar) -> Result<()> {
        self.check_range(layout)?;
        let plan = Plan::new([layout]);
        let n = plan.numel();
        with_dtype!(self.dtype, T => {
            let v: T = match value {
                Scalar::Bool(b) => T::from_i64(b as i64),
                Scalar::Int(i) => T::from_i64(i),
                Scalar::Float(f) => T::from_f64(f),
            };
            let d = self.as_mut_slice::<T>();
            plan.for_each_run(0, n, |_, [o], [s], len| {
                for i in 0..len {
                    d[o + i * s] = v;
                }
            })
        });
        Ok(())
    }

    fn get(&self, offset: usize) -> Result<Scalar> {
        if offset >= self.len {
            return Err(Error::invalid(
                "get",
                format!("storage offset {offset} out of range"),
            ));
        }
        Ok(with_dtype!(self.dtype, T => {
            let v = self.as_slice::<T>()[offset];
            match self.dtype.category() {
                crate::types::Category::Bool => Scalar::Bool(v.to_i64() != 0),
                crate::types::Category::Int => Scalar::Int(v.to_i64()),
                crate::types::Category::Float => Scalar::Float(v.to_f64()),
            }
        }))
    }

    fn any_zero(&self, layout: &Layout) -> Result<bool> {
        self.check_range(layout)?;
        let plan = Plan::new([layout]);
        let mut found = false;
        with_num_dtype!(self.dtype, "any_zero", T => {
            let s = self.as_slice::<T>();
            plan.for_each_run(0, plan.numel(), |_, [o], [st], len| {
                found |= (0..len).any(|i| s[o + i * st].is_zero());
            })
        });
        Ok(found)
    }
}
