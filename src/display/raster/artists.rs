//! Each artist in data coordinates: lines and markers, dashes, bars, fills, arrows, images, bands and colour bars.

use super::*;

/// An artist's opacity (fills carry their own, applied in their polygon).
pub(super) fn alpha_of(a: &Artist) -> f64 {
    match a {
        Artist::Line { alpha, .. }
        | Artist::Scatter { alpha, .. }
        | Artist::Bars { alpha, .. }
        | Artist::Contour { alpha, .. } => alpha.clamp(0.0, 1.0),
        _ => 1.0,
    }
}

/// What a colour bar shows: a colour map over a value range, or a filled contour's bands.
pub(super) enum ColorBar {
    Smooth(crate::display::figure::Cmap, f64, f64),
    Bands(Vec<f64>, Vec<Rgb>, f64),
}

impl ColorBar {
    pub(super) fn range(&self) -> (f64, f64) {
        match self {
            ColorBar::Smooth(_, lo, hi) => (*lo, *hi),
            ColorBar::Bands(levels, ..) => (levels[0], levels[levels.len() - 1]),
        }
    }
}

/// The colour bar of the axes' newest colour-mapped artist (matplotlib's current image): an
/// image, a scatter's `c=`, or a filled contour.
pub(super) fn colorbar_range(ax: &Axes) -> Option<ColorBar> {
    let i = ax
        .colorbar_of
        .filter(|&i| ax.artists.get(i).is_some_and(Artist::is_mappable))
        .or_else(|| ax.newest_mappable())?;
    match &ax.artists[i] {
        Artist::Image {
            pixels: Pixels::Scalar {
                cmap, vmin, vmax, ..
            },
            ..
        } => Some(ColorBar::Smooth(*cmap, *vmin, *vmax)),
        Artist::Scatter {
            values: Some((v, cmap)),
            ..
        } => {
            let (lo, hi) = finite_range(v)?;
            Some(ColorBar::Smooth(*cmap, lo, hi))
        }
        Artist::Contour {
            levels,
            colors,
            filled: true,
            alpha,
            ..
        } if levels.len() >= 2 => Some(ColorBar::Bands(levels.clone(), colors.clone(), *alpha)),
        _ => None,
    }
}

pub(super) fn finite_range(v: &[f64]) -> Option<(f64, f64)> {
    let (lo, hi) = v
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    (lo <= hi).then_some((lo, hi))
}

/// matplotlib's dash patterns, in multiples of the line width.
pub(super) fn dashes(style: LineStyle) -> Option<&'static [f64]> {
    match style {
        LineStyle::Dashed => Some(&[3.7, 1.6]),
        LineStyle::Dotted => Some(&[1.0, 1.65]),
        LineStyle::DashDot => Some(&[6.4, 1.6, 1.0, 1.6]),
        LineStyle::Solid | LineStyle::None => None,
    }
}

/// Splits a polyline into the pieces a dash pattern draws.
pub(super) fn dash(points: &[(f64, f64)], pattern: &[f64], unit: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    let (mut idx, mut left) = (0usize, pattern[0] * unit);
    let on = |i: usize| i.is_multiple_of(2);
    for seg in points.windows(2) {
        let (a, b) = (seg[0], seg[1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut pos = 0.0;
        if on(idx) && cur.is_empty() {
            cur.push(a);
        }
        while len - pos > left && out.len() < 100_000 {
            pos += left;
            let t = pos / len;
            let q = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if on(idx) {
                cur.push(q);
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(q);
            }
            idx = (idx + 1) % pattern.len();
            left = pattern[idx] * unit;
        }
        left -= len - pos;
        if on(idx) {
            cur.push(b);
        }
    }
    if cur.len() > 1 && on(idx) {
        out.push(cur);
    }
    out
}

pub(super) fn draw_artist<DB: DrawingBackend>(
    p: &Painter<DB>,
    a: &Artist,
    b: BoxPx,
    (sx, sy): (&Scale, &Scale),
    to_px: &dyn Fn(f64, f64) -> (f64, f64),
) -> Res {
    let finite = |q: (f64, f64)| q.0.is_finite() && q.1.is_finite();
    let within = |q: (f64, f64)| {
        (b.x - 0.5..=b.right() + 0.5).contains(&q.0)
            && (b.y - 0.5..=b.bottom() + 0.5).contains(&q.1)
    };
    match a {
        Artist::Line {
            x,
            y,
            color,
            style,
            marker,
            width,
            marker_size,
            steps,
            ..
        } => {
            let pts: Vec<(f64, f64)> = x.iter().zip(y).map(|(&x, &y)| to_px(x, y)).collect();
            if *style != LineStyle::None {
                let path: Vec<(f64, f64)> = steps
                    .path(x, y)
                    .into_iter()
                    .map(|(x, y)| to_px(x, y))
                    .collect();
                polyline(p, &path, b, *color, *style, *width)?;
            }
            if let Some(m) = marker {
                let r = (marker_size / 2.0 * p.k).max(0.5);
                for q in pts.iter().copied().filter(|q| finite(*q) && within(*q)) {
                    p.marker(*m, q, r, *color)?;
                }
            }
        }
        Artist::Scatter {
            x,
            y,
            color,
            values,
            size,
            sizes,
            edge,
            edge_width,
            marker,
            ..
        } => {
            let range = values
                .as_ref()
                .and_then(|(v, cmap)| Some((v, *cmap, finite_range(v)?)));
            // A marker's radius in pixels from its area in points².
            let radius = |s: f64| (s.max(0.0).sqrt() / 2.0 * p.k).clamp(1.0, 1e4);
            let r = radius(*size);
            for (i, (&x, &y)) in x.iter().zip(y).enumerate() {
                let q = to_px(x, y);
                if !(finite(q) && within(q)) {
                    continue;
                }
                let c = match &range {
                    Some((v, cmap, (lo, hi))) => {
                        let t = v.get(i).map_or(0.0, |v| (v - lo) / (hi - lo));
                        cmap.at(if t.is_finite() { t } else { 0.0 })
                    }
                    None => *color,
                };
                let r = sizes.get(i).map_or(r, |&s| radius(s));
                p.marker(*marker, q, r, c)?;
                if let Some(e) = edge {
                    p.marker_edge(*marker, q, r, *e, *edge_width)?;
                }
            }
        }
        Artist::Bars {
            x,
            height,
            width,
            color,
            edge,
            horizontal,
            ..
        } => {
            for (&c, &h) in x.iter().zip(height) {
                // The far end and the base (0; on a log axis, the box's edge) in pixels.
                let (x0, y0, x1, y1) = if *horizontal {
                    let (x_end, y0) = to_px(h, c - width / 2.0);
                    let (x_base, y1) = to_px(if sx.log { f64::NAN } else { 0.0 }, c + width / 2.0);
                    let x_base = if x_base.is_finite() { x_base } else { b.x };
                    (x_end, y0, x_base, y1)
                } else {
                    let (x0, y_top) = to_px(c - width / 2.0, h);
                    let (x1, y_base) = to_px(c + width / 2.0, if sy.log { f64::NAN } else { 0.0 });
                    let y_base = if y_base.is_finite() {
                        y_base
                    } else {
                        b.bottom()
                    };
                    (x0, y_top, x1, y_base)
                };
                if ![x0, y0, x1, y1].iter().all(|v| v.is_finite()) {
                    continue;
                }
                let cx = |v: f64| v.clamp(b.x, b.right());
                let cy = |v: f64| v.clamp(b.y, b.bottom());
                let (xa, xb) = (cx(x0.min(x1)), cx(x0.max(x1)));
                let (ya, yb) = (cy(y0.min(y1)), cy(y0.max(y1)));
                if xb > xa && yb > ya {
                    p.fill((xa, ya), (xb, yb), *color)?;
                    if let Some(e) = edge {
                        p.frame((xa, ya), (xb, yb), *e, 1.0)?;
                    }
                }
            }
        }
        Artist::Image { h, w, pixels } => {
            draw_image(p, b, (*h, *w), pixels, to_px)?;
        }
        Artist::Contour {
            grid,
            levels,
            colors,
            filled,
            width,
            styles,
            ..
        } => {
            if *filled {
                draw_bands(p, grid, levels, colors, b, (sx, sy))?;
            } else {
                for (k, &level) in levels.iter().enumerate() {
                    let (Some(&c), Some(&style)) = (colors.get(k), styles.get(k)) else {
                        continue;
                    };
                    for line in grid.lines(level) {
                        let pts: Vec<(f64, f64)> = line.iter().map(|&(x, y)| to_px(x, y)).collect();
                        polyline(p, &pts, b, c, style, *width)?;
                    }
                }
            }
        }
        Artist::RefLine {
            vertical,
            at,
            color,
            style,
            width,
            ..
        } => {
            let pts = if *vertical {
                let x = b.x + sx.frac(*at) * b.w;
                [(x, b.bottom()), (x, b.y)]
            } else {
                let y = b.bottom() - sy.frac(*at) * b.h;
                [(b.x, y), (b.right(), y)]
            };
            polyline(p, &pts, b, *color, *style, *width)?;
        }
        Artist::Fill {
            x,
            y1,
            y2,
            color,
            alpha,
            ..
        } => {
            // One polygon per run of finite points, clipped to the box by the drawing area.
            let cx = |v: f64| v.clamp(b.x - 1.0, b.right() + 1.0);
            let cy = |v: f64| v.clamp(b.y - 1.0, b.bottom() + 1.0);
            let n = x.len().min(y1.len()).min(y2.len());
            let mut i = 0;
            while i < n {
                let ok = |j: usize| {
                    let (a, c) = (to_px(x[j], y1[j]), to_px(x[j], y2[j]));
                    a.0.is_finite() && a.1.is_finite() && c.1.is_finite()
                };
                if !ok(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < n && ok(i) {
                    i += 1;
                }
                let mut poly: Vec<(i32, i32)> = (start..i)
                    .map(|j| to_px(x[j], y1[j]))
                    .map(|(u, v)| px((cx(u), cy(v))))
                    .collect();
                poly.extend(
                    (start..i)
                        .rev()
                        .map(|j| to_px(x[j], y2[j]))
                        .map(|(u, v)| px((cx(u), cy(v)))),
                );
                let style = rgb(*color).mix(alpha.clamp(0.0, 1.0)).filled();
                p.area
                    .draw(&Polygon::new(poly, style))
                    .map_err(|e| e.to_string())?;
            }
        }
        Artist::ErrorBars {
            x,
            y,
            yerr,
            xerr,
            color,
            width,
            capsize,
        } => {
            let cap = capsize * p.k;
            for (i, (&px_, &py)) in x.iter().zip(y).enumerate() {
                if let Some((lo, hi)) = yerr.as_ref().and_then(|e| e.get(i)) {
                    let (a, c) = (to_px(px_, py - lo), to_px(px_, py + hi));
                    polyline(p, &[a, c], b, *color, LineStyle::Solid, *width)?;
                    if cap > 0.0 {
                        for q in [a, c] {
                            let seg = [(q.0 - cap, q.1), (q.0 + cap, q.1)];
                            polyline(p, &seg, b, *color, LineStyle::Solid, *width)?;
                        }
                    }
                }
                if let Some((lo, hi)) = xerr.as_ref().and_then(|e| e.get(i)) {
                    let (a, c) = (to_px(px_ - lo, py), to_px(px_ + hi, py));
                    polyline(p, &[a, c], b, *color, LineStyle::Solid, *width)?;
                    if cap > 0.0 {
                        for q in [a, c] {
                            let seg = [(q.0, q.1 - cap), (q.0, q.1 + cap)];
                            polyline(p, &seg, b, *color, LineStyle::Solid, *width)?;
                        }
                    }
                }
            }
        }
        Artist::Text {
            x,
            y,
            text,
            color,
            size,
            align,
            offset,
            arrow,
        } => {
            let q = to_px(*x, *y);
            let q = (q.0 + offset.0 * p.k, q.1 - offset.1 * p.k);
            if q.0.is_finite() && q.1.is_finite() {
                let h = match align.0 {
                    HAlign::Left => HPos::Left,
                    HAlign::Center => HPos::Center,
                    HAlign::Right => HPos::Right,
                };
                let v = match align.1 {
                    VAlign::Top => VPos::Top,
                    VAlign::Center => VPos::Center,
                    VAlign::Bottom => VPos::Bottom,
                };
                p.text_in(text, q, *size, (h, v), *color)?;
                if let Some(arrow) = arrow {
                    // The text's box, from its anchor and alignment.
                    let (w, ht) = (p.text_width(text, *size), size * p.k * 1.17);
                    let left = q.0 - w * [0.0, 0.5, 1.0][align.0 as usize];
                    let top = q.1 - ht * [0.0, 0.5, 1.0][align.1 as usize];
                    let to = to_px(arrow.to.0, arrow.to.1);
                    draw_arrow(p, arrow, ((left, top), (w, ht)), to)?;
                }
            }
        }
    }
    Ok(())
}

/// An annotation's arrow from the edge of its text's box `((left, top), (w, h))` to `to`
/// (pixels), as matplotlib clips it: nothing when the point is inside the text.
pub(super) fn draw_arrow<DB: DrawingBackend>(
    p: &Painter<DB>,
    arrow: &Arrow,
    ((left, top), (w, h)): ((f64, f64), (f64, f64)),
    to: (f64, f64),
) -> Res {
    let centre = (left + w / 2.0, top + h / 2.0);
    let d = (to.0 - centre.0, to.1 - centre.1);
    let len = d.0.hypot(d.1);
    if !len.is_finite() || len == 0.0 {
        return Ok(());
    }
    let u = (d.0 / len, d.1 / len);
    // Where the line from the centre leaves the box.
    let out = [(w / 2.0, u.0), (h / 2.0, u.1)]
        .iter()
        .filter(|(_, c)| *c != 0.0)
        .map(|(half, c)| half / c.abs())
        .fold(f64::INFINITY, f64::min);
    if out >= len {
        return Ok(());
    }
    let k = p.k;
    let (mut a, mut b) = (out + arrow.shrink.0 * k, len - arrow.shrink.1 * k);
    let cut = arrow.shrink_frac * (b - a);
    (a, b) = (a + cut, b - cut);
    let (head_len, head_half) = (arrow.head_size.0 * k, arrow.head_size.1 * k);
    if (b - a).is_nan() || b <= a || !(b - a).is_finite() {
        return Ok(());
    }
    let at = |t: f64| (centre.0 + u.0 * t, centre.1 + u.1 * t);
    let tip = at(b);
    let base = at((b - head_len).max(a));
    let side = |s: f64| (base.0 - u.1 * head_half * s, base.1 + u.0 * head_half * s);
    let shaft_end = if arrow.head == ArrowHead::Filled {
        base
    } else {
        tip
    };
    p.path(&[at(a), shaft_end], arrow.color, arrow.width)?;
    match arrow.head {
        ArrowHead::None => Ok(()),
        ArrowHead::Open => p.path(&[side(1.0), tip, side(-1.0)], arrow.color, arrow.width),
        ArrowHead::Filled => p
            .area
            .draw(&Polygon::new(
                vec![px(tip), px(side(1.0)), px(side(-1.0))],
                p.color(arrow.color).filled(),
            ))
            .map_err(|e| e.to_string()),
    }
}

/// A polyline in pixels, split where a point is not finite, each piece clipped to the box
/// and dashed by `style`.
pub(super) fn polyline<DB: DrawingBackend>(
    p: &Painter<DB>,
    pts: &[(f64, f64)],
    b: BoxPx,
    color: Rgb,
    style: LineStyle,
    width: f64,
) -> Res {
    let finite = |q: (f64, f64)| q.0.is_finite() && q.1.is_finite();
    let clipped = |q0: (f64, f64), q1: (f64, f64)| {
        clip((q0.0 - b.x, q0.1 - b.y), (q1.0 - b.x, q1.1 - b.y), b.w, b.h)
            .map(|(u, v)| ((u.0 + b.x, u.1 + b.y), (v.0 + b.x, v.1 + b.y)))
    };
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for w in pts.windows(2) {
        let seg = (finite(w[0]) && finite(w[1]))
            .then(|| clipped(w[0], w[1]))
            .flatten();
        match seg {
            Some((u, v)) => {
                if cur.last() != Some(&u) {
                    if cur.len() > 1 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur = vec![u];
                }
                cur.push(v);
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    for run in runs {
        match dashes(style) {
            Some(pattern) => {
                for piece in dash(&run, pattern, width * p.k) {
                    p.path(&piece, color, width)?;
                }
            }
            None => p.path(&run, color, width)?,
        }
    }
    Ok(())
}

/// An image as one rectangle per shown cell: each source pixel (pixel `(r, c)` covers
/// `c ± 0.5`, `r ± 0.5` in data units), or, when the image has more pixels than its extent on
/// screen, each screen pixel sampled from the nearest source pixel; clipped to the box.
pub(super) fn draw_image<DB: DrawingBackend>(
    p: &Painter<DB>,
    b: BoxPx,
    (ih, iw): (usize, usize),
    pixels: &Pixels,
    to_px: &dyn Fn(f64, f64) -> (f64, f64),
) -> Res {
    if ih == 0 || iw == 0 {
        return Ok(());
    }
    let (ax0, ay0) = to_px(-0.5, -0.5);
    let (ax1, ay1) = to_px(iw as f64 - 0.5, ih as f64 - 0.5);
    if ![ax0, ay0, ax1, ay1].iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    let cols = iw.min((ax1 - ax0).abs().clamp(1.0, 8192.0) as usize);
    let rows = ih.min((ay1 - ay0).abs().clamp(1.0, 8192.0) as usize);
    let cx = |v: f64| v.clamp(b.x, b.right());
    let cy = |v: f64| v.clamp(b.y, b.bottom());
    for r in 0..rows {
        let y0 = cy(ay0 + (ay1 - ay0) * r as f64 / rows as f64);
        let y1 = cy(ay0 + (ay1 - ay0) * (r + 1) as f64 / rows as f64);
        if y0 == y1 {
            continue;
        }
        for c in 0..cols {
            let x0 = cx(ax0 + (ax1 - ax0) * c as f64 / cols as f64);
            let x1 = cx(ax0 + (ax1 - ax0) * (c + 1) as f64 / cols as f64);
            let (sx, sy) = (c * iw / cols, r * ih / rows);
            let Some(color) = pixel_color(pixels, sy * iw + sx) else {
                continue;
            };
            if x0 != x1 {
                p.fill((x0, y0), (x1, y1), color)?;
            }
        }
    }
    Ok(())
}

/// Filled contours: the band of the value at each pixel's centre, painted as runs of equal
/// colour per pixel row (so translucent bands do not overlap at their edges).
pub(super) fn draw_bands<DB: DrawingBackend>(
    p: &Painter<DB>,
    grid: &crate::display::contour::ContourGrid,
    levels: &[f64],
    colors: &[Rgb],
    b: BoxPx,
    (sx, sy): (&Scale, &Scale),
) -> Res {
    let (x0, x1) = (b.x.round() as i64, b.right().round() as i64);
    let (y0, y1) = (b.y.round() as i64, b.bottom().round() as i64);
    if x1 <= x0 || y1 <= y0 || x1 - x0 > 1 << 15 || y1 - y0 > 1 << 15 {
        return Ok(());
    }
    let xs: Vec<f64> = (x0..x1)
        .map(|c| sx.at_frac((c as f64 + 0.5 - b.x) / b.w))
        .collect();
    for row in y0..y1 {
        let v = sy.at_frac(1.0 - (row as f64 + 0.5 - b.y) / b.h);
        let mut run: Option<(i64, usize)> = None;
        for (c, u) in (x0..=x1).zip(xs.iter().map(Some).chain([None])) {
            let k = u.and_then(|&u| crate::display::contour::band(levels, grid.value_at(u, v)?));
            if run.map(|r| r.1) == k {
                continue;
            }
            if let Some((start, band)) = run {
                if let Some(&color) = colors.get(band) {
                    p.fill(
                        (start as f64, row as f64),
                        (c as f64, row as f64 + 1.0),
                        color,
                    )?;
                }
            }
            run = k.map(|k| (c, k));
        }
    }
    Ok(())
}
