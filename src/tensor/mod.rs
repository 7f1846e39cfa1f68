//! `Tensor`: shared storage, a layout, a dtype and a device; cheap to clone. Views share the
//! storage, so writes through a view reach every tensor that sees those elements.

mod cephes;
mod compose;
mod conv;
mod convert;
mod create;
mod einsum;
mod elementwise;
pub mod graph;
mod index;
mod inplace;
mod join;
mod linalg;
mod nested;
mod order;
pub mod print;
mod promote;
mod random;
mod reduce;
mod sort;
mod view;

pub use conv::{ConvOpts, Padding, PoolOpts};
pub use elementwise::{broadcast_shapes, Arg};
pub use index::Index;
pub use nested::Nested;
pub use print::{format_tensor, PrintOptions};
pub use promote::result_type;
pub use random::{Generator, STATE_BYTES};

use crate::backend::Storage;
use crate::types::{DType, Device, Error, Layout, Result, Scalar, Size};
use graph::AutogradMeta;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A multi-dimensional array of one dtype on one device.
#[derive(Clone)]
pub struct Tensor(Arc<TensorImpl>);

struct TensorImpl {
    storage: Arc<StorageCell>,
    layout: Layout,
    // A storage's dtype and device never change: kept here, they are read without a lock.
    dtype: DType,
    device: Device,
    // Whether autograd tracks this tensor (a leaf that requires grad, or an op's result with
    // a `grad_fn`): read on every op, so kept outside the lock.
    requires_grad: AtomicBool,
    autograd: Mutex<Option<Box<AutogradMeta>>>,
    /// An `nn.Parameter`: a leaf a module owns (it prints as "Parameter containing:").
    parameter: bool,
}

/// A buffer and its version counter, shared by a tensor and all its views. Every in-place
/// write bumps the version, so autograd sees when a tensor it saved has been overwritten.
struct StorageCell {
    data: RwLock<Storage>,
    version: AtomicU64,
}

impl StorageCell {
    fn new(storage: Storage) -> Arc<StorageCell> {
        Arc::new(StorageCell {
            data: RwLock::new(storage),
            version: AtomicU64::new(0),
        })
    }
}

impl TensorImpl {
    fn new(storage: Arc<StorageCell>, layout: Layout, dtype: DType, device: Device) -> Self {
        TensorImpl {
            storage,
            layout,
            dtype,
            device,
            requires_grad: AtomicBool::new(false),
            autograd: Mutex::new(None),
            parameter: false,
        }
    }
}

impl Tensor {
    fn from_storage(storage: Storage, shape: &[usize]) -> Tensor {
        Tensor::from_parts(storage, Layout::contiguous(shape))
    }

    /// A tensor owning `storage`, seen through `layout`.
    fn from_parts(storage: Storage, layout: Layout) -> Tensor {
        let (dtype, device) = (storage.dtype(), storage.device());
        Tensor(Arc::new(TensorImpl::new(
            StorageCell::new(storage),
            layout,
            dtype,
            device,
        )))
    }

    /// A tensor over the same storage with another layout: how every view is made. The
    /// view has no autograd history of its own (view ops record theirs).
    fn with_layout(&self, layout: Layout) -> Tensor {
        Tensor(Arc::new(TensorImpl::new(
            self.0.storage.clone(),
            layout,
            self.0.dtype,
            self.0.device,
        )))
    }

    /// `x.detach()`: the same data, cut from the graph (it never requires grad).
    pub fn detach(&self) -> Tensor {
        self.with_layout(self.0.layout.clone())
    }

    /// `nn.Parameter(x, requires_grad)`: a leaf over the same storage, marked as a parameter.
    pub fn to_parameter(&self, requires_grad: bool) -> Result<Tensor> {
        let mut inner = TensorImpl::new(
            self.0.storage.clone(),
            self.0.layout.clone(),
            self.0.dtype,
            self.0.device,
        );
        inner.parameter = true;
        let p = Tensor(Arc::new(inner));
        p.set_requires_grad(requires_grad)?;
        Ok(p)
    }

    /// Whether this tensor is an `nn.Parameter`.
    pub fn is_parameter(&self) -> bool {
        self.0.parameter
    }

    /// `x._version`: how many in-place writes this tensor's storage has seen.
    pub fn version(&self) -> u64 {
        self.0.storage.version.load(Ordering::Relaxed)
    }

    fn read(&self) -> RwLockReadGuard<'_, Storage> {
        // A panic never happens while the lock is held; should one, the data is still valid.
        self.0
            .storage
            .data
            .read()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// The storage for an in-place write, which bumps the version counter.
    fn write(&self) -> RwLockWriteGuard<'_, Storage> {
        self.0.storage.version.fetch_add(1, Ordering::Relaxed);
        self.0
            .storage
            .data
            .write()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Whether two tensors share storage (one may be a view of the other).
    /// This handle's identity (Python's `is`): clones of one handle share it; views do not.
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    pub fn shares_storage(&self, other: &Tensor) -> bool {
        Arc::ptr_eq(&self.0.storage, &other.0.storage)
    }

    pub fn layout(&self) -> &Layout {
        &self.0.layout
    }

    pub fn shape(&self) -> &[usize] {
        self.0.layout.shape()
    }

    /// `torch.Size([…])`.
    pub fn size(&self) -> Size {
        Size(self.shape().into())
    }

    pub fn dim(&self) -> usize {
        self.0.layout.ndim()
    }

    pub fn numel(&self) -> usize {
        self.0.layout.numel()
    }

    pub fn dtype(&self) -> DType {
        self.0.dtype
    }

    pub fn device(&self) -> Device {
        self.0.device
    }

    pub fn stride(&self) -> &[usize] {
        self.0.layout.strides()
    }

    pub fn storage_offset(&self) -> usize {
        self.0.layout.offset()
    }

    pub fn is_contiguous(&self) -> bool {
        self.0.layout.is_contiguous()
    }

    /// `x.layout`: nabla's tensors are all dense and strided (`torch.strided`).
    pub fn layout_name(&self) -> &'static str {
        "torch.strided"
    }

    pub fn is_floating_point(&self) -> bool {
        self.dtype().is_float()
    }

    /// Bytes per element (`element_size()`).
    pub fn element_size(&self) -> usize {
        self.dtype().size()
    }

    /// The element at a multi-index, as a Python scalar.
    pub fn get(&self, index: &[usize]) -> Result<Scalar> {
        if index.len() != self.dim() || index.iter().zip(self.shape()).any(|(i, s)| i >= s) {
            return Err(Error::invalid(
                "get",
                format!("index {index:?} is not inside shape {:?}", self.shape()),
            ));
        }
        self.read().get(self.0.layout.index_offset(index))
    }
}

/// A dimension argument that may be negative, checked against `ndim`.
pub fn wrap_dim(op: &'static str, dim: i64, ndim: usize) -> Result<usize> {
    let n = ndim.max(1) as i64;
    if dim < -n || dim >= n {
        return Err(Error::DimOutOfRange { op, dim, ndim });
    }
    Ok(if dim < 0 { dim + n } else { dim } as usize)
}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self}")
    }
}
