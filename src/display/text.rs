//! A figure drawn with characters: charts in Unicode braille (2 × 4 dots a cell) with axes,
//! ticks, labels and a legend; images in half blocks (two pixels a cell) in 24-bit colour, or a
//! grey ramp of ASCII characters without colour. Any data (NaN, infinities, 1e308, empty) and
//! any size draw something; nothing here panics.

use super::axis::{apply_aspect, axis_ticks, clip, format_tick, is_shared, shared_scale, Scale};
use super::figure::{pixel_color, Artist, Axes, Figure, HAlign, LegendLoc, LineStyle, Pixels, Rgb};
use super::legend::{self, Obstacles};

const GREY: Rgb = Rgb(0x80, 0x80, 0x80);
const RAMP: &[u8] = b" .:-=+*#%@";

#[derive(Clone, Copy, PartialEq)]
struct Cell {
    ch: char,
    fg: Option<Rgb>,
    bg: Option<Rgb>,
}

const BLANK: Cell = Cell {
    ch: ' ',
    fg: None,
    bg: None,
};

/// A rectangle of styled character cells.
struct Grid {
    w: usize,
    h: usize,
    cells: Vec<Cell>,
}

impl Grid {
    fn new(w: usize, h: usize) -> Grid {
        Grid {
            w,
            h,
            cells: vec![BLANK; w * h],
        }
    }

    fn put(&mut self, x: usize, y: usize, cell: Cell) {
        if x < self.w && y < self.h {
            self.cells[y * self.w + x] = cell;
        }
    }

    /// Writes `s` from column `x`, clipped at `limit` (exclusive).
    fn text(&mut self, x: usize, y: usize, s: &str, fg: Option<Rgb>, limit: usize) {
        for (i, ch) in s.chars().enumerate() {
            if x + i >= limit.min(self.w) {
                break;
            }
            self.put(x + i, y, Cell { ch, fg, bg: None });
        }
    }

    /// `s` centred in columns `x..x + w`.
    fn centred(&mut self, x: usize, w: usize, y: usize, s: &str) {
        let n = s.chars().count();
        let start = x + w.saturating_sub(n) / 2;
        self.text(start, y, s, None, x + w);
    }

    fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for y in 0..self.h {
            let row = &self.cells[y * self.w..(y + 1) * self.w];
            let end = row
                .iter()
                .rposition(|c| c.ch != ' ' || (color && c.bg.is_some()))
                .map_or(0, |i| i + 1);
            let mut style: (Option<Rgb>, Option<Rgb>) = (None, None);
            for c in &row[..end] {
                if color {
                    let want = (c.fg, c.bg);
                    if want != style {
                        out.push_str("\x1b[0m");
                        if let Some(Rgb(r, g, b)) = c.fg {
                            out.push_str(&format!("\x1b[38;2;{r};{g};{b}m"));
                        }
                        if let Some(Rgb(r, g, b)) = c.bg {
                            out.push_str(&format!("\x1b[48;2;{r};{g};{b}m"));
                        }
                        style = want;
                    }
                }
                out.push(c.ch);
            }
            if color && style != (None, None) {
                out.push_str("\x1b[0m");
            }
            out.push('\n');
        }
        out
    }
}

/// `fig` as `width × height` character cells (plus a line for a suptitle); `color` adds 24-bit
/// ANSI colours.
pub fn render_text(fig: &Figure, width: usize, height: usize, color: bool) -> String {
    let width = width.clamp(10, 1000);
    let height = height.clamp(4, 500);
    let mut grid = Grid::new(width, height);
    let mut top = 0;
    if let Some(s) = &fig.suptitle {
        grid.centred(0, width, 0, s);
        top = 1;
    }
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    let cw = (width + 1) / cols;
    let ch = (height - top) / rows;
    for (i, ax) in fig.axes.iter().enumerate() {
        let (r, c) = (i / cols, i % cols);
        if r >= rows || cw < 2 || ch < 1 {
            continue;
        }
        let rect = Rect {
            x: c * cw,
            y: top + r * ch,
            w: cw.saturating_sub(1).max(1),
            h: ch,
        };
        let scales = (shared_scale(fig, i, false), shared_scale(fig, i, true));
        let shared = (is_shared(fig, i, false), is_shared(fig, i, true));
        draw_axes(&mut grid, ax, (scales, shared), rect, color);
    }
    grid.render(color)
}

#[derive(Clone, Copy, Debug)]
struct Rect {
    x: usize,
    y: usize,
    w: usize,
    h: usize,
}

fn draw_axes(
    grid: &mut Grid,
    ax: &Axes,
    (scales, shared): ((Scale, Scale), (bool, bool)),
    mut r: Rect,
    color: bool,
) {
    if let Some(t) = &ax.title {
        grid.centred(r.x, r.w, r.y, t);
        r.y += 1;
        r.h = r.h.saturating_sub(1);
    }
    if r.h == 0 {
        return;
    }
    let image = ax.artists.iter().find_map(|a| match a {
        Artist::Image { h, w, pixels } => Some((*h, *w, pixels)),
        _ => None,
    });
    match image {
        Some((h, w, pixels)) => {
            let stretch = ax.aspect.is_none();
            draw_image(grid, r, (h, w), pixels, (ax.colorbar, stretch), color)
        }
        None => draw_chart(grid, ax, (scales, shared), r),
    }
}

// ---------------------------------------------------------------- images

fn luminance(c: Rgb) -> f64 {
    (0.2126 * c.0 as f64 + 0.7152 * c.1 as f64 + 0.0722 * c.2 as f64) / 255.0
}

fn ramp_char(lum: f64) -> char {
    let i = (lum.clamp(0.0, 1.0) * (RAMP.len() - 1) as f64).round() as usize;
    RAMP[i.min(RAMP.len() - 1)] as char
}

/// The average colour of source pixels `x0..x1 × y0..y1` (None where all are NaN).
fn average(
    pixels: &Pixels,
    w: usize,
    (x0, x1): (usize, usize),
    (y0, y1): (usize, usize),
) -> Option<Rgb> {
    let (mut sum, mut n) = ([0.0f64; 3], 0.0);
    for y in y0..y1 {
        for x in x0..x1 {
            if let Some(c) = pixel_color(pixels, y * w + x) {
                sum[0] += c.0 as f64;
                sum[1] += c.1 as f64;
                sum[2] += c.2 as f64;
                n += 1.0;
            }
        }
    }
    (n > 0.0).then(|| {
        let c = |s: f64| (s / n).round() as u8;
        Rgb(c(sum[0]), c(sum[1]), c(sum[2]))
    })
}

/// An image scaled to fit (keeping its aspect: a half-block cell is about square; or
/// filling the area with `aspect='auto'`), centred, each cell an upper half block coloured
/// with the top pixel over the bottom one.
fn draw_image(
    grid: &mut Grid,
    mut r: Rect,
    (ih, iw): (usize, usize),
    pixels: &Pixels,
    (colorbar, stretch): (bool, bool),
    color: bool,
) {
    let bar = match pixels {
        Pixels::Scalar {
            cmap, vmin, vmax, ..
        } if colorbar && r.h >= 3 => Some((*cmap, *vmin, *vmax)),
        _ => None,
    };
    if bar.is_some() {
        r.h -= 1;
    }
    if ih == 0 || iw == 0 || r.w == 0 || r.h == 0 {
        return;
    }
    let scale = (r.w as f64 / iw as f64).min(2.0 * r.h as f64 / ih as f64);
    let (tw, th) = if stretch {
        (r.w, 2 * r.h)
    } else {
        (
            ((iw as f64 * scale).floor() as usize).clamp(1, r.w),
            ((ih as f64 * scale).floor() as usize).clamp(1, 2 * r.h),
        )
    };
    let span = |t: usize, target: usize, source: usize| {
        let a = t * source / target;
        let b = ((t + 1) * source / target).max(a + 1).min(source);
        (a.min(source - 1), b)
    };
    let sample = |tx: usize, ty: usize| {
        if ty >= th {
            return None;
        }
        average(pixels, iw, span(tx, tw, iw), span(ty, th, ih))
    };
    let left = r.x + (r.w - tw) / 2;
    for cy in 0..th.div_ceil(2) {
        for tx in 0..tw {
            let (top, bottom) = (sample(tx, 2 * cy), sample(tx, 2 * cy + 1));
            let cell = if color {
                match (top, bottom) {
                    (Some(t), b) => Cell {
                        ch: '▀',
                        fg: Some(t),
                        bg: b,
                    },
                    (None, Some(b)) => Cell {
                        ch: '▄',
                        fg: Some(b),
                        bg: None,
                    },
                    (None, None) => BLANK,
                }
            } else {
                let lums: Vec<f64> = [top, bottom]
                    .iter()
                    .flatten()
                    .map(|c| luminance(*c))
                    .collect();
                if lums.is_empty() {
                    BLANK
                } else {
                    let lum = lums.iter().sum::<f64>() / lums.len() as f64;
                    Cell {
                        ch: ramp_char(lum),
                        fg: None,
                        bg: None,
                    }
                }
            };
            grid.put(left + tx, r.y + cy, cell);
        }
    }
    if let Some((cmap, vmin, vmax)) = bar {
        let y = r.y + th.div_ceil(2);
        let (lo, hi) = (format_tick(vmin, 0.0), format_tick(vmax, 0.0));
        let n = r.w.saturating_sub(lo.len() + hi.len() + 2).min(24);
        let mut line_x = r.x + r.w.saturating_sub(n + lo.len() + hi.len() + 2) / 2;
        grid.text(line_x, y, &lo, None, r.x + r.w);
        line_x += lo.len() + 1;
        for i in 0..n {
            let t = if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            };
            let c = cmap.at(t);
            let cell = if color {
                Cell {
                    ch: '█',
                    fg: Some(c),
                    bg: None,
                }
            } else {
                Cell {
                    ch: ramp_char(luminance(c)),
                    fg: None,
                    bg: None,
                }
            };
            grid.put(line_x + i, y, cell);
        }
        grid.text(line_x + n + 1, y, &hi, None, r.x + r.w);
    }
}

// ---------------------------------------------------------------- charts

/// The braille dots of the plot area, each cell with the colour drawn last.
struct Dots {
    w: usize,
    h: usize,
    bits: Vec<u8>,
    color: Vec<Option<Rgb>>,
}

impl Dots {
    fn new(w: usize, h: usize) -> Dots {
        Dots {
            w,
            h,
            bits: vec![0; w * h],
            color: vec![None; w * h],
        }
    }

    fn set(&mut self, x: i64, y: i64, c: Rgb) {
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

fn dash_on(style: LineStyle, k: usize) -> bool {
    match style {
        LineStyle::Solid => true,
        LineStyle::Dashed => k % 6 < 4,
        LineStyle::Dotted => k.is_multiple_of(3),
        LineStyle::DashDot => matches!(k % 9, 0..=3 | 6),
        LineStyle::None => false,
    }
}

/// A polyline in dots (None breaks it), clipped to the plot area.
fn trace(
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

fn draw_chart(
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
                        .and_then(|z| super::contour::band(levels, z));
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

fn plain(ch: char) -> Cell {
    Cell {
        ch,
        fg: None,
        bg: None,
    }
}

/// A point marker: a 2 × 2 block of dots.
fn mark(dots: &mut Dots, p: (f64, f64), c: Rgb) {
    let (x, y) = (p.0.round() as i64, p.1.round() as i64);
    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
        dots.set(x + dx - 1, y + dy - 1, c);
    }
}

/// The labelled artists as `── label` lines at `loc` in the plot area (`to_dot` maps data to
/// its braille dots).
fn draw_legend(
    grid: &mut Grid,
    ax: &Axes,
    r: Rect,
    loc: LegendLoc,
    to_dot: &dyn Fn(f64, f64) -> (f64, f64),
) {
    let entries: Vec<(&str, Rgb, &str)> = legend::entries(ax)
        .into_iter()
        .filter_map(|(l, a)| match a {
            Artist::Line { color, style, .. } => Some((
                l,
                *color,
                if *style == LineStyle::None {
                    "••"
                } else {
                    "──"
                },
            )),
            Artist::RefLine { color, .. } => Some((l, *color, "──")),
            Artist::Scatter { color, .. } => Some((l, *color, "••")),
            Artist::Bars { color, .. } => Some((l, *color, "██")),
            Artist::Fill { color, .. } => Some((l, *color, "▒▒")),
            _ => None,
        })
        .collect();
    let width = entries
        .iter()
        .map(|(l, _, _)| l.chars().count() + 3)
        .max()
        .unwrap_or(0);
    if entries.is_empty() || width + 1 > r.w {
        return;
    }
    let rows = entries.len().min(r.h);
    let area = (2.0 * r.w as f64, 4.0 * r.h as f64);
    let obstacles = Obstacles::of(ax, to_dot, area);
    let (lx, ly) = legend::place(
        loc,
        area,
        (2.0 * width as f64, 4.0 * rows as f64),
        0.0,
        &obstacles,
    );
    let x = r.x + ((lx / 2.0).round() as usize).min(r.w - width);
    let y = r.y + ((ly / 4.0).round() as usize).min(r.h - rows);
    for (i, (label, color, sym)) in entries.iter().enumerate().take(rows) {
        for dx in 0..width {
            grid.put(x + dx, y + i, BLANK);
        }
        grid.text(x, y + i, sym, Some(*color), x + 2);
        grid.text(x + 3, y + i, label, None, x + width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::figure::{Cmap, Steps, CYCLE};

    fn line(x: Vec<f64>, y: Vec<f64>, label: Option<&str>) -> Artist {
        Artist::Line {
            x,
            y,
            label: label.map(String::from),
            color: CYCLE[0],
            style: LineStyle::Solid,
            marker: None,
            width: 1.5,
            alpha: 1.0,
            marker_size: 6.0,
            steps: crate::display::figure::Steps::None,
        }
    }

    fn plain_text(fig: &Figure, w: usize, h: usize) -> String {
        render_text(fig, w, h, false)
    }

    #[test]
    fn line_chart_has_axes_ticks_title_and_braille() {
        let mut fig = Figure::default();
        fig.axes[0].title = Some("squares".into());
        fig.axes[0].xlabel = Some("epoch".into());
        fig.axes[0]
            .artists
            .push(line(vec![0.0, 1.0, 2.0], vec![1.0, 4.0, 9.0], None));
        let s = plain_text(&fig, 60, 20);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 20);
        assert!(lines[0].trim() == "squares", "{s}");
        assert!(
            s.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
            "{s}"
        );
        assert!(s.contains('└') && s.contains('┤') && s.contains('┬'));
        assert!(lines[19].trim() == "epoch", "{s}");
        // Ticks 0.0 … 2.0 along x and 2 … 8 along y.
        let xrow = lines[18];
        for t in ["0.0", "0.5", "1.0", "1.5", "2.0"] {
            assert!(xrow.contains(t), "{xrow}");
        }
        assert!(s.lines().any(|l| l.trim_start().starts_with("8┤")), "{s}");
        // The line rises: the first column's dots are lower than the last column's.
        let col_rows = |col: usize| {
            lines.iter().position(|l| {
                l.chars()
                    .nth(col)
                    .is_some_and(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
            })
        };
        let first = (0..60).find_map(|c| col_rows(c).map(|r| (c, r))).unwrap();
        let last = (0..60)
            .rev()
            .find_map(|c| col_rows(c).map(|r| (c, r)))
            .unwrap();
        assert!(first.1 > last.1, "{first:?} {last:?}\n{s}");
    }

    #[test]
    fn legend_and_colour() {
        let mut fig = Figure::default();
        fig.axes[0].legend = Some(LegendLoc::Best);
        fig.axes[0]
            .artists
            .push(line(vec![0.0, 1.0], vec![0.0, 1.0], Some("train")));
        let s = render_text(&fig, 40, 12, true);
        assert!(s.contains("train"));
        assert!(s.contains("\x1b[38;2;31;119;180m"), "{s:?}");
        assert!(!plain_text(&fig, 40, 12).contains('\x1b'));
    }

    #[test]
    fn image_half_blocks_in_colour_and_ramp_without() {
        let mut fig = Figure::default();
        fig.axes[0].artists.push(Artist::Image {
            h: 2,
            w: 2,
            pixels: Pixels::Scalar {
                values: vec![0.0, 1.0, 1.0, 0.0],
                cmap: Cmap::Gray,
                vmin: 0.0,
                vmax: 1.0,
            },
        });
        let s = render_text(&fig, 20, 10, true);
        assert!(s.contains('▀'));
        assert!(s.contains("\x1b[38;2;0;0;0m\x1b[48;2;0;0;0m"), "{s:?}");
        assert!(s.contains("\x1b[38;2;255;255;255m"), "{s:?}");
        let t = plain_text(&fig, 20, 10);
        assert!(t.contains('@') && t.contains("  "), "{t}");
        // A checkerboard scaled up: the top-left quarter dark, top-right bright.
        let first = t.lines().next().unwrap();
        assert!(first.trim_end().ends_with('@'), "{t}");
    }

    #[test]
    fn colorbar_row_under_image() {
        let mut fig = Figure::default();
        fig.axes[0].colorbar = true;
        fig.axes[0].artists.push(Artist::Image {
            h: 1,
            w: 3,
            pixels: Pixels::Scalar {
                values: vec![0.0, 5.0, 10.0],
                cmap: Cmap::Viridis,
                vmin: 0.0,
                vmax: 10.0,
            },
        });
        let t = plain_text(&fig, 30, 8);
        assert!(
            t.lines()
                .any(|l| l.trim().starts_with("0 ") && l.trim().ends_with(" 10")),
            "{t}"
        );
    }

    #[test]
    fn subplots_side_by_side_and_suptitle() {
        let mut fig = Figure::new((6.4, 4.8), 1, 2);
        fig.suptitle = Some("both".into());
        fig.axes[0].title = Some("left".into());
        fig.axes[1].title = Some("right".into());
        fig.axes[0]
            .artists
            .push(line(vec![0.0, 1.0], vec![0.0, 1.0], None));
        let s = plain_text(&fig, 60, 12);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0].trim(), "both");
        let l = lines[1];
        assert!(
            l.find("left").unwrap() < 30 && l.find("right").unwrap() > 30,
            "{s}"
        );
    }

    #[test]
    fn log_axis_labels_powers_of_ten() {
        let mut fig = Figure::default();
        fig.axes[0].ylog = true;
        fig.axes[0]
            .artists
            .push(line(vec![0.0, 1.0, 2.0], vec![1.0, 100.0, 10000.0], None));
        let s = plain_text(&fig, 50, 16);
        assert!(s.contains("10⁰┤") && s.contains("10⁴┤"), "{s}");
    }

    #[test]
    fn hostile_data_and_sizes_draw_without_panicking() {
        let values = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e308,
            -1e308,
            0.0,
            1e-320,
        ];
        for w in [0, 1, 5, 11, 80] {
            for h in [0, 1, 3, 24] {
                let mut fig = Figure::new((1.0, 1.0), 2, 2);
                fig.suptitle = Some("t".into());
                fig.axes[0].artists.push(line(
                    values.to_vec(),
                    values.iter().rev().copied().collect(),
                    Some("l"),
                ));
                fig.axes[0].legend = Some(LegendLoc::Best);
                fig.axes[1].ylog = true;
                fig.axes[1].xlim = Some((5.0, 5.0));
                fig.axes[1].artists.push(Artist::Bars {
                    x: values.to_vec(),
                    height: values.to_vec(),
                    width: f64::INFINITY,
                    label: None,
                    color: CYCLE[1],
                    alpha: 1.0,
                    edge: None,
                    horizontal: false,
                });
                fig.axes[2].artists.push(Artist::Image {
                    h: 3,
                    w: 0,
                    pixels: Pixels::Rgb(vec![]),
                });
                fig.axes[3].artists.push(Artist::Scatter {
                    x: values.to_vec(),
                    y: values.to_vec(),
                    label: None,
                    color: CYCLE[2],
                    values: Some((values.to_vec(), Cmap::Viridis)),
                    size: 36.0,
                    sizes: values.iter().map(|v| v * 1e300).collect(),
                    edge: Some(CYCLE[0]),
                    edge_width: f64::INFINITY,
                    alpha: 1.0,
                    marker: crate::display::figure::Marker::Circle,
                });
                for (i, v) in values.iter().enumerate() {
                    let ax = &mut fig.axes[i % 4];
                    ax.legend = Some(LegendLoc::ALL[i % 11]);
                    ax.xcats = vec!["a".into(); i];
                    ax.yticks = Some(vec![(*v, "t".into())]);
                    ax.artists.push(Artist::RefLine {
                        vertical: i % 2 == 0,
                        at: *v,
                        label: Some("r".into()),
                        color: CYCLE[3],
                        style: LineStyle::Dashed,
                        width: 1.0,
                    });
                    ax.artists.push(Artist::Fill {
                        x: values.to_vec(),
                        y1: values.iter().rev().copied().collect(),
                        y2: vec![*v; values.len()],
                        label: Some("f".into()),
                        color: CYCLE[4],
                        alpha: 0.3,
                    });
                    ax.artists.push(Artist::ErrorBars {
                        x: values.to_vec(),
                        y: values.to_vec(),
                        yerr: Some(vec![(*v, *v); values.len()]),
                        xerr: Some(vec![(1.0, *v); 2]),
                        color: CYCLE[5],
                        width: 1.0,
                        capsize: *v,
                    });
                    ax.artists.push(Artist::Text {
                        x: *v,
                        y: 0.5,
                        text: "x".repeat(i * 40),
                        color: CYCLE[6],
                        size: 10.0,
                        align: (HAlign::Right, super::super::figure::VAlign::Top),
                        offset: (*v, -*v),
                        arrow: Some(super::super::figure::Arrow {
                            to: (*v, 0.25),
                            color: CYCLE[7],
                            width: *v,
                            head: {
                                use super::super::figure::ArrowHead::*;
                                [None, Open, Filled][i % 3]
                            },
                            head_size: (*v, 1.0),
                            shrink: (*v, 2.0),
                            shrink_frac: *v,
                        }),
                    });
                }
                // Contours over hostile values and coordinates, filled and as lines.
                for (k, filled) in [(0, true), (3, false)] {
                    fig.axes[k].artists.push(Artist::Contour {
                        grid: super::super::contour::ContourGrid {
                            xs: vec![-1e308, 0.0, 1e308],
                            ys: vec![0.0, 1e-320],
                            z: values[..6].to_vec(),
                        },
                        levels: vec![-1e308, 0.0, 1.0, 1e308],
                        colors: vec![CYCLE[0], CYCLE[1], CYCLE[2], CYCLE[3]],
                        filled,
                        alpha: 0.5,
                        width: 1.5,
                        styles: vec![LineStyle::Dashed; 4],
                    });
                }
                let _ = render_text(&fig, w, h, true);
                // Staircases through the same points.
                for (k, a) in fig
                    .axes
                    .iter_mut()
                    .flat_map(|ax| ax.artists.iter_mut())
                    .enumerate()
                {
                    if let Artist::Line { steps, .. } = a {
                        *steps = [Steps::Pre, Steps::Post, Steps::Mid][k % 3];
                    }
                }
                // Aspects over the same data: box and datalim, tiny and huge ratios,
                // margins beyond the data.
                let aspects = [(1.0, false), (1.0, true), (1e-300, true), (1e300, false)];
                for (ax, (ratio, datalim)) in fig.axes.iter_mut().zip(aspects) {
                    ax.aspect = Some(crate::display::figure::Aspect { ratio, datalim });
                    ax.margins = Some((-0.49, 1e300));
                }
                let _ = render_text(&fig, w, h, true);
                let _ = render_text(&fig, w, h, false);
                if w == 80 && h == 24 {
                    fig.size = (4.0, 3.0);
                    fig.dpi = 50.0;
                    let _ = crate::display::raster::render_png(&fig);
                    let _ = crate::display::raster::render_png_tight(&fig, 0.1);
                    let _ = crate::display::raster::render_svg_tight(&fig, -3.0);
                }
            }
        }
    }
}
