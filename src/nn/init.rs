//! `torch.nn.init`: weight initialisations, in place and outside autograd, each drawing the
//! same values from a [`Generator`] as PyTorch's CPU kernels draw from theirs, so
//! `torch.manual_seed(0); nn.Linear(3, 2)` holds PyTorch's weights.

use crate::backend::CmpOp;
use crate::tensor::graph;
use crate::{Error, Generator, Result, Tensor};

/// `init.calculate_gain(nonlinearity, param)`.
pub fn calculate_gain(nonlinearity: &str, param: Option<f64>) -> Result<f64> {
    Ok(match nonlinearity {
        "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d"
        | "conv_transpose3d" | "sigmoid" => 1.0,
        "tanh" => 5.0 / 3.0,
        "relu" => 2.0f64.sqrt(),
        "leaky_relu" => {
            let slope = param.unwrap_or(0.01);
            (2.0 / (1.0 + slope * slope)).sqrt()
        }
        "selu" => 3.0 / 4.0,
        _ => {
            return Err(Error::value(
                "calculate_gain",
                format!("Unsupported nonlinearity {nonlinearity}"),
            ))
        }
    })
}

/// `(fan_in, fan_out)` of a weight `[out, in, *kernel]`.
pub fn fans(t: &Tensor) -> Result<(usize, usize)> {
    let s = t.shape();
    if s.len() < 2 {
        return Err(Error::value(
            "init",
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
        ));
    }
    let rf: usize = s[2..].iter().product();
    Ok((s[1] * rf, s[0] * rf))
}

fn fan(t: &Tensor, mode: &str) -> Result<usize> {
    let (fan_in, fan_out) = fans(t)?;
    match mode {
        "fan_in" => Ok(fan_in),
        "fan_out" => Ok(fan_out),
        _ => Err(Error::value(
            "init",
            format!("Mode {mode} not supported, please use one of fan_in, fan_out"),
        )),
    }
}

fn write(t: &Tensor, values: Tensor) -> Result<()> {
    graph::no_grad(|| t.copy_(&values).map(|_| ()))
}

/// `init.uniform_(t, a, b)`: PyTorch's `tensor.uniform_(a, b)`, value by value.
pub fn uniform_(t: &Tensor, a: f64, b: f64, g: &mut Generator) -> Result<()> {
    write(
        t,
        t.drawn_in_memory_order(|s, _| Tensor::uniform(a, b, s, t.dtype(), g))?,
    )
}

/// `init.normal_(t, mean, std)`: PyTorch's `tensor.normal_(mean, std)` (16 or more
/// contiguous values are drawn in blocks).
pub fn normal_(t: &Tensor, mean: f64, std: f64, g: &mut Generator) -> Result<()> {
    write(
        t,
        t.drawn_in_memory_order(|s, c| Tensor::normal_as(mean, std, s, t.dtype(), c, g))?,
    )
}

/// `init.trunc_normal_(t, mean, std, a, b)` as PyTorch 2.15 draws it: when [a, b] holds more
/// than 30% of the normal's mass, normals redrawn (whole tensors, kept where out of range)
/// until all fall inside; otherwise rejection sampling from U(a, b) against the density.
pub fn trunc_normal_(
    t: &Tensor,
    mean: f64,
    std: f64,
    a: f64,
    b: f64,
    g: &mut Generator,
) -> Result<()> {
    let cdf = |x: f64| (1.0 + libm::erf(x / std::f64::consts::SQRT_2)) / 2.0;
    let p = cdf((b - mean) / std) - cdf((a - mean) / std);
    let (shape, dtype) = (t.shape(), t.dtype());
    let contiguous = t.is_contiguous();
    let out_of = |r: &Tensor, lo: &Tensor, hi: &Tensor| -> Result<Tensor> {
        Tensor::compare(CmpOp::Lt, r.into(), lo.into())?.logical_or(&Tensor::compare(
            CmpOp::Gt,
            r.into(),
            hi.into(),
        )?)
    };
    let result = if p > 0.3 {
        // The bounds as the tensor's dtype holds them.
        let lo = Tensor::scalar(a)?.to_dtype(dtype)?;
        let hi = Tensor::scalar(b)?.to_dtype(dtype)?;
        let mut result = Tensor::normal_as(mean, std, shape, dtype, contiguous, g)?;
        loop {
            let mask = out_of(&result, &lo, &hi)?;
            if mask.any(None, false)?.item()?.to_f64() == 0.0 {
                break result;
            }
            let fresh = Tensor::normal_as(mean, std, shape, dtype, contiguous, g)?;
            result = Tensor::where_(&mask, &fresh, &result)?;
        }
    } else {
        let mode = a.max(mean.min(b));
        let log_peak = -0.5 * ((mode - mean) / std).powi(2);
        let log_pdf = |c: &Tensor| -> Result<Tensor> {
            c.sub(mean)?.div(std)?.pow(2.0)?.mul(-0.5)?.sub(log_peak)
        };
        let accept = |c: &Tensor, g: &mut Generator| -> Result<Tensor> {
            let u = Tensor::uniform(0.0, 1.0, shape, dtype, g)?.log()?;
            Tensor::compare(CmpOp::Gt, (&u).into(), c.into())
        };
        let mut result = Tensor::uniform(a, b, shape, dtype, g)?;
        let mut pending = accept(&log_pdf(&result)?, g)?;
        while pending.any(None, false)?.item()?.to_f64() != 0.0 {
            let c = Tensor::uniform(a, b, shape, dtype, g)?;
            result = Tensor::where_(&pending, &c, &result)?;
            let again = accept(&log_pdf(&c)?, g)?;
            pending = Tensor::where_(&pending, &again, &pending)?;
        }
        result
    };
    write(t, result)
}

/// The second half of `init.sparse_(t, sparsity, std)` (the first is `normal_(t, 0, std)`):
/// in each column `ceil(sparsity · rows)` rows set to zero, picked by `randperm(rows)` from
/// `perm_g` (PyTorch draws those from the default generator even when given another).
pub fn sparse_zeros_(t: &Tensor, sparsity: f64, perm_g: &mut Generator) -> Result<()> {
    let &[rows, cols] = t.shape() else {
        return Err(Error::value(
            "sparse_",
            "Only tensors with 2 dimensions are supported",
        ));
    };
    let zeros = (sparsity * rows as f64).ceil().max(0.0) as usize;
    let mut mask = vec![false; rows * cols];
    for c in 0..cols {
        let perm = Tensor::randperm(rows, perm_g)?.to_vec::<i64>()?;
        for &r in perm.iter().take(zeros) {
            mask[r as usize * cols + c] = true;
        }
    }
    let mask = Tensor::from_slice(&mask, &[rows, cols])?;
    graph::no_grad(|| t.masked_fill_(&mask, 0.0f64).map(|_| ()))
}

/// `init.constant_(t, value)`.
pub fn constant_(t: &Tensor, value: f64) -> Result<()> {
    graph::no_grad(|| t.fill_(value).map(|_| ()))
}

/// `init.eye_(t)`: the identity, for a 2-D tensor.
pub fn eye_(t: &Tensor) -> Result<()> {
    if t.dim() != 2 {
        return Err(Error::value(
            "eye_",
            "Only tensors with 2 dimensions are supported",
        ));
    }
    let e = Tensor::eye(t.shape()[0], Some(t.shape()[1]), t.dtype())?;
    write(t, e)
}

/// `init.xavier_uniform_(t, gain)`.
pub fn xavier_uniform_(t: &Tensor, gain: f64, g: &mut Generator) -> Result<()> {
    let (fan_in, fan_out) = fans(t)?;
    let std = gain * (2.0 / (fan_in + fan_out) as f64).sqrt();
    let a = 3.0f64.sqrt() * std;
    uniform_(t, -a, a, g)
}

/// `init.xavier_normal_(t, gain)`.
pub fn xavier_normal_(t: &Tensor, gain: f64, g: &mut Generator) -> Result<()> {
    let (fan_in, fan_out) = fans(t)?;
    let std = gain * (2.0 / (fan_in + fan_out) as f64).sqrt();
    normal_(t, 0.0, std, g)
}

fn kaiming_std(t: &Tensor, a: f64, mode: &str, nonlinearity: &str) -> Result<f64> {
    let fan = fan(t, mode)?;
    let gain = calculate_gain(nonlinearity, Some(a))?;
    Ok(gain / (fan as f64).sqrt())
}

/// `init.kaiming_uniform_(t, a, mode, nonlinearity)`.
pub fn kaiming_uniform_(
    t: &Tensor,
    a: f64,
    mode: &str,
    nonlinearity: &str,
    g: &mut Generator,
) -> Result<()> {
    if t.numel() == 0 {
        return Ok(());
    }
    let bound = 3.0f64.sqrt() * kaiming_std(t, a, mode, nonlinearity)?;
    uniform_(t, -bound, bound, g)
}

/// `init.kaiming_normal_(t, a, mode, nonlinearity)`.
pub fn kaiming_normal_(
    t: &Tensor,
    a: f64,
    mode: &str,
    nonlinearity: &str,
    g: &mut Generator,
) -> Result<()> {
    if t.numel() == 0 {
        return Ok(());
    }
    let std = kaiming_std(t, a, mode, nonlinearity)?;
    normal_(t, 0.0, std, g)
}

/// `init.orthogonal_(t, gain)`: the Q of a QR of a normal matrix, signs fixed so R's
/// diagonal is positive (Q is then unique, the same as LAPACK's up to rounding).
pub fn orthogonal_(t: &Tensor, gain: f64, g: &mut Generator) -> Result<()> {
    if t.dim() < 2 {
        return Err(Error::value(
            "orthogonal_",
            "Only tensors with 2 or more dimensions are supported",
        ));
    }
    if t.numel() == 0 {
        return Ok(());
    }
    let rows = t.shape()[0];
    let cols = t.numel() / rows;
    let flat = Tensor::normal(0.0, 1.0, &[rows, cols], t.dtype(), g)?;
    let mut a = flat.to_vec::<f64>()?;
    // Work on the tall orientation: m × n with m >= n, column-major copies.
    let (m, n, transposed) = if rows < cols {
        (cols, rows, true)
    } else {
        (rows, cols, false)
    };
    let at = |a: &[f64], i: usize, j: usize| {
        if transposed {
            a[j * cols + i]
        } else {
            a[i * cols + j]
        }
    };
    let mut q: Vec<Vec<f64>> = (0..n)
        .map(|j| (0..m).map(|i| at(&a, i, j)).collect())
        .collect();
    // Modified Gram–Schmidt, twice for accuracy; R's diagonal stays positive.
    for j in 0..n {
        for _ in 0..2 {
            for k in 0..j {
                let (done, rest) = q.split_at_mut(j);
                let (qk, qj) = (&done[k], &mut rest[0]);
                let d: f64 = qk.iter().zip(qj.iter()).map(|(a, b)| a * b).sum();
                for (x, y) in qj.iter_mut().zip(qk) {
                    *x -= d * y;
                }
            }
        }
        let norm = q[j].iter().map(|x| x * x).sum::<f64>().sqrt();
        for x in &mut q[j] {
            *x /= norm;
        }
    }
    for i in 0..rows {
        for j in 0..cols {
            a[i * cols + j] = gain * if transposed { q[i][j] } else { q[j][i] };
        }
    }
    let v = Tensor::from_slice(&a, &[rows, cols])?
        .to_dtype(t.dtype())?
        .reshape(&t.shape().iter().map(|&d| d as i64).collect::<Vec<_>>())?;
    write(t, v)
}
