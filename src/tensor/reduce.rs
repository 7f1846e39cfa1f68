//! Reductions over all dimensions or some (sum, mean, prod, max/min, arg-reductions, std/var,
//! norms, logsumexp, all/any), scans (cumsum, cumprod) and softmax. The backend reduces the
//! trailing dimensions of a layout, so each op permutes the reduced dimensions last.

use super::graph::{self, Extreme, GradFn};
use super::{wrap_dim, Tensor};
use crate::backend::{ReduceOp, ScanOp};
use crate::types::{DType, Error, Result, Scalar};

/// Which dimensions a reduction takes: `None` (or an empty list) means all of them.
pub type Dims<'a> = Option<&'a [i64]>;

/// A reduction's plan: the input's layout with reduced dims last, and the result's shapes.
struct Plan {
    permuted: crate::types::Layout,
    nred: usize,
    /// The result shape without the reduced dimensions.
    out: Vec<usize>,
    /// The result shape with `keepdim=True` (reduced dimensions as 1).
    kept: Vec<usize>,
    /// How many elements each result element reduces.
    count: usize,
}

impl Tensor {
    fn reduce_plan(&self, op: &'static str, dims: Dims<'_>) -> Result<Plan> {
        let nd = self.dim();
        let mut red = vec![false; nd];
        match dims {
            None | Some([]) => red.iter_mut().for_each(|r| *r = true),
            Some(ds) => {
                for &d in ds {
                    let w = wrap_dim(op, d, nd)?;
                    if nd == 0 {
                        continue;
                    }
                    if red[w] {
                        return Err(Error::invalid(
                            op,
                            format!("dim {w} appears multiple times in the list of dims"),
                        ));
                    }
                    red[w] = true;
                }
            }
        }
        let shape = self.shape();
        let order: Vec<usize> = (0..nd)
            .filter(|&d| !red[d])
            .chain((0..nd).filter(|&d| red[d]))
            .collect();
        let nred = red.iter().filter(|&&r| r).count();
        Ok(Plan {
            permuted: self.layout().permute(&order),
            nred,
            out: (0..nd).filter(|&d| !red[d]).map(|d| shape[d]).collect(),
            kept: (0..nd).map(|d| if red[d] { 1 } else { shape[d] }).collect(),
            count: (0..nd).filter(|&d| red[d]).map(|d| shape[d]).product(),
        })
    }

    /// A backend reduction in the input's dtype.
    fn reduce_raw(
        &self,
        op: ReduceOp,
        name: &'static str,
        dims: Dims<'_>,
        keepdim: bool,
    ) -> Result<Tensor> {
        let p = self.reduce_plan(name, dims)?;
        if p.count == 0 && !matches!(op, ReduceOp::Sum | ReduceOp::Prod) {
            let ctor = if dims.is_none() {
                Error::invalid
            } else {
                |op, m: String| Error::Index { op, message: m }
            };
            return Err(ctor(
                name,
                if dims.is_none() {
                    format!("{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
                } else {
                    format!(
                        "{name}(): Expected reduction dim {} to have non-zero size.",
                        dims.and_then(|d| d.first()).copied().unwrap_or(0)
                    )
                },
            ));
        }
        let st = self.read().reduce(op, &p.permuted, p.nred)?;
        Ok(Tensor::from_storage(
            st,
            if keepdim { &p.kept } else { &p.out },
        ))
    }

    /// The dtype an integer or bool reduction accumulates in (int64), or the float dtype.
    fn accumulate(&self, dtype: Option<DType>) -> Result<Tensor> {
        match dtype {
            Some(d) => self.to_dtype(d),
            None if !self.dtype().is_float() => self.to_dtype(DType::I64),
            None if self.dtype().is_half() => self.to_dtype(DType::F32),
            None => Ok(self.clone()),
        }
    }

    /// `x.sum(dim, keepdim, dtype)`: integer and bool sums are int64, as PyTorch's.
    fn sum_raw(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        let out = dtype.unwrap_or(if self.dtype().is_float() {
            self.dtype()
        } else {
            DType::I64
        });
        self.accumulate(dtype)?
            .reduce_raw(ReduceOp::Sum, "sum", dims, keepdim)?
            .to_dtype(out)
    }

    /// `x.sum()` of every element.
    pub fn sum_all(&self) -> Result<Tensor> {
        self.sum(None, false, None)
    }

    /// `x.prod(dim, keepdim, dtype)`.
    fn prod_raw(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        let out = dtype.unwrap_or(if self.dtype().is_float() {
            self.dtype()
        } else {
            DType::I64
        });
        self.accumulate(dtype)?
            .reduce_raw(ReduceOp::Prod, "prod", dims, keepdim)?
            .to_dtype(out)
    }

    /// `x.mean(dim, keepdim, dtype)`: float inputs only, as PyTorch.
    fn mean_raw(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        let d = dtype.unwrap_or(self.dtype());
        if !d.is_float() {
            return Err(Error::NotImplemented { op: "mean", message: format!(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {}",
                d.scalar_type_name()
            ) });
        }
        let count = self.reduce_plan("mean", dims)?.count;
        let s =
            self.to_dtype(d)?
                .accumulate(None)?
                .reduce_raw(ReduceOp::Sum, "mean", dims, keepdim)?;
        s.div(count as f64)?.to_dtype(d)
    }

    /// `x.amax(dim, keepdim)` (also `x.max()` without a dim): NaN propagates.
    fn amax_raw(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.extreme(ReduceOp::Max, "amax", dims, keepdim)
    }

    fn amin_raw(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.extreme(ReduceOp::Min, "amin", dims, keepdim)
    }

    fn extreme(
        &self,
        op: ReduceOp,
        name: &'static str,
        dims: Dims<'_>,
        keepdim: bool,
    ) -> Result<Tensor> {
        let d = self.dtype();
        if d.is_half() {
            return self
                .to_dtype(DType::F32)?
                .extreme(op, name, dims, keepdim)?
                .to_dtype(d);
        }
        self.reduce_raw(op, name, dims, keepdim)
    }

    /// `x.max()`: the largest element (a 0-d tensor).
    fn max_all_raw(&self) -> Result<Tensor> {
        self.extreme(ReduceOp::Max, "max", None, false)
    }

    fn min_all_raw(&self) -> Result<Tensor> {
        self.extreme(ReduceOp::Min, "min", None, false)
    }

    /// `x.max(dim, keepdim)`: the values and their positions along `dim`.
    fn max_dim_raw(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let v = self.extreme(ReduceOp::Max, "max", Some(&[dim]), keepdim)?;
        let i = self.reduce_raw(ReduceOp::ArgMax, "max", Some(&[dim]), keepdim)?;
        Ok((v, i))
    }

    fn min_dim_raw(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let v = self.extreme(ReduceOp::Min, "min", Some(&[dim]), keepdim)?;
        let i = self.reduce_raw(ReduceOp::ArgMin, "min", Some(&[dim]), keepdim)?;
        Ok((v, i))
    }

    /// `x.argmax(dim=None, keepdim)`: without a dim, the position in the flattened tensor.
    pub fn argmax(&self, dim: Option<i64>, keepdim: bool) -> Result<Tensor> {
        self.arg_extreme(ReduceOp::ArgMax, "argmax", dim, keepdim)
    }

    pub fn argmin(&self, dim: Option<i64>, keepdim: bool) -> Result<Tensor> {
        self.arg_extreme(ReduceOp::ArgMin, "argmin", dim, keepdim)
    }

    fn arg_extreme(
        &self,
        op: ReduceOp,
        name: &'static str,
        dim: Option<i64>,
        keepdim: bool,
    ) -> Result<Tensor> {
        match dim {
            Some(d) => self.reduce_raw(op, name, Some(&[d]), keepdim),
            None => {
                let r = self.reduce_raw(op, name, None, false)?;
                if keepdim {
                    r.reshape(&vec![1; self.dim()])
                } else {
                    Ok(r)
                }
            }
        }
    }

    /// `x.var(dim, correction=1, keepdim)`.
    fn var_raw(&self, dims: Dims<'_>, correction: f64, keepdim: bool) -> Result<Tensor> {
        if !self.dtype().is_float() {
            return Err(Error::NotImplemented {
                op: "var",
                message: "std and var only support floating point and complex dtypes".to_string(),
            });
        }
        let n = self.reduce_plan("var", dims)?.count as f64;
        let mean = self.mean(dims, true, None)?;
        let dev = self.sub(&mean)?;
        let ss = dev.mul(&dev)?.sum(dims, keepdim, None)?;
        ss.div((n - correction).max(0.0))
    }

    /// `x.std(dim, correction=1, keepdim)`.
    fn std_raw(&self, dims: Dims<'_>, correction: f64, keepdim: bool) -> Result<Tensor> {
        self.var(dims, correction, keepdim)?.sqrt()
    }

    /// `torch.norm(x, p, dim, keepdim)` for p = 1, 2, any positive p, ±inf, 0 ('fro' is 2).
    fn norm_raw(&self, p: f64, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        if !self.dtype().is_float() {
            return Err(Error::invalid(
                "norm",
                format!(
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got {}",
                self.dtype().scalar_type_name()
            ),
            ));
        }
        let a = self.abs()?;
        if p == f64::INFINITY {
            a.amax(dims, keepdim)
        } else if p == f64::NEG_INFINITY {
            a.amin(dims, keepdim)
        } else if p == 0.0 {
            a.ne(0)?.to_dtype(self.dtype())?.sum(dims, keepdim, None)
        } else if p == 1.0 {
            a.sum(dims, keepdim, None)
        } else if p == 2.0 {
            a.mul(&a)?.sum(dims, keepdim, None)?.sqrt()
        } else {
            a.pow(p)?.sum(dims, keepdim, None)?.pow(1.0 / p)
        }
    }

    /// `torch.logsumexp(x, dim, keepdim)`, stable: the maximum is taken out first.
    fn logsumexp_raw(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        let x = self.float_in()?;
        let m = x.amax(dims, true)?;
        let m = m.masked_fill(&m.isinf()?, 0.0)?;
        let s = x.sub(&m)?.exp()?.sum(dims, true, None)?.log()?.add(&m)?;
        if keepdim {
            Ok(s)
        } else {
            let p = self.reduce_plan("logsumexp", dims)?;
            s.reshape(&p.out.iter().map(|&d| d as i64).collect::<Vec<_>>())
        }
    }

    fn float_in(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            Ok(self.clone())
        } else {
            self.to_dtype(DType::F32)
        }
    }

    /// `x.all(dim, keepdim)`: a bool tensor.
    pub fn all(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.eq(0)?.sum(dims, keepdim, None)?.eq(0)
    }

    /// `x.any(dim, keepdim)`.
    pub fn any(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.ne(0)?.sum(dims, keepdim, None)?.gt(0)
    }

    /// `torch.count_nonzero(x, dim)`.
    pub fn count_nonzero(&self, dims: Dims<'_>) -> Result<Tensor> {
        self.ne(0)?.sum(dims, false, None)
    }

    /// `x.cumsum(dim, dtype)` (integers accumulate in int64).
    fn cumsum_raw(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        self.scan(ScanOp::Sum, dim, dtype)
    }

    /// `x.cumprod(dim, dtype)` (integers accumulate in int64).
    pub fn cumprod(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.scan(ScanOp::Prod, dim, dtype),
            |r, o| GradFn::Cumprod {
                x: r.save(self),
                out: r.save_out(o[0], 0),
                dim: wrap_dim("cumprod", dim, self.dim()).unwrap_or(0),
            },
        )
    }

    fn scan(&self, op: ScanOp, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        let out = dtype.unwrap_or(if self.dtype().is_float() {
            self.dtype()
        } else {
            DType::I64
        });
        let x = self.accumulate(dtype)?;
        let nd = x.dim();
        let d = wrap_dim(op.name(), dim, nd)?;
        if nd == 0 {
            return x.clone_data()?.to_dtype(out);
        }
        Tensor::along_last(&x, d, |t, l| t.read().scan(op, l))?.to_dtype(out)
    }

    /// `x.cummax(dim)` / `x.cummin(dim)`: running extremes and the index of each (a later
    /// equal value takes over, as PyTorch's does).
    fn cum_extreme_raw(&self, dim: i64, max: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim(if max { "cummax" } else { "cummin" }, dim, self.dim())?;
        if self.dim() == 0 {
            return Ok((
                self.clone_data()?,
                Tensor::scalar_as(Scalar::Int(0), DType::I64)?,
            ));
        }
        let n = self.shape()[d];
        let vals = self.clone_data()?;
        let idx = Tensor::zeros(self.shape(), DType::I64)?;
        for i in 1..n {
            let (prev_v, prev_i) = (
                vals.select(d as i64, i as i64 - 1)?,
                idx.select(d as i64, i as i64 - 1)?,
            );
            let cur = self.select(d as i64, i as i64)?;
            let take = if max {
                cur.ge(&prev_v)?
            } else {
                cur.le(&prev_v)?
            };
            let take = take.logical_or(&cur.isnan_any()?)?;
            vals.select(d as i64, i as i64)?
                .copy_(&Tensor::where_(&take, &cur, &prev_v)?)?;
            idx.select(d as i64, i as i64)?
                .copy_(&Tensor::where_(&take, i as i64, &prev_i)?)?;
        }
        Ok((vals, idx))
    }

    fn isnan_any(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            self.isnan()
        } else {
            self.ne(self)
        }
    }

    /// Runs a kernel that works along the last dimension on `x` with `dim` moved last, and
    /// moves it back, returning a contiguous result.
    pub(super) fn along_last(
        x: &Tensor,
        dim: usize,
        kernel: impl FnOnce(&Tensor, &crate::types::Layout) -> Result<crate::backend::Storage>,
    ) -> Result<Tensor> {
        let nd = x.dim();
        let mut order: Vec<usize> = (0..nd).filter(|&i| i != dim).collect();
        order.push(dim);
        let l = x.layout().permute(&order);
        let st = kernel(x, &l)?;
        let r = Tensor::from_storage(st, l.shape());
        if dim + 1 == nd {
            return Ok(r);
        }
        let mut back = vec![0i64; nd];
        for (i, &o) in order.iter().enumerate() {
            back[o] = i as i64;
        }
        r.permute(&back)?.contiguous()
    }

    /// `torch.softmax(x, dim, dtype)`: one fused pass per row, stable.
    fn softmax_raw(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        self.softmax_impl(dim, dtype, false)
    }

    fn log_softmax_raw(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        self.softmax_impl(dim, dtype, true)
    }

    fn softmax_impl(&self, dim: i64, dtype: Option<DType>, log: bool) -> Result<Tensor> {
        let name = if log { "log_softmax" } else { "softmax" };
        let x = match dtype {
            Some(d) => self.to_dtype(d)?,
            None => self.clone(),
        };
        let out = x.dtype();
        if !out.is_float() {
            return Err(Error::DTypeUnsupported {
                op: if log {
                    "log_softmax_lastdim_kernel_impl"
                } else {
                    "softmax_lastdim_kernel_impl"
                },
                dtype: out,
            });
        }
        let x = if out.is_half() {
            x.to_dtype(DType::F32)?
        } else {
            x
        };
        let nd = x.dim();
        let d = wrap_dim(name, dim, nd)?;
        if nd == 0 {
            let v = if log { 0.0 } else { 1.0 };
            return Tensor::scalar_as(Scalar::Float(v), out);
        }
        Tensor::along_last(&x, d, |t, l| t.read().softmax(l, log))?.to_dtype(out)
    }
}

/// The reduced dims as autograd keeps them: `None` for all.
fn dim_list(dims: Dims<'_>, ndim: usize) -> Option<Vec<usize>> {
    match dims {
        None | Some([]) => None,
        Some(ds) => Some(
            ds.iter()
                .filter_map(|&d| wrap_dim("reduce", d, ndim).ok())
                .collect(),
        ),
    }
}

/// Reductions, scans and softmax as autograd records them.
impl Tensor {
    /// `x.sum(dim, keepdim, dtype)`: integer and bool sums are int64, as PyTorch's.
    pub fn sum(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.sum_raw(dims, keepdim, dtype),
            |_, _| GradFn::Sum {
                dims: dim_list(dims, self.dim()),
                keepdim,
            },
        )
    }

    /// `x.prod(dim, keepdim, dtype)`.
    pub fn prod(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        let dim = match dim_list(dims, self.dim()) {
            None => None,
            Some(ds) if ds.len() == 1 => Some((ds[0], keepdim)),
            Some(ds) if graph::records(&[Some(self)]) => {
                // One recorded product per dimension (PyTorch's prod takes one dim).
                let mut r = self.clone();
                for &d in ds.iter().rev() {
                    r = r.prod(Some(&[d as i64]), true, dtype)?;
                }
                return if keepdim {
                    Ok(r)
                } else {
                    let all: Vec<i64> = ds.iter().map(|&d| d as i64).collect();
                    r.squeeze(Some(&all))
                };
            }
            Some(_) => None,
        };
        graph::op(
            &[Some(self)],
            || self.prod_raw(dims, keepdim, dtype),
            |r, o| GradFn::Prod {
                x: r.save(self),
                out: r.save_out(o[0], 0),
                dim,
            },
        )
    }

    /// `x.mean(dim, keepdim, dtype)`: float inputs only, as PyTorch.
    pub fn mean(&self, dims: Dims<'_>, keepdim: bool, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.mean_raw(dims, keepdim, dtype),
            |_, _| GradFn::Mean {
                dims: dim_list(dims, self.dim()),
                keepdim,
            },
        )
    }

    pub(super) fn extreme_rec(
        &self,
        kind: Extreme,
        dims: Dims<'_>,
        keepdim: bool,
        f: impl FnOnce() -> Result<Tensor>,
    ) -> Result<Tensor> {
        graph::op(&[Some(self)], f, |r, o| GradFn::Extreme {
            kind,
            x: r.save(self),
            out: r.save_out(o[0], 0),
            dims: dim_list(dims, self.dim()),
            keepdim,
        })
    }

    /// `x.amax(dim, keepdim)`.
    pub fn amax(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.extreme_rec(Extreme::Amax, dims, keepdim, || {
            self.amax_raw(dims, keepdim)
        })
    }

    /// `x.amin(dim, keepdim)`.
    pub fn amin(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        self.extreme_rec(Extreme::Amin, dims, keepdim, || {
            self.amin_raw(dims, keepdim)
        })
    }

    /// `x.max()`: the largest element (NaN if any is NaN).
    pub fn max_all(&self) -> Result<Tensor> {
        self.extreme_rec(Extreme::Max, None, false, || self.max_all_raw())
    }

    /// `x.min()`.
    pub fn min_all(&self) -> Result<Tensor> {
        self.extreme_rec(Extreme::Min, None, false, || self.min_all_raw())
    }

    pub(super) fn picked(
        &self,
        name: &'static str,
        dim: i64,
        keepdim: bool,
        vi: (Tensor, Tensor),
    ) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim(name, dim, self.dim())?;
        graph::record(&[&vi.0], &[Some(self)], |r, _| GradFn::Picked {
            name,
            dim: d,
            indices: r.save(&vi.1),
            keepdim,
        });
        Ok(vi)
    }

    /// `x.max(dim, keepdim)`: values and indices.
    pub fn max_dim(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let vi = graph::no_grad(|| self.max_dim_raw(dim, keepdim))?;
        self.picked("MaxBackward0", dim, keepdim, vi)
    }

    /// `x.min(dim, keepdim)`: values and indices.
    pub fn min_dim(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let vi = graph::no_grad(|| self.min_dim_raw(dim, keepdim))?;
        self.picked("MinBackward0", dim, keepdim, vi)
    }

    /// `x.cummax(dim)` / `x.cummin(dim)`: running extremes and where they were.
    pub fn cum_extreme(&self, dim: i64, max: bool) -> Result<(Tensor, Tensor)> {
        let vi = graph::no_grad(|| self.cum_extreme_raw(dim, max))?;
        let name = if max {
            "CummaxBackward0"
        } else {
            "CumminBackward0"
        };
        self.picked(name, dim, true, vi)
    }

    /// `x.var(dim, correction, keepdim)`.
    pub fn var(&self, dims: Dims<'_>, correction: f64, keepdim: bool) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.var_raw(dims, correction, keepdim),
            |r, _| GradFn::Var {
                x: r.save(self),
                dims: dim_list(dims, self.dim()),
                correction,
                keepdim,
            },
        )
    }

    /// `x.std(dim, correction, keepdim)`.
    pub fn std(&self, dims: Dims<'_>, correction: f64, keepdim: bool) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.std_raw(dims, correction, keepdim),
            |r, o| GradFn::Std {
                x: r.save(self),
                out: r.save_out(o[0], 0),
                dims: dim_list(dims, self.dim()),
                correction,
                keepdim,
            },
        )
    }

    /// `x.norm(p, dim, keepdim)`.
    pub fn norm(&self, p: f64, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.norm_raw(p, dims, keepdim),
            |r, o| GradFn::Norm {
                x: r.save(self),
                out: r.save_out(o[0], 0),
                p,
                dims: dim_list(dims, self.dim()),
                keepdim,
            },
        )
    }

    /// `x.logsumexp(dim, keepdim)`.
    pub fn logsumexp(&self, dims: Dims<'_>, keepdim: bool) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.logsumexp_raw(dims, keepdim),
            |r, o| GradFn::Logsumexp {
                x: r.save(self),
                out: r.save_out(o[0], 0),
                dims: dim_list(dims, self.dim()).unwrap_or_else(|| (0..self.dim()).collect()),
                keepdim,
            },
        )
    }

    /// `x.cumsum(dim)`.
    pub fn cumsum(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.cumsum_raw(dim, dtype),
            |_, _| GradFn::Cumsum {
                dim: wrap_dim("cumsum", dim, self.dim()).unwrap_or(0),
            },
        )
    }

    /// `x.softmax(dim)`.
    pub fn softmax(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.softmax_raw(dim, dtype),
            |r, o| GradFn::Softmax {
                out: r.save_out(o[0], 0),
                dim: wrap_dim("softmax", dim, self.dim()).unwrap_or(0),
            },
        )
    }

    /// `x.log_softmax(dim)`.
    pub fn log_softmax(&self, dim: i64, dtype: Option<DType>) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.log_softmax_raw(dim, dtype),
            |r, o| GradFn::LogSoftmax {
                out: r.save_out(o[0], 0),
                dim: wrap_dim("log_softmax", dim, self.dim()).unwrap_or(0),
            },
        )
    }
}
