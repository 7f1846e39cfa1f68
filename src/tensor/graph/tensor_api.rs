//! The autograd side of a tensor: `requires_grad`, `.grad`, hooks, version counters, its
//! history.

use super::*;

impl Tensor {
    pub(super) fn meta(&self) -> MutexGuard<'_, Option<Box<AutogradMeta>>> {
        lock(&self.0.autograd)
    }

    /// The autograd state, created if missing.
    pub(super) fn meta_mut(&self) -> MutexGuard<'_, Option<Box<AutogradMeta>>> {
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

    pub(super) fn is_view(&self) -> bool {
        self.meta().as_ref().is_some_and(|m| m.is_view)
    }

    /// Makes this tensor output `nr` of `node`.
    pub(in crate::tensor) fn set_history(&self, node: Arc<Node>, nr: usize) {
        if let Some(m) = self.meta_mut().as_mut() {
            m.grad_fn = Some(node);
            m.output_nr = nr;
            m.leaf_requires_grad = false;
        }
        self.0.requires_grad.store(true, Ordering::Relaxed);
    }

    /// A view of an input, recording its node when autograd needs one.
    pub(in crate::tensor) fn view_rec(
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
    pub(in crate::tensor) fn mark_view(&self, source: &Tensor) {
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
    pub(super) fn view_base(&self) -> Option<Tensor> {
        self.meta().as_ref().and_then(|m| m.base.clone())
    }

    /// The base of a recorded view when an in-place write to the view can be recorded on
    /// it: the base spans its storage in order, so storage offsets are its flat positions.
    pub(super) fn writable_base(&self) -> Option<Tensor> {
        let b = self.view_base()?;
        b.spans_storage().then_some(b)
    }

    /// Whether this tensor covers its whole storage in row-major order (its storage
    /// offsets are then its flat positions).
    pub(in crate::tensor) fn spans_storage(&self) -> bool {
        self.storage_offset() == 0 && self.is_contiguous() && self.numel() == self.read().len()
    }

    /// The storage offset of each element, in this tensor's shape (int64).
    pub(in crate::tensor) fn storage_offsets(&self) -> Result<Tensor> {
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
    pub(in crate::tensor) fn commit_view_write(&self) -> Result<()> {
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
    pub(super) fn read_from_base(&self, base: &Tensor, offsets: &Tensor) {
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
    pub(super) fn refresh_view(&self) {
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
    pub(super) fn edge(&self) -> Option<Edge> {
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
    pub(in crate::tensor) fn check_inplace(&self, op: &'static str) -> Result<()> {
        self.check_inplace_from(op, None)
    }

    /// Like `check_inplace`, when `src` (which may require grad) is written in.
    pub(in crate::tensor) fn check_inplace_from(
        &self,
        op: &'static str,
        src: Option<&Tensor>,
    ) -> Result<()> {
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
    pub(in crate::tensor) fn rebase_history(&self, result: &Tensor) {
        if let Some(node) = result.grad_fn() {
            self.set_history(node, result.output_nr());
        }
    }
}
