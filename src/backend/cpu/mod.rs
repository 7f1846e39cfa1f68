//! The CPU backend: storage in aligned, cached buffers; kernels generic over the element
//! type (kernels.rs), each with a contiguous fast path and a strided one, parallel above
//! measured size thresholds (loops.rs).

mod alloc;
mod kernels;
mod loops;
mod num;
mod vmath;

pub use alloc::{cached_bytes, empty_cache, total_memory};
pub use loops::{PAR_MIN_CHEAP, PAR_MIN_COSTLY, PAR_MIN_EXP};

use super::op::{BinaryOp, CmpOp, UnaryOp};
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
