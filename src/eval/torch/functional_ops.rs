//! Engine II in torch.nn.functional: softmax, one_hot, pad, convolution, pooling,
//! interpolate, unfold and fold, with PyTorch's argument names and defaults.

use super::engine_ops::flag;
use super::*;
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::tensor::{ConvOpts, Padding, PoolOpts};
use crate::Tensor;

/// An int or a tuple of `n` ints (kernel sizes, strides …), as `n` values.
fn tuple_n(v: &Value, what: &str, n: usize) -> R<Vec<usize>> {
    let vals: Vec<i64> = match v {
        Value::Int(i) => vec![*i; n],
        other => ints(other, what)?,
    };
    let vals = if vals.len() == 1 {
        vec![vals[0]; n]
    } else {
        vals
    };
    if vals.len() != n || vals.iter().any(|&x| x < 0) {
        return Err(type_err(format!(
            "{what} must be an int or a tuple of {n} non-negative ints"
        )));
    }
    Ok(vals.into_iter().map(|x| x as usize).collect())
}

fn pair(v: &Value, what: &str) -> R<[usize; 2]> {
    let v = tuple_n(v, what, 2)?;
    Ok([v[0], v[1]])
}

fn opt_pair(a: &mut Args, i: usize, name: &str, default: [usize; 2]) -> R<[usize; 2]> {
    match a.opt(i, name) {
        Some(v) => pair(&v, name),
        None => Ok(default),
    }
}

/// A 1-D option as the width of a 2-D one (height 1 or 0 as given).
fn one(a: &mut Args, i: usize, name: &str, default: usize) -> R<usize> {
    match a.opt(i, name) {
        Some(v) => Ok(tuple_n(&v, name, 1)?[0]),
        None => Ok(default),
    }
}

fn padding_arg(a: &mut Args, i: usize, n: usize) -> R<Padding> {
    Ok(match a.opt(i, "padding") {
        None => Padding::Explicit([0, 0]),
        Some(Value::Str(s)) if &*s == "same" => Padding::Same,
        Some(Value::Str(s)) if &*s == "valid" => Padding::Valid,
        Some(Value::Str(s)) => {
            return Err(crate::eval::lang::exc::value_err(format!(
                "Invalid padding string '{s}', should be one of ['valid', 'same']"
            )))
        }
        Some(v) => {
            let p = tuple_n(&v, "padding", n)?;
            Padding::Explicit(if n == 1 { [p[0], 0] } else { [p[0], p[1]] })
        }
    })
}

fn weight_bias(a: &mut Args) -> R<(Tensor, Option<Tensor>)> {
    let w = tensor(
        &a.req(1, "weight")?,
        &format!("{}(): argument 'weight'", a.fname),
    )?;
    let b = a.opt(2, "bias").map(|v| tensor(&v, "bias")).transpose()?;
    Ok((w, b))
}

fn pool_opts(a: &mut Args, dims: usize) -> R<PoolOpts> {
    let k = tuple_n(&a.req(1, "kernel_size")?, "kernel_size", dims)?;
    let kernel = if dims == 1 { [1, k[0]] } else { [k[0], k[1]] };
    let stride = match a.opt(2, "stride") {
        None => kernel,
        Some(Value::List(l)) if l.borrow().is_empty() => kernel,
        Some(v) => {
            let s = tuple_n(&v, "stride", dims)?;
            if dims == 1 {
                [1, s[0]]
            } else {
                [s[0], s[1]]
            }
        }
    };
    let pad = match a.opt(3, "padding") {
        None => [0, 0],
        Some(v) => {
            let p = tuple_n(&v, "padding", dims)?;
            if dims == 1 {
                [0, p[0]]
            } else {
                [p[0], p[1]]
            }
        }
    };
    Ok(PoolOpts {
        kernel,
        stride,
        padding: pad,
        dilation: [1, 1],
        ceil_mode: false,
    })
}

fn max_pool(it: &mut Interp, a: &mut Args, dims: usize) -> R<Value> {
    let x = input(a)?;
    let mut o = pool_opts(a, dims)?;
    if let Some(d) = a.opt(4, "dilation") {
        let d = tuple_n(&d, "dilation", dims)?;
        o.dilation = if dims == 1 { [1, d[0]] } else { [d[0], d[1]] };
    }
    o.ceil_mode = flag(it, a, 5, "ceil_mode", false)?;
    let ri = flag(it, a, 6, "return_indices", false)?;
    let x2 = if dims == 1 { x.unsqueeze(-2)? } else { x };
    let (v, i) = x2.max_pool2d(&o)?;
    let (v, i) = if dims == 1 {
        (v.squeeze(Some(&[-2]))?, i.squeeze(Some(&[-2]))?)
    } else {
        (v, i)
    };
    Ok(if ri {
        Value::tuple(vec![Value::Tensor(v), Value::Tensor(i)])
    } else {
        Value::Tensor(v)
    })
}

fn avg_pool(it: &mut Interp, a: &mut Args, dims: usize) -> R<Value> {
    let x = input(a)?;
    let mut o = pool_opts(a, dims)?;
    o.ceil_mode = flag(it, a, 4, "ceil_mode", false)?;
    let cip = flag(it, a, 5, "count_include_pad", true)?;
    let div = if dims == 2 {
        opt_int(a, 6, "divisor_override")?.map(|d| d.max(0) as usize)
    } else {
        None
    };
    let x2 = if dims == 1 { x.unsqueeze(-2)? } else { x };
    let v = x2.avg_pool2d(&o, cip, div)?;
    Ok(Value::Tensor(if dims == 1 {
        v.squeeze(Some(&[-2]))?
    } else {
        v
    }))
}

/// An adaptive pool's output size: an int, or a tuple whose entries may be None.
fn out_sizes(v: &Value, dims: usize) -> R<[Option<usize>; 2]> {
    let one = |v: &Value| -> R<Option<usize>> {
        match v {
            Value::None => Ok(None),
            v => Ok(Some(to_int(v, "output_size")?.max(0) as usize)),
        }
    };
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        other => vec![other.clone(); dims],
    };
    let items = if items.len() == 1 {
        vec![items[0].clone(); dims]
    } else {
        items
    };
    if items.len() != dims {
        return Err(type_err(format!(
            "output_size must be an int or a tuple of {dims} ints"
        )));
    }
    Ok(if dims == 1 {
        [Some(1), one(&items[0])?]
    } else {
        [one(&items[0])?, one(&items[1])?]
    })
}

fn adaptive(a: &mut Args, dims: usize, max: bool, it: &mut Interp) -> R<Value> {
    let x = input(a)?;
    let size = out_sizes(&a.req(1, "output_size")?, dims)?;
    let ri = max && flag(it, a, 2, "return_indices", false)?;
    let x2 = if dims == 1 { x.unsqueeze(-2)? } else { x };
    let squeeze = |t: Tensor| {
        if dims == 1 {
            t.squeeze(Some(&[-2]))
        } else {
            Ok(t)
        }
    };
    if max {
        let (v, i) = x2.adaptive_max_pool2d(size)?;
        let (v, i) = (squeeze(v)?, squeeze(i)?);
        return Ok(if ri {
            Value::tuple(vec![Value::Tensor(v), Value::Tensor(i)])
        } else {
            Value::Tensor(v)
        });
    }
    Ok(Value::Tensor(squeeze(x2.adaptive_avg_pool2d(size)?)?))
}

table! { FUNCTIONAL_ENGINE:
    "softmax", "softmax(input, dim=None, dtype=None)", "exp(x) / sum(exp(x)) along dim, computed stably." => |_, a| {
        let x = input(a)?;
        let d = softmax_dim(a, &x)?;
        a.opt(2, "_stacklevel");
        let dt = a.opt(3, "dtype").map(|v| dtype_of(&v)).transpose()?;
        Ok(Value::Tensor(x.softmax(d, dt)?))
    };
    "log_softmax", "log_softmax(input, dim=None, dtype=None)", "log(softmax(x)) along dim, computed stably." => |_, a| {
        let x = input(a)?;
        let d = softmax_dim(a, &x)?;
        a.opt(2, "_stacklevel");
        let dt = a.opt(3, "dtype").map(|v| dtype_of(&v)).transpose()?;
        Ok(Value::Tensor(x.log_softmax(d, dt)?))
    };
    "one_hot", "one_hot(tensor, num_classes=-1)", "Each class index as a row of zeros with a one (int64)." => |_, a| {
        let x = tensor(&a.req(0, "tensor")?, "one_hot(): argument 'tensor'")?;
        let n = opt_int(a, 1, "num_classes")?.unwrap_or(-1);
        Ok(Value::Tensor(x.one_hot(n)?))
    };
    "pad", "pad(input, pad, mode='constant', value=None)", "Pads the last dimensions: pad lists (left, right) pairs from the last dimension backwards." => |_, a| {
        let x = input(a)?;
        let p = ints(&a.req(1, "pad")?, "pad")?;
        let mode = a.opt(2, "mode").map(|v| to_str(&v, "mode")).transpose()?;
        let value = a.opt(3, "value").map(|v| to_float(&v, "value")).transpose()?.unwrap_or(0.0);
        Ok(Value::Tensor(x.pad(&p, mode.as_deref().unwrap_or("constant"), value)?))
    };
    "conv1d", "conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)", "1-D convolution (cross-correlation) over N×C×L input." => |_, a| {
        let x = input(a)?;
        let (w, b) = weight_bias(a)?;
        let s = one(a, 3, "stride", 1)?;
        let p = padding_arg(a, 4, 1)?;
        let d = one(a, 5, "dilation", 1)?;
        let g = opt_int(a, 6, "groups")?.unwrap_or(1).max(1) as usize;
        Ok(Value::Tensor(x.conv1d(&w, b.as_ref(), s, p, d, g)?))
    };
    "conv2d", "conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)", "2-D convolution (cross-correlation) over N×C×H×W input." => |_, a| {
        let x = input(a)?;
        let (w, b) = weight_bias(a)?;
        let stride = opt_pair(a, 3, "stride", [1, 1])?;
        let padding = padding_arg(a, 4, 2)?;
        let dilation = opt_pair(a, 5, "dilation", [1, 1])?;
        let groups = opt_int(a, 6, "groups")?.unwrap_or(1).max(1) as usize;
        Ok(Value::Tensor(x.conv2d(&w, b.as_ref(), &ConvOpts { stride, padding, dilation, groups })?))
    };
    "conv_transpose1d", "conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)", "The transpose (gradient) of conv1d: upsamples N×C×L input." => |_, a| {
        let x = input(a)?;
        let (w, b) = weight_bias(a)?;
        let s = one(a, 3, "stride", 1)?;
        let p = one(a, 4, "padding", 0)?;
        let op = one(a, 5, "output_padding", 0)?;
        let g = opt_int(a, 6, "groups")?.unwrap_or(1).max(1) as usize;
        let d = one(a, 7, "dilation", 1)?;
        let r = x.unsqueeze(-2)?.conv_transpose2d(&w.unsqueeze(2)?, b.as_ref(), [1, s], [0, p], [0, op], g, [1, d])?;
        Ok(Value::Tensor(r.squeeze(Some(&[-2]))?))
    };
    "conv_transpose2d", "conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)", "The transpose (gradient) of conv2d: upsamples N×C×H×W input." => |_, a| {
        let x = input(a)?;
        let (w, b) = weight_bias(a)?;
        let s = opt_pair(a, 3, "stride", [1, 1])?;
        let p = opt_pair(a, 4, "padding", [0, 0])?;
        let op = opt_pair(a, 5, "output_padding", [0, 0])?;
        let g = opt_int(a, 6, "groups")?.unwrap_or(1).max(1) as usize;
        let d = opt_pair(a, 7, "dilation", [1, 1])?;
        Ok(Value::Tensor(x.conv_transpose2d(&w, b.as_ref(), s, p, op, g, d)?))
    };
    "max_pool1d", "max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)", "The maximum of each window along the last dimension." => |it, a| max_pool(it, a, 1);
    "max_pool2d", "max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)", "The maximum of each kernel_size window (stride defaults to kernel_size)." => |it, a| max_pool(it, a, 2);
    "avg_pool1d", "avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)", "The mean of each window along the last dimension." => |it, a| avg_pool(it, a, 1);
    "avg_pool2d", "avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)", "The mean of each kernel_size window." => |it, a| avg_pool(it, a, 2);
    "adaptive_avg_pool1d", "adaptive_avg_pool1d(input, output_size)", "Means over windows chosen to give output_size positions." => |it, a| adaptive(a, 1, false, it);
    "adaptive_avg_pool2d", "adaptive_avg_pool2d(input, output_size)", "Means over windows chosen to give an output_size image." => |it, a| adaptive(a, 2, false, it);
    "adaptive_max_pool1d", "adaptive_max_pool1d(input, output_size, return_indices=False)", "Maxima over windows chosen to give output_size positions." => |it, a| adaptive(a, 1, true, it);
    "adaptive_max_pool2d", "adaptive_max_pool2d(input, output_size, return_indices=False)", "Maxima over windows chosen to give an output_size image." => |it, a| adaptive(a, 2, true, it);
    "interpolate", "interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None)", "Resized to size (or by scale_factor) with nearest, linear or bilinear interpolation." => |it, a| {
        let x = input(a)?;
        let n = x.dim().saturating_sub(2).max(1);
        let size = a.opt(1, "size").map(|v| tuple_n(&v, "size", n)).transpose()?;
        let scale = match a.opt(2, "scale_factor") {
            None => None,
            Some(Value::Tuple(t)) => Some(t.iter().map(|v| to_float(v, "scale_factor")).collect::<R<Vec<f64>>>()?),
            Some(v) => Some(vec![to_float(&v, "scale_factor")?]),
        };
        let mode = a.opt(3, "mode").map(|v| to_str(&v, "mode")).transpose()?;
        let ac = match a.opt(4, "align_corners") { Some(v) => Some(it.truthy(&v)?), None => None };
        a.kw("recompute_scale_factor");
        a.kw("antialias");
        Ok(Value::Tensor(x.interpolate(size.as_deref(), scale.as_deref(), mode.as_deref().unwrap_or("nearest"), ac)?))
    };
    "unfold", "unfold(input, kernel_size, dilation=1, padding=0, stride=1)", "Sliding blocks as columns: N×(C·kh·kw)×L (im2col)." => |_, a| {
        let x = input(a)?;
        let k = pair(&a.req(1, "kernel_size")?, "kernel_size")?;
        let d = opt_pair(a, 2, "dilation", [1, 1])?;
        let p = opt_pair(a, 3, "padding", [0, 0])?;
        let s = opt_pair(a, 4, "stride", [1, 1])?;
        Ok(Value::Tensor(x.unfold_im2col(k, d, p, s)?))
    };
    "fold", "fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)", "Columns summed back into an image (col2im), the inverse arrangement of unfold." => |_, a| {
        let x = input(a)?;
        let o = pair(&a.req(1, "output_size")?, "output_size")?;
        let k = pair(&a.req(2, "kernel_size")?, "kernel_size")?;
        let d = opt_pair(a, 3, "dilation", [1, 1])?;
        let p = opt_pair(a, 4, "padding", [0, 0])?;
        let s = opt_pair(a, 5, "stride", [1, 1])?;
        Ok(Value::Tensor(x.fold_col2im(o, k, d, p, s)?))
    };
}

/// F.softmax's dim; without one, PyTorch's legacy choice (0 for 0-, 1- and 3-D input, else 1).
fn softmax_dim(a: &mut Args, x: &Tensor) -> R<i64> {
    match a.opt(1, "dim") {
        Some(v) => to_int(&v, "dim"),
        None => Ok(if matches!(x.dim(), 0 | 1 | 3) { 0 } else { 1 }),
    }
}
