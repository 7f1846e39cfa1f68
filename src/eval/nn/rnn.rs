//! `nn.RNN`, `nn.LSTM` and `nn.GRU`: PyTorch's parameters (`weight_ih_l0`, …,
//! `_reverse` for the backward direction), initialisation and call convention (sequence
//! first unless `batch_first`, unbatched input, `hx` defaulting to zeros), over
//! `crate::nn::rnn`.

use super::module::{attr, set_attr};
use crate::eval::lang::builtins::{to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::engine_ops::flag;
use crate::eval::torch::{gen, tensor};
use crate::nn::{init, rnn};
use crate::{DType, Tensor};

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

fn cell_of(me: &Value) -> rnn::Cell {
    match attr(me, "mode") {
        Some(Value::Str(s)) if &*s == "LSTM" => rnn::Cell::Lstm,
        Some(Value::Str(s)) if &*s == "GRU" => rnn::Cell::Gru,
        Some(Value::Str(s)) if &*s == "RNN_RELU" => rnn::Cell::Relu,
        _ => rnn::Cell::Tanh,
    }
}

/// The constructor shared by the three: `mode` is "RNN_TANH", "LSTM" or "GRU".
pub(crate) fn rnn_init(it: &mut Interp, a: &mut Args, mode: &str) -> R<Value> {
    let me = this(a)?;
    let input_size = to_int(&a.req(1, "input_size")?, "input_size")?;
    let hidden = to_int(&a.req(2, "hidden_size")?, "hidden_size")?;
    let layers = a
        .opt(3, "num_layers")
        .map(|v| to_int(&v, "num_layers"))
        .transpose()?
        .unwrap_or(1);
    let (mode, off) = if mode == "RNN_TANH" {
        let nl = a
            .opt(4, "nonlinearity")
            .map(|v| to_str(&v, "nonlinearity"))
            .transpose()?;
        match nl.as_deref() {
            None | Some("tanh") => ("RNN_TANH", 1),
            Some("relu") => ("RNN_RELU", 1),
            Some(other) => {
                return Err(value_err(format!(
                    "Unknown nonlinearity '{other}'. Select from 'tanh' or 'relu'."
                )))
            }
        }
    } else {
        (mode, 0)
    };
    let bias = flag(it, a, 4 + off, "bias", true)?;
    let batch_first = flag(it, a, 5 + off, "batch_first", false)?;
    let dropout = a
        .opt(6 + off, "dropout")
        .map(|v| to_float(&v, "dropout"))
        .transpose()?
        .unwrap_or(0.0);
    let bidirectional = flag(it, a, 7 + off, "bidirectional", false)?;
    if a.kw("proj_size")
        .is_some_and(|v| !matches!(v, Value::Int(0)))
    {
        return Err(err(
            "NotImplementedError",
            "LSTM(proj_size=...) is not available in this build yet",
        ));
    }
    a.kw("device");
    let dtype = match a.kw("dtype") {
        Some(Value::DType(d)) => d,
        _ => DType::F32,
    };
    a.finish()?;
    if hidden <= 0 {
        return Err(value_err("hidden_size must be greater than zero"));
    }
    if layers <= 0 {
        return Err(value_err("num_layers must be greater than zero"));
    }
    if !(0.0..=1.0).contains(&dropout) {
        return Err(value_err("dropout should be a number in range [0, 1] representing the probability of an element being zeroed"));
    }
    if dropout > 0.0 && layers == 1 {
        it.warn_once(format!("dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout={dropout} and num_layers=1"));
    }
    set_attr(&me, "training", Value::Bool(true));
    set_attr(&me, "mode", Value::str(mode));
    set_attr(&me, "input_size", Value::Int(input_size));
    set_attr(&me, "hidden_size", Value::Int(hidden));
    set_attr(&me, "num_layers", Value::Int(layers));
    set_attr(&me, "bias", Value::Bool(bias));
    set_attr(&me, "batch_first", Value::Bool(batch_first));
    set_attr(&me, "dropout", Value::Float(dropout));
    set_attr(&me, "bidirectional", Value::Bool(bidirectional));
    let gates = cell_of(&me).gates();
    let h = hidden as usize;
    let dirs = if bidirectional { 2 } else { 1 };
    let stdv = 1.0 / (h as f64).sqrt();
    for layer in 0..layers as usize {
        for d in 0..dirs {
            let sfx = if d == 1 { "_reverse" } else { "" };
            let inp = if layer == 0 {
                input_size.max(0) as usize
            } else {
                h * dirs
            };
            let mut shapes = vec![
                ("weight_ih", vec![gates * h, inp]),
                ("weight_hh", vec![gates * h, h]),
            ];
            if bias {
                shapes.push(("bias_ih", vec![gates * h]));
                shapes.push(("bias_hh", vec![gates * h]));
            }
            for (n, shape) in shapes {
                let p = Tensor::zeros(&shape, dtype)?.to_parameter(true)?;
                init::uniform_(&p, -stdv, stdv, gen(it))?;
                set_attr(&me, &format!("{n}_l{layer}{sfx}"), Value::Tensor(p));
            }
        }
    }
    Ok(Value::None)
}

fn int_attr(me: &Value, k: &str) -> i64 {
    match attr(me, k) {
        Some(Value::Int(i)) => i,
        _ => 0,
    }
}

fn bool_attr(me: &Value, k: &str) -> bool {
    matches!(attr(me, k), Some(Value::Bool(true)))
}

/// `forward(input, hx=None)`: `(output, h_n)`, or `(output, (h_n, c_n))` for LSTM.
pub(crate) fn rnn_forward(it: &mut Interp, a: &mut Args) -> R<Value> {
    let me = this(a)?;
    let x = tensor(&a.req(1, "input")?, "RNN.forward(): argument 'input'")?;
    let hx = a.opt(2, "hx");
    a.finish()?;
    let cell = cell_of(&me);
    let hidden = int_attr(&me, "hidden_size") as usize;
    let layers = int_attr(&me, "num_layers") as usize;
    let bidir = bool_attr(&me, "bidirectional");
    let dirs = if bidir { 2 } else { 1 };
    let batch_first = bool_attr(&me, "batch_first");
    let unbatched = x.dim() == 2;
    if x.dim() != 2 && x.dim() != 3 {
        return Err(value_err(format!(
            "{}: Expected input to be 2D or 3D, got {}D instead",
            me.type_name(),
            x.dim()
        )));
    }
    let expect = int_attr(&me, "input_size");
    if *x.shape().last().unwrap_or(&0) as i64 != expect {
        return Err(err(
            "RuntimeError",
            format!(
                "input.size(-1) must be equal to input_size. Expected {expect}, got {}",
                x.shape().last().unwrap_or(&0)
            ),
        ));
    }
    let mut seq = if unbatched {
        x.unsqueeze(1)?
    } else if batch_first {
        x.transpose(0, 1)?
    } else {
        x
    };
    seq = seq.contiguous()?;
    let n = seq.shape()[1];
    let prep = |v: Value| -> R<Tensor> {
        let t = tensor(&v, "hx")?;
        Ok(if unbatched { t.unsqueeze(1)? } else { t })
    };
    let (h0, c0) = match hx {
        None => {
            let z = Tensor::zeros(&[layers * dirs, n, hidden], seq.dtype())?;
            let c = if cell == rnn::Cell::Lstm {
                Some(z.clone())
            } else {
                None
            };
            (z, c)
        }
        Some(Value::Tuple(t)) if cell == rnn::Cell::Lstm && t.len() == 2 => {
            (prep(t[0].clone())?, Some(prep(t[1].clone())?))
        }
        Some(v) if cell == rnn::Cell::Lstm => {
            return Err(type_err(format!(
                "LSTM expects hx as a tuple (h_0, c_0), got {}",
                v.type_name()
            )))
        }
        Some(v) => (prep(v)?, None),
    };
    let want = [layers * dirs, n, hidden];
    if h0.shape() != want {
        return Err(err(
            "RuntimeError",
            format!(
                "Expected hidden size ({}, {}, {}), got [{}]",
                want[0],
                want[1],
                want[2],
                h0.shape()
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let mut weights = Vec::new();
    for layer in 0..layers {
        for d in 0..dirs {
            let sfx = if d == 1 { "_reverse" } else { "" };
            let get = |n: &str| match attr(&me, &format!("{n}_l{layer}{sfx}")) {
                Some(Value::Tensor(t)) => Some(t),
                _ => None,
            };
            let (Some(w_ih), Some(w_hh)) = (get("weight_ih"), get("weight_hh")) else {
                return Err(type_err("recurrent layer is missing its weights"));
            };
            weights.push(rnn::Weights {
                w_ih,
                w_hh,
                b_ih: get("bias_ih"),
                b_hh: get("bias_hh"),
            });
        }
    }
    let cfg = rnn::Config {
        cell,
        hidden,
        num_layers: layers,
        bidirectional: bidir,
        dropout: match attr(&me, "dropout") {
            Some(v) => to_float(&v, "dropout")?,
            None => 0.0,
        },
        training: bool_attr(&me, "training"),
    };
    let (out, h_n, c_n) = rnn::forward(&cfg, &seq, &h0, c0.as_ref(), &weights, gen(it))?;
    let fix = |t: Tensor| -> R<Tensor> { Ok(if unbatched { t.squeeze(Some(&[1]))? } else { t }) };
    let out = if unbatched {
        out.squeeze(Some(&[1]))?
    } else if batch_first {
        out.transpose(0, 1)?
    } else {
        out
    };
    let h_n = fix(h_n)?;
    let state = match c_n {
        Some(c) => Value::tuple(vec![Value::Tensor(h_n), Value::Tensor(fix(c)?)]),
        None => Value::Tensor(h_n),
    };
    Ok(Value::tuple(vec![Value::Tensor(out), state]))
}

/// PyTorch's `RNNBase.extra_repr`.
pub(crate) fn rnn_extra_repr(it: &mut Interp, me: &Value) -> R<String> {
    let mut s = format!(
        "{}, {}",
        int_attr(me, "input_size"),
        int_attr(me, "hidden_size")
    );
    if int_attr(me, "num_layers") != 1 {
        s += &format!(", num_layers={}", int_attr(me, "num_layers"));
    }
    if !bool_attr(me, "bias") {
        s += ", bias=False";
    }
    if bool_attr(me, "batch_first") {
        s += ", batch_first=True";
    }
    let d = attr(me, "dropout").unwrap_or(Value::Float(0.0));
    if to_float(&d, "dropout")? != 0.0 {
        s += &format!(", dropout={}", it.repr(&d)?);
    }
    if bool_attr(me, "bidirectional") {
        s += ", bidirectional=True";
    }
    Ok(s)
}
