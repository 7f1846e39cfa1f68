//! The torch namespace: every engine op under PyTorch's name, as a function (`torch.exp(x)`)
//! and as a tensor method (`x.exp()`), from one table. Engine II binds its ops here too.

pub(crate) mod autograd_ops;
pub(crate) mod engine_ops;
pub(crate) mod functional_ops;
pub(crate) mod generators;
pub(crate) mod return_types;
pub(crate) mod tensor_methods;

use self::generators::{gen_kw, with_gen};
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::ops::tensor_arg;
pub(crate) use crate::eval::lang::tensor_access::{nested, nested_value, tensor};
use crate::eval::lang::value::*;
pub use crate::eval::lang::value::{module, table_entries};
use crate::{Arg, DType, Device, Scalar, Tensor};
use std::borrow::Cow;

/// A tensor, or a NumPy array's storage as one (shared).
fn tensor_of(v: &Value) -> Option<Tensor> {
    match v {
        Value::Tensor(t) => Some(t.clone()),
        _ => crate::eval::numpy::shared_tensor(v),
    }
}

/// The dtype `torch.tensor` infers for lists holding NumPy scalars (each keeps its dtype:
/// `[np.float64(1.0), 2]` is float64); None when there are none.
fn numpy_scalars_dtype(v: &Value) -> Option<DType> {
    fn walk(v: &Value, found: &mut Option<DType>, python: &mut Option<DType>) {
        let join = |acc: &mut Option<DType>, d: DType| *acc = Some(acc.map_or(d, |a| a.promote(d)));
        match v {
            Value::List(l) => l.borrow().iter().for_each(|x| walk(x, found, python)),
            Value::Tuple(t) => t.iter().for_each(|x| walk(x, found, python)),
            Value::Float(_) => join(python, DType::F32),
            Value::Int(_) => join(python, DType::I64),
            Value::Bool(_) => join(python, DType::Bool),
            other => {
                if let Some(t) = crate::eval::numpy::shared_tensor(other).filter(|t| t.dim() == 0) {
                    join(found, t.dtype());
                }
            }
        }
    }
    if !matches!(v, Value::List(_) | Value::Tuple(_)) {
        return None;
    }
    let (mut found, mut python) = (None, None);
    walk(v, &mut found, &mut python);
    let d = found?;
    Some(python.map_or(d, |p| d.promote(p)))
}

/// What the language asks of torch: a tensor's methods and which functions take `out=`.
/// torch's functions write their result into a given tensor (`out=`) and return it.
pub(crate) fn takes_out(b: &'static Builtin) -> bool {
    TORCH
        .iter()
        .chain(engine_ops::ENGINE)
        .any(|t| std::ptr::eq(t, b))
}

pub(crate) type TResult = crate::Result<Tensor>;

/// A tensor operand, or a Python number that becomes a 0-dim tensor.
pub(crate) fn tensor_like(v: &Value, what: &str) -> R<Tensor> {
    match v {
        Value::Tensor(t) => Ok(t.clone()),
        Value::Int(i) => Ok(Tensor::scalar(*i)?),
        Value::Float(f) => Ok(Tensor::scalar(*f)?),
        Value::Bool(b) => Ok(Tensor::scalar(*b)?),
        _ => Err(type_err(format!(
            "{what} must be Tensor, not {}",
            v.type_name()
        ))),
    }
}

pub(crate) fn input(a: &mut Args) -> R<Tensor> {
    let v = a.req(0, "input")?;
    tensor(&v, &format!("{}(): argument 'input' (position 1)", a.fname))
}

pub(crate) fn operand(v: &Value, fname: &str, name: &str) -> R<Arg<'static>> {
    match v {
        Value::Tensor(t) => Ok(Arg::Tensor(Cow::Owned(t.clone()))),
        Value::Int(i) => Ok(Arg::Scalar(Scalar::Int(*i))),
        Value::Float(f) => Ok(Arg::Scalar(Scalar::Float(*f))),
        Value::Bool(b) => Ok(Arg::Scalar(Scalar::Bool(*b))),
        _ => Err(type_err(format!(
            "{fname}(): argument '{name}' must be Tensor or Number, not {}",
            v.type_name()
        ))),
    }
}

pub(crate) fn un(a: &mut Args, f: fn(&Tensor) -> TResult) -> R<Value> {
    let t = input(a)?;
    Ok(Value::Tensor(f(&t)?))
}

pub(crate) fn bin(a: &mut Args, f: fn(&Tensor, Arg<'static>) -> TResult) -> R<Value> {
    let x = a.req(0, "input")?;
    let y = a.req(1, "other")?;
    let y = operand(&y, a.fname, "other")?;
    let x = tensor_like(&x, a.fname)?;
    Ok(Value::Tensor(f(&x, y)?))
}

pub(crate) fn bin_inplace(
    a: &mut Args,
    f: fn(&Tensor, Arg<'static>) -> crate::Result<()>,
) -> R<Value> {
    let x = input(a)?;
    let y = a.req(1, "other")?;
    let y = operand(&y, a.fname, "other")?;
    f(&x, y)?;
    Ok(Value::Tensor(x))
}

pub(crate) fn un_inplace(a: &mut Args, f: fn(&Tensor) -> crate::Result<()>) -> R<Value> {
    let x = input(a)?;
    f(&x)?;
    Ok(Value::Tensor(x))
}

/// `other * alpha` for add/sub's alpha keyword.
pub(crate) fn scaled(a: &mut Args) -> R<Arg<'static>> {
    let y = a.req(1, "other")?;
    let alpha = a.kw("alpha");
    let y = operand(&y, a.fname, "other")?;
    match alpha {
        None => Ok(y),
        Some(al) => {
            let al = operand(&al, a.fname, "alpha")?;
            // Two numbers: multiply them as a 0-dim tensor (a wrapped scalar for promotion).
            let y = match y {
                Arg::Scalar(s) => Arg::Tensor(Cow::Owned(Tensor::scalar(s)?)),
                t => t,
            };
            Ok(Arg::Tensor(Cow::Owned(Tensor::binary(
                crate::backend::BinaryOp::Mul,
                y,
                al,
            )?)))
        }
    }
}

pub fn dtype_of(v: &Value) -> R<DType> {
    match v {
        Value::DType(d) => Ok(*d),
        _ => Err(type_err(format!(
            "dtype must be torch.dtype, not {}",
            v.type_name()
        ))),
    }
}

pub fn device_of(v: &Value) -> R<Device> {
    match v {
        Value::Device(d) => Ok(*d),
        Value::Str(s) => Device::parse(s).ok_or_else(|| {
            err(
                "RuntimeError",
                format!("Expected one of cpu, cuda device type at start of device string: {s}"),
            )
        }),
        Value::Int(i) if *i >= 0 => Ok(Device::Cuda(*i as usize)),
        _ => Err(type_err(format!(
            "device must be a torch.device or a string, not {}",
            v.type_name()
        ))),
    }
}

pub(crate) fn opt_dtype(a: &mut Args) -> R<Option<DType>> {
    a.kw("dtype")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| dtype_of(&v))
        .transpose()
}

/// Handles the `device=`, `requires_grad=`, `layout=`, `pin_memory=` keywords of creation functions.
pub(crate) fn creation_kwargs(it: &mut Interp, a: &mut Args, t: Tensor) -> R<Value> {
    let dev = a.kw("device").filter(|v| !matches!(v, Value::None));
    let rg = a.kw("requires_grad");
    a.kw("layout");
    a.kw("pin_memory");
    a.kw("memory_format");
    let t = match dev {
        Some(d) => t.to_device(device_of(&d)?)?,
        None => t,
    };
    if let Some(rg) = rg {
        if it.truthy(&rg)? {
            if !t.dtype().is_float() {
                return Err(err(
                    "RuntimeError",
                    "Only Tensors of floating point and complex dtype can require gradients",
                ));
            }
            t.set_requires_grad(true)?;
        }
    }
    Ok(Value::Tensor(t))
}

/// Sizes given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size([2, 3]))`.
pub(crate) fn sizes(items: &[Value], fname: &str) -> R<Vec<usize>> {
    let list: Vec<Value> = match items {
        [Value::Tuple(t)] => t.to_vec(),
        [Value::List(l)] => l.borrow().clone(),
        [Value::Size(s)] => s.iter().map(|&i| Value::Int(i)).collect(),
        _ => items.to_vec(),
    };
    let mut out = Vec::with_capacity(list.len());
    let ints: Vec<i64> = list
        .iter()
        .map(|v| to_int(v, "size").map_err(|_| type_err(format!("{fname}(): argument 'size' must be tuple of ints, but found element of type {} at pos 0", v.type_name()))))
        .collect::<R<_>>()?;
    for &i in &ints {
        if i < 0 {
            return Err(err(
                "RuntimeError",
                format!("Trying to create tensor with negative dimension {i}: {ints:?}"),
            ));
        }
        out.push(i as usize);
    }
    Ok(out)
}

pub(crate) fn ints(v: &Value, what: &str) -> R<Vec<i64>> {
    match v {
        Value::Tuple(t) => t.iter().map(|x| to_int(x, what)).collect(),
        Value::List(l) => l.borrow().iter().map(|x| to_int(x, what)).collect(),
        Value::Size(s) => Ok(s.to_vec()),
        _ => Ok(vec![to_int(v, what)?]),
    }
}

/// `x.view(2, 3)` or `x.view((2, 3))`.
pub(crate) fn shape_args(a: &mut Args, from: usize, kw: &str) -> R<Vec<i64>> {
    let rest = a.rest(from);
    if rest.is_empty() {
        if let Some(v) = a.kw(kw) {
            return ints(&v, kw);
        }
    }
    match rest.as_slice() {
        [one @ (Value::Tuple(_) | Value::List(_) | Value::Size(_))] => ints(one, kw),
        _ => rest.iter().map(|v| to_int(v, kw)).collect(),
    }
}

pub(crate) fn split_result(ts: Vec<Tensor>) -> Value {
    Value::tuple(ts.into_iter().map(Value::Tensor).collect())
}

pub(crate) fn opt_int(a: &mut Args, i: usize, name: &str) -> R<Option<i64>> {
    a.opt(i, name).map(|v| to_int(&v, name)).transpose()
}

pub(crate) fn opt_float(a: &mut Args, i: usize, name: &str) -> R<Option<f64>> {
    a.opt(i, name).map(|v| to_float(&v, name)).transpose()
}

pub(crate) fn clamp_bound(v: Option<Value>, fname: &str, name: &str) -> R<Option<Arg<'static>>> {
    v.map(|v| operand(&v, fname, name)).transpose()
}

pub(crate) fn gen(it: &mut Interp) -> &mut crate::Generator {
    &mut it.torch_gen
}

table! { TORCH:
    // ---- creation
    "tensor", "tensor(data, *, dtype=None, device=None, requires_grad=False)", "A tensor with a copy of the data (nested lists of numbers)." => |it, a| {
        let data = a.req(0, "data")?;
        let dtype = opt_dtype(a)?;
        let t = match tensor_of(&data) {
            Some(t) => match dtype { Some(d) if d != t.dtype() => t.to_dtype(d)?, _ => t.clone_data()? },
            None => Tensor::new(&nested(&data)?, dtype.or_else(|| numpy_scalars_dtype(&data)))?,
        };
        creation_kwargs(it, a, t)
    };
    "from_numpy", "from_numpy(ndarray)", "A tensor sharing the NumPy array's memory (changing one changes the other)." => |_, a| {
        let v = a.req(0, "ndarray")?;
        match crate::eval::numpy::shared_tensor(&v) {
            Some(t) => Ok(Value::Tensor(t)),
            None => Err(type_err(format!("expected np.ndarray (got {})", v.type_name()))),
        }
    };
    "as_tensor", "as_tensor(data, dtype=None, device=None)", "The data as a tensor, sharing it when it already is one." => |it, a| {
        let data = a.req(0, "data")?;
        let dtype = a.opt(1, "dtype").map(|d| dtype_of(&d)).transpose()?;
        let t = match tensor_of(&data) {
            Some(t) => match dtype { Some(d) if d != t.dtype() => t.to_dtype(d)?, _ => t.clone() },
            None => Tensor::new(&nested(&data)?, dtype.or_else(|| numpy_scalars_dtype(&data)))?,
        };
        creation_kwargs(it, a, t)
    };
    "zeros", "zeros(*size, dtype=None, device=None, requires_grad=False)", "A tensor of zeros." => |it, a| {
        let s = sizes(&a.rest(0), "zeros")?;
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let t = Tensor::zeros(&s, d)?;
        creation_kwargs(it, a, t)
    };
    "ones", "ones(*size, dtype=None, device=None, requires_grad=False)", "A tensor of ones." => |it, a| {
        let s = sizes(&a.rest(0), "ones")?;
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let t = Tensor::ones(&s, d)?;
        creation_kwargs(it, a, t)
    };
    "empty", "empty(*size, dtype=None, device=None, requires_grad=False)", "A tensor whose values are unspecified (nabla fills it with zeros)." => |it, a| {
        let s = sizes(&a.rest(0), "empty")?;
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let t = Tensor::empty(&s, d)?;
        creation_kwargs(it, a, t)
    };
    "full", "full(size, fill_value, *, dtype=None, device=None)", "A tensor filled with fill_value." => |it, a| {
        let s = sizes(&[a.req(0, "size")?], "full")?;
        let v = a.req(1, "fill_value")?;
        let sc = match operand(&v, "full", "fill_value")? { Arg::Scalar(s) => s, Arg::Tensor(t) => t.item()? };
        let d = opt_dtype(a)?;
        let t = Tensor::full(&s, sc, d)?;
        creation_kwargs(it, a, t)
    };
    "eye", "eye(n, m=None, *, dtype=None, device=None)", "A 2-D tensor with ones on the diagonal." => |it, a| {
        let n = to_int(&a.req(0, "n")?, "n")?;
        let m = opt_int(a, 1, "m")?;
        if n < 0 || m.is_some_and(|m| m < 0) {
            return Err(err("RuntimeError", format!("n must be greater or equal to 0, got {}", n.min(m.unwrap_or(0)))));
        }
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let t = Tensor::eye(n as usize, m.map(|m| m as usize), d)?;
        creation_kwargs(it, a, t)
    };
    "arange", "arange(start=0, end, step=1, *, dtype=None, device=None)", "Values from start up to (not including) end, step apart." => |it, a| {
        let nums = a.rest(0);
        let mut sc = Vec::new();
        for v in &nums {
            sc.push(match operand(v, "arange", "end")? { Arg::Scalar(s) => s, Arg::Tensor(t) => t.item()? });
        }
        if let Some(e) = a.kw("end") { sc.push(match operand(&e, "arange", "end")? { Arg::Scalar(s) => s, Arg::Tensor(t) => t.item()? }); }
        let (start, end, step) = match sc.as_slice() {
            [e] => (Scalar::Int(0), *e, Scalar::Int(1)),
            [s, e] => (*s, *e, Scalar::Int(1)),
            [s, e, st] => (*s, *e, *st),
            _ => return Err(type_err("arange() received an invalid combination of arguments")),
        };
        let step = a.kw("step").map(|v| match operand(&v, "arange", "step") { Ok(Arg::Scalar(s)) => Ok(s), Ok(Arg::Tensor(t)) => Ok(t.item()?), Err(e) => Err(e) }).transpose()?.unwrap_or(step);
        let d = opt_dtype(a)?;
        let t = Tensor::arange(start, end, step, d)?;
        creation_kwargs(it, a, t)
    };
    "linspace", "linspace(start, end, steps, *, dtype=None, device=None)", "steps values evenly spaced from start to end." => |it, a| {
        let s = to_float(&a.req(0, "start")?, "start")?;
        let e = to_float(&a.req(1, "end")?, "end")?;
        let n = to_int(&a.req(2, "steps")?, "steps")?;
        if n < 0 {
            return Err(err("RuntimeError", "linspace(): number of steps must be non-negative"));
        }
        let d = opt_dtype(a)?;
        let t = Tensor::linspace(s, e, n as usize, d)?;
        creation_kwargs(it, a, t)
    };
    "logspace", "logspace(start, end, steps, base=10.0, *, dtype=None, device=None)", "steps values from base**start to base**end, evenly spaced in the exponent." => |it, a| {
        let s = to_float(&a.req(0, "start")?, "start")?;
        let e = to_float(&a.req(1, "end")?, "end")?;
        let n = to_int(&a.req(2, "steps")?, "steps")?;
        let base = opt_float(a, 3, "base")?.unwrap_or(10.0);
        if n < 0 {
            return Err(err("RuntimeError", "number of steps must be non-negative"));
        }
        let d = opt_dtype(a)?;
        let t = Tensor::logspace(s, e, n as usize, base, d)?;
        creation_kwargs(it, a, t)
    };
    "zeros_like", "zeros_like(input, *, dtype=None, device=None)", "Zeros with the input's shape (and dtype)." => |it, a| {
        let t = input(a)?;
        let r = match opt_dtype(a)? { Some(d) => Tensor::zeros(t.shape(), d)?.to_device(t.device())?, None => t.zeros_like()? };
        creation_kwargs(it, a, r)
    };
    "ones_like", "ones_like(input, *, dtype=None, device=None)", "Ones with the input's shape (and dtype)." => |it, a| {
        let t = input(a)?;
        let r = match opt_dtype(a)? { Some(d) => Tensor::ones(t.shape(), d)?.to_device(t.device())?, None => t.ones_like()? };
        creation_kwargs(it, a, r)
    };
    "empty_like", "empty_like(input, *, dtype=None, device=None)", "An unspecified tensor (zeros in nabla) with the input's shape." => |it, a| {
        let t = input(a)?;
        let r = match opt_dtype(a)? { Some(d) => Tensor::zeros(t.shape(), d)?.to_device(t.device())?, None => t.empty_like()? };
        creation_kwargs(it, a, r)
    };
    "full_like", "full_like(input, fill_value, *, dtype=None, device=None)", "fill_value with the input's shape (and dtype)." => |it, a| {
        let t = input(a)?;
        let v = a.req(1, "fill_value")?;
        let sc = match operand(&v, "full_like", "fill_value")? { Arg::Scalar(s) => s, Arg::Tensor(t) => t.item()? };
        let r = match opt_dtype(a)? { Some(d) => Tensor::full(t.shape(), sc, Some(d))?.to_device(t.device())?, None => t.full_like(sc)? };
        creation_kwargs(it, a, r)
    };
    // ---- random
    "manual_seed", "manual_seed(seed)", "Seeds the default random number generator; returns it." => |it, a| {
        let s = to_int(&a.req(0, "seed")?, "seed")?;
        gen(it).manual_seed(s as u64);
        Ok(self::generators::default_generator())
    };
    "initial_seed", "initial_seed()", "The seed the default generator was last seeded with." => |it, _| Ok(Value::Int(gen(it).initial_seed() as i64));
    "rand", "rand(*size, generator=None, dtype=None, device=None)", "Uniform random values in [0, 1)." => |it, a| {
        let s = sizes(&a.rest(0), "rand")?;
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let g = gen_kw(a)?;
        let t = with_gen(it, &g, |g| Tensor::rand(&s, d, g))?;
        creation_kwargs(it, a, t)
    };
    "randn", "randn(*size, generator=None, dtype=None, device=None)", "Standard normal random values." => |it, a| {
        let s = sizes(&a.rest(0), "randn")?;
        let d = opt_dtype(a)?.unwrap_or(DType::F32);
        let g = gen_kw(a)?;
        let t = with_gen(it, &g, |g| Tensor::randn(&s, d, g))?;
        creation_kwargs(it, a, t)
    };
    "randint", "randint(low=0, high, size, *, generator=None, dtype=torch.int64, device=None)", "Random integers in [low, high)." => |it, a| {
        let mut pos = a.rest(0);
        if let Some(h) = a.kw("high") { pos.insert(pos.len().min(1), h); }
        if let Some(s) = a.kw("size") { pos.push(s); }
        let (low, high, size) = match pos.as_slice() {
            [h, s] => (0, to_int(h, "high")?, s.clone()),
            [l, h, s] => (to_int(l, "low")?, to_int(h, "high")?, s.clone()),
            _ => return Err(type_err("randint() received an invalid combination of arguments: expected (low=0, high, size)")),
        };
        let s = sizes(&[size], "randint")?;
        let d = opt_dtype(a)?.unwrap_or(DType::I64);
        let g = gen_kw(a)?;
        let t = with_gen(it, &g, |g| Tensor::randint(low, high, &s, d, g))?;
        creation_kwargs(it, a, t)
    };
    "randperm", "randperm(n, *, generator=None, dtype=torch.int64, device=None)", "A random permutation of 0..n-1." => |it, a| {
        let n = to_int(&a.req(0, "n")?, "n")?;
        if n < 0 {
            return Err(err("RuntimeError", format!("n must be non-negative, got{n}")));
        }
        let d = opt_dtype(a)?;
        let g = gen_kw(a)?;
        let mut t = with_gen(it, &g, |g| Tensor::randperm(n as usize, g))?;
        if let Some(d) = d { t = t.to_dtype(d)?; }
        creation_kwargs(it, a, t)
    };
    "normal", "normal(mean, std, size=None, *, generator=None, dtype=None)", "Normal random values: numbers mean and std with a size, or tensors of means and/or stds (broadcast)." => |it, a| {
        let mv = a.req(0, "mean")?;
        let sv = a.opt(1, "std").unwrap_or(Value::Float(1.0));
        let size = a.opt(2, "size");
        let d = opt_dtype(a)?;
        let g = gen_kw(a)?;
        if matches!(mv, Value::Tensor(_)) || matches!(sv, Value::Tensor(_)) {
            // PyTorch draws standard normals of the broadcast shape, then scales and shifts.
            let m = match &mv { Value::Tensor(t) => t.clone(), v => Tensor::scalar(to_float(v, "mean")?)? };
            let sd = match &sv { Value::Tensor(t) => t.clone(), v => Tensor::scalar(to_float(v, "std")?)? };
            let dtype = if matches!(mv, Value::Tensor(_)) { m.dtype() } else { sd.dtype() };
            if sd.numel() > 0 && sd.min_all()?.item()?.to_f64() < 0.0 {
                    return Err(err("RuntimeError", "normal expects all elements of std >= 0.0"));
            }
            let shape = crate::tensor::broadcast_shapes("normal", m.shape(), sd.shape())?;
            let z = with_gen(it, &g, |g| Tensor::randn(&shape, dtype, g))?;
            return Ok(Value::Tensor(z.mul(&sd)?.add(&m)?));
        }
        let m = to_float(&mv, "mean")?;
        let sd = to_float(&sv, "std")?;
        let Some(size) = size else {
            return Err(type_err("normal() received an invalid combination of arguments: with numbers for mean and std, give a size"));
        };
        let s = sizes(&[size], "normal")?;
        let t = with_gen(it, &g, |g| Tensor::normal(m, sd, &s, d.unwrap_or(DType::F32), g))?;
        creation_kwargs(it, a, t)
    };
    "bernoulli", "bernoulli(input, p=None, *, generator=None)", "0 or 1 drawn with the probabilities in input (or with probability p for every element)." => |it, a| {
        let t = input(a)?;
        let p = opt_float(a, 1, "p")?;
        let g = gen_kw(a)?;
        let r = match p {
            Some(p) => with_gen(it, &g, |g| Tensor::bernoulli_scalar(p, t.shape(), t.dtype(), g))?,
            None => with_gen(it, &g, |g| t.bernoulli(g))?,
        };
        Ok(Value::Tensor(r))
    };
    "multinomial", "multinomial(input, num_samples, replacement=False, *, generator=None)", "Category indices drawn with the weights in each row of input (int64)." => |it, a| {
        let t = input(a)?;
        let n = to_int(&a.req(1, "num_samples")?, "num_samples")?;
        let rep = match a.opt(2, "replacement") { Some(v) => it.truthy(&v)?, None => false };
        let g = gen_kw(a)?;
        if n <= 0 {
            return Err(err("RuntimeError", "cannot sample n_sample <= 0 samples"));
        }
        Ok(Value::Tensor(with_gen(it, &g, |g| t.multinomial(n as usize, rep, g))?))
    };
    "rand_like", "rand_like(input, *, dtype=None, device=None, requires_grad=False)", "Uniform random values with the input's shape." => |it, a| {
        let t = input(a)?;
        let t = match opt_dtype(a)? { Some(d) => t.to_dtype(d)?, None => t };
        let g = gen_kw(a)?;
        let r = with_gen(it, &g, |g| t.rand_like(g))?;
        creation_kwargs(it, a, r)
    };
    "randn_like", "randn_like(input, *, dtype=None, device=None, requires_grad=False)", "Standard normal values with the input's shape." => |it, a| {
        let t = input(a)?;
        let t = match opt_dtype(a)? { Some(d) => t.to_dtype(d)?, None => t };
        let g = gen_kw(a)?;
        let r = with_gen(it, &g, |g| t.randn_like(g))?;
        creation_kwargs(it, a, r)
    };
    "randint_like", "randint_like(input, low=0, high)", "Random integers in [low, high) with the input's shape." => |it, a| {
        let t = input(a)?;
        let x = to_int(&a.req(1, "high")?, "high")?;
        let (low, high) = match opt_int(a, 2, "high")? { Some(h) => (x, h), None => (0, x) };
        let g = gen_kw(a)?;
        Ok(Value::Tensor(with_gen(it, &g, |g| t.randint_like(low, high, g))?))
    };
    // ---- elementwise arithmetic
    "add", "add(input, other, *, alpha=1)", "input + alpha * other, broadcasting." => |_, a| {
        let x = tensor_like(&a.req(0, "input")?, "add")?;
        let y = scaled(a)?;
        Ok(Value::Tensor(x.add(y)?))
    };
    "sub", "sub(input, other, *, alpha=1)", "input - alpha * other, broadcasting." => |_, a| {
        let x = tensor_like(&a.req(0, "input")?, "sub")?;
        let y = scaled(a)?;
        Ok(Value::Tensor(x.sub(y)?))
    };
    "subtract", "subtract(input, other, *, alpha=1)", "input - alpha * other (alias of sub)." => |_, a| {
        let x = tensor_like(&a.req(0, "input")?, "sub")?;
        let y = scaled(a)?;
        Ok(Value::Tensor(x.sub(y)?))
    };
    "mul", "mul(input, other)", "input * other, broadcasting." => |_, a| bin(a, |x, y| x.mul(y));
    "multiply", "multiply(input, other)", "input * other (alias of mul)." => |_, a| bin(a, |x, y| x.mul(y));
    "div", "div(input, other, *, rounding_mode=None)", "input / other; rounding_mode 'trunc' or 'floor' rounds the quotient." => |_, a| {
        let mode = a.kw("rounding_mode").filter(|v| !matches!(v, Value::None));
        if mode.is_none() {
            return bin(a, |x, y| x.div(y));
        }
        // A rounded quotient is piecewise constant: computed without history, recorded with
        // zero gradients (DivBackward2), as PyTorch does.
        let r = crate::autograd::no_grad(|| div_rounded(a, mode))?;
        if let Value::Tensor(out) = &r {
            let x = tensor_like(&a.pos[0].clone(), "div")?;
            let y = match a.pos.get(1) { Some(Value::Tensor(t)) => Some(t.clone()), _ => None };
            crate::autograd::piecewise_constant(out, &[Some(&x), y.as_ref()], "DivBackward2");
        }
        Ok(r)
    };
    "divide", "divide(input, other)", "input / other (alias of div)." => |_, a| bin(a, |x, y| x.div(y));
    "true_divide", "true_divide(input, other)", "input / other, always a floating result." => |_, a| bin(a, |x, y| x.div(y));
    "floor_divide", "floor_divide(input, other)", "input // other, rounding toward minus infinity." => |_, a| bin(a, |x, y| x.floor_divide(y));
    "remainder", "remainder(input, other)", "Python's modulus: the result has the sign of other." => |_, a| bin(a, |x, y| x.remainder(y));
    "fmod", "fmod(input, other)", "C's fmod: the result has the sign of input." => |_, a| bin(a, |x, y| x.fmod(y));
    "pow", "pow(input, exponent)", "input raised to exponent, element-wise." => |_, a| {
        let x = a.req(0, "input")?;
        let e = a.req(1, "exponent")?;
        let y = operand(&e, "pow", "exponent")?;
        let xa = operand(&x, "pow", "input")?;
        Ok(Value::Tensor(Tensor::binary(crate::backend::BinaryOp::Pow, xa, y)?))
    };
    "maximum", "maximum(input, other)", "The element-wise maximum (NaN propagates)." => |_, a| bin(a, |x, y| x.maximum(y));
    "minimum", "minimum(input, other)", "The element-wise minimum (NaN propagates)." => |_, a| bin(a, |x, y| x.minimum(y));
    "atan2", "atan2(input, other)", "The angle of (other, input), element-wise." => |_, a| bin(a, |x, y| x.atan2(y));
    "bitwise_and", "bitwise_and(input, other)", "Bitwise AND (logical AND for bool)." => |_, a| bin(a, |x, y| x.bitwise_and(y));
    "bitwise_or", "bitwise_or(input, other)", "Bitwise OR (logical OR for bool)." => |_, a| bin(a, |x, y| x.bitwise_or(y));
    "bitwise_xor", "bitwise_xor(input, other)", "Bitwise XOR." => |_, a| bin(a, |x, y| x.bitwise_xor(y));
    "bitwise_left_shift", "bitwise_left_shift(input, other)", "input << other." => |_, a| bin(a, |x, y| x.bitwise_left_shift(y));
    "bitwise_right_shift", "bitwise_right_shift(input, other)", "input >> other." => |_, a| bin(a, |x, y| x.bitwise_right_shift(y));
    "bitwise_not", "bitwise_not(input)", "Bitwise NOT (logical NOT for bool)." => |_, a| un(a, Tensor::bitwise_not);
    "eq", "eq(input, other)", "input == other, element-wise (bool)." => |_, a| bin(a, |x, y| x.eq(y));
    "ne", "ne(input, other)", "input != other, element-wise (bool)." => |_, a| bin(a, |x, y| x.ne(y));
    "lt", "lt(input, other)", "input < other, element-wise (bool)." => |_, a| bin(a, |x, y| x.lt(y));
    "le", "le(input, other)", "input <= other, element-wise (bool)." => |_, a| bin(a, |x, y| x.le(y));
    "gt", "gt(input, other)", "input > other, element-wise (bool)." => |_, a| bin(a, |x, y| x.gt(y));
    "ge", "ge(input, other)", "input >= other, element-wise (bool)." => |_, a| bin(a, |x, y| x.ge(y));
    "greater", "greater(input, other)", "input > other (alias of gt)." => |_, a| bin(a, |x, y| x.gt(y));
    "less", "less(input, other)", "input < other (alias of lt)." => |_, a| bin(a, |x, y| x.lt(y));
    "logical_and", "logical_and(input, other)", "Element-wise logical AND (bool)." => |_, a| { let x = input(a)?; let y = tensor_like(&a.req(1, "other")?, "logical_and")?; Ok(Value::Tensor(x.logical_and(&y)?)) };
    "logical_or", "logical_or(input, other)", "Element-wise logical OR (bool)." => |_, a| { let x = input(a)?; let y = tensor_like(&a.req(1, "other")?, "logical_or")?; Ok(Value::Tensor(x.logical_or(&y)?)) };
    "logical_xor", "logical_xor(input, other)", "Element-wise logical XOR (bool)." => |_, a| { let x = input(a)?; let y = tensor_like(&a.req(1, "other")?, "logical_xor")?; Ok(Value::Tensor(x.logical_xor(&y)?)) };
    "logical_not", "logical_not(input)", "Element-wise logical NOT (bool)." => |_, a| un(a, Tensor::logical_not);
    // ---- math functions
    "exp", "exp(input)", "e to the power of each element." => |_, a| un(a, Tensor::exp);
    "exp2", "exp2(input)", "2 to the power of each element." => |_, a| un(a, Tensor::exp2);
    "expm1", "expm1(input)", "exp(x) - 1, accurate near 0." => |_, a| un(a, Tensor::expm1);
    "log", "log(input)", "The natural logarithm of each element." => |_, a| un(a, Tensor::log);
    "log2", "log2(input)", "The base-2 logarithm of each element." => |_, a| un(a, Tensor::log2);
    "log10", "log10(input)", "The base-10 logarithm of each element." => |_, a| un(a, Tensor::log10);
    "log1p", "log1p(input)", "log(1 + x), accurate near 0." => |_, a| un(a, Tensor::log1p);
    "sqrt", "sqrt(input)", "The square root of each element." => |_, a| un(a, Tensor::sqrt);
    "rsqrt", "rsqrt(input)", "1 / sqrt(x) for each element." => |_, a| un(a, Tensor::rsqrt);
    "sin", "sin(input)", "The sine of each element (radians)." => |_, a| un(a, Tensor::sin);
    "cos", "cos(input)", "The cosine of each element (radians)." => |_, a| un(a, Tensor::cos);
    "tan", "tan(input)", "The tangent of each element (radians)." => |_, a| un(a, Tensor::tan);
    "asin", "asin(input)", "The arcsine of each element." => |_, a| un(a, Tensor::asin);
    "acos", "acos(input)", "The arccosine of each element." => |_, a| un(a, Tensor::acos);
    "atan", "atan(input)", "The arctangent of each element." => |_, a| un(a, Tensor::atan);
    "sinh", "sinh(input)", "The hyperbolic sine of each element." => |_, a| un(a, Tensor::sinh);
    "cosh", "cosh(input)", "The hyperbolic cosine of each element." => |_, a| un(a, Tensor::cosh);
    "tanh", "tanh(input)", "The hyperbolic tangent of each element." => |_, a| un(a, Tensor::tanh);
    "erf", "erf(input)", "The error function of each element." => |_, a| un(a, Tensor::erf);
    "erfinv", "erfinv(input)", "The inverse error function of each element (input in [-1, 1])." => |_, a| un(a, Tensor::erfinv);
    "abs", "abs(input)", "The absolute value of each element." => |_, a| un(a, Tensor::abs);
    "absolute", "absolute(input)", "The absolute value (alias of abs)." => |_, a| un(a, Tensor::abs);
    "neg", "neg(input)", "-x for each element." => |_, a| un(a, Tensor::neg);
    "negative", "negative(input)", "-x (alias of neg)." => |_, a| un(a, Tensor::neg);
    "sign", "sign(input)", "-1, 0 or 1 by the sign of each element." => |_, a| un(a, Tensor::sign);
    "floor", "floor(input)", "Each element rounded down." => |_, a| un(a, Tensor::floor);
    "ceil", "ceil(input)", "Each element rounded up." => |_, a| un(a, Tensor::ceil);
    "trunc", "trunc(input)", "Each element rounded toward zero." => |_, a| un(a, Tensor::trunc);
    "round", "round(input, *, decimals=0)", "Each element rounded half to even (to decimals places)." => |_, a| {
        let t = input(a)?;
        match a.kw("decimals").map(|d| to_int(&d, "decimals")).transpose()? {
            Some(d) if d != 0 => Ok(Value::Tensor(t.round_decimals(d)?)),
            _ => Ok(Value::Tensor(t.round()?)),
        }
    };
    "frac", "frac(input)", "The fractional part of each element." => |_, a| un(a, Tensor::frac);
    "reciprocal", "reciprocal(input)", "1 / x for each element." => |_, a| un(a, Tensor::reciprocal);
    "square", "square(input)", "x * x for each element." => |_, a| un(a, Tensor::square);
    "sigmoid", "sigmoid(input)", "1 / (1 + exp(-x)) for each element." => |_, a| un(a, Tensor::sigmoid);
    "relu", "relu(input)", "max(x, 0) for each element." => |_, a| un(a, Tensor::relu);
    "clamp", "clamp(input, min=None, max=None)", "Each element limited to [min, max]." => |_, a| {
        let t = input(a)?;
        let lo = clamp_bound(a.opt(1, "min"), "clamp", "min")?;
        let hi = clamp_bound(a.opt(2, "max"), "clamp", "max")?;
        if lo.is_none() && hi.is_none() {
            return Err(err("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None"));
        }
        Ok(Value::Tensor(t.clamp(lo, hi)?))
    };
    "clip", "clip(input, min=None, max=None)", "Each element limited to [min, max] (alias of clamp)." => |_, a| {
        let t = input(a)?;
        let lo = clamp_bound(a.opt(1, "min"), "clip", "min")?;
        let hi = clamp_bound(a.opt(2, "max"), "clip", "max")?;
        Ok(Value::Tensor(t.clamp(lo, hi)?))
    };
    "where", "where(condition, input, other)", "input where condition is true, other elsewhere (with only a condition: the indices where it is true)." => |_, a| {
        let c = tensor(&a.req(0, "condition")?, "where(): argument 'condition'")?;
        if a.len() == 1 && a.kw.is_empty() {
            // torch.where(condition): the indices of the true entries, one tensor per dim.
            let nz = c.nonzero()?;
            let cols = if c.dim() == 0 { vec![nz.reshape(&[-1])?] } else { nz.unbind(1)? };
            return Ok(Value::tuple(cols.into_iter().map(|t| t.contiguous().map(Value::Tensor)).collect::<crate::Result<_>>()?));
        }
        let x = a.req(1, "input")?;
        let y = a.req(2, "other")?;
        let (x, y) = (operand(&x, "where", "input")?, operand(&y, "where", "other")?);
        Ok(Value::Tensor(Tensor::where_(&c, x, y)?))
    };
    "lerp", "lerp(input, end, weight)", "input + weight * (end - input)." => |_, a| {
        let t = input(a)?;
        let e = tensor(&a.req(1, "end")?, "lerp(): argument 'end'")?;
        let w = a.req(2, "weight")?;
        let w = operand(&w, "lerp", "weight")?;
        Ok(Value::Tensor(t.lerp(&e, w)?))
    };
    "masked_fill", "masked_fill(input, mask, value)", "input with value where mask is true." => |_, a| {
        let t = input(a)?;
        let m = tensor(&a.req(1, "mask")?, "masked_fill(): argument 'mask'")?;
        let v = a.req(2, "value")?;
        let v = operand(&v, "masked_fill", "value")?;
        Ok(Value::Tensor(t.masked_fill(&m, v)?))
    };
    "isnan", "isnan(input)", "True where an element is NaN." => |_, a| un(a, Tensor::isnan);
    "isinf", "isinf(input)", "True where an element is infinite." => |_, a| un(a, Tensor::isinf);
    "isfinite", "isfinite(input)", "True where an element is finite." => |_, a| un(a, Tensor::isfinite);
    "nan_to_num", "nan_to_num(input, nan=0.0, posinf=None, neginf=None)", "NaN and infinities replaced by finite numbers." => |_, a| {
        let t = input(a)?;
        let nan = opt_float(a, 1, "nan")?.unwrap_or(0.0);
        let p = opt_float(a, 2, "posinf")?;
        let n = opt_float(a, 3, "neginf")?;
        Ok(Value::Tensor(t.nan_to_num(nan, p, n)?))
    };
    "isclose", "isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)", "True where |input - other| <= atol + rtol * |other|." => |it, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "isclose(): argument 'other'")?;
        let rtol = opt_float(a, 2, "rtol")?.unwrap_or(1e-5);
        let atol = opt_float(a, 3, "atol")?.unwrap_or(1e-8);
        let en = match a.get(4, "equal_nan") { Some(v) => it.truthy(&v)?, None => false };
        Ok(Value::Tensor(t.isclose(&o, rtol, atol, en)?))
    };
    "allclose", "allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)", "True if every element is close." => |it, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "allclose(): argument 'other'")?;
        let rtol = opt_float(a, 2, "rtol")?.unwrap_or(1e-5);
        let atol = opt_float(a, 3, "atol")?.unwrap_or(1e-8);
        let en = match a.get(4, "equal_nan") { Some(v) => it.truthy(&v)?, None => false };
        Ok(Value::Bool(t.allclose(&o, rtol, atol, en)?))
    };
    "equal", "equal(input, other)", "True if both have the same shape and elements." => |_, a| {
        let t = input(a)?;
        let o = tensor(&a.req(1, "other")?, "equal(): argument 'other'")?;
        Ok(Value::Bool(t.equal(&o)?))
    };
    // ---- views and shapes
    "reshape", "reshape(input, shape)", "The same data with a new shape (a view when possible)." => |_, a| {
        let t = input(a)?;
        let s = shape_args(a, 1, "shape")?;
        Ok(Value::Tensor(t.reshape(&s)?))
    };
    "transpose", "transpose(input, dim0, dim1)", "A view with two dimensions swapped." => |_, a| {
        let t = input(a)?;
        let d0 = to_int(&a.req(1, "dim0")?, "dim0")?;
        let d1 = to_int(&a.req(2, "dim1")?, "dim1")?;
        Ok(Value::Tensor(t.transpose(d0, d1)?))
    };
    "swapaxes", "swapaxes(input, axis0, axis1)", "A view with two dimensions swapped (alias of transpose)." => |_, a| {
        let t = input(a)?;
        let d0 = to_int(&a.req(1, "axis0")?, "axis0")?;
        let d1 = to_int(&a.req(2, "axis1")?, "axis1")?;
        Ok(Value::Tensor(t.transpose(d0, d1)?))
    };
    "permute", "permute(input, dims)", "A view with the dimensions reordered." => |_, a| {
        let t = input(a)?;
        let d = shape_args(a, 1, "dims")?;
        Ok(Value::Tensor(t.permute(&d)?))
    };
    "t", "t(input)", "The transpose of a tensor of at most 2 dimensions." => |_, a| un(a, Tensor::t);
    "squeeze", "squeeze(input, dim=None)", "A view without dimensions of size 1 (or only those in dim)." => |_, a| {
        let t = input(a)?;
        let d = a.opt(1, "dim").map(|d| ints(&d, "dim")).transpose()?;
        Ok(Value::Tensor(t.squeeze(d.as_deref())?))
    };
    "unsqueeze", "unsqueeze(input, dim)", "A view with a dimension of size 1 inserted at dim." => |_, a| {
        let t = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        Ok(Value::Tensor(t.unsqueeze(d)?))
    };
    "flatten", "flatten(input, start_dim=0, end_dim=-1)", "The dimensions start_dim..end_dim merged into one." => |_, a| {
        let t = input(a)?;
        let s = opt_int(a, 1, "start_dim")?.unwrap_or(0);
        let e = opt_int(a, 2, "end_dim")?.unwrap_or(-1);
        Ok(Value::Tensor(t.flatten(s, e)?))
    };
    "unflatten", "unflatten(input, dim, sizes)", "Dimension dim split into the given sizes." => |_, a| {
        let t = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let s = ints(&a.req(2, "sizes")?, "sizes")?;
        Ok(Value::Tensor(t.unflatten(d, &s)?))
    };
    "narrow", "narrow(input, dim, start, length)", "A view of length elements from start along dim." => |_, a| {
        let t = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let s = to_int(&a.req(2, "start")?, "start")?;
        let l = to_int(&a.req(3, "length")?, "length")?;
        if l < 0 {
            return Err(err("RuntimeError", "narrow(): length must be non-negative."));
        }
        Ok(Value::Tensor(t.narrow(d, s, l as usize)?))
    };
    "select", "select(input, dim, index)", "A view of one index along dim (the dimension is removed)." => |_, a| {
        let t = input(a)?;
        let d = to_int(&a.req(1, "dim")?, "dim")?;
        let i = to_int(&a.req(2, "index")?, "index")?;
        Ok(Value::Tensor(t.select(d, i)?))
    };
    "chunk", "chunk(input, chunks, dim=0)", "The tensor split into (at most) chunks views along dim." => |_, a| {
        let t = input(a)?;
        let c = to_int(&a.req(1, "chunks")?, "chunks")?;
        if c <= 0 {
            return Err(err("RuntimeError", format!("chunk expects `chunks` to be greater than 0, got: {c}")));
        }
        let d = opt_int(a, 2, "dim")?.unwrap_or(0);
        Ok(split_result(t.chunk(c as usize, d)?))
    };
    "split", "split(tensor, split_size_or_sections, dim=0)", "Views of split_size along dim, or of the listed sizes." => |_, a| {
        let t = tensor(&a.req(0, "tensor")?, "split(): argument 'tensor'")?;
        let s = a.req(1, "split_size_or_sections")?;
        let d = opt_int(a, 2, "dim")?.unwrap_or(0);
        Ok(split_result(match &s {
            Value::List(_) | Value::Tuple(_) => {
                let sz: Vec<usize> = ints(&s, "sections")?.into_iter().map(|i| i.max(0) as usize).collect();
                t.split_with_sizes(&sz, d)?
            }
            _ => {
                let n = to_int(&s, "split_size")?;
                if n <= 0 {
                    return Err(err("RuntimeError", format!("split_size can only be 0 if dimension size is 0, but got dimension size of {}", t.shape().first().copied().unwrap_or(0))));
                }
                t.split(n as usize, d)?
            }
        }))
    };
    "unbind", "unbind(input, dim=0)", "The slices along dim, as a tuple of views." => |_, a| {
        let t = input(a)?;
        let d = opt_int(a, 1, "dim")?.unwrap_or(0);
        Ok(split_result(t.unbind(d)?))
    };
    "diagonal", "diagonal(input, offset=0, dim1=0, dim2=1)", "A view of the diagonal." => |_, a| {
        let t = input(a)?;
        let o = opt_int(a, 1, "offset")?.unwrap_or(0);
        let d1 = opt_int(a, 2, "dim1")?.unwrap_or(0);
        let d2 = opt_int(a, 3, "dim2")?.unwrap_or(1);
        Ok(Value::Tensor(t.diagonal(o, d1, d2)?))
    };
    "movedim", "movedim(input, source, destination)", "A view with dimension source moved to destination." => |_, a| {
        let t = input(a)?;
        let s = to_int(&a.req(1, "source")?, "source")?;
        let d = to_int(&a.req(2, "destination")?, "destination")?;
        let n = t.dim() as i64;
        let s = crate::tensor::wrap_dim(a.fname, s, t.dim())? as i64;
        let d = crate::tensor::wrap_dim(a.fname, d, t.dim())? as i64;
        let mut order: Vec<i64> = (0..n).filter(|&i| i != s).collect();
        order.insert(d as usize, s);
        Ok(Value::Tensor(t.permute(&order)?))
    };
    "clone", "clone(input)", "A copy with its own storage." => |_, a| un(a, Tensor::clone_data);
    "numel", "numel(input)", "The number of elements." => |_, a| Ok(Value::Int(input(a)?.numel() as i64));
    "is_tensor", "is_tensor(obj)", "True if obj is a tensor." => |_, a| Ok(Value::Bool(matches!(a.req(0, "obj")?, Value::Tensor(_))));
    "is_floating_point", "is_floating_point(input)", "True if the dtype is a floating-point type." => |_, a| Ok(Value::Bool(input(a)?.dtype().is_float()));
    "result_type", "result_type(tensor1, tensor2)", "The dtype an arithmetic op on the two would give." => |_, a| {
        let x = a.req(0, "tensor1")?;
        let y = a.req(1, "tensor2")?;
        let (Some(x), Some(y)) = (tensor_arg(&x), tensor_arg(&y)) else { return Err(type_err("result_type() expects tensors or numbers")) };
        Ok(Value::DType(crate::tensor::result_type(&[&x, &y])))
    };
    "promote_types", "promote_types(type1, type2)", "The smallest dtype both promote to." => |_, a| {
        let x = dtype_of(&a.req(0, "type1")?)?;
        let y = dtype_of(&a.req(1, "type2")?)?;
        Ok(Value::DType(x.promote(y)))
    };
    "set_printoptions", "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)", "How tensors print: digits, summarisation, line width, scientific notation." => |it, a| {
        let mut o = it.print_opts.clone();
        if let Some(p) = a.opt(4, "profile") {
            let p = to_str(&p, "profile")?;
            o = crate::PrintOptions::default();
            match &*p {
                "default" => {}
                "short" => { o.precision = 2; o.edgeitems = 2; }
                "full" => { o.threshold = usize::MAX; }
                other => return Err(value_err(format!("unknown print profile '{other}' (use 'default', 'short' or 'full')"))),
            }
        }
        if let Some(v) = opt_int(a, 0, "precision")? { o.precision = v.max(0) as usize; }
        if let Some(v) = a.opt(1, "threshold") {
            o.threshold = match v { Value::Float(f) if f.is_infinite() => usize::MAX, v => to_int(&v, "threshold")?.max(0) as usize };
        }
        if let Some(v) = opt_int(a, 2, "edgeitems")? { o.edgeitems = v.max(0) as usize; }
        if let Some(v) = opt_int(a, 3, "linewidth")? { o.linewidth = v.max(0) as usize; }
        o.sci_mode = match a.opt(5, "sci_mode") { Some(v) => Some(it.truthy(&v)?), None => None };
        it.print_opts = o;
        Ok(Value::None)
    };
    "get_default_dtype", "get_default_dtype()", "The default floating dtype (torch.float32)." => |_, _| Ok(Value::DType(DType::F32));
    "broadcast_shapes", "broadcast_shapes(*shapes)", "The shape the given shapes broadcast to." => |_, a| {
        let mut out: Vec<usize> = vec![];
        for s in a.rest(0) {
            let s: Vec<usize> = ints(&s, "shape")?.into_iter().map(|i| i.max(0) as usize).collect();
            out = crate::tensor::broadcast_shapes("broadcast_shapes", &out, &s)?.to_vec();
        }
        Ok(Value::Size(out.iter().map(|&i| i as i64).collect()))
    };
}

/// The dtype objects under their PyTorch names (`torch.float` is float32 …).
pub const DTYPE_NAMES: &[(&str, DType)] = &[
    ("float32", DType::F32),
    ("float", DType::F32),
    ("float64", DType::F64),
    ("double", DType::F64),
    ("float16", DType::F16),
    ("half", DType::F16),
    ("bfloat16", DType::BF16),
    ("int64", DType::I64),
    ("long", DType::I64),
    ("int32", DType::I32),
    ("int", DType::I32),
    ("int16", DType::I16),
    ("short", DType::I16),
    ("int8", DType::I8),
    ("uint8", DType::U8),
    ("bool", DType::Bool),
];

/// `torch.div` with a rounding mode, computed without history.
fn div_rounded(a: &mut Args, mode: Option<Value>) -> R<Value> {
    let r = bin(a, |x, y| x.div(y))?;
    let Value::Tensor(q) = &r else { return Ok(r) };
    match mode {
        None => Ok(r),
        Some(m) => {
            let m = to_str(&m, "rounding_mode")?;
            let x = tensor_like(&a.pos[0].clone(), "div")?;
            let y = operand(
                &a.pos.get(1).cloned().unwrap_or(Value::None),
                "div",
                "other",
            )?;
            match &*m {
                    "trunc" => {
                        if x.dtype().is_float() || matches!(&y, Arg::Scalar(Scalar::Float(_))) || matches!(&y, Arg::Tensor(t) if t.dtype().is_float()) {
                            Ok(Value::Tensor(q.trunc()?))
                        } else {
                            // Integer truncation: floor, corrected where signs differ.
                            let fl = x.floor_divide(y)?;
                            let t = q.trunc()?.to_dtype(fl.dtype())?;
                            Ok(Value::Tensor(t))
                        }
                    }
                    "floor" => Ok(Value::Tensor(x.floor_divide(y)?)),
                    other => Err(err("RuntimeError", format!("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{other}'"))),
                }
        }
    }
}
