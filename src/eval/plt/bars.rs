//! Bar artists: `bar`, `barh`, `hist`.

use super::*;

pub(super) fn bar(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let x = coords(it, &a.req(0, "x")?, t, false, "x")?;
    let hv = a.req(1, "height")?;
    let mut height = vector(it, &hv, "height")?;
    if height.len() == 1 && x.len() > 1 {
        height = vec![height[0]; x.len()];
    }
    if height.len() != x.len() {
        return Err(value_err(format!(
            "shape mismatch: x has {} values but height has {}",
            x.len(),
            height.len()
        )));
    }
    let width = match a.opt(2, "width") {
        Some(v) => number(&v, "width")?,
        None => 0.8,
    };
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    let x = match a.kw("align") {
        None => x,
        Some(v) => match &*string(&v, "align")? {
            "center" => x,
            "edge" => x.iter().map(|v| v + width / 2.0).collect(),
            other => {
                return Err(value_err(format!(
                "'{other}' is not a valid value for align; supported values are 'center', 'edge'"
            )))
            }
        },
    };
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Bars {
        x,
        height,
        width,
        label,
        color,
        alpha,
        edge,
        horizontal: false,
    });
    Ok(it.plot_object("BarContainer", vec![]))
}

/// `barh(y, width, height=0.8, *, align='center', label=None, color=None, alpha=None,
/// edgecolor=None)`: horizontal bars of length `width` centred at `y`.
pub(super) fn barh(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let y = coords(it, &a.req(0, "y")?, t, true, "y")?;
    let mut length = vector(it, &a.req(1, "width")?, "width")?;
    if length.len() == 1 && y.len() > 1 {
        length = vec![length[0]; y.len()];
    }
    if length.len() != y.len() {
        return Err(value_err(format!(
            "shape mismatch: y has {} values but width has {}",
            y.len(),
            length.len()
        )));
    }
    let thickness = match a.opt(2, "height") {
        Some(v) => number(&v, "height")?,
        None => 0.8,
    };
    if let Some(v) = a.opt(3, "left") {
        if number(&v, "left")? != 0.0 {
            return Err(value_err("barh(left=) is not supported: bars start at 0"));
        }
    }
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    let y = match a.kw("align") {
        None => y,
        Some(v) => match &*string(&v, "align")? {
            "center" => y,
            "edge" => y.iter().map(|v| v + thickness / 2.0).collect(),
            other => {
                return Err(value_err(format!(
                "'{other}' is not a valid value for align; supported values are 'center', 'edge'"
            )))
            }
        },
    };
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    ax.artists.push(Artist::Bars {
        x: y,
        height: length,
        width: thickness,
        label,
        color,
        alpha,
        edge,
        horizontal: true,
    });
    Ok(it.plot_object("BarContainer", vec![]))
}

pub(super) fn hist(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let (_, data) = floats(it, &a.req(0, "x")?, "x")?;
    // A number of equal bins, or the bin edges themselves.
    let mut given_edges = None;
    let bins = match a.opt(1, "bins") {
        Some(Value::Int(b)) if b > 0 => b as usize,
        Some(Value::Int(_)) => return Err(value_err("`bins` must be positive")),
        Some(Value::Str(s)) => {
            return Err(value_err(format!(
                "bins='{s}' is not supported: give a number of bins or the bin edges"
            )))
        }
        Some(v) => {
            let e = vector(it, &v, "bins")?;
            let increasing = e.windows(2).all(|w| w[0] < w[1]);
            if e.len() < 2 || !increasing {
                return Err(value_err(
                    "`bins` must increase monotonically, when an array",
                ));
            }
            let n = e.len() - 1;
            given_edges = Some(e);
            n
        }
        None => 10,
    };
    let range = match a.opt(2, "range") {
        Some(v) => {
            let r = vector(it, &v, "range")?;
            if r.len() != 2 || r[0] > r[1] {
                return Err(value_err("range must be (min, max) with min <= max"));
            }
            Some((r[0], r[1]))
        }
        None => None,
    };
    let density = match a.opt(3, "density") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let label = opt_string(a, "label")?;
    let col = match a.kw("color") {
        Some(v) if !matches!(v, Value::None) => Some(color_arg(&v)?),
        _ => None,
    };
    let (alpha, edge) = patch_options(a)?;
    a.kw("histtype")
        .map(|v| string(&v, "histtype"))
        .transpose()?
        .map_or(Ok(()), |h| {
            if h == "bar" {
                Ok(())
            } else {
                Err(value_err(format!(
                    "histtype='{h}' is not supported; bars ('bar') are"
                )))
            }
        })?;
    let (edges, mut counts) = match given_edges {
        Some(e) => {
            let counts = crate::display::figure::histogram_edges(&data, &e);
            (e, counts)
        }
        None => crate::display::figure::histogram(&data, bins, range),
    };
    let widths: Vec<f64> = edges.windows(2).map(|e| e[1] - e[0]).collect();
    if density {
        let total: f64 = counts.iter().sum();
        if total > 0.0 {
            for (c, w) in counts.iter_mut().zip(&widths) {
                *c /= total * w;
            }
        }
    }
    let centres: Vec<f64> = edges.windows(2).map(|e| (e[0] + e[1]) / 2.0).collect();
    let ax = it.axes_mut(t)?;
    let color = col.unwrap_or_else(|| ax.patch_color());
    // Equal bins are one set of bars; unequal ones one bar each (the label on the first).
    let equal = widths
        .windows(2)
        .all(|w| (w[0] - w[1]).abs() <= 1e-9 * w[0].abs().max(1.0));
    let groups: Vec<(usize, usize)> = if equal {
        vec![(0, bins)]
    } else {
        (0..bins).map(|i| (i, i + 1)).collect()
    };
    for (k, (from, to)) in groups.into_iter().enumerate() {
        ax.artists.push(Artist::Bars {
            x: centres[from..to].to_vec(),
            height: counts[from..to].to_vec(),
            width: widths.get(from).copied().unwrap_or(1.0),
            label: if k == 0 { label.clone() } else { None },
            color,
            alpha,
            edge,
            horizontal: false,
        });
    }
    let n = crate::Tensor::from_slice(&counts, &[bins]).map_err(|e| value_err(e.to_string()))?;
    let e = crate::Tensor::from_slice(&edges, &[bins + 1]).map_err(|e| value_err(e.to_string()))?;
    let patches = it.plot_object("BarContainer", vec![]);
    Ok(Value::tuple(vec![
        Value::Tensor(n),
        Value::Tensor(e),
        patches,
    ]))
}
