//! The `np.*` functions: making arrays, ufuncs (with `out=`), reductions, products, joins,
//! comparisons, and `.npy`/`.npz` files.

use super::methods::{arith, common_dtype, compare, shape_args, write_out};
use super::{
    dtype_arg, float_of, new_array, promote, result, result_dtype, shape_arg, to_array, wrap,
    NdArray, Operand,
};
use crate::backend::{BinaryOp as TB, UnaryOp};
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::{Arg, DType, Scalar, Tensor};

/// A ufunc's result: returned, or written into `out=` (which is returned).
fn finish(ufunc: &str, r: Tensor, out: Option<Value>) -> R<Value> {
    match out {
        None | Some(Value::None) => result(r),
        Some(o) => {
            let Some(arr) = o.native::<NdArray>() else {
                return Err(type_err("return arrays must be of ArrayType"));
            };
            write_out(ufunc, &r, &arr.t)?;
            Ok(o)
        }
    }
}

fn out_arg(a: &mut Args, i: usize) -> Option<Value> {
    a.opt(i, "out")
}

/// A one-input ufunc: `np.sqrt(x, out=None)`. `float` ufuncs compute ints in float64.
fn unary(
    a: &mut Args,
    name: &str,
    float: bool,
    f: fn(&Tensor) -> crate::Result<Tensor>,
) -> R<Value> {
    let t = to_array(&a.req(0, "x")?)?;
    let out = out_arg(a, 1);
    let t = if float {
        t.to_dtype(float_of(t.dtype()))?
    } else {
        t
    };
    finish(name, f(&t)?, out)
}

/// The array and axis for `axis=` functions that flatten for `axis=None`.
fn flat_or_axis(t: Tensor, axis: Option<Value>, default: i64) -> R<(Tensor, i64)> {
    Ok(match axis {
        None => (t, default),
        Some(Value::None) => (t.reshape(&[-1])?, 0),
        Some(v) => (t, to_int(&v, "axis")?),
    })
}

/// A two-input ufunc: `np.add(x1, x2, out=None)`.
fn binary(it: &mut Interp, a: &mut Args, name: &str, op: BinOp) -> R<Value> {
    let x = a.req(0, "x1")?;
    let y = a.req(1, "x2")?;
    let out = out_arg(a, 2);
    let r = arith(it, &x, &y, op)?;
    finish(name, r, out)
}

/// `np.maximum` / `np.minimum`: elementwise, in the promoted dtype.
fn extreme(a: &mut Args, name: &str, op: TB) -> R<Value> {
    let (x, y) = (
        Operand::of(&a.req(0, "x1")?)?,
        Operand::of(&a.req(1, "x2")?)?,
    );
    let out = out_arg(a, 2);
    let d = result_dtype(&[&x, &y]);
    let (x, y) = (x.tensor(d)?, y.tensor(d)?);
    finish(name, Tensor::binary(op, Arg::from(&x), Arg::from(&y))?, out)
}

/// `np.sum(a, axis=None, keepdims=False)` and the other reductions as functions.
fn reduce_fn(it: &mut Interp, a: &mut Args, name: &str) -> R<Value> {
    let t = to_array(&a.req(0, "a")?)?;
    super::methods::reduce_args(it, a, name, &t)
}

/// `np.dot(a, b)`: a scalar product of numbers, the inner product of vectors, the matrix
/// product otherwise.
pub fn dot(it: &mut Interp, x: &Value, y: &Value) -> R<Value> {
    let (a, b) = (Operand::of(x)?, Operand::of(y)?);
    let zero_d = |o: &Operand| match o {
        Operand::Array(t) => t.dim() == 0,
        _ => true,
    };
    if zero_d(&a) || zero_d(&b) {
        return result(arith(it, x, y, BinOp::Mul)?);
    }
    let d = result_dtype(&[&a, &b]);
    result(a.tensor(d)?.matmul(&b.tensor(d)?)?)
}

/// The arrays of a join (`np.concatenate([a, b])`), cast to their promoted dtype.
fn join_args(v: &Value) -> R<Vec<Tensor>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    if items.is_empty() {
        return Err(value_err("need at least one array to concatenate"));
    }
    let ts: Vec<Tensor> = items.iter().map(to_array).collect::<R<_>>()?;
    let d = common_dtype(&ts);
    ts.into_iter()
        .map(|t| {
            if t.dtype() == d {
                Ok(t)
            } else {
                Ok(t.to_dtype(d)?)
            }
        })
        .collect()
}

fn opt_dtype(a: &mut Args, i: usize) -> R<Option<DType>> {
    match a.opt(i, "dtype") {
        None | Some(Value::None) => Ok(None),
        Some(v) => dtype_arg(&v).map(Some),
    }
}

/// `np.zeros`/`ones`/`empty`: float64 unless `dtype=`.
fn filled(a: &mut Args, value: f64) -> R<Value> {
    let shape = shape_arg(&a.req(0, "shape")?, "shape")?;
    let d = opt_dtype(a, 1)?.unwrap_or(DType::F64);
    Ok(wrap(Tensor::full(&shape, Scalar::Float(value), Some(d))?))
}

fn like(a: &mut Args, value: Option<Scalar>) -> R<Value> {
    let t = to_array(&a.req(0, "a")?)?;
    let (value, i) = match value {
        Some(v) => (v, 1),
        None => {
            let v = a.req(1, "fill_value")?;
            (scalar_arg(&v)?, 2)
        }
    };
    let d = opt_dtype(a, i)?.unwrap_or(t.dtype());
    Ok(wrap(Tensor::full(t.shape(), value, Some(d))?))
}

fn scalar_arg(v: &Value) -> R<Scalar> {
    Ok(match v {
        Value::Bool(b) => Scalar::Bool(*b),
        Value::Int(i) => Scalar::Int(*i),
        Value::Float(f) => Scalar::Float(*f),
        other => {
            return Err(type_err(format!(
                "fill_value must be a number, not {}",
                other.type_name()
            )))
        }
    })
}

/// A file name with NumPy's extension added when it has none (`np.save('x', a)` writes x.npy).
fn with_ext(v: &Value, ext: &str) -> R<String> {
    let p = to_str(v, "file")?.to_string();
    Ok(if p.ends_with(ext) {
        p
    } else {
        format!("{p}{ext}")
    })
}

fn arange(a: &mut Args) -> R<Value> {
    let nums: Vec<Value> = a.rest(0);
    let dtype = opt_dtype(a, usize::MAX)?;
    let (start, stop, step) = match nums.as_slice() {
        [stop] => (Value::Int(0), stop.clone(), Value::Int(1)),
        [start, stop] => (start.clone(), stop.clone(), Value::Int(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(type_err("arange() requires stop to be specified.")),
    };
    let all_int = [&start, &stop, &step]
        .iter()
        .all(|v| matches!(v, Value::Int(_) | Value::Bool(_)));
    let (s, e, st) = (
        to_float(&start, "start")?,
        to_float(&stop, "stop")?,
        to_float(&step, "step")?,
    );
    if st == 0.0 {
        return Err(err("ZeroDivisionError", "division by zero"));
    }
    let n = ((e - s) / st).ceil().max(0.0);
    if n > 1e9 {
        return Err(err(
            "MemoryError",
            format!("arange of {n} elements is too large"),
        ));
    }
    let n = n as usize;
    let t = if all_int {
        let (s, st) = (to_int(&start, "start")?, to_int(&step, "step")?);
        let v: Vec<i64> = (0..n as i64).map(|i| s + i * st).collect();
        Tensor::from_slice(&v, &[n])?
    } else {
        // NumPy fills from the first two values: delta = (start + step) - start.
        let delta = (s + st) - s;
        let v: Vec<f64> = (0..n).map(|i| s + i as f64 * delta).collect();
        Tensor::from_slice(&v, &[n])?
    };
    Ok(wrap(match dtype {
        Some(d) => t.to_dtype(d)?,
        None => t,
    }))
}

fn linspace(a: &mut Args) -> R<Value> {
    let start = to_float(&a.req(0, "start")?, "start")?;
    let stop = to_float(&a.req(1, "stop")?, "stop")?;
    let num = a
        .opt(2, "num")
        .map(|v| to_int(&v, "num"))
        .transpose()?
        .unwrap_or(50);
    let num = usize::try_from(num)
        .map_err(|_| value_err(format!("Number of samples, {num}, must be non-negative.")))?;
    let endpoint = match a.kw("endpoint") {
        Some(Value::Bool(b)) => b,
        _ => true,
    };
    let dtype = match a.kw("dtype") {
        None | Some(Value::None) => DType::F64,
        Some(v) => dtype_arg(&v)?,
    };
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let step = if div > 0 {
        delta / div as f64
    } else {
        f64::NAN
    };
    let mut v: Vec<f64> = (0..num)
        .map(|i| {
            if div > 0 && step == 0.0 {
                i as f64 / div as f64 * delta + start
            } else {
                i as f64 * if div > 0 { step } else { delta } + start
            }
        })
        .collect();
    if endpoint && num > 1 {
        v[num - 1] = stop;
    }
    Ok(wrap(Tensor::from_slice(&v, &[num])?.to_dtype(dtype)?))
}

table! { NP:
    "array", "array(object, dtype=None)", "A new array with a copy of the data (float64 for floats, int64 for ints)." => |_, a| {
        let v = a.req(0, "object")?;
        let d = opt_dtype(a, 1)?;
        Ok(wrap(new_array(&v, d)?))
    };
    "asarray", "asarray(a, dtype=None)", "The array itself (no copy) when it is one and the dtype matches; else a new array." => |_, a| {
        let v = a.req(0, "a")?;
        let d = opt_dtype(a, 1)?;
        match v.native::<NdArray>() {
            Some(arr) if d.is_none_or(|d| d == arr.t.dtype()) => Ok(v),
            _ => Ok(wrap(new_array(&v, d)?)),
        }
    };
    "zeros", "zeros(shape, dtype=float64)", "An array of zeros." => |_, a| filled(a, 0.0);
    "ones", "ones(shape, dtype=float64)", "An array of ones." => |_, a| filled(a, 1.0);
    "empty", "empty(shape, dtype=float64)", "A new array (nabla fills it with zeros)." => |_, a| filled(a, 0.0);
    "full", "full(shape, fill_value, dtype=None)", "An array filled with fill_value (its dtype from the value)." => |_, a| {
        let shape = shape_arg(&a.req(0, "shape")?, "shape")?;
        let v = scalar_arg(&a.req(1, "fill_value")?)?;
        let d = opt_dtype(a, 2)?.unwrap_or(match v {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::I64,
            Scalar::Float(_) => DType::F64,
        });
        Ok(wrap(Tensor::full(&shape, v, Some(d))?))
    };
    "zeros_like", "zeros_like(a, dtype=None)", "Zeros with a's shape and dtype." => |_, a| like(a, Some(Scalar::Int(0)));
    "ones_like", "ones_like(a, dtype=None)", "Ones with a's shape and dtype." => |_, a| like(a, Some(Scalar::Int(1)));
    "full_like", "full_like(a, fill_value, dtype=None)", "fill_value with a's shape and dtype." => |_, a| like(a, None);
    "arange", "arange([start,] stop[, step], dtype=None)", "Evenly spaced values in [start, stop): int64 for ints, float64 otherwise." => |_, a| arange(a);
    "linspace", "linspace(start, stop, num=50, endpoint=True, dtype=None)", "num evenly spaced values from start to stop." => |_, a| linspace(a);
    "eye", "eye(N, M=None, dtype=float64)", "An N×M array with ones on the diagonal." => |_, a| {
        let n = to_int(&a.req(0, "N")?, "N")?;
        let m = a.opt(1, "M").filter(|v| !matches!(v, Value::None)).map(|v| to_int(&v, "M")).transpose()?;
        let d = opt_dtype(a, 2)?.unwrap_or(DType::F64);
        let n = usize::try_from(n).map_err(|_| value_err("negative dimensions are not allowed"))?;
        let m = m.map(|m| usize::try_from(m).map_err(|_| value_err("negative dimensions are not allowed"))).transpose()?;
        Ok(wrap(Tensor::eye(n, m, d)?))
    };
    "add", "add(x1, x2, out=None)", "x1 + x2, elementwise." => |it, a| binary(it, a, "add", BinOp::Add);
    "subtract", "subtract(x1, x2, out=None)", "x1 - x2, elementwise." => |it, a| binary(it, a, "subtract", BinOp::Sub);
    "multiply", "multiply(x1, x2, out=None)", "x1 * x2, elementwise." => |it, a| binary(it, a, "multiply", BinOp::Mul);
    "divide", "divide(x1, x2, out=None)", "x1 / x2, elementwise (float64 for ints)." => |it, a| binary(it, a, "divide", BinOp::Div);
    "power", "power(x1, x2, out=None)", "x1 ** x2, elementwise." => |it, a| binary(it, a, "power", BinOp::Pow);
    "maximum", "maximum(x1, x2, out=None)", "The larger of x1 and x2, elementwise." => |_, a| extreme(a, "maximum", TB::Maximum);
    "minimum", "minimum(x1, x2, out=None)", "The smaller of x1 and x2, elementwise." => |_, a| extreme(a, "minimum", TB::Minimum);
    "sqrt", "sqrt(x, out=None)", "The square root, elementwise." => |_, a| unary(a, "sqrt", true, Tensor::sqrt);
    "exp", "exp(x, out=None)", "e ** x, elementwise." => |_, a| unary(a, "exp", true, Tensor::exp);
    "log", "log(x, out=None)", "The natural logarithm, elementwise." => |_, a| unary(a, "log", true, Tensor::log);
    "sin", "sin(x, out=None)", "The sine, elementwise." => |_, a| unary(a, "sin", true, Tensor::sin);
    "cos", "cos(x, out=None)", "The cosine, elementwise." => |_, a| unary(a, "cos", true, Tensor::cos);
    "tanh", "tanh(x, out=None)", "The hyperbolic tangent, elementwise." => |_, a| unary(a, "tanh", true, Tensor::tanh);
    "abs", "abs(x, out=None)", "The absolute value, elementwise." => |_, a| unary(a, "absolute", false, Tensor::abs);
    "absolute", "absolute(x, out=None)", "The absolute value, elementwise." => |_, a| unary(a, "absolute", false, Tensor::abs);
    "square", "square(x, out=None)", "x * x, elementwise." => |_, a| unary(a, "square", false, |t| t.mul(t));
    "negative", "negative(x, out=None)", "-x, elementwise." => |_, a| unary(a, "negative", false, Tensor::neg);
    "tan", "tan(x, out=None)", "The tangent, elementwise." => |_, a| unary(a, "tan", true, |t| t.unary(UnaryOp::Tan));
    "arctan", "arctan(x, out=None)", "The inverse tangent, elementwise." => |_, a| unary(a, "arctan", true, |t| t.unary(UnaryOp::Atan));
    "log2", "log2(x, out=None)", "The base-2 logarithm, elementwise." => |_, a| unary(a, "log2", true, |t| t.unary(UnaryOp::Log2));
    "log10", "log10(x, out=None)", "The base-10 logarithm, elementwise." => |_, a| unary(a, "log10", true, |t| t.unary(UnaryOp::Log10));
    "log1p", "log1p(x, out=None)", "log(1 + x), elementwise (exact for small x)." => |_, a| unary(a, "log1p", true, |t| t.unary(UnaryOp::Log1p));
    "sign", "sign(x, out=None)", "-1, 0 or 1 by the sign, elementwise." => |_, a| unary(a, "sign", false, Tensor::sign);
    "floor", "floor(x, out=None)", "The floor, elementwise (ints stay ints)." => |_, a| unary(a, "floor", false, Tensor::floor);
    "ceil", "ceil(x, out=None)", "The ceiling, elementwise (ints stay ints)." => |_, a| unary(a, "ceil", false, Tensor::ceil);
    "round", "round(a, decimals=0)", "Rounded half to even to decimals places." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let decimals = a.opt(1, "decimals").map(|v| to_int(&v, "decimals")).transpose()?.unwrap_or(0);
        if !t.dtype().is_float() {
            return result(t.clone_data()?);
        }
        let k = 10f64.powi(decimals as i32);
        let scale = Tensor::scalar(k)?.to_dtype(t.dtype())?;
        result(t.mul(&scale)?.round()?.div(&scale)?)
    };
    "clip", "clip(a, a_min, a_max)", "a limited to [a_min, a_max]." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let lo = a.opt(1, "a_min").filter(|v| !matches!(v, Value::None)).map(|v| to_float(&v, "a_min")).transpose()?;
        let hi = a.opt(2, "a_max").filter(|v| !matches!(v, Value::None)).map(|v| to_float(&v, "a_max")).transpose()?;
        let arg = |x: Option<f64>| x.map(|x| Arg::Scalar(if t.dtype().is_float() { Scalar::Float(x) } else { Scalar::Int(x as i64) }));
        result(t.clamp(arg(lo), arg(hi))?)
    };
    "sum", "sum(a, axis=None, keepdims=False)", "The sum (over axis)." => |it, a| reduce_fn(it, a, "sum");
    "prod", "prod(a, axis=None, keepdims=False)", "The product (over axis)." => |it, a| reduce_fn(it, a, "prod");
    "mean", "mean(a, axis=None, keepdims=False)", "The mean (over axis), in float64 for ints." => |it, a| reduce_fn(it, a, "mean");
    "max", "max(a, axis=None, keepdims=False)", "The largest element (over axis)." => |it, a| reduce_fn(it, a, "max");
    "min", "min(a, axis=None, keepdims=False)", "The smallest element (over axis)." => |it, a| reduce_fn(it, a, "min");
    "std", "std(a, axis=None, ddof=0, keepdims=False)", "The standard deviation (ddof=0: divided by n)." => |it, a| reduce_fn(it, a, "std");
    "var", "var(a, axis=None, ddof=0, keepdims=False)", "The variance (ddof=0: divided by n)." => |it, a| reduce_fn(it, a, "var");
    "argmax", "argmax(a, axis=None)", "The index of the largest element (in the flattened array without axis)." => |it, a| reduce_fn(it, a, "argmax");
    "argmin", "argmin(a, axis=None)", "The index of the smallest element." => |it, a| reduce_fn(it, a, "argmin");
    "all", "all(a, axis=None, keepdims=False)", "Whether every element is true." => |it, a| reduce_fn(it, a, "all");
    "any", "any(a, axis=None, keepdims=False)", "Whether any element is true." => |it, a| reduce_fn(it, a, "any");
    "cumsum", "cumsum(a, axis=None)", "Running sums (of the flattened array without axis)." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let (t, axis) = match a.opt(1, "axis") {
            None | Some(Value::None) => (t.reshape(&[-1])?, 0),
            Some(v) => (t, to_int(&v, "axis")?),
        };
        Ok(wrap(t.cumsum(axis, None)?))
    };
    "sort", "sort(a, axis=-1)", "A sorted copy (along axis; flattened with axis=None)." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let (t, axis) = flat_or_axis(t, a.get(1, "axis"), -1)?;
        Ok(wrap(t.sort(axis, false)?.0))
    };
    "argsort", "argsort(a, axis=-1)", "The indices that sort a (stably) along axis." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let (t, axis) = flat_or_axis(t, a.get(1, "axis"), -1)?;
        Ok(wrap(t.argsort(axis, false)?))
    };
    "unique", "unique(ar, return_inverse=False, return_counts=False)", "The sorted distinct elements (flattened); optionally where each element went, and the counts." => |it, a| {
        let t = to_array(&a.req(0, "ar")?)?;
        let flag = |it: &mut Interp, v: Option<Value>| v.map(|v| it.truthy(&v)).transpose().map(|b| b.unwrap_or(false));
        let inverse = flag(it, a.opt(1, "return_inverse"))?;
        let counts = flag(it, a.opt(2, "return_counts"))?;
        let (values, inv, cnt) = t.reshape(&[-1])?.unique()?;
        let mut out = vec![wrap(values)];
        if inverse {
            out.push(wrap(inv.reshape(&t.shape().iter().map(|&d| d as i64).collect::<Vec<_>>())?));
        }
        if counts {
            out.push(wrap(cnt));
        }
        Ok(if out.len() == 1 { out.remove(0) } else { Value::tuple(out) })
    };
    "flip", "flip(m, axis=None)", "The elements in reverse order (along axis, or every axis): a copy." => |_, a| {
        let t = to_array(&a.req(0, "m")?)?;
        let axes: Vec<i64> = match a.opt(1, "axis") {
            None | Some(Value::None) => (0..t.dim() as i64).collect(),
            Some(v) => shape_args(&[v])?,
        };
        Ok(wrap(t.flip(&axes)?))
    };
    "squeeze", "squeeze(a, axis=None)", "a without its length-1 axes (or just axis): a view." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        Ok(wrap(match a.opt(1, "axis") {
            None | Some(Value::None) => t.squeeze(None)?,
            Some(v) => t.squeeze(Some(&shape_args(&[v])?))?,
        }))
    };
    "expand_dims", "expand_dims(a, axis)", "a with a new length-1 axis at axis: a view." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let axis = to_int(&a.req(1, "axis")?, "axis")?;
        Ok(wrap(t.unsqueeze(axis)?))
    };
    "dot", "dot(a, b)", "The dot product: inner for vectors, matrix product for 2-D." => |it, a| {
        let x = a.req(0, "a")?;
        let y = a.req(1, "b")?;
        dot(it, &x, &y)
    };
    "matmul", "matmul(x1, x2)", "The matrix product." => |it, a| {
        let x = a.req(0, "x1")?;
        let y = a.req(1, "x2")?;
        result(arith(it, &x, &y, BinOp::MatMul)?)
    };
    "concatenate", "concatenate(arrays, axis=0)", "The arrays joined along an existing axis." => |_, a| {
        let ts = join_args(&a.req(0, "arrays")?)?;
        let axis = a.opt(1, "axis").map(|v| to_int(&v, "axis")).transpose()?.unwrap_or(0);
        Ok(wrap(Tensor::cat(&ts, axis)?))
    };
    "stack", "stack(arrays, axis=0)", "The arrays joined along a new axis." => |_, a| {
        let ts = join_args(&a.req(0, "arrays")?)?;
        let axis = a.opt(1, "axis").map(|v| to_int(&v, "axis")).transpose()?.unwrap_or(0);
        Ok(wrap(Tensor::stack(&ts, axis)?))
    };
    "vstack", "vstack(tup)", "The arrays stacked as rows (1-D arrays become rows)." => |_, a| {
        let ts = join_args(&a.req(0, "tup")?)?;
        let ts: Vec<Tensor> = ts.into_iter().map(|t| if t.dim() < 2 { t.reshape(&[1, -1]) } else { Ok(t) }).collect::<crate::Result<_>>()?;
        Ok(wrap(Tensor::cat(&ts, 0)?))
    };
    "hstack", "hstack(tup)", "The arrays joined column-wise (end to end for 1-D)." => |_, a| {
        let ts = join_args(&a.req(0, "tup")?)?;
        let axis = if ts.iter().all(|t| t.dim() <= 1) { 0 } else { 1 };
        Ok(wrap(Tensor::cat(&ts, axis)?))
    };
    "where", "where(condition, x, y)", "x where condition is true, else y." => |_, a| {
        let cond = to_array(&a.req(0, "condition")?)?;
        let (x, y) = (Operand::of(&a.req(1, "x")?)?, Operand::of(&a.req(2, "y")?)?);
        let d = result_dtype(&[&x, &y]);
        let (x, y) = (x.tensor(d)?, y.tensor(d)?);
        result(Tensor::where_(&cond.to_dtype(DType::Bool)?, &x, &y)?)
    };
    "reshape", "reshape(a, newshape)", "The same data in a new shape." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let shape = shape_args(&[a.req(1, "newshape")?])?;
        Ok(wrap(t.reshape(&shape)?))
    };
    "transpose", "transpose(a, axes=None)", "The axes reversed (or in the given order)." => |_, a| {
        let t = to_array(&a.req(0, "a")?)?;
        let axes = match a.opt(1, "axes") {
            None | Some(Value::None) => (0..t.dim() as i64).rev().collect(),
            Some(v) => shape_args(&[v])?,
        };
        Ok(wrap(t.permute(&axes)?))
    };
    "copy", "copy(a)", "A copy of the array." => |_, a| Ok(wrap(new_array(&a.req(0, "a")?, None)?));
    "allclose", "allclose(a, b, rtol=1e-05, atol=1e-08)", "Whether every |a - b| <= atol + rtol * |b|." => |_, a| {
        let (x, y) = (to_array(&a.req(0, "a")?)?, to_array(&a.req(1, "b")?)?);
        let rtol = a.opt(2, "rtol").map(|v| to_float(&v, "rtol")).transpose()?.unwrap_or(1e-5);
        let atol = a.opt(3, "atol").map(|v| to_float(&v, "atol")).transpose()?.unwrap_or(1e-8);
        let d = float_of(promote(x.dtype(), y.dtype()));
        Ok(Value::Bool(x.to_dtype(d)?.allclose(&y.to_dtype(d)?, rtol, atol, false)?))
    };
    "isclose", "isclose(a, b, rtol=1e-05, atol=1e-08)", "Whether |a - b| <= atol + rtol * |b|, elementwise." => |_, a| {
        let (x, y) = (to_array(&a.req(0, "a")?)?, to_array(&a.req(1, "b")?)?);
        let rtol = a.opt(2, "rtol").map(|v| to_float(&v, "rtol")).transpose()?.unwrap_or(1e-5);
        let atol = a.opt(3, "atol").map(|v| to_float(&v, "atol")).transpose()?.unwrap_or(1e-8);
        let d = float_of(promote(x.dtype(), y.dtype()));
        result(x.to_dtype(d)?.isclose(&y.to_dtype(d)?, rtol, atol, false)?)
    };
    "array_equal", "array_equal(a1, a2)", "Whether the arrays have the same shape and elements." => |it, a| {
        let (x, y) = (a.req(0, "a1")?, a.req(1, "a2")?);
        let (tx, ty) = (to_array(&x)?, to_array(&y)?);
        if tx.shape() != ty.shape() {
            return Ok(Value::Bool(false));
        }
        let eq = compare(it, &x, &y, CmpOp::Eq)?;
        Ok(Value::Bool(eq.numel() == 0 || eq.all(None, false)?.item()?.is_nonzero()))
    };
    "save", "save(file, arr)", "Writes the array to a .npy file (the extension added when missing)." => |_, a| {
        let path = with_ext(&a.req(0, "file")?, ".npy")?;
        let t = to_array(&a.req(1, "arr")?)?;
        crate::io::npy::save(&path, &t)?;
        Ok(Value::None)
    };
    "savez", "savez(file, *args, **kwds)", "Writes several arrays to a .npz file: positional ones as arr_0, arr_1, …" => |_, a| {
        let path = with_ext(&a.req(0, "file")?, ".npz")?;
        let mut arrays = Vec::new();
        for (i, v) in a.rest(1).iter().enumerate() {
            arrays.push((format!("arr_{i}"), to_array(v)?));
        }
        for (k, v) in std::mem::take(&mut a.kw) {
            arrays.push((k.to_string(), to_array(&v)?));
        }
        crate::io::npz::save(&path, &arrays)?;
        Ok(Value::None)
    };
    "load", "load(file)", "The array in a .npy file, or the arrays of a .npz file by name (an NpzFile)." => |it, a| {
        let path = a.req(0, "file")?;
        let path = it.fspath(&path, "file")?.to_string();
        if path.ends_with(".npz") {
            let arrays = crate::io::npz::load(&path)?.into_iter().collect();
            return Ok(Value::Native(std::rc::Rc::new(super::npz::NpzFile { path, arrays })));
        }
        Ok(wrap(crate::io::npy::load(&path)?))
    };
}
