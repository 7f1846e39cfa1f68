//! Figures: `savefig`, `subplots`, `subplot`, `close`.

use super::PlotState;
use super::*;

pub(super) fn savefig(it: &mut Interp, a: &mut Args, fig: Option<usize>) -> R<Value> {
    let path = string(&a.req(0, "fname")?, "fname")?;
    let d = dpi(a, 1)?;
    let format = opt_string(a, "format")?;
    let tight = match a.kw("bbox_inches") {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) if &*s == "tight" => true,
        Some(v) => {
            return Err(value_err(format!(
                "bbox_inches must be 'tight' or None, not {}",
                it.repr(&v)?
            )))
        }
    };
    let pad = match a.kw("pad_inches") {
        None | Some(Value::None) => crate::display::raster::TIGHT_PAD,
        Some(v) => number(&v, "pad_inches")?,
    };
    for k in ["transparent", "facecolor"] {
        a.kw(k);
    }
    let fig = match fig {
        Some(f) => f,
        None => it.current_figure(),
    };
    let mut figure = it.figure_mut(fig)?.clone();
    if let Some(d) = d {
        figure.dpi = d;
    }
    let ext = format.unwrap_or_else(|| {
        std::path::Path::new(&path)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_else(|| "png".into())
    });
    use crate::display::raster;
    let bytes = match ext.as_str() {
        "png" if tight => raster::render_png_tight(&figure, pad),
        "png" => raster::render_png(&figure),
        "svg" if tight => raster::render_svg_tight(&figure, pad).map(String::into_bytes),
        "svg" => raster::render_svg(&figure).map(String::into_bytes),
        other => {
            return Err(value_err(format!(
                "Format '{other}' is not supported (supported formats: png, svg)"
            )))
        }
    }
    .map_err(|e| err("RuntimeError", format!("drawing the figure failed: {e}")))?;
    // Without an extension matplotlib appends the format's.
    let path = if std::path::Path::new(&path).extension().is_none() {
        format!("{path}.{ext}")
    } else {
        path
    };
    std::fs::write(&path, bytes).map_err(|e| {
        err(
            if e.kind() == std::io::ErrorKind::NotFound {
                "FileNotFoundError"
            } else {
                "OSError"
            },
            format!("[Errno {}] {e}: '{path}'", e.raw_os_error().unwrap_or(0)),
        )
    })?;
    Ok(Value::None)
}

/// `subplots(nrows, ncols, figsize=)`: (figure, axes) with axes as matplotlib shapes them.
pub(super) fn subplots(it: &mut Interp, a: &mut Args) -> R<Value> {
    let dim = |v: Option<Value>, what: &str| -> R<usize> {
        match v {
            None => Ok(1),
            Some(Value::Int(n)) if (1..=20).contains(&n) => Ok(n as usize),
            Some(_) => Err(value_err(format!("{what} must be an int from 1 to 20"))),
        }
    };
    let rows = dim(a.opt(0, "nrows"), "nrows")?;
    let cols = dim(a.opt(1, "ncols"), "ncols")?;
    let size = figsize(a, 99)?;
    let d = dpi(a, 99)?;
    let squeeze = match a.kw("squeeze") {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    let mut tight = false;
    for k in ["constrained_layout", "tight_layout"] {
        if let Some(v) = a.kw(k) {
            tight |= it.truthy(&v)?;
        }
    }
    let mut share = [Share::None; 2];
    for (i, k) in ["sharex", "sharey"].iter().enumerate() {
        share[i] = match a.kw(k) {
            None => Share::None,
            Some(Value::Str(s)) => match &*s {
                "all" => Share::All,
                "row" => Share::Row,
                "col" => Share::Col,
                "none" => Share::None,
                other => {
                    return Err(value_err(format!(
                        "{k} must be True, False, 'all', 'row', 'col' or 'none', not '{other}'"
                    )))
                }
            },
            Some(v) => {
                if it.truthy(&v)? {
                    Share::All
                } else {
                    Share::None
                }
            }
        };
    }
    let mut fig = it.fresh_figure(size, rows, cols);
    fig.tight = tight;
    (fig.sharex, fig.sharey) = (share[0], share[1]);
    if let Some(d) = d {
        fig.dpi = d;
    }
    let f = it.new_figure(fig);
    let fv = it.figure_value(f);
    let axes: Vec<Value> = (0..rows * cols)
        .map(|ax| it.axes_value(Target { fig: f, ax }))
        .collect();
    let axv = if squeeze && rows * cols == 1 {
        axes[0].clone()
    } else {
        let ndim = if squeeze && (rows == 1 || cols == 1) {
            1
        } else {
            2
        };
        let shape = if ndim == 1 {
            Value::tuple(vec![Value::Int((rows * cols) as i64)])
        } else {
            Value::tuple(vec![Value::Int(rows as i64), Value::Int(cols as i64)])
        };
        it.plot_object(
            "AxesArray",
            vec![
                ("flat", Value::list(axes)),
                ("_rows", Value::Int(rows as i64)),
                ("_cols", Value::Int(cols as i64)),
                ("ndim", Value::Int(ndim)),
                ("shape", shape),
                ("size", Value::Int((rows * cols) as i64)),
            ],
        )
    };
    Ok(Value::tuple(vec![fv, axv]))
}

pub(super) fn subplot(it: &mut Interp, a: &mut Args) -> R<Value> {
    let f = it.current_figure();
    subplot_of(it, a, f)
}

/// `subplot(...)` on figure `f` (also `Figure.add_subplot`): makes axes `index` of an
/// nrows × ncols grid current, laying the figure out anew if the grid changes.
pub(super) fn subplot_of(it: &mut Interp, a: &mut Args, f: usize) -> R<Value> {
    if let Some(p) = a.kw("projection").filter(|v| !matches!(v, Value::None)) {
        return Err(value_err(format!(
            "projection={} is not supported: nabla draws 2-D axes only",
            it.repr(&p)?
        )));
    }
    let args = a.rest(0);
    let n = |v: &Value| -> R<usize> {
        match v {
            Value::Int(i) if *i >= 1 => Ok(*i as usize),
            _ => Err(value_err("subplot numbers are positive ints")),
        }
    };
    let (r, c, i) = match args.as_slice() {
        [Value::Int(code)] if (111..=999).contains(code) => {
            let code = *code as usize;
            (code / 100, code / 10 % 10, code % 10)
        }
        [r, c, i] => (n(r)?, n(c)?, n(i)?),
        _ => {
            return Err(type_err(
                "subplot(nrows, ncols, index) or subplot(RCI), e.g. subplot(2, 1, 1)",
            ))
        }
    };
    if r == 0 || c == 0 || i == 0 || i > r * c || r * c > 400 {
        return Err(value_err(format!(
            "num must be an integer with 1 <= num <= {}, not {i}",
            r * c
        )));
    }
    let rc_grid = it.ext.get::<PlotState>().rc.grid;
    let fig = it.figure_mut(f)?;
    if fig.rows != r || fig.cols != c {
        // A new grid: keep the axes already drawn where they still fit.
        let old = std::mem::take(&mut fig.axes);
        let (or, oc) = (fig.rows, fig.cols);
        fig.rows = r;
        fig.cols = c;
        fig.axes = (0..r * c)
            .map(|_| Axes {
                grid: rc_grid,
                ..Axes::default()
            })
            .collect();
        for (k, ax) in old.into_iter().enumerate() {
            let (row, col) = (k / oc.max(1), k % oc.max(1));
            if row < r && col < c && row < or && !ax.artists.is_empty() {
                fig.axes[row * c + col] = ax;
            }
        }
    }
    let t = Target { fig: f, ax: i - 1 };
    it.axes_mut(t)?;
    Ok(it.axes_value(t))
}

pub(super) fn close(it: &mut Interp, a: &mut Args) -> R<Value> {
    match a.opt(0, "fig") {
        None => {
            if let Some(i) = it.ext.get::<PlotState>().current {
                if let Some(slot) = it.ext.get::<PlotState>().figs.get_mut(i) {
                    *slot = None;
                }
                it.ext.get::<PlotState>().current = None;
            }
        }
        Some(Value::Str(s)) if &*s == "all" => {
            it.ext.get::<PlotState>().take_open();
        }
        Some(v) => {
            let i = figure_of(&v)?;
            if let Some(slot) = it.ext.get::<PlotState>().figs.get_mut(i) {
                *slot = None;
            }
            if it.ext.get::<PlotState>().current == Some(i) {
                it.ext.get::<PlotState>().current = None;
            }
        }
    }
    Ok(Value::None)
}
