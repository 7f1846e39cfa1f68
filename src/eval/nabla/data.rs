//! `nabla.datasets`: data to learn with, offline. Synthetic 2-D problems drawn from the
//! session's generator (so `torch.manual_seed` makes them repeatable) and the 8×8
//! handwritten digits shipped in data/digits.csv.gz (UCI optical digits, CC BY 4.0), plus
//! `train_test_split`.

use crate::eval::lang::builtins::{table, to_int, Args};
use crate::eval::lang::exc::{value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::{gen, opt_float, tensor};
use crate::tensor::Tensor;
use crate::Generator;
use std::f64::consts::PI;
use std::io::Read;
use std::rc::Rc;

static DIGITS_GZ: &[u8] = include_bytes!("../../../data/digits.csv.gz");

fn count(a: &mut Args, i: usize, name: &str, default: i64) -> R<usize> {
    let n = match a.opt(i, name) {
        Some(v) => to_int(&v, name)?,
        None => default,
    };
    usize::try_from(n)
        .ok()
        .filter(|&n| n > 0 && n <= 10_000_000)
        .ok_or_else(|| value_err(format!("{name} must be between 1 and 10000000, got {n}")))
}

/// `n` rows of `d` values: refused past 100 million values, before anything is allocated.
fn cells(n: usize, d: usize) -> R<()> {
    match n.checked_mul(d) {
        Some(c) if c <= 100_000_000 => Ok(()),
        _ => Err(value_err(format!(
            "{n} samples × {d} values is more than 100 million values; ask for fewer"
        ))),
    }
}

fn pair(x: Vec<f32>, d: usize, y: Vec<i64>) -> R<Value> {
    let n = y.len();
    Ok(Value::Tuple(Rc::from(vec![
        Value::Tensor(Tensor::from_slice(&x, &[n, d])?),
        Value::Tensor(Tensor::from_slice(&y, &[n])?),
    ])))
}

/// Points (2 per row) and labels, shuffled together.
fn shuffled(g: &mut Generator, pts: Vec<[f64; 2]>, labels: Vec<i64>, noise: f64) -> R<Value> {
    let perm = Tensor::randperm(pts.len(), g)?.to_vec::<i64>()?;
    let mut x = Vec::with_capacity(2 * pts.len());
    let mut y = Vec::with_capacity(pts.len());
    for &i in &perm {
        let p = pts[i as usize];
        x.push((p[0] + noise * g.normal()) as f32);
        x.push((p[1] + noise * g.normal()) as f32);
        y.push(labels[i as usize]);
    }
    pair(x, 2, y)
}

fn noise_arg(a: &mut Args, i: usize) -> R<f64> {
    let n = opt_float(a, i, "noise")?.unwrap_or(0.0);
    if !(0.0..=1e6).contains(&n) {
        return Err(value_err(format!("noise must be >= 0, got {n}")));
    }
    Ok(n)
}

/// The digits as (images N×1×8×8 float32 with values 0–16, labels int64).
fn digits() -> R<Value> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(DIGITS_GZ)
        .read_to_string(&mut text)
        .map_err(|e| value_err(format!("the shipped digits data is damaged: {e}")))?;
    let mut px = Vec::with_capacity(1797 * 64);
    let mut labels = Vec::with_capacity(1797);
    for line in text.lines().filter(|l| !l.is_empty()) {
        let cells: Vec<f32> = line
            .split(',')
            .filter_map(|c| c.trim().parse().ok())
            .collect();
        if cells.len() != 65 {
            return Err(value_err(
                "the shipped digits data is damaged: a row without 65 numbers",
            ));
        }
        px.extend_from_slice(&cells[..64]);
        labels.push(cells[64] as i64);
    }
    let n = labels.len();
    Ok(Value::Tuple(Rc::from(vec![
        Value::Tensor(Tensor::from_slice(&px, &[n, 1, 8, 8])?),
        Value::Tensor(Tensor::from_slice(&labels, &[n])?),
    ])))
}

table! { DATASETS:
    "digits", "digits()", "The 8×8 handwritten digits (1797 images, UCI optical digits as scikit-learn ships them): (images N×1×8×8 float32 with values 0–16, labels int64 0–9). Shipped with nabla; nothing is downloaded." => |_, _| digits();
    "make_moons", "make_moons(n_samples=100, noise=0.0)", "Two interleaving half circles: (points n×2 float32, labels int64 0/1), shuffled, from the session's generator." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let noise = noise_arg(a, 1)?;
        let (outer, inner) = (n / 2 + n % 2, n / 2);
        let mut pts = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for i in 0..outer {
            let t = if outer > 1 { PI * i as f64 / (outer - 1) as f64 } else { 0.0 };
            pts.push([t.cos(), t.sin()]);
            labels.push(0);
        }
        for i in 0..inner {
            let t = if inner > 1 { PI * i as f64 / (inner - 1) as f64 } else { 0.0 };
            pts.push([1.0 - t.cos(), 1.0 - t.sin() - 0.5]);
            labels.push(1);
        }
        shuffled(gen(it), pts, labels, noise)
    };
    "make_circles", "make_circles(n_samples=100, noise=0.0, factor=0.8)", "A small circle (label 1, radius factor) inside a large one (label 0, radius 1): (points n×2 float32, labels int64), shuffled." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let noise = noise_arg(a, 1)?;
        let factor = opt_float(a, 2, "factor")?.unwrap_or(0.8);
        if !(0.0..1.0).contains(&factor) {
            return Err(value_err("factor has to be between 0 and 1"));
        }
        let (outer, inner) = (n / 2 + n % 2, n / 2);
        let mut pts = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for (m, r, label) in [(outer, 1.0, 0), (inner, factor, 1)] {
            for i in 0..m {
                let t = 2.0 * PI * i as f64 / m as f64;
                pts.push([r * t.cos(), r * t.sin()]);
                labels.push(label);
            }
        }
        shuffled(gen(it), pts, labels, noise)
    };
    "make_spirals", "make_spirals(n_samples=100, n_classes=2, noise=0.0)", "Interleaved spiral arms, one per class: (points n×2 float32, labels int64), shuffled." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let k = count(a, 1, "n_classes", 2)?;
        let noise = noise_arg(a, 2)?;
        let mut pts = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for i in 0..n {
            let c = i % k;
            let j = i / k;
            let m = n.div_ceil(k).max(2);
            let r = j as f64 / (m - 1) as f64;
            let t = 4.0 * r + 2.0 * PI * c as f64 / k as f64;
            pts.push([r * t.sin(), r * t.cos()]);
            labels.push(c as i64);
        }
        shuffled(gen(it), pts, labels, noise)
    };
    "make_blobs", "make_blobs(n_samples=100, centers=3, n_features=2, cluster_std=1.0)", "Gaussian blobs around centers drawn uniformly in [-10, 10): (points n×n_features float32, labels int64), shuffled." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let k = count(a, 1, "centers", 3)?;
        let d = count(a, 2, "n_features", 2)?;
        cells(n, d)?;
        cells(k, d)?;
        let std = opt_float(a, 3, "cluster_std")?.unwrap_or(1.0);
        if std < 0.0 {
            return Err(value_err("cluster_std must be >= 0"));
        }
        let g = gen(it);
        let centers: Vec<f64> = (0..k * d).map(|_| -10.0 + 20.0 * g.uniform_f64()).collect();
        let perm = Tensor::randperm(n, g)?.to_vec::<i64>()?;
        let mut x = Vec::with_capacity(n * d);
        let mut y = Vec::with_capacity(n);
        for &i in &perm {
            let c = i as usize % k;
            for j in 0..d {
                x.push((centers[c * d + j] + std * g.normal()) as f32);
            }
            y.push(c as i64);
        }
        pair(x, d, y)
    };
    "xor", "xor(n_samples=100, noise=0.0)", "Points uniform in [-1, 1)², label 1 where x and y have opposite signs (the XOR problem): (points n×2 float32, labels int64)." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let noise = noise_arg(a, 1)?;
        let g = gen(it);
        let mut pts = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let p = [2.0 * g.uniform_f64() - 1.0, 2.0 * g.uniform_f64() - 1.0];
            labels.push(((p[0] < 0.0) != (p[1] < 0.0)) as i64);
            pts.push(p);
        }
        shuffled(g, pts, labels, noise)
    };
    "regression", "regression(n_samples=100, n_features=1, noise=0.1, weight=None, bias=0.0)", "Noisy linear data y = X @ weight + bias + noise·N(0, 1): (X n×n_features, y n×1), float32; weight (n_features,) defaults to standard-normal draws." => |it, a| {
        let n = count(a, 0, "n_samples", 100)?;
        let d = count(a, 1, "n_features", 1)?;
        cells(n, d)?;
        let noise = opt_float(a, 2, "noise")?.unwrap_or(0.1);
        let weight = match a.opt(3, "weight") {
            Some(v) => {
                let w = tensor(&v, "weight")?.to_vec::<f64>()?;
                if w.len() != d {
                    return Err(value_err(format!("weight has {} values, n_features is {d}", w.len())));
                }
                Some(w)
            }
            None => None,
        };
        let bias = opt_float(a, 4, "bias")?.unwrap_or(0.0);
        let g = gen(it);
        let w = weight.unwrap_or_else(|| (0..d).map(|_| g.normal()).collect());
        let mut x = Vec::with_capacity(n * d);
        let mut y = Vec::with_capacity(n);
        for _ in 0..n {
            let row: Vec<f64> = (0..d).map(|_| g.normal()).collect();
            let t: f64 = row.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() + bias + noise * g.normal();
            x.extend(row.iter().map(|&v| v as f32));
            y.push(t as f32);
        }
        Ok(Value::Tuple(Rc::from(vec![
            Value::Tensor(Tensor::from_slice(&x, &[n, d])?),
            Value::Tensor(Tensor::from_slice(&y, &[n, 1])?),
        ])))
    };
    "train_test_split", "train_test_split(*tensors, test_size=0.25, shuffle=True)", "Splits tensors along their first dimension into train and test parts, as scikit-learn does: returns [a_train, a_test, b_train, b_test, …]. Shuffles with the session's generator." => |it, a| {
        let ts: Vec<Tensor> = a.rest(0).iter().map(|v| tensor(v, "tensors")).collect::<R<_>>()?;
        let test_size = match a.kw("test_size") {
            Some(v) => crate::eval::lang::builtins::to_float(&v, "test_size")?,
            None => 0.25,
        };
        let shuffle = !matches!(a.kw("shuffle"), Some(Value::Bool(false)));
        let Some(first) = ts.first() else {
            return Err(value_err("train_test_split() needs at least one tensor"));
        };
        let n = *first.shape().first().ok_or_else(|| value_err("train_test_split() needs tensors with a first dimension"))?;
        if let Some(t) = ts.iter().find(|t| t.shape().first() != Some(&n)) {
            return Err(value_err(format!("train_test_split(): the tensors have different lengths ({n} and {:?})", t.shape().first())));
        }
        let n_test = if test_size > 0.0 && test_size < 1.0 {
            (test_size * n as f64).ceil() as usize
        } else if test_size >= 1.0 && test_size.fract() == 0.0 {
            test_size as usize
        } else {
            return Err(value_err(format!("test_size={test_size} should be a fraction in (0, 1) or a count")));
        };
        if n_test >= n {
            return Err(value_err(format!("test_size={test_size} leaves no training samples out of {n}")));
        }
        let order = if shuffle {
            Tensor::randperm(n, gen(it))?
        } else {
            Tensor::from_slice(&(0..n as i64).collect::<Vec<_>>(), &[n])?
        };
        let (train, test) = (order.narrow(0, 0, n - n_test)?, order.narrow(0, (n - n_test) as i64, n_test)?);
        let mut out = Vec::with_capacity(2 * ts.len());
        for t in &ts {
            out.push(Value::Tensor(t.index_select(0, &train)?));
            out.push(Value::Tensor(t.index_select(0, &test)?));
        }
        Ok(Value::List(Rc::new(std::cell::RefCell::new(out))))
    };
}

impl Interp {
    /// `nabla.datasets`, a submodule of `nabla`.
    pub(crate) fn datasets_module(&mut self) -> Value {
        let m = crate::eval::torch::module(
            "nabla.datasets",
            &crate::eval::torch::table_entries(DATASETS),
        );
        self.modules.insert("nabla.datasets".into(), m.clone());
        m
    }
}
