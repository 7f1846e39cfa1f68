//! The derivative of every op autograd records: one exhaustive match over [`GradFn`].
//! Each arm maps the gradient of the node's outputs to the gradients of its inputs, with
//! ordinary tensor ops, so that with `create_graph=True` they record a graph in turn.
//! Broadcasting and dtype are undone by the engine (`sum_to`), not here.

use crate::backend::{BinaryOp, CmpOp, UnaryOp};
use crate::tensor::graph::{GradFn, MatKind, Node, Val, S};
use crate::types::{AutogradError, DType, Error, Result, Scalar};
use crate::{Arg, Tensor};
use std::sync::Arc;

type Grads = Vec<Option<Tensor>>;

/// The shape of input `i` of `node`.
fn in_shape(node: &Node, i: usize) -> Vec<usize> {
    node.inputs[i]
        .as_ref()
        .map_or(Vec::new(), |m| m.shape.to_vec())
}

fn i64s(v: &[usize]) -> Vec<i64> {
    v.iter().map(|&x| x as i64).collect()
}

/// A reduced gradient made broadcastable against the input again: the reduced dims
/// reinserted as size 1 when the op dropped them.
fn unreduce(g: &Tensor, dims: &Option<Vec<usize>>, keepdim: bool, ndim: usize) -> Result<Tensor> {
    if keepdim || ndim == 0 {
        return Ok(g.clone());
    }
    let mut shape: Vec<i64> = Vec::with_capacity(ndim);
    let mut it = g.shape().iter();
    for d in 0..ndim {
        let reduced = dims.as_ref().is_none_or(|ds| ds.contains(&d));
        shape.push(if reduced {
            1
        } else {
            it.next().copied().unwrap_or(1) as i64
        });
    }
    g.reshape(&shape)
}

fn count(shape: &[usize], dims: &Option<Vec<usize>>) -> usize {
    match dims {
        None => shape.iter().product(),
        Some(ds) => ds.iter().map(|&d| shape[d]).product(),
    }
}

fn dims_i64(dims: &Option<Vec<usize>>, ndim: usize) -> Vec<i64> {
    match dims {
        None => (0..ndim as i64).collect(),
        Some(ds) => i64s(ds),
    }
}

fn operand(node: &Arc<Node>, v: Val) -> Result<Option<Tensor>> {
    match v {
        Val::T(s) => node.saved(s).map(Some),
        Val::Scalar(_) | Val::Unsaved => Ok(None),
    }
}

fn arg(node: &Arc<Node>, v: Val) -> Result<Arg<'static>> {
    Ok(match v {
        Val::T(s) => Arg::from(node.saved(s)?),
        Val::Scalar(x) => Arg::from(x),
        Val::Unsaved => {
            return Err(Error::invalid(
                "backward",
                "internal: an operand needed by backward was not saved",
            ))
        }
    })
}

/// `mask` as the gradient's dtype (true → 1).
fn as_float(mask: &Tensor, like: &Tensor) -> Result<Tensor> {
    mask.to_dtype(like.dtype())
}

/// Flat offsets of the elements a view takes from a contiguous tensor of `shape`.
fn view_offsets(shape: &[usize], view: impl Fn(&Tensor) -> Result<Tensor>) -> Result<Tensor> {
    let n = shape.iter().product::<usize>();
    let all = Tensor::arange(
        Scalar::Int(0),
        Scalar::Int(n as i64),
        Scalar::Int(1),
        Some(DType::I64),
    )?
    .reshape(&i64s(shape))?;
    view(&all)
}

/// The gradient of a read at flat offsets: `g` summed into zeros of the input's shape.
fn untake(g: &Tensor, offsets: &Tensor, shape: &[usize]) -> Result<Tensor> {
    let n = shape.iter().product::<usize>();
    g.put_into_zeros(offsets, n)?.reshape(&i64s(shape))
}

/// The gradient of `a` in `a @ b` (`g @ bᵀ`); computed as `(b @ gᵀ)ᵀ` when `a` is a
/// transposed matrix, so it has `a`'s layout and reaches a `w` behind `w.t()` contiguous.
fn mm_grad_a(g: &Tensor, b: &Tensor, transposed: bool) -> Result<Tensor> {
    if transposed {
        b.mm(&g.t()?)?.t()
    } else {
        g.mm(&b.t()?)
    }
}

/// The gradient of `b` in `a @ b` (`aᵀ @ g`), in `b`'s layout like [`mm_grad_a`].
fn mm_grad_b(a: &Tensor, g: &Tensor, transposed: bool) -> Result<Tensor> {
    if transposed {
        g.t()?.mm(a)?.t()
    } else {
        a.t()?.mm(g)
    }
}

/// Gradients of each input of `node` from the gradients of its outputs (`None` for an
/// output no gradient reached). `needs[i]`: whether input `i` wants one.
pub fn apply(node: &Arc<Node>, grads: &[Option<Tensor>], needs: &[bool]) -> Result<Grads> {
    use GradFn as G;
    let need = |i: usize| needs.get(i).copied().unwrap_or(false);
    // Single-output nodes: the one gradient (the engine runs a node only with one).
    let g = match grads.iter().flatten().next() {
        Some(g) => g.clone(),
        None => return Ok(vec![None; needs.len()]),
    };
    let sv = |s: S| node.saved(s);
    let one = |t: Result<Tensor>| -> Result<Grads> { Ok(vec![Some(t?)]) };
    match &node.op {
        G::Unary { op, x, out } => {
            let x = || sv(x.ok_or_else(missing)?);
            let out = || sv(out.ok_or_else(missing)?);
            use UnaryOp as U;
            let r = match op {
                U::Neg => g.neg(),
                U::Abs => g.mul(&x()?.sign()?),
                U::Exp => g.mul(&out()?),
                U::Exp2 => g.mul(&out()?)?.mul(std::f64::consts::LN_2),
                U::Expm1 => g.mul(&out()?.add(1.0)?),
                U::Log => g.div(&x()?),
                U::Log2 => g.div(&x()?.mul(std::f64::consts::LN_2)?),
                U::Log10 => g.div(&x()?.mul(std::f64::consts::LN_10)?),
                U::Log1p => g.div(&x()?.add(1.0)?),
                U::Sqrt => g.div(&out()?.mul(2.0)?),
                U::Rsqrt => g.mul(&out()?.pow(3.0)?.mul(-0.5)?),
                U::Sin => g.mul(&x()?.cos()?),
                U::Cos => g.mul(&x()?.sin()?.neg()?),
                U::Tan => g.mul(&out()?.pow(2.0)?.add(1.0)?),
                U::Asin => g.div(
                    &Tensor::binary(BinaryOp::Sub, 1.0.into(), (&x()?.pow(2.0)?).into())?.sqrt()?,
                ),
                U::Acos => g
                    .div(
                        &Tensor::binary(BinaryOp::Sub, 1.0.into(), (&x()?.pow(2.0)?).into())?
                            .sqrt()?,
                    )?
                    .neg(),
                U::Atan => g.div(&x()?.pow(2.0)?.add(1.0)?),
                U::Sinh => g.mul(&x()?.cosh()?),
                U::Cosh => g.mul(&x()?.sinh()?),
                U::Tanh => g.mul(&Tensor::binary(
                    BinaryOp::Sub,
                    1.0.into(),
                    (&out()?.pow(2.0)?).into(),
                )?),
                U::Erf => g.mul(
                    &x()?
                        .pow(2.0)?
                        .neg()?
                        .exp()?
                        .mul(std::f64::consts::FRAC_2_SQRT_PI)?,
                ),
                // d/dy erfinv(y) = √π/2 · exp(erfinv(y)²).
                U::Erfinv => g.mul(
                    &out()?
                        .pow(2.0)?
                        .exp()?
                        .mul(std::f64::consts::PI.sqrt() / 2.0)?,
                ),
                U::Floor | U::Ceil | U::Round | U::Trunc => g.zeros_like(),
            };
            one(r)
        }
        G::Binary { op, a, b, .. } => binary(node, *op, *a, *b, &g, need(0), need(1)),
        G::Sign => one(g.zeros_like()),
        G::Reciprocal { out } => one(g.mul(&sv(*out)?.pow(2.0)?)?.neg()),
        G::Sigmoid { out } => {
            let o = sv(*out)?;
            one(g
                .mul(&o)?
                .mul(&Tensor::binary(BinaryOp::Sub, 1.0.into(), (&o).into())?))
        }
        G::Relu { out } => {
            let o = sv(*out)?;
            one(g.mul(&as_float(&o.gt(0)?, &g)?))
        }
        G::Gelu { x, tanh } => {
            let x = sv(*x)?;
            let d = if *tanh {
                let k = (2.0 / std::f64::consts::PI).sqrt();
                let c = 0.044715;
                let x2 = x.mul(&x)?;
                let inner = x.add(&x2.mul(&x)?.mul(c)?)?.mul(k)?;
                let t = inner.tanh()?;
                let dt = Tensor::binary(BinaryOp::Sub, 1.0.into(), (&t.mul(&t)?).into())?;
                let dinner = x2.mul(3.0 * c)?.add(1.0)?.mul(k)?;
                t.add(1.0)?
                    .mul(0.5)?
                    .add(&x.mul(0.5)?.mul(&dt)?.mul(&dinner)?)?
            } else {
                let cdf = x
                    .mul(std::f64::consts::FRAC_1_SQRT_2)?
                    .erf()?
                    .add(1.0)?
                    .mul(0.5)?;
                let pdf = x.mul(&x)?.mul(-0.5)?.exp()?.mul(
                    0.5 * std::f64::consts::FRAC_2_SQRT_PI * std::f64::consts::FRAC_1_SQRT_2,
                )?;
                cdf.add(&x.mul(&pdf)?)?
            };
            one(g.mul(&d))
        }
        G::Silu { x } => {
            let x = sv(*x)?;
            let s = x.sigmoid()?;
            let d = s.mul(
                &x.mul(&Tensor::binary(BinaryOp::Sub, 1.0.into(), (&s).into())?)?
                    .add(1.0)?,
            )?;
            one(g.mul(&d))
        }
        G::Softplus { x, beta, threshold } => {
            let x = sv(*x)?;
            let bx = x.mul(*beta)?;
            one(Tensor::where_(
                &bx.gt(*threshold)?,
                &g,
                g.mul(&bx.sigmoid()?)?,
            ))
        }
        G::Elu { x, alpha } => {
            let x = sv(*x)?;
            one(Tensor::where_(
                &x.le(0)?,
                g.mul(&x.exp()?.mul(*alpha)?)?,
                &g,
            ))
        }
        G::LeakyRelu { x, slope } => {
            let x = sv(*x)?;
            one(Tensor::where_(&x.gt(0)?, &g, g.mul(*slope)?))
        }
        G::Clamp { x, min, max } => {
            let x = sv(*x)?;
            let tensor_bounds = matches!(min, Some(Val::T(_))) || matches!(max, Some(Val::T(_)));
            let mut keep = g.ones_like()?;
            let mut bound_grads = [None, None];
            for (k, (bound, inside, outside)) in
                [(min, CmpOp::Gt, CmpOp::Lt), (max, CmpOp::Lt, CmpOp::Gt)]
                    .into_iter()
                    .enumerate()
            {
                let Some(m) = bound else { continue };
                let m = arg(node, *m)?;
                let cmp = |op| as_float(&Tensor::compare(op, (&x).into(), m.clone())?, &g);
                if tensor_bounds {
                    // At a tensor bound, x and the bound share the gradient evenly.
                    let half = cmp(CmpOp::Eq)?.mul(0.5)?;
                    keep = keep.mul(&cmp(inside)?.add(&half)?)?;
                    bound_grads[k] = Some(g.mul(&cmp(outside)?.add(&half)?)?);
                } else {
                    keep = keep.mul(&cmp(inside)?)?;
                }
            }
            let [gmin, gmax] = bound_grads;
            Ok(vec![Some(g.mul(&keep)?), gmin, gmax])
        }
        G::Where { cond } => {
            let c = sv(*cond)?;
            let zero = Arg::from(0.0);
            Ok(vec![
                None,
                need(1)
                    .then(|| Tensor::where_(&c, &g, zero.clone()))
                    .transpose()?,
                need(2)
                    .then(|| Tensor::where_(&c, zero.clone(), &g))
                    .transpose()?,
            ])
        }
        G::MaskedFill { mask, .. } => {
            let m = sv(*mask)?;
            Ok(vec![
                Some(g.masked_fill(&m, 0.0)?),
                None,
                need(2).then(|| Tensor::where_(&m, &g, 0.0)).transpose()?,
            ])
        }
        G::ToCopy | G::Clone | G::Expand => one(Ok(g)),
        G::ToDevice { device } => one(g.to_device(*device)),
        G::Sum { dims, keepdim } => {
            let shape = in_shape(node, 0);
            let g = unreduce(&g, dims, *keepdim, shape.len())?;
            one(g.expand(&i64s(&shape)))
        }
        G::Mean { dims, keepdim } => {
            let shape = in_shape(node, 0);
            let n = count(&shape, dims).max(1);
            let g = unreduce(&g, dims, *keepdim, shape.len())?;
            one(g.div(n as f64)?.expand(&i64s(&shape)))
        }
        G::Prod { x, dim, .. } => {
            let x = sv(*x)?;
            let (xd, d, keep) = match dim {
                None => (x.reshape(&[-1])?, 0usize, false),
                Some((d, k)) => (x.clone(), *d, *k),
            };
            // The product of all the other elements: exclusive products from both sides.
            let n = xd.shape().get(d).copied().unwrap_or(1);
            let ones = xd.narrow(d as i64, 0, 1.min(n))?.ones_like()?;
            let excl = |t: &Tensor| -> Result<Tensor> {
                let c = t.cumprod(d as i64, None)?;
                Tensor::cat(
                    &[ones.clone(), c.narrow(d as i64, 0, n.saturating_sub(1))?],
                    d as i64,
                )
            };
            let left = excl(&xd)?;
            let right = excl(&xd.flip(&[d as i64])?)?.flip(&[d as i64])?;
            let others = left.mul(&right)?;
            let gd = match dim {
                None => g.reshape(&[1])?,
                Some(_) if keep => g.clone(),
                Some(_) => g.unsqueeze(d as i64)?,
            };
            one(gd.mul(&others)?.reshape(&i64s(x.shape())))
        }
        G::Extreme {
            x,
            out,
            dims,
            keepdim,
            ..
        } => {
            let x = sv(*x)?;
            let nd = x.dim();
            let o = unreduce(&sv(*out)?, dims, *keepdim, nd)?;
            let g = unreduce(&g, dims, *keepdim, nd)?;
            let mask = as_float(&x.eq(&o)?, &g)?;
            let n = mask.sum(Some(&dims_i64(dims, nd)), true, None)?;
            one(g.mul(&mask)?.div(&n))
        }
        G::Picked {
            dim,
            indices,
            keepdim,
            ..
        } => {
            let shape = in_shape(node, 0);
            let idx = sv(*indices)?;
            let (g, idx) = if *keepdim || shape.is_empty() {
                (g, idx)
            } else {
                (g.unsqueeze(*dim as i64)?, idx.unsqueeze(*dim as i64)?)
            };
            let off = Tensor::gather_offsets(&shape, *dim as i64, &idx)?;
            one(untake(&g, &off, &shape))
        }
        G::Var {
            x,
            dims,
            correction,
            keepdim,
        } => {
            let x = sv(*x)?;
            let nd = x.dim();
            let n = count(x.shape(), dims) as f64;
            let mean = x.mean(Some(&dims_i64(dims, nd)), true, None)?;
            let g = unreduce(&g, dims, *keepdim, nd)?;
            one(g.mul(&x.sub(&mean)?)?.mul(2.0 / (n - correction)))
        }
        G::Std {
            x,
            out,
            dims,
            correction,
            keepdim,
        } => {
            let x = sv(*x)?;
            let nd = x.dim();
            let n = count(x.shape(), dims) as f64;
            let mean = x.mean(Some(&dims_i64(dims, nd)), true, None)?;
            let o = unreduce(&sv(*out)?, dims, *keepdim, nd)?;
            let g = unreduce(&g, dims, *keepdim, nd)?;
            one(g.mul(&x.sub(&mean)?)?.div(&o.mul(n - correction)?))
        }
        G::Norm {
            x,
            out,
            p,
            dims,
            keepdim,
        } => {
            let x = sv(*x)?;
            let nd = x.dim();
            let o = unreduce(&sv(*out)?, dims, *keepdim, nd)?;
            let g = unreduce(&g, dims, *keepdim, nd)?;
            let r = if *p == 0.0 {
                x.zeros_like()
            } else if *p == 1.0 {
                g.mul(&x.sign()?)
            } else if p.is_infinite() {
                let a = x.abs()?;
                let mask = as_float(&a.eq(&o)?, &g)?;
                let n = mask.sum(Some(&dims_i64(dims, nd)), true, None)?;
                g.mul(&x.sign()?)?.mul(&mask)?.div(&n)
            } else if *p == 2.0 {
                // Zero where the norm is zero, as PyTorch.
                let safe = o.masked_fill(&o.eq(0)?, 1.0)?;
                g.mul(&x)?.div(&safe)?.masked_fill(&o.eq(0)?, 0.0)
            } else {
                let a = x.abs()?;
                let safe = o.masked_fill(&o.eq(0)?, 1.0)?;
                g.mul(&x.sign()?)?
                    .mul(&a.pow(p - 1.0)?)?
                    .div(&safe.pow(p - 1.0)?)?
                    .masked_fill(&o.eq(0)?, 0.0)
            };
            one(r)
        }
        G::Logsumexp {
            x,
            out,
            dims,
            keepdim,
        } => {
            let x = sv(*x)?;
            let nd = x.dim();
            let dims = Some(dims.clone());
            let o = unreduce(&sv(*out)?, &dims, *keepdim, nd)?;
            let g = unreduce(&g, &dims, *keepdim, nd)?;
            one(g.mul(&x.sub(&o)?.exp()?))
        }
        G::Cumsum { dim } => {
            let d = *dim as i64;
            one(g.flip(&[d])?.cumsum(d, None)?.flip(&[d]))
        }
        G::Softmax { out, dim } => {
            let o = sv(*out)?;
            let s = g.mul(&o)?.sum(Some(&[*dim as i64]), true, None)?;
            one(o.mul(&g.sub(&s)?))
        }
        G::LogSoftmax { out, dim } => {
            let o = sv(*out)?;
            let s = g.sum(Some(&[*dim as i64]), true, None)?;
            one(g.sub(&o.exp()?.mul(&s)?))
        }
        G::View { .. } | G::Squeeze { .. } => one(g.reshape(&i64s(&in_shape(node, 0)))),
        G::Permute { dims } => {
            let mut inv = vec![0i64; dims.len()];
            for (i, &d) in dims.iter().enumerate() {
                inv[d] = i as i64;
            }
            one(g.permute(&inv))
        }
        G::Transpose { d0, d1, .. } => one(g.transpose(*d0 as i64, *d1 as i64)),
        G::Unsqueeze { dim } => one(g.squeeze(Some(&[*dim as i64]))),
        G::Select { dim, index } => {
            let shape = in_shape(node, 0);
            let off = view_offsets(&shape, |t| t.select(*dim as i64, *index as i64))?;
            one(untake(&g, &off, &shape))
        }
        G::Slice {
            dim,
            start,
            len,
            step,
        } => {
            let shape = in_shape(node, 0);
            let (s, l, st) = (*start as i64, *len as i64, *step as i64);
            let off = view_offsets(&shape, |t| {
                t.slice(*dim as i64, Some(s), Some(s + l * st), st)
            })?;
            one(untake(&g, &off, &shape))
        }
        G::Diagonal { offset, d1, d2 } => {
            let shape = in_shape(node, 0);
            let off = view_offsets(&shape, |t| t.diagonal(*offset, *d1 as i64, *d2 as i64))?;
            one(untake(&g, &off, &shape))
        }
        G::Split {
            dim,
            sizes,
            keep_dim,
            ..
        } => {
            let shape = in_shape(node, 0);
            let mut parts = Vec::with_capacity(sizes.len());
            for (i, &n) in sizes.iter().enumerate() {
                let p = match grads.get(i).cloned().flatten() {
                    Some(p) if *keep_dim => p,
                    Some(p) => p.unsqueeze(*dim as i64)?,
                    None => {
                        let mut s = shape.clone();
                        s[*dim] = n;
                        Tensor::zeros(&s, g.dtype())?.to_device(g.device())?
                    }
                };
                parts.push(p);
            }
            one(Tensor::cat(&parts, *dim as i64))
        }
        G::Take { offsets, .. } => {
            let shape = in_shape(node, 0);
            one(untake(&g, &sv(*offsets)?, &shape))
        }
        G::Mat {
            kind,
            a,
            b,
            transposed: [ta, tb],
        } => {
            let a = || sv(a.ok_or_else(missing)?);
            let b = || sv(b.ok_or_else(missing)?);
            let (ga, gb) = match kind {
                MatKind::Mm => (
                    need(0).then(|| mm_grad_a(&g, &b()?, *ta)).transpose()?,
                    need(1).then(|| mm_grad_b(&a()?, &g, *tb)).transpose()?,
                ),
                MatKind::Bmm => (
                    need(0).then(|| g.bmm(&b()?.transpose(1, 2)?)).transpose()?,
                    need(1).then(|| a()?.transpose(1, 2)?.bmm(&g)).transpose()?,
                ),
                MatKind::Mv => (
                    need(0)
                        .then(|| g.unsqueeze(1)?.mul(&b()?.unsqueeze(0)?))
                        .transpose()?,
                    need(1).then(|| a()?.t()?.mv(&g)).transpose()?,
                ),
                MatKind::Dot => (
                    need(0).then(|| g.mul(&b()?)).transpose()?,
                    need(1).then(|| g.mul(&a()?)).transpose()?,
                ),
            };
            Ok(vec![ga, gb])
        }
        G::Addmm {
            m1,
            m2,
            beta,
            alpha,
            batched,
            transposed: [t1, t2],
        } => {
            let m1 = || sv(m1.ok_or_else(missing)?);
            let m2 = || sv(m2.ok_or_else(missing)?);
            let gi = need(0).then(|| scale(&g, *beta)).transpose()?;
            let (g1, g2) = if *batched {
                (
                    need(1)
                        .then(|| scale(&g.bmm(&m2()?.transpose(1, 2)?)?, *alpha))
                        .transpose()?,
                    need(2)
                        .then(|| scale(&m1()?.transpose(1, 2)?.bmm(&g)?, *alpha))
                        .transpose()?,
                )
            } else {
                (
                    need(1)
                        .then(|| scale(&mm_grad_a(&g, &m2()?, *t1)?, *alpha))
                        .transpose()?,
                    need(2)
                        .then(|| scale(&mm_grad_b(&m1()?, &g, *t2)?, *alpha))
                        .transpose()?,
                )
            };
            Ok(vec![gi, g1, g2])
        }
        G::Conv {
            x,
            w,
            stride,
            padding,
            dilation,
            groups,
            pad_extra,
            one_d,
        } => conv(
            node,
            sv(*x)?,
            sv(*w)?,
            &g,
            ConvGeom {
                stride: *stride,
                padding: *padding,
                dilation: *dilation,
                groups: *groups,
                pad_extra: *pad_extra,
                one_d: *one_d,
            },
            needs,
        ),
        G::Cat { dim } => {
            let mut start = 0;
            let mut out = Vec::with_capacity(node.inputs.len());
            for i in 0..node.inputs.len() {
                let shape = in_shape(node, i);
                // PyTorch's cat skips 1-D empty inputs whatever `dim` is.
                let n = if shape == [0] { 0 } else { shape[*dim] };
                out.push(if need(i) && shape != [0] {
                    Some(g.narrow(*dim as i64, start as i64, n)?)
                } else {
                    None
                });
                start += n;
            }
            Ok(out)
        }
        G::Stack { dim } => (0..node.inputs.len())
            .map(|i| need(i).then(|| g.select(*dim as i64, i as i64)).transpose())
            .collect(),
        G::Untake { offsets } => one(g.take_flat(&sv(*offsets)?)),
        G::Cumprod { x, out, dim } => {
            let x = sv(*x)?;
            if x.dim() == 0 || x.numel() == 0 {
                return one(Ok(g));
            }
            let d = *dim as i64;
            let n = x.shape()[*dim];
            let o = sv(*out)?;
            if !any_zero(&x)? {
                // Σ_{j≥k} g_j·out_j / x_k.
                return one(g.mul(&o)?.flip(&[d])?.cumsum(d, None)?.flip(&[d])?.div(&x));
            }
            // With zeros: grad_k = (∏_{i<k} x_i)·s_k, where s_{n−1} = g_{n−1} and
            // s_k = g_k + x_{k+1}·s_{k+1} (no division anywhere).
            let mut s = vec![g.select(d, n as i64 - 1)?];
            for k in (0..n - 1).rev() {
                let after = x.select(d, k as i64 + 1)?.mul(&s[s.len() - 1])?;
                s.push(g.select(d, k as i64)?.add(&after)?);
            }
            s.reverse();
            let before = Tensor::cat(
                &[x.narrow(d, 0, 1)?.ones_like()?, o.narrow(d, 0, n - 1)?],
                d,
            )?;
            // `+ 0` turns the −0 of a zero times a negative into PyTorch's +0.
            one(before.mul(&Tensor::stack(&s, d)?)?.add(0.0))
        }
        G::AvgPool { ah, aw, .. } => one(sv(*ah)?.t()?.matmul(&g)?.matmul(&sv(*aw)?)),
        G::Im2col {
            size,
            kernel,
            dilation,
            padding,
            stride,
        } => one(g.fold_col2im(*size, *kernel, *dilation, *padding, *stride)),
        G::Col2im {
            kernel,
            dilation,
            padding,
            stride,
        } => one(g.unfold_im2col(*kernel, *dilation, *padding, *stride)),
        G::Det { x, out } => {
            let (x, o) = (sv(*x)?, sv(*out)?);
            // d det / dA = the cofactor matrix: det·A⁻ᵀ when A is invertible.
            let cof = if any_zero(&o)? {
                cofactors(&x)?
            } else {
                o.unsqueeze(-1)?
                    .unsqueeze(-1)?
                    .mul(&x.inv()?.transpose(-2, -1)?)?
            };
            one(g.unsqueeze(-1)?.unsqueeze(-1)?.mul(&cof))
        }
        G::Inv { out } => {
            let ot = sv(*out)?.transpose(-2, -1)?;
            one(ot.matmul(&g)?.matmul(&ot)?.neg())
        }
        G::Solve { a, out, vector } => {
            let (a, x) = (sv(*a)?, sv(*out)?);
            let gb = a.transpose(-2, -1)?.solve(&g)?;
            let ga = if !need(0) {
                None
            } else if *vector {
                Some(gb.unsqueeze(-1)?.mul(&x.unsqueeze(-2)?)?.neg()?)
            } else {
                Some(gb.matmul(&x.transpose(-2, -1)?)?.neg()?)
            };
            Ok(vec![ga, need(1).then_some(gb)])
        }
        G::Put {
            offsets, assign, ..
        } => {
            let off = sv(*offsets)?;
            let shape = in_shape(node, 0);
            let gx = match (need(0), *assign) {
                (false, _) => None,
                (true, false) => Some(g.clone()),
                (true, true) => {
                    // What was overwritten gets no gradient.
                    let n = shape.iter().product::<usize>();
                    let hit = Tensor::ones(off.shape(), g.dtype())?.put_into_zeros(&off, n)?;
                    Some(g.mul(&as_float(&hit.eq(0)?, &g)?.reshape(&i64s(&shape))?)?)
                }
            };
            let gv = need(1)
                .then(|| g.contiguous()?.take_flat(&off))
                .transpose()?;
            Ok(vec![gx, gv])
        }
        G::Rounded { .. } => (0..node.inputs.len())
            .map(|i| {
                need(i)
                    .then(|| Tensor::zeros(&in_shape(node, i), g.dtype())?.to_device(g.device()))
                    .transpose()
            })
            .collect(),
        G::Copy => Ok(vec![None, Some(g)]),
        G::Fill => one(g.zeros_like()),
    }
}

/// Whether any element of `t` is zero.
fn any_zero(t: &Tensor) -> Result<bool> {
    Ok(t.eq(0)?.any(None, false)?.item()?.to_f64() != 0.0)
}

/// The cofactor matrix of (a batch of) square matrices, from the minors' determinants:
/// the gradient of det where the matrix is singular.
fn cofactors(x: &Tensor) -> Result<Tensor> {
    let n = x.shape()[x.dim() - 1];
    if n == 1 {
        return x.ones_like();
    }
    let others = |i: usize| {
        let keep: Vec<i64> = (0..n as i64).filter(|&k| k != i as i64).collect();
        Tensor::from_slice(&keep, &[n - 1])
    };
    let mut parts = Vec::with_capacity(n * n);
    for i in 0..n {
        let rows = x.index_select(-2, &others(i)?)?;
        for j in 0..n {
            let m = rows.index_select(-1, &others(j)?)?.det()?;
            parts.push(if (i + j) % 2 == 1 { m.neg()? } else { m });
        }
    }
    Tensor::stack(&parts, -1)?.reshape(&i64s(x.shape()))
}

fn missing() -> Error {
    Error::invalid(
        "backward",
        "internal: a tensor needed by backward was not saved",
    )
}

fn scale(g: &Tensor, s: Scalar) -> Result<Tensor> {
    if s.to_f64() == 1.0 {
        Ok(g.clone())
    } else {
        g.mul(s)
    }
}

#[allow(clippy::too_many_arguments)]
fn binary(
    node: &Arc<Node>,
    op: BinaryOp,
    a: Val,
    b: Val,
    g: &Tensor,
    need_a: bool,
    need_b: bool,
) -> Result<Grads> {
    use BinaryOp as B;
    let ta = || operand(node, a)?.ok_or_else(missing);
    let tb = || operand(node, b)?.ok_or_else(missing);
    let av = || arg(node, a);
    let bv = || arg(node, b);
    let (ga, gb): (Option<Tensor>, Option<Tensor>) = match op {
        B::Add => (Some(g.clone()), Some(g.clone())),
        B::Sub => (Some(g.clone()), need_b.then(|| g.neg()).transpose()?),
        B::Mul => (
            need_a
                .then(|| Tensor::binary(B::Mul, g.into(), bv()?))
                .transpose()?,
            need_b
                .then(|| Tensor::binary(B::Mul, g.into(), av()?))
                .transpose()?,
        ),
        B::Div => (
            need_a
                .then(|| Tensor::binary(B::Div, g.into(), bv()?))
                .transpose()?,
            need_b
                .then(|| -> Result<Tensor> {
                    let b = tb()?;
                    Tensor::binary(B::Mul, g.neg()?.into(), av()?)?.div(&b.mul(&b)?)
                })
                .transpose()?,
        ),
        B::Pow => {
            let ga = need_a
                .then(|| -> Result<Tensor> {
                    // d/da a^b = b a^(b-1), and 0 where b = 0.
                    let x = ta()?;
                    let d = match b {
                        Val::Scalar(0.0) => x.zeros_like()?,
                        Val::Scalar(e) => x.pow(e - 1.0)?.mul(e)?,
                        _ => {
                            let e = tb()?;
                            e.mul(&x.pow(&e.sub(1.0)?)?)?.masked_fill(&e.eq(0)?, 0.0)?
                        }
                    };
                    g.mul(&d)
                })
                .transpose()?;
            let gb = need_b
                .then(|| -> Result<Tensor> {
                    // d/db a^b = a^b ln a, and 0 where a = 0 and b >= 0.
                    let e = tb()?;
                    let (out, ln_a, zero_base) = match a {
                        Val::Scalar(x) => {
                            (Tensor::binary(B::Pow, x.into(), (&e).into())?, x.ln(), None)
                        }
                        _ => {
                            let x = ta()?;
                            let z = x.eq(0)?.logical_and(&e.ge(0)?)?;
                            (x.pow(&e)?, f64::NAN, Some((x.log()?, z)))
                        }
                    };
                    let d = match zero_base {
                        None => out.mul(ln_a)?,
                        Some((ln, z)) => out.mul(&ln)?.masked_fill(&z, 0.0)?,
                    };
                    g.mul(&d)
                })
                .transpose()?;
            (ga, gb)
        }
        B::Maximum | B::Minimum => {
            let (x, y) = (ta()?, tb()?);
            let wins = if op == B::Maximum {
                x.gt(&y)?
            } else {
                x.lt(&y)?
            };
            let ties = as_float(&x.eq(&y)?, g)?.mul(0.5)?;
            let wa = as_float(&wins, g)?.add(&ties)?;
            let loses = if op == B::Maximum {
                x.lt(&y)?
            } else {
                x.gt(&y)?
            };
            let wb = as_float(&loses, g)?.add(&ties)?;
            (Some(g.mul(&wa)?), Some(g.mul(&wb)?))
        }
        B::Atan2 => {
            let (x, y) = (ta()?, tb()?);
            let den = x.mul(&x)?.add(&y.mul(&y)?)?;
            (
                Some(g.mul(&y)?.div(&den)?),
                Some(g.mul(&x)?.neg()?.div(&den)?),
            )
        }
        B::Remainder | B::Fmod => {
            let gb = need_b
                .then(|| -> Result<Tensor> {
                    let q = Tensor::binary(B::Div, av()?, bv()?)?;
                    let q = if op == B::Remainder {
                        q.floor()?
                    } else {
                        q.trunc()?
                    };
                    g.neg()?.mul(&q)
                })
                .transpose()?;
            (Some(g.clone()), gb)
        }
        _ => {
            return Err(Error::autograd(
                AutogradError::Other,
                format!("derivative for aten::{} is not implemented", op.name()),
            ))
        }
    };
    Ok(vec![ga, gb])
}

struct ConvGeom {
    stride: [usize; 2],
    padding: [usize; 2],
    dilation: [usize; 2],
    groups: usize,
    pad_extra: [usize; 2],
    one_d: bool,
}

/// Convolution's gradients through im2col: the input's by folding `wᵀ g` back, the
/// weight's as `g colsᵀ` summed over the batch, the bias's as a sum.
fn conv(
    node: &Arc<Node>,
    x: Tensor,
    w: Tensor,
    g: &Tensor,
    c: ConvGeom,
    needs: &[bool],
) -> Result<Grads> {
    let four = |t: &Tensor, batch: bool| -> Result<Tensor> {
        let t = if c.one_d { t.unsqueeze(-2)? } else { t.clone() };
        if batch && t.dim() == 3 {
            t.unsqueeze(0)
        } else {
            Ok(t)
        }
    };
    let x4 = four(&x, true)?;
    let x4 = if c.pad_extra != [0, 0] {
        x4.pad(
            &[0, c.pad_extra[1] as i64, 0, c.pad_extra[0] as i64],
            "constant",
            0.0,
        )?
    } else {
        x4
    };
    let w4 = four(&w, false)?;
    let g4 = four(g, true)?;
    let (n, ch, h, wd) = (x4.shape()[0], x4.shape()[1], x4.shape()[2], x4.shape()[3]);
    let (o, cg, kh, kw) = (w4.shape()[0], w4.shape()[1], w4.shape()[2], w4.shape()[3]);
    let l = g4.shape()[2] * g4.shape()[3];
    let gr = c.groups.max(1);
    let k = (cg * kh * kw) as i64;
    let gm = g4.reshape(&[n as i64, gr as i64, (o / gr) as i64, l as i64])?;
    let gx = if needs.first().copied().unwrap_or(false) {
        let wm = w4.reshape(&[gr as i64, (o / gr) as i64, k])?;
        let cols = wm.transpose(1, 2)?.matmul(&gm)?.reshape(&[
            n as i64,
            (ch * kh * kw) as i64,
            l as i64,
        ])?;
        let full = cols.fold_col2im([h, wd], [kh, kw], c.dilation, c.padding, c.stride)?;
        let full = if c.pad_extra != [0, 0] {
            full.narrow(2, 0, h - c.pad_extra[0])?
                .narrow(3, 0, wd - c.pad_extra[1])?
        } else {
            full
        };
        Some(full.reshape(&i64s(&in_shape(node, 0)))?)
    } else {
        None
    };
    let gw = if needs.get(1).copied().unwrap_or(false) {
        let cols = x4
            .unfold_im2col([kh, kw], c.dilation, c.padding, c.stride)?
            .reshape(&[n as i64, gr as i64, k, l as i64])?;
        let gw = gm
            .matmul(&cols.transpose(2, 3)?)?
            .sum(Some(&[0]), false, None)?;
        Some(gw.reshape(&i64s(&in_shape(node, 1)))?)
    } else {
        None
    };
    let gb = if needs.get(2).copied().unwrap_or(false) {
        Some(g4.sum(Some(&[0, 2, 3]), false, None)?)
    } else {
        None
    };
    Ok(vec![gx, gw, gb])
}
