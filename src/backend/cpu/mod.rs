//! The CPU backend: storage in aligned, cached buffers; kernels generic over the element
//! type (kernels.rs), each with a contiguous fast path and a strided one, parallel above
//! measured size thresholds (loops.rs).

mod alloc;
mod conv;
mod index;
mod kernels;
mod loops;
mod matmul;
mod num;
mod reduce;
mod vmath;

pub use alloc::{cached_bytes, empty_cache, total_memory};
pub use loops::{PAR_MIN_CHEAP, PAR_MIN_COSTLY, PAR_MIN_EXP};

use super::op::{BinaryOp, CmpOp, Pool2d, PutOp, ReduceOp, ScanOp, UnaryOp, Window2d};
use super::BackendStorage;
use crate::types::{DType, Device, Element, Error, Layout, Result, Scalar};
use crate::with_dtype;
use alloc::Buffer;
use kernels::{binary_assign_typed, binary_typed, cmp_typed, map1, UnaryKernel};
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

    /// The elements' bytes, for copies to another device.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf.as_bytes()[..self.len * self.dtype.size()]
    }

    /// A copy of `bytes` as `len` elements of `dtype` (bools read as `byte != 0`).
    pub fn from_bytes(dtype: DType, len: usize, bytes: &[u8]) -> Result<CpuStorage> {
        if bytes.len() != len * dtype.size() {
            return Err(Error::invalid(
                "storage",
                format!(
                    "{} bytes cannot hold {len} elements of {dtype}",
                    bytes.len()
                ),
            ));
        }
        let mut s = Self::for_output(dtype, len)?;
        let out = s.buf.as_bytes_mut();
        if dtype == DType::Bool {
            for (d, &b) in out.iter_mut().zip(bytes) {
                *d = (b != 0) as u8;
            }
        } else {
            out[..bytes.len()].copy_from_slice(bytes);
        }
        Ok(s)
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

    /// For kernels that read the whole storage as one block of exactly `need` elements.
    fn check_block(&self, need: usize) -> Result<()> {
        if need != self.len {
            return Err(Error::invalid(
                "storage",
                format!(
                    "a kernel reads {need} elements as one block, but the storage holds {}",
                    self.len
                ),
            ));
        }
        Ok(())
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

    fn reduce(&self, op: ReduceOp, layout: &Layout, reduced_dims: usize) -> Result<Self> {
        self.check_range(layout)?;
        let shape = layout.shape();
        let split = shape.len().saturating_sub(reduced_dims);
        let outer: usize = shape[..split].iter().product();
        let inner: usize = shape[split..].iter().product();
        if inner == 0 {
            // An empty reduction: the identity (the tensor layer rejects max, min and args).
            let mut out = CpuStorage::zeros(self.dtype, outer)?;
            if op == ReduceOp::Prod {
                out.fill(&Layout::contiguous(&[outer]), Scalar::Int(1))?;
            } else if op != ReduceOp::Sum {
                return Err(Error::invalid(op.name(), "reduction over zero elements"));
            }
            return Ok(out);
        }
        match op {
            ReduceOp::ArgMax | ReduceOp::ArgMin => {
                let mut out = CpuStorage::for_output(DType::I64, outer)?;
                with_dtype!(self.dtype, T => reduce::arg_reduce_typed::<T>(
                    op, self.as_slice(), layout, inner, out.as_mut_slice()));
                Ok(out)
            }
            _ => {
                let mut out = CpuStorage::for_output(self.dtype, outer)?;
                with_num_dtype!(self.dtype, op.name(), T => reduce::reduce_typed::<T>(
                    op, self.as_slice(), layout, inner, out.as_mut_slice()));
                Ok(out)
            }
        }
    }

    fn scan(&self, op: ScanOp, layout: &Layout) -> Result<Self> {
        self.check_range(layout)?;
        let mut out = CpuStorage::for_output(self.dtype, layout.numel())?;
        with_num_dtype!(self.dtype, op.name(), T => reduce::scan_typed::<T>(
            op, self.as_slice(), layout, out.as_mut_slice()));
        Ok(out)
    }

    fn softmax(&self, layout: &Layout, log: bool) -> Result<Self> {
        self.check_range(layout)?;
        let mut out = CpuStorage::for_output(self.dtype, layout.numel())?;
        match self.dtype {
            DType::F32 => {
                reduce::softmax_typed::<f32>(self.as_slice(), layout, log, out.as_mut_slice())
            }
            DType::F64 => {
                reduce::softmax_typed::<f64>(self.as_slice(), layout, log, out.as_mut_slice())
            }
            dtype => {
                return Err(Error::DTypeUnsupported {
                    op: if log { "log_softmax" } else { "softmax" },
                    dtype,
                })
            }
        }
        Ok(out)
    }

    fn sort(&self, layout: &Layout, descending: bool) -> Result<(Self, Self)> {
        self.check_range(layout)?;
        let n = layout.numel();
        let mut vals = CpuStorage::for_output(self.dtype, n)?;
        let mut idx = CpuStorage::for_output(DType::I64, n)?;
        with_dtype!(self.dtype, T => reduce::sort_typed::<T>(
            self.as_slice(), layout, descending, vals.as_mut_slice(), idx.as_mut_slice()));
        Ok((vals, idx))
    }

    fn matmul(&self, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_range(la)?;
        rhs.check_range(lb)?;
        let (sa, sb) = (la.shape(), lb.shape());
        if self.dtype != rhs.dtype
            || sa.len() != 3
            || sb.len() != 3
            || sa[0] != sb[0]
            || sa[2] != sb[1]
        {
            return Err(Error::invalid(
                "matmul",
                "operands must be [b, m, k] and [b, k, n] of one dtype",
            ));
        }
        let mut out = CpuStorage::for_output(self.dtype, sa[0] * sa[1] * sb[2])?;
        match self.dtype {
            DType::F32 => matmul::matmul_float::<f32>(
                self.as_slice(),
                la,
                rhs.as_slice(),
                lb,
                out.as_mut_slice(),
            ),
            DType::F64 => matmul::matmul_float::<f64>(
                self.as_slice(),
                la,
                rhs.as_slice(),
                lb,
                out.as_mut_slice(),
            ),
            DType::Bool => {
                return Err(Error::DTypeUnsupported {
                    op: "addmm_impl_cpu_",
                    dtype: DType::Bool,
                })
            }
            d => with_num_dtype!(d, "addmm_impl_cpu_", T => matmul::matmul_int::<T>(
                self.as_slice(), la, rhs.as_slice(), lb, out.as_mut_slice())),
        }
        Ok(out)
    }

    fn take(&self, offsets: &Self, ol: &Layout) -> Result<Self> {
        offsets.check_range(ol)?;
        let mut out = CpuStorage::for_output(self.dtype, ol.numel())?;
        with_dtype!(self.dtype, T => index::take_typed::<T>(
            self.as_slice(), offsets.as_slice(), ol, out.as_mut_slice())?);
        Ok(out)
    }

    fn index_select(&self, layout: &Layout, dim: usize, index: &Self, il: &Layout) -> Result<Self> {
        index.check_range(il)?;
        self.check_range(layout)?;
        if !layout.is_contiguous() || index.dtype != DType::I64 || il.shape().len() != 1 {
            return Err(Error::invalid(
                "index_select",
                "the kernel takes a contiguous source and a 1-D int64 index",
            ));
        }
        let shape = layout.shape();
        let outer: usize = shape[..dim].iter().product();
        let inner: usize = shape[dim + 1..].iter().product();
        let rows = index::Rows {
            offset: layout.offset(),
            outer,
            size: shape[dim],
            inner,
        };
        let n = il.shape()[0];
        let mut out = CpuStorage::for_output(self.dtype, outer * n * inner)?;
        let idx: Vec<i64> = (0..n)
            .map(|i| index.as_slice::<i64>()[il.offset() + i * il.strides()[0]])
            .collect();
        with_dtype!(self.dtype, T => index::select_rows_typed::<T>(
            self.as_slice(), &rows, &idx, out.as_mut_slice())?);
        Ok(out)
    }

    fn put(
        &mut self,
        offsets: &Self,
        ol: &Layout,
        src: &Self,
        sl: &Layout,
        op: PutOp,
    ) -> Result<()> {
        offsets.check_range(ol)?;
        src.check_range(sl)?;
        if src.dtype != self.dtype || ol.shape() != sl.shape() {
            return Err(Error::invalid(
                "index_put_",
                "values must match the destination's dtype and the indices' shape",
            ));
        }
        let dtype = self.dtype;
        with_num_dtype!(dtype, "index_put_", T => index::put_typed::<T>(
            self.as_mut_slice(), offsets.as_slice(), ol, src.as_slice(), sl, op)?);
        Ok(())
    }

    fn nonzero(&self, layout: &Layout) -> Result<(Self, usize)> {
        self.check_range(layout)?;
        let (v, n) =
            with_dtype!(self.dtype, T => index::nonzero_typed::<T>(self.as_slice(), layout));
        Ok((CpuStorage::from_slice(&v)?, n))
    }

    fn im2col(&self, g: &Window2d) -> Result<Self> {
        let geom = conv::Geom2d::from(*g);
        self.check_block(g.n * g.c * g.h * g.w)?;
        let mut out = CpuStorage::for_output(self.dtype, g.n * g.c * g.kh * g.kw * g.oh * g.ow)?;
        match self.dtype {
            DType::F32 => conv::im2col::<f32>(self.as_slice(), &geom, out.as_mut_slice()),
            DType::F64 => conv::im2col::<f64>(self.as_slice(), &geom, out.as_mut_slice()),
            dtype => {
                return Err(Error::DTypeUnsupported {
                    op: "im2col",
                    dtype,
                })
            }
        }
        Ok(out)
    }

    fn col2im(&self, g: &Window2d) -> Result<Self> {
        let geom = conv::Geom2d::from(*g);
        self.check_block(g.n * g.c * g.kh * g.kw * g.oh * g.ow)?;
        let mut out = CpuStorage::zeros(self.dtype, g.n * g.c * g.h * g.w)?;
        match self.dtype {
            DType::F32 => conv::col2im::<f32>(self.as_slice(), &geom, out.as_mut_slice()),
            DType::F64 => conv::col2im::<f64>(self.as_slice(), &geom, out.as_mut_slice()),
            dtype => {
                return Err(Error::DTypeUnsupported {
                    op: "col2im",
                    dtype,
                })
            }
        }
        Ok(out)
    }

    fn pool2d(&self, g: &Window2d, kind: Pool2d) -> Result<(Self, Option<Self>)> {
        let geom = conv::Geom2d::from(*g);
        self.check_block(g.n * g.c * g.h * g.w)?;
        let n = g.n * g.c * g.oh * g.ow;
        let mut vals = CpuStorage::for_output(self.dtype, n)?;
        let mut idx = match kind {
            Pool2d::Max | Pool2d::AdaptiveMax => Some(CpuStorage::for_output(DType::I64, n)?),
            _ => None,
        };
        macro_rules! pool {
            ($T:ty) => {{
                let (src, out) = (self.as_slice::<$T>(), vals.as_mut_slice::<$T>());
                match (kind, idx.as_mut()) {
                    (Pool2d::Max, Some(i)) => conv::max_pool2d(src, &geom, out, i.as_mut_slice()),
                    (Pool2d::AdaptiveMax, Some(i)) => conv::adaptive_max_pool2d(
                        src,
                        g.n * g.c,
                        g.h,
                        g.w,
                        g.oh,
                        g.ow,
                        out,
                        i.as_mut_slice(),
                    ),
                    (
                        Pool2d::Avg {
                            count_include_pad,
                            divisor_override,
                        },
                        _,
                    ) => conv::avg_pool2d(src, &geom, count_include_pad, divisor_override, out),
                    (Pool2d::AdaptiveAvg, _) => {
                        conv::adaptive_avg_pool2d(src, g.n * g.c, g.h, g.w, g.oh, g.ow, out)
                    }
                    _ => {}
                }
            }};
        }
        match self.dtype {
            DType::F32 => pool!(f32),
            DType::F64 => pool!(f64),
            dtype => {
                return Err(Error::DTypeUnsupported {
                    op: "pool2d",
                    dtype,
                })
            }
        }
        Ok((vals, idx))
    }
}

impl From<Window2d> for conv::Geom2d {
    fn from(g: Window2d) -> Self {
        conv::Geom2d {
            n: g.n,
            c: g.c,
            h: g.h,
            w: g.w,
            kh: g.kh,
            kw: g.kw,
            sh: g.sh,
            sw: g.sw,
            ph: g.ph,
            pw: g.pw,
            dh: g.dh,
            dw: g.dw,
            oh: g.oh,
            ow: g.ow,
        }
    }
}
