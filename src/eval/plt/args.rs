//! Reading plotting arguments: numbers and arrays from tensors and lists, colours, colormaps, format strings (`"r--o"`), line and text styles, figure sizes.

use super::*;

/// Numbers from a tensor, list, tuple, range or number: (shape, values).
pub(super) fn floats(it: &mut Interp, v: &Value, what: &str) -> R<(Vec<usize>, Vec<f64>)> {
    let t = match v {
        Value::Tensor(t) => {
            if t.requires_grad() {
                return Err(err(
                    "RuntimeError",
                    format!("Can't plot {what}: it is a Tensor that requires grad. Use tensor.detach() first (as PyTorch's tensor.detach().numpy())."),
                ));
            }
            t.clone()
        }
        Value::Range(_) | Value::Iter(_) => {
            let items = it.collect(v)?;
            return floats(it, &Value::list(items), what);
        }
        other => match crate::eval::numpy::shared_tensor(other) {
            Some(array) => array,
            None => {
                let n = crate::eval::torch::nested(other).map_err(|_| {
                    type_err(format!(
                        "{what} must be numbers (a tensor, list, range or NumPy array), not {}",
                        other.type_name()
                    ))
                })?;
                crate::Tensor::new(&n, Some(DType::F64)).map_err(|e| value_err(e.to_string()))?
            }
        },
    };
    let shape = t.shape().to_vec();
    let t = t
        .to_dtype(DType::F64)
        .map_err(|e| value_err(e.to_string()))?;
    let data = t.to_vec::<f64>().map_err(|e| value_err(e.to_string()))?;
    Ok((shape, data))
}

pub(super) fn vector(it: &mut Interp, v: &Value, what: &str) -> R<Vec<f64>> {
    let (shape, data) = floats(it, v, what)?;
    if shape.len() > 1 && shape.iter().filter(|&&d| d > 1).count() > 1 {
        return Err(value_err(format!(
            "{what} must be 1-D, got shape {shape:?}"
        )));
    }
    Ok(data)
}

/// Whether a list or tuple holds a string (category names rather than numbers).
pub(super) fn has_strings(v: &Value) -> bool {
    match v {
        Value::List(l) => l.borrow().iter().any(|x| matches!(x, Value::Str(_))),
        Value::Tuple(t) => t.iter().any(|x| matches!(x, Value::Str(_))),
        _ => false,
    }
}

/// Data along x (or y) of `t`'s axes: numbers, or strings placed as categories at 0, 1, 2, …
/// by first appearance, as matplotlib's category axis.
pub(super) fn coords(it: &mut Interp, v: &Value, t: Target, y: bool, what: &str) -> R<Vec<f64>> {
    let items: Option<Vec<Value>> = match v {
        Value::List(l) => Some(l.borrow().clone()),
        Value::Tuple(t) => Some(t.to_vec()),
        _ => None,
    };
    let Some(items) = items else {
        return vector(it, v, what);
    };
    let strings = items.iter().filter(|x| matches!(x, Value::Str(_))).count();
    if strings == 0 {
        return vector(it, v, what);
    }
    if strings < items.len() {
        return Err(type_err(format!(
            "{what} mixes strings and numbers: give all category names or all numbers"
        )));
    }
    let ax = it.axes_mut(t)?;
    let cats = if y { &mut ax.ycats } else { &mut ax.xcats };
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        let Value::Str(s) = x else { continue };
        let i = match cats.iter().position(|c| **c == **s) {
            Some(i) => i,
            None => {
                cats.push(s.to_string());
                cats.len() - 1
            }
        };
        out.push(i as f64);
    }
    Ok(out)
}

pub(super) fn string(v: &Value, what: &str) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Int(i) => Ok(i.to_string()),
        Value::Float(f) => Ok(f.to_string()),
        other => Err(type_err(format!(
            "{what} must be a string, not {}",
            other.type_name()
        ))),
    }
}

pub(in crate::eval) fn number(v: &Value, what: &str) -> R<f64> {
    if let Some(n) = v.number() {
        return number(&n, what);
    }
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Tensor(t) if t.numel() == 1 => t
            .to_dtype(DType::F64)
            .and_then(|t| t.to_vec::<f64>())
            .map(|v| v[0])
            .map_err(|e| value_err(e.to_string())),
        other => Err(type_err(format!(
            "{what} must be a number, not {}",
            other.type_name()
        ))),
    }
}

/// A colour by name (`'red'`, `'tab:blue'`, `'C1'`, `'#ff8800'`, `'k'`).
pub fn color(name: &str) -> Option<Rgb> {
    let n = name.trim().to_ascii_lowercase();
    if let Some(hex) = n.strip_prefix('#') {
        let h = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            6 | 8 => Some(Rgb(h(0)?, h(2)?, h(4)?)),
            3 => {
                let d = |i: usize| {
                    u8::from_str_radix(hex.get(i..i + 1)?, 16)
                        .ok()
                        .map(|v| v * 17)
                };
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        };
    }
    if let Some(i) = n.strip_prefix('c').and_then(|d| d.parse::<usize>().ok()) {
        return Some(crate::display::figure::CYCLE[i % 10]);
    }
    let tab = [
        "blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan",
    ];
    if let Some(t) = n.strip_prefix("tab:") {
        let t = if t == "grey" { "gray" } else { t };
        return tab
            .iter()
            .position(|x| *x == t)
            .map(|i| crate::display::figure::CYCLE[i]);
    }
    Some(match n.as_str() {
        "b" | "blue" => Rgb(0, 0, 255),
        "g" => Rgb(0, 128, 0),
        "green" => Rgb(0, 128, 0),
        "r" | "red" => Rgb(255, 0, 0),
        "c" => Rgb(0, 191, 191),
        "cyan" | "aqua" => Rgb(0, 255, 255),
        "m" => Rgb(191, 0, 191),
        "magenta" | "fuchsia" => Rgb(255, 0, 255),
        "y" => Rgb(191, 191, 0),
        "yellow" => Rgb(255, 255, 0),
        "k" | "black" => Rgb(0, 0, 0),
        "w" | "white" => Rgb(255, 255, 255),
        "orange" => Rgb(255, 165, 0),
        "purple" => Rgb(128, 0, 128),
        "brown" => Rgb(165, 42, 42),
        "pink" => Rgb(255, 192, 203),
        "gray" | "grey" => Rgb(128, 128, 128),
        "lightgray" | "lightgrey" => Rgb(211, 211, 211),
        "darkgray" | "darkgrey" => Rgb(169, 169, 169),
        "navy" => Rgb(0, 0, 128),
        "teal" => Rgb(0, 128, 128),
        "olive" => Rgb(128, 128, 0),
        "lime" => Rgb(0, 255, 0),
        "maroon" => Rgb(128, 0, 0),
        "gold" => Rgb(255, 215, 0),
        "crimson" => Rgb(220, 20, 60),
        "steelblue" => Rgb(70, 130, 180),
        "skyblue" => Rgb(135, 206, 235),
        "salmon" => Rgb(250, 128, 114),
        "violet" => Rgb(238, 130, 238),
        "indigo" => Rgb(75, 0, 130),
        "darkblue" => Rgb(0, 0, 139),
        "darkgreen" => Rgb(0, 100, 0),
        "darkred" => Rgb(139, 0, 0),
        "darkorange" => Rgb(255, 140, 0),
        _ => return None,
    })
}

pub(super) fn color_arg(v: &Value) -> R<Rgb> {
    match v {
        Value::Str(s) => color(s).ok_or_else(|| {
            value_err(format!(
                "'{s}' is not a valid color value (use a name like 'red' or 'tab:blue', 'C0'..'C9', or '#rrggbb')"
            ))
        }),
        Value::Tuple(_) | Value::List(_) => {
            let parts: Vec<f64> = match v {
                Value::Tuple(t) => t.iter().map(|x| number(x, "color")).collect::<R<_>>()?,
                Value::List(l) => l
                    .borrow()
                    .iter()
                    .map(|x| number(x, "color"))
                    .collect::<R<_>>()?,
                _ => Vec::new(),
            };
            if parts.len() < 3 || parts.iter().any(|p| !(0.0..=1.0).contains(p)) {
                return Err(value_err("an RGB color is 3 numbers from 0 to 1"));
            }
            let c = |x: f64| (x * 255.0).round() as u8;
            Ok(Rgb(c(parts[0]), c(parts[1]), c(parts[2])))
        }
        other => Err(type_err(format!(
            "color must be a string or an RGB tuple, not {}",
            other.type_name()
        ))),
    }
}

/// `cmap=`: a name, or a colour map object from `plt.cm` (`plt.cm.RdYlBu`).
pub(in crate::eval) fn cmap_arg(v: &Value) -> R<Cmap> {
    match v {
        Value::Str(s) => cmap(s),
        Value::Instance(i) if &*i.class.name == "Colormap" => match i.attrs.borrow().get("name") {
            Some(Value::Str(s)) => cmap(s),
            _ => Err(type_err("this Colormap has no name")),
        },
        other => Err(type_err(format!(
            "cmap must be a name or a Colormap, not {}",
            other.type_name()
        ))),
    }
}

/// The colour maps `plt.cm` holds.
pub(super) const CMAP_NAMES: [&str; 20] = [
    "viridis", "gray", "gray_r", "binary", "Greys", "Greys_r", "magma", "inferno", "plasma", "hot",
    "coolwarm", "RdYlBu", "RdYlBu_r", "RdBu", "RdBu_r", "Spectral", "bwr", "seismic", "grey",
    "grey_r",
];

/// A colour map by matplotlib's name.
pub fn cmap(name: &str) -> R<Cmap> {
    Ok(match name {
        "viridis" => Cmap::Viridis,
        "gray" | "grey" | "Greys_r" => Cmap::Gray,
        "gray_r" | "grey_r" | "binary" | "Greys" => Cmap::GrayR,
        "magma" => Cmap::Magma,
        "inferno" => Cmap::Inferno,
        "plasma" => Cmap::Plasma,
        "hot" => Cmap::Hot,
        "coolwarm" => Cmap::Coolwarm,
        "RdYlBu" => Cmap::RdYlBu,
        "RdYlBu_r" => Cmap::RdYlBuR,
        "RdBu" => Cmap::RdBu,
        "RdBu_r" => Cmap::RdBuR,
        "Spectral" => Cmap::Spectral,
        "bwr" => Cmap::Bwr,
        "seismic" => Cmap::Seismic,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a known colormap here; use one of viridis, gray, gray_r, binary, magma, inferno, plasma, hot, coolwarm, RdYlBu, RdYlBu_r, RdBu, RdBu_r, Spectral, bwr, seismic"
            )))
        }
    })
}

pub(super) fn marker(c: char) -> Option<Marker> {
    Some(match c {
        '.' | ',' => Marker::Point,
        'o' => Marker::Circle,
        's' => Marker::Square,
        '^' | 'v' | '<' | '>' => Marker::Triangle,
        '+' => Marker::Plus,
        'x' | 'X' => Marker::Cross,
        '*' => Marker::Star,
        'D' | 'd' => Marker::Diamond,
        _ => return None,
    })
}

pub(super) fn line_style(s: &str) -> R<LineStyle> {
    Ok(match s {
        "-" | "solid" => LineStyle::Solid,
        "--" | "dashed" => LineStyle::Dashed,
        ":" | "dotted" => LineStyle::Dotted,
        "-." | "dashdot" => LineStyle::DashDot,
        "" | " " | "none" | "None" => LineStyle::None,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a valid linestyle; use '-', '--', ':', '-.' or 'none'"
            )))
        }
    })
}

/// A format string like `'ro--'`: (colour, marker, line style).
pub(super) fn parse_fmt(fmt: &str) -> R<(Option<Rgb>, Option<Marker>, Option<LineStyle>)> {
    let mut rest = fmt;
    let mut style = None;
    for s in ["--", "-.", "-", ":"] {
        if let Some(i) = rest.find(s) {
            style = Some(line_style(s)?);
            let mut r = rest.to_string();
            r.replace_range(i..i + s.len(), "");
            return parse_fmt_rest(&r, style);
        }
    }
    rest = rest.trim();
    parse_fmt_rest(rest, style)
}

pub(super) fn parse_fmt_rest(
    rest: &str,
    style: Option<LineStyle>,
) -> R<(Option<Rgb>, Option<Marker>, Option<LineStyle>)> {
    let mut col = None;
    let mut mark = None;
    for c in rest.chars() {
        if let Some(m) = marker(c) {
            mark = Some(m);
        } else if "bgrcmykw".contains(c) {
            col = color(&c.to_string());
        } else {
            return Err(value_err(format!(
                "'{rest}' is not a valid format string (colours bgrcmykw, markers .o s^+x*D, lines - -- : -.)"
            )));
        }
    }
    Ok((col, mark, style))
}

pub(super) fn opt_string(a: &mut Args, name: &str) -> R<Option<String>> {
    match a.kw(name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => string(&v, name).map(Some),
    }
}

/// `alpha=` and `edgecolor=`/`ec=` of bars (`linewidth=` of the outline is accepted).
pub(super) fn patch_options(a: &mut Args) -> R<(f64, Option<Rgb>)> {
    let alpha = alpha_arg(a)?;
    let edge = match a.kw("edgecolor").or_else(|| a.kw("ec")) {
        Some(Value::Str(s)) if &*s == "none" => None,
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    for k in ["linewidth", "lw", "zorder"] {
        a.kw(k);
    }
    Ok((alpha, edge))
}

pub(in crate::eval) fn figsize(a: &mut Args, i: usize) -> R<Option<(f64, f64)>> {
    match a.opt(i, "figsize") {
        None => Ok(None),
        Some(v) => {
            let pair: Vec<f64> = match &v {
                Value::Tuple(t) => t.iter().map(|x| number(x, "figsize")).collect::<R<_>>()?,
                Value::List(l) => l
                    .borrow()
                    .iter()
                    .map(|x| number(x, "figsize"))
                    .collect::<R<_>>()?,
                _ => Vec::new(),
            };
            match pair.as_slice() {
                [w, h] if *w > 0.0 && *h > 0.0 && *w <= 100.0 && *h <= 100.0 => Ok(Some((*w, *h))),
                _ => Err(value_err(
                    "figsize is (width, height) in inches, each 0 to 100",
                )),
            }
        }
    }
}

pub(in crate::eval) fn dpi(a: &mut Args, i: usize) -> R<Option<f64>> {
    match a.opt(i, "dpi") {
        None => Ok(None),
        Some(v) => {
            let d = number(&v, "dpi")?;
            if !(10.0..=600.0).contains(&d) {
                return Err(value_err("dpi must be between 10 and 600"));
            }
            Ok(Some(d))
        }
    }
}

/// `alpha=` (opacity, 0 to 1; None is opaque).
pub(super) fn alpha_arg(a: &mut Args) -> R<f64> {
    match a.kw("alpha") {
        None | Some(Value::None) => Ok(1.0),
        Some(v) => {
            let x = number(&v, "alpha")?;
            if !(0.0..=1.0).contains(&x) {
                return Err(value_err(format!("alpha ({x}) is outside 0-1 range")));
            }
            Ok(x)
        }
    }
}

/// `color=`/`c=`, `linestyle=`/`ls=` and `linewidth=`/`lw=` of a line.
pub(super) fn line_options(a: &mut Args) -> R<(Option<Rgb>, Option<LineStyle>, Option<f64>)> {
    let color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let style = match a.kw("linestyle").or_else(|| a.kw("ls")) {
        Some(v) => Some(line_style(&string(&v, "linestyle")?)?),
        None => None,
    };
    let width = match a.kw("linewidth").or_else(|| a.kw("lw")) {
        Some(v) => Some(number(&v, "linewidth")?),
        None => None,
    };
    Ok((color, style, width))
}

/// Values for `y1`/`y2` of `fill_between`: a number (repeated `n` times) or one per x.
pub(super) fn fill_values(it: &mut Interp, v: &Value, n: usize, what: &str) -> R<Vec<f64>> {
    let vals = match v {
        Value::Int(_) | Value::Float(_) => vec![number(v, what)?; n],
        _ => vector(it, v, what)?,
    };
    if vals.len() == 1 && n != 1 {
        return Ok(vec![vals[0]; n]);
    }
    if vals.len() != n {
        return Err(value_err(format!(
            "{what} has {} values but x has {n}: they must be the same length",
            vals.len()
        )));
    }
    Ok(vals)
}

/// An error spec for `n` points: a number, one value per point, or 2 × n (below, above).
pub(super) fn error_spec(it: &mut Interp, v: &Value, n: usize, what: &str) -> R<Vec<(f64, f64)>> {
    let (shape, data) = match v {
        Value::Int(_) | Value::Float(_) => (vec![], vec![number(v, what)?]),
        _ => floats(it, v, what)?,
    };
    let out: Vec<(f64, f64)> = match shape.as_slice() {
        [] | [1] => vec![(data[0], data[0]); n],
        [m] if *m == n => data.iter().map(|e| (*e, *e)).collect(),
        [2, m] if *m == n => (0..n).map(|i| (data[i], data[n + i])).collect(),
        _ => {
            return Err(value_err(format!(
                "'{what}' (shape: {shape:?}) must be a scalar or a 1D or (2, n) array-like whose shape matches 'x' and 'y' (n = {n})"
            )))
        }
    };
    if out.iter().any(|(lo, hi)| *lo < 0.0 || *hi < 0.0) {
        return Err(value_err(format!(
            "'{what}' must not contain negative values"
        )));
    }
    Ok(out)
}

/// The font size, colour and alignment keywords of `text` and `annotate`.
pub(super) fn text_style(a: &mut Args) -> R<(f64, Rgb, (HAlign, VAlign))> {
    let size = match a.kw("fontsize").or_else(|| a.kw("size")) {
        Some(Value::Str(s)) => match &*s {
            "xx-small" => 5.79,
            "x-small" => 6.94,
            "small" => 8.33,
            "medium" => 10.0,
            "large" => 12.0,
            "x-large" => 14.4,
            "xx-large" => 17.28,
            other => return Err(value_err(format!("'{other}' is not a font size"))),
        },
        Some(v) => number(&v, "fontsize")?,
        None => 10.0,
    };
    let color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => color_arg(&v)?,
        _ => Rgb(0, 0, 0),
    };
    let ha = match a.kw("ha").or_else(|| a.kw("horizontalalignment")) {
        None => HAlign::Left,
        Some(v) => match &*string(&v, "ha")? {
            "left" => HAlign::Left,
            "center" | "centre" => HAlign::Center,
            "right" => HAlign::Right,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'"
                )))
            }
        },
    };
    let va = match a.kw("va").or_else(|| a.kw("verticalalignment")) {
        None => VAlign::Bottom,
        Some(v) => match &*string(&v, "va")? {
            "top" => VAlign::Top,
            "center" | "center_baseline" => VAlign::Center,
            "bottom" | "baseline" => VAlign::Bottom,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for verticalalignment; supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'"
                )))
            }
        },
    };
    for k in ["fontweight", "weight", "alpha", "zorder"] {
        a.kw(k);
    }
    Ok((size, color, (ha, va)))
}
