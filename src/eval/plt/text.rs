//! Text artists: `text`, `annotate` and its arrows.

use super::*;

/// `text(x, y, s, *, fontsize=10, color='black', ha='left', va='baseline')`.
pub(super) fn text(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = number(&a.req(0, "x")?, "x")?;
    let y = number(&a.req(1, "y")?, "y")?;
    let s = it.str_of(&a.req(2, "s")?)?;
    a.opt(3, "fontdict");
    let (size, color, align) = text_style(a)?;
    if let Some(v) = a.kw("transform") {
        let _ = v;
        return Err(value_err(
            "text(transform=) is not supported: x and y are data coordinates",
        ));
    }
    it.axes_mut(t)?.artists.push(Artist::Text {
        x,
        y,
        text: s.clone(),
        color,
        size,
        align,
        offset: (0.0, 0.0),
        arrow: None,
    });
    Ok(it.plot_object("Text", vec![("_text", Value::str(&s))]))
}

/// `annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None)`:
/// a text at `xytext` (data, or an offset from `xy` in points or pixels), with an
/// optional arrow to `xy`.
pub(super) fn annotate(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let s = it.str_of(&a.req(0, "text")?)?;
    let pair = |it: &mut Interp, v: &Value, what: &str| -> R<(f64, f64)> {
        match vector(it, v, what)?.as_slice() {
            [x, y] => Ok((*x, *y)),
            _ => Err(value_err(format!("{what} must be a pair (x, y)"))),
        }
    };
    let xy = pair(it, &a.req(1, "xy")?, "xy")?;
    let xytext = match a.opt(2, "xytext") {
        Some(v) => Some(pair(it, &v, "xytext")?),
        None => None,
    };
    // `opt` treats None as absent, `string` checks the type.
    let mut coords = |i: usize, what: &str| a.opt(i, what).map(|v| string(&v, what)).transpose();
    match coords(3, "xycoords")?.as_deref() {
        None | Some("data") => {}
        Some(other) => {
            return Err(value_err(format!(
                "annotate(xycoords='{other}') is not supported: xy is in data coordinates"
            )))
        }
    }
    let dpi = it.figure_mut(t.fig)?.dpi;
    let (at, offset) = match (coords(4, "textcoords")?.as_deref(), xytext) {
        (_, None) => (xy, (0.0, 0.0)),
        (None | Some("data"), Some(p)) => (p, (0.0, 0.0)),
        (Some("offset points"), Some(p)) => (xy, p),
        (Some("offset pixels"), Some((dx, dy))) => (xy, (dx * 72.0 / dpi, dy * 72.0 / dpi)),
        (Some(other), _) => {
            return Err(value_err(format!(
                "annotate(textcoords='{other}') is not supported; use 'data', 'offset points' or 'offset pixels'"
            )))
        }
    };
    let arrow = match a.opt(5, "arrowprops") {
        None => None,
        Some(Value::Dict(d)) => {
            let props: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            Some(arrow_props(it, props, xy)?)
        }
        Some(v) => {
            return Err(type_err(format!(
                "arrowprops must be a dict, not {}",
                v.type_name()
            )))
        }
    };
    if a.kw("bbox").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(value_err(
            "annotate(bbox=...) is not supported: the text is drawn without a box",
        ));
    }
    a.kw("annotation_clip");
    let (size, color, align) = text_style(a)?;
    it.axes_mut(t)?.artists.push(Artist::Text {
        x: at.0,
        y: at.1,
        text: s.clone(),
        color,
        size,
        align,
        offset,
        arrow,
    });
    Ok(it.plot_object("Annotation", vec![("_text", Value::str(&s))]))
}

/// matplotlib's `arrowprops`: with `arrowstyle` ('-', '->', '-|>'), a line `linewidth`
/// wide stopping `shrinkA`/`shrinkB` points short; without it, the default arrow: a shaft
/// `width` wide with a `headwidth` × `headlength` head, `shrink` of its length cut at each
/// end.
pub(super) fn arrow_props(it: &mut Interp, props: Vec<(Value, Value)>, to: (f64, f64)) -> R<Arrow> {
    let mut get = std::collections::HashMap::new();
    for (k, v) in props {
        let Value::Str(k) = k else {
            return Err(type_err("arrowprops keys are strings"));
        };
        const KNOWN: [&str; 15] = [
            "arrowstyle",
            "color",
            "facecolor",
            "fc",
            "edgecolor",
            "ec",
            "linewidth",
            "lw",
            "width",
            "headwidth",
            "headlength",
            "shrink",
            "shrinkA",
            "shrinkB",
            "connectionstyle",
        ];
        if !KNOWN.contains(&&*k) {
            return Err(value_err(format!(
                "arrowprops '{k}' is not supported; nabla takes {}",
                KNOWN.join(", ")
            )));
        }
        get.insert(k.to_string(), v);
    }
    let num = |get: &std::collections::HashMap<String, Value>, k: &str, default: f64| -> R<f64> {
        match get.get(k) {
            Some(v) => {
                let x = number(v, k)?;
                if x.is_finite() && x >= 0.0 {
                    Ok(x)
                } else {
                    Err(value_err(format!(
                        "arrowprops {k} must be a non-negative number"
                    )))
                }
            }
            None => Ok(default),
        }
    };
    match get.get("connectionstyle") {
        None => {}
        Some(Value::Str(s))
            if s.replace(' ', "") == "arc3" || s.replace(' ', "") == "arc3,rad=0" => {}
        Some(v) => {
            return Err(value_err(format!(
                "connectionstyle={} is not supported: arrows are straight (\"arc3\")",
                it.repr(v)?
            )))
        }
    }
    let color = ["color", "facecolor", "fc", "edgecolor", "ec"]
        .iter()
        .find_map(|k| get.get(*k))
        .map(color_arg)
        .transpose()?
        .unwrap_or(Rgb(0, 0, 0));
    let lw = match get.get("linewidth").or_else(|| get.get("lw")) {
        Some(v) => number(v, "linewidth")?,
        None => 1.0,
    };
    Ok(match get.get("arrowstyle") {
        Some(style) => {
            let head = match &*string(style, "arrowstyle")? {
                "-" => ArrowHead::None,
                "->" => ArrowHead::Open,
                "-|>" => ArrowHead::Filled,
                other => {
                    return Err(value_err(format!(
                        "arrowstyle '{other}' is not supported; use '-', '->' or '-|>'"
                    )))
                }
            };
            // matplotlib's head: 0.4 × 0.2 of the 10 pt mutation scale.
            Arrow {
                to,
                color,
                width: lw,
                head,
                head_size: (4.0, 2.0),
                shrink: (num(&get, "shrinkA", 2.0)?, num(&get, "shrinkB", 2.0)?),
                shrink_frac: 0.0,
            }
        }
        None => Arrow {
            to,
            color,
            width: num(&get, "width", 4.0)?,
            head: ArrowHead::Filled,
            head_size: (
                num(&get, "headlength", 12.0)?,
                num(&get, "headwidth", 12.0)? / 2.0,
            ),
            shrink: (0.0, 0.0),
            shrink_frac: num(&get, "shrink", 0.0)?.min(0.5),
        },
    })
}
