//! Line artists: `plot`, `step`, `scatter`, `axhline`/`axvline`, `fill_between`, `errorbar`.

use super::PlotState;
use super::*;

/// `step(x, y, [fmt], where='pre')`: `plot` with `drawstyle='steps-' + where`.
pub(super) fn step(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    if a.len() < 2 {
        return Err(type_err("step() needs x and y: step(x, y, where='pre')"));
    }
    let style = match a.kw("where") {
        None | Some(Value::None) => "steps-pre".to_string(),
        Some(v) => match &*string(&v, "where")? {
            w @ ("pre" | "post" | "mid") => format!("steps-{w}"),
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for where. Supported values are 'pre', 'post', 'mid'"
                )))
            }
        },
    };
    if a.kw
        .iter()
        .any(|(k, _)| &**k == "drawstyle" || &**k == "ds")
    {
        return Err(type_err("step() takes where=, not drawstyle="));
    }
    a.kw.push(("drawstyle".into(), Value::str(&style)));
    plot(it, a, t)
}

/// `plot(*args, label=, color=, linestyle=, marker=, linewidth=)` on a target.
pub(super) fn plot(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let args = a.rest(0);
    let label = opt_string(a, "label")?;
    let kw_color = match a.kw("color").or_else(|| a.kw("c")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let kw_style = match a.kw("linestyle").or_else(|| a.kw("ls")) {
        Some(v) => Some(line_style(&string(&v, "linestyle")?)?),
        None => None,
    };
    let steps = match a.kw("drawstyle").or_else(|| a.kw("ds")) {
        None | Some(Value::None) => Steps::None,
        Some(v) => match &*string(&v, "drawstyle")? {
            "default" => Steps::None,
            "steps" | "steps-pre" => Steps::Pre,
            "steps-post" => Steps::Post,
            "steps-mid" => Steps::Mid,
            other => {
                return Err(value_err(format!(
                    "'{other}' is not a valid value for drawstyle. Supported values are 'default', 'steps-mid', 'steps-pre', 'steps-post', 'steps'"
                )))
            }
        },
    };
    let kw_marker = match a.kw("marker") {
        Some(Value::None) | None => None,
        Some(v) => {
            let s = string(&v, "marker")?;
            let mut chars = s.chars();
            match (chars.next().and_then(marker), chars.next()) {
                (Some(m), None) => Some(m),
                _ => {
                    return Err(value_err(format!(
                        "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                    )))
                }
            }
        }
    };
    let width = match a.kw("linewidth").or_else(|| a.kw("lw")) {
        Some(v) => number(&v, "linewidth")?,
        None => it.ext.get::<PlotState>().rc.linewidth,
    };
    let alpha = alpha_arg(a)?;
    let marker_size = match a.kw("markersize").or_else(|| a.kw("ms")) {
        Some(v) => number(&v, "markersize")?.max(0.0),
        None => it.ext.get::<PlotState>().rc.markersize,
    };
    // Drawing order is the call order.
    a.kw("zorder");
    if args.is_empty() {
        return Ok(Value::list(Vec::new()));
    }
    // Groups of [x], y, [fmt].
    let mut groups = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let (x, y) = match (args.get(i), args.get(i + 1)) {
            (Some(x), Some(y)) if !matches!(y, Value::Str(_)) => {
                i += 2;
                (Some(x.clone()), y.clone())
            }
            (Some(y), _) => {
                i += 1;
                (None, y.clone())
            }
            _ => break,
        };
        if matches!(y, Value::Str(_)) {
            return Err(type_err(
                "plot() got a format string where data was expected",
            ));
        }
        let fmt = match args.get(i) {
            Some(Value::Str(s)) => {
                i += 1;
                Some(parse_fmt(s)?)
            }
            _ => None,
        };
        groups.push((x, y, fmt));
    }
    let mut lines = Vec::new();
    for (x, y, fmt) in groups {
        let (shape, ydata) = if has_strings(&y) {
            let v = coords(it, &y, t, true, "y")?;
            (vec![v.len()], v)
        } else {
            floats(it, &y, "y")?
        };
        // A 2-D y draws one line per column, as matplotlib.
        let columns: Vec<Vec<f64>> = if shape.len() == 2 {
            let (n, m) = (shape[0], shape[1]);
            (0..m)
                .map(|j| (0..n).map(|r| ydata[r * m + j]).collect())
                .collect()
        } else if shape.len() > 2 {
            return Err(value_err(format!(
                "y can be at most 2-D to plot, got shape {shape:?}"
            )));
        } else {
            vec![ydata]
        };
        let xdata = match &x {
            Some(x) => Some(coords(it, x, t, false, "x")?),
            None => None,
        };
        for col in columns {
            let xs = match &xdata {
                Some(xs) => {
                    if xs.len() != col.len() {
                        return Err(value_err(format!(
                            "x and y must have same first dimension, but have shapes ({},) and ({},)",
                            xs.len(),
                            col.len()
                        )));
                    }
                    xs.clone()
                }
                None => (0..col.len()).map(|i| i as f64).collect(),
            };
            let (fc, fm, fs) = fmt.unwrap_or((None, None, None));
            let ax = it.axes_mut(t)?;
            let c = match kw_color.or(fc) {
                Some(c) => c,
                None => ax.cycle_color(),
            };
            let mk = kw_marker.or(fm);
            let style = kw_style.or(fs).unwrap_or(if fm.is_some() && fs.is_none() {
                LineStyle::None
            } else {
                LineStyle::Solid
            });
            ax.artists.push(Artist::Line {
                x: xs,
                y: col,
                label: label.clone(),
                color: c,
                style,
                marker: mk,
                width,
                alpha,
                marker_size,
                steps,
            });
            lines.push(it.plot_object("Line2D", vec![]));
        }
    }
    Ok(Value::list(lines))
}

pub(super) fn scatter(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let y = coords(it, &a.req(1, "y")?, t, true, "y")?;
    if x.len() != y.len() {
        return Err(value_err("x and y must be the same size"));
    }
    // s=: one area in points² for all, or one per point.
    let (size, sizes) = match a.opt(2, "s") {
        Some(v @ (Value::Int(_) | Value::Float(_))) => (number(&v, "s")?, Vec::new()),
        Some(v) => {
            let s = vector(it, &v, "s")?;
            match s.len() {
                1 => (s[0], Vec::new()),
                n if n == x.len() => (s.iter().sum::<f64>() / n.max(1) as f64, s),
                n => {
                    return Err(value_err(format!(
                        "s (size {n}) cannot be broadcast to match x and y (size {})",
                        x.len()
                    )))
                }
            }
        }
        None => (36.0, Vec::new()),
    };
    let label = opt_string(a, "label")?;
    let alpha = alpha_arg(a)?;
    let mark = match a.kw("marker") {
        None | Some(Value::None) => Marker::Circle,
        Some(v) => {
            let s = string(&v, "marker")?;
            let mut chars = s.chars();
            match (chars.next().and_then(marker), chars.next()) {
                (Some(m), None) => m,
                _ => {
                    return Err(value_err(format!(
                        "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                    )))
                }
            }
        }
    };
    // edgecolors=: 'face' (the default) and 'none' draw no separate outline.
    let edge = match a
        .kw("edgecolors")
        .or_else(|| a.kw("edgecolor"))
        .or_else(|| a.kw("ec"))
    {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if matches!(&*s, "face" | "none") => None,
        Some(v) => Some(color_arg(&v)?),
    };
    let edge_width = match a
        .kw("linewidths")
        .or_else(|| a.kw("linewidth"))
        .or_else(|| a.kw("lw"))
    {
        None | Some(Value::None) => 1.0,
        Some(v) => number(&v, "linewidths")?,
    };
    if edge.is_some() && !mark.is_filled() {
        it.warn_once("You passed an edgecolor/edgecolors for an unfilled marker ('+' or 'x'). nabla, as Matplotlib, ignores the edgecolor in favor of the facecolor.");
    }
    a.kw("zorder");
    let map = match a.kw("cmap") {
        Some(v @ (Value::Str(_) | Value::Instance(_))) => cmap_arg(&v)?,
        Some(Value::None) | None => it.ext.get::<PlotState>().rc.cmap.0,
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
    };
    let (mut col, mut values) = (None, None);
    match a.opt(3, "c").or_else(|| a.kw("color")) {
        Some(Value::Str(s)) => col = Some(color_arg(&Value::Str(s))?),
        Some(v @ Value::Tuple(_)) if matches!(&v, Value::Tuple(t) if t.len() == 3 && t.iter().all(|x| matches!(x, Value::Float(_)))) => {
            col = Some(color_arg(&v)?)
        }
        Some(v) => {
            let vals = vector(it, &v, "c")?;
            if vals.len() != x.len() {
                return Err(value_err(format!(
                    "'c' argument has {} elements, which is inconsistent with 'x' and 'y' with size {}",
                    vals.len(),
                    x.len()
                )));
            }
            values = Some((vals, map));
        }
        None => {}
    }
    let ax = it.axes_mut(t)?;
    let color = match col {
        Some(c) => c,
        None => ax.patch_color(),
    };
    ax.artists.push(Artist::Scatter {
        x,
        y,
        label,
        color,
        values,
        size,
        sizes,
        edge: edge.filter(|_| mark.is_filled()),
        edge_width,
        alpha,
        marker: mark,
    });
    artist_object(it, "PathCollection", t)
}

/// `axhline(y=0)` / `axvline(x=0)`: a line across the axes, in matplotlib's default 'C0'
/// without taking a colour from the cycle.
pub(super) fn refline(it: &mut Interp, a: &mut Args, t: Target, vertical: bool) -> R<Value> {
    let rc_width = it.ext.get::<PlotState>().rc.linewidth;
    let (name, lo, hi) = if vertical {
        ("x", "ymin", "ymax")
    } else {
        ("y", "xmin", "xmax")
    };
    let at = match a.opt(0, name) {
        Some(v) => number(&v, name)?,
        None => 0.0,
    };
    let span = (a.opt(1, lo), a.opt(2, hi));
    let partial = |v: &Option<Value>, full: f64| -> R<bool> {
        Ok(match v {
            Some(v) => number(v, "span")? != full,
            None => false,
        })
    };
    if partial(&span.0, 0.0)? || partial(&span.1, 1.0)? {
        return Err(value_err(format!(
            "{lo}/{hi} are not supported: the line spans the whole axes (use plot() for a segment)"
        )));
    }
    let (color, style, width) = line_options(a)?;
    let label = opt_string(a, "label")?;
    a.kw("alpha");
    a.kw("zorder");
    let ax = it.axes_mut(t)?;
    ax.artists.push(Artist::RefLine {
        vertical,
        at,
        label,
        color: color.unwrap_or(CYCLE[0]),
        style: style.unwrap_or(LineStyle::Solid),
        width: width.unwrap_or(rc_width),
    });
    Ok(it.plot_object("Line2D", vec![]))
}

/// `fill_between(x, y1, y2=0, where=None, *, alpha=, color=, label=)`.
pub(super) fn fill_between(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let n = x.len();
    let mut y1 = fill_values(it, &a.req(1, "y1")?, n, "y1")?;
    let mut y2 = match a.opt(2, "y2") {
        Some(v) => fill_values(it, &v, n, "y2")?,
        None => vec![0.0; n],
    };
    if let Some(w) = a.opt(3, "where") {
        let mask = vector(it, &w, "where")?;
        if mask.len() != n {
            return Err(value_err(format!(
                "where has {} values but x has {n}",
                mask.len()
            )));
        }
        for (i, m) in mask.iter().enumerate() {
            if *m == 0.0 {
                (y1[i], y2[i]) = (f64::NAN, f64::NAN);
            }
        }
    }
    if a.opt(4, "interpolate").is_some() || a.kw("step").is_some() {
        return Err(value_err(
            "fill_between(interpolate=, step=) are not supported; the region joins the points with straight edges",
        ));
    }
    let alpha = match a.kw("alpha") {
        Some(Value::None) | None => 1.0,
        Some(v) => number(&v, "alpha")?,
    };
    if !(0.0..=1.0).contains(&alpha) {
        return Err(value_err(format!("alpha ({alpha}) is outside 0-1 range")));
    }
    let col = match a.kw("color").or_else(|| a.kw("facecolor")) {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    for k in ["edgecolor", "linewidth", "lw", "zorder"] {
        a.kw(k);
    }
    let label = opt_string(a, "label")?;
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Fill {
        x,
        y1,
        y2,
        label,
        color,
        alpha,
    });
    Ok(it.plot_object("FillBetweenPolyCollection", vec![]))
}

/// `errorbar(x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None)`:
/// the data as a line (or markers, per `fmt`; `'none'` for bars only) with error bars.
pub(super) fn errorbar(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let y = coords(it, &a.req(1, "y")?, t, true, "y")?;
    if x.len() != y.len() {
        return Err(value_err(format!(
            "x and y must have same first dimension, but have shapes ({},) and ({},)",
            x.len(),
            y.len()
        )));
    }
    let yerr = match a.opt(2, "yerr") {
        Some(v) => Some(error_spec(it, &v, x.len(), "yerr")?),
        None => None,
    };
    let xerr = match a.opt(3, "xerr") {
        Some(v) => Some(error_spec(it, &v, x.len(), "xerr")?),
        None => None,
    };
    let fmt = match a.opt(4, "fmt") {
        Some(v) => string(&v, "fmt")?,
        None => String::new(),
    };
    let ecolor = match a.opt(5, "ecolor") {
        Some(v) => Some(color_arg(&v)?),
        None => None,
    };
    let elinewidth = match a.opt(6, "elinewidth") {
        Some(v) => Some(number(&v, "elinewidth")?),
        None => None,
    };
    let capsize = match a.opt(7, "capsize") {
        Some(v) => number(&v, "capsize")?,
        None => 0.0,
    };
    let (kw_color, kw_style, kw_width) = line_options(a)?;
    let kw_marker = match a.kw("marker") {
        Some(Value::None) | None => None,
        Some(v) => {
            let s = string(&v, "marker")?;
            Some(s.chars().next().and_then(marker).ok_or_else(|| {
                value_err(format!(
                    "'{s}' is not a marker I can draw; use one of . o s ^ + x * D"
                ))
            })?)
        }
    };
    for k in ["alpha", "zorder", "markersize", "ms", "capthick"] {
        a.kw(k);
    }
    let label = opt_string(a, "label")?;
    let bars_only = fmt == "none";
    let (fc, fm, fs) = if bars_only || fmt.is_empty() {
        (None, None, None)
    } else {
        parse_fmt(&fmt)?
    };
    let (rc_width, rc_marker) = (
        it.ext.get::<PlotState>().rc.linewidth,
        it.ext.get::<PlotState>().rc.markersize,
    );
    let ax = it.axes_mut(t)?;
    let color = match kw_color.or(fc) {
        Some(c) => c,
        None => ax.cycle_color(),
    };
    let width = kw_width.unwrap_or(rc_width);
    let mk = kw_marker.or(fm);
    let style = if bars_only {
        LineStyle::None
    } else {
        kw_style.or(fs).unwrap_or(if fm.is_some() {
            LineStyle::None
        } else {
            LineStyle::Solid
        })
    };
    ax.artists.push(Artist::ErrorBars {
        x: x.clone(),
        y: y.clone(),
        yerr,
        xerr,
        color: ecolor.unwrap_or(color),
        width: elinewidth.unwrap_or(width),
        capsize,
    });
    ax.artists.push(Artist::Line {
        x,
        y,
        label,
        color,
        style,
        marker: if bars_only { None } else { mk },
        width,
        alpha: 1.0,
        marker_size: rc_marker,
        steps: Steps::None,
    });
    Ok(it.plot_object("ErrorbarContainer", vec![]))
}
