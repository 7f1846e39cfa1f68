//! Backends: kernels over buffers and layouts (never a `Tensor`). [`BackendStorage`] is the
//! contract every device implements; [`Storage`] is the one place that dispatches on device.

pub mod cpu;
pub mod op;

use crate::types::{DType, Device, Error, Layout, Result, Scalar};
pub use cpu::CpuStorage;
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
}

macro_rules! same_device {
    ($op:expr, $($s:expr),+ => |$($b:ident),+| $body:expr) => {
        match ($($s),+) {
            ($(Storage::Cpu($b)),+) => $body,
        }
    };
}

impl Storage {
    pub fn dtype(&self) -> DType {
        match self {
            Storage::Cpu(s) => s.dtype(),
        }
    }

    pub fn device(&self) -> Device {
        match self {
            Storage::Cpu(s) => s.device(),
        }
    }

    pub fn unary(&self, op: UnaryOp, layout: &Layout) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.unary(op, layout)?)),
        }
    }

    pub fn binary(&self, op: BinaryOp, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        same_device!(op.name(), self, rhs => |a, b| Ok(Storage::Cpu(a.binary(op, la, b, lb)?)))
    }

    pub fn binary_assign(
        &mut self,
        op: BinaryOp,
        la: &Layout,
        rhs: &Storage,
        lb: &Layout,
    ) -> Result<()> {
        same_device!(op.name(), self, rhs => |a, b| a.binary_assign(op, la, b, lb))
    }

    pub fn cmp(&self, op: CmpOp, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        same_device!(op.name(), self, rhs => |a, b| Ok(Storage::Cpu(a.cmp(op, la, b, lb)?)))
    }

    pub fn where_cond(
        &self,
        lc: &Layout,
        a: &Storage,
        la: &Layout,
        b: &Storage,
        lb: &Layout,
    ) -> Result<Storage> {
        same_device!("where", self, a, b => |c, x, y| Ok(Storage::Cpu(c.where_cond(lc, x, la, y, lb)?)))
    }

    pub fn cast(&self, layout: &Layout, dtype: DType) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.cast(layout, dtype)?)),
        }
    }

    pub fn copy_from(&mut self, dst: &Layout, src: &Storage, src_layout: &Layout) -> Result<()> {
        same_device!("copy_", self, src => |d, s| d.copy_from(dst, s, src_layout))
    }

    pub fn fill(&mut self, layout: &Layout, value: Scalar) -> Result<()> {
        match self {
            Storage::Cpu(s) => s.fill(layout, value),
        }
    }

    pub fn get(&self, offset: usize) -> Result<Scalar> {
        match self {
            Storage::Cpu(s) => s.get(offset),
        }
    }

    pub fn any_zero(&self, layout: &Layout) -> Result<bool> {
        match self {
            Storage::Cpu(s) => s.any_zero(layout),
        }
    }

    pub fn reduce(&self, op: ReduceOp, layout: &Layout, reduced_dims: usize) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.reduce(op, layout, reduced_dims)?)),
        }
    }

    pub fn scan(&self, op: ScanOp, layout: &Layout) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.scan(op, layout)?)),
        }
    }

    pub fn softmax(&self, layout: &Layout, log: bool) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.softmax(layout, log)?)),
        }
    }

    pub fn sort(&self, layout: &Layout, descending: bool) -> Result<(Storage, Storage)> {
        match self {
            Storage::Cpu(s) => {
                let (v, i) = s.sort(layout, descending)?;
                Ok((Storage::Cpu(v), Storage::Cpu(i)))
            }
        }
    }

    pub fn matmul(&self, la: &Layout, rhs: &Storage, lb: &Layout) -> Result<Storage> {
        same_device!("matmul", self, rhs => |a, b| Ok(Storage::Cpu(a.matmul(la, b, lb)?)))
    }

    pub fn take(&self, offsets: &Storage, ol: &Layout) -> Result<Storage> {
        same_device!("take", self, offsets => |a, o| Ok(Storage::Cpu(a.take(o, ol)?)))
    }

    pub fn index_select(
        &self,
        layout: &Layout,
        dim: usize,
        index: &Storage,
        il: &Layout,
    ) -> Result<Storage> {
        same_device!("index_select", self, index => |a, i| {
            Ok(Storage::Cpu(a.index_select(layout, dim, i, il)?))
        })
    }

    pub fn put(
        &mut self,
        offsets: &Storage,
        ol: &Layout,
        src: &Storage,
        sl: &Layout,
        op: PutOp,
    ) -> Result<()> {
        same_device!("index_put_", self, offsets, src => |d, o, s| d.put(o, ol, s, sl, op))
    }

    pub fn nonzero(&self, layout: &Layout) -> Result<(Storage, usize)> {
        match self {
            Storage::Cpu(s) => {
                let (v, n) = s.nonzero(layout)?;
                Ok((Storage::Cpu(v), n))
            }
        }
    }

    pub fn im2col(&self, g: &Window2d) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.im2col(g)?)),
        }
    }

    pub fn col2im(&self, g: &Window2d) -> Result<Storage> {
        match self {
            Storage::Cpu(s) => Ok(Storage::Cpu(s.col2im(g)?)),
        }
    }

    pub fn pool2d(&self, g: &Window2d, kind: Pool2d) -> Result<(Storage, Option<Storage>)> {
        match self {
            Storage::Cpu(s) => {
                let (v, i) = s.pool2d(g, kind)?;
                Ok((Storage::Cpu(v), i.map(Storage::Cpu)))
            }
        }
    }

    /// The number of elements the storage holds.
    pub fn len(&self) -> usize {
        match self {
            Storage::Cpu(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Zero-filled storage on `device`.
    pub fn zeros(device: Device, dtype: DType, len: usize) -> Result<Storage> {
        match device {
            Device::Cpu => Ok(Storage::Cpu(CpuStorage::zeros(dtype, len)?)),
            Device::Cuda(_) => Err(Error::DeviceUnavailable { device }),
        }
    }
}
