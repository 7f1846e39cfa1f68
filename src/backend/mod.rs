//! Backends: kernels over buffers and layouts (never a `Tensor`). [`BackendStorage`] is the
//! contract every device implements; [`Storage`] is the one place that dispatches on device.

pub mod cpu;
#[cfg(feature = "cuda")]
pub mod cuda;
pub mod op;

use crate::types::{DType, Device, Error, Layout, Result, Scalar};
pub use cpu::CpuStorage;
#[cfg(feature = "cuda")]
pub use cuda::CudaStorage;
pub use op::{BinaryOp, CmpOp, Pool2d, PutOp, ReduceOp, ScanOp, UnaryOp, Window2d};

/// What a device's storage can do. Inputs come with their layout (shape, strides, offset);
/// outputs are new contiguous storage with the layout's shape, except the in-place writes
/// (`copy_from`, `fill`), which follow the destination layout. Binary inputs arrive already
/// broadcast to one shape and promoted to one dtype.
pub trait BackendStorage: Sized {
    fn dtype(&self) -> DType;
    fn device(&self) -> Device;
    fn unary(&self, op: UnaryOp, layout: &Layout) -> Result<Self>;
    fn binary(&self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self>;
    /// `self[la] = op(self[la], rhs[lb])`, in place (same dtype, `lb` broadcast to `la`).
    fn binary_assign(&mut self, op: BinaryOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<()>;
    fn cmp(&self, op: CmpOp, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self>;
    /// `self` is the bool condition.
    fn where_cond(&self, lc: &Layout, a: &Self, la: &Layout, b: &Self, lb: &Layout)
        -> Result<Self>;
    /// A contiguous copy converted to `dtype` (a plain copy when the dtype is the same).
    fn cast(&self, layout: &Layout, dtype: DType) -> Result<Self>;
    /// Writes `src` (converted to this storage's dtype) into the elements `dst` addresses.
    fn copy_from(&mut self, dst: &Layout, src: &Self, src_layout: &Layout) -> Result<()>;
    fn fill(&mut self, layout: &Layout, value: Scalar) -> Result<()>;
    /// One element, by storage offset.
    fn get(&self, offset: usize) -> Result<Scalar>;
    /// Whether any addressed element is zero (integer division checks it first).
    fn any_zero(&self, layout: &Layout) -> Result<bool>;

    /// Reduces the last `reduced_dims` dimensions of `layout` (the caller permutes them last):
    /// one element per index of the leading ones; arg-reductions give int64 positions.
    fn reduce(&self, op: ReduceOp, layout: &Layout, reduced_dims: usize) -> Result<Self>;
    /// Inclusive scan along the last dimension of `layout`.
    fn scan(&self, op: ScanOp, layout: &Layout) -> Result<Self>;
    /// Softmax or log-softmax along the last dimension of `layout` (float32/float64).
    fn softmax(&self, layout: &Layout, log: bool) -> Result<Self>;
    /// Stable sort along the last dimension: values and int64 positions.
    fn sort(&self, layout: &Layout, descending: bool) -> Result<(Self, Self)>;
    /// Batched product of `[batch, m, k]` and `[batch, k, n]` layouts: `[batch, m, n]`.
    fn matmul(&self, la: &Layout, rhs: &Self, lb: &Layout) -> Result<Self>;
    /// `out[i] = self[offsets[i]]` (int64 storage offsets, checked), in the offsets' shape.
    fn take(&self, offsets: &Self, ol: &Layout) -> Result<Self>;
    /// Slices of contiguous `layout` along `dim` picked by the int64 `index` (values in
    /// `0..size`, checked): `index_select` without offsets per element.
    fn index_select(&self, layout: &Layout, dim: usize, index: &Self, il: &Layout) -> Result<Self>;
    /// `self[offsets[i]] = op(self[offsets[i]], src[i])` in index order (`src` has this dtype).
    fn put(
        &mut self,
        offsets: &Self,
        ol: &Layout,
        src: &Self,
        sl: &Layout,
        op: PutOp,
    ) -> Result<()>;
    /// The multi-indices of the nonzero elements as int64 `[count, ndim]`, and the count.
    fn nonzero(&self, layout: &Layout) -> Result<(Self, usize)>;
    /// Sliding-window columns of contiguous N×C×H×W input: `[N, C·kh·kw, oh·ow]` (unfold).
    fn im2col(&self, g: &Window2d) -> Result<Self>;
    /// The adjoint of `im2col`: columns summed back into N×C×H×W (fold).
    fn col2im(&self, g: &Window2d) -> Result<Self>;
    /// Pooling of contiguous N×C×H×W input to N×C×oh×ow; max pools also give positions.
    fn pool2d(&self, g: &Window2d, kind: Pool2d) -> Result<(Self, Option<Self>)>;
}

/// Storage on some device: the single match over devices.
pub enum Storage {
    Cpu(CpuStorage),
    #[cfg(feature = "cuda")]
    Cuda(CudaStorage),
}

/// Runs `$body` with the storages unwrapped when they are all on one kind of device, `$wrap`
/// naming that device's `Storage` variant; storages on different devices are an error
/// naming both.
macro_rules! dispatch {
    ($op:expr, $s:expr => |$wrap:ident, $b:ident| $body:expr) => {
        match $s {
            Storage::Cpu($b) => {
                #[allow(unused_variables)]
                let $wrap = Storage::Cpu;
                $body
            }
            #[cfg(feature = "cuda")]
            Storage::Cuda($b) => {
                #[allow(unused_variables)]
                let $wrap = Storage::Cuda;
                $body
            }
        }
    };
    // Several storages; where one-element CPU storages (scalars) meet GPU ones, `$retry`
    // runs again with those copied to the GPU.
    ($op:expr, $($s:expr),+ => |$wrap:ident, $($b:ident),+| $body:expr; retry $(any_size=$any:literal)? |$($r:ident),+| $again:expr) => {
        match ($($s),+) {
            ($(Storage::Cpu($b)),+) => {
                #[allow(unused_variables)]
                let $wrap = Storage::Cpu;
                $body
            }
            #[cfg(feature = "cuda")]
            ($(Storage::Cuda($b)),+) => {
                #[allow(unused_variables)]
                let $wrap = Storage::Cuda;
                $body
            }
            #[cfg(feature = "cuda")]
            #[allow(unreachable_patterns)]
            _ => {
                let any_size = false $(|| $any)?;
                let [$($r),+] = lift($op, [$($s),+], any_size)?;
                $again
            }
        }
    };
}

#[cfg(feature = "cuda")]
fn mismatch(op: &'static str, devices: &[Device]) -> Error {
    let lhs = devices.first().copied().unwrap_or(Device::Cpu);
    let rhs = devices.iter().copied().find(|&d| d != lhs).unwrap_or(lhs);
    Error::DeviceMismatch { op, lhs, rhs }
}

/// A storage as an operand: itself, or a copy moved to the other operands' GPU.
#[cfg(feature = "cuda")]
enum Lifted<'a> {
    Same(&'a Storage),
    Moved(Storage),
}

#[cfg(feature = "cuda")]
impl std::ops::Deref for Lifted<'_> {
    type Target = Storage;
    fn deref(&self) -> &Storage {
        match self {
            Lifted::Same(s) => s,
            Lifted::Moved(s) => s,
        }
    }
}

/// Operands on one GPU, where the only CPU ones hold one element (a Python number or a
/// 0-dim tensor, which PyTorch lets meet tensors on any device) or, with `any_size`, are
/// indices (which PyTorch moves to the indexed tensor's device); else the mismatch error.
#[cfg(feature = "cuda")]
fn lift<'a, const N: usize>(
    op: &'static str,
    s: [&'a Storage; N],
    any_size: bool,
) -> Result<[Lifted<'a>; N]> {
    let devices: Vec<Device> = s.iter().map(|x| x.device()).collect();
    let gpus: Vec<Device> = devices
        .iter()
        .copied()
        .filter(|&d| d != Device::Cpu)
        .collect();
    let target = match gpus.first() {
        Some(&g) if gpus.iter().all(|&d| d == g) => g,
        _ => return Err(mismatch(op, &devices)),
    };
    if !any_size && s.iter().any(|x| x.device() == Device::Cpu && x.len() != 1) {
        return Err(mismatch(op, &devices));
    }
    let mut out = Vec::with_capacity(N);
    for x in s {
        out.push(if x.device() == Device::Cpu {
            Lifted::Moved(x.to_device(target)?)
        } else {
            Lifted::Same(x)
        });
    }
    out.try_into()
        .map_err(|_| Error::invalid(op, "operand count changed while moving to the GPU"))
}

impl Storage {
    pub fn dtype(&self) -> DType {
        dispatch!("dtype", self => |_w, s| s.dtype())
    }

    pub fn device(&self) -> Device {
        dispatch!("device", self => |_w, s| s.device())
    }

    pub fn unary(&self, op: UnaryOp, layout: &Layout) -> Result<Storage> {
        dispatch!(op.name(), self => |w, s| s.unary(op, layout).map(w))
    }

    pub fn binary(&self, op: BinaryOp, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        dispatch!(op.name(), self, rhs => |w, a, b| a.binary(op, la, b, lb).map(w);
            retry |x, y| x.binary(op, la, &y, lb))
    }

    pub fn binary_assign(
        &mut self,
        op: BinaryOp,
        la: &Layout,
        rhs: &Storage,
        lb: &Layout,
    ) -> Result<()> {
        match (self, rhs) {
            (Storage::Cpu(a), Storage::Cpu(b)) => a.binary_assign(op, la, b, lb),
            #[cfg(feature = "cuda")]
            (Storage::Cuda(a), Storage::Cuda(b)) => a.binary_assign(op, la, b, lb),
            #[cfg(feature = "cuda")]
            (dst, src) => {
                let device = dst.device();
                if src.len() != 1 || device == Device::Cpu {
                    return Err(mismatch(op.name(), &[device, src.device()]));
                }
                dst.binary_assign(op, la, &src.to_device(device)?, lb)
            }
        }
    }

    pub fn cmp(&self, op: CmpOp, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        dispatch!(op.name(), self, rhs => |w, a, b| a.cmp(op, la, b, lb).map(w);
            retry |x, y| x.cmp(op, la, &y, lb))
    }

    pub fn where_cond(
        &self,
        lc: &Layout,
        a: &Storage,
        la: &Layout,
        b: &Storage,
        lb: &Layout,
    ) -> Result<Storage> {
        dispatch!("where", self, a, b => |w, c, x, y| c.where_cond(lc, x, la, y, lb).map(w);
            retry |p, q, r| p.where_cond(lc, &q, la, &r, lb))
    }

    pub fn cast(&self, layout: &Layout, dtype: DType) -> Result<Storage> {
        dispatch!("to", self => |w, s| s.cast(layout, dtype).map(w))
    }

    pub fn copy_from(&mut self, dst: &Layout, src: &Storage, src_layout: &Layout) -> Result<()> {
        let devices = [self.device(), src.device()];
        match (self, src) {
            (Storage::Cpu(d), Storage::Cpu(s)) => d.copy_from(dst, s, src_layout),
            #[cfg(feature = "cuda")]
            (Storage::Cuda(d), Storage::Cuda(s)) => d.copy_from(dst, s, src_layout),
            // Across devices: the source comes over first (`x[...] = y` with y elsewhere,
            // as PyTorch's copy_ allows).
            #[cfg(feature = "cuda")]
            (Storage::Cuda(d), Storage::Cpu(s)) => {
                let s = CudaStorage::from_cpu(d.gpu(), s)?;
                d.copy_from(dst, &s, src_layout)
            }
            #[cfg(feature = "cuda")]
            (Storage::Cpu(d), Storage::Cuda(s)) => d.copy_from(dst, &s.to_cpu()?, src_layout),
            #[allow(unreachable_patterns)]
            _ => Err(Error::DeviceMismatch {
                op: "copy_",
                lhs: devices[0],
                rhs: devices[1],
            }),
        }
    }

    pub fn fill(&mut self, layout: &Layout, value: Scalar) -> Result<()> {
        match self {
            Storage::Cpu(s) => s.fill(layout, value),
            #[cfg(feature = "cuda")]
            Storage::Cuda(s) => s.fill(layout, value),
        }
    }

    pub fn get(&self, offset: usize) -> Result<Scalar> {
        dispatch!("item", self => |_w, s| s.get(offset))
    }

    pub fn any_zero(&self, layout: &Layout) -> Result<bool> {
        dispatch!("any_zero", self => |_w, s| s.any_zero(layout))
    }

    pub fn reduce(&self, op: ReduceOp, layout: &Layout, reduced_dims: usize) -> Result<Storage> {
        dispatch!(op.name(), self => |w, s| s.reduce(op, layout, reduced_dims).map(w))
    }

    pub fn scan(&self, op: ScanOp, layout: &Layout) -> Result<Storage> {
        dispatch!(op.name(), self => |w, s| s.scan(op, layout).map(w))
    }

    pub fn softmax(&self, layout: &Layout, log: bool) -> Result<Storage> {
        dispatch!("softmax", self => |w, s| s.softmax(layout, log).map(w))
    }

    pub fn sort(&self, layout: &Layout, descending: bool) -> Result<(Storage, Storage)> {
        dispatch!("sort", self => |w, s| s.sort(layout, descending).map(|(v, i)| (w(v), w(i))))
    }

    pub fn matmul(&self, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        dispatch!("matmul", self, rhs => |w, a, b| a.matmul(la, b, lb).map(w);
            retry |x, y| x.matmul(la, &y, lb))
    }

    pub fn take(&self, offsets: &Storage, ol: &Layout) -> Result<Storage> {
        dispatch!("take", self, offsets => |w, a, o| a.take(o, ol).map(w);
            retry any_size=true |x, y| x.take(&y, ol))
    }

    pub fn index_select(
        &self,
        layout: &Layout,
        dim: usize,
        index: &Storage,
        il: &Layout,
    ) -> Result<Storage> {
        dispatch!("index_select", self, index => |w, a, i| a.index_select(layout, dim, i, il).map(w);
            retry any_size=true |x, y| x.index_select(layout, dim, &y, il))
    }

    pub fn put(
        &mut self,
        offsets: &Storage,
        ol: &Layout,
        src: &Storage,
        sl: &Layout,
        op: PutOp,
    ) -> Result<()> {
        match (self, offsets, src) {
            (Storage::Cpu(d), Storage::Cpu(o), Storage::Cpu(s)) => d.put(o, ol, s, sl, op),
            #[cfg(feature = "cuda")]
            (Storage::Cuda(d), Storage::Cuda(o), Storage::Cuda(s)) => d.put(o, ol, s, sl, op),
            #[cfg(feature = "cuda")]
            (dst, o, s) => {
                let device = dst.device();
                let moved = |x: &Storage| -> Result<Storage> {
                    if device == Device::Cpu || x.device() != Device::Cpu {
                        return Err(mismatch("index_put_", &[device, x.device()]));
                    }
                    x.to_device(device)
                };
                match (o.device() == device, s.device() == device) {
                    (true, false) => dst.put(o, ol, &moved(s)?, sl, op),
                    (false, true) => dst.put(&moved(o)?, ol, s, sl, op),
                    _ => dst.put(&moved(o)?, ol, &moved(s)?, sl, op),
                }
            }
        }
    }

    pub fn nonzero(&self, layout: &Layout) -> Result<(Storage, usize)> {
        dispatch!("nonzero", self => |w, s| s.nonzero(layout).map(|(v, n)| (w(v), n)))
    }

    pub fn im2col(&self, g: &Window2d) -> Result<Storage> {
        dispatch!("im2col", self => |w, s| s.im2col(g).map(w))
    }

    pub fn col2im(&self, g: &Window2d) -> Result<Storage> {
        dispatch!("col2im", self => |w, s| s.col2im(g).map(w))
    }

    pub fn pool2d(&self, g: &Window2d, kind: Pool2d) -> Result<(Storage, Option<Storage>)> {
        dispatch!("pool2d", self => |w, s| s.pool2d(g, kind).map(|(v, i)| (w(v), i.map(w))))
    }

    /// The number of elements the storage holds.
    pub fn len(&self) -> usize {
        match self {
            Storage::Cpu(s) => s.len(),
            #[cfg(feature = "cuda")]
            Storage::Cuda(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Zero-filled storage on `device`.
    pub fn zeros(device: Device, dtype: DType, len: usize) -> Result<Storage> {
        match device {
            Device::Cpu => Ok(Storage::Cpu(CpuStorage::zeros(dtype, len)?)),
            Device::Cuda(i) => cuda_zeros(i, dtype, len),
        }
    }

    /// A copy of this storage on `device` (all of it, in the same element order).
    pub fn to_device(&self, device: Device) -> Result<Storage> {
        match (self, device) {
            (Storage::Cpu(s), Device::Cpu) => Ok(Storage::Cpu(CpuStorage::from_bytes(
                s.dtype(),
                s.len(),
                s.as_bytes(),
            )?)),
            #[cfg(feature = "cuda")]
            (Storage::Cpu(s), Device::Cuda(i)) => {
                Ok(Storage::Cuda(CudaStorage::from_cpu(&cuda::gpu(i)?, s)?))
            }
            #[cfg(feature = "cuda")]
            (Storage::Cuda(s), Device::Cpu) => Ok(Storage::Cpu(s.to_cpu()?)),
            #[cfg(feature = "cuda")]
            (Storage::Cuda(s), Device::Cuda(i)) => Ok(Storage::Cuda(CudaStorage::from_cpu(
                &cuda::gpu(i)?,
                &s.to_cpu()?,
            )?)),
            #[cfg(not(feature = "cuda"))]
            (Storage::Cpu(_), Device::Cuda(_)) => Err(Error::DeviceUnavailable {
                device,
                reason: NO_CUDA_FEATURE.into(),
            }),
        }
    }

    /// Runs `f` on this storage's elements in CPU memory: itself, or a copy from the GPU.
    pub fn with_cpu<T>(&self, f: impl FnOnce(&CpuStorage) -> T) -> Result<T> {
        match self {
            Storage::Cpu(s) => Ok(f(s)),
            #[cfg(feature = "cuda")]
            Storage::Cuda(s) => Ok(f(&s.to_cpu()?)),
        }
    }
}

#[cfg(not(feature = "cuda"))]
pub const NO_CUDA_FEATURE: &str = "this nabla was built without the `cuda` feature";

#[cfg(feature = "cuda")]
fn cuda_zeros(ordinal: usize, dtype: DType, len: usize) -> Result<Storage> {
    Ok(Storage::Cuda(CudaStorage::zeros(
        &cuda::gpu(ordinal)?,
        dtype,
        len,
    )?))
}

#[cfg(not(feature = "cuda"))]
fn cuda_zeros(ordinal: usize, _: DType, _: usize) -> Result<Storage> {
    Err(Error::DeviceUnavailable {
        device: Device::Cuda(ordinal),
        reason: NO_CUDA_FEATURE.into(),
    })
}

/// Whether CUDA can be used here: the number of GPUs, or why none.
pub fn cuda_availability() -> std::result::Result<usize, String> {
    #[cfg(feature = "cuda")]
    {
        cuda::availability()
    }
    #[cfg(not(feature = "cuda"))]
    {
        Err(NO_CUDA_FEATURE.into())
    }
}

/// `torch.cuda`'s questions, answered with or without the `cuda` feature.
pub mod gpu_info {
    use crate::types::{Device, Error, Result};

    fn unavailable(ordinal: usize, reason: String) -> Error {
        Error::DeviceUnavailable {
            device: Device::Cuda(ordinal),
            reason,
        }
    }

    /// The GPU's name (`torch.cuda.get_device_name`).
    pub fn name(ordinal: usize) -> Result<String> {
        #[cfg(feature = "cuda")]
        {
            super::cuda::gpu(ordinal)?.name()
        }
        #[cfg(not(feature = "cuda"))]
        {
            Err(unavailable(ordinal, super::NO_CUDA_FEATURE.into()))
        }
    }

    /// Waits for the GPU's queued work (`torch.cuda.synchronize`); freed blocks return to
    /// the driver's pool.
    pub fn synchronize(ordinal: usize) -> Result<()> {
        #[cfg(feature = "cuda")]
        {
            super::cuda::gpu(ordinal)?.synchronize()
        }
        #[cfg(not(feature = "cuda"))]
        {
            Err(unavailable(ordinal, super::NO_CUDA_FEATURE.into()))
        }
    }

    /// (bytes held by tensors now, the peak since the start or the last reset): 0 and 0
    /// without CUDA, as PyTorch answers before CUDA starts.
    pub fn memory(ordinal: usize) -> (usize, usize) {
        #[cfg(feature = "cuda")]
        {
            super::cuda::memory(ordinal)
        }
        #[cfg(not(feature = "cuda"))]
        {
            let _ = ordinal;
            (0, 0)
        }
    }

    /// Starts the peak count again; an error without CUDA, as in PyTorch.
    pub fn reset_peak(ordinal: usize) -> Result<()> {
        if let Err(reason) = super::cuda_availability() {
            return Err(unavailable(ordinal, reason));
        }
        #[cfg(feature = "cuda")]
        super::cuda::reset_peak(ordinal);
        Ok(())
    }
}
