//! The CUDA backend (the `cuda` feature): storage in GPU memory, kernels compiled from
//! kernels/*.cu by NVRTC once per process, matrix products through cuBLAS.
//!
//! Elementwise ops, comparisons, where, casts and copies, fill, reductions (sum, prod, max,
//! min, argmax, argmin), softmax, take/index_select and float matmul run as GPU kernels.
//! im2col/col2im (convolution) too. The rest (scans, sort, index_put/scatter, nonzero,
//! pooling, integer matmul, float16 reductions) copy to the host, run the CPU kernel and copy back: correct,
//! but slow; benches/RESULTS-gpu.md lists them. Memory comes from the driver's
//! stream-ordered pool (`cuMemAllocAsync`), so a training loop reuses freed blocks.

mod device;
pub mod layout;

pub use device::{availability, compile_ptx, gpu, memory, nvrtc_present, ptx, reset_peak, Gpu};

use super::op::{BinaryOp, CmpOp, Pool2d, PutOp, ReduceOp, ScanOp, UnaryOp, Window2d};
use super::{BackendStorage, CpuStorage};
use crate::types::{DType, Device, Error, Layout, Result, Scalar};
use cudarc::driver::{CudaSlice, DeviceRepr, LaunchConfig, PushKernelArg};
use device::cuda_error;
use layout::{pack, Lay};
use std::sync::Arc;

// SAFETY: `Lay` is `#[repr(C)]` plain data, laid out as `struct Lay` in kernels/common.cuh.
unsafe impl DeviceRepr for Lay {}

/// `struct Win` of kernels/conv.cu: a sliding window's geometry.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct Win {
    n: i64,
    c: i64,
    h: i64,
    w: i64,
    kh: i64,
    kw: i64,
    sh: i64,
    sw: i64,
    ph: i64,
    pw: i64,
    dh: i64,
    dw: i64,
    oh: i64,
    ow: i64,
}

// SAFETY: `Win` is `#[repr(C)]` plain data, laid out as `struct Win` in kernels/conv.cu.
unsafe impl DeviceRepr for Win {}

impl Win {
    fn of(g: &Window2d) -> Win {
        let i = |x: usize| x as i64;
        Win {
            n: i(g.n),
            c: i(g.c),
            h: i(g.h),
            w: i(g.w),
            kh: i(g.kh),
            kw: i(g.kw),
            sh: i(g.sh),
            sw: i(g.sw),
            ph: i(g.ph),
            pw: i(g.pw),
            dh: i(g.dh),
            dw: i(g.dw),
            oh: i(g.oh),
            ow: i(g.ow),
        }
    }
}

/// Elements of one dtype in GPU memory.
pub struct CudaStorage {
    buf: CudaSlice<u8>,
    dtype: DType,
    len: usize,
    gpu: Arc<Gpu>,
}

impl Drop for CudaStorage {
    fn drop(&mut self) {
        device::track(self.gpu.ordinal, self.len * self.dtype.size(), false);
    }
}

/// The name part the kernels use for a dtype (`unary_f32`, `cast_i64_b8`).
fn sfx(d: DType) -> &'static str {
    match d {
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::F16 => "f16",
        DType::BF16 => "bf16",
        DType::I64 => "i64",
        DType::I32 => "i32",
        DType::I16 => "i16",
        DType::I8 => "i8",
        DType::U8 => "u8",
        DType::Bool => "b8",
    }
}

fn position<T: PartialEq>(all: &[T], x: T) -> i32 {
    all.iter().position(|a| *a == x).unwrap_or(0) as i32
}

/// Threads for `n` elements: 256 per block, grid-stride beyond 65,536 blocks.
fn grid(n: usize) -> LaunchConfig {
    LaunchConfig {
        grid_dim: (n.div_ceil(256).clamp(1, 65_536) as u32, 1, 1),
        block_dim: (256, 1, 1),
        shared_mem_bytes: 0,
    }
}

/// One block of 256 threads per row.
fn rows(rows: usize) -> LaunchConfig {
    LaunchConfig {
        grid_dim: (rows as u32, 1, 1),
        block_dim: (256, 1, 1),
        shared_mem_bytes: 0,
    }
}

/// Launches `$name` with the arguments, in order, on the storage's stream.
macro_rules! launch {
    ($gpu:expr, $name:expr, $cfg:expr; $($arg:expr),* $(,)?) => {{
        let gpu: &Arc<Gpu> = $gpu;
        let name: String = $name;
        let f = gpu.function(&name)?;
        let mut b = gpu.stream.launch_builder(&f);
        $( b.arg($arg); )*
        // SAFETY: the arguments match the kernel's parameters in kernels/*.cu (types and
        // order), and every layout was checked against its storage's length.
        unsafe { b.launch($cfg) }.map_err(|e| cuda_error(&format!("kernel {name}"), e))?;
    }};
}

impl CudaStorage {
    /// Uninitialised storage the caller's kernel writes in full.
    fn alloc(gpu: &Arc<Gpu>, dtype: DType, len: usize) -> Result<CudaStorage> {
        let bytes = len
            .checked_mul(dtype.size())
            .ok_or_else(|| Error::invalid("cuda", "allocation size overflows"))?;
        // SAFETY: every caller writes all `len` elements before they are read.
        let buf = unsafe { gpu.stream.alloc::<u8>(bytes.max(1)) }.map_err(|e| {
            Error::Cuda {
                message: format!(
                    "CUDA out of memory or allocation failed: tried to allocate {bytes} bytes on {} ({e:?})",
                    gpu.device()
                ),
            }
        })?;
        device::track(gpu.ordinal, bytes, true);
        Ok(CudaStorage {
            buf,
            dtype,
            len,
            gpu: gpu.clone(),
        })
    }

    pub fn zeros(gpu: &Arc<Gpu>, dtype: DType, len: usize) -> Result<CudaStorage> {
        let mut s = Self::alloc(gpu, dtype, len)?;
        gpu.stream
            .memset_zeros(&mut s.buf)
            .map_err(|e| cuda_error("cudaMemset", e))?;
        Ok(s)
    }

    /// A copy of CPU storage on `gpu`.
    pub fn from_cpu(gpu: &Arc<Gpu>, s: &CpuStorage) -> Result<CudaStorage> {
        let mut out = Self::alloc(gpu, s.dtype(), s.len())?;
        let bytes = s.as_bytes();
        if !bytes.is_empty() {
            let mut dst = out.buf.slice_mut(0..bytes.len());
            gpu.stream
                .memcpy_htod(bytes, &mut dst)
                .map_err(|e| cuda_error("copying to the GPU", e))?;
        }
        Ok(out)
    }

    /// A copy of this storage in CPU memory.
    pub fn to_cpu(&self) -> Result<CpuStorage> {
        let n = self.len * self.dtype.size();
        let bytes = if n == 0 {
            Vec::new()
        } else {
            self.gpu
                .stream
                .clone_dtoh(&self.buf.slice(0..n))
                .map_err(|e| cuda_error("copying from the GPU", e))?
        };
        self.gpu.synchronize()?;
        CpuStorage::from_bytes(self.dtype, self.len, &bytes)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn gpu(&self) -> &Arc<Gpu> {
        &self.gpu
    }

    /// Runs the CPU kernel on a host copy: the ops without a GPU kernel yet.
    fn via_host<T>(&self, f: impl FnOnce(&CpuStorage) -> Result<T>) -> Result<T> {
        f(&self.to_cpu()?)
    }

    fn back(&self, s: CpuStorage) -> Result<CudaStorage> {
        Self::from_cpu(&self.gpu, &s)
    }

    /// Overwrites this storage with a host copy's contents (in-place host fallbacks).
    fn write_back(&mut self, s: &CpuStorage) -> Result<()> {
        let bytes = s.as_bytes();
        if !bytes.is_empty() {
            let mut dst = self.buf.slice_mut(0..bytes.len());
            self.gpu
                .stream
                .memcpy_htod(bytes, &mut dst)
                .map_err(|e| cuda_error("copying to the GPU", e))?;
        }
        Ok(())
    }

    fn check_same_gpu(&self, op: &'static str, other: &CudaStorage) -> Result<()> {
        if self.gpu.ordinal != other.gpu.ordinal {
            return Err(Error::DeviceMismatch {
                op,
                lhs: self.device(),
                rhs: other.device(),
            });
        }
        Ok(())
    }

    fn check_range(&self, layout: &Layout) -> Result<()> {
        if layout.numel() > 0 && layout.storage_extent() > self.len {
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

    /// `out = family_op(self[la], rhs[lb])` into new contiguous storage of `out_dtype`: the
    /// launch binary ops and comparisons share.
    #[allow(clippy::too_many_arguments)]
    fn pairwise(
        &self,
        family: &str,
        op: &'static str,
        code: i32,
        la: &Layout,
        rhs: &CudaStorage,
        lb: &Layout,
        out_dtype: DType,
    ) -> Result<CudaStorage> {
        self.check_range(la)?;
        rhs.check_range(lb)?;
        let n = la.numel();
        let out = Self::alloc(&self.gpu, out_dtype, n)?;
        if n > 0 {
            let l = pack(op, &[la, lb])?;
            let n64 = n as i64;
            launch!(&self.gpu, format!("{family}_{}", sfx(self.dtype)), grid(n);
                &code, &self.buf, &l[0], &rhs.buf, &l[1], &out.buf, &n64);
        }
        Ok(out)
    }

    /// im2col/col2im: the kernel for float32/float64 storage that is exactly the input
    /// block; the CPU kernel (and its errors) otherwise.
    fn window_op(
        &self,
        name: &str,
        g: &Window2d,
        input: usize,
        output: usize,
        cpu: impl FnOnce(&CpuStorage) -> Result<CpuStorage>,
    ) -> Result<CudaStorage> {
        if !matches!(self.dtype, DType::F32 | DType::F64) || self.len != input {
            let out = self.via_host(cpu)?;
            return self.back(out);
        }
        let out = Self::alloc(&self.gpu, self.dtype, output)?;
        if output > 0 {
            let win = Win::of(g);
            let total = output as i64;
            launch!(&self.gpu, format!("{name}_{}", sfx(self.dtype)), grid(output);
                &self.buf, &win, &out.buf, &total);
        }
        Ok(out)
    }

    /// A flag the gather kernels set on an out-of-range index.
    fn flag(&self) -> Result<CudaSlice<i32>> {
        self.gpu
            .stream
            .alloc_zeros::<i32>(1)
            .map_err(|e| cuda_error("cudaMalloc", e))
    }

    fn flag_set(&self, flag: &CudaSlice<i32>) -> Result<bool> {
        let v = self
            .gpu
            .stream
            .clone_dtoh(flag)
            .map_err(|e| cuda_error("copying from the GPU", e))?;
        Ok(v.first().is_some_and(|&x| x != 0))
    }
}

impl BackendStorage for CudaStorage {
    fn dtype(&self) -> DType {
        self.dtype
    }

    fn device(&self) -> Device {
        self.gpu.device()
    }

    fn unary(&self, op: UnaryOp, layout: &Layout) -> Result<Self> {
        if !matches!(self.dtype, DType::F32 | DType::F64) {
            let out = self.via_host(|s| s.unary(op, layout))?;
            return self.back(out);
        }
        self.check_range(layout)?;
        let n = layout.numel();
        let out = Self::alloc(&self.gpu, self.dtype, n)?;
        if n > 0 {
            let lx = pack(op.name(), &[layout])?[0];
            let code = position(UnaryOp::ALL, op);
            let n64 = n as i64;
            launch!(&self.gpu, format!("unary_{}", sfx(self.dtype)), grid(n);
                &code, &self.buf, &lx, &out.buf, &n64);
        }
        Ok(out)
    }

    fn binary(&self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_same_gpu(op.name(), rhs)?;
        if !op.supports(self.dtype) || self.dtype.is_half() || rhs.dtype != self.dtype {
            let b = rhs.to_cpu()?;
            let out = self.via_host(|s| s.binary(op, la, &b, lb))?;
            return self.back(out);
        }
        self.pairwise(
            "binary",
            op.name(),
            position(BinaryOp::ALL, op),
            la,
            rhs,
            lb,
            self.dtype,
        )
    }

    fn binary_assign(&mut self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<()> {
        self.check_same_gpu(op.name(), rhs)?;
        if !op.supports(self.dtype) || self.dtype.is_half() || rhs.dtype != self.dtype {
            let b = rhs.to_cpu()?;
            let mut a = self.to_cpu()?;
            a.binary_assign(op, la, &b, lb)?;
            return self.write_back(&a);
        }
        self.check_range(la)?;
        rhs.check_range(lb)?;
        let n = la.numel();
        if n > 0 {
            let l = pack(op.name(), &[la, lb])?;
            let code = position(BinaryOp::ALL, op);
            let n64 = n as i64;
            let gpu = self.gpu.clone();
            launch!(&gpu, format!("binary_assign_{}", sfx(self.dtype)), grid(n);
                &code, &mut self.buf, &l[0], &rhs.buf, &l[1], &n64);
        }
        Ok(())
    }

    fn cmp(&self, op: CmpOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_same_gpu(op.name(), rhs)?;
        if rhs.dtype != self.dtype {
            let b = rhs.to_cpu()?;
            let out = self.via_host(|s| s.cmp(op, la, &b, lb))?;
            return self.back(out);
        }
        self.pairwise(
            "cmp",
            op.name(),
            position(CmpOp::ALL, op),
            la,
            rhs,
            lb,
            DType::Bool,
        )
    }

    fn where_cond(
        &self,
        lc: &Layout,
        a: &Self,
        la: &Layout,
        b: &Self,
        lb: &Layout,
    ) -> Result<Self> {
        self.check_same_gpu("where", a)?;
        self.check_same_gpu("where", b)?;
        if self.dtype != DType::Bool || a.dtype != b.dtype {
            let (x, y) = (a.to_cpu()?, b.to_cpu()?);
            let out = self.via_host(|c| c.where_cond(lc, &x, la, &y, lb))?;
            return self.back(out);
        }
        self.check_range(lc)?;
        a.check_range(la)?;
        b.check_range(lb)?;
        let n = lc.numel();
        let out = Self::alloc(&self.gpu, a.dtype, n)?;
        if n > 0 {
            let l = pack("where", &[lc, la, lb])?;
            let n64 = n as i64;
            launch!(&self.gpu, format!("where_{}", sfx(a.dtype)), grid(n);
                &self.buf, &l[0], &a.buf, &l[1], &b.buf, &l[2], &out.buf, &n64);
        }
        Ok(out)
    }

    fn cast(&self, layout: &Layout, dtype: DType) -> Result<Self> {
        self.check_range(layout)?;
        let n = layout.numel();
        let out = Self::alloc(&self.gpu, dtype, n)?;
        if n > 0 {
            let dst = Layout::contiguous(layout.shape());
            let l = pack("to", &[layout, &dst])?;
            let n64 = n as i64;
            launch!(&self.gpu, format!("cast_{}_{}", sfx(self.dtype), sfx(dtype)), grid(n);
                &self.buf, &l[0], &out.buf, &l[1], &n64);
        }
        Ok(out)
    }

    fn copy_from(&mut self, dst: &Layout, src: &Self, src_layout: &Layout) -> Result<()> {
        self.check_same_gpu("copy_", src)?;
        self.check_range(dst)?;
        src.check_range(src_layout)?;
        let n = dst.numel();
        if n > 0 {
            let l = pack("copy_", &[src_layout, dst])?;
            let n64 = n as i64;
            let gpu = self.gpu.clone();
            launch!(&gpu, format!("cast_{}_{}", sfx(src.dtype), sfx(self.dtype)), grid(n);
                &src.buf, &l[0], &mut self.buf, &l[1], &n64);
        }
        Ok(())
    }

    fn fill(&mut self, layout: &Layout, value: Scalar) -> Result<()> {
        self.check_range(layout)?;
        let n = layout.numel();
        if n > 0 {
            let l = pack("fill_", &[layout])?[0];
            let (fv, iv, is_int): (f64, i64, i32) = match value {
                Scalar::Bool(b) => (0.0, b as i64, 1),
                Scalar::Int(i) => (0.0, i, 1),
                Scalar::Float(f) => (f, 0, 0),
            };
            let n64 = n as i64;
            let gpu = self.gpu.clone();
            launch!(&gpu, format!("fill_{}", sfx(self.dtype)), grid(n);
                &mut self.buf, &l, &fv, &iv, &is_int, &n64);
        }
        Ok(())
    }

    fn get(&self, offset: usize) -> Result<Scalar> {
        if offset >= self.len {
            return Err(Error::invalid(
                "item",
                format!("element {offset} of a storage of {} elements", self.len),
            ));
        }
        let size = self.dtype.size();
        let bytes = self
            .gpu
            .stream
            .clone_dtoh(&self.buf.slice(offset * size..(offset + 1) * size))
            .map_err(|e| cuda_error("copying from the GPU", e))?;
        self.gpu.synchronize()?;
        CpuStorage::from_bytes(self.dtype, 1, &bytes)?.get(0)
    }

    fn any_zero(&self, layout: &Layout) -> Result<bool> {
        self.via_host(|s| s.any_zero(layout))
    }

    fn reduce(&self, op: ReduceOp, layout: &Layout, reduced_dims: usize) -> Result<Self> {
        self.check_range(layout)?;
        let shape = layout.shape();
        let split = shape.len().saturating_sub(reduced_dims);
        let outer: usize = shape[..split].iter().product();
        let inner: usize = shape[split..].iter().product();
        let arg = matches!(op, ReduceOp::ArgMax | ReduceOp::ArgMin);
        if inner == 0 || outer == 0 || outer > i32::MAX as usize || (!arg && self.dtype.is_half()) {
            let out = self.via_host(|s| s.reduce(op, layout, reduced_dims))?;
            return self.back(out);
        }
        let lx = pack(op.name(), &[layout])?[0];
        let inner64 = inner as i64;
        if arg {
            let out = Self::alloc(&self.gpu, DType::I64, outer)?;
            let is_max = (op == ReduceOp::ArgMax) as i32;
            launch!(&self.gpu, format!("arg_reduce_{}", sfx(self.dtype)), rows(outer);
                &is_max, &self.buf, &lx, &inner64, &out.buf);
            return Ok(out);
        }
        let code = position(
            BinaryOp::ALL,
            match op {
                ReduceOp::Sum => BinaryOp::Add,
                ReduceOp::Prod => BinaryOp::Mul,
                ReduceOp::Max => BinaryOp::Maximum,
                _ => BinaryOp::Minimum,
            },
        );
        let out = Self::alloc(&self.gpu, self.dtype, outer)?;
        launch!(&self.gpu, format!("reduce_{}", sfx(self.dtype)), rows(outer);
            &code, &self.buf, &lx, &inner64, &out.buf);
        Ok(out)
    }

    fn scan(&self, op: ScanOp, layout: &Layout) -> Result<Self> {
        let out = self.via_host(|s| s.scan(op, layout))?;
        self.back(out)
    }

    fn softmax(&self, layout: &Layout, log: bool) -> Result<Self> {
        let inner = layout.shape().last().copied().unwrap_or(1);
        let n = layout.numel();
        let outer = n.checked_div(inner).unwrap_or(0);
        if !matches!(self.dtype, DType::F32 | DType::F64) || outer > i32::MAX as usize {
            let out = self.via_host(|s| s.softmax(layout, log))?;
            return self.back(out);
        }
        self.check_range(layout)?;
        let out = Self::alloc(&self.gpu, self.dtype, n)?;
        if n > 0 {
            let lx = pack("softmax", &[layout])?[0];
            let inner64 = inner as i64;
            let log_out = log as i32;
            launch!(&self.gpu, format!("softmax_{}", sfx(self.dtype)), rows(outer);
                &self.buf, &lx, &inner64, &log_out, &out.buf);
        }
        Ok(out)
    }

    fn sort(&self, layout: &Layout, descending: bool) -> Result<(Self, Self)> {
        let (v, i) = self.via_host(|s| s.sort(layout, descending))?;
        Ok((self.back(v)?, self.back(i)?))
    }

    fn matmul(&self, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self> {
        self.check_same_gpu("matmul", rhs)?;
        let (batch, m, k) = match la.shape() {
            [b, m, k] => (*b, *m, *k),
            _ => return Err(Error::invalid("matmul", "expected [batch, m, k] operands")),
        };
        let n = match lb.shape() {
            [_, _, n] => *n,
            _ => return Err(Error::invalid("matmul", "expected [batch, k, n] operands")),
        };
        let float = matches!(
            self.dtype,
            DType::F32 | DType::F64 | DType::F16 | DType::BF16
        );
        if !float || rhs.dtype != self.dtype || batch * m * n == 0 || k == 0 {
            let b = rhs.to_cpu()?;
            let out = self.via_host(|s| s.matmul(la, &b, lb))?;
            return self.back(out);
        }
        let too_big = [batch, m, n, k].iter().any(|&d| d > i32::MAX as usize);
        if too_big {
            return Err(Error::NotImplemented {
                op: "matmul",
                message: "a CUDA matrix product's dimensions must each fit in 32 bits".into(),
            });
        }
        // cuBLAS takes contiguous row-major operands here; other layouts are copied first.
        let a = self.cast(la, self.dtype)?;
        let b = rhs.cast(lb, rhs.dtype)?;
        let mut c = Self::alloc(&self.gpu, self.dtype, batch * m * n)?;
        matmul::gemm(
            &self.gpu,
            self.dtype,
            (batch, m, k, n),
            &a.buf,
            &b.buf,
            &mut c.buf,
        )?;
        Ok(c)
    }

    fn take(&self, offsets: &Self, ol: &Layout) -> Result<Self> {
        self.check_same_gpu("take", offsets)?;
        if offsets.dtype != DType::I64 {
            let o = offsets.to_cpu()?;
            let out = self.via_host(|s| s.take(&o, ol))?;
            return self.back(out);
        }
        offsets.check_range(ol)?;
        let n = ol.numel();
        let out = Self::alloc(&self.gpu, self.dtype, n)?;
        if n > 0 {
            let lo = pack("take", &[ol])?[0];
            let (len, n64) = (self.len as i64, n as i64);
            let bad = self.flag()?;
            launch!(&self.gpu, format!("take_{}", sfx(self.dtype)), grid(n);
                &self.buf, &len, &offsets.buf, &lo, &out.buf, &n64, &bad);
            if self.flag_set(&bad)? {
                // The CPU kernel names the bad offset.
                let o = offsets.to_cpu()?;
                let out = self.via_host(|s| s.take(&o, ol))?;
                return self.back(out);
            }
        }
        Ok(out)
    }

    fn index_select(&self, layout: &Layout, dim: usize, index: &Self, il: &Layout) -> Result<Self> {
        self.check_same_gpu("index_select", index)?;
        let shape = layout.shape();
        if !layout.is_contiguous() || index.dtype != DType::I64 || dim >= shape.len() {
            let i = index.to_cpu()?;
            let out = self.via_host(|s| s.index_select(layout, dim, &i, il))?;
            return self.back(out);
        }
        self.check_range(layout)?;
        index.check_range(il)?;
        let outer: usize = shape[..dim].iter().product();
        let inner: usize = shape[dim + 1..].iter().product();
        let count = il.numel();
        let n = outer * count * inner;
        let out = Self::alloc(&self.gpu, self.dtype, n)?;
        if n > 0 {
            let li = pack("index_select", &[il])?[0];
            let args = [layout.offset() as i64, shape[dim] as i64, inner as i64];
            let (count64, n64) = (count as i64, n as i64);
            let bad = self.flag()?;
            launch!(&self.gpu, format!("index_select_{}", sfx(self.dtype)), grid(n);
                &self.buf, &args[0], &args[1], &args[2], &index.buf, &li, &count64, &out.buf, &n64, &bad);
            if self.flag_set(&bad)? {
                let i = index.to_cpu()?;
                let out = self.via_host(|s| s.index_select(layout, dim, &i, il))?;
                return self.back(out);
            }
        }
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
        self.check_same_gpu("index_put_", offsets)?;
        self.check_same_gpu("index_put_", src)?;
        let (o, s) = (offsets.to_cpu()?, src.to_cpu()?);
        let mut d = self.to_cpu()?;
        d.put(&o, ol, &s, sl, op)?;
        self.write_back(&d)
    }

    fn nonzero(&self, layout: &Layout) -> Result<(Self, usize)> {
        let (v, count) = self.via_host(|s| s.nonzero(layout))?;
        Ok((self.back(v)?, count))
    }

    fn im2col(&self, g: &Window2d) -> Result<Self> {
        let (input, output) = (g.n * g.c * g.h * g.w, g.n * g.c * g.kh * g.kw * g.oh * g.ow);
        self.window_op("im2col", g, input, output, |s| s.im2col(g))
    }

    fn col2im(&self, g: &Window2d) -> Result<Self> {
        let (input, output) = (g.n * g.c * g.kh * g.kw * g.oh * g.ow, g.n * g.c * g.h * g.w);
        self.window_op("col2im", g, input, output, |s| s.col2im(g))
    }

    fn pool2d(&self, g: &Window2d, kind: Pool2d) -> Result<(Self, Option<Self>)> {
        let (v, i) = self.via_host(|s| s.pool2d(g, kind))?;
        let i = match i {
            Some(i) => Some(self.back(i)?),
            None => None,
        };
        Ok((self.back(v)?, i))
    }
}

mod matmul {
    //! Row-major batched products through cuBLAS's column-major GEMM: C = A·B is computed
    //! as Cᵀ = Bᵀ·Aᵀ, which is the same memory. TF32 stays off (cuBLAS's default math
    //! mode), as in PyTorch.

    use super::device::cuda_error;
    use super::Gpu;
    use crate::types::{DType, Result};
    use cudarc::cublas::sys::cublasOperation_t;
    use cudarc::cublas::{Gemm, GemmConfig, StridedBatchedConfig};
    use cudarc::driver::CudaSlice;
    use half::{bf16, f16};
    use std::sync::Arc;

    fn config<T>(dims: (usize, usize, usize, usize), one: T, zero: T) -> StridedBatchedConfig<T> {
        let (batch, m, k, n) = dims;
        StridedBatchedConfig {
            gemm: GemmConfig {
                transa: cublasOperation_t::CUBLAS_OP_N,
                transb: cublasOperation_t::CUBLAS_OP_N,
                m: n as i32,
                n: m as i32,
                k: k as i32,
                alpha: one,
                lda: n as i32,
                ldb: k as i32,
                beta: zero,
                ldc: n as i32,
            },
            batch_size: batch as i32,
            stride_a: (k * n) as i64,
            stride_b: (m * k) as i64,
            stride_c: (m * n) as i64,
        }
    }

    macro_rules! typed_gemm {
        ($blas:expr, $T:ty, $one:expr, $zero:expr, $dims:expr, $a:expr, $b:expr, $c:expr) => {{
            let (batch, m, k, n) = $dims;
            // SAFETY: each buffer holds batch·rows·cols elements of $T (allocated for this
            // dtype by the caller), which is what the views claim.
            let (a, b, mut c) = unsafe {
                (
                    $a.transmute::<$T>(batch * m * k),
                    $b.transmute::<$T>(batch * k * n),
                    $c.transmute_mut::<$T>(batch * m * n),
                )
            };
            match (a.as_ref(), b.as_ref(), c.as_mut()) {
                (Some(a), Some(b), Some(c)) => {
                    // SAFETY: the config's sizes and strides match the views.
                    unsafe { $blas.gemm_strided_batched(config::<$T>($dims, $one, $zero), b, a, c) }
                        .map_err(|e| cuda_error("cublasGemmStridedBatched", e))
                }
                _ => Err(cuda_error(
                    "matmul",
                    "operand buffers are smaller than their shapes",
                )),
            }
        }};
    }

    pub fn gemm(
        gpu: &Arc<Gpu>,
        dtype: DType,
        dims: (usize, usize, usize, usize),
        a: &CudaSlice<u8>,
        b: &CudaSlice<u8>,
        c: &mut CudaSlice<u8>,
    ) -> Result<()> {
        let blas = gpu.blas()?;
        match dtype {
            DType::F32 => typed_gemm!(blas, f32, 1.0f32, 0.0f32, dims, a, b, c),
            DType::F64 => typed_gemm!(blas, f64, 1.0f64, 0.0f64, dims, a, b, c),
            DType::F16 => typed_gemm!(blas, f16, f16::ONE, f16::ZERO, dims, a, b, c),
            DType::BF16 => typed_gemm!(blas, bf16, bf16::ONE, bf16::ZERO, dims, a, b, c),
            other => Err(cuda_error(
                "matmul",
                format!("no cuBLAS product for {other}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kernel name the host launches, for every dtype it launches it with.
    fn launched_names() -> Vec<String> {
        let all = [
            DType::F32,
            DType::F64,
            DType::F16,
            DType::BF16,
            DType::I64,
            DType::I32,
            DType::I16,
            DType::I8,
            DType::U8,
            DType::Bool,
        ];
        let arith = all.iter().filter(|d| !d.is_half());
        let mut names = Vec::new();
        for d in [DType::F32, DType::F64] {
            for family in ["unary", "softmax", "im2col", "col2im"] {
                names.push(format!("{family}_{}", sfx(d)));
            }
        }
        for &d in arith {
            for family in ["binary", "binary_assign", "reduce"] {
                names.push(format!("{family}_{}", sfx(d)));
            }
        }
        for &d in &all {
            for family in ["cmp", "where", "fill", "arg_reduce", "take", "index_select"] {
                names.push(format!("{family}_{}", sfx(d)));
            }
            for &e in &all {
                names.push(format!("cast_{}_{}", sfx(d), sfx(e)));
            }
        }
        names
    }

    /// NVRTC needs no GPU: where its library is present, the kernels must compile and
    /// define every name the host launches. NABLA_REQUIRE_CUDA=1 makes a missing NVRTC
    /// a failure.
    #[test]
    fn kernels_compile_and_define_every_launched_name() {
        if !nvrtc_present() {
            assert!(
                std::env::var("NABLA_REQUIRE_CUDA").as_deref() != Ok("1"),
                "NABLA_REQUIRE_CUDA=1 but NVRTC (libnvrtc.so) cannot be loaded"
            );
            eprintln!("skipped: no NVRTC library here");
            return;
        }
        // Test code: a compile error fails the test with NVRTC's log.
        let ptx = compile_ptx().unwrap_or_else(|e| panic!("{e}"));
        let text = ptx.to_src();
        for name in launched_names() {
            assert!(
                text.contains(&format!(".entry {name}(")),
                "kernel {name} is launched but not defined"
            );
        }
    }
}
