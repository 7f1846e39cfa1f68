//! Indexing by tensors: advanced (integer-array and boolean-mask) indexing and assignment,
//! index_select, gather, scatter and scatter_reduce, take, masked_select, nonzero, index_add.
//! Each computes the storage offsets it touches with int64 tensor arithmetic and hands them
//! to the backend's `take` (read) or `put` (write), so every op here is one kernel call.

use super::graph::{self, GradFn};
use super::{wrap_dim, Arg, Tensor};
use crate::backend::PutOp;
use crate::types::{DType, Error, Result, Scalar};

/// One item of an index expression `x[a, b, ...]`.
#[derive(Clone)]
pub enum Index {
    Int(i64),
    Slice(Option<i64>, Option<i64>, i64),
    NewAxis,
    Ellipsis,
    Tensor(Tensor),
}

/// `arange(n) * stride` shaped to broadcast along dimension `at` of an `nd`-dim result.
fn axis_offsets(n: usize, stride: usize, nd: usize, at: usize) -> Result<Tensor> {
    let mut shape = vec![1i64; nd];
    shape[at] = n as i64;
    Tensor::arange(
        Scalar::Int(0),
        Scalar::Int(n as i64),
        Scalar::Int(1),
        Some(DType::I64),
    )?
    .mul(stride as i64)?
    .reshape(&shape)
}

/// Checks an index tensor's dtype and range for a dimension of `size`, and wraps negative
/// positions: PyTorch's IndexError text when one is out of range.
fn checked_index(op: &'static str, idx: &Tensor, dim: usize, size: usize) -> Result<Tensor> {
    if (idx.dtype().is_float() || idx.dtype() == DType::Bool) && op == "index_select" {
        return Err(Error::invalid(
            op,
            "index_select(): Expected dtype int32 or int64 for index",
        ));
    }
    if idx.dtype().is_float() || idx.dtype() == DType::Bool {
        return Err(Error::invalid(
            op,
            "tensors used as indices must be long, int, byte or bool tensors",
        ));
    }
    let idx = idx.to_dtype(DType::I64)?;
    if idx.numel() == 0 {
        return Ok(idx);
    }
    let (lo, hi) = (
        idx.min_all()?.item()?.to_i64(),
        idx.max_all()?.item()?.to_i64(),
    );
    let s = size as i64;
    for v in [hi, lo] {
        let low = if op == "index_select" { 0 } else { -s };
        if v >= s || v < low {
            let message =
                format!("index {v} is out of bounds for dimension {dim} with size {size}");
            return Err(match op {
                "index_select" => Error::Index {
                    op,
                    message: "index out of range in self".into(),
                },
                "take" => Error::Index {
                    op,
                    message: format!(
                        "out of range: tried to access index {v} on a tensor of {size} elements."
                    ),
                },
                "index" => Error::Index { op, message },
                _ => Error::invalid(op, message),
            });
        }
    }
    if lo < 0 {
        return idx.lt(0)?.to_dtype(DType::I64)?.mul(s)?.add(&idx);
    }
    Ok(idx)
}

impl Tensor {
    /// Reads the elements at storage `offsets` (int64), in the offsets' shape.
    fn take_at(&self, offsets: &Tensor) -> Result<Tensor> {
        let g = self.read();
        let o = offsets.read();
        let st = g.take(&o, offsets.layout())?;
        Ok(Tensor::from_storage(st, offsets.shape()))
    }

    /// `self.storage[offsets] op= values` (values broadcast to the offsets' shape).
    /// `name`: the node autograd records when a gradient flows (`IndexPutBackward0` …).
    fn put_at(
        &self,
        offsets: &Tensor,
        values: Arg<'_>,
        op: PutOp,
        name: &'static str,
    ) -> Result<()> {
        let src = match &values {
            Arg::Tensor(t) => Some(t.as_ref().clone()),
            Arg::Scalar(_) => None,
        };
        let vt = src.as_ref();
        self.check_inplace_from("index_put_", vt)?;
        let recording = graph::records(&[Some(self), vt]);
        if recording {
            // The gradient addresses the written elements by their storage offsets, which
            // are this tensor's flat positions when it spans its storage in order.
            if !self.spans_storage() {
                graph::not_differentiable("index_put_ into a view", &[Some(self), vt])?;
            }
            if !matches!(op, PutOp::Assign | PutOp::Add) {
                graph::not_differentiable(
                    "scatter_reduce (multiply, amax, amin)",
                    &[Some(self), vt],
                )?;
            }
        }
        let v = match values {
            Arg::Tensor(t) => t.to_dtype(self.dtype())?,
            Arg::Scalar(s) => Tensor::scalar_as(s, self.dtype())?,
        };
        let v = v.broadcast_to(offsets.shape()).map_err(|_| {
            Error::invalid(
                "index_put_",
                format!(
                    "shape mismatch: value tensor of shape [{}] cannot be broadcast to indexing result of shape [{}]",
                    crate::types::join(v.shape()),
                    crate::types::join(offsets.shape())
                ),
            )
        })?;
        // The values may alias the destination (`x[i] = x`): read them out first.
        let v = if v.shares_storage(self) {
            v.clone_data()?
        } else {
            v
        };
        {
            let o = offsets.read();
            let vg = v.read();
            let mut g = self.write();
            g.put(&o, offsets.layout(), &vg, v.layout(), op)?;
        }
        if recording {
            graph::record(&[self], &[Some(self), vt], |r, _| GradFn::Put {
                name,
                offsets: r.save(offsets),
                assign: op == PutOp::Assign,
            });
        }
        Ok(())
    }

    /// `x[items] = values` for a basic index: `view` is `x[items]`. Where a gradient must
    /// flow (`x` or the values require grad), the write is recorded on `x` at the view's
    /// storage offsets, PyTorch's CopySlices; otherwise it is a plain `copy_` / `fill_`.
    pub fn assign_view(&self, view: Tensor, values: Arg<'_>) -> Result<()> {
        let vt = match &values {
            Arg::Tensor(t) => Some(t.as_ref()),
            Arg::Scalar(_) => None,
        };
        if !graph::records(&[Some(self), vt]) {
            return match values {
                Arg::Tensor(src) => view.copy_(&src).map(|_| ()),
                Arg::Scalar(s) => view.fill_(s).map(|_| ()),
            };
        }
        if self.requires_grad() && self.is_leaf() {
            // PyTorch writes through the view: "a view of a leaf Variable …".
            view.check_inplace_from("copy_", vt)?;
        }
        let values = match values {
            // copy_'s broadcasting rule and error.
            Arg::Tensor(src) => {
                Arg::from(src.expand(&view.shape().iter().map(|&d| d as i64).collect::<Vec<_>>())?)
            }
            a => a,
        };
        let offsets = view.storage_offsets()?;
        drop(view);
        self.put_at(
            &offsets,
            values,
            PutOp::Assign,
            "torch::autograd::CopySlices",
        )
    }

    /// The offsets an index expression with at least one tensor addresses in `self`.
    fn index_offsets(&self, items: &[Index]) -> Result<Tensor> {
        // Expand `...` and turn every item into a view edit or an index tensor.
        let consuming: usize = items
            .iter()
            .map(|i| match i {
                Index::Int(_) | Index::Slice(..) => 1,
                Index::Tensor(t) if t.dtype() == DType::Bool => t.dim(),
                Index::Tensor(_) => 1,
                _ => 0,
            })
            .sum();
        if consuming > self.dim() {
            return Err(Error::invalid(
                "index",
                format!("too many indices for tensor of dimension {}", self.dim()),
            ));
        }
        let mut v = self.clone();
        let mut adv: Vec<(usize, Tensor)> = Vec::new();
        let mut d = 0usize;
        for item in items {
            match item {
                Index::Ellipsis => d += self.dim() - consuming,
                Index::NewAxis => {
                    v = v.unsqueeze(d as i64)?;
                    d += 1;
                }
                Index::Slice(a, b, step) => {
                    v = v.slice(d as i64, *a, *b, *step)?;
                    d += 1;
                }
                Index::Int(i) => {
                    let t = Tensor::scalar_as(Scalar::Int(*i), DType::I64)?;
                    adv.push((d, checked_index("index", &t, d, v.shape()[d])?));
                    d += 1;
                }
                Index::Tensor(m) if m.dtype() == DType::Bool => {
                    for k in 0..m.dim() {
                        if m.shape()[k] != v.shape()[d + k] {
                            return Err(Error::invalid("index", format!(
                                "The shape of the mask [{}] at index {k} does not match the shape of the indexed tensor [{}] at index {}",
                                crate::types::join(m.shape()), crate::types::join(v.shape()), d + k
                            )));
                        }
                    }
                    let nz = m.nonzero()?;
                    for k in 0..m.dim() {
                        adv.push((d + k, nz.select(1, k as i64)?));
                    }
                    if m.dim() == 0 {
                        // x[True] adds a dimension of size 1; x[False] one of size 0.
                        v = v.unsqueeze(d as i64)?;
                        let keep = m.item()?.is_nonzero() as i64;
                        let t = Tensor::arange(
                            Scalar::Int(0),
                            Scalar::Int(keep),
                            Scalar::Int(1),
                            Some(DType::I64),
                        )?;
                        adv.push((d, t));
                        d += 1;
                    }
                    d += m.dim();
                }
                Index::Tensor(t) => {
                    adv.push((d, checked_index("index", t, d, v.shape()[d])?));
                    d += 1;
                }
            }
        }
        let mut bshape: Vec<usize> = Vec::new();
        for (_, t) in &adv {
            bshape = super::broadcast_shapes("index", &bshape, t.shape())
                .map_err(|_| {
                    Error::invalid(
                        "index",
                        format!(
                            "shape mismatch: indexing tensors could not be broadcast together with shapes {}",
                            adv.iter()
                                .map(|(_, t)| format!("[{}]", crate::types::join(t.shape())))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                })?
                .to_vec();
        }
        let dims: Vec<usize> = adv.iter().map(|(d, _)| *d).collect();
        let adjacent = dims.windows(2).all(|w| w[1] == w[0] + 1);
        let rest: Vec<usize> = (0..v.dim()).filter(|x| !dims.contains(x)).collect();
        let before = if adjacent {
            rest.iter().filter(|&&r| r < dims[0]).count()
        } else {
            0
        };
        let nd = rest.len() + bshape.len();
        let (shape, strides) = (v.shape().to_vec(), v.stride().to_vec());
        let mut off = Tensor::scalar_as(Scalar::Int(v.storage_offset() as i64), DType::I64)?;
        for (d, t) in &adv {
            let mut s = vec![1i64; before];
            s.extend(std::iter::repeat_n(1, bshape.len() - t.dim()));
            s.extend(t.shape().iter().map(|&x| x as i64));
            s.extend(std::iter::repeat_n(1, nd - s.len()));
            off = off.add(&t.mul(strides[*d] as i64)?.reshape(&s)?)?;
        }
        for (k, &r) in rest.iter().enumerate() {
            let at = if k < before { k } else { k + bshape.len() };
            off = off.add(&axis_offsets(shape[r], strides[r], nd, at)?)?;
        }
        let mut out_shape: Vec<i64> = rest[..before].iter().map(|&r| shape[r] as i64).collect();
        out_shape.extend(bshape.iter().map(|&x| x as i64));
        out_shape.extend(rest[before..].iter().map(|&r| shape[r] as i64));
        off.expand(&out_shape)
    }

    /// `x[items]` where some item is a tensor (advanced indexing): a copy.
    pub fn index(&self, items: &[Index]) -> Result<Tensor> {
        self.take_recorded("IndexBackward0", |t| t.index_offsets(items))
    }

    /// Reads at the offsets `offsets(x)` gives for `x`, recording a `Take` node when autograd
    /// needs one: then the offsets are taken on a contiguous copy, so that they are the flat
    /// positions the gradient goes back to.
    fn take_recorded(
        &self,
        name: &'static str,
        offsets: impl FnOnce(&Tensor) -> Result<Tensor>,
    ) -> Result<Tensor> {
        if !graph::records(&[Some(self)]) {
            return self.take_at(&offsets(self)?);
        }
        graph::no_grad(|| {
            let base = if self.is_contiguous() {
                self.detach()
            } else {
                self.copy_contiguous()?
            };
            let off = offsets(&base)?;
            let out = base.take_at(&off)?;
            let flat = match base.storage_offset() {
                0 => off,
                o => off.sub(o as i64)?,
            };
            Ok((out, flat))
        })
        .map(|(out, flat)| {
            graph::record(&[&out], &[Some(self)], |r, _| GradFn::Take {
                name,
                offsets: r.save(&flat),
            });
            out
        })
    }

    /// The elements of a contiguous tensor at flat `offsets` (recorded).
    pub fn take_flat(&self, offsets: &Tensor) -> Result<Tensor> {
        self.reshape(&[-1])?
            .take_recorded("TakeBackward0", |t| t.storage_offset_shift(offsets))
    }

    fn storage_offset_shift(&self, offsets: &Tensor) -> Result<Tensor> {
        match self.storage_offset() {
            0 => Ok(offsets.clone()),
            o => offsets.add(o as i64),
        }
    }

    /// Zeros of `numel` elements with this tensor's values summed in at flat `offsets`
    /// (the gradient of a read at those offsets; recorded).
    pub fn put_into_zeros(&self, offsets: &Tensor, numel: usize) -> Result<Tensor> {
        let out = graph::no_grad(|| -> Result<Tensor> {
            let z = Tensor::zeros(&[numel], self.dtype())?;
            z.put_at(offsets, Arg::from(self), PutOp::Add, "IndexPutBackward0")?;
            Ok(z)
        })?;
        graph::record(&[&out], &[Some(self)], |r, _| GradFn::Untake {
            offsets: r.save(offsets),
        });
        Ok(out)
    }

    /// Flat offsets, in a contiguous tensor of `shape`, of what `gather(dim, index)` reads.
    pub fn gather_offsets(shape: &[usize], dim: i64, index: &Tensor) -> Result<Tensor> {
        Tensor::empty(shape, DType::U8)?.along_offsets("gather", dim, index)
    }

    /// `x[items] = values` (or `+=` with `accumulate`, as `index_put_(…, accumulate=True)`).
    pub fn index_put_(&self, items: &[Index], values: Arg<'_>, accumulate: bool) -> Result<()> {
        let off = self.index_offsets(items)?;
        self.put_at(
            &off,
            values,
            if accumulate {
                PutOp::Add
            } else {
                PutOp::Assign
            },
            "IndexPutBackward0",
        )
    }

    /// Offsets of `self` addressed by `index` along `dim` (gather/scatter's rule: the other
    /// dimensions follow the index's own positions).
    fn along_offsets(&self, op: &'static str, dim: i64, index: &Tensor) -> Result<Tensor> {
        let nd = self.dim().max(1);
        let d = wrap_dim(op, dim, self.dim())?;
        if index.dim() != self.dim() && !(self.dim() == 0 && index.dim() <= 1) {
            return Err(Error::invalid(
                op,
                format!(
                    "Index tensor must have the same number of dimensions as {} tensor",
                    if op == "gather" { "input" } else { "self" }
                ),
            ));
        }
        let shape: Vec<usize> = if self.dim() == 0 {
            vec![1]
        } else {
            self.shape().to_vec()
        };
        let strides: Vec<usize> = if self.dim() == 0 {
            vec![1]
        } else {
            self.stride().to_vec()
        };
        for (k, (&i, &s)) in index.shape().iter().zip(&shape).enumerate() {
            if k != d && i > s {
                return Err(Error::invalid(op, format!(
                    "Size does not match at dimension {k} expected index [{}] to be no larger than self [{}] apart from dimension {d}",
                    crate::types::join(index.shape()), crate::types::join(self.shape())
                )));
            }
        }
        let idx = checked_index(op, index, d, shape[d])?;
        let ishape: Vec<i64> = index.shape().iter().map(|&x| x as i64).collect();
        let ishape = if ishape.is_empty() { vec![1] } else { ishape };
        let mut off = idx
            .reshape(&ishape)?
            .mul(strides[d] as i64)?
            .add(self.storage_offset() as i64)?;
        for k in (0..nd).filter(|&k| k != d) {
            off = off.add(&axis_offsets(ishape[k] as usize, strides[k], nd, k)?)?;
        }
        off.reshape(&index.shape().iter().map(|&x| x as i64).collect::<Vec<_>>())
    }

    /// `torch.gather(x, dim, index)`.
    pub fn gather(&self, dim: i64, index: &Tensor) -> Result<Tensor> {
        self.take_recorded("GatherBackward0", |t| t.along_offsets("gather", dim, index))
    }

    /// `x.scatter_(dim, index, src)` with an optional reduction; `src` may be larger than
    /// `index` (only its leading block is used) or a scalar.
    pub fn scatter_(&self, dim: i64, index: &Tensor, src: Arg<'_>, op: PutOp) -> Result<()> {
        let off = self.along_offsets("scatter", dim, index)?;
        let name = match (&src, op) {
            (_, PutOp::Add) => "ScatterAddBackward0",
            (Arg::Scalar(_), _) => "ScatterBackward1",
            (Arg::Tensor(_), _) => "ScatterBackward0",
        };
        let values = match src {
            Arg::Scalar(s) => Arg::Scalar(s),
            Arg::Tensor(t) => leading_block(&t, index)?.into(),
        };
        self.put_at(&off, values, op, name)
    }

    /// `torch.scatter(x, dim, index, src)`: a copy with the writes.
    pub fn scatter(&self, dim: i64, index: &Tensor, src: Arg<'_>, op: PutOp) -> Result<Tensor> {
        let out = self.clone_data()?;
        out.scatter_(dim, index, src, op)?;
        Ok(out)
    }

    /// `x.scatter_reduce(dim, index, src, reduce, include_self)` for sum, prod, mean, amax,
    /// amin.
    pub fn scatter_reduce(
        &self,
        dim: i64,
        index: &Tensor,
        src: &Tensor,
        reduce: &str,
        include_self: bool,
    ) -> Result<Tensor> {
        let op = match reduce {
            "sum" | "mean" => PutOp::Add,
            "prod" => PutOp::Mul,
            "amax" => PutOp::Max,
            "amin" => PutOp::Min,
            other => {
                return Err(Error::invalid(
                    "scatter_reduce",
                    format!(
                        "reduce argument must be either sum, prod, mean, amax or amin, got {other}"
                    ),
                ))
            }
        };
        let out = self.clone_data()?;
        if !include_self {
            // The written positions start from the reduction's identity, so only `src` counts:
            // first copy one of the values there, then combine the rest.
            let first = leading_block(src, index)?;
            let ident = match op {
                PutOp::Add => Tensor::scalar_as(Scalar::Int(0), self.dtype())?,
                PutOp::Mul => Tensor::scalar_as(Scalar::Int(1), self.dtype())?,
                _ => Tensor::scalar_as(Scalar::Int(0), self.dtype())?,
            };
            if matches!(op, PutOp::Max | PutOp::Min) {
                out.scatter_(dim, index, Arg::from(first), PutOp::Assign)?;
            } else {
                out.scatter_(dim, index, Arg::from(ident), PutOp::Assign)?;
            }
        }
        out.scatter_(dim, index, src.into(), op)?;
        if reduce == "mean" {
            let ones = Tensor::ones(index.shape(), self.dtype())?;
            let start = if include_self { 1 } else { 0 };
            let count = Tensor::full(self.shape(), Scalar::Int(start), Some(self.dtype()))?;
            count.scatter_(dim, index, Arg::from(ones), PutOp::Add)?;
            let count = count.clamp(Some(Arg::Scalar(Scalar::Int(1))), None)?;
            let q = if self.dtype().is_float() {
                out.div(&count)?
            } else {
                out.floor_divide(&count)?
            };
            return Ok(q);
        }
        Ok(out)
    }

    /// `x.index_select(dim, index)` (a 1-D index).
    fn index_select_composed(&self, dim: i64, index: &Tensor) -> Result<Tensor> {
        if index.dim() > 1 {
            return Err(Error::invalid(
                "index_select",
                "index_select(): Index is supposed to be a vector",
            ));
        }
        let d = wrap_dim("index_select", dim, self.dim())?;
        let size = if self.dim() == 0 { 1 } else { self.shape()[d] };
        let index = checked_index("index_select", index, d, size)?;
        let mut items = vec![Index::Slice(None, None, 1); d];
        items.push(Index::Tensor(index.reshape(&[-1])?));
        let r = self.index(&items)?;
        if self.dim() == 0 {
            return r.reshape(&[]);
        }
        Ok(r)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn index_select(&self, dim: i64, index: &Tensor) -> Result<Tensor> {
        if self.dim() > 0
            && index.dim() == 1
            && index.dtype() == DType::I64
            && index.device() == self.device()
            && !graph::records(&[Some(self)])
        {
            // Without history (a DataLoader's batch): whole slices copied, no offsets.
            let d = wrap_dim("index_select", dim, self.dim())?;
            let base = if self.is_contiguous() {
                self.clone()
            } else {
                self.copy_contiguous()?
            };
            let st = base
                .read()
                .index_select(base.layout(), d, &index.read(), index.layout())?;
            let mut shape = self.shape().to_vec();
            shape[d] = index.numel();
            return Ok(Tensor::from_storage(st, &shape));
        }
        let out = self.index_select_composed(dim, index)?;
        Ok(super::graph::rename(&out, &[self], "IndexSelectBackward0"))
    }

    /// `x.index_add_(dim, index, source, alpha)`: `x[..., index[i], ...] += alpha * source[..., i, ...]`.
    pub fn index_add_(
        &self,
        dim: i64,
        index: &Tensor,
        source: &Tensor,
        alpha: Scalar,
    ) -> Result<()> {
        let d = wrap_dim("index_add", dim, self.dim())?;
        let mut items = vec![Index::Slice(None, None, 1); d];
        items.push(Index::Tensor(index.reshape(&[-1])?));
        let off = self.index_offsets(&items)?;
        let src = if alpha.to_f64() == 1.0 {
            source.clone()
        } else {
            source.mul(alpha)?
        };
        self.put_at(&off, Arg::from(src), PutOp::Add, "IndexAddBackward0")
    }

    /// `torch.take(x, index)`: `x` read as if flattened.
    pub fn take(&self, index: &Tensor) -> Result<Tensor> {
        let flat = self.reshape(&[-1])?;
        let n = flat.numel();
        let idx = checked_index("take", index, 0, n)?;
        flat.take_recorded("TakeBackward0", |f| {
            idx.mul(f.stride().first().copied().unwrap_or(1) as i64)?
                .add(f.storage_offset() as i64)
        })
    }

    /// `torch.masked_select(x, mask)`: the elements where the (broadcast) mask is true, 1-D.
    fn masked_select_composed(&self, mask: &Tensor) -> Result<Tensor> {
        if mask.dtype() != DType::Bool {
            return Err(Error::invalid(
                "masked_select",
                format!(
                    "masked_select: expected BoolTensor for mask, got {}",
                    mask.dtype().legacy_type_name()
                ),
            ));
        }
        let shape = super::broadcast_shapes("masked_select", self.shape(), mask.shape())?;
        let x = self.broadcast_to(&shape)?;
        let m = mask.broadcast_to(&shape)?;
        x.index(&[Index::Tensor(m)])
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn masked_select(&self, mask: &Tensor) -> Result<Tensor> {
        let out = self.masked_select_composed(mask)?;
        Ok(super::graph::rename(&out, &[self], "MaskedSelectBackward0"))
    }

    /// `torch.nonzero(x)`: the indices of nonzero elements, `[count, ndim]` int64.
    pub fn nonzero(&self) -> Result<Tensor> {
        let (st, n) = self.read().nonzero(self.layout())?;
        Ok(Tensor::from_storage(st, &[n, self.dim()]))
    }
}

/// The block of `src` in `index`'s shape (scatter uses `src[i][j]…` for each index position).
fn leading_block(src: &Tensor, index: &Tensor) -> Result<Tensor> {
    if src.dim() == 0 {
        return Ok(src.clone());
    }
    if src.dim() != index.dim() {
        return Err(Error::invalid(
            "scatter",
            "Index tensor must have the same number of dimensions as src tensor",
        ));
    }
    let mut s = src.clone();
    for (k, (&i, &n)) in index.shape().iter().zip(src.shape()).enumerate() {
        if i > n {
            return Err(Error::invalid(
                "scatter",
                format!(
                    "Expected index [{}] to be no larger than src [{}] in every dimension",
                    crate::types::join(index.shape()),
                    crate::types::join(src.shape())
                ),
            ));
        }
        s = s.narrow(k as i64, 0, i)?;
    }
    Ok(s)
}
