//! Backends: kernels over buffers and layouts (never a `Tensor`). [`BackendStorage`] is the
//! contract every device implements; [`Storage`] is the one place that dispatches on device.

pub mod cpu;
pub mod op;

use crate::types::{DType, Device, Error, Layout, Result, Scalar};
pub use cpu::CpuStorage;
pub use op::{BinaryOp, CmpOp, UnaryOp};

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
