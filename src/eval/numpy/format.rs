//! NumPy's printing of arrays: `repr` (`array([1., 2.])`, dtype suffixes, `shape=` for
//! summarised and empty arrays) and `str` (`[1. 2.]`), with NumPy 2's default options:
//! precision 8 in 'maxprec' mode, 75 columns, summaries past 1000 elements (3 at each edge).

use crate::{DType, Tensor};

const LINE_WIDTH: usize = 75;
const THRESHOLD: usize = 1000;
const EDGE_ITEMS: usize = 3;
const PRECISION: usize = 8;

/// NumPy's name of a dtype (`float64`, `int64`, `bool`): the same as PyTorch's.
pub fn dtype_name(d: DType) -> &'static str {
    d.name()
}

/// The values of an array, in row-major order, as doubles (ints and bools exactly).
struct Data {
    shape: Vec<usize>,
    values: Vec<f64>,
    dtype: DType,
}

impl Data {
    fn of(t: &Tensor) -> crate::Result<Data> {
        Ok(Data {
            shape: t.shape().to_vec(),
            values: t.to_vec::<f64>()?,
            dtype: t.dtype(),
        })
    }

    /// The element at a multi-index whose entries may be negative (counted from the end).
    fn at(&self, index: &[isize]) -> f64 {
        let mut flat = 0usize;
        for (k, &i) in index.iter().enumerate() {
            let n = self.shape[k];
            let i = if i < 0 {
                (n as isize + i) as usize
            } else {
                i as usize
            };
            flat = flat * n + i;
        }
        self.values[flat]
    }

    /// The values printing looks at: all of them, or the edges of each axis when summarised.
    fn shown(&self, summarise: bool) -> Vec<f64> {
        if !summarise {
            return self.values.clone();
        }
        let mut out = Vec::new();
        let mut index = Vec::new();
        self.collect_edges(&mut index, &mut out);
        out
    }

    fn collect_edges(&self, index: &mut Vec<isize>, out: &mut Vec<f64>) {
        let axis = index.len();
        if axis == self.shape.len() {
            out.push(self.at(index));
            return;
        }
        let n = self.shape[axis];
        let picks: Vec<isize> = if n > 2 * EDGE_ITEMS {
            (0..EDGE_ITEMS as isize)
                .chain((1..=EDGE_ITEMS as isize).rev().map(|i| -i))
                .collect()
        } else {
            (0..n as isize).collect()
        };
        for i in picks {
            index.push(i);
            self.collect_edges(index, out);
            index.pop();
        }
    }
}

/// How every element of one array is formatted, fixed from all the values shown.
enum Elem {
    Bool { scalar: bool },
    Int { width: usize },
    Float(FloatFormat),
}

struct FloatFormat {
    f32: bool,
    exp: bool,
    precision: usize,
    min_digits: usize,
    pad_left: usize,
    pad_right: usize,
    exp_size: usize,
}

/// The shortest digits that read back as `x` in its own precision, and the exponent of the
/// first one: 0.25 → ("25", -1).
fn shortest(x: f64, f32: bool) -> (String, i32) {
    let s = if f32 {
        format!("{:e}", x as f32)
    } else {
        format!("{x:e}")
    };
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, e.parse().unwrap_or(0))
}

/// `x` in positional notation with at most `precision` fractional digits (fewer when fewer
/// read back as the same value), trailing zeros trimmed but at least `min_digits` kept:
/// Dragon4's unique mode as NumPy calls it.
fn positional(x: f64, f32: bool, precision: usize, min_digits: usize) -> (String, String) {
    let neg = x.is_sign_negative();
    let (digits, e) = shortest(x.abs(), f32);
    let frac_needed = (digits.len() as i32 - 1 - e).max(0) as usize;
    let s = if frac_needed <= precision {
        if f32 {
            format!("{:.*}", frac_needed, (x.abs()) as f32)
        } else {
            format!("{:.*}", frac_needed, x.abs())
        }
    } else if f32 {
        format!("{:.*}", precision, (x.abs()) as f32)
    } else {
        format!("{:.*}", precision, x.abs())
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut frac = frac.trim_end_matches('0').to_string();
    while frac.len() < min_digits {
        frac.push('0');
    }
    let int = if neg {
        format!("-{int}")
    } else {
        int.to_string()
    };
    (int, frac)
}

/// `x` in scientific notation: (mantissa's integer part, its fraction, the exponent's sign
/// and digits).
fn scientific(x: f64, f32: bool, precision: usize, min_digits: usize) -> (String, String, String) {
    let neg = x.is_sign_negative();
    let (digits, _) = shortest(x.abs(), f32);
    let frac_digits = (digits.len() - 1).min(precision);
    let s = if f32 {
        format!("{:.*e}", frac_digits, x.abs() as f32)
    } else {
        format!("{:.*e}", frac_digits, x.abs())
    };
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let (int, frac) = m.split_once('.').unwrap_or((m, ""));
    let mut frac = frac.trim_end_matches('0').to_string();
    while frac.len() < min_digits {
        frac.push('0');
    }
    let e: i32 = e.parse().unwrap_or(0);
    let exp = format!("{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    let int = if neg {
        format!("-{int}")
    } else {
        int.to_string()
    };
    (int, frac, exp)
}

impl FloatFormat {
    fn new(values: &[f64], dtype: DType) -> FloatFormat {
        let f32 = matches!(dtype, DType::F32 | DType::F16 | DType::BF16);
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let nonzero: Vec<f64> = finite
            .iter()
            .filter(|v| **v != 0.0)
            .map(|v| v.abs())
            .collect();
        let mut exp = false;
        if !nonzero.is_empty() {
            let max = nonzero.iter().copied().fold(f64::MIN, f64::max);
            let min = nonzero.iter().copied().fold(f64::MAX, f64::min);
            let cutoff = match dtype {
                DType::F64 => 1e8,
                DType::F32 => 1e6,
                _ => 1e3,
            };
            exp = max >= cutoff || min < 0.0001 || max / min > 1000.0;
        }
        let mut f = FloatFormat {
            f32,
            exp,
            precision: PRECISION,
            min_digits: 0,
            pad_left: 0,
            pad_right: 0,
            exp_size: 0,
        };
        if finite.is_empty() {
        } else if exp {
            let parts: Vec<_> = finite
                .iter()
                .map(|&x| scientific(x, f32, PRECISION, 0))
                .collect();
            f.exp_size = parts.iter().map(|p| p.2.len()).max().unwrap_or(3) - 1;
            f.precision = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
            f.min_digits = f.precision;
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(1);
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let parts: Vec<_> = finite
                .iter()
                .map(|&x| positional(x, f32, PRECISION, 0))
                .collect();
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(1);
            f.pad_right = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
        }
        if finite.len() != values.len() {
            let neginf = values.iter().any(|v| v.is_infinite() && *v < 0.0) as usize;
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max(3usize.saturating_sub(offset))
                .max((3 + neginf).saturating_sub(offset));
        }
        f
    }

    fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let s = if x.is_nan() {
                "nan"
            } else if x < 0.0 {
                "-inf"
            } else {
                "inf"
            };
            let width = self.pad_left + self.pad_right + 1;
            return format!("{s:>width$}");
        }
        if self.exp {
            let (int, frac, exp) = scientific(x, self.f32, self.precision, self.min_digits);
            let exp = format!("{}{:0>w$}", &exp[..1], &exp[1..], w = self.exp_size);
            format!("{int:>w$}.{frac}e{exp}", w = self.pad_left)
        } else {
            let (int, frac) = positional(x, self.f32, self.precision, self.min_digits);
            format!(
                "{int:>l$}.{frac:<r$}",
                l = self.pad_left,
                r = self.pad_right
            )
        }
    }
}

impl Elem {
    fn new(values: &[f64], dtype: DType, scalar: bool) -> Elem {
        if dtype == DType::Bool {
            Elem::Bool { scalar }
        } else if dtype.is_float() {
            Elem::Float(FloatFormat::new(values, dtype))
        } else {
            let width = values
                .iter()
                .map(|v| (*v as i64).to_string().len())
                .max()
                .unwrap_or(0);
            Elem::Int { width }
        }
    }

    fn format(&self, x: f64) -> String {
        match self {
            Elem::Bool { scalar } => match (x != 0.0, scalar) {
                (true, false) => " True".into(),
                (true, true) => "True".into(),
                _ => "False".into(),
            },
            Elem::Int { width } => format!("{:>width$}", x as i64),
            Elem::Float(f) => f.format(x),
        }
    }
}

/// Appends `word`, wrapping first where the line would pass `width` (NumPy's _extendLine).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: usize, prefix: &str) {
    let wrap = line.len() + word.len() > width && line.len() > prefix.len();
    if wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = prefix.to_string();
    }
    line.push_str(word);
}

struct Layout<'a> {
    data: &'a Data,
    elem: Elem,
    separator: &'a str,
    summarise: bool,
}

impl Layout<'_> {
    fn recurse(&self, index: &mut Vec<isize>, hanging: &str, width: usize) -> String {
        let axis = index.len();
        let left = self.data.shape.len() - axis;
        if left == 0 {
            return self.elem.format(self.data.at(index));
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width.saturating_sub(1);
        let n = self.data.shape[axis];
        let summary = self.summarise && 2 * EDGE_ITEMS < n;
        let (leading, trailing) = if summary {
            (EDGE_ITEMS, EDGE_ITEMS)
        } else {
            (0, n)
        };
        let mut s = String::new();
        let child = |index: &mut Vec<isize>, i: isize| {
            index.push(i);
            let w = self.recurse(index, &next_hanging, next_width);
            index.pop();
            w
        };
        if left == 1 {
            let elem_width = width.saturating_sub(self.separator.trim_end().len().max(1));
            let mut line = hanging.to_string();
            for i in 0..leading {
                let word = child(index, i as isize);
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push_str(self.separator);
            }
            if summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(self.separator);
            }
            for i in (2..=trailing).rev() {
                let word = child(index, -(i as isize));
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push_str(self.separator);
            }
            let word = child(index, -1);
            extend_line(&mut s, &mut line, &word, elem_width, hanging);
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", self.separator.trim_end(), "\n".repeat(left - 1));
            for i in 0..leading {
                let nested = child(index, i as isize);
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            if summary {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trailing).rev() {
                let nested = child(index, -(i as isize));
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            let nested = child(index, -1);
            s.push_str(hanging);
            s.push_str(&nested);
        }
        format!("[{}]", &s[hanging.len()..])
    }
}

/// NumPy's array2string for a non-empty array.
fn array2string(data: &Data, separator: &str, prefix: &str, suffix: &str) -> String {
    let summarise = data.values.len() > THRESHOLD;
    let shown = data.shown(summarise);
    let layout = Layout {
        data,
        elem: Elem::new(&shown, data.dtype, data.shape.is_empty()),
        separator,
        summarise,
    };
    let hanging = " ".repeat(1 + prefix.len());
    layout.recurse(&mut Vec::new(), &hanging, LINE_WIDTH - suffix.len())
}

fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `repr(a)`: `array([1, 2, 3])`, `array([1., 2.], dtype=float32)`.
pub fn array_repr(t: &Tensor) -> crate::Result<String> {
    let data = Data::of(t)?;
    let prefix = "array(";
    let size = data.values.len();
    let lst = if size == 0 {
        "[]".to_string()
    } else {
        array2string(&data, ", ", prefix, ")")
    };
    let mut extras = Vec::new();
    if (size == 0 && data.shape != [0]) || size > THRESHOLD {
        extras.push(format!("shape={}", shape_tuple(&data.shape)));
    }
    let implied = matches!(data.dtype, DType::I64 | DType::F64 | DType::Bool);
    if !implied || size == 0 {
        extras.push(format!("dtype={}", dtype_name(data.dtype)));
    }
    if extras.is_empty() {
        return Ok(format!("{prefix}{lst})"));
    }
    let arr = format!("{prefix}{lst},");
    let extra = format!("{})", extras.join(", "));
    let last_line = arr.len() - arr.rfind('\n').map_or(0, |i| i + 1);
    let spacer = if last_line + extra.len() + 1 > LINE_WIDTH {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    Ok(format!("{arr}{spacer}{extra}"))
}

/// A NumPy scalar's repr: `np.float64(2.5)`, `np.int64(6)`, `np.True_`.
pub fn scalar_repr(t: &Tensor) -> crate::Result<String> {
    let s = array_str(t)?;
    Ok(match t.dtype() {
        DType::Bool => format!("np.{s}_"),
        d => format!("np.{}({s})", dtype_name(d)),
    })
}

/// `str(a)`: `[1 2 3]`, `[[1. 2.]\n [3. 4.]]`; a 0-d array prints as its scalar.
pub fn array_str(t: &Tensor) -> crate::Result<String> {
    let data = Data::of(t)?;
    if data.shape.is_empty() {
        let x = data.values.first().copied().unwrap_or(0.0);
        return Ok(match data.dtype {
            DType::Bool => if x != 0.0 { "True" } else { "False" }.into(),
            d if d.is_float() => crate::types::python_float_repr(as_python_float(x, d)),
            _ => (x as i64).to_string(),
        });
    }
    if data.values.is_empty() {
        return Ok("[]".into());
    }
    Ok(array2string(&data, " ", "", ""))
}

/// A float of dtype `d` as the Python float that prints with the same digits: a float32
/// `0.1` becomes the double `0.1`, as NumPy's float32 scalars print.
pub fn as_python_float(x: f64, d: DType) -> f64 {
    match d {
        DType::F32 | DType::F16 | DType::BF16 if x.is_finite() => {
            (x as f32).to_string().parse().unwrap_or(x)
        }
        _ => x,
    }
}
