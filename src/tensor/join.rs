//! Joining and rearranging: cat, stack, hstack, vstack, repeat, repeat_interleave, tile,
//! flip, roll, tril, triu, one_hot, pad. All are copies into views or index reads.

use super::graph::{self, GradFn};
use super::index::Index;
use super::{wrap_dim, Arg, Tensor};
use crate::types::{join, DType, Error, Result, Scalar};

fn arange(n: usize) -> Result<Tensor> {
    Tensor::arange(
        Scalar::Int(0),
        Scalar::Int(n as i64),
        Scalar::Int(1),
        Some(DType::I64),
    )
}

impl Tensor {
    /// `torch.cat(tensors, dim)`: dtypes promote; 1-D empty tensors are skipped, as PyTorch.
    pub fn cat(tensors: &[Tensor], dim: i64) -> Result<Tensor> {
        let ins: Vec<Option<&Tensor>> = tensors.iter().map(Some).collect();
        graph::op(
            &ins,
            || Tensor::cat_raw(tensors, dim),
            |_, o| GradFn::Cat {
                dim: wrap_dim("cat", dim, o[0].dim()).unwrap_or(0),
            },
        )
    }

    fn cat_raw(tensors: &[Tensor], dim: i64) -> Result<Tensor> {
        if tensors.is_empty() {
            return Err(Error::invalid(
                "cat",
                "torch.cat(): expected a non-empty list of Tensors",
            ));
        }
        let parts: Vec<&Tensor> = tensors
            .iter()
            .filter(|t| !(t.dim() == 1 && t.numel() == 0))
            .collect();
        let Some(first) = parts.first() else {
            return tensors[0].clone_data();
        };
        if first.dim() == 0 {
            return Err(Error::invalid(
                "cat",
                "zero-dimensional tensor (at position 0) cannot be concatenated",
            ));
        }
        let d = wrap_dim("cat", dim, first.dim())?;
        let mut dtype = first.dtype();
        let mut total = 0;
        for (i, t) in parts.iter().enumerate() {
            if t.dim() != first.dim() {
                return Err(Error::invalid(
                    "cat",
                    format!(
                        "Tensors must have same number of dimensions: got {} and {}",
                        first.dim(),
                        t.dim()
                    ),
                ));
            }
            for k in (0..t.dim()).filter(|&k| k != d) {
                if t.shape()[k] != first.shape()[k] {
                    return Err(Error::invalid("cat", format!(
                        "Sizes of tensors must match except in dimension {d}. Expected size {} but got size {} for tensor number {i} in the list.",
                        first.shape()[k], t.shape()[k]
                    )));
                }
            }
            if t.device() != first.device() {
                return Err(Error::DeviceMismatch {
                    op: "cat",
                    lhs: first.device(),
                    rhs: t.device(),
                });
            }
            dtype = dtype.promote(t.dtype());
            total += t.shape()[d];
        }
        let mut shape = first.shape().to_vec();
        shape[d] = total;
        let out = Tensor::zeros(&shape, dtype)?;
        let mut at = 0;
        for t in parts {
            let n = t.shape()[d];
            out.narrow(d as i64, at as i64, n)?.copy_(t)?;
            at += n;
        }
        Ok(out)
    }

    /// `torch.stack(tensors, dim)`: a new dimension.
    pub fn stack(tensors: &[Tensor], dim: i64) -> Result<Tensor> {
        let ins: Vec<Option<&Tensor>> = tensors.iter().map(Some).collect();
        graph::op(
            &ins,
            || Tensor::stack_raw(tensors, dim),
            |_, o| GradFn::Stack {
                dim: wrap_dim("stack", dim, o[0].dim()).unwrap_or(0),
            },
        )
    }

    /// `torch.meshgrid`: for 0-D or 1-D tensors of one dtype and device, each expanded over
    /// the grid of all their sizes (views, no copy). `xy` swaps the first two grid dims, as
    /// NumPy's (and `torch.meshgrid(indexing='xy')`); otherwise `ij` (matrix) indexing.
    pub fn meshgrid(tensors: &[Tensor], xy: bool) -> Result<Vec<Tensor>> {
        let Some(first) = tensors.first() else {
            return Err(Error::invalid(
                "meshgrid",
                "meshgrid expects a non-empty TensorList",
            ));
        };
        for t in tensors {
            if t.dtype() != first.dtype() {
                return Err(Error::invalid(
                    "meshgrid",
                    "meshgrid expects all tensors to have the same dtype",
                ));
            }
            if t.device() != first.device() {
                return Err(Error::invalid(
                    "meshgrid",
                    "meshgrid expects all tensors to have the same device",
                ));
            }
        }
        for t in tensors {
            if t.dim() > 1 {
                return Err(Error::invalid(
                    "meshgrid",
                    format!(
                        "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: {}D",
                        t.dim()
                    ),
                ));
            }
        }
        let mut sizes: Vec<i64> = tensors.iter().map(|t| t.numel() as i64).collect();
        let swap = xy && tensors.len() >= 2;
        if swap {
            sizes.swap(0, 1);
        }
        tensors
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let at = match i {
                    0 if swap => 1,
                    1 if swap => 0,
                    _ => i,
                };
                let mut view = vec![1i64; sizes.len()];
                view[at] = -1;
                t.reshape(&view)?.expand(&sizes)
            })
            .collect()
    }

    fn stack_raw(tensors: &[Tensor], dim: i64) -> Result<Tensor> {
        let Some(first) = tensors.first() else {
            return Err(Error::invalid(
                "stack",
                "stack expects a non-empty TensorList",
            ));
        };
        for (i, t) in tensors.iter().enumerate() {
            if t.shape() != first.shape() {
                return Err(Error::invalid("stack", format!(
                    "stack expects each tensor to be equal size, but got [{}] at entry 0 and [{}] at entry {i}",
                    join(first.shape()), join(t.shape())
                )));
            }
        }
        let d = wrap_dim("stack", dim, first.dim() + 1)?;
        let parts: Vec<Tensor> = tensors
            .iter()
            .map(|t| t.unsqueeze(d as i64))
            .collect::<Result<_>>()?;
        Tensor::cat(&parts, d as i64)
    }

    /// `torch.hstack`: along dim 1, or dim 0 for 1-D tensors.
    pub fn hstack(tensors: &[Tensor]) -> Result<Tensor> {
        let ts: Vec<Tensor> = tensors
            .iter()
            .map(|t| t.atleast_1d())
            .collect::<Result<_>>()?;
        let dim = if ts.first().is_some_and(|t| t.dim() == 1) {
            0
        } else {
            1
        };
        Tensor::cat(&ts, dim)
    }

    /// `torch.vstack`: 1-D tensors become rows.
    pub fn vstack(tensors: &[Tensor]) -> Result<Tensor> {
        let ts: Vec<Tensor> = tensors
            .iter()
            .map(|t| match t.dim() {
                0 => t.reshape(&[1, 1]),
                1 => t.unsqueeze(0),
                _ => Ok(t.clone()),
            })
            .collect::<Result<_>>()?;
        Tensor::cat(&ts, 0)
    }

    fn atleast_1d(&self) -> Result<Tensor> {
        if self.dim() == 0 {
            self.reshape(&[1])
        } else {
            Ok(self.clone())
        }
    }

    /// `x.repeat(*sizes)`: tiles the data (sizes may add leading dimensions).
    fn repeat_composed(&self, sizes: &[i64]) -> Result<Tensor> {
        if sizes.len() < self.dim() {
            return Err(Error::invalid("repeat", "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor"));
        }
        if let Some(&bad) = sizes.iter().find(|&&s| s < 0) {
            return Err(Error::invalid(
                "repeat",
                format!(
                    "Trying to create tensor with negative dimension {bad}: [{}]",
                    sizes
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let lead = sizes.len() - self.dim();
        let mut src: Vec<i64> = vec![1; lead];
        src.extend(self.shape().iter().map(|&s| s as i64));
        let x = self.reshape(&src)?;
        // [r0, s0, r1, s1, …]: expand each dim with its repeat count in front, then merge.
        let mut inter = Vec::new();
        let mut expanded = Vec::new();
        for (k, &s) in src.iter().enumerate() {
            inter.extend([1, s]);
            expanded.extend([sizes[k], s]);
        }
        let out: Vec<i64> = src.iter().zip(sizes).map(|(s, r)| s * r).collect();
        x.reshape(&inter)?
            .expand(&expanded)?
            .contiguous()?
            .reshape(&out)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn repeat(&self, sizes: &[i64]) -> Result<Tensor> {
        let out = self.repeat_composed(sizes)?;
        Ok(super::graph::rename(&out, &[self], "RepeatBackward0"))
    }

    /// `torch.tile(x, dims)`: `repeat` that pads `dims` with leading ones.
    pub fn tile(&self, dims: &[i64]) -> Result<Tensor> {
        let mut d = vec![1; self.dim().saturating_sub(dims.len())];
        d.extend_from_slice(dims);
        self.repeat(&d)
    }

    /// `x.repeat_interleave(repeats, dim)`: each element repeated; `repeats` an int or a 1-D
    /// tensor with one count per element. Without `dim` the input is flattened.
    fn repeat_interleave_composed(&self, repeats: &Tensor, dim: Option<i64>) -> Result<Tensor> {
        let (x, d) = match dim {
            Some(d) => (self.clone(), wrap_dim("repeat_interleave", d, self.dim())?),
            None => (self.reshape(&[-1])?, 0),
        };
        let n = x.shape().get(d).copied().unwrap_or(1);
        let counts = if repeats.numel() == 1 {
            repeats.reshape(&[1])?.expand(&[n as i64])?
        } else {
            repeats.clone()
        };
        if counts.dim() != 1 || counts.numel() != n {
            return Err(Error::invalid(
                "repeat_interleave",
                "repeats must have the same size as input along dim",
            ));
        }
        // Position i of the source repeated counts[i] times: sum the counts' run lengths.
        let c = counts.to_dtype(DType::I64)?.to_vec::<i64>()?;
        if c.iter().any(|&v| v < 0) {
            return Err(Error::invalid(
                "repeat_interleave",
                "repeats can not be negative",
            ));
        }
        let idx: Vec<i64> = c
            .iter()
            .enumerate()
            .flat_map(|(i, &k)| std::iter::repeat_n(i as i64, k as usize))
            .collect();
        let len = idx.len();
        x.index_select(d as i64, &Tensor::from_slice(&idx, &[len])?)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn repeat_interleave(&self, repeats: &Tensor, dim: Option<i64>) -> Result<Tensor> {
        let out = self.repeat_interleave_composed(repeats, dim)?;
        Ok(super::graph::rename(&out, &[self], "ViewBackward0"))
    }

    /// `torch.flip(x, dims)`: a copy with the order of `dims` reversed.
    fn flip_composed(&self, dims: &[i64]) -> Result<Tensor> {
        let mut items = vec![Index::Slice(None, None, 1); self.dim()];
        let mut seen = vec![false; self.dim()];
        let mut out = self.clone();
        for &d in dims {
            let w = wrap_dim("flip", d, self.dim())?;
            if std::mem::replace(&mut seen[w], true) {
                return Err(Error::invalid(
                    "flip",
                    format!("dim {w} appears multiple times in the list of dims"),
                ));
            }
            let n = self.shape()[w] as i64;
            let rev = Tensor::arange(
                Scalar::Int(n - 1),
                Scalar::Int(-1),
                Scalar::Int(-1),
                Some(DType::I64),
            )?;
            items[w] = Index::Tensor(rev);
            // One advanced index at a time keeps each result dimension in place.
            out = out.index(&items)?;
            items[w] = Index::Slice(None, None, 1);
        }
        if dims.is_empty() {
            self.clone_data()
        } else {
            Ok(out)
        }
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn flip(&self, dims: &[i64]) -> Result<Tensor> {
        let out = self.flip_composed(dims)?;
        Ok(super::graph::rename(&out, &[self], "FlipBackward0"))
    }

    /// `torch.roll(x, shifts, dims)`: without dims the flattened tensor rolls.
    fn roll_composed(&self, shifts: &[i64], dims: &[i64]) -> Result<Tensor> {
        if dims.is_empty() {
            if shifts.len() != 1 {
                return Err(Error::invalid("roll", "`shifts` required"));
            }
            return self
                .reshape(&[-1])?
                .roll(shifts, &[0])?
                .reshape(&self.shape().iter().map(|&s| s as i64).collect::<Vec<_>>());
        }
        if shifts.len() != dims.len() {
            return Err(Error::invalid(
                "roll",
                format!(
                    "shifts and dimensions must align. shifts: {}, dims:{}",
                    shifts.len(),
                    dims.len()
                ),
            ));
        }
        let mut out = self.clone();
        for (&s, &d) in shifts.iter().zip(dims) {
            let w = wrap_dim("roll", d, self.dim())?;
            let n = self.shape()[w] as i64;
            if n == 0 {
                continue;
            }
            let s = s.rem_euclid(n);
            let idx = arange(n as usize)?.sub(s)?.remainder(n)?;
            out = out.index_select(w as i64, &idx)?;
        }
        Ok(out)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn roll(&self, shifts: &[i64], dims: &[i64]) -> Result<Tensor> {
        let out = self.roll_composed(shifts, dims)?;
        Ok(super::graph::rename(&out, &[self], "RollBackward0"))
    }

    fn tri(&self, diagonal: i64, lower: bool) -> Result<Tensor> {
        let nd = self.dim();
        if nd < 2 {
            return Err(Error::invalid(
                if lower { "tril" } else { "triu" },
                format!(
                    "{}: input tensor must have at least 2 dimensions",
                    if lower { "tril" } else { "triu" }
                ),
            ));
        }
        let (r, c) = (self.shape()[nd - 2], self.shape()[nd - 1]);
        let rows = arange(r)?.unsqueeze(1)?;
        let cols = arange(c)?.unsqueeze(0)?;
        let diff = cols.sub(&rows)?;
        let keep = if lower {
            diff.le(diagonal)?
        } else {
            diff.ge(diagonal)?
        };
        self.masked_fill(&keep.logical_not()?, 0)
    }

    /// `torch.tril(x, diagonal)`: zeros above the diagonal.
    fn tril_composed(&self, diagonal: i64) -> Result<Tensor> {
        self.tri(diagonal, true)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn tril(&self, diagonal: i64) -> Result<Tensor> {
        let out = self.tril_composed(diagonal)?;
        Ok(super::graph::rename(&out, &[self], "TrilBackward0"))
    }

    /// `torch.triu(x, diagonal)`: zeros below the diagonal.
    fn triu_composed(&self, diagonal: i64) -> Result<Tensor> {
        self.tri(diagonal, false)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn triu(&self, diagonal: i64) -> Result<Tensor> {
        let out = self.triu_composed(diagonal)?;
        Ok(super::graph::rename(&out, &[self], "TriuBackward0"))
    }

    /// `F.one_hot(x, num_classes=-1)`: int64, one more dimension.
    pub fn one_hot(&self, num_classes: i64) -> Result<Tensor> {
        if self.dtype() != DType::I64 {
            return Err(Error::invalid(
                "one_hot",
                "one_hot is only applicable to index tensor of type LongTensor.",
            ));
        }
        let n = if num_classes < 0 {
            if self.numel() == 0 {
                return Err(Error::invalid(
                    "one_hot",
                    "Can not infer total number of classes from empty tensor.",
                ));
            }
            let top = self.max_all()?.item()?.to_i64();
            top.checked_add(1).ok_or_else(|| {
                Error::invalid(
                    "one_hot",
                    format!("Class values must be smaller than num_classes, got {top}"),
                )
            })?
        } else {
            num_classes
        };
        if self.numel() > 0 {
            if self.min_all()?.item()?.to_i64() < 0 {
                return Err(Error::invalid(
                    "one_hot",
                    "Class values must be non-negative.",
                ));
            }
            if self.max_all()?.item()?.to_i64() >= n {
                return Err(Error::invalid(
                    "one_hot",
                    "Class values must be smaller than num_classes.",
                ));
            }
        }
        self.unsqueeze(-1)?
            .eq(&arange(n as usize)?)?
            .to_dtype(DType::I64)
    }

    /// `F.pad(x, pad, mode, value)`: `pad` lists (left, right) pairs from the last dimension
    /// backwards; modes 'constant' (negative pads crop), 'reflect', 'replicate', 'circular'.
    pub fn pad(&self, pad: &[i64], mode: &str, value: f64) -> Result<Tensor> {
        if !pad.len().is_multiple_of(2) || pad.len() / 2 > self.dim() {
            return Err(Error::invalid("pad", "Padding length must be divisible by 2 and at most twice the number of dimensions of the input"));
        }
        let nd = self.dim();
        let mut out = self.clone();
        for (k, pair) in pad.chunks(2).enumerate() {
            let d = nd - 1 - k;
            let (l, r) = (pair[0], pair[1]);
            let n = out.shape()[d] as i64;
            if mode == "constant" {
                let size = n + l + r;
                if size < 0 {
                    return Err(Error::invalid(
                        "pad",
                        "resulting padded dimension is negative",
                    ));
                }
                let mut shape = out.shape().to_vec();
                shape[d] = size as usize;
                let dest = Tensor::full(&shape, Scalar::Float(value), Some(out.dtype()))?;
                // The overlap of source [0, n) placed at l with destination [0, size).
                let (s0, d0) = ((-l).max(0), l.max(0));
                let len = (n - s0).min(size - d0).max(0) as usize;
                let src = out.narrow(d as i64, s0, len)?;
                dest.assign_view(dest.narrow(d as i64, d0, len)?, Arg::from(src))?;
                out = dest;
                continue;
            }
            if l < 0 || r < 0 {
                return Err(Error::invalid(
                    "pad",
                    format!("negative padding is only supported in 'constant' mode, got {mode}"),
                ));
            }
            let idx: Vec<i64> = (-l..n + r)
                .map(|i| match mode {
                    "reflect" => {
                        let p = 2 * (n - 1).max(1);
                        let m = i.rem_euclid(p);
                        if m < n {
                            m
                        } else {
                            p - m
                        }
                    }
                    "replicate" => i.clamp(0, n - 1),
                    _ => i.rem_euclid(n.max(1)),
                })
                .collect();
            if mode == "reflect" && (l >= n || r >= n) {
                return Err(Error::invalid("pad", format!(
                    "Argument #4: Padding size should be less than the corresponding input dimension, but got: padding ({l}, {r}) at dimension {d} of input [{}]",
                    join(self.shape())
                )));
            }
            if !matches!(mode, "reflect" | "replicate" | "circular") {
                return Err(Error::invalid(
                    "pad",
                    format!("Unrecognised padding mode {mode}"),
                ));
            }
            let len = idx.len();
            out = out.index_select(d as i64, &Tensor::from_slice(&idx, &[len])?)?;
        }
        let dims = pad.len() / 2;
        let name = match (mode, dims) {
            ("constant", _) => "ConstantPadNdBackward0",
            ("reflect", 1) => "ReflectionPad1DBackward0",
            ("reflect", 2) => "ReflectionPad2DBackward0",
            ("reflect", _) => "ReflectionPad3DBackward0",
            ("replicate", 1) => "ReplicationPad1DBackward0",
            ("replicate", 2) => "ReplicationPad2DBackward0",
            ("replicate", _) => "ReplicationPad3DBackward0",
            _ => "torch::autograd::CopySlices",
        };
        Ok(graph::rename(&out, &[self], name))
    }
}
