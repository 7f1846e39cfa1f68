//! The built-in layers and losses of `torch.nn`: classes under `nn.Module` whose
//! `__init__` makes PyTorch's parameters with PyTorch's default initialisation (from the
//! session's generator), whose settings are attributes under PyTorch's names, and whose
//! `forward` calls the functional form. Most forwards are one generic method: the class
//! names its functional (`_F`) and the attributes passed to it as keywords (`_F_args`).

use super::module::{attr, set_attr, subclass};
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::engine_ops::flag;
use crate::eval::torch::{device_of, dtype_of, gen, opt_float, tensor};
use crate::nn::init;
use crate::syntax::ast::Ident;
use crate::{DType, Device, Tensor};
use std::rc::Rc;

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

fn int_arg(a: &mut Args, i: usize, name: &str) -> R<i64> {
    to_int(&a.req(i, name)?, name)
}

fn pos_int(a: &mut Args, i: usize, name: &str) -> R<usize> {
    let v = int_arg(a, i, name)?;
    if v < 0 {
        return Err(value_err(format!("{name} must be non-negative, got {v}")));
    }
    Ok(v as usize)
}

/// An int or a tuple of `n` ints as the tuple PyTorch stores (`kernel_size=(3, 3)`).
fn ntuple(v: &Value, n: usize, name: &str) -> R<Value> {
    let items: Vec<i64> = match v {
        Value::Int(i) => vec![*i; n],
        Value::Tuple(_) | Value::List(_) | Value::Size(_) => crate::eval::torch::ints(v, name)?,
        other => vec![to_int(other, name)?; n],
    };
    if items.len() != n {
        return Err(type_err(format!(
            "{name} must be an int or a tuple of {n} ints"
        )));
    }
    Ok(Value::tuple(items.into_iter().map(Value::Int).collect()))
}

/// `device=` and `dtype=` of a layer's constructor.
fn factory(a: &mut Args) -> R<(Device, DType)> {
    let device = a
        .kw("device")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| device_of(&v))
        .transpose()?
        .unwrap_or(Device::Cpu);
    let dtype = a
        .kw("dtype")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| dtype_of(&v))
        .transpose()?
        .unwrap_or(DType::F32);
    Ok((device, dtype))
}

/// A new parameter of `shape`, zero until an init fills it.
fn empty_param(shape: &[usize], dtype: DType) -> R<Tensor> {
    Ok(Tensor::zeros(shape, dtype)?.to_parameter(true)?)
}

/// Moves a finished layer's tensors to `device` (they are made on the CPU).
fn place(it: &mut Interp, me: &Value, device: Device) -> R<()> {
    if device != Device::Cpu {
        it.map_tensors(me, &|t: &Tensor| t.to_device(device))?;
    }
    Ok(())
}

fn start(me: &Value) {
    set_attr(me, "training", Value::Bool(true));
}

fn buffer(me: &Value, name: &str, t: Option<Tensor>) {
    let mut names = match attr(me, "_buffers") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    names.push(Value::str(name));
    set_attr(me, "_buffers", Value::list(names));
    set_attr(me, name, t.map(Value::Tensor).unwrap_or(Value::None));
}

fn t_attr(me: &Value, name: &str) -> Option<Tensor> {
    match attr(me, name) {
        Some(Value::Tensor(t)) => Some(t),
        _ => None,
    }
}

/// Kaiming-uniform weight (a = √5) and a uniform bias bounded by 1/√fan_in: the default of
/// Linear and the convolutions.
fn reset_linear_like(it: &mut Interp, w: &Tensor, b: Option<&Tensor>) -> R<()> {
    init::kaiming_uniform_(w, 5f64.sqrt(), "fan_in", "leaky_relu", gen(it))?;
    if let Some(b) = b {
        let (fan_in, _) = init::fans(w)?;
        let bound = if fan_in > 0 {
            1.0 / (fan_in as f64).sqrt()
        } else {
            0.0
        };
        init::uniform_(b, -bound, bound, gen(it))?;
    }
    Ok(())
}

/// The functional forms layers forward to, by name.
fn functional(name: &str) -> Option<&'static Builtin> {
    crate::eval::torch::tensor_methods::FUNCTIONAL
        .iter()
        .chain(crate::eval::torch::functional_ops::FUNCTIONAL_ENGINE)
        .chain(super::functional::NN_FUNCTIONAL)
        .find(|b| b.name == name)
}

/// The generic `forward(self, *inputs)`: `F.<_F>(*inputs, **{name: self.name for name in
/// _F_args})`.
fn forward_functional(it: &mut Interp, a: &mut Args) -> R<Value> {
    let me = this(a)?;
    let inputs = a.rest(1);
    let extra = std::mem::take(&mut a.kw);
    let Value::Instance(inst) = &me else {
        return Err(type_err("forward needs a module"));
    };
    let (Some(Value::Str(fname)), Some(Value::Tuple(names))) =
        (inst.class.lookup("_F"), inst.class.lookup("_F_args"))
    else {
        return Err(type_err("forward: this layer names no functional"));
    };
    let f = functional(&fname)
        .ok_or_else(|| err("NotImplementedError", format!("F.{fname} is missing")))?;
    let mut kw: Vec<(Ident, Value)> = Vec::new();
    for n in names.iter() {
        let Value::Str(n) = n else { continue };
        let v = if &**n == "training" {
            attr(&me, "training").unwrap_or(Value::Bool(true))
        } else {
            attr(&me, n).unwrap_or(Value::None)
        };
        kw.push((n.clone(), v));
    }
    kw.extend(extra);
    it.call_builtin(f, inputs, kw)
}

/// Python's repr of an attribute (`(3, 3)`, `0.1`, `'same'`).
fn r(it: &mut Interp, me: &Value, name: &str) -> R<String> {
    let v = attr(me, name).unwrap_or(Value::None);
    it.repr(&v)
}

/// A setting printed bare (`padding=same` for a string, as PyTorch's format does).
fn s(it: &mut Interp, me: &Value, name: &str) -> R<String> {
    match attr(me, name) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => it.repr(&v),
        None => Ok("None".into()),
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn has_inplace(me: &Value) -> bool {
    matches!(attr(me, "inplace"), Some(Value::Bool(true)))
}

/// `extra_repr()` of every built-in layer, as PyTorch formats it.
fn extra_repr(it: &mut Interp, me: &Value) -> R<String> {
    let name = super::module::builtin_name(me);
    let bias = |me: &Value| !matches!(attr(me, "bias"), Some(Value::None) | None);
    Ok(match name.as_str() {
        "Linear" | "NonDynamicallyQuantizableLinear" => format!(
            "in_features={}, out_features={}, bias={}",
            r(it, me, "in_features")?,
            r(it, me, "out_features")?,
            if bias(me) { "True" } else { "False" }
        ),
        "Bilinear" => format!(
            "in1_features={}, in2_features={}, out_features={}, bias={}",
            r(it, me, "in1_features")?,
            r(it, me, "in2_features")?,
            r(it, me, "out_features")?,
            if bias(me) { "True" } else { "False" }
        ),
        "Conv1d" | "Conv2d" | "ConvTranspose1d" | "ConvTranspose2d" => {
            let mut out = format!(
                "{}, {}, kernel_size={}, stride={}",
                r(it, me, "in_channels")?,
                r(it, me, "out_channels")?,
                r(it, me, "kernel_size")?,
                r(it, me, "stride")?
            );
            let all = |v: Option<Value>, x: i64| match v {
                Some(Value::Tuple(t)) => t.iter().all(|e| matches!(e, Value::Int(i) if *i == x)),
                _ => false,
            };
            if !all(attr(me, "padding"), 0) {
                out += &format!(", padding={}", s(it, me, "padding")?);
            }
            if !all(attr(me, "dilation"), 1) {
                out += &format!(", dilation={}", r(it, me, "dilation")?);
            }
            if !all(attr(me, "output_padding"), 0) {
                out += &format!(", output_padding={}", r(it, me, "output_padding")?);
            }
            if !matches!(attr(me, "groups"), Some(Value::Int(1))) {
                out += &format!(", groups={}", r(it, me, "groups")?);
            }
            if !bias(me) {
                out += ", bias=False";
            }
            out
        }
        "MaxPool1d" | "MaxPool2d" => format!(
            "kernel_size={}, stride={}, padding={}, dilation={}, ceil_mode={}",
            r(it, me, "kernel_size")?,
            r(it, me, "stride")?,
            r(it, me, "padding")?,
            r(it, me, "dilation")?,
            r(it, me, "ceil_mode")?
        ),
        "AvgPool1d" | "AvgPool2d" => format!(
            "kernel_size={}, stride={}, padding={}",
            r(it, me, "kernel_size")?,
            r(it, me, "stride")?,
            r(it, me, "padding")?
        ),
        "AdaptiveAvgPool1d" | "AdaptiveAvgPool2d" | "AdaptiveMaxPool2d" => {
            format!("output_size={}", r(it, me, "output_size")?)
        }
        "BatchNorm1d" | "BatchNorm2d" => format!(
            "{}, eps={}, momentum={}, affine={}, bias={}, track_running_stats={}",
            r(it, me, "num_features")?,
            r(it, me, "eps")?,
            r(it, me, "momentum")?,
            r(it, me, "affine")?,
            py_bool(bias(me)),
            r(it, me, "track_running_stats")?
        ),
        "LayerNorm" => format!(
            "{}, eps={}, elementwise_affine={}, bias={}",
            r(it, me, "normalized_shape")?,
            r(it, me, "eps")?,
            r(it, me, "elementwise_affine")?,
            py_bool(bias(me))
        ),
        "GroupNorm" => format!(
            "{}, {}, eps={}, affine={}, bias={}",
            r(it, me, "num_groups")?,
            r(it, me, "num_channels")?,
            r(it, me, "eps")?,
            r(it, me, "affine")?,
            py_bool(bias(me))
        ),
        "Dropout" => format!("p={}, inplace={}", r(it, me, "p")?, r(it, me, "inplace")?),
        "Embedding" => {
            let mut out = format!(
                "{}, {}",
                r(it, me, "num_embeddings")?,
                r(it, me, "embedding_dim")?
            );
            if !matches!(attr(me, "padding_idx"), Some(Value::None) | None) {
                out += &format!(", padding_idx={}", r(it, me, "padding_idx")?);
            }
            out
        }
        "Flatten" => format!(
            "start_dim={}, end_dim={}",
            r(it, me, "start_dim")?,
            r(it, me, "end_dim")?
        ),
        "Unflatten" => format!(
            "dim={}, unflattened_size={}",
            r(it, me, "dim")?,
            r(it, me, "unflattened_size")?
        ),
        "ReLU" | "ReLU6" | "SiLU" => {
            if has_inplace(me) {
                "inplace=True".into()
            } else {
                String::new()
            }
        }
        "LeakyReLU" => {
            let mut out = format!("negative_slope={}", r(it, me, "negative_slope")?);
            if has_inplace(me) {
                out += ", inplace=True";
            }
            out
        }
        "ELU" => {
            let mut out = format!("alpha={}", r(it, me, "alpha")?);
            if has_inplace(me) {
                out += ", inplace=True";
            }
            out
        }
        "GELU" => format!("approximate={}", r(it, me, "approximate")?),
        "Softplus" => format!(
            "beta={}, threshold={}",
            r(it, me, "beta")?,
            r(it, me, "threshold")?
        ),
        "Softmax" | "LogSoftmax" => format!("dim={}", r(it, me, "dim")?),
        "RNN" | "LSTM" | "GRU" => super::rnn::rnn_extra_repr(it, me)?,
        _ => String::new(),
    })
}

table! { LAYER_COMMON:
    "extra_repr", "extra_repr()", "The layer's settings, as PyTorch prints them." => |it, a| {
        let me = this(a)?;
        Ok(Value::str(&extra_repr(it, &me)?))
    };
    "forward", "forward(*input)", "Calls the layer's functional form with its settings." => |it, a| forward_functional(it, a);
}

table! { LINEAR:
    "__init__", "Linear(in_features, out_features, bias=True, device=None, dtype=None)", "y = x @ weight.T + bias: weight [out, in] and bias initialised as PyTorch's." => |it, a| {
        let me = this(a)?;
        let i = pos_int(a, 1, "in_features")?;
        let o = pos_int(a, 2, "out_features")?;
        let has_bias = flag(it, a, 3, "bias", true)?;
        let (device, dtype) = factory(a)?;
        a.finish()?;
        start(&me);
        set_attr(&me, "in_features", Value::Int(i as i64));
        set_attr(&me, "out_features", Value::Int(o as i64));
        let w = empty_param(&[o, i], dtype)?;
        let b = if has_bias { Some(empty_param(&[o], dtype)?) } else { None };
        reset_linear_like(it, &w, b.as_ref())?;
        set_attr(&me, "weight", Value::Tensor(w));
        set_attr(&me, "bias", b.map(Value::Tensor).unwrap_or(Value::None));
        place(it, &me, device)?;
        Ok(Value::None)
    };
    "forward", "forward(input)", "input @ weight.T + bias." => |_, a| {
        let me = this(a)?;
        let x = tensor(&a.req(1, "input")?, "Linear.forward(): argument 'input'")?;
        a.finish()?;
        let w = t_attr(&me, "weight").ok_or_else(|| type_err("Linear has no weight"))?;
        let b = t_attr(&me, "bias");
        Ok(Value::Tensor(crate::nn::functional::linear(&x, &w, b.as_ref())?))
    };
}

table! { BILINEAR:
    "__init__", "Bilinear(in1_features, in2_features, out_features, bias=True, device=None, dtype=None)", "y = x1 · W · x2 + b." => |it, a| {
        let me = this(a)?;
        let i1 = pos_int(a, 1, "in1_features")?;
        let i2 = pos_int(a, 2, "in2_features")?;
        let o = pos_int(a, 3, "out_features")?;
        let has_bias = flag(it, a, 4, "bias", true)?;
        let (device, dtype) = factory(a)?;
        a.finish()?;
        start(&me);
        set_attr(&me, "in1_features", Value::Int(i1 as i64));
        set_attr(&me, "in2_features", Value::Int(i2 as i64));
        set_attr(&me, "out_features", Value::Int(o as i64));
        let bound = 1.0 / (i1 as f64).sqrt();
        let w = empty_param(&[o, i1, i2], dtype)?;
        init::uniform_(&w, -bound, bound, gen(it))?;
        set_attr(&me, "weight", Value::Tensor(w));
        let b = if has_bias {
            let b = empty_param(&[o], dtype)?;
            init::uniform_(&b, -bound, bound, gen(it))?;
            Value::Tensor(b)
        } else { Value::None };
        set_attr(&me, "bias", b);
        place(it, &me, device)?;
        Ok(Value::None)
    };
}

/// Conv1d / Conv2d / ConvTranspose2d's constructor; `dims` spatial dimensions.
fn conv_init(it: &mut Interp, a: &mut Args, dims: usize, transposed: bool) -> R<Value> {
    let me = this(a)?;
    let cin = pos_int(a, 1, "in_channels")?;
    let cout = pos_int(a, 2, "out_channels")?;
    let k = ntuple(&a.req(3, "kernel_size")?, dims, "kernel_size")?;
    let stride = ntuple(&a.opt(4, "stride").unwrap_or(Value::Int(1)), dims, "stride")?;
    let padding = match a.opt(5, "padding").unwrap_or(Value::Int(0)) {
        Value::Str(s) if !transposed => {
            if &*s != "same" && &*s != "valid" {
                return Err(value_err(format!(
                    "Invalid padding string '{s}', should be one of ['valid', 'same']"
                )));
            }
            Value::Str(s)
        }
        v => ntuple(&v, dims, "padding")?,
    };
    let (output_padding, groups_at, bias_at, dil_at) = if transposed {
        (
            ntuple(
                &a.opt(6, "output_padding").unwrap_or(Value::Int(0)),
                dims,
                "output_padding",
            )?,
            7,
            8,
            9,
        )
    } else {
        (ntuple(&Value::Int(0), dims, "output_padding")?, 7, 8, 6)
    };
    let dilation = ntuple(
        &a.opt(dil_at, "dilation").unwrap_or(Value::Int(1)),
        dims,
        "dilation",
    )?;
    let groups = a
        .opt(groups_at, "groups")
        .map(|v| to_int(&v, "groups"))
        .transpose()?
        .unwrap_or(1);
    let has_bias = flag(it, a, bias_at, "bias", true)?;
    let mode = a
        .opt(if transposed { 10 } else { 9 }, "padding_mode")
        .map(|v| to_str(&v, "padding_mode"))
        .transpose()?;
    let (device, dtype) = factory(a)?;
    a.finish()?;
    if groups <= 0 {
        return Err(value_err("groups must be a positive integer"));
    }
    let g = groups as usize;
    if cin % g != 0 {
        return Err(value_err("in_channels must be divisible by groups"));
    }
    if cout % g != 0 {
        return Err(value_err("out_channels must be divisible by groups"));
    }
    if let Some(m) = &mode {
        if &**m != "zeros" {
            return Err(err(
                "NotImplementedError",
                format!("padding_mode='{m}' is not available in this build yet; use the default 'zeros' (or F.pad first)"),
            ));
        }
    }
    start(&me);
    set_attr(&me, "in_channels", Value::Int(cin as i64));
    set_attr(&me, "out_channels", Value::Int(cout as i64));
    let ks = crate::eval::torch::ints(&k, "kernel_size")?;
    set_attr(&me, "kernel_size", k);
    set_attr(&me, "stride", stride);
    set_attr(&me, "padding", padding);
    set_attr(&me, "dilation", dilation);
    set_attr(&me, "output_padding", output_padding);
    set_attr(&me, "groups", Value::Int(groups));
    set_attr(&me, "padding_mode", Value::str("zeros"));
    let mut shape = if transposed {
        vec![cin, cout / g]
    } else {
        vec![cout, cin / g]
    };
    shape.extend(ks.iter().map(|&d| d.max(0) as usize));
    let w = empty_param(&shape, dtype)?;
    let b = if has_bias {
        Some(empty_param(&[cout], dtype)?)
    } else {
        None
    };
    reset_linear_like(it, &w, b.as_ref())?;
    set_attr(&me, "weight", Value::Tensor(w));
    set_attr(&me, "bias", b.map(Value::Tensor).unwrap_or(Value::None));
    place(it, &me, device)?;
    Ok(Value::None)
}

table! { CONV1D:
    "__init__", "Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')", "A 1-D convolution over N×C×L input." => |it, a| conv_init(it, a, 1, false);
}
table! { CONV2D:
    "__init__", "Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')", "A 2-D convolution over N×C×H×W input." => |it, a| conv_init(it, a, 2, false);
}
table! { CONV_T2D:
    "__init__", "ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)", "The transpose of Conv2d: upsamples N×C×H×W input." => |it, a| conv_init(it, a, 2, true);
}

fn pool_init(it: &mut Interp, a: &mut Args, max: bool) -> R<Value> {
    let me = this(a)?;
    let k = a.req(1, "kernel_size")?;
    let stride = a.opt(2, "stride").unwrap_or_else(|| k.clone());
    let padding = a.opt(3, "padding").unwrap_or(Value::Int(0));
    start(&me);
    set_attr(&me, "kernel_size", k);
    set_attr(&me, "stride", stride);
    set_attr(&me, "padding", padding);
    if max {
        let dilation = a.opt(4, "dilation").unwrap_or(Value::Int(1));
        let ri = flag(it, a, 5, "return_indices", false)?;
        let ceil = flag(it, a, 6, "ceil_mode", false)?;
        set_attr(&me, "dilation", dilation);
        set_attr(&me, "return_indices", Value::Bool(ri));
        set_attr(&me, "ceil_mode", Value::Bool(ceil));
    } else {
        let ceil = flag(it, a, 4, "ceil_mode", false)?;
        let cip = flag(it, a, 5, "count_include_pad", true)?;
        let div = a.opt(6, "divisor_override").unwrap_or(Value::None);
        set_attr(&me, "ceil_mode", Value::Bool(ceil));
        set_attr(&me, "count_include_pad", Value::Bool(cip));
        set_attr(&me, "divisor_override", div);
    }
    a.finish()?;
    Ok(Value::None)
}

table! { MAXPOOL:
    "__init__", "MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)", "The maximum of each window." => |it, a| pool_init(it, a, true);
}
table! { AVGPOOL:
    "__init__", "AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)", "The mean of each window." => |it, a| pool_init(it, a, false);
}
table! { ADAPTIVE:
    "__init__", "AdaptiveAvgPool2d(output_size)", "Means over windows chosen to give output_size." => |_, a| {
        let me = this(a)?;
        let o = a.req(1, "output_size")?;
        a.kw("return_indices");
        a.finish()?;
        start(&me);
        set_attr(&me, "output_size", o);
        Ok(Value::None)
    };
}

table! { BATCHNORM:
    "__init__", "BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", "Normalises each channel over the batch; keeps running statistics for eval mode." => |it, a| {
        let me = this(a)?;
        let c = pos_int(a, 1, "num_features")?;
        let eps = opt_float(a, 2, "eps")?.unwrap_or(1e-5);
        let momentum = match a.get(3, "momentum") { Some(Value::None) => Value::None, Some(v) => Value::Float(to_float(&v, "momentum")?), None => Value::Float(0.1) };
        let affine = flag(it, a, 4, "affine", true)?;
        let track = flag(it, a, 5, "track_running_stats", true)?;
        let has_bias = match a.kw("bias") { Some(v) => it.truthy(&v)?, None => true };
        let (device, dtype) = factory(a)?;
        a.finish()?;
        start(&me);
        set_attr(&me, "num_features", Value::Int(c as i64));
        set_attr(&me, "eps", Value::Float(eps));
        set_attr(&me, "momentum", momentum);
        set_attr(&me, "affine", Value::Bool(affine));
        set_attr(&me, "track_running_stats", Value::Bool(track));
        if affine {
            set_attr(&me, "weight", Value::Tensor(Tensor::ones(&[c], dtype)?.to_parameter(true)?));
            set_attr(&me, "bias", if has_bias { Value::Tensor(empty_param(&[c], dtype)?) } else { Value::None });
        } else {
            set_attr(&me, "weight", Value::None);
            set_attr(&me, "bias", Value::None);
        }
        if track {
            buffer(&me, "running_mean", Some(Tensor::zeros(&[c], dtype)?));
            buffer(&me, "running_var", Some(Tensor::ones(&[c], dtype)?));
            buffer(&me, "num_batches_tracked", Some(Tensor::scalar(0i64)?));
        } else {
            buffer(&me, "running_mean", None);
            buffer(&me, "running_var", None);
            buffer(&me, "num_batches_tracked", None);
        }
        place(it, &me, device)?;
        Ok(Value::None)
    };
    "forward", "forward(input)", "Batch statistics in training (the running ones move), running statistics in eval." => |it, a| {
        let me = this(a)?;
        let x = tensor(&a.req(1, "input")?, "BatchNorm.forward(): argument 'input'")?;
        a.finish()?;
        let two_d = me.type_name().ends_with("2d") || matches!(attr(&me, "_dims"), Some(Value::Int(4)));
        let ok = if two_d { x.dim() == 4 } else { x.dim() == 2 || x.dim() == 3 };
        if !ok {
            return Err(value_err(if two_d {
                format!("expected 4D input (got {}D input)", x.dim())
            } else {
                format!("expected 2D or 3D input (got {}D input)", x.dim())
            }));
        }
        let training = matches!(attr(&me, "training"), Some(Value::Bool(true)));
        let rm = t_attr(&me, "running_mean");
        let rv = t_attr(&me, "running_var");
        let mut momentum = match attr(&me, "momentum") { Some(Value::None) => None, Some(v) => Some(to_float(&v, "momentum")?), None => Some(0.1) };
        if training {
            if let Some(n) = t_attr(&me, "num_batches_tracked") {
                crate::tensor::graph::no_grad(|| n.add_(1i64).map(|_| ()))?;
                if momentum.is_none() {
                    momentum = Some(1.0 / n.item()?.to_f64());
                }
            }
        }
        let eps = attr(&me, "eps").map(|v| to_float(&v, "eps")).transpose()?.unwrap_or(1e-5);
        let use_batch = training || rm.is_none();
        let out = crate::nn::functional::batch_norm(
            &x,
            if use_batch && !training { None } else { rm.as_ref() },
            rv.as_ref(),
            t_attr(&me, "weight").as_ref(),
            t_attr(&me, "bias").as_ref(),
            use_batch,
            momentum.unwrap_or(0.0),
            eps,
        )?;
        let _ = it;
        Ok(Value::Tensor(out))
    };
}

table! { LAYERNORM:
    "__init__", "LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True)", "Normalises over the last dimensions, with a learned scale and shift." => |it, a| {
        let me = this(a)?;
        let shape_v = a.req(1, "normalized_shape")?;
        let shape: Vec<i64> = match &shape_v { Value::Int(i) => vec![*i], v => crate::eval::torch::ints(v, "normalized_shape")? };
        let eps = opt_float(a, 2, "eps")?.unwrap_or(1e-5);
        let affine = flag(it, a, 3, "elementwise_affine", true)?;
        let has_bias = flag(it, a, 4, "bias", true)?;
        let (device, dtype) = factory(a)?;
        a.finish()?;
        start(&me);
        let dims: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
        set_attr(&me, "normalized_shape", Value::tuple(shape.into_iter().map(Value::Int).collect()));
        set_attr(&me, "eps", Value::Float(eps));
        set_attr(&me, "elementwise_affine", Value::Bool(affine));
        if affine {
            set_attr(&me, "weight", Value::Tensor(Tensor::ones(&dims, dtype)?.to_parameter(true)?));
            set_attr(&me, "bias", if has_bias { Value::Tensor(empty_param(&dims, dtype)?) } else { Value::None });
        } else {
            set_attr(&me, "weight", Value::None);
            set_attr(&me, "bias", Value::None);
        }
        place(it, &me, device)?;
        Ok(Value::None)
    };
}

table! { GROUPNORM:
    "__init__", "GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)", "Normalises groups of channels, with a learned per-channel scale and shift." => |it, a| {
        let me = this(a)?;
        let g = pos_int(a, 1, "num_groups")?;
        let c = pos_int(a, 2, "num_channels")?;
        let eps = opt_float(a, 3, "eps")?.unwrap_or(1e-5);
        let affine = flag(it, a, 4, "affine", true)?;
        let has_bias = match a.kw("bias") { Some(v) => it.truthy(&v)?, None => true };
        let (device, dtype) = factory(a)?;
        a.finish()?;
        if g == 0 || c % g != 0 {
            return Err(value_err("num_channels must be divisible by num_groups"));
        }
        start(&me);
        set_attr(&me, "num_groups", Value::Int(g as i64));
        set_attr(&me, "num_channels", Value::Int(c as i64));
        set_attr(&me, "eps", Value::Float(eps));
        set_attr(&me, "affine", Value::Bool(affine));
        if affine {
            set_attr(&me, "weight", Value::Tensor(Tensor::ones(&[c], dtype)?.to_parameter(true)?));
            set_attr(&me, "bias", if has_bias { Value::Tensor(empty_param(&[c], dtype)?) } else { Value::None });
        } else {
            set_attr(&me, "weight", Value::None);
            set_attr(&me, "bias", Value::None);
        }
        place(it, &me, device)?;
        Ok(Value::None)
    };
}

table! { DROPOUT:
    "__init__", "Dropout(p=0.5, inplace=False)", "Zeroes elements with probability p while training." => |it, a| {
        let me = this(a)?;
        let p = opt_float(a, 1, "p")?.unwrap_or(0.5);
        let inplace = flag(it, a, 2, "inplace", false)?;
        a.finish()?;
        if !(0.0..=1.0).contains(&p) {
            return Err(value_err(format!("dropout probability has to be between 0 and 1, but got {}", it.repr(&Value::Float(p))?)));
        }
        start(&me);
        set_attr(&me, "p", Value::Float(p));
        set_attr(&me, "inplace", Value::Bool(inplace));
        Ok(Value::None)
    };
}

table! { EMBEDDING:
    "__init__", "Embedding(num_embeddings, embedding_dim, padding_idx=None)", "A lookup table of num_embeddings vectors, initialised N(0, 1)." => |it, a| {
        let me = this(a)?;
        let n = pos_int(a, 1, "num_embeddings")?;
        let d = pos_int(a, 2, "embedding_dim")?;
        let pi = a.opt(3, "padding_idx").map(|v| to_int(&v, "padding_idx")).transpose()?;
        if a.opt(4, "max_norm").is_some() {
            return Err(err("NotImplementedError", "Embedding(max_norm=...) is not available in this build yet"));
        }
        a.kw("norm_type");
        a.kw("scale_grad_by_freq");
        a.kw("sparse");
        let weight = a.kw("_weight");
        a.kw("_freeze");
        let (device, dtype) = factory(a)?;
        a.finish()?;
        let pi = match pi {
            Some(p) if p >= n as i64 || p < -(n as i64) => return Err(err("AssertionError", "Padding_idx must be within num_embeddings")),
            Some(p) if p < 0 => Some(p + n as i64),
            p => p,
        };
        start(&me);
        set_attr(&me, "num_embeddings", Value::Int(n as i64));
        set_attr(&me, "embedding_dim", Value::Int(d as i64));
        set_attr(&me, "padding_idx", pi.map(Value::Int).unwrap_or(Value::None));
        let w = match weight {
            Some(v) => tensor(&v, "_weight")?.detach().to_parameter(true)?,
            None => {
                let w = empty_param(&[n, d], dtype)?;
                init::normal_(&w, 0.0, 1.0, gen(it))?;
                if let Some(p) = pi {
                    crate::tensor::graph::no_grad(|| w.select(0, p)?.fill_(0.0).map(|_| ()))?;
                }
                w
            }
        };
        set_attr(&me, "weight", Value::Tensor(w));
        place(it, &me, device)?;
        Ok(Value::None)
    };
}

table! { FLATTEN:
    "__init__", "Flatten(start_dim=1, end_dim=-1)", "Flattens dimensions start_dim..end_dim into one." => |_, a| {
        let me = this(a)?;
        let s = a.opt(1, "start_dim").map(|v| to_int(&v, "start_dim")).transpose()?.unwrap_or(1);
        let e = a.opt(2, "end_dim").map(|v| to_int(&v, "end_dim")).transpose()?.unwrap_or(-1);
        a.finish()?;
        start(&me);
        set_attr(&me, "start_dim", Value::Int(s));
        set_attr(&me, "end_dim", Value::Int(e));
        Ok(Value::None)
    };
    "forward", "forward(input)", "input.flatten(start_dim, end_dim)." => |_, a| {
        let me = this(a)?;
        let x = tensor(&a.req(1, "input")?, "Flatten.forward(): argument 'input'")?;
        a.finish()?;
        let s = attr(&me, "start_dim").map(|v| to_int(&v, "start_dim")).transpose()?.unwrap_or(1);
        let e = attr(&me, "end_dim").map(|v| to_int(&v, "end_dim")).transpose()?.unwrap_or(-1);
        Ok(Value::Tensor(x.flatten(s, e)?))
    };
}

table! { UNFLATTEN:
    "__init__", "Unflatten(dim, unflattened_size)", "Splits dimension dim into unflattened_size." => |_, a| {
        let me = this(a)?;
        let d = int_arg(a, 1, "dim")?;
        let sizes = crate::eval::torch::ints(&a.req(2, "unflattened_size")?, "unflattened_size")?;
        a.finish()?;
        start(&me);
        set_attr(&me, "dim", Value::Int(d));
        set_attr(&me, "unflattened_size", Value::tuple(sizes.into_iter().map(Value::Int).collect()));
        Ok(Value::None)
    };
    "forward", "forward(input)", "input.unflatten(dim, unflattened_size)." => |_, a| {
        let me = this(a)?;
        let x = tensor(&a.req(1, "input")?, "Unflatten.forward(): argument 'input'")?;
        a.finish()?;
        let d = attr(&me, "dim").map(|v| to_int(&v, "dim")).transpose()?.unwrap_or(1);
        let sizes = crate::eval::torch::ints(&attr(&me, "unflattened_size").unwrap_or(Value::None), "unflattened_size")?;
        Ok(Value::Tensor(x.unflatten(d, &sizes)?))
    };
}

table! { IDENTITY:
    "__init__", "Identity(*args, **kwargs)", "Returns its input unchanged (arguments are ignored)." => |_, a| {
        let me = this(a)?;
        a.rest(1);
        a.kw.clear();
        start(&me);
        Ok(Value::None)
    };
    "forward", "forward(input)", "The input itself." => |_, a| {
        this(a)?;
        let x = a.req(1, "input")?;
        a.finish()?;
        Ok(x)
    };
}

/// An activation's constructor: its settings in order, with defaults.
fn act_init(it: &mut Interp, a: &mut Args, settings: &[(&str, Value)]) -> R<Value> {
    let me = this(a)?;
    start(&me);
    for (i, (name, default)) in settings.iter().enumerate() {
        let v = match a.get(i + 1, name) {
            Some(v) => match default {
                Value::Bool(_) => Value::Bool(it.truthy(&v)?),
                Value::Float(_) => Value::Float(to_float(&v, name)?),
                _ => v,
            },
            None => default.clone(),
        };
        set_attr(&me, name, v);
    }
    a.finish()?;
    Ok(Value::None)
}

table! { RELU: "__init__", "ReLU(inplace=False)", "max(x, 0)." => |it, a| act_init(it, a, &[("inplace", Value::Bool(false))]); }
table! { RELU6: "__init__", "ReLU6(inplace=False)", "min(max(x, 0), 6)." => |it, a| act_init(it, a, &[("inplace", Value::Bool(false))]); }
table! { LEAKY: "__init__", "LeakyReLU(negative_slope=0.01, inplace=False)", "x, or negative_slope * x below 0." => |it, a| act_init(it, a, &[("negative_slope", Value::Float(0.01)), ("inplace", Value::Bool(false))]); }
table! { GELU: "__init__", "GELU(approximate='none')", "x * Φ(x)." => |it, a| act_init(it, a, &[("approximate", Value::str("none"))]); }
table! { SILU: "__init__", "SiLU(inplace=False)", "x * sigmoid(x)." => |it, a| act_init(it, a, &[("inplace", Value::Bool(false))]); }
table! { PLAIN: "__init__", "Sigmoid()", "An activation without settings." => |it, a| act_init(it, a, &[]); }
table! { SOFTMAX: "__init__", "Softmax(dim=None)", "exp(x) / sum(exp(x)) along dim." => |it, a| act_init(it, a, &[("dim", Value::None)]); }
table! { ELU: "__init__", "ELU(alpha=1.0, inplace=False)", "x, or alpha * (exp(x) - 1) below 0." => |it, a| act_init(it, a, &[("alpha", Value::Float(1.0)), ("inplace", Value::Bool(false))]); }
table! { SOFTPLUS: "__init__", "Softplus(beta=1.0, threshold=20.0)", "log(1 + exp(beta * x)) / beta." => |it, a| act_init(it, a, &[("beta", Value::Float(1.0)), ("threshold", Value::Float(20.0))]); }

/// A loss's constructor: `weight`-like tensors become buffers, the rest settings.
fn loss_init(it: &mut Interp, a: &mut Args, settings: &[(&str, Value)]) -> R<Value> {
    let me = this(a)?;
    a.kw("size_average");
    a.kw("reduce");
    start(&me);
    for (pos, (name, default)) in (1..).zip(settings.iter()) {
        let v = a.get(pos, name);
        if matches!(*name, "size_average" | "reduce") {
            continue;
        }
        match (*name, v) {
            ("weight" | "pos_weight", v) => {
                let t = v
                    .filter(|v| !matches!(v, Value::None))
                    .map(|v| tensor(&v, name))
                    .transpose()?;
                buffer(&me, name, t);
            }
            ("reduction", Some(v)) => {
                let s = to_str(&v, "reduction")?;
                if &*s != "batchmean" {
                    crate::nn::Reduction::parse(&s)?;
                }
                set_attr(&me, name, Value::Str(s));
            }
            (_, Some(v)) => {
                let v = match default {
                    Value::Bool(_) => Value::Bool(it.truthy(&v)?),
                    Value::Float(_) => Value::Float(to_float(&v, name)?),
                    _ => v,
                };
                set_attr(&me, name, v);
            }
            (_, None) => set_attr(&me, name, default.clone()),
        }
    }
    a.finish()?;
    Ok(Value::None)
}

fn red() -> (&'static str, Value) {
    ("reduction", Value::str("mean"))
}

table! { MSE: "__init__", "MSELoss(reduction='mean')", "The mean squared error." => |it, a| loss_init(it, a, &[("size_average", Value::None), ("reduce", Value::None), red()]); }
table! { L1: "__init__", "L1Loss(reduction='mean')", "The mean absolute error." => |it, a| loss_init(it, a, &[("size_average", Value::None), ("reduce", Value::None), red()]); }
table! { SMOOTHL1: "__init__", "SmoothL1Loss(reduction='mean', beta=1.0)", "Squared below beta, absolute above." => |it, a| loss_init(it, a, &[("size_average", Value::None), ("reduce", Value::None), red(), ("beta", Value::Float(1.0))]); }
table! { HUBER: "__init__", "HuberLoss(reduction='mean', delta=1.0)", "Squared below delta, delta-scaled absolute above." => |it, a| loss_init(it, a, &[red(), ("delta", Value::Float(1.0))]); }
table! { CE: "__init__", "CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)", "log_softmax then negative log-likelihood, for raw scores (logits)." => |it, a| loss_init(it, a, &[("weight", Value::None), ("size_average", Value::None), ("ignore_index", Value::Int(-100)), ("reduce", Value::None), red(), ("label_smoothing", Value::Float(0.0))]); }
table! { NLL: "__init__", "NLLLoss(weight=None, ignore_index=-100, reduction='mean')", "The negative log-likelihood, for log-probabilities." => |it, a| loss_init(it, a, &[("weight", Value::None), ("size_average", Value::None), ("ignore_index", Value::Int(-100)), ("reduce", Value::None), red()]); }
table! { BCE: "__init__", "BCELoss(weight=None, reduction='mean')", "Binary cross-entropy, for probabilities." => |it, a| loss_init(it, a, &[("weight", Value::None), ("size_average", Value::None), ("reduce", Value::None), red()]); }
table! { BCEL: "__init__", "BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)", "Sigmoid and binary cross-entropy, for logits." => |it, a| loss_init(it, a, &[("weight", Value::None), ("size_average", Value::None), ("reduce", Value::None), red(), ("pos_weight", Value::None)]); }
table! { KLDIV: "__init__", "KLDivLoss(reduction='mean', log_target=False)", "KL divergence, input as log-probabilities." => |it, a| loss_init(it, a, &[("size_average", Value::None), ("reduce", Value::None), red(), ("log_target", Value::Bool(false))]); }

table! { RNN_T:
    "__init__", "RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False, dropout=0.0, bidirectional=False)", "An Elman RNN: h = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)." => |it, a| super::rnn::rnn_init(it, a, "RNN_TANH");
    "forward", "forward(input, hx=None)", "(output, h_n)." => |it, a| super::rnn::rnn_forward(it, a);
}
table! { LSTM_T:
    "__init__", "LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False)", "A long short-term memory stack (gates i, f, g, o)." => |it, a| super::rnn::rnn_init(it, a, "LSTM");
    "forward", "forward(input, hx=None)", "(output, (h_n, c_n))." => |it, a| super::rnn::rnn_forward(it, a);
}
table! { GRU_T:
    "__init__", "GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False)", "A gated recurrent unit stack (gates r, z, n)." => |it, a| super::rnn::rnn_init(it, a, "GRU");
    "forward", "forward(input, hx=None)", "(output, h_n)." => |it, a| super::rnn::rnn_forward(it, a);
}

/// `(class name, methods, functional, attributes passed to it)`.
type LayerSpec = (
    &'static str,
    &'static [Builtin],
    &'static str,
    &'static [&'static str],
);

const LAYERS: &[LayerSpec] = &[
    ("Linear", LINEAR, "", &[]),
    ("Bilinear", BILINEAR, "bilinear", &["weight", "bias"]),
    (
        "Conv1d",
        CONV1D,
        "conv1d",
        &["weight", "bias", "stride", "padding", "dilation", "groups"],
    ),
    (
        "Conv2d",
        CONV2D,
        "conv2d",
        &["weight", "bias", "stride", "padding", "dilation", "groups"],
    ),
    (
        "ConvTranspose2d",
        CONV_T2D,
        "conv_transpose2d",
        &[
            "weight",
            "bias",
            "stride",
            "padding",
            "output_padding",
            "groups",
            "dilation",
        ],
    ),
    (
        "MaxPool1d",
        MAXPOOL,
        "max_pool1d",
        &[
            "kernel_size",
            "stride",
            "padding",
            "dilation",
            "ceil_mode",
            "return_indices",
        ],
    ),
    (
        "MaxPool2d",
        MAXPOOL,
        "max_pool2d",
        &[
            "kernel_size",
            "stride",
            "padding",
            "dilation",
            "ceil_mode",
            "return_indices",
        ],
    ),
    (
        "AvgPool1d",
        AVGPOOL,
        "avg_pool1d",
        &[
            "kernel_size",
            "stride",
            "padding",
            "ceil_mode",
            "count_include_pad",
        ],
    ),
    (
        "AvgPool2d",
        AVGPOOL,
        "avg_pool2d",
        &[
            "kernel_size",
            "stride",
            "padding",
            "ceil_mode",
            "count_include_pad",
            "divisor_override",
        ],
    ),
    (
        "AdaptiveAvgPool1d",
        ADAPTIVE,
        "adaptive_avg_pool1d",
        &["output_size"],
    ),
    (
        "AdaptiveAvgPool2d",
        ADAPTIVE,
        "adaptive_avg_pool2d",
        &["output_size"],
    ),
    (
        "AdaptiveMaxPool2d",
        ADAPTIVE,
        "adaptive_max_pool2d",
        &["output_size"],
    ),
    ("BatchNorm1d", BATCHNORM, "", &[]),
    ("BatchNorm2d", BATCHNORM, "", &[]),
    (
        "LayerNorm",
        LAYERNORM,
        "layer_norm",
        &["normalized_shape", "weight", "bias", "eps"],
    ),
    (
        "GroupNorm",
        GROUPNORM,
        "group_norm",
        &["num_groups", "weight", "bias", "eps"],
    ),
    ("Dropout", DROPOUT, "dropout", &["p", "training", "inplace"]),
    (
        "Embedding",
        EMBEDDING,
        "embedding",
        &["weight", "padding_idx"],
    ),
    ("Flatten", FLATTEN, "", &[]),
    ("Unflatten", UNFLATTEN, "", &[]),
    ("Identity", IDENTITY, "", &[]),
    ("ReLU", RELU, "relu", &["inplace"]),
    ("ReLU6", RELU6, "relu6", &["inplace"]),
    (
        "LeakyReLU",
        LEAKY,
        "leaky_relu",
        &["negative_slope", "inplace"],
    ),
    ("GELU", GELU, "gelu", &["approximate"]),
    ("SiLU", SILU, "silu", &["inplace"]),
    ("Sigmoid", PLAIN, "sigmoid", &[]),
    ("Tanh", PLAIN, "tanh", &[]),
    ("Softmax", SOFTMAX, "softmax", &["dim"]),
    ("LogSoftmax", SOFTMAX, "log_softmax", &["dim"]),
    ("ELU", ELU, "elu", &["alpha", "inplace"]),
    ("Softplus", SOFTPLUS, "softplus", &["beta", "threshold"]),
    ("NonDynamicallyQuantizableLinear", LINEAR, "", &[]),
    ("MultiheadAttention", super::attention::MHA, "", &[]),
    (
        "TransformerEncoderLayer",
        super::attention::ENCODER_LAYER,
        "",
        &[],
    ),
    ("RNN", RNN_T, "", &[]),
    ("LSTM", LSTM_T, "", &[]),
    ("GRU", GRU_T, "", &[]),
    ("MSELoss", MSE, "mse_loss", &["reduction"]),
    ("L1Loss", L1, "l1_loss", &["reduction"]),
    (
        "SmoothL1Loss",
        SMOOTHL1,
        "smooth_l1_loss",
        &["reduction", "beta"],
    ),
    ("HuberLoss", HUBER, "huber_loss", &["reduction", "delta"]),
    (
        "CrossEntropyLoss",
        CE,
        "cross_entropy",
        &["weight", "ignore_index", "reduction", "label_smoothing"],
    ),
    (
        "NLLLoss",
        NLL,
        "nll_loss",
        &["weight", "ignore_index", "reduction"],
    ),
    (
        "BCELoss",
        BCE,
        "binary_cross_entropy",
        &["weight", "reduction"],
    ),
    (
        "BCEWithLogitsLoss",
        BCEL,
        "binary_cross_entropy_with_logits",
        &["weight", "reduction", "pos_weight"],
    ),
    ("KLDivLoss", KLDIV, "kl_div", &["reduction", "log_target"]),
];

/// Where PyTorch defines each layer (`torch.nn.modules.<file>`).
fn module_path(name: &str) -> &'static str {
    match name {
        "Linear" | "Bilinear" | "Identity" | "NonDynamicallyQuantizableLinear" => {
            "torch.nn.modules.linear"
        }
        "MultiheadAttention" => "torch.nn.modules.activation",
        "TransformerEncoderLayer" => "torch.nn.modules.transformer",
        n if n.starts_with("Conv") => "torch.nn.modules.conv",
        n if n.contains("Pool") => "torch.nn.modules.pooling",
        n if n.starts_with("BatchNorm") => "torch.nn.modules.batchnorm",
        "LayerNorm" | "GroupNorm" => "torch.nn.modules.normalization",
        "Dropout" => "torch.nn.modules.dropout",
        "Embedding" => "torch.nn.modules.sparse",
        "Flatten" | "Unflatten" => "torch.nn.modules.flatten",
        "RNN" | "LSTM" | "GRU" => "torch.nn.modules.rnn",
        n if n.ends_with("Loss") => "torch.nn.modules.loss",
        _ => "torch.nn.modules.activation",
    }
}

/// The layer classes, each under `module`.
pub(crate) fn layer_classes(module: &Rc<Class>) -> Vec<(&'static str, Value)> {
    let common = subclass("_Layer", LAYER_COMMON, module);
    LAYERS
        .iter()
        .map(|(name, methods, f, args)| {
            let c = subclass(name, methods, &common);
            super::module::set_module_path(&c, module_path(name));
            {
                let mut ns = c.ns.borrow_mut();
                if !f.is_empty() {
                    ns.insert(Rc::from("_F"), Value::str(f));
                    ns.insert(
                        Rc::from("_F_args"),
                        Value::tuple(args.iter().map(|s| Value::str(s)).collect()),
                    );
                }
            }
            (*name, Value::Class(c))
        })
        .collect()
}
