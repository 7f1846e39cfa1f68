//! Image artists: `imshow`, `contour`/`contourf`, `colorbar`.

use super::PlotState;
use super::*;

pub(super) fn imshow(it: &mut Interp, a: &mut Args, t: Target) -> R<Value> {
    let (shape, data) = floats(it, &a.req(0, "X")?, "the image")?;
    let map = match a.opt(1, "cmap") {
        Some(v @ (Value::Str(_) | Value::Instance(_))) => cmap_arg(&v)?,
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
        None => it.ext.get::<PlotState>().rc.cmap.0,
    };
    let vmin = a.kw("vmin").filter(|v| !matches!(v, Value::None));
    let vmax = a.kw("vmax").filter(|v| !matches!(v, Value::None));
    // matplotlib's imshow sets the axes' aspect: 'equal' (square pixels) by default.
    let aspect = match a.kw("aspect") {
        None | Some(Value::None) => Some(1.0),
        Some(v) => aspect_value(it, &v)?,
    }
    .map(|ratio| Aspect {
        ratio,
        datalim: false,
    });
    match a.kw("interpolation") {
        None | Some(Value::None) => {}
        Some(Value::Str(s)) if matches!(&*s, "nearest" | "none" | "antialiased" | "auto") => {}
        Some(v) => {
            return Err(value_err(format!(
            "imshow(interpolation={}) is not supported: each pixel draws as a block ('nearest')",
            it.repr(&v)?
        )))
        }
    }
    let is_int = match a.pos.first() {
        Some(Value::Tensor(x)) => !x.dtype().is_float(),
        Some(v) => crate::eval::numpy::shared_tensor(v).is_some_and(|x| !x.dtype().is_float()),
        None => false,
    };
    let bad = || {
        value_err(format!(
            "Invalid shape {shape:?} for image data: give H×W (values mapped by cmap), C×H×W (C = 1, 3 or 4, PyTorch's layout) or H×W×C (C = 3 or 4)"
        ))
    };
    // (h, w, channels, channel stride, pixel stride)
    let (h, w, c, cs, ps) = match shape.as_slice() {
        [h, w] => (*h, *w, 1, 0, 1),
        [c @ (1 | 3 | 4), h, w] if !matches!(w, 3 | 4) || *c == 1 => (*h, *w, *c, h * w, 1),
        [h, w, c @ (1 | 3 | 4)] => (*h, *w, *c, 1, *c),
        [c @ (3 | 4), h, w] => (*h, *w, *c, h * w, 1),
        _ => return Err(bad()),
    };
    if h == 0 || w == 0 {
        return Err(bad());
    }
    let pixels = if c == 1 {
        let values: Vec<f64> = (0..h * w).map(|p| data[p * ps]).collect();
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let lo = finite.clone().fold(f64::INFINITY, f64::min);
        let hi = finite.fold(f64::NEG_INFINITY, f64::max);
        let vmin = match vmin {
            Some(v) => number(&v, "vmin")?,
            None if lo.is_finite() => lo,
            None => 0.0,
        };
        let vmax = match vmax {
            Some(v) => number(&v, "vmax")?,
            None if hi.is_finite() => hi,
            None => 1.0,
        };
        Pixels::Scalar {
            values,
            cmap: map,
            vmin,
            vmax,
        }
    } else {
        // Floats are 0..1, integers 0..255 (matplotlib clips out-of-range values).
        let scale = if is_int { 255.0 } else { 1.0 };
        Pixels::Rgb(
            (0..h * w)
                .map(|p| {
                    let ch = |k: usize| (data[p * ps + k * cs] / scale).clamp(0.0, 1.0);
                    [ch(0), ch(1), ch(2)]
                })
                .collect(),
        )
    };
    let ax = it.axes_mut(t)?;
    ax.aspect = aspect;
    ax.artists.push(Artist::Image { h, w, pixels });
    artist_object(it, "AxesImage", t)
}

/// `colorbar(mappable)`: a colour bar for that artist, or for the current axes' newest
/// colour-mapped one.
pub(super) fn colorbar(it: &mut Interp, mappable: Option<Value>) -> R<Value> {
    let (t, which) = match &mappable {
        Some(m) => {
            let i = match m {
                Value::Instance(o) => match o.attrs.borrow().get("_artist") {
                    Some(Value::Int(i)) => Some(*i as usize),
                    _ => None,
                },
                _ => None,
            };
            let t = target_of(m).map_err(|_| {
                type_err(format!(
                    "colorbar() needs what imshow, scatter(c=...) or contourf returned, not {}",
                    m.type_name()
                ))
            })?;
            (t, i)
        }
        None => (it.current_target(), None),
    };
    let ax = it.axes_mut(t)?;
    let which = which.or_else(|| ax.newest_mappable());
    if which.is_none() {
        return Err(err(
            "RuntimeError",
            "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).",
        ));
    }
    ax.colorbar = true;
    ax.colorbar_of = which;
    Ok(Value::None)
}

/// The object a plotting call returns for the artist it just added to `t`: it knows its
/// axes and artist (for `colorbar(mappable)`).
pub(super) fn artist_object(it: &mut Interp, class: &'static str, t: Target) -> R<Value> {
    let i = it.axes_mut(t)?.artists.len().saturating_sub(1);
    Ok(it.plot_object(
        class,
        vec![
            ("_fig", Value::Int(t.fig as i64)),
            ("_ax", Value::Int(t.ax as i64)),
            ("_artist", Value::Int(i as i64)),
        ],
    ))
}

/// The grid of `contour(X, Y, Z)` / `contour(Z)`: coordinates increasing along x and y, and
/// Z with a row per y. X and Y are 1-D, or 2-D as `torch.meshgrid` makes them (either
/// indexing); curvilinear grids are refused.
pub(super) fn contour_grid(
    it: &mut Interp,
    xy: Option<(Value, Value)>,
    z: &Value,
) -> R<ContourGrid> {
    let (zs, zd) = floats(it, z, "Z")?;
    let [ny, nx] = zs[..] else {
        return Err(type_err(format!("Input z must be 2D, not {}D", zs.len())));
    };
    if ny < 2 || nx < 2 {
        return Err(type_err(format!(
            "Input z must be at least a (2, 2) shaped array, but has shape ({ny}, {nx})"
        )));
    }
    let (mut xs, mut ys, mut z, nx) = match xy {
        None => (
            (0..nx).map(|i| i as f64).collect::<Vec<_>>(),
            (0..ny).map(|j| j as f64).collect::<Vec<_>>(),
            zd,
            nx,
        ),
        Some((x, y)) => {
            let (xsh, xd) = floats(it, &x, "X")?;
            let (ysh, yd) = floats(it, &y, "Y")?;
            match (xsh.len(), ysh.len()) {
                (1, 1) => {
                    if xd.len() != nx {
                        return Err(type_err(format!(
                            "Length of x ({}) must match number of columns in z ({nx})",
                            xd.len()
                        )));
                    }
                    if yd.len() != ny {
                        return Err(type_err(format!(
                            "Length of y ({}) must match number of rows in z ({ny})",
                            yd.len()
                        )));
                    }
                    (xd, yd, zd, nx)
                }
                (2, 2) => {
                    if xsh != zs || ysh != zs {
                        return Err(type_err(format!(
                            "Shapes of x {xsh:?}, y {ysh:?} and z {zs:?} do not match"
                        )));
                    }
                    let along_cols =
                        |d: &[f64]| (0..ny).all(|j| (0..nx).all(|i| d[j * nx + i] == d[i]));
                    let along_rows =
                        |d: &[f64]| (0..ny).all(|j| (0..nx).all(|i| d[j * nx + i] == d[j * nx]));
                    if along_cols(&xd) && along_rows(&yd) {
                        let ys = (0..ny).map(|j| yd[j * nx]).collect();
                        (xd[..nx].to_vec(), ys, zd, nx)
                    } else if along_rows(&xd) && along_cols(&yd) {
                        // `meshgrid(indexing='ij')`: x runs down the rows; transpose.
                        let xs = (0..ny).map(|j| xd[j * nx]).collect();
                        let z = (0..nx)
                            .flat_map(|i| (0..ny).map(move |j| (i, j)))
                            .map(|(i, j)| zd[j * nx + i])
                            .collect();
                        (xs, yd[..nx].to_vec(), z, ny)
                    } else {
                        return Err(value_err(
                            "contour draws grids whose X varies along one axis and Y along the other (as torch.meshgrid makes them); this grid is curvilinear",
                        ));
                    }
                }
                (a, b) => {
                    return Err(type_err(format!(
                        "Number of dimensions of x ({a}) and y ({b}) do not match"
                    )))
                }
            }
        }
    };
    let rows = ys.len();
    for (coords, what) in [(&mut xs, "x"), (&mut ys, "y")] {
        if coords.windows(2).all(|w| w[0] > w[1]) {
            coords.reverse();
            // Flip z along this axis too.
            z = if what == "x" {
                z.chunks(nx).flat_map(|r| r.iter().rev().copied()).collect()
            } else {
                z.chunks(nx).rev().flatten().copied().collect()
            };
        } else if !coords.windows(2).all(|w| w[0] < w[1]) {
            return Err(value_err(format!(
                "contour needs {what} coordinates that increase (or decrease) strictly and are finite"
            )));
        }
    }
    debug_assert_eq!(z.len(), rows * nx);
    Ok(ContourGrid { xs, ys, z })
}

/// `contour` (lines) and `contourf` (filled bands): `([X, Y,] Z, [levels])`.
pub(super) fn contour(it: &mut Interp, a: &mut Args, t: Target, filled: bool) -> R<Value> {
    let default_map = it.ext.get::<PlotState>().rc.cmap.0;
    let pos = a.rest(0);
    let (xy, z, lev) = match pos.len() {
        1 | 2 => (None, pos[0].clone(), pos.get(1).cloned()),
        3 | 4 => (
            Some((pos[0].clone(), pos[1].clone())),
            pos[2].clone(),
            pos.get(3).cloned(),
        ),
        n => {
            return Err(type_err(format!(
                "{}() takes from 1 to 4 positional arguments but {n} were given",
                a.fname
            )))
        }
    };
    let grid = contour_grid(it, xy, &z)?;
    let Some((zmin, zmax)) = crate::display::contour::finite_range(&grid.z) else {
        return Err(value_err("Z holds no finite value to contour"));
    };
    let levels = match a.kw("levels").or(lev) {
        None | Some(Value::None) => auto_levels(zmin, zmax, 7),
        Some(Value::Int(n)) if n >= 1 => auto_levels(zmin, zmax, n as usize),
        Some(v) => {
            let l = vector(it, &v, "levels")?;
            if l.windows(2).any(|w| w[0] >= w[1]) {
                return Err(value_err("Contour levels must be increasing"));
            }
            l
        }
    };
    if filled && levels.len() < 2 {
        return Err(value_err("Filled contours require at least 2 levels."));
    }
    if levels.is_empty() || levels.iter().any(|l| !l.is_finite()) {
        return Err(value_err("contour needs at least one finite level"));
    }
    match a.kw("extend") {
        None | Some(Value::None) => {}
        Some(v) => {
            let e = string(&v, "extend")?;
            if e != "neither" {
                return Err(value_err(format!(
                    "contourf(extend='{e}') is not supported; values outside the levels are left blank"
                )));
            }
        }
    }
    let n = if filled {
        levels.len() - 1
    } else {
        levels.len()
    };
    let given = match a.kw("colors") {
        None | Some(Value::None) => None,
        Some(v @ (Value::List(_) | Value::Tuple(_))) if !matches!(&v, Value::Tuple(t) if t.len() == 3 && t.iter().all(|x| matches!(x, Value::Float(_) | Value::Int(_)))) =>
        {
            let items = it.collect(&v)?;
            let cs = items.iter().map(color_arg).collect::<R<Vec<_>>>()?;
            if cs.is_empty() {
                return Err(value_err("colors must name at least one colour"));
            }
            Some(cs)
        }
        Some(v) => Some(vec![color_arg(&v)?]),
    };
    let map = match a.kw("cmap") {
        None | Some(Value::None) => None,
        Some(v @ (Value::Str(_) | Value::Instance(_))) => Some(cmap_arg(&v)?),
        Some(v) => {
            return Err(type_err(format!(
                "cmap must be a name, not {}",
                v.type_name()
            )))
        }
    };
    let vmin = a
        .kw("vmin")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| number(&v, "vmin"))
        .transpose()?;
    let vmax = a
        .kw("vmax")
        .filter(|v| !matches!(v, Value::None))
        .map(|v| number(&v, "vmax"))
        .transpose()?;
    let monochrome = given.as_ref().is_some_and(|c| c.len() == 1);
    let colors: Vec<Rgb> = match (given, map) {
        (Some(_), Some(_)) => return Err(value_err("Either colors or cmap must be None")),
        (Some(cs), None) => (0..n).map(|k| cs[k % cs.len()]).collect(),
        (None, map) => {
            let map = map.unwrap_or(default_map);
            let lo = vmin.unwrap_or(levels[0]);
            let hi = vmax.unwrap_or(levels[levels.len() - 1]);
            let at = |v: f64| map.at(if hi > lo { (v - lo) / (hi - lo) } else { 0.0 });
            if filled {
                levels.windows(2).map(|w| at((w[0] + w[1]) / 2.0)).collect()
            } else {
                levels.iter().map(|&l| at(l)).collect()
            }
        }
    };
    let styles: Vec<LineStyle> = match a.kw("linestyles") {
        None | Some(Value::None) => levels
            .iter()
            .map(|&l| {
                if monochrome && l < 0.0 {
                    LineStyle::Dashed
                } else {
                    LineStyle::Solid
                }
            })
            .collect(),
        Some(v) => vec![line_style(&string(&v, "linestyles")?)?; levels.len()],
    };
    let width = match a.kw("linewidths") {
        None | Some(Value::None) => it.ext.get::<PlotState>().rc.linewidth,
        Some(v) => number(&v, "linewidths")?,
    };
    let alpha = alpha_arg(a)?;
    for k in ["zorder", "antialiased", "origin"] {
        a.kw(k);
    }
    let ax = it.axes_mut(t)?;
    ax.artists.push(Artist::Contour {
        grid,
        levels,
        colors,
        filled,
        alpha,
        width,
        styles,
    });
    artist_object(it, "QuadContourSet", t)
}
