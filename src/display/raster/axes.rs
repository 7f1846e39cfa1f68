//! Laying a figure out: each axes box, its spines, ticks, tick labels, grid and titles; the tight bounding box.

use super::*;

pub(super) fn draw<DB: DrawingBackend>(root: &Area<DB>, fig: &Figure) -> Res {
    let (w, h) = root.dim_in_pixel();
    draw_at(root, fig, (0.0, 0.0), (w as f64, h as f64))
}

/// Draws the figure laid out for `w × h` pixels with its top left corner at `origin`.
pub(super) fn draw_at<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    (ox, oy): (f64, f64),
    (w, h): (f64, f64),
) -> Res {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let p = Painter {
        area: root,
        k: fig.dpi / 72.0,
        alpha: std::cell::Cell::new(1.0),
    };
    if let Some(s) = &fig.suptitle {
        p.text(
            s,
            (ox + w / 2.0, oy + 0.02 * h),
            TITLE_PT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    for (i, ax) in fig.axes.iter().enumerate() {
        let scales = (shared_scale(fig, i, false), shared_scale(fig, i, true));
        let mut b = if fig.tight {
            tight_box(fig, &p, i, (w, h))
        } else {
            // matplotlib's subplot parameters: left .125, right .9, bottom .11, top .88,
            // spacing .2 of an axes.
            let (left, right, bottom, top, space) = (0.125, 0.9, 0.11, 0.88, 0.2);
            let (rows, cols) = (rows as f64, cols as f64);
            let cell_w = (right - left) * w / (cols + space * (cols - 1.0));
            let cell_h = (top - bottom) * h / (rows + space * (rows - 1.0));
            let (r, c) = ((i / fig.cols.max(1)) as f64, (i % fig.cols.max(1)) as f64);
            BoxPx {
                x: left * w + c * cell_w * (1.0 + space),
                y: (1.0 - top) * h + r * cell_h * (1.0 + space),
                w: cell_w,
                h: cell_h,
            }
        };
        (b.x, b.y) = (b.x + ox, b.y + oy);
        if b.w >= 1.0 && b.h >= 1.0 {
            let shared = (is_shared(fig, i, false), is_shared(fig, i, true));
            draw_axes(&p, ax, scales, shared, b)?;
        }
    }
    Ok(())
}

/// `tight_layout()`: each grid cell's plot box inset by what its labels need (the widest y
/// tick label, the axis labels, the title), the same insets across the grid so boxes align.
pub(super) fn tight_box<DB: DrawingBackend>(
    fig: &Figure,
    p: &Painter<DB>,
    i: usize,
    (w, h): (f64, f64),
) -> BoxPx {
    let k = p.k;
    let (label, title) = (LABEL_PT * k * 1.3, TITLE_PT * k * 1.3);
    let pad = 6.0 * k;
    let tick = 3.5 * k + 3.5 * k;
    let (mut left, mut bottom, mut top) = (pad, pad, pad);
    for (j, ax) in fig.axes.iter().enumerate() {
        if ax.axis_off {
            continue;
        }
        let sy = shared_scale(fig, j, true);
        let widest = axis_ticks(ax, &sy, true, 6)
            .iter()
            .map(|(_, l)| p.text_width(l, LABEL_PT))
            .fold(0.0, f64::max);
        // Vertical x tick labels take their width downwards.
        let xlabels = if ax.xticks_vertical {
            let sx = shared_scale(fig, j, false);
            axis_ticks(ax, &sx, false, 6)
                .iter()
                .map(|(_, l)| p.text_width(l, LABEL_PT))
                .fold(0.0, f64::max)
        } else {
            label
        };
        let ylabel = if ax.ylabel.is_some() {
            label + 2.0 * k
        } else {
            0.0
        };
        left = left.max(pad + ylabel + widest + tick);
        let xlabel = if ax.xlabel.is_some() {
            label + 4.0 * k
        } else {
            0.0
        };
        bottom = bottom.max(pad + tick + xlabels + xlabel);
        if ax.title.is_some() {
            top = top.max(pad + title);
        }
    }
    let sup = if fig.suptitle.is_some() {
        title + 0.02 * h
    } else {
        0.0
    };
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    let cell_w = w / cols as f64;
    let cell_h = (h - sup) / rows as f64;
    let (r, c) = ((i / cols) as f64, (i % cols) as f64);
    let right = pad
        + if fig.axes.get(i).is_some_and(|a| a.colorbar) {
            40.0 * k
        } else {
            0.0
        };
    BoxPx {
        x: c * cell_w + left,
        y: sup + r * cell_h + top,
        w: cell_w - left - right,
        h: cell_h - top - bottom,
    }
}

/// Where on the box a tick at `t` (axis units) falls, 0 to 1.
pub(super) fn frac(s: &Scale, t: f64) -> f64 {
    (t - s.lo) / (s.hi - s.lo)
}

pub(super) fn draw_axes<DB: DrawingBackend>(
    p: &Painter<DB>,
    ax: &Axes,
    (mut sx, mut sy): (Scale, Scale),
    shared: (bool, bool),
    mut b: BoxPx,
) -> Res {
    let colorbar = ax.colorbar.then(|| colorbar_range(ax)).flatten();
    let full = b;
    if colorbar.is_some() {
        b.w *= 0.8;
    }
    if let Some(aspect) = ax.aspect {
        // A data unit as long on y as `ratio` on x: the box shrinks about its centre, or
        // one axis's limits change.
        let ((nx, ny), (w, h)) = apply_aspect(ax, aspect, (sx, sy), (b.w, b.h), shared);
        (sx, sy) = (nx, ny);
        b.x += (b.w - w) / 2.0;
        b.y += (b.h - h) / 2.0;
        (b.w, b.h) = (w, h);
    }
    let to_px = |x: f64, y: f64| (b.x + sx.frac(x) * b.w, b.bottom() - sy.frac(y) * b.h);
    let xticks = axis_ticks(
        ax,
        &sx,
        false,
        (b.w / (50.0 * p.k)).clamp(3.0, 9.0) as usize,
    );
    let yticks = axis_ticks(ax, &sy, true, (b.h / (28.0 * p.k)).clamp(3.0, 9.0) as usize);
    let inside = |f: f64| (-1e-9..=1.0 + 1e-9).contains(&f);

    if ax.grid && !ax.axis_off {
        for (t, _) in xticks.iter().filter(|(t, _)| inside(frac(&sx, *t))) {
            let x = b.x + frac(&sx, *t) * b.w;
            p.path(&[(x, b.y), (x, b.bottom())], GRID_RGB, 0.8)?;
        }
        for (t, _) in yticks.iter().filter(|(t, _)| inside(frac(&sy, *t))) {
            let y = b.bottom() - frac(&sy, *t) * b.h;
            p.path(&[(b.x, y), (b.right(), y)], GRID_RGB, 0.8)?;
        }
    }

    for a in &ax.artists {
        p.alpha.set(alpha_of(a));
        draw_artist(p, a, b, (&sx, &sy), &to_px)?;
    }
    p.alpha.set(1.0);

    if let Some(bar) = colorbar {
        let cb = BoxPx {
            x: full.x + full.w * 0.85,
            y: b.y,
            w: (full.w * 0.05).max(4.0),
            h: b.h,
        };
        let (lo, hi) = bar.range();
        let s = Scale {
            lo,
            hi: if hi > lo { hi } else { lo + 1.0 },
            log: false,
        };
        let at = |v: f64| cb.bottom() - frac(&s, v) * cb.h;
        let marks = match &bar {
            ColorBar::Smooth(cmap, ..) => {
                let n = 64;
                for i in 0..n {
                    let y0 = cb.bottom() - cb.h * i as f64 / n as f64;
                    let y1 = cb.bottom() - cb.h * (i + 1) as f64 / n as f64;
                    p.fill(
                        (cb.x, y1),
                        (cb.right(), y0),
                        cmap.at((i as f64 + 0.5) / n as f64),
                    )?;
                }
                ticks(&s, (cb.h / (40.0 * p.k)).clamp(2.0, 9.0) as usize)
            }
            ColorBar::Bands(levels, colors, alpha) => {
                // The bands as the contour shows them, translucent too.
                p.alpha.set(alpha.clamp(0.0, 1.0));
                for (w, &c) in levels.windows(2).zip(colors) {
                    p.fill((cb.x, at(w[1])), (cb.right(), at(w[0])), c)?;
                }
                p.alpha.set(1.0);
                // matplotlib's FixedLocator(levels, nbins=10): every k-th level.
                let every = levels.len().div_ceil(10).max(1);
                let step = levels
                    .windows(2)
                    .map(|w| w[1] - w[0])
                    .fold(f64::INFINITY, f64::min)
                    * every as f64;
                levels
                    .iter()
                    .step_by(every)
                    .map(|&v| (v, format_tick(v, step)))
                    .collect()
            }
        };
        p.frame((cb.x, cb.y), (cb.right(), cb.bottom()), BLACK_RGB, 0.8)?;
        for (t, label) in marks {
            let y = at(t);
            p.path(
                &[(cb.right(), y), (cb.right() + 3.5 * p.k, y)],
                BLACK_RGB,
                0.8,
            )?;
            p.text(
                &label,
                (cb.right() + 5.0 * p.k, y),
                LABEL_PT,
                (HPos::Left, VPos::Center),
                false,
            )?;
        }
    }

    if let Some(t) = &ax.title {
        p.text(
            t,
            (b.x + b.w / 2.0, b.y - 6.0 * p.k),
            TITLE_PT,
            (HPos::Center, VPos::Bottom),
            false,
        )?;
    }
    if ax.axis_off {
        return Ok(());
    }
    p.frame((b.x, b.y), (b.right(), b.bottom()), BLACK_RGB, 0.8)?;
    let tick = 3.5 * p.k;
    let mut widest: f64 = 0.0;
    let mut lowest: f64 = LABEL_PT * p.k * 1.4;
    for (t, label) in xticks.iter().filter(|(t, _)| inside(frac(&sx, *t))) {
        let x = b.x + frac(&sx, *t) * b.w;
        p.path(&[(x, b.bottom()), (x, b.bottom() + tick)], BLACK_RGB, 0.8)?;
        if ax.xticks_vertical {
            // Read bottom to top, ending at the tick, as matplotlib's rotation=90.
            p.text(
                label,
                (x, b.bottom() + tick + 3.5 * p.k),
                LABEL_PT,
                (HPos::Right, VPos::Center),
                true,
            )?;
            lowest = lowest.max(p.text_width(label, LABEL_PT));
        } else {
            p.text(
                label,
                (x, b.bottom() + tick + 3.5 * p.k),
                LABEL_PT,
                (HPos::Center, VPos::Top),
                false,
            )?;
        }
    }
    for (t, label) in yticks.iter().filter(|(t, _)| inside(frac(&sy, *t))) {
        let y = b.bottom() - frac(&sy, *t) * b.h;
        p.path(&[(b.x - tick, y), (b.x, y)], BLACK_RGB, 0.8)?;
        p.text(
            label,
            (b.x - tick - 3.5 * p.k, y),
            LABEL_PT,
            (HPos::Right, VPos::Center),
            false,
        )?;
        widest = widest.max(p.text_width(label, LABEL_PT));
    }
    if let Some(l) = &ax.xlabel {
        let y = b.bottom() + tick + 3.5 * p.k + lowest + 4.0 * p.k;
        p.text(
            l,
            (b.x + b.w / 2.0, y),
            LABEL_PT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    if let Some(l) = &ax.ylabel {
        let x = b.x - tick - 3.5 * p.k - widest - 6.0 * p.k;
        p.text(
            l,
            (x, b.y + b.h / 2.0),
            LABEL_PT,
            (HPos::Center, VPos::Bottom),
            true,
        )?;
    }
    if let Some(loc) = ax.legend {
        draw_legend(p, ax, b, loc, &to_px)?;
    }
    Ok(())
}
