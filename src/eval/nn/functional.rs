//! Library I in torch.nn.functional: linear, the losses, dropout, normalisation, embedding,
//! similarity and attention, with PyTorch's names, positions and defaults, over
//! `crate::nn::functional`.

use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args};
use crate::eval::lang::exc::{value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::engine_ops::flag;
use crate::eval::torch::generators::{gen_kw, with_gen};
use crate::eval::torch::*;
use crate::nn::{functional as nf, init, Reduction};
use crate::Tensor;

fn t_arg(a: &mut Args, i: usize, name: &str) -> R<Tensor> {
    tensor(
        &a.req(i, name)?,
        &format!("{}(): argument '{name}'", a.fname),
    )
}

fn opt_t(a: &mut Args, i: usize, name: &str) -> R<Option<Tensor>> {
    a.opt(i, name)
        .map(|v| tensor(&v, &format!("{}(): argument '{name}'", a.fname)))
        .transpose()
}

/// `reduction=` (position `i`), after the legacy `size_average` / `reduce` flags.
fn reduction(a: &mut Args, i: usize) -> R<Reduction> {
    a.kw("size_average");
    a.kw("reduce");
    match a.opt(i, "reduction") {
        Some(v) => Ok(Reduction::parse(&to_str(&v, "reduction")?)?),
        None => Ok(Reduction::Mean),
    }
}

fn done(a: &mut Args, t: Tensor) -> R<Value> {
    a.finish()?;
    Ok(Value::Tensor(t))
}

/// PyTorch's warning when an elementwise loss broadcasts target against input.
fn warn_broadcast(it: &mut Interp, input: &Tensor, target: &Tensor) {
    if input.shape() != target.shape() {
        let s = |t: &Tensor| {
            let v: Vec<String> = t.shape().iter().map(|d| d.to_string()).collect();
            format!("torch.Size([{}])", v.join(", "))
        };
        it.warn_once(format!(
            "Using a target size ({}) that is different to the input size ({}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.",
            s(target),
            s(input)
        ));
    }
}

fn elementwise_loss(
    it: &mut Interp,
    a: &mut Args,
    f: fn(&Tensor, &Tensor, Reduction) -> crate::Result<Tensor>,
) -> R<Value> {
    let x = t_arg(a, 0, "input")?;
    let y = t_arg(a, 1, "target")?;
    let r = reduction(a, 4)?;
    a.kw("weight");
    warn_broadcast(it, &x, &y);
    let out = f(&x, &y, r)?;
    done(a, out)
}

table! { NN_FUNCTIONAL:
    "linear", "linear(input, weight, bias=None)", "input @ weight.T + bias." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let w = t_arg(a, 1, "weight")?;
        let b = opt_t(a, 2, "bias")?;
        let out = nf::linear(&x, &w, b.as_ref())?;
        done(a, out)
    };
    "bilinear", "bilinear(input1, input2, weight, bias=None)", "y[k] = input1 · weight[k] · input2 + bias[k]." => |_, a| {
        let x1 = t_arg(a, 0, "input1")?;
        let x2 = t_arg(a, 1, "input2")?;
        let w = t_arg(a, 2, "weight")?;
        let b = opt_t(a, 3, "bias")?;
        let out = nf::bilinear(&x1, &x2, &w, b.as_ref())?;
        done(a, out)
    };
    "mse_loss", "mse_loss(input, target, reduction='mean')", "The mean (or sum) of squared differences." => |it, a| elementwise_loss(it, a, nf::mse_loss);
    "l1_loss", "l1_loss(input, target, reduction='mean')", "The mean (or sum) of absolute differences." => |it, a| elementwise_loss(it, a, nf::l1_loss);
    "smooth_l1_loss", "smooth_l1_loss(input, target, reduction='mean', beta=1.0)", "Squared below beta, absolute above: a robust regression loss." => |it, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let r = reduction(a, 4)?;
        let beta = opt_float(a, 5, "beta")?.unwrap_or(1.0);
        warn_broadcast(it, &x, &y);
        let out = nf::smooth_l1_loss(&x, &y, r, beta)?;
        done(a, out)
    };
    "huber_loss", "huber_loss(input, target, reduction='mean', delta=1.0)", "Squared below delta, delta-scaled absolute above." => |it, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let r = match a.opt(2, "reduction") { Some(v) => Reduction::parse(&to_str(&v, "reduction")?)?, None => Reduction::Mean };
        let delta = opt_float(a, 3, "delta")?.unwrap_or(1.0);
        a.kw("weight");
        warn_broadcast(it, &x, &y);
        let out = nf::huber_loss(&x, &y, r, delta)?;
        done(a, out)
    };
    "cross_entropy", "cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)", "log_softmax then negative log-likelihood; target holds class indices or class probabilities." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let w = opt_t(a, 2, "weight")?;
        a.opt(3, "size_average");
        let ii = a.opt(4, "ignore_index").map(|v| to_int(&v, "ignore_index")).transpose()?.unwrap_or(-100);
        a.opt(5, "reduce");
        let r = reduction(a, 6)?;
        let ls = opt_float(a, 7, "label_smoothing")?.unwrap_or(0.0);
        let out = nf::cross_entropy(&x, &y, w.as_ref(), ii, r, ls)?;
        done(a, out)
    };
    "nll_loss", "nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')", "The negative log-likelihood of the target classes, from log-probabilities." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let w = opt_t(a, 2, "weight")?;
        a.opt(3, "size_average");
        let ii = a.opt(4, "ignore_index").map(|v| to_int(&v, "ignore_index")).transpose()?.unwrap_or(-100);
        a.opt(5, "reduce");
        let r = reduction(a, 6)?;
        let out = nf::nll_loss(&x, &y, w.as_ref(), ii, r)?;
        done(a, out)
    };
    "binary_cross_entropy", "binary_cross_entropy(input, target, weight=None, reduction='mean')", "-(t·log(p) + (1-t)·log(1-p)) for probabilities p." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let w = opt_t(a, 2, "weight")?;
        a.opt(3, "size_average");
        a.opt(4, "reduce");
        let r = reduction(a, 5)?;
        let out = nf::binary_cross_entropy(&x, &y, w.as_ref(), r)?;
        done(a, out)
    };
    "binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits(input, target, weight=None, reduction='mean', pos_weight=None)", "Sigmoid and binary cross-entropy in one stable step." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        let w = opt_t(a, 2, "weight")?;
        a.opt(3, "size_average");
        a.opt(4, "reduce");
        let r = reduction(a, 5)?;
        let pw = opt_t(a, 6, "pos_weight")?;
        let out = nf::binary_cross_entropy_with_logits(&x, &y, w.as_ref(), r, pw.as_ref())?;
        done(a, out)
    };
    "kl_div", "kl_div(input, target, reduction='mean', log_target=False)", "KL divergence from log-probabilities input to target; use reduction='batchmean'." => |it, a| {
        let x = t_arg(a, 0, "input")?;
        let y = t_arg(a, 1, "target")?;
        a.opt(2, "size_average");
        a.opt(3, "reduce");
        a.kw("size_average");
        a.kw("reduce");
        let r = a.opt(4, "reduction").map(|v| to_str(&v, "reduction")).transpose()?;
        let lt = flag(it, a, 5, "log_target", false)?;
        let r = r.as_deref().unwrap_or("mean");
        if r == "mean" {
            it.warn_once("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.");
        }
        let out = nf::kl_div(&x, &y, r, lt)?;
        done(a, out)
    };
    "dropout", "dropout(input, p=0.5, training=True, inplace=False)", "Zeroes elements with probability p and scales the rest by 1/(1-p) (only when training)." => |it, a| {
        let x = t_arg(a, 0, "input")?;
        let p = opt_float(a, 1, "p")?.unwrap_or(0.5);
        let training = flag(it, a, 2, "training", true)?;
        let inplace = flag(it, a, 3, "inplace", false)?;
        a.finish()?;
        let out = nf::dropout(&x, p, training, gen(it))?;
        if inplace && !out.same(&x) {
            x.copy_(&out)?;
            return Ok(Value::Tensor(x));
        }
        Ok(Value::Tensor(out))
    };
    "batch_norm", "batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)", "Normalises each channel by batch (training) or running statistics." => |it, a| {
        let x = t_arg(a, 0, "input")?;
        let rm = opt_t(a, 1, "running_mean")?;
        let rv = opt_t(a, 2, "running_var")?;
        let w = opt_t(a, 3, "weight")?;
        let b = opt_t(a, 4, "bias")?;
        let training = flag(it, a, 5, "training", false)?;
        let momentum = opt_float(a, 6, "momentum")?.unwrap_or(0.1);
        let eps = opt_float(a, 7, "eps")?.unwrap_or(1e-5);
        let out = nf::batch_norm(&x, rm.as_ref(), rv.as_ref(), w.as_ref(), b.as_ref(), training, momentum, eps)?;
        done(a, out)
    };
    "layer_norm", "layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)", "Normalises over the last dimensions (normalized_shape)." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let shape: Vec<usize> = ints(&a.req(1, "normalized_shape")?, "normalized_shape")?.into_iter().map(|d| d.max(0) as usize).collect();
        let w = opt_t(a, 2, "weight")?;
        let b = opt_t(a, 3, "bias")?;
        let eps = opt_float(a, 4, "eps")?.unwrap_or(1e-5);
        let out = nf::layer_norm(&x, &shape, w.as_ref(), b.as_ref(), eps)?;
        done(a, out)
    };
    "group_norm", "group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)", "Normalises groups of channels." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let g = to_int(&a.req(1, "num_groups")?, "num_groups")?.max(0) as usize;
        let w = opt_t(a, 2, "weight")?;
        let b = opt_t(a, 3, "bias")?;
        let eps = opt_float(a, 4, "eps")?.unwrap_or(1e-5);
        let out = nf::group_norm(&x, g, w.as_ref(), b.as_ref(), eps)?;
        done(a, out)
    };
    "embedding", "embedding(input, weight, padding_idx=None)", "The rows of weight at the indices in input." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let w = t_arg(a, 1, "weight")?;
        let pi = opt_int(a, 2, "padding_idx")?;
        if a.opt(3, "max_norm").is_some() {
            return Err(crate::eval::lang::exc::err("NotImplementedError", "embedding(max_norm=...) is not available in this build yet"));
        }
        a.kw("norm_type");
        a.kw("scale_grad_by_freq");
        a.kw("sparse");
        let out = nf::embedding(&x, &w, pi)?;
        done(a, out)
    };
    "normalize", "normalize(input, p=2.0, dim=1, eps=1e-12)", "Each vector along dim divided by its p-norm." => |_, a| {
        let x = t_arg(a, 0, "input")?;
        let p = opt_float(a, 1, "p")?.unwrap_or(2.0);
        let dim = opt_int(a, 2, "dim")?.unwrap_or(1);
        let eps = opt_float(a, 3, "eps")?.unwrap_or(1e-12);
        let out = nf::normalize(&x, p, dim, eps)?;
        done(a, out)
    };
    "cosine_similarity", "cosine_similarity(x1, x2, dim=1, eps=1e-08)", "The cosine of the angle between x1 and x2 along dim." => |_, a| {
        let x1 = t_arg(a, 0, "x1")?;
        let x2 = t_arg(a, 1, "x2")?;
        let dim = opt_int(a, 2, "dim")?.unwrap_or(1);
        let eps = opt_float(a, 3, "eps")?.unwrap_or(1e-8);
        let out = nf::cosine_similarity(&x1, &x2, dim, eps)?;
        done(a, out)
    };
    "scaled_dot_product_attention", "scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None)", "softmax(q·kᵀ·scale + mask) · v." => |it, a| {
        let q = t_arg(a, 0, "query")?;
        let k = t_arg(a, 1, "key")?;
        let v = t_arg(a, 2, "value")?;
        let m = opt_t(a, 3, "attn_mask")?;
        let dp = opt_float(a, 4, "dropout_p")?.unwrap_or(0.0);
        let causal = flag(it, a, 5, "is_causal", false)?;
        let scale = a.opt(6, "scale").map(|v| to_float(&v, "scale")).transpose()?;
        a.kw("enable_gqa");
        let out = nf::scaled_dot_product_attention(&q, &k, &v, m.as_ref(), dp, causal, scale, gen(it))?;
        done(a, out)
    };
}

fn init_target(a: &mut Args) -> R<Tensor> {
    t_arg(a, 0, "tensor")
}

fn mode_nl(a: &mut Args, at: usize) -> R<(String, String)> {
    let mode = a.opt(at, "mode").map(|v| to_str(&v, "mode")).transpose()?;
    let nl = a
        .opt(at + 1, "nonlinearity")
        .map(|v| to_str(&v, "nonlinearity"))
        .transpose()?;
    Ok((
        mode.as_deref().unwrap_or("fan_in").to_string(),
        nl.as_deref().unwrap_or("leaky_relu").to_string(),
    ))
}

table! { NN_INIT:
    "calculate_gain", "calculate_gain(nonlinearity, param=None)", "The recommended gain for a nonlinearity (relu: √2, tanh: 5/3 …)." => |_, a| {
        let nl = to_str(&a.req(0, "nonlinearity")?, "nonlinearity")?;
        let p = a.opt(1, "param").map(|v| to_float(&v, "param")).transpose()?;
        a.finish()?;
        Ok(Value::Float(init::calculate_gain(&nl, p)?))
    };
    "uniform_", "uniform_(tensor, a=0.0, b=1.0)", "Fills with U(a, b), in place." => |it, a| {
        let t = init_target(a)?;
        let lo = opt_float(a, 1, "a")?.unwrap_or(0.0);
        let hi = opt_float(a, 2, "b")?.unwrap_or(1.0);
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |g| init::uniform_(&t, lo, hi, g))?;
        Ok(Value::Tensor(t))
    };
    "normal_", "normal_(tensor, mean=0.0, std=1.0)", "Fills with N(mean, std²), in place." => |it, a| {
        let t = init_target(a)?;
        let m = opt_float(a, 1, "mean")?.unwrap_or(0.0);
        let s = opt_float(a, 2, "std")?.unwrap_or(1.0);
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |g| init::normal_(&t, m, s, g))?;
        Ok(Value::Tensor(t))
    };
    "trunc_normal_", "trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None)", "N(mean, std²) truncated to [a, b], in place." => |it, a| {
        let t = init_target(a)?;
        let m = opt_float(a, 1, "mean")?.unwrap_or(0.0);
        let s = opt_float(a, 2, "std")?.unwrap_or(1.0);
        let lo = opt_float(a, 3, "a")?.unwrap_or(-2.0);
        let hi = opt_float(a, 4, "b")?.unwrap_or(2.0);
        let gk = crate::eval::torch::generators::as_gen(a.opt(5, "generator"))?;
        a.finish()?;
        with_gen(it, &gk, |g| init::trunc_normal_(&t, m, s, lo, hi, g))?;
        Ok(Value::Tensor(t))
    };
    "sparse_", "sparse_(tensor, sparsity, std=0.01, generator=None)", "A sparse matrix: N(0, std²) with a fraction sparsity of each column set to zero, in place." => |it, a| {
        let t = init_target(a)?;
        let sparsity = to_float(&a.req(1, "sparsity")?, "sparsity")?;
        let s = opt_float(a, 2, "std")?.unwrap_or(0.01);
        let gk = crate::eval::torch::generators::as_gen(a.opt(3, "generator"))?;
        a.finish()?;
        if t.dim() != 2 {
            return Err(value_err("Only tensors with 2 dimensions are supported"));
        }
        with_gen(it, &gk, |g| init::normal_(&t, 0.0, s, g))?;
        init::sparse_zeros_(&t, sparsity, gen(it))?;
        Ok(Value::Tensor(t))
    };
    "constant_", "constant_(tensor, val)", "Fills with val, in place." => |_, a| {
        let t = init_target(a)?;
        let v = to_float(&a.req(1, "val")?, "val")?;
        a.finish()?;
        init::constant_(&t, v)?;
        Ok(Value::Tensor(t))
    };
    "zeros_", "zeros_(tensor)", "Fills with 0, in place." => |_, a| {
        let t = init_target(a)?;
        a.finish()?;
        init::constant_(&t, 0.0)?;
        Ok(Value::Tensor(t))
    };
    "ones_", "ones_(tensor)", "Fills with 1, in place." => |_, a| {
        let t = init_target(a)?;
        a.finish()?;
        init::constant_(&t, 1.0)?;
        Ok(Value::Tensor(t))
    };
    "eye_", "eye_(tensor)", "The identity matrix, in place (2-D only)." => |_, a| {
        let t = init_target(a)?;
        a.finish()?;
        init::eye_(&t)?;
        Ok(Value::Tensor(t))
    };
    "xavier_uniform_", "xavier_uniform_(tensor, gain=1.0)", "U(-a, a) with a = gain·√(6 / (fan_in + fan_out)), in place." => |it, a| {
        let t = init_target(a)?;
        let g = opt_float(a, 1, "gain")?.unwrap_or(1.0);
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |r| init::xavier_uniform_(&t, g, r))?;
        Ok(Value::Tensor(t))
    };
    "xavier_normal_", "xavier_normal_(tensor, gain=1.0)", "N(0, std²) with std = gain·√(2 / (fan_in + fan_out)), in place." => |it, a| {
        let t = init_target(a)?;
        let g = opt_float(a, 1, "gain")?.unwrap_or(1.0);
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |r| init::xavier_normal_(&t, g, r))?;
        Ok(Value::Tensor(t))
    };
    "kaiming_uniform_", "kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')", "He initialisation, uniform, in place." => |it, a| {
        let t = init_target(a)?;
        let neg = opt_float(a, 1, "a")?.unwrap_or(0.0);
        let (mode, nl) = mode_nl(a, 2)?;
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |g| init::kaiming_uniform_(&t, neg, &mode, &nl, g))?;
        Ok(Value::Tensor(t))
    };
    "kaiming_normal_", "kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')", "He initialisation, normal, in place." => |it, a| {
        let t = init_target(a)?;
        let neg = opt_float(a, 1, "a")?.unwrap_or(0.0);
        let (mode, nl) = mode_nl(a, 2)?;
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |g| init::kaiming_normal_(&t, neg, &mode, &nl, g))?;
        Ok(Value::Tensor(t))
    };
    "orthogonal_", "orthogonal_(tensor, gain=1)", "A (semi-)orthogonal matrix scaled by gain, in place." => |it, a| {
        let t = init_target(a)?;
        let g = opt_float(a, 1, "gain")?.unwrap_or(1.0);
        let gk = gen_kw(a)?;
        a.finish()?;
        with_gen(it, &gk, |r| init::orthogonal_(&t, g, r))?;
        Ok(Value::Tensor(t))
    };
}
