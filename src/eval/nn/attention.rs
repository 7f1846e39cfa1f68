//! `nn.MultiheadAttention` and `nn.TransformerEncoderLayer`: PyTorch's parameters, child
//! modules and initialisation order (so seeded layers hold PyTorch's weights), over
//! `crate::nn::functional::multi_head_attention`.

use super::module::{attr, set_attr};
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::{gen, tensor};
use crate::nn::{functional as nf, init};
use crate::{DType, Tensor};

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

fn nn_class(it: &Interp, name: &str) -> R<Value> {
    match it.modules.get("torch.nn") {
        Some(Value::Module(m)) => m
            .attrs
            .borrow()
            .get(name)
            .cloned()
            .ok_or_else(|| type_err(format!("nn.{name} is missing"))),
        _ => Err(type_err("torch.nn is missing")),
    }
}

fn t_attr(me: &Value, name: &str) -> Option<Tensor> {
    match attr(me, name) {
        Some(Value::Tensor(t)) => Some(t),
        _ => None,
    }
}

fn flag(it: &mut Interp, v: Option<Value>, default: bool) -> R<bool> {
    match v {
        Some(v) if !matches!(v, Value::None) => it.truthy(&v),
        _ => Ok(default),
    }
}

fn opt_tensor(v: Option<Value>, what: &str) -> R<Option<Tensor>> {
    v.filter(|v| !matches!(v, Value::None))
        .map(|v| tensor(&v, what))
        .transpose()
}

table! { MHA:
    "__init__", "MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False, kdim=None, vdim=None, batch_first=False)", "Attention from a query to keys and values over num_heads heads." => |it, a| {
        let me = this(a)?;
        let e = to_int(&a.req(1, "embed_dim")?, "embed_dim")?;
        let h = to_int(&a.req(2, "num_heads")?, "num_heads")?;
        let p = a.opt(3, "dropout").map(|v| to_float(&v, "dropout")).transpose()?.unwrap_or(0.0);
        let bias = flag(it, a.opt(4, "bias"), true)?;
        for (i, k) in ["add_bias_kv", "add_zero_attn"].iter().enumerate() {
            if flag(it, a.opt(5 + i, k), false)? {
                return Err(err("NotImplementedError", format!("MultiheadAttention({k}=True) is not available in this build yet")));
            }
        }
        for (i, k) in ["kdim", "vdim"].iter().enumerate() {
            if let Some(v) = a.opt(7 + i, k) {
                if to_int(&v, k)? != e {
                    return Err(err("NotImplementedError", format!("MultiheadAttention({k} != embed_dim) is not available in this build yet")));
                }
            }
        }
        let batch_first = flag(it, a.opt(9, "batch_first"), false)?;
        a.kw("device");
        a.kw("dtype");
        a.finish()?;
        if e <= 0 || h <= 0 {
            return Err(value_err(format!("embed_dim and num_heads must be greater than 0, got embed_dim={e} and num_heads={h} instead")));
        }
        if e % h != 0 {
            return Err(err("AssertionError", "embed_dim must be divisible by num_heads"));
        }
        set_attr(&me, "training", Value::Bool(true));
        set_attr(&me, "embed_dim", Value::Int(e));
        set_attr(&me, "num_heads", Value::Int(h));
        set_attr(&me, "dropout", Value::Float(p));
        set_attr(&me, "batch_first", Value::Bool(batch_first));
        set_attr(&me, "head_dim", Value::Int(e / h));
        let eu = e as usize;
        let w = Tensor::zeros(&[3 * eu, eu], DType::F32)?.to_parameter(true)?;
        set_attr(&me, "in_proj_weight", Value::Tensor(w.clone()));
        let b = if bias { Some(Tensor::zeros(&[3 * eu], DType::F32)?.to_parameter(true)?) } else { None };
        set_attr(&me, "in_proj_bias", b.clone().map(Value::Tensor).unwrap_or(Value::None));
        // The out projection is made (and default-initialised) first, as in PyTorch.
        let ndql = nn_class(it, "NonDynamicallyQuantizableLinear")?;
        let out = it.call(&ndql, vec![Value::Int(e), Value::Int(e)], vec![(std::rc::Rc::from("bias"), Value::Bool(bias))])?;
        set_attr(&me, "out_proj", out.clone());
        init::xavier_uniform_(&w, 1.0, gen(it))?;
        if let Some(b) = b {
            init::constant_(&b, 0.0)?;
        }
        if let Some(ob) = t_attr(&out, "bias") {
            init::constant_(&ob, 0.0)?;
        }
        Ok(Value::None)
    };
    "forward", "forward(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None, average_attn_weights=True, is_causal=False)", "(attn_output, attn_weights averaged over heads, or None)." => |it, a| {
        let me = this(a)?;
        let q = tensor(&a.req(1, "query")?, "query")?;
        let k = tensor(&a.req(2, "key")?, "key")?;
        let v = tensor(&a.req(3, "value")?, "value")?;
        let kpm = opt_tensor(a.opt(4, "key_padding_mask"), "key_padding_mask")?;
        let need = flag(it, a.opt(5, "need_weights"), true)?;
        let mut mask = opt_tensor(a.opt(6, "attn_mask"), "attn_mask")?;
        let average = flag(it, a.opt(7, "average_attn_weights"), true)?;
        let causal = flag(it, a.opt(8, "is_causal"), false)?;
        a.finish()?;
        mha_call(it, &me, q, k, v, kpm, need, mask.take(), average, causal)
    };
}

#[allow(clippy::too_many_arguments)]
fn mha_call(
    it: &mut Interp,
    me: &Value,
    q: Tensor,
    k: Tensor,
    v: Tensor,
    kpm: Option<Tensor>,
    need: bool,
    mask: Option<Tensor>,
    average: bool,
    causal: bool,
) -> R<Value> {
    let unbatched = q.dim() == 2;
    let batch_first = matches!(attr(me, "batch_first"), Some(Value::Bool(true)));
    let prep = |t: Tensor| -> R<Tensor> {
        Ok(if unbatched {
            t.unsqueeze(1)?
        } else if batch_first {
            t.transpose(0, 1)?
        } else {
            t
        })
    };
    let (q, k, v) = (prep(q)?, prep(k)?, prep(v)?);
    if q.dim() != 3 {
        return Err(value_err(format!(
            "query should be unbatched 2D or batched 3D tensor but received {}-D query tensor",
            q.dim()
        )));
    }
    let kpm = match kpm {
        Some(m) if unbatched => Some(m.unsqueeze(0)?),
        m => m,
    };
    let mask = match (mask, causal) {
        (Some(m), _) => Some(m),
        (None, true) => {
            let (l, s) = (q.shape()[0], k.shape()[0]);
            Some(Tensor::ones(&[l, s], DType::Bool)?.triu(1)?)
        }
        (None, false) => None,
    };
    let heads = match attr(me, "num_heads") {
        Some(Value::Int(h)) => h.max(1) as usize,
        _ => 1,
    };
    let w = t_attr(me, "in_proj_weight").ok_or_else(|| type_err("in_proj_weight is missing"))?;
    let b = t_attr(me, "in_proj_bias");
    let out = attr(me, "out_proj").unwrap_or(Value::None);
    let ow = t_attr(&out, "weight").ok_or_else(|| type_err("out_proj.weight is missing"))?;
    let ob = t_attr(&out, "bias");
    let p = match attr(me, "dropout") {
        Some(v) => to_float(&v, "dropout")?,
        None => 0.0,
    };
    let training = matches!(attr(me, "training"), Some(Value::Bool(true)));
    let (o, weights) = nf::multi_head_attention(
        &q,
        &k,
        &v,
        heads,
        &w,
        b.as_ref(),
        &ow,
        ob.as_ref(),
        mask.as_ref(),
        kpm.as_ref(),
        p,
        training,
        if need { Some(average) } else { None },
        gen(it),
    )?;
    let o = if unbatched {
        o.squeeze(Some(&[1]))?
    } else if batch_first {
        o.transpose(0, 1)?
    } else {
        o
    };
    let weights = match weights {
        Some(w) if unbatched => Value::Tensor(w.squeeze(Some(&[0]))?),
        Some(w) => Value::Tensor(w),
        None => Value::None,
    };
    Ok(Value::tuple(vec![Value::Tensor(o), weights]))
}

table! { ENCODER_LAYER:
    "__init__", "TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation='relu', layer_norm_eps=1e-05, batch_first=False, norm_first=False, bias=True)", "Self-attention and a feed-forward block, each with a residual connection and LayerNorm." => |it, a| {
        let me = this(a)?;
        let d = a.req(1, "d_model")?;
        let h = a.req(2, "nhead")?;
        let ff = a.opt(3, "dim_feedforward").unwrap_or(Value::Int(2048));
        let p = a.opt(4, "dropout").unwrap_or(Value::Float(0.1));
        let act = a.opt(5, "activation").unwrap_or(Value::str("relu"));
        let eps = a.opt(6, "layer_norm_eps").unwrap_or(Value::Float(1e-5));
        let bf = flag(it, a.opt(7, "batch_first"), false)?;
        let nf_ = flag(it, a.opt(8, "norm_first"), false)?;
        let bias = flag(it, a.opt(9, "bias"), true)?;
        a.kw("device");
        a.kw("dtype");
        a.finish()?;
        let kw = |k: &str, v: Value| (std::rc::Rc::from(k), v);
        set_attr(&me, "training", Value::Bool(true));
        let mha = nn_class(it, "MultiheadAttention")?;
        let sa = it.call(&mha, vec![d.clone(), h], vec![kw("dropout", p.clone()), kw("bias", Value::Bool(bias)), kw("batch_first", Value::Bool(bf))])?;
        set_attr(&me, "self_attn", sa);
        let linear = nn_class(it, "Linear")?;
        let dropout = nn_class(it, "Dropout")?;
        let norm = nn_class(it, "LayerNorm")?;
        let l1 = it.call(&linear, vec![d.clone(), ff.clone()], vec![kw("bias", Value::Bool(bias))])?;
        set_attr(&me, "linear1", l1);
        let dr = it.call(&dropout, vec![p.clone()], vec![])?;
        set_attr(&me, "dropout", dr);
        let l2 = it.call(&linear, vec![ff, d.clone()], vec![kw("bias", Value::Bool(bias))])?;
        set_attr(&me, "linear2", l2);
        set_attr(&me, "norm_first", Value::Bool(nf_));
        for n in ["norm1", "norm2"] {
            let m = it.call(&norm, vec![d.clone()], vec![kw("eps", eps.clone()), kw("bias", Value::Bool(bias))])?;
            set_attr(&me, n, m);
        }
        for n in ["dropout1", "dropout2"] {
            let m = it.call(&dropout, vec![p.clone()], vec![])?;
            set_attr(&me, n, m);
        }
        let act = match &act {
            Value::Str(s) if &**s == "relu" || &**s == "gelu" => {
                let Some(Value::Module(f)) = it.modules.get("torch.nn.functional").cloned() else { return Err(type_err("F is missing")) };
                let f = f.attrs.borrow().get(&**s).cloned().unwrap_or(Value::None);
                f
            }
            Value::Str(s) => return Err(err("RuntimeError", format!("activation should be relu/gelu, not {s}"))),
            v => v.clone(),
        };
        set_attr(&me, "activation", act);
        let _ = to_str;
        Ok(Value::None)
    };
    "forward", "forward(src, src_mask=None, src_key_padding_mask=None, is_causal=False)", "x + attention, then x + feed-forward, each normalised (after, or before with norm_first)." => |it, a| {
        let me = this(a)?;
        let x = a.req(1, "src")?;
        let mask = a.opt(2, "src_mask");
        let kpm = a.opt(3, "src_key_padding_mask");
        let causal = flag(it, a.opt(4, "is_causal"), false)?;
        a.finish()?;
        let get = |n: &str| attr(&me, n).unwrap_or(Value::None);
        let norm_first = matches!(attr(&me, "norm_first"), Some(Value::Bool(true)));
        let sa = |it: &mut Interp, x: &Value| -> R<Value> {
            let t = tensor(x, "src")?;
            let sa = get("self_attn");
            let r = mha_call(it, &sa, t.clone(), t.clone(), t, opt_tensor(kpm.clone(), "src_key_padding_mask")?, false, opt_tensor(mask.clone(), "src_mask")?, true, causal)?;
            let Value::Tuple(r) = r else { return Ok(Value::None) };
            it.call(&get("dropout1"), vec![r[0].clone()], vec![])
        };
        let ff = |it: &mut Interp, x: &Value| -> R<Value> {
            let h = it.call(&get("linear1"), vec![x.clone()], vec![])?;
            let h = it.call(&get("activation"), vec![h], vec![])?;
            let h = it.call(&get("dropout"), vec![h], vec![])?;
            let h = it.call(&get("linear2"), vec![h], vec![])?;
            it.call(&get("dropout2"), vec![h], vec![])
        };
        let add = |a: &Value, b: &Value| -> R<Value> {
            Ok(Value::Tensor(tensor(a, "x")?.add(&tensor(b, "x")?)?))
        };
        let mut x = x;
        if norm_first {
            let n1 = it.call(&get("norm1"), vec![x.clone()], vec![])?;
            x = add(&x, &sa(it, &n1)?)?;
            let n2 = it.call(&get("norm2"), vec![x.clone()], vec![])?;
            x = add(&x, &ff(it, &n2)?)?;
        } else {
            let s = sa(it, &x)?;
            x = it.call(&get("norm1"), vec![add(&x, &s)?], vec![])?;
            let f = ff(it, &x)?;
            x = it.call(&get("norm2"), vec![add(&x, &f)?], vec![])?;
        }
        Ok(x)
    };
}
