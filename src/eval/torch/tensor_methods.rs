//! Tensor methods (`x.view(2, 3)`, `x.add_(1)` …) and torch.nn.functional.

use super::generators::{gen_kw, with_gen};
use super::*;
use crate::eval::lang::builtins::{table, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::ops::scalar_value;
use crate::eval::lang::value::*;
use crate::{Arg, Device, Tensor};
use std::collections::HashMap;
use std::sync::OnceLock;

fn to_impl(_: &mut Interp, a: &mut Args) -> R<Value> {
    let t = input(a)?;
    let mut dtype = opt_dtype(a)?;
    let mut device = a
        .kw("device")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| device_of(&v))
        .transpose()?;
    a.kw("copy");
    a.kw("non_blocking");
    for v in a.rest(1) {
        match &v {
            Value::DType(d) => dtype = Some(*d),
            Value::Str(_) | Value::Device(_) => device = Some(device_of(&v)?),
            Value::Tensor(o) => {
                dtype = Some(o.dtype());
                device = Some(o.device());
            }
            other => {
                return Err(type_err(format!(
                    "to() received an invalid combination of arguments: {}",
                    other.type_name()
                )))
            }
        }
    }
    let mut r = t;
    if let Some(d) = device {
        r = r.to_device(d)?;
    }
    if let Some(d) = dtype {
        r = r.to_dtype(d)?;
    }
    Ok(Value::Tensor(r))
}

table! { TENSOR_METHODS:
    "size", "Tensor.size(dim=None)", "The shape (a torch.Size), or the size of one dimension." => |_, a| {
        let t = input(a)?;
        match opt_int(a, 1, "dim")? {
            Some(d) => Ok(Value::Int(t.shape()[crate::tensor::wrap_dim(a.fname, d, t.dim())?] as i64)),
            None => Ok(Value::Size(t.shape().iter().map(|&i| i as i64).collect())),
        }
    };
    "dim", "Tensor.dim()", "The number of dimensions." => |_, a| Ok(Value::Int(input(a)?.dim() as i64));
    "ndimension", "Tensor.ndimension()", "The number of dimensions." => |_, a| Ok(Value::Int(input(a)?.dim() as i64));
    "nelement", "Tensor.nelement()", "The number of elements." => |_, a| Ok(Value::Int(input(a)?.numel() as i64));
    "element_size", "Tensor.element_size()", "Bytes per element." => |_, a| Ok(Value::Int(input(a)?.element_size() as i64));
    "stride", "Tensor.stride(dim=None)", "The strides, or the stride of one dimension." => |_, a| {
        let t = input(a)?;
        let st = t.stride();
        match opt_int(a, 1, "dim")? {
            Some(d) => Ok(Value::Int(st[crate::tensor::wrap_dim(a.fname, d, t.dim())?] as i64)),
            None => Ok(Value::tuple(st.iter().map(|&s| Value::Int(s as i64)).collect())),
        }
    };
    "storage_offset", "Tensor.storage_offset()", "Where the first element sits in the storage." => |_, a| Ok(Value::Int(input(a)?.storage_offset() as i64));
    "is_contiguous", "Tensor.is_contiguous()", "True if the elements are laid out in row-major order without gaps." => |_, a| Ok(Value::Bool(input(a)?.is_contiguous()));
    "contiguous", "Tensor.contiguous()", "The tensor itself if contiguous, else a contiguous copy." => |_, a| un(a, Tensor::contiguous);
    "item", "Tensor.item()", "The value of a one-element tensor as a Python number." => |_, a| {
        let t = input(a)?;
        Ok(scalar_value(t.item()?))
    };
    "tolist", "Tensor.tolist()", "The data as (nested) Python lists." => |_, a| Ok(nested_value(input(a)?.tolist()?));
    "float", "Tensor.float()", "Converted to torch.float32." => |_, a| un(a, Tensor::float);
    "double", "Tensor.double()", "Converted to torch.float64." => |_, a| un(a, Tensor::double);
    "half", "Tensor.half()", "Converted to torch.float16." => |_, a| un(a, Tensor::half);
    "bfloat16", "Tensor.bfloat16()", "Converted to torch.bfloat16." => |_, a| un(a, Tensor::bfloat16);
    "long", "Tensor.long()", "Converted to torch.int64." => |_, a| un(a, Tensor::long);
    "int", "Tensor.int()", "Converted to torch.int32." => |_, a| un(a, Tensor::int);
    "short", "Tensor.short()", "Converted to torch.int16." => |_, a| un(a, Tensor::short);
    "char", "Tensor.char()", "Converted to torch.int8." => |_, a| un(a, Tensor::char);
    "byte", "Tensor.byte()", "Converted to torch.uint8." => |_, a| un(a, Tensor::byte);
    "bool", "Tensor.bool()", "Converted to torch.bool." => |_, a| un(a, Tensor::bool);
    "to", "Tensor.to(dtype=None, device=None) or Tensor.to(other)", "Converted to a dtype and/or moved to a device." => to_impl;
    "type", "Tensor.type(dtype=None)", "The type name ('torch.FloatTensor'), or a conversion to dtype." => |_, a| {
        let t = input(a)?;
        match a.opt(1, "dtype") {
            None => Ok(Value::str(&t.type_name())),
            Some(d) => Ok(Value::Tensor(t.to_dtype(dtype_of(&d)?)?)),
        }
    };
    "cpu", "Tensor.cpu()", "The tensor on the CPU." => |_, a| Ok(Value::Tensor(input(a)?.to_device(Device::Cpu)?));
    "cuda", "Tensor.cuda()", "The tensor on the GPU." => |_, a| Ok(Value::Tensor(input(a)?.to_device(Device::Cuda(0))?));
    "numpy", "Tensor.numpy()", "The tensor's data as a NumPy array sharing its memory (CPU, no grad)." => |_, a| crate::eval::numpy::from_tensor(&input(a)?);
    "view", "Tensor.view(*shape) or Tensor.view(dtype)", "The same data with a new shape; fails if the strides do not allow it." => |_, a| {
        let t = input(a)?;
        let s = shape_args(a, 1, "size")?;
        Ok(Value::Tensor(t.view(&s)?))
    };
    "view_as", "Tensor.view_as(other)", "A view with other's shape." => |_, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "view_as(): argument 'other'")?;
        let s: Vec<i64> = o.shape().iter().map(|&i| i as i64).collect();
        Ok(Value::Tensor(t.view(&s)?))
    };
    "reshape_as", "Tensor.reshape_as(other)", "Reshaped to other's shape." => |_, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "reshape_as(): argument 'other'")?;
        let s: Vec<i64> = o.shape().iter().map(|&i| i as i64).collect();
        Ok(Value::Tensor(t.reshape(&s)?))
    };
    "expand", "Tensor.expand(*sizes)", "A broadcast view (-1 keeps a size)." => |_, a| {
        let t = input(a)?;
        let s = shape_args(a, 1, "size")?;
        Ok(Value::Tensor(t.expand(&s)?))
    };
    "expand_as", "Tensor.expand_as(other)", "A broadcast view to other's shape." => |_, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "expand_as(): argument 'other'")?;
        Ok(Value::Tensor(t.expand_as(&o)?))
    };
    "fill_", "Tensor.fill_(value)", "Fills the tensor with value, in place." => |_, a| {
        let t = input(a)?;
        let v = a.req(1, "value")?;
        let s = match operand(&v, "fill_", "value")? { Arg::Scalar(s) => s, Arg::Tensor(x) => x.item()? };
        t.fill_(s)?;
        Ok(Value::Tensor(t))
    };
    "zero_", "Tensor.zero_()", "Fills the tensor with zeros, in place." => |_, a| un_inplace(a, |t| t.zero_().map(|_| ()));
    "copy_", "Tensor.copy_(src)", "Copies src (broadcast, converted) into the tensor, in place." => |_, a| {
        let t = input(a)?;
        let s = tensor_like(&a.req(1, "src")?, "copy_")?;
        t.copy_(&s)?;
        Ok(Value::Tensor(t))
    };
    "clamp_", "Tensor.clamp_(min=None, max=None)", "clamp, in place." => |_, a| {
        let t = input(a)?;
        let lo = clamp_bound(a.opt(1, "min"), "clamp_", "min")?;
        let hi = clamp_bound(a.opt(2, "max"), "clamp_", "max")?;
        t.clamp_(lo, hi)?;
        Ok(Value::Tensor(t))
    };
    "masked_fill_", "Tensor.masked_fill_(mask, value)", "masked_fill, in place." => |_, a| {
        let t = input(a)?;
        let m = tensor(&a.req(1, "mask")?, "masked_fill_(): argument 'mask'")?;
        let v = a.req(2, "value")?;
        let v = operand(&v, "masked_fill_", "value")?;
        t.masked_fill_(&m, v)?;
        Ok(Value::Tensor(t))
    };
    "uniform_", "Tensor.uniform_(from=0, to=1, *, generator=None)", "Fills with uniform random values in [from, to), in place." => |it, a| {
        let t = input(a)?;
        let lo = opt_float(a, 1, "from")?.unwrap_or(0.0);
        let hi = opt_float(a, 2, "to")?.unwrap_or(1.0);
        let g = gen_kw(a)?;
        let r = with_gen(it, &g, |g| t.drawn_in_memory_order(|s, _| Tensor::uniform(lo, hi, s, t.dtype(), g)))?;
        t.copy_(&r)?;
        Ok(Value::Tensor(t))
    };
    "normal_", "Tensor.normal_(mean=0, std=1, *, generator=None)", "Fills with normal random values, in place." => |it, a| {
        let t = input(a)?;
        let m = opt_float(a, 1, "mean")?.unwrap_or(0.0);
        let s = opt_float(a, 2, "std")?.unwrap_or(1.0);
        let g = gen_kw(a)?;
        let r = with_gen(it, &g, |g| t.drawn_in_memory_order(|shape, c| Tensor::normal_as(m, s, shape, t.dtype(), c, g)))?;
        t.copy_(&r)?;
        Ok(Value::Tensor(t))
    };
    "exponential_", "Tensor.exponential_(lambd=1, *, generator=None)", "Fills with exponentially distributed random values of rate lambd, in place." => |it, a| {
        let t = input(a)?;
        let l = opt_float(a, 1, "lambd")?.unwrap_or(1.0);
        let g = gen_kw(a)?;
        let r = with_gen(it, &g, |g| t.drawn_in_memory_order(|s, _| Tensor::exponential(l, s, t.dtype(), g)))?;
        t.copy_(&r)?;
        Ok(Value::Tensor(t))
    };
    "bernoulli_", "Tensor.bernoulli_(p=0.5, *, generator=None)", "Fills with 1 with probability p (a number, or a tensor of probabilities) and 0 otherwise, in place." => |it, a| {
        let t = input(a)?;
        let p = a.opt(1, "p").unwrap_or(Value::Float(0.5));
        let g = gen_kw(a)?;
        let r = match &p {
            Value::Tensor(p) => {
                let p = p.expand(&t.shape().iter().map(|&d| d as i64).collect::<Vec<_>>())?;
                with_gen(it, &g, |g| p.bernoulli(g))?
            }
            v => {
                let p = crate::eval::lang::builtins::to_float(v, "p")?;
                with_gen(it, &g, |g| Tensor::bernoulli_scalar(p, t.shape(), t.dtype(), g))?
            }
        };
        t.copy_(&r)?;
        Ok(Value::Tensor(t))
    };
    "random_", "Tensor.random_(from=0, to=None, *, generator=None)", "Fills with random integers: in [from, to), in [0, from) given one bound, or over the dtype's exact range given none; in place." => |it, a| {
        let t = input(a)?;
        let lo = opt_int(a, 1, "from")?;
        let hi = opt_int(a, 2, "to")?;
        let g = gen_kw(a)?;
        let r = match (lo, hi) {
            (None, None) => with_gen(it, &g, |g| Tensor::random_full(t.shape(), t.dtype(), g))?,
            (Some(h), None) => with_gen(it, &g, |g| Tensor::randint(0, h, t.shape(), t.dtype(), g))?,
            (l, Some(h)) => with_gen(it, &g, |g| Tensor::randint(l.unwrap_or(0), h, t.shape(), t.dtype(), g))?,
        };
        t.copy_(&r)?;
        Ok(Value::Tensor(t))
    };
    "multinomial", "Tensor.multinomial(num_samples, replacement=False, *, generator=None)", "Category indices drawn with the weights in each row (int64)." => |it, a| {
        let t = input(a)?;
        let n = opt_int(a, 1, "num_samples")?.ok_or_else(|| type_err("multinomial() missing required argument 'num_samples'"))?;
        let rep = match a.opt(2, "replacement") { Some(v) => it.truthy(&v)?, None => false };
        let g = gen_kw(a)?;
        if n <= 0 {
            return Err(err("RuntimeError", "cannot sample n_sample <= 0 samples"));
        }
        Ok(Value::Tensor(with_gen(it, &g, |g| t.multinomial(n as usize, rep, g))?))
    };
    "add_", "Tensor.add_(other, *, alpha=1)", "add, in place." => |_, a| {
        let t = input(a)?;
        let y = scaled(a)?;
        t.add_(y)?;
        Ok(Value::Tensor(t))
    };
    "sub_", "Tensor.sub_(other, *, alpha=1)", "sub, in place." => |_, a| {
        let t = input(a)?;
        let y = scaled(a)?;
        t.sub_(y)?;
        Ok(Value::Tensor(t))
    };
    "mul_", "Tensor.mul_(other)", "mul, in place." => |_, a| bin_inplace(a, |t, y| t.mul_(y).map(|_| ()));
    "div_", "Tensor.div_(other)", "div, in place." => |_, a| bin_inplace(a, |t, y| t.div_(y).map(|_| ()));
    "pow_", "Tensor.pow_(exponent)", "pow, in place." => |_, a| bin_inplace(a, |t, y| t.pow_(y).map(|_| ()));
    "floor_divide_", "Tensor.floor_divide_(other)", "floor_divide, in place." => |_, a| bin_inplace(a, |t, y| t.floor_divide_(y).map(|_| ()));
    "remainder_", "Tensor.remainder_(other)", "remainder, in place." => |_, a| bin_inplace(a, |t, y| t.remainder_(y).map(|_| ()));
    "fmod_", "Tensor.fmod_(other)", "fmod, in place." => |_, a| bin_inplace(a, |t, y| t.fmod_(y).map(|_| ()));
    "neg_", "Tensor.neg_()", "neg, in place." => |_, a| un_inplace(a, |t| t.neg_().map(|_| ()));
    "abs_", "Tensor.abs_()", "abs, in place." => |_, a| un_inplace(a, |t| t.abs_().map(|_| ()));
    "exp_", "Tensor.exp_()", "exp, in place." => |_, a| un_inplace(a, |t| t.exp_().map(|_| ()));
    "log_", "Tensor.log_()", "log, in place." => |_, a| un_inplace(a, |t| t.log_().map(|_| ()));
    "sqrt_", "Tensor.sqrt_()", "sqrt, in place." => |_, a| un_inplace(a, |t| t.sqrt_().map(|_| ()));
    "sin_", "Tensor.sin_()", "sin, in place." => |_, a| un_inplace(a, |t| t.sin_().map(|_| ()));
    "cos_", "Tensor.cos_()", "cos, in place." => |_, a| un_inplace(a, |t| t.cos_().map(|_| ()));
    "tanh_", "Tensor.tanh_()", "tanh, in place." => |_, a| un_inplace(a, |t| t.tanh_().map(|_| ()));
    "erfinv_", "Tensor.erfinv_()", "erfinv, in place." => |_, a| un_inplace(a, |t| t.erfinv_().map(|_| ()));
    "sigmoid_", "Tensor.sigmoid_()", "sigmoid, in place." => |_, a| un_inplace(a, |t| t.sigmoid_().map(|_| ()));
    "relu_", "Tensor.relu_()", "relu, in place." => |_, a| un_inplace(a, |t| t.relu_().map(|_| ()));
    "floor_", "Tensor.floor_()", "floor, in place." => |_, a| un_inplace(a, |t| t.floor_().map(|_| ()));
    "ceil_", "Tensor.ceil_()", "ceil, in place." => |_, a| un_inplace(a, |t| t.ceil_().map(|_| ()));
    "round_", "Tensor.round_()", "round, in place." => |_, a| un_inplace(a, |t| t.round_().map(|_| ()));
    "trunc_", "Tensor.trunc_()", "trunc, in place." => |_, a| un_inplace(a, |t| t.trunc_().map(|_| ()));
    "reciprocal_", "Tensor.reciprocal_()", "reciprocal, in place." => |_, a| un_inplace(a, |t| t.reciprocal_().map(|_| ()));
    "bernoulli", "Tensor.bernoulli(*, generator=None)", "0 or 1 drawn with the probabilities in the tensor." => |it, a| {
        let t = input(a)?;
        let g = gen_kw(a)?;
        Ok(Value::Tensor(with_gen(it, &g, |g| t.bernoulli(g))?))
    };
    "where", "Tensor.where(condition, other)", "self where condition is true, other elsewhere." => |_, a| {
        let t = input(a)?;
        let c = tensor(&a.req(1, "condition")?, "where(): argument 'condition'")?;
        let y = a.req(2, "other")?;
        let y = operand(&y, "where", "other")?;
        Ok(Value::Tensor(Tensor::where_(&c, Arg::Tensor(std::borrow::Cow::Owned(t)), y)?))
    };
    "__len__", "Tensor.__len__()", "The size of the first dimension." => |it, a| {
        let v = a.req(0, "self")?;
        Ok(Value::Int(it.len(&v)? as i64))
    };
}

/// Names of torch functions that are also tensor methods (`x.exp()`).
const NOT_METHODS: &[&str] = &[
    "tensor",
    "as_tensor",
    "zeros",
    "ones",
    "empty",
    "full",
    "eye",
    "arange",
    "linspace",
    "logspace",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "manual_seed",
    "initial_seed",
    "rand",
    "randn",
    "randint",
    "randperm",
    "normal",
    "rand_like",
    "randn_like",
    "randint_like",
    "is_tensor",
    "result_type",
    "promote_types",
    "set_printoptions",
    "get_default_dtype",
    "broadcast_shapes",
    "numel",
    "split",
];

/// A tensor method by name: the tensor-only table first, then the torch functions.
pub fn tensor_method(name: &str) -> Option<&'static Builtin> {
    static INDEX: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut m: HashMap<&'static str, &'static Builtin> = HashMap::new();
            for b in TORCH.iter().filter(|b| !NOT_METHODS.contains(&b.name)) {
                m.insert(b.name, b);
            }
            for b in super::engine_ops::ENGINE
                .iter()
                .chain(super::engine_ops::METHODS_ONLY)
            {
                m.insert(b.name, b);
            }
            for b in TENSOR_METHODS {
                m.insert(b.name, b);
            }
            for b in super::autograd_ops::AUTOGRAD_METHODS {
                m.insert(b.name, b);
            }
            m.insert("split", &SPLIT_METHOD);
            m.insert("numel", &NUMEL_METHOD);
            m
        })
        .get(name)
        .copied()
}

static SPLIT_METHOD: Builtin = Builtin {
    name: "split",
    sig: "Tensor.split(split_size_or_sections, dim=0)",
    doc: "Views of split_size along dim, or of the listed sizes.",
    f: |it, a| {
        let Some(split) = TORCH.iter().find(|b| b.name == "split") else {
            return Ok(Value::None);
        };
        let mut b = Args::new(
            "split",
            std::mem::take(&mut a.pos),
            std::mem::take(&mut a.kw),
        );
        let r = (split.f)(it, &mut b)?;
        b.finish()?;
        Ok(r)
    },
};

static NUMEL_METHOD: Builtin = Builtin {
    name: "numel",
    sig: "Tensor.numel()",
    doc: "The number of elements.",
    f: |_, a| Ok(Value::Int(input(a)?.numel() as i64)),
};

table! { FUNCTIONAL:
    "relu", "relu(input, inplace=False)", "max(x, 0) for each element." => |it, a| act(it, a, 1, |t, _| t.relu());
    "relu6", "relu6(input, inplace=False)", "min(max(x, 0), 6) for each element." => |it, a| act(it, a, 1, |t, _| hardtanh(t, 0.0, 6.0));
    "sigmoid", "sigmoid(input)", "1 / (1 + exp(-x)) for each element." => |_, a| un(a, Tensor::sigmoid);
    "tanh", "tanh(input)", "The hyperbolic tangent of each element." => |_, a| un(a, Tensor::tanh);
    "gelu", "gelu(input, approximate='none')", "x * Φ(x) (or its tanh approximation)." => |_, a| {
        let t = input(a)?;
        let ap = a.opt(1, "approximate").map(|v| to_str(&v, "approximate")).transpose()?;
        Ok(Value::Tensor(t.gelu(ap.as_deref().unwrap_or("none"))?))
    };
    "silu", "silu(input, inplace=False)", "x * sigmoid(x) for each element." => |it, a| act(it, a, 1, |t, _| t.silu());
    "softplus", "softplus(input, beta=1.0, threshold=20.0)", "log(1 + exp(beta * x)) / beta, linear above threshold." => |_, a| {
        let t = input(a)?;
        let b = opt_float(a, 1, "beta")?.unwrap_or(1.0);
        let th = opt_float(a, 2, "threshold")?.unwrap_or(20.0);
        Ok(Value::Tensor(t.softplus(b, th)?))
    };
    "elu", "elu(input, alpha=1.0, inplace=False)", "x for x > 0, alpha * (exp(x) - 1) otherwise." => |it, a| {
        let alpha = opt_float(a, 1, "alpha")?.unwrap_or(1.0);
        act(it, a, 2, move |t, _| t.elu(alpha))
    };
    "leaky_relu", "leaky_relu(input, negative_slope=0.01, inplace=False)", "x for x > 0, negative_slope * x otherwise." => |it, a| {
        let s = opt_float(a, 1, "negative_slope")?.unwrap_or(0.01);
        act(it, a, 2, move |t, _| t.leaky_relu(s))
    };
    "hardtanh", "hardtanh(input, min_val=-1.0, max_val=1.0)", "Each element clamped to [min_val, max_val]." => |_, a| {
        let t = input(a)?;
        let lo = opt_float(a, 1, "min_val")?.unwrap_or(-1.0);
        let hi = opt_float(a, 2, "max_val")?.unwrap_or(1.0);
        Ok(Value::Tensor(hardtanh(&t, lo, hi)?))
    };
}

/// `F.hardtanh`: a clamp, named as PyTorch names its node.
fn hardtanh(t: &Tensor, lo: f64, hi: f64) -> TResult {
    let r = t.clamp(Some(lo.into()), Some(hi.into()))?;
    Ok(crate::autograd::rename(&r, &[t], "HardtanhBackward0"))
}

/// An activation with PyTorch's `inplace=` flag at position `inplace_pos`.
fn act(
    it: &mut Interp,
    a: &mut Args,
    inplace_pos: usize,
    f: impl Fn(&Tensor, ()) -> TResult,
) -> R<Value> {
    let t = input(a)?;
    let inplace = match a.get(inplace_pos, "inplace") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let r = f(&t, ())?;
    if inplace {
        t.copy_(&r)?;
        return Ok(Value::Tensor(t));
    }
    Ok(Value::Tensor(r))
}

/// The names of a tensor's methods, for `dir(x)` and completion: the methods' own table,
/// then every torch function that is also a method.
pub fn method_names() -> Vec<&'static str> {
    TENSOR_METHODS
        .iter()
        .chain(super::engine_ops::METHODS_ONLY)
        .map(|b| b.name)
        .chain(
            TORCH
                .iter()
                .chain(super::engine_ops::ENGINE)
                .filter(|b| tensor_method(b.name).is_some())
                .map(|b| b.name),
        )
        .collect()
}
