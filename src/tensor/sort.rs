//! Ordering: sort, argsort, topk, kthvalue, median, unique, and the counting ops bincount
//! and histc. Sorting is one backend kernel (stable, NaN last); the rest build on it.

use super::index::Index;
use super::{wrap_dim, Tensor};
use crate::backend::PutOp;
use crate::types::{DType, Error, Result, Scalar};

impl Tensor {
    /// `x.sort(dim=-1, descending=False)`: values and int64 indices (always stable).
    fn sort_raw(&self, dim: i64, descending: bool) -> Result<(Tensor, Tensor)> {
        let nd = self.dim();
        let d = wrap_dim("sort", dim, nd)?;
        if nd == 0 {
            return Ok((
                self.clone_data()?,
                Tensor::scalar_as(Scalar::Int(0), DType::I64)?,
            ));
        }
        let mut idx = None;
        let vals = Tensor::along_last(self, d, |t, l| {
            let (v, i) = t.read().sort(l, descending)?;
            idx = Some(i);
            Ok(v)
        })?;
        let i = idx.ok_or_else(|| Error::invalid("sort", "no indices"))?;
        let mut order: Vec<usize> = (0..nd).filter(|&k| k != d).collect();
        order.push(d);
        let shape: Vec<usize> = order.iter().map(|&k| self.shape()[k]).collect();
        let it = Tensor::from_storage(i, &shape);
        let it = if d + 1 == nd {
            it
        } else {
            let mut back = vec![0i64; nd];
            for (k, &o) in order.iter().enumerate() {
                back[o] = k as i64;
            }
            it.permute(&back)?.contiguous()?
        };
        Ok((vals, it))
    }

    /// `x.argsort(dim=-1, descending=False)`.
    pub fn argsort(&self, dim: i64, descending: bool) -> Result<Tensor> {
        Ok(self.sort(dim, descending)?.1)
    }

    /// `x.topk(k, dim=-1, largest=True)`: the k largest (or smallest), in order.
    fn topk_raw(&self, k: usize, dim: i64, largest: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim("topk", dim, self.dim())?;
        let n = if self.dim() == 0 { 1 } else { self.shape()[d] };
        if k > n {
            return Err(Error::invalid("topk", "selected index k out of range"));
        }
        let (v, i) = self.sort(d as i64, largest)?;
        if self.dim() == 0 {
            return Ok((v, i));
        }
        Ok((
            v.narrow(d as i64, 0, k)?.contiguous()?,
            i.narrow(d as i64, 0, k)?.contiguous()?,
        ))
    }

    /// `x.kthvalue(k, dim=-1, keepdim=False)`: the k-th smallest (1-based).
    fn kthvalue_raw(&self, k: i64, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim("kthvalue", dim, self.dim())?;
        let n = if self.dim() == 0 { 1 } else { self.shape()[d] } as i64;
        if k < 1 || k > n {
            return Err(Error::invalid(
                "kthvalue",
                format!("kthvalue(): selected number k out of range for dimension {d}"),
            ));
        }
        self.select_sorted(d, k - 1, keepdim)
    }

    fn select_sorted(&self, d: usize, pos: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        if self.dim() == 0 {
            return self.sort(0, false);
        }
        let (v, i) = self.sort(d as i64, false)?;
        let (v, i) = (v.narrow(d as i64, pos, 1)?, i.narrow(d as i64, pos, 1)?);
        if keepdim {
            Ok((v.contiguous()?, i.contiguous()?))
        } else {
            Ok((
                v.squeeze(Some(&[d as i64]))?.contiguous()?,
                i.squeeze(Some(&[d as i64]))?.contiguous()?,
            ))
        }
    }

    /// `x.median()`: the lower median of all elements (NaN if any is NaN).
    fn median_all_raw(&self) -> Result<Tensor> {
        let flat = self.reshape(&[-1])?;
        let n = flat.numel();
        if n == 0 {
            return Tensor::scalar_as(Scalar::Float(f64::NAN), self.dtype());
        }
        let (v, _) = flat.sort(0, false)?;
        // NaN sorts last: if there is one, the last element is NaN and it is the median.
        let last = v.select(0, n as i64 - 1)?;
        if self.dtype().is_float() && last.isnan()?.item()?.is_nonzero() {
            return last.clone_data();
        }
        v.select(0, (n as i64 - 1) / 2)?.clone_data()
    }

    /// `x.median(dim, keepdim)`: values and indices of the lower median along `dim`.
    fn median_dim_raw(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim("median", dim, self.dim())?;
        let n = if self.dim() == 0 { 1 } else { self.shape()[d] } as i64;
        if n == 0 {
            return Err(Error::invalid(
                "median",
                format!("median(): Expected reduction dim {d} to have non-zero size."),
            ));
        }
        self.select_sorted(d, (n - 1) / 2, keepdim)
    }

    /// `torch.unique(x, sorted=True, return_inverse, return_counts)` over all elements:
    /// the sorted distinct values, each element's position among them, and the counts.
    pub fn unique(&self) -> Result<(Tensor, Tensor, Tensor)> {
        let flat = self.reshape(&[-1])?;
        let n = flat.numel();
        let (v, order) = flat.sort(0, false)?;
        if n == 0 {
            let e = Tensor::zeros(&[0], DType::I64)?;
            return Ok((
                v,
                e.reshape(&self.shape().iter().map(|&s| s as i64).collect::<Vec<_>>())?,
                Tensor::zeros(&[0], DType::I64)?,
            ));
        }
        // A run starts where a value differs from the one before it.
        let starts = Tensor::cat(
            &[
                Tensor::ones(&[1], DType::Bool)?,
                v.narrow(0, 1, n - 1)?.ne(&v.narrow(0, 0, n - 1)?)?,
            ],
            0,
        )?;
        let values = v.index(&[Index::Tensor(starts.clone())])?;
        let run = starts.cumsum(0, None)?.sub(1)?;
        let inverse = Tensor::zeros(&[n], DType::I64)?;
        inverse.scatter_(0, &order, (&run).into(), PutOp::Assign)?;
        let counts = Tensor::zeros(&[values.numel()], DType::I64)?;
        counts.scatter_(0, &run, Tensor::ones(&[n], DType::I64)?.into(), PutOp::Add)?;
        let shape: Vec<i64> = self.shape().iter().map(|&s| s as i64).collect();
        Ok((values, inverse.reshape(&shape)?, counts))
    }

    /// `torch.unique(x, dim=d)`: the distinct slices along `d`, in lexicographic order.
    pub fn unique_dim(&self, dim: i64) -> Result<(Tensor, Tensor, Tensor)> {
        let d = wrap_dim("unique", dim, self.dim())?;
        let n = self.shape().get(d).copied().unwrap_or(1);
        let rows = self
            .movedim_first(d)?
            .reshape(&[n as i64, -1])?
            .to_dtype(DType::F64)?
            .contiguous()?;
        let w = rows.numel().checked_div(n).unwrap_or(0);
        let data = rows.to_vec::<f64>()?;
        let row = |i: usize| &data[i * w..(i + 1) * w];
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            row(a)
                .partial_cmp(row(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut firsts: Vec<i64> = Vec::new();
        let mut inverse = vec![0i64; n];
        let mut counts: Vec<i64> = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            if k == 0 || row(i) != row(order[k - 1]) {
                firsts.push(i as i64);
                counts.push(0);
            }
            inverse[i] = firsts.len() as i64 - 1;
            if let Some(c) = counts.last_mut() {
                *c += 1;
            }
        }
        let m = firsts.len();
        let values = self.index_select(d as i64, &Tensor::from_slice(&firsts, &[m])?)?;
        Ok((
            values,
            Tensor::from_slice(&inverse, &[n])?,
            Tensor::from_slice(&counts, &[m])?,
        ))
    }

    fn movedim_first(&self, d: usize) -> Result<Tensor> {
        let mut order: Vec<i64> = vec![d as i64];
        order.extend((0..self.dim()).filter(|&k| k != d).map(|k| k as i64));
        self.permute(&order)
    }

    /// `torch.unique_consecutive(x)`: runs of equal neighbours (in flattened order) collapsed.
    pub fn unique_consecutive(&self) -> Result<(Tensor, Tensor, Tensor)> {
        let v = self.reshape(&[-1])?;
        let n = v.numel();
        if n == 0 {
            return Ok((
                v.clone_data()?,
                Tensor::zeros(self.shape(), DType::I64)?,
                Tensor::zeros(&[0], DType::I64)?,
            ));
        }
        let starts = Tensor::cat(
            &[
                Tensor::ones(&[1], DType::Bool)?,
                v.narrow(0, 1, n - 1)?.ne(&v.narrow(0, 0, n - 1)?)?,
            ],
            0,
        )?;
        let values = v.index(&[Index::Tensor(starts.clone())])?;
        let run = starts.cumsum(0, None)?.sub(1)?;
        let counts = Tensor::zeros(&[values.numel()], DType::I64)?;
        counts.scatter_(0, &run, Tensor::ones(&[n], DType::I64)?.into(), PutOp::Add)?;
        let shape: Vec<i64> = self.shape().iter().map(|&s| s as i64).collect();
        Ok((values, run.reshape(&shape)?, counts))
    }

    /// `torch.bincount(x, weights=None, minlength=0)` of a 1-D non-negative int tensor.
    pub fn bincount(&self, weights: Option<&Tensor>, minlength: usize) -> Result<Tensor> {
        if self.dim() != 1 || self.dtype().is_float() || self.dtype() == DType::Bool {
            return Err(Error::invalid(
                "bincount",
                "bincount only supports 1-d non-negative integral inputs.",
            ));
        }
        let (lo, hi) = if self.numel() == 0 {
            (0, -1)
        } else {
            (
                self.min_all()?.item()?.to_i64(),
                self.max_all()?.item()?.to_i64(),
            )
        };
        if lo < 0 {
            return Err(Error::invalid(
                "bincount",
                "bincount only supports 1-d non-negative integral inputs.",
            ));
        }
        let len = ((hi + 1) as usize).max(minlength);
        let (dtype, src) = match weights {
            Some(w) => {
                if w.shape() != self.shape() {
                    return Err(Error::invalid(
                        "bincount",
                        "weights should be 1-d and have the same length as input",
                    ));
                }
                let d = if w.dtype() == DType::F32 {
                    DType::F32
                } else {
                    DType::F64
                };
                (d, w.to_dtype(d)?)
            }
            None => (DType::I64, Tensor::ones(self.shape(), DType::I64)?),
        };
        let out = Tensor::zeros(&[len], dtype)?;
        out.scatter_(0, &self.to_dtype(DType::I64)?, (&src).into(), PutOp::Add)?;
        Ok(out)
    }

    /// `torch.histc(x, bins=100, min=0, max=0)`: equal-width bins over [min, max] (the data's
    /// range when both are 0); elements outside are ignored.
    pub fn histc(&self, bins: usize, min: f64, max: f64) -> Result<Tensor> {
        if !self.dtype().is_float() {
            return Err(Error::DTypeUnsupported {
                op: "histogram_cpu",
                dtype: self.dtype(),
            });
        }
        if bins == 0 {
            return Err(Error::invalid(
                "histc",
                "torch.histc(): bins must be > 0, but got 0 for dimension 0",
            ));
        }
        let (mut lo, mut hi) = (min, max);
        if lo == hi && self.numel() > 0 {
            lo = self.min_all()?.item()?.to_f64();
            hi = self.max_all()?.item()?.to_f64();
        }
        if lo == hi {
            lo -= 1.0;
            hi += 1.0;
        }
        if lo > hi {
            return Err(Error::invalid(
                "histc",
                "torch.histc(): max must be larger than min",
            ));
        }
        let x = self.reshape(&[-1])?.to_dtype(DType::F64)?;
        let inside = x.ge(lo)?.logical_and(&x.le(hi)?)?;
        let xs = x.index(&[Index::Tensor(inside)])?;
        let b = xs
            .sub(lo)?
            .mul(bins as f64 / (hi - lo))?
            .floor()?
            .to_dtype(DType::I64)?
            .clamp(None, Some((bins as i64 - 1).into()))?;
        let out = Tensor::zeros(&[bins], self.dtype())?;
        out.scatter_(
            0,
            &b,
            Tensor::ones(b.shape(), self.dtype())?.into(),
            PutOp::Add,
        )?;
        Ok(out)
    }
}

/// Sorting and selection as autograd records them: the values come from the input at the
/// indices returned.
impl Tensor {
    /// `x.sort(dim, descending)`: values and indices (stable).
    pub fn sort(&self, dim: i64, descending: bool) -> Result<(Tensor, Tensor)> {
        let vi = super::graph::no_grad(|| self.sort_raw(dim, descending))?;
        self.picked("SortBackward0", dim, true, vi)
    }

    /// `x.topk(k, dim, largest)`.
    pub fn topk(&self, k: usize, dim: i64, largest: bool) -> Result<(Tensor, Tensor)> {
        let vi = super::graph::no_grad(|| self.topk_raw(k, dim, largest))?;
        self.picked("TopkBackward0", dim, true, vi)
    }

    /// `x.kthvalue(k, dim, keepdim)`.
    pub fn kthvalue(&self, k: i64, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let vi = super::graph::no_grad(|| self.kthvalue_raw(k, dim, keepdim))?;
        self.picked("KthvalueBackward0", dim, keepdim, vi)
    }

    /// `x.median(dim, keepdim)`: the lower median and its index.
    pub fn median_dim(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let vi = super::graph::no_grad(|| self.median_dim_raw(dim, keepdim))?;
        self.picked("MedianBackward1", dim, keepdim, vi)
    }

    /// `x.median()`: the lower median of all elements.
    pub fn median_all(&self) -> Result<Tensor> {
        self.extreme_rec(super::graph::Extreme::Median, None, false, || {
            self.median_all_raw()
        })
    }
}
