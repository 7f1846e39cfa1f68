//! Engine II under PyTorch's names: reductions, sorting, linear algebra, indexing ops and
//! joins, as torch functions and tensor methods (`ENGINE`), torch-only functions that take
//! lists of tensors (`JOINS`), and `torch.linalg` (`LINALG`).

use super::return_types::return_type;
use super::*;
use crate::backend::PutOp;
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::tensor::Index;
use crate::{Arg, DType, Scalar, Tensor};

/// `dim`: None, an int, or a tuple/list of ints.
pub(crate) fn dims_arg(a: &mut Args, i: usize, name: &str) -> R<Option<Vec<i64>>> {
    let v = a.opt(i, name);
    dims_of(v, a.fname, name)
}

fn dims_of(v: Option<Value>, fname: &str, name: &str) -> R<Option<Vec<i64>>> {
    match v {
        None => Ok(None),
        Some(Value::Int(d)) => Ok(Some(vec![d])),
        Some(v @ (Value::Tuple(_) | Value::List(_) | Value::Size(_))) => Ok(Some(ints(&v, name)?)),
        Some(v) => Err(type_err(format!(
            "{fname}(): argument '{name}' must be tuple of ints, not {}",
            v.type_name()
        ))),
    }
}

pub(crate) fn flag(it: &mut Interp, a: &mut Args, i: usize, name: &str, default: bool) -> R<bool> {
    match a.opt(i, name) {
        Some(v) => it.truthy(&v),
        None => Ok(default),
    }
}

fn keepdim(it: &mut Interp, a: &mut Args, i: usize) -> R<bool> {
    flag(it, a, i, "keepdim", false)
}

fn kw_dtype(a: &mut Args) -> R<Option<DType>> {
    a.kw("dtype")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| dtype_of(&v))
        .transpose()
}

pub(crate) fn tensor_list(v: &Value, what: &str) -> R<Vec<Tensor>> {
    match v {
        Value::List(l) => l.borrow().iter().map(|x| tensor(x, what)).collect(),
        Value::Tuple(t) => t.iter().map(|x| tensor(x, what)).collect(),
        other => Err(type_err(format!(
            "{what} must be tuple of Tensors, not {}",
            other.type_name()
        ))),
    }
}

fn t(v: Tensor) -> R<Value> {
    Ok(Value::Tensor(v))
}

fn pair_value(name: &'static str, v: Tensor, i: Tensor) -> R<Value> {
    Ok(return_type(
        name,
        &["values", "indices"],
        vec![Value::Tensor(v), Value::Tensor(i)],
    ))
}

fn scalar_arg(v: &Value, what: &str) -> R<Scalar> {
    match v {
        Value::Int(i) => Ok(Scalar::Int(*i)),
        Value::Float(f) => Ok(Scalar::Float(*f)),
        Value::Bool(b) => Ok(Scalar::Bool(*b)),
        Value::Tensor(x) => Ok(x.item()?),
        _ => Err(type_err(format!(
            "{what} must be a number, not {}",
            v.type_name()
        ))),
    }
}

/// `ord`/`p` of a norm: a number, inf, or 'fro'.
fn norm_p(v: Option<Value>) -> R<f64> {
    match v {
        None => Ok(2.0),
        Some(Value::Str(s)) if &*s == "fro" => Ok(2.0),
        Some(Value::Str(s)) => Err(err(
            "RuntimeError",
            format!("nabla supports norms p = a number, inf or 'fro', not '{s}'"),
        )),
        Some(v) => to_float(&v, "p"),
    }
}

/// max/min in their three forms: all elements, along a dim (values and indices), or
/// elementwise against another tensor.
fn extreme(it: &mut Interp, a: &mut Args, max: bool) -> R<Value> {
    let x = input(a)?;
    match a.opt(1, "dim") {
        None => t(if max { x.max_all()? } else { x.min_all()? }),
        Some(Value::Tensor(o)) => t(if max { x.maximum(&o)? } else { x.minimum(&o)? }),
        Some(d) => {
            let d = to_int(&d, "dim")?;
            let k = keepdim(it, a, 2)?;
            let (v, i) = if max {
                x.max_dim(d, k)?
            } else {
                x.min_dim(d, k)?
            };
            pair_value(if max { "max" } else { "min" }, v, i)
        }
    }
}

fn index_items(v: &Value) -> R<Vec<Index>> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        other => vec![other.clone()],
    };
    items
        .iter()
        .map(|x| match x {
            Value::Tensor(t) => Ok(Index::Tensor(t.clone())),
            Value::None => Ok(Index::Slice(None, None, 1)),
            other => Err(type_err(format!(
                "indices must be a tuple of tensors, not {}",
                other.type_name()
            ))),
        })
        .collect()
}

fn std_var(it: &mut Interp, a: &mut Args, std: bool) -> R<(Tensor, Tensor)> {
    let x = input(a)?;
    // var(x, unbiased) as a second positional bool, or var(x, dim, unbiased, keepdim).
    let (dims, mut corr) = match a.opt(1, "dim") {
        Some(Value::Bool(b)) => (None, if b { 1.0 } else { 0.0 }),
        v => (dims_of(v, a.fname, "dim")?, 1.0),
    };
    if let Some(u) = a.opt(2, "unbiased") {
        corr = if it.truthy(&u)? { 1.0 } else { 0.0 };
    }
    if let Some(c) = a.kw("correction").filter(|v| !matches!(v, Value::None)) {
        corr = to_float(&c, "correction")?;
    }
    let k = keepdim(it, a, 3)?;
    let spread = if std {
        x.std(dims.as_deref(), corr, k)?
    } else {
        x.var(dims.as_deref(), corr, k)?
    };
    Ok((spread, x.mean(dims.as_deref(), k, None)?))
}

table! { ENGINE:
    // ---- reductions
    "sum", "sum(input, dim=None, keepdim=False, *, dtype=None)", "The sum of all elements, or along dim (int and bool sums are int64)." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        let k = keepdim(it, a, 2)?;
        t(x.sum(d.as_deref(), k, kw_dtype(a)?)?)
    };
    "nansum", "nansum(input, dim=None, keepdim=False)", "The sum, treating NaN as zero." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        let k = keepdim(it, a, 2)?;
        let x0 = x.clone();
        let x = if x.dtype().is_float() { x.masked_fill(&x.isnan()?, 0.0)? } else { x };
        t(crate::autograd::rename(&x.sum(d.as_deref(), k, kw_dtype(a)?)?, &[&x0], "NansumBackward0"))
    };
    "mean", "mean(input, dim=None, keepdim=False, *, dtype=None)", "The mean of all elements, or along dim (float inputs)." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        let k = keepdim(it, a, 2)?;
        t(x.mean(d.as_deref(), k, kw_dtype(a)?)?)
    };
    "nanmean", "nanmean(input, dim=None, keepdim=False)", "The mean of the elements that are not NaN." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        let k = keepdim(it, a, 2)?;
        let nan = x.isnan()?;
        let s = x.masked_fill(&nan, 0.0)?.sum(d.as_deref(), k, None)?;
        t(s.div(&nan.logical_not()?.sum(d.as_deref(), k, None)?)?)
    };
    "prod", "prod(input, dim=None, keepdim=False, *, dtype=None)", "The product of all elements, or along dim." => |it, a| {
        let x = input(a)?;
        let d = opt_int(a, 1, "dim")?;
        let k = keepdim(it, a, 2)?;
        t(x.prod(d.as_ref().map(std::slice::from_ref), k, kw_dtype(a)?)?)
    };
    "max", "max(input, dim=None, keepdim=False) or max(input, other)", "The largest element; along dim, the values and their indices." => |it, a| extreme(it, a, true);
    "min", "min(input, dim=None, keepdim=False) or min(input, other)", "The smallest element; along dim, the values and their indices." => |it, a| extreme(it, a, false);
    "amax", "amax(input, dim=(), keepdim=False)", "The largest values along dims (all dims by default)." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.amax(d.as_deref(), keepdim(it, a, 2)?)?)
    };
    "amin", "amin(input, dim=(), keepdim=False)", "The smallest values along dims (all dims by default)." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.amin(d.as_deref(), keepdim(it, a, 2)?)?)
    };
    "argmax", "argmax(input, dim=None, keepdim=False)", "The index of the largest element (of the flattened tensor without dim)." => |it, a| {
        let x = input(a)?;
        let d = opt_int(a, 1, "dim")?;
        t(x.argmax(d, keepdim(it, a, 2)?)?)
    };
    "argmin", "argmin(input, dim=None, keepdim=False)", "The index of the smallest element." => |it, a| {
        let x = input(a)?;
        let d = opt_int(a, 1, "dim")?;
        t(x.argmin(d, keepdim(it, a, 2)?)?)
    };
    "std", "std(input, dim=None, *, correction=1, keepdim=False)", "The standard deviation (Bessel-corrected by default)." => |it, a| t(std_var(it, a, true)?.0);
    "var", "var(input, dim=None, *, correction=1, keepdim=False)", "The variance (Bessel-corrected by default)." => |it, a| t(std_var(it, a, false)?.0);
    "std_mean", "std_mean(input, dim=None, *, correction=1, keepdim=False)", "The standard deviation and the mean." => |it, a| {
        let (s, m) = std_var(it, a, true)?;
        Ok(Value::tuple(vec![Value::Tensor(s), Value::Tensor(m)]))
    };
    "var_mean", "var_mean(input, dim=None, *, correction=1, keepdim=False)", "The variance and the mean." => |it, a| {
        let (s, m) = std_var(it, a, false)?;
        Ok(Value::tuple(vec![Value::Tensor(s), Value::Tensor(m)]))
    };
    "norm", "norm(input, p='fro', dim=None, keepdim=False)", "The p-norm of all elements or along dim (p = 1, 2, inf, -inf, 'fro', ...)." => |it, a| {
        let x = input(a)?;
        let p = norm_p(a.opt(1, "p"))?;
        let d = dims_arg(a, 2, "dim")?;
        t(x.norm(p, d.as_deref(), keepdim(it, a, 3)?)?)
    };
    "logsumexp", "logsumexp(input, dim, keepdim=False)", "log(sum(exp(x))) along dim, computed stably." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.logsumexp(d.as_deref(), keepdim(it, a, 2)?)?)
    };
    "all", "all(input, dim=None, keepdim=False)", "True where every element (along dim) is nonzero." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.all(d.as_deref(), keepdim(it, a, 2)?)?)
    };
    "any", "any(input, dim=None, keepdim=False)", "True where some element (along dim) is nonzero." => |it, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.any(d.as_deref(), keepdim(it, a, 2)?)?)
    };
    "count_nonzero", "count_nonzero(input, dim=None)", "How many elements (along dim) are nonzero." => |_, a| {
        let x = input(a)?;
        let d = dims_arg(a, 1, "dim")?;
        t(x.count_nonzero(d.as_deref())?)
    };
    "cumsum", "cumsum(input, dim, *, dtype=None)", "Running sums along dim." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        t(x.cumsum(d, kw_dtype(a)?)?)
    };
    "cumprod", "cumprod(input, dim, *, dtype=None)", "Running products along dim." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        t(x.cumprod(d, kw_dtype(a)?)?)
    };
    "cummax", "cummax(input, dim)", "Running maxima along dim, and where each was found." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let (v, i) = x.cum_extreme(d, true)?;
        pair_value("cummax", v, i)
    };
    "cummin", "cummin(input, dim)", "Running minima along dim, and where each was found." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let (v, i) = x.cum_extreme(d, false)?;
        pair_value("cummin", v, i)
    };
    "softmax", "softmax(input, dim, dtype=None)", "exp(x) / sum(exp(x)) along dim, computed stably." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let dt = a.opt(2, "dtype").map(|v| dtype_of(&v)).transpose()?;
        t(x.softmax(d, dt)?)
    };
    "log_softmax", "log_softmax(input, dim, dtype=None)", "log(softmax(x)) along dim, computed stably." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let dt = a.opt(2, "dtype").map(|v| dtype_of(&v)).transpose()?;
        t(x.log_softmax(d, dt)?)
    };
    // ---- ordering
    "sort", "sort(input, dim=-1, descending=False, stable=False)", "Sorted values and their original indices (a stable sort)." => |it, a| {
        let x = input(a)?;
        let d = opt_int(a, 1, "dim")?.unwrap_or(-1);
        let desc = flag(it, a, 2, "descending", false)?;
        a.kw("stable");
        let (v, i) = x.sort(d, desc)?;
        pair_value("sort", v, i)
    };
    "argsort", "argsort(input, dim=-1, descending=False, stable=False)", "The indices that sort the tensor along dim." => |it, a| {
        let x = input(a)?;
        let d = opt_int(a, 1, "dim")?.unwrap_or(-1);
        let desc = flag(it, a, 2, "descending", false)?;
        a.kw("stable");
        t(x.argsort(d, desc)?)
    };
    "msort", "msort(input)", "Sorted along the first dimension." => |_, a| t(input(a)?.sort(0, false)?.0);
    "topk", "topk(input, k, dim=-1, largest=True, sorted=True)", "The k largest (or smallest) values and their indices." => |it, a| {
        let x = input(a)?;
        let k = to_int(&a.req(1, "k")?, "k")?;
        let d = opt_int(a, 2, "dim")?.unwrap_or(-1);
        let largest = flag(it, a, 3, "largest", true)?;
        a.opt(4, "sorted");
        if k < 0 {
            return Err(err("RuntimeError", "selected index k out of range"));
        }
        let (v, i) = x.topk(k as usize, d, largest)?;
        pair_value("topk", v, i)
    };
    "kthvalue", "kthvalue(input, k, dim=-1, keepdim=False)", "The k-th smallest value along dim and its index." => |it, a| {
        let x = input(a)?;
        let k = to_int(&a.req(1, "k")?, "k")?;
        let d = opt_int(a, 2, "dim")?.unwrap_or(-1);
        let (v, i) = x.kthvalue(k, d, keepdim(it, a, 3)?)?;
        pair_value("kthvalue", v, i)
    };
    "median", "median(input, dim=None, keepdim=False)", "The lower median; along dim, values and indices." => |it, a| {
        let x = input(a)?;
        match opt_int(a, 1, "dim")? {
            None => t(x.median_all()?),
            Some(d) => {
                let (v, i) = x.median_dim(d, keepdim(it, a, 2)?)?;
                pair_value("median", v, i)
            }
        }
    };
    "unique", "unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)", "The distinct elements, sorted; optionally each element's position among them and the counts." => |it, a| {
        let x = input(a)?;
        a.opt(1, "sorted");
        let inv = flag(it, a, 2, "return_inverse", false)?;
        let cnt = flag(it, a, 3, "return_counts", false)?;
        let (v, i, c) = match opt_int(a, 4, "dim")? {
            None => x.unique()?,
            Some(d) => x.unique_dim(d)?,
        };
        unique_result(v, i, c, inv, cnt)
    };
    "unique_consecutive", "unique_consecutive(input, return_inverse=False, return_counts=False)", "Runs of equal consecutive elements collapsed to one." => |it, a| {
        let x = input(a)?;
        let inv = flag(it, a, 1, "return_inverse", false)?;
        let cnt = flag(it, a, 2, "return_counts", false)?;
        let (v, i, c) = x.unique_consecutive()?;
        unique_result(v, i, c, inv, cnt)
    };
    "bincount", "bincount(input, weights=None, minlength=0)", "How often each non-negative int occurs (or the sum of its weights)." => |_, a| {
        let x = input(a)?;
        let w = a.opt(1, "weights").map(|v| tensor(&v, "weights")).transpose()?;
        let m = opt_int(a, 2, "minlength")?.unwrap_or(0).max(0) as usize;
        t(x.bincount(w.as_ref(), m)?)
    };
    "histc", "histc(input, bins=100, min=0, max=0)", "A histogram with equal-width bins (over the data's range when min == max)." => |_, a| {
        let x = input(a)?;
        let b = opt_int(a, 1, "bins")?.unwrap_or(100).max(0) as usize;
        let lo = opt_float(a, 2, "min")?.unwrap_or(0.0);
        let hi = opt_float(a, 3, "max")?.unwrap_or(0.0);
        t(x.histc(b, lo, hi)?)
    };
    // ---- linear algebra
    "matmul", "matmul(input, other)", "Matrix product with broadcasting (the @ operator)." => |_, a| {
        let x = input(a)?;
        t(x.matmul(&tensor(&a.req(1, "other")?, "matmul(): argument 'other'")?)?)
    };
    "mm", "mm(input, mat2)", "The product of two matrices." => |_, a| {
        let x = input(a)?;
        t(x.mm(&tensor(&a.req(1, "mat2")?, "mm(): argument 'mat2'")?)?)
    };
    "bmm", "bmm(input, mat2)", "Batched matrix products of two 3-D tensors." => |_, a| {
        let x = input(a)?;
        t(x.bmm(&tensor(&a.req(1, "mat2")?, "bmm(): argument 'mat2'")?)?)
    };
    "mv", "mv(input, vec)", "Matrix times vector." => |_, a| {
        let x = input(a)?;
        t(x.mv(&tensor(&a.req(1, "vec")?, "mv(): argument 'vec'")?)?)
    };
    "dot", "dot(input, other)", "The dot product of two 1-D tensors." => |_, a| {
        let x = input(a)?;
        t(x.dot(&tensor(&a.req(1, "other")?, "dot(): argument 'other'")?)?)
    };
    "inner", "inner(input, other)", "Sums of products over the last dimension of each." => |_, a| {
        let x = input(a)?;
        let y = tensor(&a.req(1, "other")?, "inner(): argument 'other'")?;
        t(x.inner(&y)?)
    };
    "outer", "outer(input, vec2)", "The outer product of two vectors." => |_, a| {
        let x = input(a)?;
        t(x.outer(&tensor(&a.req(1, "vec2")?, "outer(): argument 'vec2'")?)?)
    };
    "addmm", "addmm(input, mat1, mat2, *, beta=1, alpha=1)", "beta * input + alpha * (mat1 @ mat2)." => |_, a| {
        let x = input(a)?;
        let m1 = tensor(&a.req(1, "mat1")?, "addmm(): argument 'mat1'")?;
        let m2 = tensor(&a.req(2, "mat2")?, "addmm(): argument 'mat2'")?;
        let beta = a.kw("beta").map(|v| scalar_arg(&v, "beta")).transpose()?.unwrap_or(Scalar::Int(1));
        let alpha = a.kw("alpha").map(|v| scalar_arg(&v, "alpha")).transpose()?.unwrap_or(Scalar::Int(1));
        t(x.addmm(&m1, &m2, beta, alpha)?)
    };
    "baddbmm", "baddbmm(input, batch1, batch2, *, beta=1, alpha=1)", "beta * input + alpha * (batch1 @ batch2)." => |_, a| {
        let x = input(a)?;
        let b1 = tensor(&a.req(1, "batch1")?, "baddbmm(): argument 'batch1'")?;
        let b2 = tensor(&a.req(2, "batch2")?, "baddbmm(): argument 'batch2'")?;
        let beta = a.kw("beta").map(|v| scalar_arg(&v, "beta")).transpose()?.unwrap_or(Scalar::Int(1));
        let alpha = a.kw("alpha").map(|v| scalar_arg(&v, "alpha")).transpose()?.unwrap_or(Scalar::Int(1));
        t(x.baddbmm(&b1, &b2, beta, alpha)?)
    };
    "det", "det(input)", "The determinant of a square matrix (or a batch of them)." => |_, a| t(input(a)?.det()?);
    "inverse", "inverse(input)", "The inverse of a square matrix (or a batch of them)." => |_, a| t(input(a)?.inv()?);
    // ---- indexing
    "index_select", "index_select(input, dim, index)", "The entries at index along dim (a copy)." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        t(x.index_select(d, &tensor(&a.req(2, "index")?, "index_select(): argument 'index'")?)?)
    };
    "gather", "gather(input, dim, index)", "out[i][j] = input[index[i][j]][j] (for dim 0), and so on." => |_, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        t(x.gather(d, &tensor(&a.req(2, "index")?, "gather(): argument 'index'")?)?)
    };
    "scatter", "scatter(input, dim, index, src=None, *, value=None, reduce=None)", "A copy with src (or value) written at index along dim." => |_, a| scatter_impl(a, false, PutOp::Assign);
    "scatter_", "Tensor.scatter_(dim, index, src=None, *, value=None, reduce=None)", "Writes src (or value) at index along dim, in place." => |_, a| scatter_impl(a, true, PutOp::Assign);
    "scatter_add", "scatter_add(input, dim, index, src)", "A copy with src added at index along dim." => |_, a| scatter_impl(a, false, PutOp::Add);
    "scatter_add_", "Tensor.scatter_add_(dim, index, src)", "Adds src at index along dim, in place." => |_, a| scatter_impl(a, true, PutOp::Add);
    "scatter_reduce", "scatter_reduce(input, dim, index, src, reduce, *, include_self=True)", "Combines src into input at index with sum, prod, mean, amax or amin." => |it, a| {
        let x = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let idx = tensor(&a.req(2, "index")?, "scatter_reduce(): argument 'index'")?;
        let src = tensor(&a.req(3, "src")?, "scatter_reduce(): argument 'src'")?;
        let red = to_str(&a.req(4, "reduce")?, "reduce")?;
        let inc = match a.kw("include_self") { Some(v) => it.truthy(&v)?, None => true };
        t(x.scatter_reduce(d, &idx, &src, &red, inc)?)
    };
    "take", "take(input, index)", "Entries of the flattened input at index." => |_, a| {
        let x = input(a)?;
        t(x.take(&tensor(&a.req(1, "index")?, "take(): argument 'index'")?)?)
    };
    "masked_select", "masked_select(input, mask)", "The entries where mask is True, as a 1-D tensor." => |_, a| {
        let x = input(a)?;
        t(x.masked_select(&tensor(&a.req(1, "mask")?, "masked_select(): argument 'mask'")?)?)
    };
    "nonzero", "nonzero(input, *, as_tuple=False)", "The indices of nonzero entries: one row each, or one tensor per dimension." => |it, a| {
        let x = input(a)?;
        let tup = match a.kw("as_tuple") { Some(v) => it.truthy(&v)?, None => false };
        let nz = x.nonzero()?;
        if !tup {
            return t(nz);
        }
        let cols = if x.dim() == 0 { vec![nz.reshape(&[-1])?] } else { nz.unbind(1)? };
        Ok(Value::tuple(cols.into_iter().map(|c| c.contiguous().map(Value::Tensor)).collect::<crate::Result<_>>()?))
    };
    "index_add", "index_add(input, dim, index, source, *, alpha=1)", "A copy with alpha * source added at index along dim." => |_, a| index_add_impl(a, false);
    "index_add_", "Tensor.index_add_(dim, index, source, *, alpha=1)", "Adds alpha * source at index along dim, in place." => |_, a| index_add_impl(a, true);
    "index_put", "index_put(input, indices, values, accumulate=False)", "A copy with values written at the tuple of index tensors." => |it, a| index_put_impl(it, a, false);
    "index_put_", "Tensor.index_put_(indices, values, accumulate=False)", "Writes values at the tuple of index tensors, in place." => |it, a| index_put_impl(it, a, true);
    "index_fill", "index_fill(input, dim, index, value)", "A copy with value written at index along dim." => |_, a| {
        let x = input(a)?.clone_data()?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let idx = tensor(&a.req(2, "index")?, "index_fill(): argument 'index'")?;
        let v = scalar_arg(&a.req(3, "value")?, "value")?;
        let dd = crate::tensor::wrap_dim("index_fill", d, x.dim())?;
        let mut items = vec![Index::Slice(None, None, 1); dd];
        items.push(Index::Tensor(idx));
        x.index_put_(&items, Arg::Scalar(v), false)?;
        t(x)
    };
    "repeat_interleave", "repeat_interleave(input, repeats, dim=None)", "Each element repeated (repeats: an int or one count per element)." => |_, a| {
        let x = input(a)?;
        match a.opt(1, "repeats") {
            None => {
                // The one-argument form: x holds the counts; the result is their indices.
                let n = x.numel() as i64;
                let r = Tensor::arange(Scalar::Int(0), Scalar::Int(n), Scalar::Int(1), Some(DType::I64))?;
                t(r.repeat_interleave(&x, Some(0))?)
            }
            Some(rv) => {
                let r = match &rv { Value::Tensor(r) => r.clone(), v => Tensor::scalar(to_int(v, "repeats")?)? };
                let d = opt_int(a, 2, "dim")?;
                t(x.repeat_interleave(&r, d)?)
            }
        }
    };
    "tile", "tile(input, dims)", "The tensor repeated dims times along each dimension." => |_, a| {
        let x = input(a)?;
        let d = shape_args(a, 1, "dims")?;
        t(x.tile(&d)?)
    };
    "flip", "flip(input, dims)", "A copy with the order of entries reversed along dims." => |_, a| {
        let x = input(a)?;
        let d = shape_args(a, 1, "dims")?;
        t(x.flip(&d)?)
    };
    "fliplr", "fliplr(input)", "Reversed left to right (dimension 1)." => |_, a| t(input(a)?.flip(&[1])?);
    "flipud", "flipud(input)", "Reversed up to down (dimension 0)." => |_, a| t(input(a)?.flip(&[0])?);
    "roll", "roll(input, shifts, dims=None)", "Entries shifted along dims, wrapping around." => |_, a| {
        let x = input(a)?;
        let s = match a.req(1, "shifts")? { Value::Int(i) => vec![i], v => ints(&v, "shifts")? };
        let d = dims_arg(a, 2, "dims")?.unwrap_or_default();
        t(x.roll(&s, &d)?)
    };
    "tril", "tril(input, diagonal=0)", "The lower triangle (zeros above the diagonal)." => |_, a| {
        let x = input(a)?;
        t(x.tril(opt_int(a, 1, "diagonal")?.unwrap_or(0))?)
    };
    "triu", "triu(input, diagonal=0)", "The upper triangle (zeros below the diagonal)." => |_, a| {
        let x = input(a)?;
        t(x.triu(opt_int(a, 1, "diagonal")?.unwrap_or(0))?)
    };
    "broadcast_to", "broadcast_to(input, size)", "A broadcast view with the given shape." => |_, a| {
        let x = input(a)?;
        let s = shape_args(a, 1, "size")?;
        t(x.expand(&s)?)
    };
}

fn unique_result(v: Tensor, i: Tensor, c: Tensor, inv: bool, cnt: bool) -> R<Value> {
    if !inv && !cnt {
        return t(v);
    }
    let mut out = vec![Value::Tensor(v)];
    if inv {
        out.push(Value::Tensor(i));
    }
    if cnt {
        out.push(Value::Tensor(c));
    }
    Ok(Value::tuple(out))
}

fn scatter_impl(a: &mut Args, inplace: bool, op: PutOp) -> R<Value> {
    let x = input(a)?;
    let d = to_int(&a.req(1, "dim")?, "dim")?;
    let idx = tensor(
        &a.req(2, "index")?,
        &format!("{}(): argument 'index'", a.fname),
    )?;
    let src = match a.opt(3, "src").or_else(|| a.kw("value")) {
        Some(Value::Tensor(s)) => Arg::from(s),
        Some(v) => Arg::Scalar(scalar_arg(&v, "value")?),
        None => {
            return Err(type_err(format!(
                "{}() missing required argument 'src' or 'value'",
                a.fname
            )))
        }
    };
    let op = match a.kw("reduce").filter(|v| !matches!(v, Value::None)) {
        None => op,
        Some(r) => match &*to_str(&r, "reduce")? {
            "add" => PutOp::Add,
            "multiply" => PutOp::Mul,
            other => {
                return Err(err(
                    "RuntimeError",
                    format!("reduce argument must be either add or multiply, got {other}"),
                ))
            }
        },
    };
    if inplace {
        x.scatter_(d, &idx, src, op)?;
        t(x)
    } else {
        t(x.scatter(d, &idx, src, op)?)
    }
}

fn index_add_impl(a: &mut Args, inplace: bool) -> R<Value> {
    let x = input(a)?;
    let d = to_int(&a.req(1, "dim")?, "dim")?;
    let idx = tensor(&a.req(2, "index")?, "index_add(): argument 'index'")?;
    let src = tensor(&a.req(3, "source")?, "index_add(): argument 'source'")?;
    let alpha = a
        .kw("alpha")
        .map(|v| scalar_arg(&v, "alpha"))
        .transpose()?
        .unwrap_or(Scalar::Int(1));
    let out = if inplace { x } else { x.clone_data()? };
    out.index_add_(d, &idx, &src, alpha)?;
    t(out)
}

fn index_put_impl(it: &mut Interp, a: &mut Args, inplace: bool) -> R<Value> {
    let x = input(a)?;
    let items = index_items(&a.req(1, "indices")?)?;
    let v = a.req(2, "values")?;
    let acc = flag(it, a, 3, "accumulate", false)?;
    let out = if inplace { x } else { x.clone_data()? };
    let v = match v {
        Value::Tensor(s) => Arg::from(s),
        other => Arg::Scalar(scalar_arg(&other, "values")?),
    };
    out.index_put_(&items, v, acc)?;
    t(out)
}

table! { METHODS_ONLY:
    "repeat", "Tensor.repeat(*sizes)", "The data tiled sizes times along each dimension (a copy)." => |_, a| {
        let x = input(a)?;
        let s = shape_args(a, 1, "repeats")?;
        t(x.repeat(&s)?)
    };
}

table! { JOINS:
    "cat", "cat(tensors, dim=0)", "The tensors joined along an existing dimension." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "cat(): argument 'tensors' (position 1)")?;
        let d = opt_int(a, 1, "dim")?.or(opt_int(a, 9, "axis")?).unwrap_or(0);
        t(Tensor::cat(&ts, d)?)
    };
    "concat", "concat(tensors, dim=0)", "Another name for cat." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "concat(): argument 'tensors' (position 1)")?;
        let d = opt_int(a, 1, "dim")?.or(opt_int(a, 9, "axis")?).unwrap_or(0);
        t(Tensor::cat(&ts, d)?)
    };
    "concatenate", "concatenate(tensors, axis=0)", "Another name for cat." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "concatenate(): argument 'tensors' (position 1)")?;
        let d = opt_int(a, 1, "axis")?.or(opt_int(a, 9, "dim")?).unwrap_or(0);
        t(Tensor::cat(&ts, d)?)
    };
    "stack", "stack(tensors, dim=0)", "Equal-shaped tensors joined along a new dimension." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "stack(): argument 'tensors' (position 1)")?;
        let d = opt_int(a, 1, "dim")?.unwrap_or(0);
        t(Tensor::stack(&ts, d)?)
    };
    "meshgrid", "meshgrid(*tensors, indexing='ij')", "Coordinate grids from 1-D tensors: each tensor expanded over every combination (indexing='xy' for x along columns, as NumPy and plt.contourf expect)." => |it, a| {
        let xy = match a.kw("indexing") {
            None | Some(Value::None) => {
                it.warn_once("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.");
                false
            }
            Some(v) => match &*to_str(&v, "indexing")? {
                "ij" => false,
                "xy" => true,
                other => return Err(err("RuntimeError", format!("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {other}"))),
            },
        };
        let rest = a.rest(0);
        let ts: Vec<Tensor> = match rest.as_slice() {
            [v @ (Value::List(_) | Value::Tuple(_))] => tensor_list(v, "meshgrid(): tensors")?,
            vs => vs.iter().map(|v| tensor(v, "meshgrid(): tensors")).collect::<R<_>>()?,
        };
        let grids = Tensor::meshgrid(&ts, xy)?;
        Ok(Value::tuple(grids.into_iter().map(Value::Tensor).collect()))
    };
    "hstack", "hstack(tensors)", "Joined column-wise (along dim 1; dim 0 for 1-D tensors)." => |_, a| {
        t(Tensor::hstack(&tensor_list(&a.req(0, "tensors")?, "hstack(): argument 'tensors'")?)?)
    };
    "vstack", "vstack(tensors)", "Joined row-wise (1-D tensors become rows)." => |_, a| {
        t(Tensor::vstack(&tensor_list(&a.req(0, "tensors")?, "vstack(): argument 'tensors'")?)?)
    };
    "row_stack", "row_stack(tensors)", "Another name for vstack." => |_, a| {
        t(Tensor::vstack(&tensor_list(&a.req(0, "tensors")?, "row_stack(): argument 'tensors'")?)?)
    };
    "column_stack", "column_stack(tensors)", "1-D tensors as columns, joined along dim 1." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "column_stack(): argument 'tensors'")?;
        let ts: Vec<Tensor> = ts.iter().map(|x| if x.dim() <= 1 { x.reshape(&[-1, 1]) } else { Ok(x.clone()) }).collect::<crate::Result<_>>()?;
        t(Tensor::cat(&ts, 1)?)
    };
    "dstack", "dstack(tensors)", "Joined depth-wise (along dim 2, after making each at least 3-D)." => |_, a| {
        let ts = tensor_list(&a.req(0, "tensors")?, "dstack(): argument 'tensors'")?;
        let ts: Vec<Tensor> = ts.iter().map(|x| match x.dim() {
            0 => x.reshape(&[1, 1, 1]),
            1 => x.reshape(&[1, -1, 1]),
            2 => x.unsqueeze(2),
            _ => Ok(x.clone()),
        }).collect::<crate::Result<_>>()?;
        t(Tensor::cat(&ts, 2)?)
    };
    "einsum", "einsum(equation, *operands)", "Sums of products named by an index equation ('ij,jk->ik')." => |_, a| {
        let eq = to_str(&a.req(0, "equation")?, "equation")?;
        let rest = a.rest(1);
        let ops: Vec<Tensor> = match rest.as_slice() {
            [v @ (Value::List(_) | Value::Tuple(_))] => tensor_list(v, "einsum(): operands")?,
            vs => vs.iter().map(|v| tensor(v, "einsum(): operands")).collect::<R<_>>()?,
        };
        t(Tensor::einsum(&eq, &ops)?)
    };
}

table! { LINALG:
    "det", "linalg.det(A)", "The determinant of a square matrix (or a batch of them)." => |_, a| t(input(a)?.det()?);
    "inv", "linalg.inv(A)", "The inverse of a square matrix (or a batch of them)." => |_, a| t(input(a)?.inv()?);
    "solve", "linalg.solve(A, B)", "X with A @ X = B (B a matrix or a vector)." => |_, a| {
        let x = input(a)?;
        t(x.solve(&tensor(&a.req(1, "B")?, "linalg.solve(): argument 'B'")?)?)
    };
    "norm", "linalg.norm(A, ord=None, dim=None, keepdim=False)", "The vector 2-norm of all entries, or the norm named by ord." => |it, a| {
        let x = input(a)?;
        let ord = a.opt(1, "ord");
        let d = dims_arg(a, 2, "dim")?;
        let k = keepdim(it, a, 3)?;
        // A matrix norm when ord is given for a 2-D input (or dim names two dims).
        let matrix = ord.is_some() && (x.dim() == 2 && d.is_none() || d.as_ref().is_some_and(|d| d.len() == 2));
        if matrix && !matches!(&ord, Some(Value::Str(s)) if &**s == "fro") {
            return t(x.matrix_norm(to_float(&ord.unwrap_or(Value::Float(2.0)), "ord")?, d.as_deref(), k)?);
        }
        t(x.norm(norm_p(ord)?, d.as_deref(), k)?)
    };
    "vector_norm", "linalg.vector_norm(x, ord=2, dim=None, keepdim=False)", "The ord-norm of the entries (all of them, or along dim)." => |it, a| {
        let x = input(a)?;
        let p = norm_p(a.opt(1, "ord"))?;
        let d = dims_arg(a, 2, "dim")?;
        t(x.norm(p, d.as_deref(), keepdim(it, a, 3)?)?)
    };
    "matrix_norm", "linalg.matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False)", "The Frobenius norm, or the 1/inf matrix norms." => |it, a| {
        let x = input(a)?;
        let ord = a.opt(1, "ord");
        let d = dims_arg(a, 2, "dim")?;
        let k = keepdim(it, a, 3)?;
        match ord {
            None => t(x.norm(2.0, Some(d.as_deref().unwrap_or(&[-2, -1])), k)?),
            Some(Value::Str(s)) if &*s == "fro" => t(x.norm(2.0, Some(d.as_deref().unwrap_or(&[-2, -1])), k)?),
            Some(o) => t(x.matrix_norm(to_float(&o, "ord")?, d.as_deref(), k)?),
        }
    };
    "matrix_power", "linalg.matrix_power(A, n)", "A multiplied by itself n times (n >= 0; the inverse's power for n < 0)." => |_, a| {
        let x = input(a)?;
        let n = to_int(&a.req(1, "n")?, "n")?;
        t(x.matrix_power(n)?)
    };
}
