//! Charts in braille dots: lines, markers, bars, fills and their axes.

use super::*;

// ---------------------------------------------------------------- charts

/// The braille dots of the plot area, each cell with the colour drawn last.
pub(super) struct Dots {
    pub(super) w: usize,
    pub(super) h: usize,
    pub(super) bits: Vec<u8>,
    pub(super) color: Vec<Option<Rgb>>,
}

impl Dots {
    pub(super) fn new(w: usize, h: usize) -> Dots {
        Dots {
            w,
            h,
            bits: vec![0; w * h],
            color: vec![None; w * h],
        }
    }

    pub(super) fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if x < 0 || y < 0 || x >= 2 * self.w as i64 || y >= 4 * self.h as i64 {
            return;
        }
        let (x, y) = (x as usize, y as usize);
        const BIT: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
        let i = (y / 4) * self.w + x / 2;
        self.bits[i] |= BIT[x % 2][y % 4];
        self.color[i] = Some(c);
    }
}

pub(super) fn dash_on(style: LineStyle, k: usize) -> bool {
    match style {
        LineStyle::Solid => true,
        LineStyle::Dashed => k % 6 < 4,
        LineStyle::Dotted => k.is_multiple_of(3),
        LineStyle::DashDot => matches!(k % 9, 0..=3 | 6),
        LineStyle::None => false,
    }
}

/// A polyline in dots (None breaks it), clipped to the plot area.
pub(super) fn trace(
    dots: &mut Dots,
    pts: &[Option<(f64, f64)>],
    style: LineStyle,
    color: Rgb,
    (dw, dh): (f64, f64),
) {
    let mut k = 0;
    for pair in pts.windows(2) {
        if let [Some(a), Some(b)] = pair {
            if let Some((a, b)) = clip(*a, *b, dw, dh) {
                let (x0, y0) = (a.0.round() as i64, a.1.round() as i64);
                let (x1, y1) = (b.0.round() as i64, b.1.round() as i64);
                let n = (x1 - x0).abs().max((y1 - y0).abs()).max(1);
                for i in 0..=n {
                    if dash_on(style, k) {
                        let x = x0 + (x1 - x0) * i / n;
                        let y = y0 + (y1 - y0) * i / n;
                        dots.set(x, y, color);
                    }
                    k += 1;
                }
            }
        }
    }
}

pub(super) fn draw_chart(
    grid: &mut Grid,
    ax: &Axes,
    ((mut sx, mut sy), shared): ((Scale, Scale), (bool, bool)),
    r: Rect,
) {
    let mut top = r.y;
    let mut bottom = r.y + r.h; // exclusive
    if ax.ylabel.is_some() && !ax.axis_off && r.h > 6 {
        grid.text(
            r.x,
            top,
            ax.ylabel.as_deref().unwrap_or(""),
            None,
            r.x + r.w,
        );
        top += 1;
    }
    let xlabel_row = (ax.xlabel.is_some() && !ax.axis_off && bottom - top > 6).then(|| {
        bottom -= 1;
        bottom
    });
    let axes_rows = if ax.axis_off { 0 } else { 2 };
    if bottom < top + axes_rows + 1 {
        return;
    }
    let mut ph = bottom - top - axes_rows;
    let y_ticks = |sy: &Scale, ph: usize| {
        if ax.axis_off {
            Vec::new()
        } else {
            axis_ticks(ax, sy, true, (ph / 3).clamp(2, 8))
        }
    };
    let left_of = |ticks: &[(f64, String)]| {
        let label_w = ticks.iter().map(|(_, l)| l.chars().count()).max();
        if ax.axis_off {
            0
        } else {
            label_w.unwrap_or(0) + 1
        }
    };
    let mut yticks = y_ticks(&sy, ph);
    let left = left_of(&yticks);
    if r.w < left + 4 {
        return;
    }
    let mut pw = r.w - left;
    let mut px = r.x + left; // plot area's first column
    if let Some(aspect) = ax.aspect {
        // Braille dots are about square: the plot is 2 dots per column, 4 per row.
        let dots = ((2 * pw) as f64, (4 * ph) as f64);
        let ((nx, ny), (w, h)) = apply_aspect(ax, aspect, (sx, sy), dots, shared);
        (sx, sy) = (nx, ny);
        let (npw, nph) = (
            ((w / 2.0).round() as usize).clamp(1, pw),
            ((h / 4.0).round() as usize).clamp(1, ph),
        );
        px += (pw - npw) / 2;
        top += (ph - nph) / 2;
        (pw, ph) = (npw, nph);
        yticks = y_ticks(&sy, ph);
        // New limits may need wider tick labels: take the room from the plot.
        let grow = left_of(&yticks).saturating_sub(px - r.x);
        if grow + 2 > pw {
            return;
        }
        px += grow;
        pw -= grow;
    }
    let xticks = if ax.axis_off {
        Vec::new()
    } else {
        axis_ticks(ax, &sx, false, (pw / 12).clamp(2, 10))
    };
    let mut dots = Dots::new(pw, ph);
    let (dw, dh) = ((2 * pw - 1) as f64, (4 * ph - 1) as f64);
    let to_dot = |x: f64, y: f64| (sx.frac(x) * dw, (1.0 - sy.frac(y)) * dh);
    // Filled contours colour the cells' background (the band at each cell's centre), so
    // lines and points stay visible on top.
    let mut bg: Vec<Option<Rgb>> = vec![None; pw * ph];
    for a in &ax.artists {
        if let Artist::Contour {
            grid: g,
            levels,
            colors,
            filled: true,
            ..
        } = a
        {
            for cy in 0..ph {
                let v = sy.at_frac(1.0 - (cy as f64 + 0.5) / ph as f64);
                for cx in 0..pw {
                    let u = sx.at_frac((cx as f64 + 0.5) / pw as f64);
                    let band = g
                        .value_at(u, v)
                        .and_then(|z| crate::display::contour::band(levels, z));
                    if let Some(&c) = band.and_then(|k| colors.get(k)) {
                        bg[cy * pw + cx] = Some(c);
                    }
                }
            }
        }
    }

    if ax.grid {
        for (t, _) in &xticks {
            let x = ((t - sx.lo) / (sx.hi - sx.lo) * dw).round() as i64;
            (0..4 * ph as i64)
                .step_by(3)
                .for_each(|y| dots.set(x, y, GREY));
        }
        for (t, _) in &yticks {
            let y = ((1.0 - (t - sy.lo) / (sy.hi - sy.lo)) * dh).round() as i64;
            (0..2 * pw as i64)
                .step_by(3)
                .for_each(|x| dots.set(x, y, GREY));
        }
    }

    for a in &ax.artists {
        match a {
            Artist::Line {
                x,
                y,
                color,
                style,
                marker,
                steps,
                ..
            } => {
                let dot = |(x, y): (f64, f64)| {
                    let p = to_dot(x, y);
                    (p.0.is_finite() && p.1.is_finite()).then_some(p)
                };
                let pts: Vec<Option<(f64, f64)>> =
                    x.iter().copied().zip(y.iter().copied()).map(dot).collect();
                let path: Vec<Option<(f64, f64)>> = steps.path(x, y).into_iter().map(dot).collect();
                trace(&mut dots, &path, *style, *color, (dw, dh));
                let single = pts.iter().flatten().count() == 1;
                if marker.is_some() || single {
                    for p in pts.iter().flatten() {
                        mark(&mut dots, *p, *color);
                    }
                }
            }
            Artist::Scatter {
                x,
                y,
                color,
                values,
                ..
            } => {
                let range = values.as_ref().map(|(v, cmap)| {
                    let (lo, hi) = v
                        .iter()
                        .filter(|v| v.is_finite())
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                            (a.min(v), b.max(v))
                        });
                    (v, *cmap, lo, hi)
                });
                for (i, (&x, &y)) in x.iter().zip(y).enumerate() {
                    let p = to_dot(x, y);
                    if !(p.0.is_finite() && p.1.is_finite()) {
                        continue;
                    }
                    let c = match &range {
                        Some((v, cmap, lo, hi)) => {
                            let t = v.get(i).map_or(0.0, |v| (v - lo) / (hi - lo));
                            cmap.at(if t.is_finite() { t } else { 0.0 })
                        }
                        None => *color,
                    };
                    mark(&mut dots, p, c);
                }
            }
            Artist::Bars {
                x,
                height,
                width,
                color,
                horizontal,
                ..
            } => {
                for (&c, &h) in x.iter().zip(height) {
                    // Corners in dots: the base (0, or the axis start on a log axis) and the
                    // bar's end, across `c ± width / 2`.
                    let ((xa, ya), (xb, yb)) = if *horizontal {
                        let base = if sx.log { 10f64.powf(sx.lo) } else { 0.0 };
                        (to_dot(base, c - width / 2.0), to_dot(h, c + width / 2.0))
                    } else {
                        let base = if sy.log { 10f64.powf(sy.lo) } else { 0.0 };
                        (to_dot(c - width / 2.0, base), to_dot(c + width / 2.0, h))
                    };
                    if !(xb.is_finite() && yb.is_finite()) {
                        continue;
                    }
                    let xa = if xa.is_finite() { xa } else { 0.0 };
                    let ya = if ya.is_finite() { ya } else { dh };
                    let (x0, x1) = (
                        xa.min(xb).max(0.0).round() as i64,
                        xa.max(xb).min(dw).round() as i64,
                    );
                    let (y0, y1) = (
                        ya.min(yb).max(0.0).round() as i64,
                        ya.max(yb).min(dh).round() as i64,
                    );
                    // Leave a gap of one dot between neighbouring bars.
                    let (xs, ys) = if *horizontal {
                        (x0..x1 + 1, y0..y1.max(y0 + 1))
                    } else {
                        (x0..x1.max(x0 + 1), y0..y1 + 1)
                    };
                    for x in xs {
                        for y in ys.clone() {
                            dots.set(x, y, *color);
                        }
                    }
                }
            }
            Artist::Image { .. } | Artist::Text { .. } => {}
            Artist::Contour {
                grid: g,
                levels,
                colors,
                filled: false,
                styles,
                ..
            } => {
                for (k, &level) in levels.iter().enumerate() {
                    let (Some(&c), Some(&style)) = (colors.get(k), styles.get(k)) else {
                        continue;
                    };
                    for line in g.lines(level) {
                        let pts: Vec<Option<(f64, f64)>> = line
                            .iter()
                            .map(|&(x, y)| {
                                let p = to_dot(x, y);
                                (p.0.is_finite() && p.1.is_finite()).then_some(p)
                            })
                            .collect();
                        trace(&mut dots, &pts, style, c, (dw, dh));
                    }
                }
            }
            Artist::Contour { .. } => {}
            Artist::RefLine {
                vertical,
                at,
                color,
                style,
                ..
            } => {
                if *vertical {
                    let x = (sx.frac(*at) * dw).round();
                    if x.is_finite() {
                        for (k, y) in (0..4 * ph as i64).enumerate() {
                            if dash_on(*style, k) {
                                dots.set(x as i64, y, *color);
                            }
                        }
                    }
                } else {
                    let y = ((1.0 - sy.frac(*at)) * dh).round();
                    if y.is_finite() {
                        for (k, x) in (0..2 * pw as i64).enumerate() {
                            if dash_on(*style, k) {
                                dots.set(x, y as i64, *color);
                            }
                        }
                    }
                }
            }
            Artist::Fill {
                x,
                y1,
                y2,
                color,
                alpha,
                ..
            } => {
                // Each dot column between neighbouring points, filled from y1 to y2 (every
                // other dot when translucent, so lines beneath stay readable).
                let n = x.len().min(y1.len()).min(y2.len());
                for i in 1..n {
                    let (a1, b1) = (to_dot(x[i - 1], y1[i - 1]), to_dot(x[i], y1[i]));
                    let (a2, b2) = (to_dot(x[i - 1], y2[i - 1]), to_dot(x[i], y2[i]));
                    if ![a1.0, a1.1, b1.0, b1.1, a2.1, b2.1]
                        .iter()
                        .all(|v| v.is_finite())
                    {
                        continue;
                    }
                    let (c0, c1) = (a1.0.min(b1.0).max(0.0), a1.0.max(b1.0).min(dw));
                    let mut cx = c0.ceil();
                    while cx <= c1 {
                        let t = if b1.0 != a1.0 {
                            (cx - a1.0) / (b1.0 - a1.0)
                        } else {
                            0.0
                        };
                        let u = a1.1 + (b1.1 - a1.1) * t;
                        let v = a2.1 + (b2.1 - a2.1) * t;
                        let (lo, hi) = (u.min(v).max(0.0), u.max(v).min(dh));
                        let mut cy = lo.ceil();
                        while cy <= hi {
                            let (xi, yi) = (cx as i64, cy as i64);
                            if *alpha >= 0.6 || (xi + yi) % 2 == 0 {
                                dots.set(xi, yi, *color);
                            }
                            cy += 1.0;
                        }
                        cx += 1.0;
                    }
                }
            }
            Artist::ErrorBars {
                x,
                y,
                yerr,
                xerr,
                color,
                ..
            } => {
                let mut seg = |a: (f64, f64), b: (f64, f64)| {
                    if let Some((a, b)) = clip(a, b, dw, dh) {
                        let (x0, y0) = (a.0.round() as i64, a.1.round() as i64);
                        let (x1, y1) = (b.0.round() as i64, b.1.round() as i64);
                        let n = (x1 - x0).abs().max((y1 - y0).abs()).max(1);
                        for i in 0..=n {
                            dots.set(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n, *color);
                        }
                    }
                };
                for (i, (&px_, &py)) in x.iter().zip(y).enumerate() {
                    if let Some((lo, hi)) = yerr.as_ref().and_then(|e| e.get(i)) {
                        seg(to_dot(px_, py - lo), to_dot(px_, py + hi));
                    }
                    if let Some((lo, hi)) = xerr.as_ref().and_then(|e| e.get(i)) {
                        seg(to_dot(px_ - lo, py), to_dot(px_ + hi, py));
                    }
                }
            }
        }
    }

    // Texts sit in cells: (row, first column, length) within the plot, where shown. An
    // offset in points takes the default axes' width (357 pt) as the plot's.
    let dots_per_pt = dw / (6.4 * 72.0 * 0.775);
    let place = |a: &Artist| -> Option<(usize, usize, usize)> {
        let Artist::Text {
            x,
            y,
            text,
            align,
            offset,
            ..
        } = a
        else {
            return None;
        };
        let (dx, dy) = to_dot(*x, *y);
        let (dx, dy) = (dx + offset.0 * dots_per_pt, dy - offset.1 * dots_per_pt);
        if !(dx.is_finite() && dy.is_finite()) || dx < 0.0 || dy < 0.0 || dx > dw || dy > dh {
            return None;
        }
        let n = text.chars().count();
        let col = (dx / 2.0).round() as usize;
        let start = match align.0 {
            HAlign::Left => col,
            HAlign::Center => col.saturating_sub(n / 2),
            HAlign::Right => col.saturating_sub(n),
        };
        Some(((dy / 4.0) as usize, start, n))
    };
    // Annotation arrows: a dotted line from the text's cells to the point.
    for a in &ax.artists {
        if let (
            Some((row, start, n)),
            Artist::Text {
                arrow: Some(arrow), ..
            },
        ) = (place(a), a)
        {
            let (x0, x1) = ((2 * start) as f64, (2 * (start + n)) as f64);
            let (y0, y1) = ((4 * row) as f64, (4 * row + 3) as f64);
            let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let to = to_dot(arrow.to.0, arrow.to.1);
            let d = (to.0 - centre.0, to.1 - centre.1);
            let len = d.0.hypot(d.1);
            if !len.is_finite() || len == 0.0 {
                continue;
            }
            let u = (d.0 / len, d.1 / len);
            let out = [((x1 - x0) / 2.0 + 1.0, u.0), ((y1 - y0) / 2.0 + 1.0, u.1)]
                .iter()
                .filter(|(_, c)| *c != 0.0)
                .map(|(half, c)| half / c.abs())
                .fold(f64::INFINITY, f64::min);
            if out < len {
                let from = (centre.0 + u.0 * out, centre.1 + u.1 * out);
                trace(
                    &mut dots,
                    &[Some(from), Some(to)],
                    LineStyle::Solid,
                    arrow.color,
                    (dw, dh),
                );
            }
        }
    }

    for cy in 0..ph {
        for cx in 0..pw {
            let i = cy * pw + cx;
            if dots.bits[i] != 0 || bg[i].is_some() {
                let ch = match dots.bits[i] {
                    0 => ' ',
                    bits => char::from_u32(0x2800 + bits as u32).unwrap_or(' '),
                };
                grid.put(
                    px + cx,
                    top + cy,
                    Cell {
                        ch,
                        fg: dots.color[i],
                        bg: bg[i],
                    },
                );
            }
        }
    }

    // Texts at their data points, in cells.
    for a in &ax.artists {
        if let (Some((row, start, _)), Artist::Text { text, color, .. }) = (place(a), a) {
            grid.text(px + start, top + row, text, Some(*color), px + pw);
        }
    }

    if let Some(loc) = ax.legend {
        let area = Rect {
            x: px,
            y: top,
            w: pw,
            h: ph,
        };
        draw_legend(grid, ax, area, loc, &to_dot);
    }

    if ax.axis_off {
        return;
    }
    // The y axis: labels right-aligned, a rule with ticks; the x axis below.
    let axis_x = px - 1;
    for y in top..top + ph {
        grid.put(axis_x, y, plain('│'));
    }
    for (t, label) in &yticks {
        let frac = (t - sy.lo) / (sy.hi - sy.lo);
        let row = top
            + ((1.0 - frac) * (ph - 1) as f64)
                .round()
                .clamp(0.0, (ph - 1) as f64) as usize;
        grid.put(axis_x, row, plain('┤'));
        let n = label.chars().count();
        grid.text(axis_x.saturating_sub(n), row, label, None, axis_x);
    }
    let axis_y = top + ph;
    grid.put(axis_x, axis_y, plain('└'));
    for x in px..px + pw {
        grid.put(x, axis_y, plain('─'));
    }
    let mut free_from = 0; // first column a label may start at
    for (t, label) in &xticks {
        let frac = (t - sx.lo) / (sx.hi - sx.lo);
        let col = px + (frac * (pw - 1) as f64).round().clamp(0.0, (pw - 1) as f64) as usize;
        grid.put(col, axis_y, plain('┬'));
        let n = label.chars().count();
        let start = col.saturating_sub(n / 2).min((r.x + r.w).saturating_sub(n));
        if start >= free_from {
            grid.text(start, axis_y + 1, label, None, r.x + r.w);
            free_from = start + n + 1;
        }
    }
    if let (Some(row), Some(label)) = (xlabel_row, &ax.xlabel) {
        grid.centred(px, pw, row, label);
    }
}

pub(super) fn plain(ch: char) -> Cell {
    Cell {
        ch,
        fg: None,
        bg: None,
    }
}

/// A point marker: a 2 × 2 block of dots.
pub(super) fn mark(dots: &mut Dots, p: (f64, f64), c: Rgb) {
    let (x, y) = (p.0.round() as i64, p.1.round() as i64);
    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
        dots.set(x + dx - 1, y + dy - 1, c);
    }
}
