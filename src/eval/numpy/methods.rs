//! An array's methods and operators (`a.sum()`, `a + 1`, `a[0] = 5`, `for row in a`), and
//! a dtype's comparison (`a.dtype == np.float32`).

use super::{dtype_arg, float_of, promote, result, result_dtype, wrap, NdArray, NpDType, Operand};
use crate::eval::lang::builtins::{table, to_float, to_int, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::{DType, Tensor};
use std::rc::Rc;

/// The array `self` of a method.
pub fn this(a: &mut Args) -> R<Rc<NdArray>> {
    let v = a.req(0, "self")?;
    v.native::<NdArray>()
        .ok_or_else(|| type_err(format!("expected a numpy array, got {}", v.type_name())))
}

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        BinOp::Mul => "multiply",
        BinOp::Div => "divide",
        BinOp::FloorDiv => "floor_divide",
        BinOp::Mod => "remainder",
        BinOp::Pow => "power",
        BinOp::MatMul => "matmul",
        BinOp::BitAnd => "bitwise_and",
        BinOp::BitOr => "bitwise_or",
        BinOp::BitXor => "bitwise_xor",
        BinOp::LShift => "left_shift",
        BinOp::RShift => "right_shift",
    }
}

/// NumPy's error for shapes that do not broadcast.
fn check_broadcast(a: &Operand, b: &Operand) -> R<()> {
    let (Operand::Array(x), Operand::Array(y)) = (a, b) else {
        return Ok(());
    };
    let (sx, sy) = (x.shape(), y.shape());
    let n = sx.len().max(sy.len());
    let dim = |s: &[usize], i: usize| {
        if i + s.len() >= n {
            s[i + s.len() - n]
        } else {
            1
        }
    };
    let ok = (0..n).all(|i| {
        let (p, q) = (dim(sx, i), dim(sy, i));
        p == q || p == 1 || q == 1
    });
    if ok {
        return Ok(());
    }
    let shape = |s: &[usize]| match s {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            s.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    Err(value_err(format!(
        "operands could not be broadcast together with shapes {} {} ",
        shape(sx),
        shape(sy)
    )))
}

/// `x op y` with NumPy's dtypes: both operands cast to the dtype NumPy computes in, then
/// the tensor op (which keeps that dtype).
pub fn arith(it: &mut Interp, x: &Value, y: &Value, op: BinOp) -> R<Tensor> {
    let (a, b) = (Operand::of(x)?, Operand::of(y)?);
    if op != BinOp::MatMul {
        check_broadcast(&a, &b)?;
    }
    let mut d = result_dtype(&[&a, &b]);
    if op == BinOp::Div {
        d = float_of(d);
    }
    if op == BinOp::MatMul {
        return Ok(a.tensor(d)?.matmul(&b.tensor(d)?)?);
    }
    let r = it.binary(op, a.value(d)?, b.value(d)?)?;
    match r {
        Value::Tensor(t) => Ok(t),
        other => Ok(Tensor::scalar(other.as_number().unwrap_or(0.0))?.to_dtype(d)?),
    }
}

/// `x cmp y`: a bool array.
pub fn compare(it: &mut Interp, x: &Value, y: &Value, op: CmpOp) -> R<Tensor> {
    let (a, b) = (Operand::of(x)?, Operand::of(y)?);
    check_broadcast(&a, &b)?;
    let d = result_dtype(&[&a, &b]);
    match it.compare(
        op,
        &Value::Tensor(a.tensor(d)?),
        &Value::Tensor(b.tensor(d)?),
    )? {
        Value::Tensor(t) => Ok(t),
        other => Ok(Tensor::scalar(it.truthy(&other)?)?),
    }
}

/// Whether NumPy's 'same_kind' casting allows writing `from` into `to` (`out=`, `+=`).
fn same_kind(from: DType, to: DType) -> bool {
    let kind = |d: DType| match d {
        DType::Bool => 0,
        DType::U8 | DType::I8 | DType::I16 | DType::I32 | DType::I64 => 1,
        _ => 2,
    };
    kind(from) <= kind(to)
}

/// Writes `r` into the array `out` (a ufunc's `out=`, an in-place operator) as NumPy does.
pub fn write_out(ufunc: &str, r: &Tensor, out: &Tensor) -> R<()> {
    if !same_kind(r.dtype(), out.dtype()) {
        return Err(err(
            "UFuncTypeError",
            format!(
                "Cannot cast ufunc '{ufunc}' output from dtype('{}') to dtype('{}') with casting rule 'same_kind'",
                super::format::dtype_name(r.dtype()),
                super::format::dtype_name(out.dtype())
            ),
        ));
    }
    out.copy_(r)?;
    Ok(())
}

fn binop(it: &mut Interp, a: &mut Args, op: BinOp, reflected: bool) -> R<Value> {
    let me = a.req(0, "self")?;
    let other = a.req(1, "other")?;
    let r = if reflected {
        arith(it, &other, &me, op)?
    } else {
        arith(it, &me, &other, op)?
    };
    result(r)
}

fn inplace(it: &mut Interp, a: &mut Args, op: BinOp) -> R<Value> {
    let me = a.req(0, "self")?;
    let other = a.req(1, "other")?;
    let arr = this(&mut Args::new("", vec![me.clone()], vec![]))?;
    let r = arith(it, &me, &other, op)?;
    write_out(op_name(op), &r, &arr.t)?;
    Ok(me)
}

fn cmp(it: &mut Interp, a: &mut Args, op: CmpOp) -> R<Value> {
    let me = a.req(0, "self")?;
    let other = a.req(1, "other")?;
    result(compare(it, &me, &other, op)?)
}

/// NumPy's index with arrays in it as tensors, so tensor indexing reads it.
fn index_value(v: &Value) -> Value {
    if let Some(a) = v.native::<NdArray>() {
        return Value::Tensor(a.t.clone());
    }
    match v {
        Value::Tuple(items) => Value::tuple(items.iter().map(index_value).collect()),
        other => other.clone(),
    }
}

/// Applies the index's negative-step slices (`a[::-1]`, which tensors refuse) to `t` as a
/// flip of the positive slice holding the same elements, leaving `:` in their place.
fn negative_steps(it: &mut Interp, t: &Tensor, index: &Value) -> R<(Tensor, Value)> {
    let items: Vec<Value> = match index {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    let negative =
        |v: &Value| matches!(v, Value::Slice(s) if matches!(s[2], Value::Int(k) if k < 0));
    if !items.iter().any(negative) {
        return Ok((t.clone(), index.clone()));
    }
    // The dimension each item reads: ints and slices one, masks theirs, None none.
    let consumed = |v: &Value| match v {
        Value::None => 0,
        Value::Ellipsis => 0,
        Value::Tensor(m) if m.dtype() == DType::Bool => m.dim().max(1),
        _ => 1,
    };
    let named: usize = items.iter().map(consumed).sum();
    let mut dim = 0usize;
    let mut t = t.clone();
    let mut out = Vec::with_capacity(items.len());
    let full = Value::Slice(Rc::new([Value::None, Value::None, Value::None]));
    for v in &items {
        if matches!(v, Value::Ellipsis) {
            dim += t.dim().saturating_sub(named);
            out.push(v.clone());
            continue;
        }
        if let (true, Value::Slice(s)) = (negative(v), v) {
            let len = t.shape().get(dim).copied().unwrap_or(0);
            let (start, _, step, n) = crate::eval::lang::items::slice_indices(s, len)?;
            let mut pick: Vec<Value> = vec![full.clone(); dim];
            let (lo, hi) = if n == 0 {
                (0, 0)
            } else {
                (start + step * (n as i64 - 1), start + 1)
            };
            pick.push(Value::Slice(Rc::new([
                Value::Int(lo),
                Value::Int(hi),
                Value::Int(-step),
            ])));
            t = it
                .tensor_index(&t, &Value::tuple(pick))?
                .flip(&[dim as i64])?;
            out.push(full.clone());
        } else {
            out.push(v.clone());
        }
        dim += consumed(v);
    }
    Ok((t, Value::tuple(out)))
}

/// `axis=`: None (every axis), an int or a tuple of ints.
pub fn axes_arg(v: Option<Value>) -> R<Option<Vec<i64>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Tuple(t)) => t
            .iter()
            .map(|x| to_int(x, "axis"))
            .collect::<R<_>>()
            .map(Some),
        Some(v) => Ok(Some(vec![to_int(&v, "axis")?])),
    }
}

/// The reductions shared by `a.sum()` and `np.sum(a)`: `name` over `axis`.
pub fn reduce(
    it: &mut Interp,
    name: &str,
    t: &Tensor,
    axis: Option<Value>,
    keepdims: bool,
    ddof: f64,
) -> R<Value> {
    let axes = axes_arg(axis)?;
    let dims = axes.as_deref();
    let r = match name {
        "sum" if t.dtype().is_float() => float_sum(t, dims, keepdims)?,
        "sum" => t.sum(dims, keepdims, sum_dtype(t.dtype()))?,
        "prod" => t.prod(dims, keepdims, sum_dtype(t.dtype()))?,
        "mean" => mean(&t.to_dtype(float_of(t.dtype()))?, dims, keepdims)?,
        "max" | "min" => {
            if t.numel() == 0 {
                return Err(value_err(format!(
                    "zero-size array to reduction operation {} which has no identity",
                    if name == "max" { "maximum" } else { "minimum" }
                )));
            }
            if name == "max" {
                t.amax(dims, keepdims)?
            } else {
                t.amin(dims, keepdims)?
            }
        }
        "std" => var(&t.to_dtype(float_of(t.dtype()))?, dims, ddof, keepdims)?.sqrt()?,
        "var" => var(&t.to_dtype(float_of(t.dtype()))?, dims, ddof, keepdims)?,
        "all" => t.all(dims, keepdims)?,
        "any" => t.any(dims, keepdims)?,
        "argmax" | "argmin" => {
            let dim = match axes.as_deref() {
                None => None,
                Some([d]) => Some(*d),
                Some(_) => {
                    return Err(type_err(
                        "'tuple' object cannot be interpreted as an integer",
                    ))
                }
            };
            if t.numel() == 0 {
                return Err(value_err(format!(
                    "attempt to get {name} of an empty sequence"
                )));
            }
            if name == "argmax" {
                t.argmax(dim, keepdims)?
            } else {
                t.argmin(dim, keepdims)?
            }
        }
        _ => return Err(type_err(format!("unknown reduction {name}"))),
    };
    let _ = it;
    result(r)
}

/// NumPy's pairwise summation (8 running sums in blocks of up to 128, halves above), the
/// order its float `sum` adds in; `round` rounds each addition to the dtype (float32 sums
/// add in float32).
fn pairwise(v: &[f64], round: fn(f64) -> f64) -> f64 {
    let n = v.len();
    if n < 8 {
        return v.iter().fold(0.0, |acc, &x| round(acc + x));
    }
    if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&v[..8]);
        let mut i = 8;
        while i < n - n % 8 {
            for j in 0..8 {
                r[j] = round(r[j] + v[i + j]);
            }
            i += 8;
        }
        let add = |a: f64, b: f64| round(a + b);
        let mut res = add(
            add(add(r[0], r[1]), add(r[2], r[3])),
            add(add(r[4], r[5]), add(r[6], r[7])),
        );
        for &x in &v[i..] {
            res = round(res + x);
        }
        return res;
    }
    let mut n2 = n / 2;
    n2 -= n2 % 8;
    round(pairwise(&v[..n2], round) + pairwise(&v[n2..], round))
}

/// A float array's sum as NumPy adds it: pairwise along the last axis (or all of a
/// contiguous array), one row after another along any other axis.
fn float_sum(t: &Tensor, dims: Option<&[i64]>, keepdims: bool) -> R<Tensor> {
    let round: fn(f64) -> f64 = if t.dtype() == DType::F64 {
        |x| x
    } else {
        |x| x as f32 as f64
    };
    let shape = t.shape().to_vec();
    let values = t.contiguous()?.to_vec::<f64>()?;
    let ndim = shape.len() as i64;
    let axis = match dims {
        None => None,
        Some([d]) => Some(if *d < 0 { d + ndim } else { *d }),
        Some(_) => return Ok(t.sum(dims, keepdims, None)?),
    };
    let Some(k) = axis.filter(|&k| ndim > 0 && (0..ndim).contains(&k)) else {
        if axis.is_some() {
            return Ok(t.sum(dims, keepdims, None)?);
        }
        let s = 0.0 + pairwise(&values, round);
        let out_shape: Vec<usize> = if keepdims {
            vec![1; shape.len()]
        } else {
            vec![]
        };
        return Ok(Tensor::from_slice(&[s], &out_shape)?.to_dtype(t.dtype())?);
    };
    let k = k as usize;
    let outer: usize = shape[..k].iter().product();
    let len = shape[k];
    let inner: usize = shape[k + 1..].iter().product();
    let mut out = vec![0.0; outer * inner];
    for o in 0..outer {
        let base = o * len * inner;
        if inner == 1 {
            out[o] = 0.0 + pairwise(&values[base..base + len], round);
        } else {
            for j in 0..len {
                for i in 0..inner {
                    let acc = &mut out[o * inner + i];
                    *acc = round(*acc + values[base + j * inner + i]);
                }
            }
        }
    }
    let mut out_shape = shape.clone();
    if keepdims {
        out_shape[k] = 1;
    } else {
        out_shape.remove(k);
    }
    Ok(Tensor::from_slice(&out, &out_shape)?.to_dtype(t.dtype())?)
}

/// The number of elements a reduction over `dims` takes each result from.
fn count(t: &Tensor, dims: Option<&[i64]>) -> usize {
    match dims {
        None => t.numel(),
        Some(ds) => ds
            .iter()
            .map(|&d| {
                let d = if d < 0 { d + t.dim() as i64 } else { d };
                t.shape().get(d as usize).copied().unwrap_or(1)
            })
            .product(),
    }
}

/// Each element of a float tensor divided by `n`, correctly rounded in its dtype.
fn divided(t: &Tensor, n: f64) -> R<Tensor> {
    let f32 = t.dtype() != DType::F64;
    let v: Vec<f64> = t
        .to_vec::<f64>()?
        .into_iter()
        .map(|x| {
            if f32 {
                (x as f32 / n as f32) as f64
            } else {
                x / n
            }
        })
        .collect();
    Ok(Tensor::from_slice(&v, t.shape())?.to_dtype(t.dtype())?)
}

/// NumPy's mean: the pairwise sum divided by the count.
fn mean(t: &Tensor, dims: Option<&[i64]>, keepdims: bool) -> R<Tensor> {
    divided(&float_sum(t, dims, keepdims)?, count(t, dims) as f64)
}

/// NumPy's var: the mean of the squared deviations from the mean, over n - ddof.
fn var(t: &Tensor, dims: Option<&[i64]>, ddof: f64, keepdims: bool) -> R<Tensor> {
    let m = mean(t, dims, true)?;
    let x = t.sub(&m)?;
    let x = x.mul(&x)?;
    let n = (count(t, dims) as f64 - ddof).max(0.0);
    divided(&float_sum(&x, dims, keepdims)?, n)
}

/// NumPy sums bools and small ints in int64 (and uint8 in uint64, which nabla lacks: int64).
fn sum_dtype(d: DType) -> Option<DType> {
    match d {
        DType::Bool | DType::U8 | DType::I8 | DType::I16 | DType::I32 => Some(DType::I64),
        _ => None,
    }
}

/// A reduction method: `a.sum(axis=None, keepdims=False)`.
fn reduce_method(it: &mut Interp, a: &mut Args, name: &str) -> R<Value> {
    let arr = this(a)?;
    reduce_args(it, a, name, &arr.t)
}

/// A reduction's arguments after the array (`axis`, `ddof=`, `keepdims=`), then `reduce`.
pub fn reduce_args(it: &mut Interp, a: &mut Args, name: &str, t: &Tensor) -> R<Value> {
    let axis = a.opt(1, "axis");
    let ddof = a
        .kw("ddof")
        .map(|v| to_float(&v, "ddof"))
        .transpose()?
        .unwrap_or(0.0);
    let keepdims = a
        .kw("keepdims")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    reduce(it, name, t, axis, keepdims, ddof)
}

/// A shape given as separate ints or one tuple: `reshape(2, 3)`, `reshape((2, 3))`.
pub fn shape_args(rest: &[Value]) -> R<Vec<i64>> {
    match rest {
        [one @ (Value::Tuple(_) | Value::List(_))] => match one {
            Value::Tuple(t) => t.iter().map(|v| to_int(v, "shape")).collect(),
            Value::List(l) => l.borrow().iter().map(|v| to_int(v, "shape")).collect(),
            _ => Ok(Vec::new()),
        },
        _ => rest.iter().map(|v| to_int(v, "shape")).collect(),
    }
}

/// `a.astype(d)`, `a.copy()`: a new array.
fn astype(a: &mut Args) -> R<Value> {
    let arr = this(a)?;
    let d = dtype_arg(&a.req(1, "dtype")?)?;
    Ok(wrap(arr.t.to_dtype(d)?.clone_data()?))
}

table! { ARRAY_METHODS:
    "__add__", "__add__(other)", "self + other." => |it, a| binop(it, a, BinOp::Add, false);
    "__radd__", "__radd__(other)", "other + self." => |it, a| binop(it, a, BinOp::Add, true);
    "__sub__", "__sub__(other)", "self - other." => |it, a| binop(it, a, BinOp::Sub, false);
    "__rsub__", "__rsub__(other)", "other - self." => |it, a| binop(it, a, BinOp::Sub, true);
    "__mul__", "__mul__(other)", "self * other." => |it, a| binop(it, a, BinOp::Mul, false);
    "__rmul__", "__rmul__(other)", "other * self." => |it, a| binop(it, a, BinOp::Mul, true);
    "__truediv__", "__truediv__(other)", "self / other." => |it, a| binop(it, a, BinOp::Div, false);
    "__rtruediv__", "__rtruediv__(other)", "other / self." => |it, a| binop(it, a, BinOp::Div, true);
    "__floordiv__", "__floordiv__(other)", "self // other." => |it, a| binop(it, a, BinOp::FloorDiv, false);
    "__rfloordiv__", "__rfloordiv__(other)", "other // self." => |it, a| binop(it, a, BinOp::FloorDiv, true);
    "__mod__", "__mod__(other)", "self % other." => |it, a| binop(it, a, BinOp::Mod, false);
    "__rmod__", "__rmod__(other)", "other % self." => |it, a| binop(it, a, BinOp::Mod, true);
    "__pow__", "__pow__(other)", "self ** other." => |it, a| binop(it, a, BinOp::Pow, false);
    "__rpow__", "__rpow__(other)", "other ** self." => |it, a| binop(it, a, BinOp::Pow, true);
    "__matmul__", "__matmul__(other)", "self @ other." => |it, a| binop(it, a, BinOp::MatMul, false);
    "__rmatmul__", "__rmatmul__(other)", "other @ self." => |it, a| binop(it, a, BinOp::MatMul, true);
    "__and__", "__and__(other)", "self & other." => |it, a| binop(it, a, BinOp::BitAnd, false);
    "__or__", "__or__(other)", "self | other." => |it, a| binop(it, a, BinOp::BitOr, false);
    "__iadd__", "__iadd__(other)", "self += other, in place." => |it, a| inplace(it, a, BinOp::Add);
    "__isub__", "__isub__(other)", "self -= other, in place." => |it, a| inplace(it, a, BinOp::Sub);
    "__imul__", "__imul__(other)", "self *= other, in place." => |it, a| inplace(it, a, BinOp::Mul);
    "__itruediv__", "__itruediv__(other)", "self /= other, in place." => |it, a| inplace(it, a, BinOp::Div);
    "__ipow__", "__ipow__(other)", "self **= other, in place." => |it, a| inplace(it, a, BinOp::Pow);
    "__eq__", "__eq__(other)", "self == other, elementwise." => |it, a| cmp(it, a, CmpOp::Eq);
    "__ne__", "__ne__(other)", "self != other, elementwise." => |it, a| cmp(it, a, CmpOp::Ne);
    "__lt__", "__lt__(other)", "self < other, elementwise." => |it, a| cmp(it, a, CmpOp::Lt);
    "__le__", "__le__(other)", "self <= other, elementwise." => |it, a| cmp(it, a, CmpOp::Le);
    "__gt__", "__gt__(other)", "self > other, elementwise." => |it, a| cmp(it, a, CmpOp::Gt);
    "__ge__", "__ge__(other)", "self >= other, elementwise." => |it, a| cmp(it, a, CmpOp::Ge);
    "__neg__", "__neg__()", "-self." => |_, a| {
        let arr = this(a)?;
        result(if arr.t.dtype() == DType::Bool {
            return Err(type_err("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."));
        } else {
            arr.t.neg()?
        })
    };
    "__pos__", "__pos__()", "+self." => |_, a| result(this(a)?.t.clone_data()?);
    "__invert__", "__invert__()", "~self." => |_, a| result(this(a)?.t.bitwise_not()?);
    "__abs__", "__abs__()", "abs(self)." => |_, a| result(this(a)?.t.abs()?);
    "__len__", "__len__()", "The length of the first axis." => |_, a| {
        let arr = this(a)?;
        match arr.t.shape().first() {
            Some(&n) => Ok(Value::Int(n as i64)),
            None => Err(type_err("len() of unsized object")),
        }
    };
    "__bool__", "__bool__()", "The truth of a one-element array." => |_, a| {
        let arr = this(a)?;
        if arr.t.numel() != 1 {
            return Err(value_err("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"));
        }
        Ok(Value::Bool(arr.t.item()?.is_nonzero()))
    };
    "__getitem__", "__getitem__(index)", "a[index]: a view for ints and slices, a copy for index arrays and masks." => |it, a| {
        let arr = this(a)?;
        let index = index_value(&a.req(1, "index")?);
        let (t, index) = negative_steps(it, &arr.t, &index)?;
        result(it.tensor_index(&t, &index)?)
    };
    "__setitem__", "__setitem__(index, value)", "a[index] = value, in place." => |it, a| {
        let arr = this(a)?;
        let index = index_value(&a.req(1, "index")?);
        let v = index_value(&a.req(2, "value")?);
        it.tensor_setitem(&arr.t, &index, &v)?;
        Ok(Value::None)
    };
    "__iter__", "__iter__()", "The rows (or, for 1-D, the numbers) of the array." => |_, a| {
        let arr = this(a)?;
        if arr.t.dim() == 0 {
            return Err(type_err("iteration over a 0-d array"));
        }
        let n = arr.t.shape()[0];
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            items.push(result(arr.t.select(0, i as i64)?)?);
        }
        Ok(Value::list(items))
    };
    "astype", "astype(dtype)", "A copy as dtype." => |_, a| astype(a);
    "copy", "copy()", "A copy of the array." => |_, a| Ok(wrap(this(a)?.t.clone_data()?));
    "reshape", "reshape(*shape)", "The same data in a new shape (a view when it can be)." => |_, a| {
        let arr = this(a)?;
        let shape = shape_args(&a.rest(1))?;
        Ok(wrap(arr.t.reshape(&shape)?))
    };
    "transpose", "transpose(*axes)", "The axes reversed (or in the given order): a view." => |_, a| {
        let arr = this(a)?;
        let mut axes = shape_args(&a.rest(1))?;
        if axes.is_empty() {
            axes = (0..arr.t.dim() as i64).rev().collect();
        }
        Ok(wrap(arr.t.permute(&axes)?))
    };
    "flatten", "flatten()", "A 1-D copy." => |_, a| Ok(wrap(this(a)?.t.clone_data()?.reshape(&[-1])?));
    "ravel", "ravel()", "The data as 1-D (a view when it can be)." => |_, a| Ok(wrap(this(a)?.t.reshape(&[-1])?));
    "squeeze", "squeeze()", "Without its length-1 axes." => |_, a| Ok(wrap(this(a)?.t.squeeze(None)?));
    "tolist", "tolist()", "The data as nested Python lists." => |_, a| {
        let arr = this(a)?;
        Ok(crate::eval::lang::tensor_access::nested_value(arr.t.tolist()?))
    };
    "item", "item()", "The one element as a Python number." => |_, a| {
        let arr = this(a)?;
        if arr.t.numel() != 1 {
            return Err(value_err("can only convert an array of size 1 to a Python scalar"));
        }
        super::scalar_of(&arr.t.reshape(&[])?)
    };
    "fill", "fill(value)", "Sets every element to value, in place." => |_, a| {
        let arr = this(a)?;
        let v = to_float(&a.req(1, "value")?, "value")?;
        arr.t.copy_(&Tensor::scalar(v)?)?;
        Ok(Value::None)
    };
    "dot", "dot(b)", "The dot product (matrix product for 2-D)." => |it, a| {
        let me = a.req(0, "self")?;
        let b = a.req(1, "b")?;
        super::funcs::dot(it, &me, &b)
    };
    "sum", "sum(axis=None, keepdims=False)", "The sum (over axis)." => |it, a| reduce_method(it, a, "sum");
    "prod", "prod(axis=None, keepdims=False)", "The product (over axis)." => |it, a| reduce_method(it, a, "prod");
    "mean", "mean(axis=None, keepdims=False)", "The mean (over axis), in float64 for ints." => |it, a| reduce_method(it, a, "mean");
    "max", "max(axis=None, keepdims=False)", "The largest element (over axis)." => |it, a| reduce_method(it, a, "max");
    "min", "min(axis=None, keepdims=False)", "The smallest element (over axis)." => |it, a| reduce_method(it, a, "min");
    "std", "std(axis=None, ddof=0, keepdims=False)", "The standard deviation (ddof=0: divided by n)." => |it, a| reduce_method(it, a, "std");
    "var", "var(axis=None, ddof=0, keepdims=False)", "The variance (ddof=0: divided by n)." => |it, a| reduce_method(it, a, "var");
    "all", "all(axis=None, keepdims=False)", "Whether every element is true." => |it, a| reduce_method(it, a, "all");
    "any", "any(axis=None, keepdims=False)", "Whether any element is true." => |it, a| reduce_method(it, a, "any");
    "argmax", "argmax(axis=None)", "The index of the largest element (in the flattened array without axis)." => |it, a| reduce_method(it, a, "argmax");
    "argmin", "argmin(axis=None)", "The index of the smallest element." => |it, a| reduce_method(it, a, "argmin");
}

table! { DTYPE_METHODS:
    "__call__", "__call__(x=0)", "np.float32(x): x as a NumPy scalar of this type (an array for a list or array)." => |_, a| {
        let me = a.req(0, "self")?;
        let Some(d) = me.native::<NpDType>().filter(|d| d.scalar_type) else {
            return Err(type_err("'numpy.dtype' object is not callable (np.float32 and the other scalar types are)"));
        };
        let x = a.opt(1, "x").unwrap_or(Value::Int(0));
        if let Value::Str(s) = &x {
            let f: f64 = s.trim().parse().map_err(|_| value_err(format!("could not convert string to {}: '{s}'", super::format::dtype_name(d.dtype))))?;
            return Ok(super::scalar(Tensor::scalar(f)?.to_dtype(d.dtype)?));
        }
        let t = super::new_array(&x, Some(d.dtype))?;
        if t.dim() == 0 { Ok(super::scalar(t)) } else { Ok(wrap(t)) }
    };
    "__eq__", "__eq__(other)", "Whether two dtypes are the same (np.float32, 'float32' and float name them)." => |_, a| {
        let me = a.req(0, "self")?;
        let other = a.req(1, "other")?;
        let Some(d) = me.native::<NpDType>() else { return Ok(Value::Bool(false)) };
        Ok(Value::Bool(dtype_arg(&other).is_ok_and(|o| o == d.dtype)))
    };
    "__ne__", "__ne__(other)", "Whether two dtypes differ." => |_, a| {
        let me = a.req(0, "self")?;
        let other = a.req(1, "other")?;
        let Some(d) = me.native::<NpDType>() else { return Ok(Value::Bool(true)) };
        Ok(Value::Bool(!dtype_arg(&other).is_ok_and(|o| o == d.dtype)))
    };
}

table! { TYPE_METHODS:
    "__eq__", "__eq__(other)", "Whether other is np.ndarray too." => |_, a| {
        Ok(Value::Bool(a.req(1, "other")?.native::<super::ArrayType>().is_some()))
    };
    "__ne__", "__ne__(other)", "Whether other is not np.ndarray." => |_, a| {
        Ok(Value::Bool(a.req(1, "other")?.native::<super::ArrayType>().is_none()))
    };
}

/// The promoted dtype of several arrays (for joins).
pub fn common_dtype(ts: &[Tensor]) -> DType {
    ts.iter()
        .map(|t| t.dtype())
        .reduce(promote)
        .unwrap_or(DType::F64)
}
