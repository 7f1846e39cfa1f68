//! The autograd graph as ops record it. An op whose input requires grad (with grad mode
//! on) adds one [`Node`]: what the op was ([`GradFn`], with the values its derivative
//! needs saved as [`SavedTensor`]s), and one [`Edge`] per input leading to the node that
//! made that input, or to the leaf itself. The rules that walk it backwards live in
//! src/autograd/; this layer only records.
//!
//! Here: grad mode, nodes, edges and saved values, and `record`. `grad_fn.rs` holds what a
//! node can be (`GradFn`, one variant per differentiable op, and PyTorch's name for it);
//! `tensor_api.rs` the autograd side of a tensor (`requires_grad`, `.grad`, hooks, history).

use super::{Tensor, TensorImpl};
use crate::backend::{BinaryOp, UnaryOp};
use crate::types::{AutogradError, DType, Device, Dims, Error, Result, Scalar};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

mod grad_fn;
mod tensor_api;

pub use grad_fn::*;

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
