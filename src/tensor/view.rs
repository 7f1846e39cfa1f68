//! Views: new layouts over the same storage; nothing is copied (but `contiguous`,
//! `reshape` of non-viewable layouts, and `clone_data`).

use super::graph::{self, GradFn};
use super::{wrap_dim, Tensor};
use crate::types::{Dims, Error, Layout, Result};

/// Resolves a requested shape with at most one `-1` against `numel`.
pub fn infer_shape(op: &'static str, shape: &[i64], numel: usize) -> Result<Dims> {
    let mut inferred = None;
    let mut known = 1usize;
    for (i, &s) in shape.iter().enumerate() {
        match s {
            -1 if inferred.is_some() => {
                return Err(Error::invalid(op, "only one dimension can be inferred"))
            }
            -1 => inferred = Some(i),
            s if s < 0 => return Err(Error::invalid(op, format!("invalid shape dimension {s}"))),
            s => {
                known = known
                    .checked_mul(s as usize)
                    .ok_or_else(|| Error::TooLarge {
                        shape: shape.iter().map(|&d| d.max(0) as usize).collect(),
                    })?
            }
        }
    }
    let mut out: Dims = shape.iter().map(|&s| s.max(0) as usize).collect();
    match inferred {
        Some(_) if known == 0 => Err(Error::invalid(op, format!(
            "cannot reshape tensor of {numel} elements into shape {shape:?} because the unspecified dimension size -1 can be any value and is ambiguous"
        ))),
        Some(i2) if numel.is_multiple_of(known) => {
            out[i2] = numel / known;
            Ok(out)
        }
        _ if inferred.is_none() && known == numel => Ok(out),
        _ => Err(Error::ShapeNumel { op, requested: shape.to_vec(), numel }),
    }
}

impl Tensor {
    /// `x.view(2, -1)`: the same elements under a new shape; an error when the layout
    /// cannot be regrouped without a copy (use `reshape`).
    pub fn view(&self, shape: &[i64]) -> Result<Tensor> {
        let shape = infer_shape("view", shape, self.numel())?;
        match self.layout().view(&shape) {
            Some(l) => Ok(self.view_rec(l, || GradFn::View {
                name: "ViewBackward0",
            })),
            None => Err(Error::NotViewable {
                shape: self.shape().to_vec(),
                strides: self.stride().to_vec(),
                requested: shape.to_vec(),
            }),
        }
    }

    /// `x.reshape(…)`: a view when possible, else a contiguous copy.
    pub fn reshape(&self, shape: &[i64]) -> Result<Tensor> {
        let dims = infer_shape("reshape", shape, self.numel())?;
        match self.layout().view(&dims) {
            Some(l) => Ok(self.view_rec(l, || GradFn::View {
                name: "ViewBackward0",
            })),
            None => graph::op(
                &[Some(self)],
                || self.contiguous()?.view(shape),
                |_, _| GradFn::View {
                    name: "UnsafeViewBackward0",
                },
            ),
        }
    }

    /// `x.flatten(start_dim=0, end_dim=-1)`.
    pub fn flatten(&self, start: i64, end: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return self.reshape(&[1]);
        }
        let (s, e) = (
            wrap_dim("flatten", start, self.dim())?,
            wrap_dim("flatten", end, self.dim())?,
        );
        if s > e {
            return Err(Error::invalid(
                "flatten",
                "flatten() has invalid args: start_dim cannot come after end_dim",
            ));
        }
        let shape = self.shape();
        let mut new: Vec<i64> = shape[..s].iter().map(|&d| d as i64).collect();
        new.push(shape[s..=e].iter().product::<usize>() as i64);
        new.extend(shape[e + 1..].iter().map(|&d| d as i64));
        self.reshape(&new)
    }

    /// `x.unflatten(dim, sizes)`: splits one dimension into several.
    pub fn unflatten(&self, dim: i64, sizes: &[i64]) -> Result<Tensor> {
        let d = wrap_dim("unflatten", dim, self.dim())?;
        let inner = infer_shape("unflatten", sizes, self.shape()[d]).map_err(|_| {
            Error::invalid("unflatten", format!(
                "unflatten: Provided sizes {sizes:?} don't multiply up to the size of dim {dim} ({}) in the input tensor",
                self.shape()[d]
            ))
        })?;
        let mut new: Vec<i64> = self.shape()[..d].iter().map(|&s| s as i64).collect();
        new.extend(inner.iter().map(|&s| s as i64));
        new.extend(self.shape()[d + 1..].iter().map(|&s| s as i64));
        self.view(&new)
    }

    /// `x.permute(dims)`.
    pub fn permute(&self, dims: &[i64]) -> Result<Tensor> {
        if dims.len() != self.dim() {
            return Err(Error::invalid("permute", format!(
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {} is not equal to len(dims) = {}",
                self.dim(), dims.len()
            )));
        }
        let mut seen = vec![false; self.dim()];
        let mut perm = Vec::with_capacity(dims.len());
        for &d in dims {
            let d = wrap_dim("permute", d, self.dim())?;
            if std::mem::replace(&mut seen[d], true) {
                return Err(Error::invalid(
                    "permute",
                    "permute(): duplicate dims are not allowed.",
                ));
            }
            perm.push(d);
        }
        let dims = perm.to_vec();
        Ok(self.view_rec(self.layout().permute(&perm), || GradFn::Permute { dims }))
    }

    /// `x.transpose(d0, d1)`.
    pub fn transpose(&self, d0: i64, d1: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return Ok(self.clone());
        }
        let (a, b) = (
            wrap_dim("transpose", d0, self.dim())?,
            wrap_dim("transpose", d1, self.dim())?,
        );
        let mut perm: Vec<usize> = (0..self.dim()).collect();
        perm.swap(a, b);
        Ok(
            self.view_rec(self.layout().permute(&perm), || GradFn::Transpose {
                d0: a,
                d1: b,
                t: false,
            }),
        )
    }

    /// `x.t()`: transposes a matrix; 0-d and 1-d tensors come back as they are.
    pub fn t(&self) -> Result<Tensor> {
        match self.dim() {
            0 | 1 => Ok(self.clone()),
            2 => Ok(
                self.view_rec(self.layout().permute(&[1, 0]), || GradFn::Transpose {
                    d0: 0,
                    d1: 1,
                    t: true,
                }),
            ),
            n => Err(Error::invalid(
                "t",
                format!("t() expects a tensor with <= 2 dimensions, but self is {n}D"),
            )),
        }
    }

    /// `x.T`: all dimensions reversed.
    #[allow(non_snake_case)]
    pub fn T(&self) -> Tensor {
        let perm: Vec<usize> = (0..self.dim()).rev().collect();
        let dims = perm.clone();
        self.view_rec(self.layout().permute(&perm), || GradFn::Permute { dims })
    }

    /// `x.mT`: the last two dimensions swapped.
    #[allow(non_snake_case)]
    pub fn mT(&self) -> Result<Tensor> {
        if self.dim() < 2 {
            return Err(Error::invalid("mT", format!(
                "tensor.mT is only supported on matrices or batches of matrices. Got {}-D tensor.", self.dim()
            )));
        }
        self.transpose(-2, -1)
    }

    /// `x.expand(sizes)`: size-1 dimensions repeated without copying; -1 keeps a size.
    pub fn expand(&self, sizes: &[i64]) -> Result<Tensor> {
        let nd = self.dim();
        if sizes.len() < nd {
            return Err(Error::invalid("expand", format!(
                "expand({}{{[{}]}}, size=[{}]): the number of sizes provided ({}) must be greater or equal to the number of dimensions in the tensor ({nd})",
                self.dtype().legacy_type_name(), crate::types::join(self.shape()),
                sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "), sizes.len()
            )));
        }
        let lead = sizes.len() - nd;
        let mut target: Vec<usize> = Vec::with_capacity(sizes.len());
        for (i, &s) in sizes.iter().enumerate() {
            if i < lead {
                if s < 0 {
                    return Err(Error::invalid("expand", format!(
                        "The expanded size of the tensor ({s}) isn't allowed in a leading, non-existing dimension {i}"
                    )));
                }
                target.push(s as usize);
                continue;
            }
            let have = self.shape()[i - lead];
            let want = if s == -1 {
                have
            } else if s < 0 {
                return Err(Error::invalid(
                    "expand",
                    format!("invalid shape dimension {s}"),
                ));
            } else {
                s as usize
            };
            if have != want && have != 1 {
                return Err(Error::ExpandMismatch {
                    shape: self.shape().to_vec(),
                    target_shape: sizes.iter().map(|&s| s.max(0) as usize).collect(),
                    dim: i,
                    size: have,
                    target: want,
                });
            }
            target.push(want);
        }
        if crate::types::checked_numel(&target).is_none_or(|n| n > isize::MAX as usize) {
            return Err(Error::TooLarge { shape: target });
        }
        Ok(self.view_rec(self.layout().broadcast_to(&target), || GradFn::Expand))
    }

    /// `x.expand_as(other)`.
    pub fn expand_as(&self, other: &Tensor) -> Result<Tensor> {
        self.broadcast_to(other.shape())
    }

    /// `x.broadcast_to(shape)`.
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<Tensor> {
        let sizes: Vec<i64> = shape.iter().map(|&s| s as i64).collect();
        self.expand(&sizes)
    }

    /// `x.squeeze()` (every size-1 dim) or `x.squeeze(dims)`.
    pub fn squeeze(&self, dims: Option<&[i64]>) -> Result<Tensor> {
        let all = dims.is_none();
        let dims: Vec<usize> = match dims {
            None => (0..self.dim()).collect(),
            Some(ds) => ds
                .iter()
                .map(|&d| wrap_dim("squeeze", d, self.dim()))
                .collect::<Result<_>>()?,
        };
        let name = if all {
            "SqueezeBackward0"
        } else {
            "SqueezeBackward1"
        };
        Ok(self.view_rec(self.layout().squeeze(&dims), || GradFn::Squeeze { name }))
    }

    /// `x.unsqueeze(dim)`: a new size-1 dimension at `dim` (negative counts from the end).
    pub fn unsqueeze(&self, dim: i64) -> Result<Tensor> {
        let d = wrap_dim("unsqueeze", dim, self.dim() + 1)?;
        Ok(self.view_rec(self.layout().unsqueeze(d), || GradFn::Unsqueeze { dim: d }))
    }

    /// `x.narrow(dim, start, length)`.
    pub fn narrow(&self, dim: i64, start: i64, length: usize) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(Error::invalid(
                "narrow",
                "narrow() cannot be applied to a 0-dim tensor.",
            ));
        }
        let d = wrap_dim("narrow", dim, self.dim())?;
        let size = self.shape()[d] as i64;
        if start < -size || start > size {
            return Err(Error::invalid(
                "narrow",
                format!(
                    "start out of range (expected to be in range of [{}, {size}], but got {start})",
                    -size
                ),
            ));
        }
        let start = if start < 0 { start + size } else { start };
        if length as u128 + start as u128 > size as u128 {
            return Err(Error::invalid(
                "narrow",
                format!("start ({start}) + length ({length}) exceeds dimension size ({size})."),
            ));
        }
        Ok(
            self.view_rec(self.layout().slice(d, start as usize, length, 1), || {
                GradFn::Slice {
                    dim: d,
                    start: start as usize,
                    len: length,
                    step: 1,
                }
            }),
        )
    }

    /// `x.select(dim, index)`: drops `dim`, keeping the slice at `index`.
    pub fn select(&self, dim: i64, index: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(Error::invalid(
                "select",
                "select() cannot be applied to a 0-dim tensor.",
            ));
        }
        let d = wrap_dim("select", dim, self.dim())?;
        let size = self.shape()[d] as i64;
        if index < -size || index >= size {
            return Err(Error::IndexOutOfRange {
                op: "select",
                index,
                dim: d,
                shape: self.shape().to_vec(),
            });
        }
        let i = if index < 0 { index + size } else { index } as usize;
        Ok(
            self.view_rec(self.layout().select(d, i), || GradFn::Select {
                dim: d,
                index: i,
            }),
        )
    }

    /// `x[start:stop:step]` along `dim`, with Python's clamping of out-of-range bounds.
    pub fn slice(
        &self,
        dim: i64,
        start: Option<i64>,
        stop: Option<i64>,
        step: i64,
    ) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(Error::invalid(
                "slice",
                "slice() cannot be applied to a 0-dim tensor.",
            ));
        }
        if step <= 0 {
            return Err(Error::invalid("slice", "step must be greater than zero"));
        }
        let d = wrap_dim("slice", dim, self.dim())?;
        let size = self.shape()[d] as i64;
        let clamp = |v: i64| {
            if v < 0 {
                (v + size).max(0)
            } else {
                v.min(size)
            }
        };
        let s = clamp(start.unwrap_or(0));
        let e = clamp(stop.unwrap_or(size)).max(s);
        let len = if e > s { (e - s - 1) / step + 1 } else { 0 };
        Ok(self.view_rec(
            self.layout()
                .slice(d, s as usize, len as usize, step as usize),
            || GradFn::Slice {
                dim: d,
                start: s as usize,
                len: len as usize,
                step: step as usize,
            },
        ))
    }

    /// `x.split(split_size, dim)`: pieces of `split_size` (the last may be smaller).
    pub fn split(&self, split_size: usize, dim: i64) -> Result<Vec<Tensor>> {
        let d = wrap_dim("split", dim, self.dim())?;
        let size = self.shape()[d];
        if split_size == 0 && size > 0 {
            return Err(Error::invalid(
                "split",
                "split_size can only be 0 if dimension size is 0, but got dimension size of "
                    .to_string()
                    + &size.to_string(),
            ));
        }
        let n = if size == 0 {
            1
        } else {
            size.div_ceil(split_size)
        };
        let sizes: Vec<usize> = (0..n)
            .map(|i| split_size.min(size - i * split_size))
            .collect();
        self.split_rec(&sizes, d, "SplitBackward0")
    }

    /// Narrow pieces along `d`, recorded as one node with many outputs.
    fn split_rec(&self, sizes: &[usize], d: usize, name: &'static str) -> Result<Vec<Tensor>> {
        let mut start = 0;
        let pieces = graph::no_grad(|| {
            sizes
                .iter()
                .map(|&len| {
                    let piece = self.narrow(d as i64, start as i64, len);
                    start += len;
                    piece
                })
                .collect::<Result<Vec<_>>>()
        })?;
        self.record_pieces(&pieces, d, sizes.to_vec(), name, true);
        Ok(pieces)
    }

    fn record_pieces(
        &self,
        pieces: &[Tensor],
        d: usize,
        sizes: Vec<usize>,
        name: &'static str,
        keep_dim: bool,
    ) {
        let outs: Vec<&Tensor> = pieces.iter().collect();
        if outs.is_empty() {
            return;
        }
        graph::record(&outs, &[Some(self)], |_, _| GradFn::Split {
            name,
            dim: d,
            sizes,
            keep_dim,
        });
        for p in pieces {
            p.mark_view(self);
        }
    }

    /// `x.split([2, 3], dim)`: pieces of the given sizes, which must add up.
    pub fn split_with_sizes(&self, sizes: &[usize], dim: i64) -> Result<Vec<Tensor>> {
        let d = wrap_dim("split", dim, self.dim())?;
        let size = self.shape()[d];
        if sizes.iter().sum::<usize>() != size {
            return Err(Error::invalid("split_with_sizes", format!(
                "split_with_sizes expects split_sizes to sum exactly to {size} (input tensor's size at dimension {d}), but got split_sizes=[{}]",
                crate::types::join(sizes)
            )));
        }
        self.split_rec(sizes, d, "SplitWithSizesBackward0")
    }

    /// `x.chunk(chunks, dim)`: at most `chunks` pieces of `ceil(size / chunks)`.
    pub fn chunk(&self, chunks: usize, dim: i64) -> Result<Vec<Tensor>> {
        if chunks == 0 {
            return Err(Error::invalid(
                "chunk",
                "chunk expects `chunks` to be greater than 0, got: 0",
            ));
        }
        let d = wrap_dim("chunk", dim, self.dim())?;
        let size = self.shape()[d];
        self.split(size.div_ceil(chunks).max(1), d as i64)
    }

    /// `x.unbind(dim)`: every slice along `dim`.
    pub fn unbind(&self, dim: i64) -> Result<Vec<Tensor>> {
        let d = wrap_dim("unbind", dim, self.dim())?;
        let pieces = graph::no_grad(|| {
            (0..self.shape()[d])
                .map(|i| self.select(d as i64, i as i64))
                .collect::<Result<Vec<_>>>()
        })?;
        self.record_pieces(
            &pieces,
            d,
            vec![1; self.shape()[d]],
            "UnbindBackward0",
            false,
        );
        Ok(pieces)
    }

    /// `x.diagonal(offset, dim1, dim2)`: a view of the diagonal, as the last dimension.
    pub fn diagonal(&self, offset: i64, dim1: i64, dim2: i64) -> Result<Tensor> {
        let (a, b) = (
            wrap_dim("diagonal", dim1, self.dim())?,
            wrap_dim("diagonal", dim2, self.dim())?,
        );
        if a == b {
            return Err(Error::invalid(
                "diagonal",
                format!("diagonal dimensions cannot be identical {dim1}, {dim2}"),
            ));
        }
        // Offsets past either edge give an empty diagonal; clamping keeps the arithmetic
        // in range for any i64.
        let (s1, s2) = (self.shape()[a] as i64, self.shape()[b] as i64);
        let offset = offset.clamp(-s1, s2);
        Ok(
            self.view_rec(self.layout().diagonal(offset, a, b), || GradFn::Diagonal {
                offset,
                d1: a,
                d2: b,
            }),
        )
    }

    /// `x.contiguous()`: itself when already contiguous, else a row-major copy.
    pub fn contiguous(&self) -> Result<Tensor> {
        if self.is_contiguous() {
            return Ok(self.clone());
        }
        graph::op(
            &[Some(self)],
            || self.copy_contiguous(),
            |_, _| GradFn::Clone,
        )
    }

    /// Like `contiguous`, but the result also spans its whole storage from offset 0, as
    /// kernels that read a storage as one N×C×H×W block (im2col, pooling) need: a
    /// contiguous slice such as `x[:5]` or `x[1:]` of a bigger tensor is copied.
    pub(super) fn packed(&self) -> Result<Tensor> {
        if self.spans_storage() {
            return Ok(self.clone());
        }
        graph::op(
            &[Some(self)],
            || self.copy_contiguous(),
            |_, _| GradFn::Clone,
        )
    }

    pub(super) fn copy_contiguous(&self) -> Result<Tensor> {
        let storage = self.read().cast(self.layout(), self.dtype())?;
        Ok(Tensor::from_storage(storage, self.shape()))
    }

    /// `x.clone()`: a copy with its own storage. Dense layouts keep their strides (as in
    /// PyTorch, `x.t().clone()` is still transposed); others come back contiguous.
    pub fn clone_data(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.clone_data_raw(),
            |_, _| GradFn::Clone,
        )
    }

    fn clone_data_raw(&self) -> Result<Tensor> {
        let l = self.layout();
        if !l.is_contiguous() && l.is_dense() && !l.has_internal_overlap() && self.numel() > 0 {
            // Copy the dense block as it lies and keep the strides, rebased to offset 0.
            let n = self.numel();
            let block = Layout::contiguous(&[n]);
            let block = Layout::new(block.shape().into(), block.strides().into(), l.offset());
            let storage = self.read().cast(&block, self.dtype())?;
            let t = Tensor::from_storage(storage, &[n]);
            return Ok(t.with_layout(Layout::new(l.shape().into(), l.strides().into(), 0)));
        }
        self.copy_contiguous()
    }
}

#[cfg(test)]
mod tests {
    use super::infer_shape;

    #[test]
    fn infers_one_dimension() {
        assert_eq!(
            infer_shape("view", &[2, -1], 6).unwrap().as_slice(),
            &[2, 3]
        );
        assert!(infer_shape("view", &[-1, -1], 6).is_err());
        assert!(infer_shape("view", &[4, -1], 6).is_err());
        assert!(infer_shape("view", &[0, -1], 0).is_err());
    }
}
