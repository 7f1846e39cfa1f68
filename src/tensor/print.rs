//! A tensor's repr, character for character as PyTorch's (`torch/_tensor_str.py`): one
//! formatter per tensor picks integer, fixed or scientific notation and one column width
//! from the values shown; long dimensions are summarised with `...`; rows wrap at 80
//! columns under the `tensor(` indent; suffixes name a non-default dtype or device.

use super::Tensor;
use crate::backend::Storage;
use crate::types::{Category, DType, Device, Result, Scalar};
use std::fmt;

/// `torch.set_printoptions`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    pub precision: usize,
    pub threshold: usize,
    pub edgeitems: usize,
    pub linewidth: usize,
    /// `None`: decide per tensor.
    pub sci_mode: Option<bool>,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 4,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 80,
            sci_mode: None,
        }
    }
}

/// Python's `'{:.{p}f}'.format(v)`.
fn py_fixed(v: f64, precision: usize) -> String {
    if !v.is_finite() {
        return py_nonfinite(v);
    }
    format!("{v:.precision$}")
}

/// Python's `'{:.{p}e}'.format(v)`: `1.2346e+05`.
fn py_sci(v: f64, precision: usize) -> String {
    if !v.is_finite() {
        return py_nonfinite(v);
    }
    let s = format!("{v:.precision$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!(
        "{mantissa}e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn py_nonfinite(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// PyTorch's `_Formatter`: the notation and width shared by every element of one tensor.
struct Formatter {
    floating: bool,
    int_mode: bool,
    sci_mode: bool,
    width: usize,
    precision: usize,
}

impl Formatter {
    fn new(values: &[Scalar], floating: bool, opts: &PrintOptions) -> Formatter {
        let mut f = Formatter {
            floating,
            int_mode: true,
            sci_mode: false,
            width: 1,
            precision: opts.precision,
        };
        if !floating {
            f.width = values
                .iter()
                .map(|v| scalar_text(*v).len())
                .max()
                .unwrap_or(1)
                .max(1);
            return f;
        }
        let finite: Vec<f64> = values
            .iter()
            .map(|v| v.to_f64())
            .filter(|v| v.is_finite() && *v != 0.0)
            .collect();
        if finite.is_empty() {
            // No nonzero finite value: plain `0.` / `nan`, whatever the options say.
            return f;
        }
        let abs = finite.iter().map(|v| v.abs());
        let max = abs.clone().fold(f64::MIN, f64::max);
        let min = abs.fold(f64::MAX, f64::min);
        f.int_mode = finite.iter().all(|v| *v == v.ceil());
        // The notation: decided from the range of magnitudes unless the options force it;
        // the width then follows the notation actually used.
        let wide_range = max / min > 1000.0 || max > 1e8;
        f.sci_mode = opts.sci_mode.unwrap_or(if f.int_mode {
            wide_range
        } else {
            wide_range || min < 1e-4
        });
        let p = opts.precision;
        f.width = finite
            .iter()
            .map(|v| {
                if f.sci_mode {
                    py_sci(*v, p).len()
                } else if f.int_mode {
                    py_fixed(*v, 0).len() + 1
                } else {
                    py_fixed(*v, p).len()
                }
            })
            .max()
            .unwrap_or(1)
            .max(1);
        f
    }

    fn format(&self, v: Scalar) -> String {
        let s = if self.floating {
            let x = v.to_f64();
            if self.sci_mode {
                py_sci(x, self.precision)
            } else if self.int_mode {
                let mut s = py_fixed(x, 0);
                if x.is_finite() {
                    s.push('.');
                }
                s
            } else {
                py_fixed(x, self.precision)
            }
        } else {
            scalar_text(v)
        };
        format!("{s:>width$}", width = self.width)
    }
}

/// `str()` of one element of a non-float tensor.
fn scalar_text(v: Scalar) -> String {
    match v {
        Scalar::Bool(true) => "True".into(),
        Scalar::Bool(false) => "False".into(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(f) => f.to_string(),
    }
}

/// Walks the tensor reading elements by multi-index, with PyTorch's summarisation.
struct Printer<'a> {
    storage: &'a Storage,
    tensor: &'a Tensor,
    opts: &'a PrintOptions,
    summarize: bool,
}

impl Printer<'_> {
    fn value(&self, index: &[usize]) -> Result<Scalar> {
        let v = self.storage.get(self.tensor.layout().index_offset(index))?;
        // float16 / bfloat16 print as their float32 values (already exact in f64).
        Ok(v)
    }

    /// The indices shown along a dimension of `size`; `None` marks the `...`.
    fn shown(&self, size: usize) -> Vec<Option<usize>> {
        let e = self.opts.edgeitems;
        if self.summarize && size > 2 * e {
            (0..e)
                .map(Some)
                .chain([None])
                .chain((size - e..size).map(Some))
                .collect()
        } else {
            (0..size).map(Some).collect()
        }
    }

    /// Every value that will be shown, for the formatter.
    fn collect(&self, index: &mut Vec<usize>, out: &mut Vec<Scalar>) -> Result<()> {
        let d = index.len();
        if d == self.tensor.dim() {
            out.push(self.value(index)?);
            return Ok(());
        }
        for i in self.shown(self.tensor.shape()[d]).into_iter().flatten() {
            index.push(i);
            self.collect(index, out)?;
            index.pop();
        }
        Ok(())
    }

    fn render(&self, index: &mut Vec<usize>, indent: usize, f: &Formatter) -> Result<String> {
        let d = index.len();
        let nd = self.tensor.dim();
        if d == nd {
            return Ok(f.format(self.value(index)?));
        }
        let size = self.tensor.shape()[d];
        if d + 1 == nd {
            let per_line = ((self.opts.linewidth.saturating_sub(indent)) / (f.width + 2)).max(1);
            let mut items = Vec::new();
            for i in self.shown(size) {
                match i {
                    Some(i) => {
                        index.push(i);
                        items.push(f.format(self.value(index)?));
                        index.pop();
                    }
                    None => items.push(" ...".to_string()),
                }
            }
            let lines: Vec<String> = items.chunks(per_line).map(|c| c.join(", ")).collect();
            let sep = format!(",\n{}", " ".repeat(indent + 1));
            return Ok(format!("[{}]", lines.join(&sep)));
        }
        let mut slices = Vec::new();
        for i in self.shown(size) {
            match i {
                Some(i) => {
                    index.push(i);
                    slices.push(self.render(index, indent + 1, f)?);
                    index.pop();
                }
                None => slices.push("...".to_string()),
            }
        }
        let sep = format!(",{}{}", "\n".repeat(nd - d - 1), " ".repeat(indent + 1));
        Ok(format!("[{}]", slices.join(&sep)))
    }
}

/// The tensor's repr with extra suffixes (`requires_grad=True`, `grad_fn=<…>`) appended
/// as PyTorch appends them.
pub fn format_tensor(t: &Tensor, opts: &PrintOptions, extra_suffixes: &[String]) -> Result<String> {
    let prefix = "tensor(";
    let indent = prefix.len();
    let dtype = t.dtype();
    let mut suffixes = Vec::new();
    if t.device() != Device::Cpu {
        suffixes.push(format!("device='{}'", t.device()));
    }
    let body = if t.numel() == 0 {
        if t.dim() != 1 {
            let dims: Vec<String> = t.shape().iter().map(|d| d.to_string()).collect();
            let tuple = if dims.len() == 1 {
                format!("({},)", dims[0])
            } else {
                format!("({})", dims.join(", "))
            };
            suffixes.push(format!("size={tuple}"));
        }
        if dtype != DType::F32 {
            suffixes.push(format!("dtype={dtype}"));
        }
        "[]".to_string()
    } else {
        if !matches!(dtype, DType::F32 | DType::I64 | DType::Bool) {
            suffixes.push(format!("dtype={dtype}"));
        }
        // A GPU tensor's elements come over in one copy, not one per element.
        let host = t.on_host()?;
        let t = &host;
        let storage = t.read();
        let p = Printer {
            storage: &storage,
            tensor: t,
            opts,
            summarize: t.numel() > opts.threshold,
        };
        let mut values = Vec::new();
        p.collect(&mut Vec::new(), &mut values)?;
        let f = Formatter::new(&values, dtype.category() == Category::Float, opts);
        p.render(&mut Vec::new(), indent, &f)?
    };
    suffixes.extend(extra_suffixes.iter().cloned());
    let mut out = format!("{prefix}{body}");
    let mut last_line = match out.rfind('\n') {
        Some(p) => out.len() - p + 1,
        None => out.len() + 2,
    };
    for s in suffixes {
        if last_line + s.len() + 2 > opts.linewidth {
            out.push_str(&format!(",\n{}{s}", " ".repeat(indent)));
            last_line = indent + s.len();
        } else {
            out.push_str(&format!(", {s}"));
            last_line += s.len() + 2;
        }
    }
    out.push(')');
    Ok(out)
}

impl fmt::Display for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match format_tensor(self, &PrintOptions::default(), &[]) {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<tensor that could not be printed: {e}>"),
        }
    }
}

/// Every element of `t` (row-major) formatted as `print` formats it, with one notation for
/// the whole tensor and no padding: the cells of a notebook's HTML table.
pub fn format_cells(t: &Tensor, opts: &PrintOptions) -> Result<Vec<String>> {
    let host = t.on_host()?;
    let t = &host;
    let storage = t.read();
    let p = Printer {
        storage: &storage,
        tensor: t,
        opts,
        summarize: false,
    };
    let mut values = Vec::new();
    p.collect(&mut Vec::new(), &mut values)?;
    let f = Formatter::new(&values, t.dtype().category() == Category::Float, opts);
    Ok(values
        .into_iter()
        .map(|v| f.format(v).trim().to_string())
        .collect())
}
