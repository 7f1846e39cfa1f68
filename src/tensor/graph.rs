//! The autograd graph as ops record it. An op whose input requires grad (with grad mode
//! on) adds one [`Node`]: what the op was ([`GradFn`], with the values its derivative
//! needs saved as [`SavedTensor`]s), and one [`Edge`] per input leading to the node that
//! made that input, or to the leaf itself. The rules that walk it backwards live in
//! src/autograd/; this layer only records.

use super::{Tensor, TensorImpl};
use crate::backend::{BinaryOp, UnaryOp};
use crate::types::{AutogradError, DType, Device, Dims, Error, Result, Scalar};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

thread_local! {
    static GRAD_ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether ops record the graph (`torch.is_grad_enabled()`).
pub fn is_grad_enabled() -> bool {
    GRAD_ENABLED.with(|g| g.get())
}

/// Sets grad mode and returns the previous one (`torch.set_grad_enabled`).
pub fn set_grad_enabled(on: bool) -> bool {
    GRAD_ENABLED.with(|g| g.replace(on))
}

/// Grad mode set for a scope: `let _g = GradMode::set(false);` is `with torch.no_grad():`.
pub struct GradMode(bool);

impl GradMode {
    pub fn set(on: bool) -> GradMode {
        GradMode(set_grad_enabled(on))
    }
}

impl Drop for GradMode {
    fn drop(&mut self) {
        set_grad_enabled(self.0);
    }
}

/// Runs `f` with grad mode off.
pub fn no_grad<R>(f: impl FnOnce() -> R) -> R {
    let _g = GradMode::set(false);
    f()
}

static LIVE_NODES: AtomicUsize = AtomicUsize::new(0);
static NEXT_SEQ: AtomicU64 = AtomicU64::new(0);

/// How many graph nodes exist now (in all threads): a training loop keeps this flat.
pub fn live_nodes() -> usize {
    LIVE_NODES.load(Ordering::Relaxed)
}

/// A tensor's autograd state, present once it requires grad, has a grad, or has hooks.
#[derive(Default)]
pub(super) struct AutogradMeta {
    grad: Option<Tensor>,
    grad_fn: Option<Arc<Node>>,
    output_nr: usize,
    /// A leaf that requires grad (results of ops require grad through their grad_fn).
    leaf_requires_grad: bool,
    retains_grad: bool,
    /// Hooks on a leaf, by id; the caller of backward runs them.
    hooks: Vec<u64>,
    /// Made by a view op while recording: in-place writes to it would bypass its base.
    is_view: bool,
    /// The tensor a view (`is_view`) looks into, through any chain of views: an in-place
    /// write to the view is recorded on it (PyTorch's CopySlices).
    base: Option<Tensor>,
    /// The storage version the view's history describes: after a write through another
    /// view (or into the base) the view reads from the base's new history instead.
    view_version: u64,
}

/// Shape, dtype and device of one input or output of a node.
#[derive(Clone, Debug)]
pub struct TensorMeta {
    pub shape: Dims,
    pub dtype: DType,
    pub device: Device,
}

impl TensorMeta {
    fn of(t: &Tensor) -> TensorMeta {
        TensorMeta {
            shape: t.shape().into(),
            dtype: t.dtype(),
            device: t.device(),
        }
    }
}

/// Where an input's gradient goes.
pub enum Edge {
    /// Output `output_nr` of another node.
    Node { node: Arc<Node>, output_nr: usize },
    /// A leaf that requires grad: its `.grad` accumulates.
    Leaf(Tensor),
}

/// A value saved for backward. Outputs are kept without their history (which points back
/// to this node) and get it again, through the node, when unpacked.
pub struct SavedTensor {
    data: Tensor,
    version: u64,
    output_nr: Option<usize>,
}

/// A handle to one of a node's saved tensors.
#[derive(Clone, Copy, Debug)]
pub struct S(u16);

/// An operand of a binary op as its derivative needs it.
#[derive(Clone, Copy, Debug)]
pub enum Val {
    /// A tensor, saved.
    T(S),
    /// A Python scalar.
    Scalar(f64),
    /// A tensor, not saved because no gradient needs it.
    Unsaved,
}

/// One recorded op.
pub struct Node {
    pub op: GradFn,
    saved: Mutex<Option<Vec<SavedTensor>>>,
    /// One per input of the op: `None` where that input needs no gradient.
    pub next: Vec<Option<Edge>>,
    /// One per input: `None` for an operand that was not a tensor.
    pub inputs: Vec<Option<TensorMeta>>,
    pub outputs: Vec<TensorMeta>,
    /// Creation order: backward runs later nodes first.
    pub seq: u64,
    /// Hooks on the node's outputs (`y.register_hook` on a non-leaf): (output_nr, id).
    hooks: Mutex<Vec<(usize, u64)>>,
    /// Outputs whose `.grad` is kept (`retain_grad()` on a non-leaf).
    retained: Mutex<Vec<(usize, Weak<TensorImpl>)>>,
    /// PyTorch's name for an op nabla composes from others (`FlipBackward0` for a flip
    /// recorded as an offset read): set on the composite's last node, see [`rename`].
    alias: Mutex<Option<&'static str>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        LIVE_NODES.fetch_sub(1, Ordering::Relaxed);
        // A long chain of nodes would drop recursively and could overflow the stack:
        // unlink the chain here, one node at a time.
        let mut stack: Vec<Arc<Node>> = Vec::new();
        let take = |next: &mut Vec<Option<Edge>>, stack: &mut Vec<Arc<Node>>| {
            for e in next.drain(..) {
                if let Some(Edge::Node { node, .. }) = e {
                    stack.push(node);
                }
            }
        };
        take(&mut self.next, &mut stack);
        while let Some(node) = stack.pop() {
            if let Ok(mut n) = Arc::try_unwrap(node) {
                take(&mut n.next, &mut stack);
            }
        }
    }
}

/// A node's name as PyTorch's version-counter message gives it: `MulBackward0` → `Mul`.
fn short(name: &str) -> &str {
    match name.find("Backward") {
        Some(i) => &name[..i],
        None => name,
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Node {
    /// PyTorch's name for this node (`MulBackward0`).
    pub fn name(&self) -> &'static str {
        lock(&self.alias).unwrap_or_else(|| self.op.name())
    }

    /// The node's Python class name: `name()` without a C++ namespace
    /// (`torch::autograd::CopySlices` prints as `grad_fn=<CopySlices>`).
    pub fn class_name(&self) -> &'static str {
        let n = self.name();
        n.rsplit("::").next().unwrap_or(n)
    }

    /// The tensor behind a saved handle, checked against in-place writes since it was saved.
    /// Saved outputs come back with this node as their history, so that a graph recorded
    /// while computing gradients (`create_graph=True`) reaches through them.
    pub fn saved(self: &Arc<Node>, s: S) -> Result<Tensor> {
        let guard = lock(&self.saved);
        let Some(saved) = guard.as_ref() else {
            return Err(Error::autograd(AutogradError::SecondBackward, "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."));
        };
        let st = &saved[s.0 as usize];
        let now = st.data.version();
        if now != st.version {
            let t = &st.data;
            let what = match (st.output_nr, t.grad_fn()) {
                (Some(nr), _) => format!(", which is output {nr} of {},", short(self.name())),
                (None, Some(f)) => format!(
                    ", which is output {} of {},",
                    t.output_nr(),
                    short(f.name())
                ),
                (None, None) => String::new(),
            };
            return Err(Error::autograd(AutogradError::Modified, format!(
                "one of the variables needed for gradient computation has been modified by an inplace operation: [{} [{}]]{what} is at version {now}; expected version {} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).",
                t.type_name(), crate::types::join(t.shape()), st.version
            )));
        }
        Ok(match st.output_nr {
            Some(nr) if is_grad_enabled() => {
                let t = st.data.detach();
                t.set_history(self.clone(), nr);
                t
            }
            _ => st.data.clone(),
        })
    }

    /// Frees the saved tensors (after a backward without `retain_graph`).
    pub fn release(&self) {
        let mut g = lock(&self.saved);
        if g.as_ref().is_some_and(|v| !v.is_empty()) {
            *g = None;
        }
    }

    /// Hook ids registered on output `nr`, in registration order.
    pub fn hooks(&self, nr: usize) -> Vec<u64> {
        lock(&self.hooks)
            .iter()
            .filter(|(n, _)| *n == nr)
            .map(|(_, id)| *id)
            .collect()
    }

    /// The tensors whose `.grad` keeps output `nr`'s gradient.
    pub fn retained(&self, nr: usize) -> Vec<Tensor> {
        lock(&self.retained)
            .iter()
            .filter(|(n, _)| *n == nr)
            .filter_map(|(_, w)| w.upgrade().map(Tensor))
            .collect()
    }

    pub fn remove_hook(&self, id: u64) {
        lock(&self.hooks).retain(|(_, h)| *h != id);
    }
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.name())
    }
}

/// Collects what a node saves while it is being recorded.
pub struct Rec<'a> {
    saved: Vec<SavedTensor>,
    needs: &'a [bool],
}

impl Rec<'_> {
    /// Whether input `i` needs a gradient (save only what those gradients use).
    pub fn needs(&self, i: usize) -> bool {
        self.needs.get(i).copied().unwrap_or(false)
    }

    /// Saves an input (or any tensor that is not this node's output).
    pub fn save(&mut self, t: &Tensor) -> S {
        self.push(t.clone(), None)
    }

    /// Saves output `nr` of the node being recorded.
    pub fn save_out(&mut self, t: &Tensor, nr: usize) -> S {
        self.push(t.detach(), Some(nr))
    }

    /// Saves `t` only when `cond` holds.
    pub fn save_if(&mut self, cond: bool, t: &Tensor) -> Option<S> {
        cond.then(|| self.save(t))
    }

    fn push(&mut self, data: Tensor, output_nr: Option<usize>) -> S {
        let version = data.version();
        self.saved.push(SavedTensor {
            data,
            version,
            output_nr,
        });
        S((self.saved.len() - 1) as u16)
    }
}

/// Whether an op on `inputs` records a node now.
#[inline]
pub fn records(inputs: &[Option<&Tensor>]) -> bool {
    inputs.iter().flatten().any(|t| t.requires_grad()) && is_grad_enabled()
}

/// Gives `out`'s node PyTorch's name for the op that produced it, where nabla composed the
/// op from others (the gradient is the composite's, only the name changes). Nothing happens
/// when `out` has no node of its own (no history, or an input's node passed through).
pub fn rename(out: &Tensor, inputs: &[&Tensor], name: &'static str) -> Tensor {
    if let Some(node) = out.grad_fn() {
        let shared = inputs
            .iter()
            .any(|t| t.grad_fn().is_some_and(|n| Arc::ptr_eq(&n, &node)));
        if !shared {
            *lock(&node.alias) = Some(name);
        }
    }
    out.clone()
}

/// Records `out` (computed without history) as piecewise constant in `inputs`: its
/// gradients are zeros, PyTorch's rule for rounded quotients.
pub fn piecewise_constant(out: &Tensor, inputs: &[Option<&Tensor>], name: &'static str) {
    record(&[out], inputs, |_, _| GradFn::Rounded { name });
}

/// Records the node of an op that made `outputs` from `inputs` (`None` for an operand that
/// is not a tensor), when it should be recorded; outputs that are not floating point are
/// never differentiable and get no history.
pub fn record(
    outputs: &[&Tensor],
    inputs: &[Option<&Tensor>],
    make: impl FnOnce(&mut Rec, &[&Tensor]) -> GradFn,
) {
    if !records(inputs) || !outputs.iter().any(|t| t.dtype().is_float()) {
        return;
    }
    let needs: Vec<bool> = inputs
        .iter()
        .map(|t| t.is_some_and(|t| t.requires_grad()))
        .collect();
    let mut rec = Rec {
        saved: Vec::new(),
        needs: &needs,
    };
    let op = make(&mut rec, outputs);
    let next = inputs
        .iter()
        .map(|t| t.and_then(|t| t.edge()))
        .collect::<Vec<_>>();
    let node = Arc::new(Node {
        op,
        saved: Mutex::new(Some(rec.saved)),
        next,
        inputs: inputs.iter().map(|t| t.map(TensorMeta::of)).collect(),
        outputs: outputs.iter().map(|t| TensorMeta::of(t)).collect(),
        seq: NEXT_SEQ.fetch_add(1, Ordering::Relaxed),
        hooks: Mutex::new(Vec::new()),
        retained: Mutex::new(Vec::new()),
        alias: Mutex::new(None),
    });
    LIVE_NODES.fetch_add(1, Ordering::Relaxed);
    for (nr, out) in outputs.iter().enumerate() {
        if out.dtype().is_float() {
            out.set_history(node.clone(), nr);
        }
    }
}

/// An op as autograd sees it: `f` computes it (with recording paused when this op records
/// itself), then `make` describes its node.
pub fn op(
    inputs: &[Option<&Tensor>],
    f: impl FnOnce() -> Result<Tensor>,
    make: impl FnOnce(&mut Rec, &[&Tensor]) -> GradFn,
) -> Result<Tensor> {
    if !records(inputs) {
        return f();
    }
    let out = no_grad(f)?;
    record(&[&out], inputs, make);
    Ok(out)
}

/// An op autograd cannot differentiate yet: an error when it would have to record.
pub fn not_differentiable(op: &'static str, inputs: &[Option<&Tensor>]) -> Result<()> {
    if records(inputs) {
        return Err(Error::NotImplemented {
            op,
            message: format!("the derivative for '{op}' is not implemented in nabla yet; compute it under torch.no_grad() or on .detach()ed inputs"),
        });
    }
    Ok(())
}

impl Tensor {
    fn meta(&self) -> MutexGuard<'_, Option<Box<AutogradMeta>>> {
        lock(&self.0.autograd)
    }

    /// The autograd state, created if missing.
    fn meta_mut(&self) -> MutexGuard<'_, Option<Box<AutogradMeta>>> {
        let mut g = self.meta();
        if g.is_none() {
            *g = Some(Box::default());
        }
        g
    }

    /// Whether autograd tracks this tensor: a leaf that requires grad or an op's result.
    #[inline]
    pub fn requires_grad(&self) -> bool {
        self.0.requires_grad.load(Ordering::Relaxed)
    }

    /// `x.is_leaf`: made by the user, not by an op that autograd recorded.
    pub fn is_leaf(&self) -> bool {
        self.grad_fn().is_none()
    }

    /// `x.grad_fn`.
    pub fn grad_fn(&self) -> Option<Arc<Node>> {
        self.refresh_view();
        self.meta().as_ref().and_then(|m| m.grad_fn.clone())
    }

    /// Which output of its grad_fn this tensor is.
    pub fn output_nr(&self) -> usize {
        self.meta().as_ref().map_or(0, |m| m.output_nr)
    }

    /// `x.requires_grad_(flag)` / `x.requires_grad = flag`.
    pub fn set_requires_grad(&self, flag: bool) -> Result<()> {
        if !self.is_leaf() {
            if flag {
                return Ok(());
            }
            return Err(Error::autograd(AutogradError::Other, "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."));
        }
        if flag && !self.dtype().is_float() {
            return Err(Error::autograd(
                AutogradError::Other,
                "only Tensors of floating point and complex dtype can require gradients",
            ));
        }
        if let Some(m) = self.meta_mut().as_mut() {
            m.leaf_requires_grad = flag;
        }
        self.0.requires_grad.store(flag, Ordering::Relaxed);
        Ok(())
    }

    /// `x.grad`.
    pub fn grad(&self) -> Option<Tensor> {
        self.meta().as_ref().and_then(|m| m.grad.clone())
    }

    /// `x.grad = g` (checked as PyTorch checks it).
    pub fn set_grad(&self, grad: Option<Tensor>) -> Result<()> {
        if let Some(g) = &grad {
            if g.dtype() != self.dtype() {
                return Err(Error::autograd(
                    AutogradError::Other,
                    "assigned grad has data of a different type",
                ));
            }
            if g.shape() != self.shape() {
                return Err(Error::autograd(
                    AutogradError::Other,
                    format!("attempting to assign a gradient of size '[{}]' to a tensor of size '[{}]'. Please ensure that the gradient and the tensor are the same size", crate::types::join(g.shape()), crate::types::join(self.shape())),
                ));
            }
        }
        if grad.is_none() && self.meta().is_none() {
            return Ok(());
        }
        if let Some(m) = self.meta_mut().as_mut() {
            m.grad = grad;
        }
        Ok(())
    }

    /// `x.retain_grad()`: a non-leaf keeps its `.grad` after backward.
    pub fn retain_grad(&self) -> Result<()> {
        if !self.requires_grad() {
            return Err(Error::autograd(
                AutogradError::Other,
                "can't retain_grad on Tensor that has requires_grad=False",
            ));
        }
        let Some(node) = self.grad_fn() else {
            return Ok(());
        };
        let mut m = self.meta_mut();
        let Some(meta) = m.as_mut() else {
            return Ok(());
        };
        if !meta.retains_grad {
            meta.retains_grad = true;
            lock(&node.retained).push((meta.output_nr, Arc::downgrade(&self.0)));
        }
        Ok(())
    }

    /// `x.retains_grad`.
    pub fn retains_grad(&self) -> bool {
        self.meta().as_ref().is_some_and(|m| m.retains_grad)
    }

    /// Registers hook `id` (the caller keeps the function): called with this tensor's
    /// gradient during backward.
    pub fn add_hook(&self, id: u64) -> Result<()> {
        if !self.requires_grad() {
            return Err(Error::autograd(
                AutogradError::Other,
                "cannot register a hook on a tensor that doesn't require gradient",
            ));
        }
        match self.grad_fn() {
            Some(node) => lock(&node.hooks).push((self.output_nr(), id)),
            None => {
                if let Some(m) = self.meta_mut().as_mut() {
                    m.hooks.push(id)
                }
            }
        }
        Ok(())
    }

    /// Removes hook `id` wherever it was registered on this tensor.
    pub fn remove_hook(&self, id: u64) {
        match self.grad_fn() {
            Some(node) => node.remove_hook(id),
            None => {
                if let Some(m) = self.meta().as_mut() {
                    m.hooks.retain(|h| *h != id);
                }
            }
        }
    }

    /// A leaf's hook ids.
    pub fn leaf_hooks(&self) -> Vec<u64> {
        self.meta().as_ref().map_or(Vec::new(), |m| m.hooks.clone())
    }

    /// `x.detach_()`: cuts this tensor from its graph, in place.
    pub fn detach_(&self) -> Result<&Tensor> {
        if self.is_view() {
            return Err(Error::autograd(AutogradError::Other, "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution."));
        }
        if let Some(m) = self.meta().as_mut() {
            m.grad_fn = None;
            m.leaf_requires_grad = false;
        }
        self.0.requires_grad.store(false, Ordering::Relaxed);
        Ok(self)
    }

    fn is_view(&self) -> bool {
        self.meta().as_ref().is_some_and(|m| m.is_view)
    }

    /// Makes this tensor output `nr` of `node`.
    pub(super) fn set_history(&self, node: Arc<Node>, nr: usize) {
        if let Some(m) = self.meta_mut().as_mut() {
            m.grad_fn = Some(node);
            m.output_nr = nr;
            m.leaf_requires_grad = false;
        }
        self.0.requires_grad.store(true, Ordering::Relaxed);
    }

    /// A view of an input, recording its node when autograd needs one.
    pub(super) fn view_rec(
        &self,
        layout: crate::types::Layout,
        make: impl FnOnce() -> GradFn,
    ) -> Tensor {
        let out = self.with_layout(layout);
        if records(&[Some(self)]) {
            record(&[&out], &[Some(self)], |_, _| make());
            out.mark_view(self);
        }
        out
    }

    /// Marks this tensor as a view of `source` (recorded).
    pub(super) fn mark_view(&self, source: &Tensor) {
        if self.requires_grad() {
            let base = source.view_base().unwrap_or_else(|| source.clone());
            let version = self.version();
            if let Some(m) = self.meta_mut().as_mut() {
                m.is_view = true;
                m.base = Some(base);
                m.view_version = version;
            }
        }
    }

    /// The base of a recorded view.
    fn view_base(&self) -> Option<Tensor> {
        self.meta().as_ref().and_then(|m| m.base.clone())
    }

    /// The base of a recorded view when an in-place write to the view can be recorded on
    /// it: the base spans its storage in order, so storage offsets are its flat positions.
    fn writable_base(&self) -> Option<Tensor> {
        let b = self.view_base()?;
        b.spans_storage().then_some(b)
    }

    /// Whether this tensor covers its whole storage in row-major order (its storage
    /// offsets are then its flat positions).
    pub(super) fn spans_storage(&self) -> bool {
        self.storage_offset() == 0 && self.is_contiguous() && self.numel() == self.read().len()
    }

    /// The storage offset of each element, in this tensor's shape (int64).
    pub(super) fn storage_offsets(&self) -> Result<Tensor> {
        let extent = self.layout().storage_extent() as i64;
        let all = Tensor::arange(
            Scalar::Int(0),
            Scalar::Int(extent),
            Scalar::Int(1),
            Some(DType::I64),
        )?;
        all.with_layout(self.layout().clone()).contiguous()
    }

    /// After an in-place op gave this view new history: the write becomes part of the base's
    /// history (CopySlices: the old base with the view's region replaced), and the view
    /// reads from the new base (AsStridedBackward0), as PyTorch records it.
    pub(super) fn commit_view_write(&self) -> Result<()> {
        if !self.is_view() || !self.requires_grad() {
            return Ok(());
        }
        let Some(base) = self.writable_base() else {
            return Ok(());
        };
        // The view's new history describes the storage as just written.
        let version = self.version();
        if let Some(m) = self.meta_mut().as_mut() {
            m.view_version = version;
        }
        let offsets = self.storage_offsets()?;
        record(&[&base], &[Some(&base), Some(self)], |r, _| GradFn::Put {
            name: "torch::autograd::CopySlices",
            offsets: r.save(&offsets),
            assign: true,
        });
        self.read_from_base(&base, &offsets);
        Ok(())
    }

    /// Records this view as a read of `base`'s current history at `offsets`.
    fn read_from_base(&self, base: &Tensor, offsets: &Tensor) {
        record(&[self], &[Some(base)], |r, _| GradFn::Take {
            name: "AsStridedBackward0",
            offsets: r.save(offsets),
        });
        let version = self.version();
        if let Some(m) = self.meta_mut().as_mut() {
            m.view_version = version;
        }
    }

    /// A view whose storage was written since its history was recorded (through another
    /// view, or into the base) takes the base's current history, as PyTorch regenerates a
    /// view's grad_fn.
    fn refresh_view(&self) {
        let stale = self
            .meta()
            .as_ref()
            .is_some_and(|m| m.is_view && m.view_version != self.version());
        if !stale || !is_grad_enabled() {
            return;
        }
        if let (Some(base), Ok(offsets)) = (self.writable_base(), self.storage_offsets()) {
            if base.requires_grad() {
                self.read_from_base(&base, &offsets);
            }
        }
    }

    /// Where this tensor's gradient goes, if it needs one.
    fn edge(&self) -> Option<Edge> {
        if !self.requires_grad() {
            return None;
        }
        self.refresh_view();
        Some(match self.grad_fn() {
            Some(node) => Edge::Node {
                node,
                output_nr: self.output_nr(),
            },
            None => Edge::Leaf(self.clone()),
        })
    }

    /// Whether nothing else holds this tensor or its storage (it may be reused in place).
    pub fn is_exclusive(&self) -> bool {
        Arc::strong_count(&self.0) == 1 && Arc::strong_count(&self.0.storage) == 1
    }

    /// A contiguous copy, never recorded.
    pub fn clone_contiguous(&self) -> Result<Tensor> {
        self.copy_contiguous()
    }

    /// Same tensor handle (Python's `is`).
    pub fn same(&self, other: &Tensor) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// Checks an in-place write into this tensor is allowed, before it happens.
    pub(super) fn check_inplace(&self, op: &'static str) -> Result<()> {
        self.check_inplace_from(op, None)
    }

    /// Like `check_inplace`, when `src` (which may require grad) is written in.
    pub(super) fn check_inplace_from(&self, op: &'static str, src: Option<&Tensor>) -> Result<()> {
        if !is_grad_enabled() || !(self.requires_grad() || src.is_some_and(|s| s.requires_grad())) {
            return Ok(());
        }
        if !self.requires_grad() {
            // A tensor without history takes the source's: only when nothing else sees
            // its memory (a view's base would not learn of it).
            if Arc::strong_count(&self.0.storage) > 1 {
                return Err(Error::NotImplemented {
                    op,
                    message: format!("{op}: writing a tensor that requires grad into a view (or a tensor with views) is not supported by nabla's autograd yet; build the result out of place (torch.cat, torch.stack, torch.where)"),
                });
            }
            return Ok(());
        }
        if self.is_leaf() {
            return Err(Error::autograd(
                AutogradError::LeafInPlace,
                "a leaf Variable that requires grad is being used in an in-place operation.",
            ));
        }
        let of_leaf = self
            .grad_fn()
            .is_some_and(|n| matches!(n.next.first(), Some(Some(Edge::Leaf(_)))));
        let of_leaf = of_leaf || self.view_base().is_some_and(|b| b.is_leaf());
        if self.is_view() && of_leaf {
            return Err(Error::autograd(
                AutogradError::LeafInPlace,
                "a view of a leaf Variable that requires grad is being used in an in-place operation.",
            ));
        }
        if self.is_view() && self.writable_base().is_none() {
            return Err(Error::NotImplemented {
                op,
                message: format!("{op}: writing in place into this view of a tensor that requires grad is not supported by nabla's autograd yet; write into a clone (`y = x.clone(); y[...] = …`) or build the result out of place (torch.where, torch.cat)"),
            });
        }
        Ok(())
    }

    /// After an in-place op that wrote `result` (an out-of-place result carrying the op's
    /// history) into this tensor: this tensor takes over that history.
    pub(super) fn rebase_history(&self, result: &Tensor) {
        if let Some(node) = result.grad_fn() {
            self.set_history(node, result.output_nr());
        }
    }
}

/// Which extreme-value reduction (max/min of all elements, amax/amin, median of all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extreme {
    Max,
    Min,
    Amax,
    Amin,
    Median,
}

/// How a matrix product was called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatKind {
    Mm,
    Bmm,
    Mv,
    Dot,
}

macro_rules! grad_fns {
    ($( $(#[$m:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// Every op autograd records, with what its derivative needs.
        #[derive(Debug)]
        pub enum GradFn {
            $( $(#[$m])* $variant $({ $($field: $ty),* })? ),*
        }

        impl GradFn {
            /// The variants' names: the gradient check covers every one.
            pub const VARIANTS: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// This variant's name (an entry of `VARIANTS`).
            pub fn variant(&self) -> &'static str {
                match self { $(GradFn::$variant { .. } => stringify!($variant)),* }
            }
        }
    };
}

grad_fns! {
    /// A float function of one tensor (UnaryOp): `x` and/or `out` saved.
    Unary { op: UnaryOp, x: Option<S>, out: Option<S> },
    /// A binary op; `reversed` when the tensor came second after a scalar (`2 - x`).
    Binary { op: BinaryOp, a: Val, b: Val, reversed: bool },
    Sign,
    Reciprocal { out: S },
    Sigmoid { out: S },
    Relu { out: S },
    Gelu { x: S, tanh: bool },
    Silu { x: S },
    Softplus { x: S, beta: f64, threshold: f64 },
    Elu { x: S, alpha: f64 },
    LeakyRelu { x: S, slope: f64 },
    /// `clamp(min, max)`: the bounds are scalars or saved tensors.
    Clamp { x: S, min: Option<Val>, max: Option<Val> },
    Where { cond: S },
    MaskedFill { mask: S, tensor_value: bool },
    /// A dtype conversion (or device move): the gradient converts back.
    ToCopy,
    Clone,
    Sum { dims: Option<Vec<usize>>, keepdim: bool },
    Mean { dims: Option<Vec<usize>>, keepdim: bool },
    Prod { x: S, out: S, dim: Option<(usize, bool)> },
    /// max()/min()/amax/amin/median(): the gradient is shared evenly between ties.
    Extreme { kind: Extreme, x: S, out: S, dims: Option<Vec<usize>>, keepdim: bool },
    /// An op that picks elements along `dim` by `indices` (max(dim), sort, topk, kthvalue,
    /// median(dim), cummax): the gradient goes back to the picked places.
    Picked { name: &'static str, dim: usize, indices: S, keepdim: bool },
    Var { x: S, dims: Option<Vec<usize>>, correction: f64, keepdim: bool },
    Std { x: S, out: S, dims: Option<Vec<usize>>, correction: f64, keepdim: bool },
    Norm { x: S, out: S, p: f64, dims: Option<Vec<usize>>, keepdim: bool },
    Logsumexp { x: S, out: S, dims: Vec<usize>, keepdim: bool },
    Cumsum { dim: usize },
    Softmax { out: S, dim: usize },
    LogSoftmax { out: S, dim: usize },
    /// view/reshape/flatten (`name`: ViewBackward0, UnsafeViewBackward0 …).
    View { name: &'static str },
    Permute { dims: Vec<usize> },
    Transpose { d0: usize, d1: usize, t: bool },
    Expand,
    Squeeze { name: &'static str },
    Unsqueeze { dim: usize },
    Select { dim: usize, index: usize },
    Slice { dim: usize, start: usize, len: usize, step: usize },
    Diagonal { offset: i64, d1: usize, d2: usize },
    /// split/chunk/unbind: one node, many outputs.
    Split { name: &'static str, dim: usize, sizes: Vec<usize>, keep_dim: bool },
    /// Elements read at flat offsets of the input (indexing, gather, index_select, take,
    /// masked_select, flip, roll, reflect/replicate pads, nearest resampling, max pools).
    Take { name: &'static str, offsets: S },
    /// The gradient of a `Take`: values summed into zeros at flat offsets.
    Untake { offsets: S },
    /// A matrix product.
    /// `transposed[i]`: operand `i` was a transposed matrix (`w.t()`); its gradient is
    /// computed in that layout, as PyTorch does, so `.grad` of `w` comes out contiguous.
    Mat { kind: MatKind, a: Option<S>, b: Option<S>, transposed: [bool; 2] },
    Addmm { m1: Option<S>, m2: Option<S>, beta: Scalar, alpha: Scalar, batched: bool, transposed: [bool; 2] },
    Conv { x: S, w: S, stride: [usize; 2], padding: [usize; 2], dilation: [usize; 2], groups: usize, pad_extra: [usize; 2], one_d: bool },
    Cat { dim: usize },
    Stack { dim: usize },
    /// `x.cumprod(dim)`.
    Cumprod { x: S, out: S, dim: usize },
    /// avg_pool2d / adaptive_avg_pool2d: `out = ah @ x @ awᵀ` over the last two dims, the
    /// pooling matrices (`[oh, h]`, `[ow, w]`) saved.
    AvgPool { ah: S, aw: S, adaptive: bool },
    /// `F.unfold`: sliding blocks of a `size` image.
    Im2col { size: [usize; 2], kernel: [usize; 2], dilation: [usize; 2], padding: [usize; 2], stride: [usize; 2] },
    /// `F.fold`: blocks summed back into an image.
    Col2im { kernel: [usize; 2], dilation: [usize; 2], padding: [usize; 2], stride: [usize; 2] },
    /// `linalg.det`.
    Det { x: S, out: S },
    /// `linalg.inv`.
    Inv { out: S },
    /// `linalg.solve(A, B)`; `vector` when B was a (batch of) vector(s).
    Solve { a: S, out: S, vector: bool },
    /// A write at flat `offsets` of the input (index_put_, scatter_, index_add_, `x[i] = v`):
    /// `assign` replaces what was there, otherwise the values are added.
    Put { name: &'static str, offsets: S, assign: bool },
    /// A result that is piecewise constant in its inputs (`div(…, rounding_mode=…)`):
    /// zero gradients, as PyTorch gives.
    Rounded { name: &'static str },
    /// `x.copy_(src)` into a tensor with history.
    Copy,
    /// `x.fill_(v)` / `x.zero_()` on a tensor with history.
    Fill,
}

impl GradFn {
    /// PyTorch's name for the node (`grad_fn=<MulBackward0>`).
    pub fn name(&self) -> &'static str {
        use GradFn as G;
        match self {
            G::Unary { op, .. } => match op {
                UnaryOp::Neg => "NegBackward0",
                UnaryOp::Abs => "AbsBackward0",
                UnaryOp::Exp => "ExpBackward0",
                UnaryOp::Exp2 => "Exp2Backward0",
                UnaryOp::Expm1 => "Expm1Backward0",
                UnaryOp::Log => "LogBackward0",
                UnaryOp::Log2 => "Log2Backward0",
                UnaryOp::Log10 => "Log10Backward0",
                UnaryOp::Log1p => "Log1PBackward0",
                UnaryOp::Sqrt => "SqrtBackward0",
                UnaryOp::Rsqrt => "RsqrtBackward0",
                UnaryOp::Sin => "SinBackward0",
                UnaryOp::Cos => "CosBackward0",
                UnaryOp::Tan => "TanBackward0",
                UnaryOp::Asin => "AsinBackward0",
                UnaryOp::Acos => "AcosBackward0",
                UnaryOp::Atan => "AtanBackward0",
                UnaryOp::Sinh => "SinhBackward0",
                UnaryOp::Cosh => "CoshBackward0",
                UnaryOp::Tanh => "TanhBackward0",
                UnaryOp::Erf => "ErfBackward0",
                UnaryOp::Erfinv => "ErfinvBackward0",
                UnaryOp::Floor => "FloorBackward0",
                UnaryOp::Ceil => "CeilBackward0",
                UnaryOp::Round => "RoundBackward0",
                UnaryOp::Trunc => "TruncBackward0",
            },
            G::Binary {
                op, b, reversed, ..
            } => {
                let scalar = matches!(b, Val::Scalar(_));
                match (op, reversed) {
                    (BinaryOp::Add, _) => "AddBackward0",
                    (BinaryOp::Sub, true) => "RsubBackward1",
                    (BinaryOp::Sub, false) => "SubBackward0",
                    (BinaryOp::Mul, _) => "MulBackward0",
                    (BinaryOp::Div, true) => "MulBackward0",
                    (BinaryOp::Div, false) => "DivBackward0",
                    (BinaryOp::Pow, true) => "PowBackward2",
                    (BinaryOp::Pow, false) if scalar => "PowBackward0",
                    (BinaryOp::Pow, false) => "PowBackward1",
                    (BinaryOp::Maximum, _) => "MaximumBackward0",
                    (BinaryOp::Minimum, _) => "MinimumBackward0",
                    (BinaryOp::Atan2, _) => "Atan2Backward0",
                    (BinaryOp::Remainder, _) if scalar => "RemainderBackward0",
                    (BinaryOp::Remainder, _) => "RemainderBackward1",
                    (BinaryOp::Fmod, _) if scalar => "FmodBackward0",
                    (BinaryOp::Fmod, _) => "FmodBackward1",
                    (BinaryOp::FloorDiv, _) => "torch::autograd::NotImplemented",
                    _ => "BinaryBackward0",
                }
            }
            G::Sign => "SignBackward0",
            G::Reciprocal { .. } => "ReciprocalBackward0",
            G::Sigmoid { .. } => "SigmoidBackward0",
            G::Relu { .. } => "ReluBackward0",
            G::Gelu { .. } => "GeluBackward0",
            G::Silu { .. } => "SiluBackward0",
            G::Softplus { .. } => "SoftplusBackward0",
            G::Elu { .. } => "EluBackward0",
            G::LeakyRelu { .. } => "LeakyReluBackward0",
            G::Clamp { min, max, .. } => match (min, max) {
                (Some(Val::Scalar(_)) | None, Some(Val::Scalar(_)) | None) => "ClampBackward1",
                _ => "ClampBackward0",
            },
            G::Where { .. } => "WhereBackward0",
            G::MaskedFill { tensor_value, .. } => {
                if *tensor_value {
                    "MaskedFillBackward1"
                } else {
                    "MaskedFillBackward0"
                }
            }
            G::ToCopy => "ToCopyBackward0",
            G::Clone => "CloneBackward0",
            G::Sum { dims, .. } => match dims {
                None => "SumBackward0",
                Some(_) => "SumBackward1",
            },
            G::Mean { dims, .. } => match dims {
                None => "MeanBackward0",
                Some(_) => "MeanBackward1",
            },
            G::Prod { dim, .. } => match dim {
                None => "ProdBackward0",
                Some(_) => "ProdBackward1",
            },
            G::Extreme { kind, .. } => match kind {
                Extreme::Max => "MaxBackward1",
                Extreme::Min => "MinBackward1",
                Extreme::Amax => "AmaxBackward0",
                Extreme::Amin => "AminBackward0",
                Extreme::Median => "MedianBackward0",
            },
            G::Picked { name, .. } => name,
            G::Var { .. } => "VarBackward0",
            G::Std { .. } => "StdBackward0",
            G::Norm { .. } => "LinalgVectorNormBackward0",
            G::Logsumexp { .. } => "LogsumexpBackward0",
            G::Cumsum { .. } => "CumsumBackward0",
            G::Softmax { .. } => "SoftmaxBackward0",
            G::LogSoftmax { .. } => "LogSoftmaxBackward0",
            G::View { name } => name,
            G::Permute { .. } => "PermuteBackward0",
            G::Transpose { t, .. } => {
                if *t {
                    "TBackward0"
                } else {
                    "TransposeBackward0"
                }
            }
            G::Expand => "ExpandBackward0",
            G::Squeeze { name } => name,
            G::Unsqueeze { .. } => "UnsqueezeBackward0",
            G::Select { .. } => "SelectBackward0",
            G::Slice { .. } => "SliceBackward0",
            G::Diagonal { .. } => "DiagonalBackward0",
            G::Split { name, .. } => name,
            G::Take { name, .. } => name,
            G::Mat { kind, .. } => match kind {
                MatKind::Mm => "MmBackward0",
                MatKind::Bmm => "BmmBackward0",
                MatKind::Mv => "MvBackward0",
                MatKind::Dot => "DotBackward0",
            },
            G::Addmm { batched, .. } => {
                if *batched {
                    "BaddbmmBackward0"
                } else {
                    "AddmmBackward0"
                }
            }
            G::Conv { .. } => "ConvolutionBackward0",
            G::Cat { .. } => "CatBackward0",
            G::Stack { .. } => "StackBackward0",
            G::Untake { .. } => "TakeBackwardBackward0",
            G::Cumprod { .. } => "CumprodBackward0",
            G::AvgPool {
                adaptive: false, ..
            } => "AvgPool2DBackward0",
            G::AvgPool { adaptive: true, .. } => "AdaptiveAvgPool2DBackward0",
            G::Im2col { .. } => "Im2ColBackward0",
            G::Col2im { .. } => "Col2ImBackward0",
            G::Det { .. } => "LinalgDetBackward0",
            G::Inv { .. } => "LinalgInvExBackward0",
            G::Solve { .. } => "LinalgSolveExBackward0",
            G::Put { name, .. } | G::Rounded { name } => name,
            G::Copy => "CopyBackwards",
            G::Fill => "FillBackward0",
        }
    }
}
