//! Axes settings: limits, scales, titles and labels, legend, grid, `axis(...)`, aspect, margins, ticks.

use super::*;

/// `xlim()` / `xlim(lo, hi)` / `xlim((lo, hi))` on a target: returns the limits.
pub(super) fn limits(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let args = a.rest(0);
    let (lo_kw, hi_kw) = if y {
        (
            a.kw("bottom").or_else(|| a.kw("ymin")),
            a.kw("top").or_else(|| a.kw("ymax")),
        )
    } else {
        (
            a.kw("left").or_else(|| a.kw("xmin")),
            a.kw("right").or_else(|| a.kw("xmax")),
        )
    };
    let pair = match args.as_slice() {
        [] => None,
        [one @ (Value::Tuple(_) | Value::List(_))] => {
            let v = vector(it, one, "limits")?;
            if v.len() != 2 {
                return Err(value_err("limits are (low, high)"));
            }
            Some((Some(v[0]), Some(v[1])))
        }
        [lo] => Some((Some(number(lo, "low")?), None)),
        [lo, hi] => Some((Some(number(lo, "low")?), Some(number(hi, "high")?))),
        _ => return Err(type_err("limits take (low, high)")),
    };
    let pair = match (pair, lo_kw, hi_kw) {
        (Some(p), None, None) => Some(p),
        (None, None, None) => None,
        (p, lo, hi) => {
            let (plo, phi) = p.unwrap_or((None, None));
            Some((
                lo.map(|v| number(&v, "low")).transpose()?.or(plo),
                hi.map(|v| number(&v, "high")).transpose()?.or(phi),
            ))
        }
    };
    let auto = shared_scale(it.figure_mut(t.fig)?, t.ax, y).limits();
    let ax = it.axes_mut(t)?;
    let current = if y { ax.ylim } else { ax.xlim };
    let now = current.unwrap_or(auto);
    let new = match pair {
        Some((lo, hi)) => Some((lo.unwrap_or(now.0), hi.unwrap_or(now.1))),
        None => current,
    };
    if y {
        ax.ylim = new;
    } else {
        ax.xlim = new;
    }
    let (lo, hi) = new.unwrap_or(auto);
    Ok(Value::tuple(vec![Value::Float(lo), Value::Float(hi)]))
}

pub(super) fn scale(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let s = string(&a.req(0, "value")?, "scale")?;
    let log = match s.as_str() {
        "log" => true,
        "linear" => false,
        other => {
            return Err(value_err(format!(
                "'{other}' is not a valid value for scale; supported values are 'linear', 'log'"
            )))
        }
    };
    let ax = it.axes_mut(t)?;
    if y {
        ax.ylog = log;
    } else {
        ax.xlog = log;
    }
    Ok(Value::None)
}

pub(super) fn set_text(it: &mut Interp, a: &mut Args, t: Target, which: &str) -> R<Value> {
    let s = string(&a.req(0, "label")?, which)?;
    // Font options are accepted as matplotlib's are; the text is what is drawn.
    for k in ["fontsize", "fontweight", "loc", "pad"] {
        a.kw(k);
    }
    let ax = it.axes_mut(t)?;
    match which {
        "title" => ax.title = Some(s),
        "xlabel" => ax.xlabel = Some(s),
        _ => ax.ylabel = Some(s),
    }
    Ok(Value::None)
}

pub(super) fn legend(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    // Font and frame options are accepted as matplotlib's are; the legend is drawn as ours.
    for k in ["fontsize", "frameon", "framealpha", "ncol", "ncols"] {
        a.kw(k);
    }
    let loc = match a.kw("loc") {
        None | Some(Value::None) => LegendLoc::Best,
        Some(Value::Str(s)) => LegendLoc::parse(&s).ok_or_else(|| {
            value_err(format!(
                "'{s}' is not a valid value for loc; supported values are {}",
                LegendLoc::NAMES.map(|n| format!("'{n}'")).join(", ")
            ))
        })?,
        Some(Value::Int(i)) if (0..=10).contains(&i) => LegendLoc::ALL[i as usize],
        Some(v) => {
            return Err(value_err(format!(
                "loc must be a location name like 'upper left' or a code 0-10, not {}",
                it.repr(&v)?
            )))
        }
    };
    match a.pos.len() {
        0 => {}
        1 => {
            // legend(labels): the legend names the plotted artists in order.
            let given = a.req(0, "labels")?;
            let labels: Vec<String> = it
                .collect(&given)?
                .iter()
                .map(|v| string(v, "label"))
                .collect::<R<_>>()?;
            it.axes_mut(t)?.legend_labels = Some(labels);
            it.axes_mut(t)?.legend = Some(loc);
            return Ok(it.plot_object("Legend", vec![]));
        }
        _ => {
            return Err(value_err(
                "legend(handles, labels) is not supported: give each plot a label= (or call legend(labels))",
            ))
        }
    }
    let ax = it.axes_mut(t)?;
    ax.legend = Some(loc);
    ax.legend_labels = None;
    Ok(it.plot_object("Legend", vec![]))
}

pub(super) fn grid(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let on = match a.opt(0, "visible").or_else(|| a.kw("b")) {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    for k in ["alpha", "linestyle", "which", "axis"] {
        a.kw(k);
    }
    it.axes_mut(t)?.grid = on;
    Ok(Value::None)
}

/// `invert_yaxis()`: limits set are swapped; automatic ones run the other way.
pub(super) fn invert(it: &mut Interp, t: Target, y: bool) -> R<Value> {
    let ax = it.axes_mut(t)?;
    let (lim, flag) = if y {
        (&mut ax.ylim, &mut ax.yinverted)
    } else {
        (&mut ax.xlim, &mut ax.xinverted)
    };
    match lim {
        Some((lo, hi)) => (*lo, *hi) = (*hi, *lo),
        None => *flag = !*flag,
    }
    Ok(Value::None)
}

pub(super) fn inverted(it: &mut Interp, t: Target, y: bool) -> R<Value> {
    let s = shared_scale(it.figure_mut(t.fig)?, t.ax, y);
    Ok(Value::Bool(s.lo > s.hi))
}

/// `axis(...)`: 'on'/'off', a mode ('equal', 'scaled', 'tight', 'image', 'square',
/// 'auto'), `[xmin, xmax, ymin, ymax]` or `xmin=`… keywords; returns the limits, as
/// matplotlib's.
pub(super) fn axis(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let arg = a.opt(0, "arg");
    let keys =
        ["xmin", "xmax", "ymin", "ymax"].map(|k| a.kw(k).filter(|v| !matches!(v, Value::None)));
    a.kw("emit");
    let lim = |it: &mut Interp, y: bool| -> R<(f64, f64)> {
        Ok(shared_scale(it.figure_mut(t.fig)?, t.ax, y).limits())
    };
    match arg {
        None => {
            for (y, (lo, hi)) in [(false, (&keys[0], &keys[1])), (true, (&keys[2], &keys[3]))] {
                if lo.is_none() && hi.is_none() {
                    continue;
                }
                let now = lim(it, y)?;
                let lo = lo.as_ref().map_or(Ok(now.0), |v| number(v, "axis limit"))?;
                let hi = hi.as_ref().map_or(Ok(now.1), |v| number(v, "axis limit"))?;
                let ax = it.axes_mut(t)?;
                *(if y { &mut ax.ylim } else { &mut ax.xlim }) = Some((lo, hi));
            }
        }
        Some(Value::Bool(on)) => it.axes_mut(t)?.axis_off = !on,
        Some(Value::Str(s)) => {
            let mode = s.to_lowercase();
            match mode.as_str() {
                "on" | "off" => it.axes_mut(t)?.axis_off = mode == "off",
                "equal" | "scaled" | "tight" | "image" | "square" | "auto" => {
                    axis_mode(it, t, &mode)?
                }
                _ => {
                    return Err(value_err(format!(
                        "Unrecognized string '{s}' to axis; try 'on' or 'off'"
                    )))
                }
            }
        }
        Some(v) => {
            let four = match &v {
                Value::List(_) | Value::Tuple(_) | Value::Tensor(_) | Value::Native(_) => {
                    vector(it, &v, "axis limits").ok().filter(|l| l.len() == 4)
                }
                _ => None,
            };
            let Some(l) = four else {
                return Err(type_err(
                    "The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]",
                ));
            };
            let ax = it.axes_mut(t)?;
            (ax.xlim, ax.ylim) = (Some((l[0], l[1])), Some((l[2], l[3])));
        }
    }
    let (x, y) = (lim(it, false)?, lim(it, true)?);
    Ok(Value::tuple(
        [x.0, x.1, y.0, y.1].map(Value::Float).to_vec(),
    ))
}

/// `axis('equal')` and the other modes, as matplotlib's `Axes.axis`: each starts from
/// automatic limits and aspect, then 'equal' keeps a data unit as long on both axes by
/// widening limits at drawing; 'scaled' by shrinking the box, limits frozen; 'tight'
/// freezes the limits; 'image' is both; 'square' makes a square box and equal ranges.
pub(super) fn axis_mode(it: &mut Interp, t: Target, mode: &str) -> R<()> {
    let fig = it.figure_mut(t.fig)?;
    let both_shared = is_shared(fig, t.ax, false) && is_shared(fig, t.ax, true);
    if mode == "equal" && both_shared {
        return Err(err("RuntimeError", DATALIM_SHARED));
    }
    let ax = it.axes_mut(t)?;
    (ax.xlim, ax.ylim, ax.aspect) = (None, None, None);
    // 'tight' and 'image' keep the margins (matplotlib's autolimit_mode 'data' has no
    // rounding for tight to undo): like 'scaled', they freeze the automatic limits.
    let fig = it.figure_mut(t.fig)?;
    let (x, y) = (
        shared_scale(fig, t.ax, false).limits(),
        shared_scale(fig, t.ax, true).limits(),
    );
    let ax = it.axes_mut(t)?;
    match mode {
        "equal" => {
            ax.aspect = Some(Aspect {
                ratio: 1.0,
                datalim: true,
            })
        }
        "scaled" | "image" => {
            (ax.xlim, ax.ylim) = (Some(x), Some(y));
            ax.aspect = Some(Aspect::EQUAL_BOX);
        }
        "tight" => (ax.xlim, ax.ylim) = (Some(x), Some(y)),
        "square" => {
            let edge = (x.1 - x.0).max(y.1 - y.0);
            (ax.xlim, ax.ylim) = (Some((x.0, x.0 + edge)), Some((y.0, y.0 + edge)));
            ax.aspect = Some(Aspect::EQUAL_BOX);
        }
        _ => {}
    }
    Ok(())
}

pub(super) const DATALIM_SHARED: &str = "set_aspect(..., adjustable='datalim') or axis('equal') are not allowed when both axes are shared.  Try set_aspect(..., adjustable='box').";

/// An aspect as `set_aspect` takes it: 'auto' (None), 'equal' (1) or a positive number.
pub(super) fn aspect_value(it: &mut Interp, v: &Value) -> R<Option<f64>> {
    match v {
        Value::Str(s) if &**s == "auto" => Ok(None),
        Value::Str(s) if &**s == "equal" => Ok(Some(1.0)),
        Value::Int(_) | Value::Float(_) | Value::Tensor(_) | Value::Native(_) => {
            let r = number(v, "aspect")?;
            if r.is_finite() && r > 0.0 {
                Ok(Some(r))
            } else {
                Err(value_err("aspect must be finite and positive "))
            }
        }
        _ => Err(value_err(format!(
            "aspect must be 'auto', 'equal' or a positive number, not {}",
            it.repr(v)?
        ))),
    }
}

/// `Axes.set_aspect(aspect, adjustable=None, anchor=None)`.
pub(super) fn set_aspect(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let ratio = aspect_value(it, &a.req(0, "aspect")?)?;
    let datalim = match a.opt(1, "adjustable") {
        None => it.axes_mut(t)?.aspect.is_some_and(|x| x.datalim),
        Some(Value::Str(s)) if &*s == "box" => false,
        Some(Value::Str(s)) if &*s == "datalim" => true,
        Some(v) => {
            return Err(value_err(format!(
                "{} is not a valid value for adjustable. Supported values are 'box', 'datalim'",
                it.repr(&v)?
            )))
        }
    };
    match a.opt(2, "anchor") {
        None => {}
        Some(Value::Str(s)) if &*s == "C" => {}
        Some(v) => {
            return Err(value_err(format!(
                "anchor={} is not supported: the box is centred (anchor='C')",
                it.repr(&v)?
            )))
        }
    }
    a.kw("share");
    let fig = it.figure_mut(t.fig)?;
    if datalim && ratio.is_some() && is_shared(fig, t.ax, false) && is_shared(fig, t.ax, true) {
        return Err(err("RuntimeError", DATALIM_SHARED));
    }
    it.axes_mut(t)?.aspect = ratio.map(|ratio| Aspect { ratio, datalim });
    Ok(Value::None)
}

/// `margins()` / `margins(m)` / `margins(x, y)` / `margins(x=, y=)`: the padding of
/// automatic limits as a fraction of the data's span; with no arguments, returns them.
pub(super) fn margins(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let pos = a.rest(0);
    let kx = a.kw("x").filter(|v| !matches!(v, Value::None));
    let ky = a.kw("y").filter(|v| !matches!(v, Value::None));
    a.kw("tight");
    if !pos.is_empty() && (kx.is_some() || ky.is_some()) {
        return Err(type_err(
            "Cannot pass both positional and keyword arguments for x and/or y.",
        ));
    }
    let (x, y) = match pos.as_slice() {
        [] => (kx, ky),
        [m] => (Some(m.clone()), Some(m.clone())),
        [mx, my] => (Some(mx.clone()), Some(my.clone())),
        _ => {
            return Err(type_err(
                "Must pass a single positional argument for all margins, or one for each margin (x, y).",
            ))
        }
    };
    let now = it.axes_mut(t)?.margins.unwrap_or((0.05, 0.05));
    if x.is_none() && y.is_none() {
        return Ok(Value::tuple(vec![Value::Float(now.0), Value::Float(now.1)]));
    }
    let check = |v: Option<Value>, old: f64| -> R<f64> {
        let Some(v) = v else { return Ok(old) };
        let m = number(&v, "margin")?;
        if m > -0.5 {
            Ok(m)
        } else {
            Err(value_err("margin must be greater than -0.5"))
        }
    };
    let new = (check(x, now.0)?, check(y, now.1)?);
    it.axes_mut(t)?.margins = Some(new);
    Ok(Value::None)
}

/// `xticks(ticks=None, labels=None, *, rotation=None)` and `yticks`, also `set_xticks`:
/// fixed tick positions and labels (`[]` hides the ticks). With no arguments, the ticks
/// shown now: (positions, labels).
pub(super) fn set_ticks(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let rotation = a.kw("rotation");
    for k in ["fontsize", "minor", "ha", "horizontalalignment"] {
        a.kw(k);
    }
    let ticks = a.opt(0, "ticks");
    let labels = a.opt(1, "labels");
    if let Some(r) = rotation {
        let vertical = match &r {
            Value::Str(s) if &**s == "vertical" => true,
            Value::Str(s) if &**s == "horizontal" => false,
            v => number(v, "rotation")?.abs() % 180.0 >= 45.0,
        };
        if y {
            if vertical {
                return Err(value_err(
                    "yticks(rotation=) is not supported; y tick labels are drawn horizontally",
                ));
            }
        } else {
            it.axes_mut(t)?.xticks_vertical = vertical;
        }
    }
    let Some(ticks) = ticks else {
        if labels.is_some() {
            return Err(type_err(
                "xticks(): labels need ticks: xticks(ticks, labels)",
            ));
        }
        let ax = it.axes_mut(t)?;
        let shown = axis_ticks(ax, &scale_for(ax, y), y, 8);
        let log = if y { ax.ylog } else { ax.xlog };
        let pos = shown
            .iter()
            .map(|(v, _)| Value::Float(if log { 10f64.powf(*v) } else { *v }))
            .collect();
        let names = shown.iter().map(|(_, l)| Value::str(l)).collect();
        return Ok(Value::tuple(vec![Value::list(pos), Value::list(names)]));
    };
    let pos = vector(it, &ticks, "ticks")?;
    let names: Vec<String> = match labels {
        Some(l) => {
            let items = it.collect(&l)?;
            let mut out = Vec::with_capacity(items.len());
            for v in &items {
                out.push(it.str_of(v)?);
            }
            if out.len() != pos.len() {
                return Err(value_err(format!(
                    "The number of FixedLocator locations ({}), usually from a call to set_ticks, does not match the number of labels ({}).",
                    pos.len(),
                    out.len()
                )));
            }
            out
        }
        None => {
            let step = pos
                .windows(2)
                .map(|w| (w[1] - w[0]).abs())
                .filter(|d| *d > 0.0)
                .fold(f64::INFINITY, f64::min);
            let step = if step.is_finite() { step } else { 1.0 };
            pos.iter().map(|v| format_tick(*v, step)).collect()
        }
    };
    let ax = it.axes_mut(t)?;
    let fixed = Some(pos.into_iter().zip(names).collect());
    if y {
        ax.yticks = fixed;
    } else {
        ax.xticks = fixed;
    }
    Ok(Value::None)
}

/// `Axes.set_xticklabels(labels, *, rotation=None)`: new labels for the ticks shown now.
pub(super) fn set_ticklabels(it: &mut Interp, a: &mut Args, t: Target, y: bool) -> R<Value> {
    let labels = a.req(0, "labels")?;
    let ax = it.axes_mut(t)?;
    let shown = axis_ticks(ax, &scale_for(ax, y), y, 8);
    let log = if y { ax.ylog } else { ax.xlog };
    let pos: Vec<Value> = shown
        .iter()
        .map(|(v, _)| Value::Float(if log { 10f64.powf(*v) } else { *v }))
        .collect();
    let mut one = Args::new(
        "set_xticklabels",
        vec![Value::list(pos), labels],
        Vec::new(),
    );
    if let Some(r) = a.kw("rotation") {
        one.kw.push((Rc::from("rotation"), r));
    }
    a.kw("fontsize");
    set_ticks(it, &mut one, t, y)
}
