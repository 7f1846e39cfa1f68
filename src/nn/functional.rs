//! `torch.nn.functional`: layers and losses as functions of tensors, composed from the
//! engine's recorded ops so autograd differentiates them. Formulas follow PyTorch's
//! (ATen's) so values and gradients agree with PyTorch's to float rounding.

use super::Reduction;
use crate::tensor::graph;
use crate::{DType, Error, Generator, Result, Scalar, Tensor};

fn shape_str(s: &[usize]) -> String {
    let v: Vec<String> = s.iter().map(|d| d.to_string()).collect();
    format!("torch.Size([{}])", v.join(", "))
}

/// Whether any element of a bool tensor is true.
fn any(t: &Tensor) -> Result<bool> {
    Ok(t.any(None, false)?.item()?.to_f64() != 0.0)
}

fn reduce(loss: Tensor, reduction: Reduction) -> Result<Tensor> {
    match reduction {
        Reduction::None => Ok(loss),
        Reduction::Mean => loss.mean(None, false, None),
        Reduction::Sum => loss.sum(None, false, None),
    }
}

/// `F.linear(x, weight, bias)`: `x @ weight.T + bias`.
pub fn linear(x: &Tensor, weight: &Tensor, bias: Option<&Tensor>) -> Result<Tensor> {
    let w_in = weight.shape().get(1).copied().unwrap_or(weight.numel());
    if let (Some(&k), 2) = (x.shape().last(), weight.dim()) {
        if k != w_in {
            let rows = x.numel() / k.max(1);
            return Err(Error::MatmulShape {
                op: if bias.is_some() { "addmm" } else { "mm" },
                lhs: vec![rows, k],
                rhs: vec![w_in, weight.shape()[0]],
            });
        }
    }
    let wt = weight.t()?;
    match (x.dim(), bias) {
        (2, Some(b)) => b.addmm(x, &wt, Scalar::Int(1), Scalar::Int(1)),
        (_, Some(b)) => Ok(graph::rename(
            &x.matmul(&wt)?.add(b)?,
            &[x, weight, b],
            "UnsafeViewBackward0",
        )),
        (_, None) => x.matmul(&wt),
    }
}

/// `F.bilinear(x1, x2, weight, bias)`: `y[b, k] = x1[b] · weight[k] · x2[b] + bias[k]`.
pub fn bilinear(
    x1: &Tensor,
    x2: &Tensor,
    weight: &Tensor,
    bias: Option<&Tensor>,
) -> Result<Tensor> {
    if weight.dim() != 3 {
        return Err(Error::invalid(
            "bilinear",
            "bilinear(): weight must be 3-dimensional",
        ));
    }
    let y = Tensor::einsum(
        "...i,kij,...j->...k",
        &[x1.clone(), weight.clone(), x2.clone()],
    )?;
    match bias {
        Some(b) => y.add(b),
        None => Ok(y),
    }
}

/// Where a class-indexed loss keeps its classes: dimension 1, or 0 for one unbatched sample.
fn class_dim(input: &Tensor) -> i64 {
    if input.dim() == 1 {
        0
    } else {
        1
    }
}

/// Checks a class-index target against an input of `[N, C, d1, …]` (or `[C]`).
fn check_index_target(op: &'static str, input: &Tensor, target: &Tensor) -> Result<()> {
    if target.dtype().is_float() || target.dtype() == DType::Bool {
        return Err(Error::invalid(
            op,
            format!(
                "expected scalar type Long but found {}",
                target.dtype().scalar_type_name()
            ),
        ));
    }
    let (is, ts) = (input.shape(), target.shape());
    let ok = if is.len() == 1 {
        ts.is_empty()
    } else {
        ts.len() + 1 == is.len() && ts[0] == is[0] && ts[1..] == is[2..]
    };
    if ok {
        return Ok(());
    }
    if is.len() >= 2 && !ts.is_empty() && ts[0] != is[0] {
        return Err(Error::value_hint(
            op,
            format!(
                "Expected input batch_size ({}) to match target batch_size ({}).",
                is[0], ts[0]
            ),
            "the input holds one row of class scores per sample and the target one class index per sample: both need the same first dimension",
        ));
    }
    Err(Error::invalid(
        op,
        format!(
            "Expected target size {}, got {}",
            shape_str(&[&is[..1.min(is.len())], &is[2.min(is.len())..]].concat()),
            shape_str(ts)
        ),
    ))
}

/// `F.nll_loss(log_probs, target, weight, ignore_index, reduction)`.
pub fn nll_loss(
    input: &Tensor,
    target: &Tensor,
    weight: Option<&Tensor>,
    ignore_index: i64,
    reduction: Reduction,
) -> Result<Tensor> {
    check_index_target("nll_loss", input, target)?;
    let cd = class_dim(input);
    let c = input.shape()[cd as usize] as i64;
    let target = target.to_dtype(DType::I64)?;
    let ignored = target.eq(ignore_index)?;
    let safe = Tensor::where_(&ignored, 0i64, &target)?;
    let bad = safe.lt(0i64)?.bitwise_or(&safe.ge(c)?)?;
    if any(&bad)? {
        let v = safe.to_vec::<i64>()?;
        let t = v.iter().find(|&&t| t < 0 || t >= c).copied().unwrap_or(0);
        return Err(Error::Index {
            op: "nll_loss",
            message: format!("Target {t} is out of bounds."),
        });
    }
    let picked = input
        .gather(cd, &safe.unsqueeze(cd)?)?
        .squeeze(Some(&[cd]))?;
    let keep = ignored.logical_not()?.to_dtype(input.dtype())?;
    let w = match weight {
        Some(w) => w
            .index_select(0, &safe.flatten(0, -1)?)?
            .reshape(&as_i64(safe.shape()))?
            .mul(&keep)?,
        None => keep,
    };
    let loss = picked.mul(&w)?.neg()?;
    let out = match reduction {
        Reduction::None => loss,
        Reduction::Sum => loss.sum(None, false, None)?,
        Reduction::Mean => loss
            .sum(None, false, None)?
            .div(&w.sum(None, false, None)?)?,
    };
    Ok(graph::rename(&out, &[input], "NllLossBackward0"))
}

fn as_i64(s: &[usize]) -> Vec<i64> {
    s.iter().map(|&d| d as i64).collect()
}

/// `weight` shaped to broadcast along the class dimension of `input`.
fn class_weight(input: &Tensor, weight: &Tensor) -> Result<Tensor> {
    let cd = class_dim(input) as usize;
    let mut shape = vec![1i64; input.dim()];
    shape[cd] = weight.numel() as i64;
    weight.reshape(&shape)
}

/// `y * weight + bias` with both broadcast along dimension 1 (the channels).
fn per_channel(mut y: Tensor, weight: Option<&Tensor>, bias: Option<&Tensor>) -> Result<Tensor> {
    if let Some(w) = weight {
        y = y.mul(&class_weight(&y, w)?)?;
    }
    if let Some(b) = bias {
        y = y.add(&class_weight(&y, b)?)?;
    }
    Ok(y)
}

/// `F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)`:
/// class indices (int64) or class probabilities (float, the input's shape) as target.
pub fn cross_entropy(
    input: &Tensor,
    target: &Tensor,
    weight: Option<&Tensor>,
    ignore_index: i64,
    reduction: Reduction,
    label_smoothing: f64,
) -> Result<Tensor> {
    if !(0.0..=1.0).contains(&label_smoothing) {
        return Err(Error::invalid(
            "cross_entropy",
            format!("label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}"),
        ));
    }
    if input.dim() == 0 {
        return Err(Error::invalid(
            "cross_entropy",
            "cross_entropy(): input must have at least one dimension (the classes)",
        ));
    }
    let cd = class_dim(input);
    let n_classes = input.shape()[cd as usize] as f64;
    let logp = input.log_softmax(cd, None)?;
    if target.dtype().is_float() {
        if target.shape() != input.shape() {
            return Err(Error::value_hint(
                "cross_entropy",
                format!(
                    "Expected target size {}, got {}",
                    shape_str(input.shape()),
                    shape_str(target.shape())
                ),
                "a float target holds class probabilities and needs the input's shape; for class indices pass an int64 (torch.long) target",
            ));
        }
        let mut t = target.clone();
        if label_smoothing > 0.0 {
            t = t
                .mul(1.0 - label_smoothing)?
                .add(label_smoothing / n_classes)?;
        }
        let mut prod = logp.mul(&t)?;
        if let Some(w) = weight {
            prod = prod.mul(&class_weight(input, w)?)?;
        }
        let loss = prod.sum(Some(&[cd]), false, None)?.neg()?;
        return match reduction {
            Reduction::None => Ok(loss),
            Reduction::Sum => loss.sum(None, false, None),
            Reduction::Mean => Ok(graph::rename(
                &loss
                    .sum(None, false, None)?
                    .div(input.numel() as f64 / n_classes)?,
                &[input, target],
                "DivBackward1",
            )),
        };
    }
    let nll = nll_loss(&logp, target, weight, ignore_index, reduction)?;
    if label_smoothing <= 0.0 {
        return Ok(nll);
    }
    let target = target.to_dtype(DType::I64)?;
    let ignored = target.eq(ignore_index)?;
    let smooth = match weight {
        Some(w) => logp.mul(&class_weight(input, w)?)?,
        None => logp.clone(),
    };
    let smooth = smooth
        .sum(Some(&[cd]), false, None)?
        .neg()?
        .masked_fill(&ignored, 0.0)?;
    let ret = match reduction {
        Reduction::None => smooth,
        Reduction::Sum => smooth.sum(None, false, None)?,
        Reduction::Mean => {
            let denom = match weight {
                Some(w) => {
                    let safe = Tensor::where_(&ignored, 0i64, &target)?;
                    let keep = ignored.logical_not()?.to_dtype(w.dtype())?;
                    w.index_select(0, &safe.flatten(0, -1)?)?
                        .mul(&keep.flatten(0, -1)?)?
                        .sum(None, false, None)?
                }
                None => ignored
                    .logical_not()?
                    .sum(None, false, None)?
                    .to_dtype(input.dtype())?,
            };
            smooth.sum(None, false, None)?.div(&denom)?
        }
    };
    nll.mul(1.0 - label_smoothing)?
        .add(&ret.mul(label_smoothing / n_classes)?)
}

/// The ValueError PyTorch raises when a loss's target and input shapes differ.
fn same_size(op: &'static str, input: &Tensor, target: &Tensor) -> Result<()> {
    if input.shape() == target.shape() {
        return Ok(());
    }
    Err(Error::value_hint(
        op,
        format!(
            "Using a target size ({}) that is different to the input size ({}) is deprecated. Please ensure they have the same size.",
            shape_str(target.shape()),
            shape_str(input.shape())
        ),
        "reshape one to the other's shape, e.g. target.view(-1, 1) or output.squeeze(1)",
    ))
}

/// `F.mse_loss(input, target, reduction)`.
pub fn mse_loss(input: &Tensor, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
    let out = reduce(input.sub(target)?.square()?, reduction)?;
    Ok(graph::rename(&out, &[input, target], "MseLossBackward0"))
}

/// `F.l1_loss(input, target, reduction)`.
pub fn l1_loss(input: &Tensor, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
    reduce(input.sub(target)?.abs()?, reduction)
}

/// `F.smooth_l1_loss(input, target, reduction, beta)`.
pub fn smooth_l1_loss(
    input: &Tensor,
    target: &Tensor,
    reduction: Reduction,
    beta: f64,
) -> Result<Tensor> {
    if beta < 0.0 {
        return Err(Error::invalid(
            "smooth_l1_loss",
            "smooth_l1_loss does not support negative values for beta.",
        ));
    }
    if beta == 0.0 {
        return l1_loss(input, target, reduction);
    }
    let d = input.sub(target)?.abs()?;
    let quad = d.square()?.mul(0.5)?.div(beta)?;
    let lin = d.sub(0.5 * beta)?;
    let out = reduce(Tensor::where_(&d.lt(beta)?, &quad, &lin)?, reduction)?;
    Ok(graph::rename(
        &out,
        &[input, target],
        "SmoothL1LossBackward0",
    ))
}

/// `F.huber_loss(input, target, reduction, delta)`.
pub fn huber_loss(
    input: &Tensor,
    target: &Tensor,
    reduction: Reduction,
    delta: f64,
) -> Result<Tensor> {
    if delta <= 0.0 {
        return Err(Error::invalid(
            "huber_loss",
            "huber_loss does not support non-positive values for delta.",
        ));
    }
    let d = input.sub(target)?.abs()?;
    let quad = d.square()?.mul(0.5)?;
    let lin = d.sub(0.5 * delta)?.mul(delta)?;
    let out = reduce(Tensor::where_(&d.le(delta)?, &quad, &lin)?, reduction)?;
    Ok(graph::rename(&out, &[input, target], "HuberLossBackward0"))
}

/// `F.binary_cross_entropy(input, target, weight, reduction)`: input probabilities in
/// [0, 1]; each log is clamped at -100 as PyTorch's.
pub fn binary_cross_entropy(
    input: &Tensor,
    target: &Tensor,
    weight: Option<&Tensor>,
    reduction: Reduction,
) -> Result<Tensor> {
    same_size("binary_cross_entropy", input, target)?;
    let outside = graph::no_grad(|| any(&input.lt(0.0)?.bitwise_or(&input.gt(1.0)?)?))?;
    if outside {
        return Err(Error::invalid(
            "binary_cross_entropy",
            "all elements of input should be between 0 and 1",
        ));
    }
    let log_x = input.log()?.clamp(Some((-100.0).into()), None)?;
    let log_1mx = input.neg()?.log1p()?.clamp(Some((-100.0).into()), None)?;
    let one_m_t = target.neg()?.add(1.0)?;
    let mut loss = target.mul(&log_x)?.add(&one_m_t.mul(&log_1mx)?)?.neg()?;
    if let Some(w) = weight {
        loss = loss.mul(w)?;
    }
    let out = reduce(loss, reduction)?;
    Ok(graph::rename(
        &out,
        &[input, target],
        "BinaryCrossEntropyBackward0",
    ))
}

/// `log(sigmoid(x))`, stable: `min(x, 0) - log1p(exp(-|x|))`.
pub fn log_sigmoid(x: &Tensor) -> Result<Tensor> {
    x.clamp(None, Some(0.0.into()))?
        .sub(&x.abs()?.neg()?.exp()?.log1p()?)
}

/// `F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)`.
pub fn binary_cross_entropy_with_logits(
    input: &Tensor,
    target: &Tensor,
    weight: Option<&Tensor>,
    reduction: Reduction,
    pos_weight: Option<&Tensor>,
) -> Result<Tensor> {
    same_size("binary_cross_entropy_with_logits", input, target)?;
    let one_m_t = target.neg()?.add(1.0)?;
    let ls = log_sigmoid(input)?;
    let mut loss = match pos_weight {
        Some(pw) => {
            let log_weight = pw.sub(1.0)?.mul(target)?.add(1.0)?;
            one_m_t.mul(input)?.sub(&log_weight.mul(&ls)?)?
        }
        None => one_m_t.mul(input)?.sub(&ls)?,
    };
    if let Some(w) = weight {
        loss = loss.mul(w)?;
    }
    let out = reduce(loss, reduction)?;
    Ok(graph::rename(
        &out,
        &[input, target],
        "BinaryCrossEntropyWithLogitsBackward0",
    ))
}

/// `F.kl_div(input, target, reduction, log_target)`: input log-probabilities;
/// `batchmean` divides the sum by the batch size.
pub fn kl_div(
    input: &Tensor,
    target: &Tensor,
    reduction: &str,
    log_target: bool,
) -> Result<Tensor> {
    let loss = if log_target {
        target.exp()?.mul(&target.sub(input)?)?
    } else {
        // xlogy(t, t) - t * input, with 0 where t == 0
        let tlogt = Tensor::where_(&target.eq(0.0)?, 0.0, &target.mul(&target.log()?)?)?;
        tlogt.sub(&target.mul(input)?)?
    };
    match reduction {
        "batchmean" => {
            let n = if input.dim() == 0 {
                1
            } else {
                input.shape()[0]
            };
            loss.sum(None, false, None)?.div(n as f64)
        }
        r => reduce(loss, Reduction::parse(r)?),
    }
}

/// `F.dropout(x, p, training)`: zeroes each element with probability `p` and scales the
/// rest by `1 / (1 - p)`; the mask is drawn as PyTorch's CPU `bernoulli_(1 - p)` draws it
/// (one 53-bit uniform per element), so a seeded run drops the same elements.
pub fn dropout(x: &Tensor, p: f64, training: bool, g: &mut Generator) -> Result<Tensor> {
    if !(0.0..=1.0).contains(&p) {
        return Err(Error::value(
            "dropout",
            format!("dropout probability has to be between 0 and 1, but got {p}"),
        ));
    }
    if !training || p == 0.0 || x.numel() == 0 {
        return Ok(x.clone());
    }
    if p == 1.0 {
        return x.mul(&x.zeros_like()?);
    }
    let keep = 1.0 - p;
    let scale = if x.dtype() == DType::F64 {
        1.0 / keep
    } else {
        (1.0f32 / keep as f32) as f64
    };
    let noise: Vec<f64> = (0..x.numel())
        .map(|_| if g.uniform_f64() < keep { scale } else { 0.0 })
        .collect();
    let noise = Tensor::from_slice(&noise, x.shape())?.to_dtype(x.dtype())?;
    x.mul(&noise)
}

/// `F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)`:
/// per channel (dimension 1); in training, batch statistics normalise and the running
/// statistics (when given) move by `momentum`, the variance unbiased as PyTorch keeps it.
#[allow(clippy::too_many_arguments)]
pub fn batch_norm(
    x: &Tensor,
    running_mean: Option<&Tensor>,
    running_var: Option<&Tensor>,
    weight: Option<&Tensor>,
    bias: Option<&Tensor>,
    training: bool,
    momentum: f64,
    eps: f64,
) -> Result<Tensor> {
    if x.dim() < 2 {
        return Err(Error::value(
            "batch_norm",
            format!("expected 2D or 3D input (got {}D input)", x.dim()),
        ));
    }
    let c = x.shape()[1];
    let mut bshape = vec![1i64; x.dim()];
    bshape[1] = c as i64;
    let dims: Vec<i64> = (0..x.dim() as i64).filter(|&d| d != 1).collect();
    let n = x.numel() / c.max(1);
    let (mean, var) = if training || running_mean.is_none() {
        if n <= 1 {
            return Err(Error::value_hint(
                "batch_norm",
                format!(
                    "Expected more than 1 value per channel when training, got input size {}",
                    shape_str(x.shape())
                ),
                "use a batch of two or more samples, or call model.eval() to use the running statistics",
            ));
        }
        let mean = x.mean(Some(&dims), true, None)?;
        let var = x.var(Some(&dims), 0.0, true)?;
        if let (Some(rm), Some(rv)) = (running_mean, running_var) {
            graph::no_grad(|| -> Result<()> {
                let m = mean.detach().reshape(&[c as i64])?;
                let v = var
                    .detach()
                    .reshape(&[c as i64])?
                    .mul(n as f64 / (n as f64 - 1.0))?;
                rm.copy_(&rm.mul(1.0 - momentum)?.add(&m.mul(momentum)?)?)?;
                rv.copy_(&rv.mul(1.0 - momentum)?.add(&v.mul(momentum)?)?)?;
                Ok(())
            })?;
        }
        (mean, var)
    } else {
        let rm = running_mean.ok_or_else(|| Error::invalid("batch_norm", "running_mean"))?;
        let rv = running_var.ok_or_else(|| Error::invalid("batch_norm", "running_var"))?;
        (rm.reshape(&bshape)?, rv.reshape(&bshape)?)
    };
    let y = x.sub(&mean)?.mul(&var.add(eps)?.rsqrt()?)?;
    let y = per_channel(y, weight, bias)?;
    Ok(graph::rename(&y, &[x], "NativeBatchNormBackward0"))
}

/// `F.layer_norm(x, normalized_shape, weight, bias, eps)`: over the last dimensions.
pub fn layer_norm(
    x: &Tensor,
    normalized_shape: &[usize],
    weight: Option<&Tensor>,
    bias: Option<&Tensor>,
    eps: f64,
) -> Result<Tensor> {
    let k = normalized_shape.len();
    if k == 0 || x.dim() < k || x.shape()[x.dim() - k..] != *normalized_shape {
        let mut expected = vec!["*".to_string()];
        expected.extend(normalized_shape.iter().map(|d| d.to_string()));
        return Err(Error::invalid(
            "layer_norm",
            format!(
                "Given normalized_shape=[{}], expected input with shape [{}], but got input of size[{}]",
                normalized_shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
                expected.join(", "),
                x.shape().iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    let dims: Vec<i64> = (x.dim() - k..x.dim()).map(|d| d as i64).collect();
    let mean = x.mean(Some(&dims), true, None)?;
    let var = x.var(Some(&dims), 0.0, true)?;
    let mut y = x.sub(&mean)?.mul(&var.add(eps)?.rsqrt()?)?;
    if let Some(w) = weight {
        y = y.mul(w)?;
    }
    if let Some(b) = bias {
        y = y.add(b)?;
    }
    Ok(graph::rename(&y, &[x], "NativeLayerNormBackward0"))
}

/// `F.group_norm(x, num_groups, weight, bias, eps)`: channels (dimension 1) in groups.
pub fn group_norm(
    x: &Tensor,
    num_groups: usize,
    weight: Option<&Tensor>,
    bias: Option<&Tensor>,
    eps: f64,
) -> Result<Tensor> {
    if x.dim() < 2 {
        return Err(Error::invalid(
            "group_norm",
            format!(
                "Expected at least 2 dimensions for input tensor but received {}",
                x.dim()
            ),
        ));
    }
    let (n, c) = (x.shape()[0], x.shape()[1]);
    if num_groups == 0 || c % num_groups != 0 {
        return Err(Error::invalid(
            "group_norm",
            format!(
                "Expected number of channels in input to be divisible by num_groups, but got input of shape {} and num_groups={num_groups}",
                shape_str(x.shape())
            ),
        ));
    }
    let g = x.reshape(&[n as i64, num_groups as i64, -1])?;
    let mean = g.mean(Some(&[2]), true, None)?;
    let var = g.var(Some(&[2]), 0.0, true)?;
    let y = g
        .sub(&mean)?
        .mul(&var.add(eps)?.rsqrt()?)?
        .reshape(&as_i64(x.shape()))?;
    let y = per_channel(y, weight, bias)?;
    Ok(graph::rename(&y, &[x], "NativeGroupNormBackward0"))
}

/// `F.embedding(indices, weight, padding_idx)`: rows of `weight`; the padding row gets no
/// gradient.
pub fn embedding(indices: &Tensor, weight: &Tensor, padding_idx: Option<i64>) -> Result<Tensor> {
    if indices.dtype().is_float() || indices.dtype() == DType::Bool {
        return Err(Error::invalid(
            "embedding",
            format!(
                "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.{}Tensor instead (while checking arguments for embedding)",
                indices.dtype().scalar_type_name()
            ),
        ));
    }
    let flat = indices.flatten(0, -1)?.to_dtype(DType::I64)?;
    let rows = weight.shape()[0] as i64;
    if any(&flat.lt(0i64)?.bitwise_or(&flat.ge(rows)?)?)? {
        return Err(Error::Index {
            op: "embedding",
            message: "index out of range in self".into(),
        });
    }
    let mut out = weight.index_select(0, &flat)?;
    if let Some(p) = padding_idx {
        let p = if p < 0 { p + rows } else { p };
        let at_pad = flat.eq(p)?.unsqueeze(1)?;
        out = Tensor::where_(&at_pad, out.detach(), &out)?;
    }
    let mut shape = as_i64(indices.shape());
    shape.push(weight.shape().get(1).copied().unwrap_or(1) as i64);
    Ok(graph::rename(
        &out.reshape(&shape)?,
        &[weight],
        "EmbeddingBackward0",
    ))
}

/// `F.normalize(x, p, dim, eps)`: `x / max(‖x‖_p, eps)` along `dim`.
pub fn normalize(x: &Tensor, p: f64, dim: i64, eps: f64) -> Result<Tensor> {
    let n = x
        .norm(p, Some(&[dim]), true)?
        .clamp(Some(eps.into()), None)?;
    x.div(&n.expand_as(x)?)
}

/// `F.cosine_similarity(x1, x2, dim, eps)`.
pub fn cosine_similarity(x1: &Tensor, x2: &Tensor, dim: i64, eps: f64) -> Result<Tensor> {
    let n1 = x1
        .square()?
        .sum(Some(&[dim]), true, None)?
        .sqrt()?
        .clamp(Some(eps.into()), None)?;
    let n2 = x2
        .square()?
        .sum(Some(&[dim]), true, None)?
        .sqrt()?
        .clamp(Some(eps.into()), None)?;
    x1.div(&n1)?
        .mul(&x2.div(&n2)?)?
        .sum(Some(&[dim]), false, None)
}

/// `F.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal, scale)`.
#[allow(clippy::too_many_arguments)]
pub fn scaled_dot_product_attention(
    q: &Tensor,
    k: &Tensor,
    v: &Tensor,
    attn_mask: Option<&Tensor>,
    dropout_p: f64,
    is_causal: bool,
    scale: Option<f64>,
    g: &mut Generator,
) -> Result<Tensor> {
    if q.dim() < 2 || k.dim() < 2 {
        return Err(Error::invalid(
            "scaled_dot_product_attention",
            "query and key need at least 2 dimensions (…, L, E)",
        ));
    }
    let e = *q.shape().last().unwrap_or(&1) as f64;
    let scale = scale.unwrap_or(1.0 / e.sqrt());
    let mut s = q.matmul(&k.transpose(-2, -1)?)?.mul(scale)?;
    let (l, m) = (q.shape()[q.dim() - 2], k.shape()[k.dim() - 2]);
    if is_causal {
        let keep = Tensor::ones(&[l, m], DType::Bool)?.tril(0)?;
        s = s.masked_fill(&keep.logical_not()?, f64::NEG_INFINITY)?;
    }
    if let Some(mask) = attn_mask {
        s = if mask.dtype() == DType::Bool {
            s.masked_fill(&mask.logical_not()?, f64::NEG_INFINITY)?
        } else {
            s.add(mask)?
        };
    }
    let mut w = s.softmax(-1, None)?;
    if dropout_p > 0.0 {
        w = dropout(&w, dropout_p, true, g)?;
    }
    w.matmul(v)
}

/// `nn.MultiheadAttention`'s forward over sequence-first `[L, N, E]` query and `[S, N, E]`
/// key and value: the projections in `in_w [3E, E]` / `in_b`, `heads` heads, a float or bool
/// `attn_mask` (`[L, S]` or `[N·heads, L, S]`, True = not allowed) and a bool
/// `key_padding_mask [N, S]` (True = ignore). Returns the output `[L, N, E]` and, when asked,
/// the attention weights `[N, heads, L, S]` (or averaged over heads, `[N, L, S]`).
#[allow(clippy::too_many_arguments)]
pub fn multi_head_attention(
    query: &Tensor,
    key: &Tensor,
    value: &Tensor,
    heads: usize,
    in_w: &Tensor,
    in_b: Option<&Tensor>,
    out_w: &Tensor,
    out_b: Option<&Tensor>,
    attn_mask: Option<&Tensor>,
    key_padding_mask: Option<&Tensor>,
    dropout_p: f64,
    training: bool,
    weights: Option<bool>,
    g: &mut Generator,
) -> Result<(Tensor, Option<Tensor>)> {
    let (l, n, e) = (query.shape()[0], query.shape()[1], query.shape()[2]);
    let s = key.shape()[0];
    if heads == 0 || e % heads != 0 {
        return Err(Error::invalid(
            "multi_head_attention",
            "embed_dim must be divisible by num_heads",
        ));
    }
    let dh = e / heads;
    let part = |i: usize, t: &Tensor| -> Result<Tensor> {
        let w = in_w.narrow(0, (i * e) as i64, e)?;
        let b = in_b.map(|b| b.narrow(0, (i * e) as i64, e)).transpose()?;
        linear(t, &w, b.as_ref())
    };
    let heads_first = |t: Tensor, len: usize| -> Result<Tensor> {
        t.reshape(&[len as i64, (n * heads) as i64, dh as i64])?
            .transpose(0, 1)
    };
    let q = heads_first(part(0, query)?, l)?.mul((1.0 / dh as f64).sqrt())?;
    let k = heads_first(part(1, key)?, s)?;
    let v = heads_first(part(2, value)?, s)?;
    let mut scores = q.matmul(&k.transpose(-2, -1)?)?;
    if let Some(m) = attn_mask {
        scores = if m.dtype() == DType::Bool {
            scores.masked_fill(m, f64::NEG_INFINITY)?
        } else {
            scores.add(m)?
        };
    }
    if let Some(kpm) = key_padding_mask {
        let blocked = kpm.reshape(&[n as i64, 1, 1, s as i64])?;
        let sc = scores.reshape(&[n as i64, heads as i64, l as i64, s as i64])?;
        let sc = if kpm.dtype() == DType::Bool {
            sc.masked_fill(&blocked, f64::NEG_INFINITY)?
        } else {
            sc.add(&blocked)?
        };
        scores = sc.reshape(&[(n * heads) as i64, l as i64, s as i64])?;
    }
    let w = scores.softmax(-1, None)?;
    let wd = if training && dropout_p > 0.0 {
        dropout(&w, dropout_p, true, g)?
    } else {
        w.clone()
    };
    let o = wd
        .matmul(&v)?
        .transpose(0, 1)?
        .contiguous()?
        .reshape(&[(l * n) as i64, e as i64])?;
    let out = linear(&o, out_w, out_b)?.reshape(&[l as i64, n as i64, e as i64])?;
    let weights = match weights {
        None => None,
        Some(average) => {
            let w4 = w.reshape(&[n as i64, heads as i64, l as i64, s as i64])?;
            Some(if average {
                w4.mean(Some(&[1]), false, None)?
            } else {
                w4
            })
        }
    };
    Ok((out, weights))
}
