//! What the text and raster renderers share about an axis: the interval it shows (with
//! matplotlib's 5% margins, or the limits set), log scales, and round tick values with their
//! labels.

use super::figure::{Artist, Aspect, Axes, Figure, Share};

/// One axis: the data interval shown, and whether it is logarithmic (then `lo`/`hi` are
/// log10 of the limits).
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

impl Scale {
    pub fn value(&self, v: f64) -> f64 {
        if self.log {
            if v > 0.0 {
                v.log10()
            } else {
                f64::NAN
            }
        } else {
            v
        }
    }

    /// `v` as a fraction of the axis (0 at `lo`, 1 at `hi`), NaN where it cannot be shown.
    pub fn frac(&self, v: f64) -> f64 {
        let t = self.value(v);
        (t - self.lo) / (self.hi - self.lo)
    }

    /// The data value at fraction `f` of the axis (the inverse of `frac`).
    pub fn at_frac(&self, f: f64) -> f64 {
        let t = self.lo + f * (self.hi - self.lo);
        if self.log {
            10f64.powf(t)
        } else {
            t
        }
    }
}

/// The values an axis shows (its artists' data along x or y), and its sticky edges: values
/// margins do not pass (a bar's base at 0, an image's border), as matplotlib's.
pub fn axis_values(ax: &Axes, y: bool) -> (Vec<f64>, Vec<f64>) {
    let (mut out, mut sticky) = (Vec::new(), Vec::new());
    for a in &ax.artists {
        match a {
            Artist::Line { x, y: ys, .. } | Artist::Scatter { x, y: ys, .. } => {
                out.extend(if y { ys } else { x });
            }
            Artist::Bars {
                x,
                height,
                width,
                horizontal,
                ..
            } => {
                // The length axis starts at a sticky 0; the other holds the bars' extents.
                if y != *horizontal {
                    out.extend(height);
                    out.push(0.0);
                    sticky.push(0.0);
                } else {
                    out.extend(x.iter().flat_map(|c| [c - width / 2.0, c + width / 2.0]));
                }
            }
            Artist::Image { h, w, .. } => {
                let edges = [-0.5, if y { *h } else { *w } as f64 - 0.5];
                out.extend(edges);
                sticky.extend(edges);
            }
            Artist::RefLine { vertical, at, .. } => {
                if *vertical != y {
                    out.push(*at);
                }
            }
            Artist::Fill { x, y1, y2, .. } => {
                // Points left out by `where=` (NaN) take no part, as in matplotlib.
                for ((&x, &a), &b) in x.iter().zip(y1).zip(y2) {
                    if a.is_nan() || b.is_nan() {
                        continue;
                    }
                    if y {
                        out.extend([a, b]);
                    } else {
                        out.push(x);
                    }
                }
            }
            Artist::ErrorBars {
                x: xs,
                y: ys,
                yerr,
                xerr,
                ..
            } => {
                let (at, err) = if y { (ys, yerr) } else { (xs, xerr) };
                out.extend(at);
                if let Some(e) = err {
                    out.extend(at.iter().zip(e).flat_map(|(v, (lo, hi))| [v - lo, v + hi]));
                }
            }
            Artist::Text { .. } => {}
            Artist::Contour { grid, .. } => {
                // The grid's extent, without margins (matplotlib autoscales contours tight).
                let c = if y { &grid.ys } else { &grid.xs };
                if let (Some(&lo), Some(&hi)) = (c.first(), c.last()) {
                    out.extend([lo, hi]);
                    sticky.extend([lo, hi]);
                }
            }
        }
    }
    (out, sticky)
}

/// The interval an axis shows: its limits if set, else the data's with 5% margins (or those
/// of `margins()`; in log space on a log axis) stopped at sticky edges; a single value is
/// widened by 5% first. An image's y axis runs downwards. Always finite with `lo != hi`.
pub fn scale_for(ax: &Axes, y: bool) -> Scale {
    scale_over(&[ax], y)
}

/// Whether axes `i`'s x (y) limits are shared with other axes of its grid.
pub fn is_shared(fig: &Figure, i: usize, y: bool) -> bool {
    let share = if y { fig.sharey } else { fig.sharex };
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    match share {
        Share::None => false,
        Share::All => fig.axes.len() > 1 && i < fig.axes.len(),
        Share::Row => cols > 1,
        Share::Col => rows > 1,
    }
}

/// The scale of axes `i` of `fig` along x or y, over every axes it shares that axis with
/// (`subplots(sharex=...)`).
pub fn shared_scale(fig: &Figure, i: usize, y: bool) -> Scale {
    let share = if y { fig.sharey } else { fig.sharex };
    let cols = fig.cols.max(1);
    let mut group: Vec<&Axes> = fig.axes.get(i).into_iter().collect();
    group.extend(fig.axes.iter().enumerate().filter_map(|(j, a)| {
        let with = j != i
            && match share {
                Share::None => false,
                Share::All => true,
                Share::Row => j / cols == i / cols,
                Share::Col => j % cols == i % cols,
            };
        with.then_some(a)
    }));
    scale_over(&group, y)
}

/// The scale over a group of axes sharing it: the first one's limits or log setting, the
/// data of all.
fn scale_over(group: &[&Axes], y: bool) -> Scale {
    let lim = group.iter().find_map(|a| if y { a.ylim } else { a.xlim });
    let margin = match group.first().and_then(|a| a.margins) {
        Some((mx, my)) => {
            if y {
                my
            } else {
                mx
            }
        }
        None => 0.05,
    };
    let log = group
        .first()
        .is_some_and(|a| if y { a.ylog } else { a.xlog });
    let mut s = Scale {
        lo: f64::INFINITY,
        hi: f64::NEG_INFINITY,
        log,
    };
    match lim {
        Some((a, b)) => {
            (s.lo, s.hi) = (s.value(a), s.value(b));
        }
        None => {
            let (mut values, mut sticky) = (Vec::new(), Vec::new());
            for ax in group {
                let (v, st) = axis_values(ax, y);
                values.extend(v);
                sticky.extend(st);
            }
            for v in values {
                let t = s.value(v);
                if t.is_finite() {
                    s.lo = s.lo.min(t);
                    s.hi = s.hi.max(t);
                }
            }
            if s.lo.is_finite() && s.hi.is_finite() {
                if s.lo == s.hi {
                    let d = if s.lo == 0.0 { 0.05 } else { s.lo.abs() * 0.05 };
                    (s.lo, s.hi) = (s.lo - d, s.hi + d);
                }
                let margin = (s.hi - s.lo) * margin;
                if margin.is_finite() {
                    let sticky: Vec<f64> = sticky.iter().map(|&v| s.value(v)).collect();
                    let lo = s.lo - margin;
                    let hi = s.hi + margin;
                    s.lo = sticky
                        .iter()
                        .copied()
                        .filter(|&v| lo < v && v <= s.lo)
                        .fold(lo, f64::max);
                    s.hi = sticky
                        .iter()
                        .copied()
                        .filter(|&v| s.hi <= v && v < hi)
                        .fold(hi, f64::min);
                }
                let image = group
                    .iter()
                    .any(|ax| ax.artists.iter().any(|a| matches!(a, Artist::Image { .. })));
                if y && image {
                    (s.lo, s.hi) = (s.hi, s.lo);
                }
            }
        }
    }
    if !s.lo.is_finite() || !s.hi.is_finite() {
        (s.lo, s.hi) = (0.0, 1.0);
    }
    if s.lo == s.hi {
        let d = if s.lo == 0.0 { 1.0 } else { s.lo.abs() * 0.05 };
        (s.lo, s.hi) = (s.lo - d, s.hi + d);
    }
    if !(s.hi - s.lo).is_finite() {
        (s.lo, s.hi) = (s.lo / 2.0, s.hi / 2.0);
    }
    // `invert_yaxis()`: automatic limits run the other way.
    let inverted = group
        .first()
        .is_some_and(|a| if y { a.yinverted } else { a.xinverted });
    if lim.is_none() && inverted {
        (s.lo, s.hi) = (s.hi, s.lo);
    }
    s
}

impl Scale {
    /// The interval in data units (what `xlim()` returns).
    pub fn limits(&self) -> (f64, f64) {
        if self.log {
            (10f64.powf(self.lo), 10f64.powf(self.hi))
        } else {
            (self.lo, self.hi)
        }
    }
}

/// matplotlib's `apply_aspect`: with `set_aspect(r)` a data unit on y is drawn `r` times as
/// long as one on x (in axis units: decades on a log axis). `adjustable='box'` shrinks the
/// plot box `w`×`h` (returned; the caller centres it); `'datalim'` keeps the box and
/// changes one axis's limits about their centre, widening the axis whose data would
/// otherwise be cut and else trimming margins, as matplotlib chooses. `shared` says which
/// axes' limits are shared with other axes (those are never changed).
pub fn apply_aspect(
    ax: &Axes,
    aspect: Aspect,
    (sx, sy): (Scale, Scale),
    (w, h): (f64, f64),
    shared: (bool, bool),
) -> ((Scale, Scale), (f64, f64)) {
    let (xsize, ysize) = ((sx.hi - sx.lo).abs(), (sy.hi - sy.lo).abs());
    let ok = |v: f64| v.is_finite() && v > 0.0;
    if !(ok(xsize) && ok(ysize) && ok(w) && ok(h) && ok(aspect.ratio)) {
        return ((sx, sy), (w, h));
    }
    if !aspect.datalim {
        let want = aspect.ratio * ysize / xsize; // the box's height over width
        let size = if h / w > want {
            (w, w * want)
        } else {
            (h / want, h)
        };
        return ((sx, sy), size);
    }
    let data_ratio = h / w / aspect.ratio;
    let y_expander = data_ratio * xsize / ysize - 1.0;
    if y_expander.abs() < 0.005 || (shared.0 && shared.1) {
        return ((sx, sy), (w, h));
    }
    // The data's own extent, in axis units, with matplotlib's 5% allowance.
    let extent = |s: &Scale, y: bool| {
        let (lo, hi) = axis_values(ax, y)
            .0
            .iter()
            .map(|&v| s.value(v))
            .filter(|t| t.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), t| {
                (a.min(t), b.max(t))
            });
        if lo <= hi {
            1.05 * (hi - lo)
        } else {
            0.0
        }
    };
    let (xr, yr) = (extent(&sx, false), extent(&sy, true));
    let (xmarg, ymarg) = (xsize - xr, ysize - yr);
    let (ysize_new, xsize_new) = (data_ratio * xsize, ysize / data_ratio);
    let (xmarg_new, ymarg_new) = (xsize_new - xr, ysize_new - yr);
    let adjust_y = if shared.1 {
        false
    } else if shared.0 {
        true
    } else if xmarg > 0.0 && ymarg > 0.0 {
        (ymarg_new > 0.0 && y_expander < 0.0) || (xmarg_new < 0.0 && y_expander > 0.0)
    } else {
        y_expander > 0.0
    };
    let resize = |s: Scale, size: f64| {
        let (c, half) = ((s.lo + s.hi) / 2.0, size / 2.0 * (s.hi - s.lo).signum());
        Scale {
            lo: c - half,
            hi: c + half,
            log: s.log,
        }
    };
    if adjust_y {
        ((sx, resize(sy, ysize_new)), (w, h))
    } else {
        ((resize(sx, xsize_new), sy), (w, h))
    }
}

/// About `want` round tick values (1, 2 or 5 times a power of ten apart) inside `lo..=hi`.
pub fn nice_ticks(lo: f64, hi: f64, want: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return vec![lo];
    }
    let raw = span / want.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= want.max(1) as f64 + 0.5)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil();
    let mut out = Vec::new();
    let mut k = 0.0;
    while out.len() < 50 {
        let v = (first + k) * step;
        if v > hi + step * 1e-9 {
            break;
        }
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        k += 1.0;
    }
    out
}

/// A tick label: as few decimals as the spacing `step` needs; scientific for very large or
/// very small magnitudes.
pub fn format_tick(v: f64, step: f64) -> String {
    // No "-0.0".
    let v = if v == 0.0 { 0.0 } else { v };
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e6).contains(&a) {
        let s = format!("{v:.1e}");
        return s.replace(".0e", "e");
    }
    let decimals = if step > 0.0 && step.is_finite() {
        (0..8)
            .find(|&d| {
                let p = 10f64.powi(d);
                ((step * p).round() - step * p).abs() < 1e-6 * step * p.max(1.0)
            })
            .unwrap_or(8) as usize
    } else {
        let s = format!("{v}");
        s.split_once('.').map_or(0, |(_, f)| f.len().min(4))
    };
    format!("{v:.decimals$}")
}

pub fn superscript(n: i64) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut s: String = n
        .unsigned_abs()
        .to_string()
        .bytes()
        .map(|b| DIGITS[(b - b'0') as usize])
        .collect();
    if n < 0 {
        s.insert(0, '⁻');
    }
    s
}

/// Ticks of an axis as (position in axis units, label).
pub fn ticks(s: &Scale, want: usize) -> Vec<(f64, String)> {
    if s.log {
        let (a, b) = (s.lo.ceil() as i64, s.hi.floor() as i64);
        if b >= a && b - a < 60 {
            let every = ((b - a) as usize / want.max(1)).max(1);
            return (a..=b)
                .filter(|k| ((k - a) as usize).is_multiple_of(every))
                .map(|k| (k as f64, format!("10{}", superscript(k))))
                .collect();
        }
        let (lo, hi) = (10f64.powf(s.lo), 10f64.powf(s.hi));
        let t = nice_ticks(lo, hi, want);
        let step = t.get(1).map_or(0.0, |b| b - t[0]);
        return t
            .into_iter()
            .filter(|v| *v > 0.0)
            .map(|v| (v.log10(), format_tick(v, step)))
            .collect();
    }
    let t = nice_ticks(s.lo, s.hi, want);
    let step = t.get(1).map_or(0.0, |b| b - t[0]);
    t.into_iter().map(|v| (v, format_tick(v, step))).collect()
}

/// The ticks an axis of `ax` shows: those set by `xticks()`/`yticks()`, else one per category
/// on a categorical axis, else about `want` round values.
pub fn axis_ticks(ax: &Axes, s: &Scale, y: bool, want: usize) -> Vec<(f64, String)> {
    let (set, cats) = if y {
        (&ax.yticks, &ax.ycats)
    } else {
        (&ax.xticks, &ax.xcats)
    };
    if let Some(t) = set {
        return t
            .iter()
            .map(|(v, l)| (s.value(*v), l.clone()))
            .filter(|(v, _)| v.is_finite())
            .collect();
    }
    if !cats.is_empty() {
        return cats
            .iter()
            .enumerate()
            .map(|(i, c)| (s.value(i as f64), c.clone()))
            .filter(|(v, _)| v.is_finite())
            .collect();
    }
    ticks(s, want)
}

/// Clips the segment `a–b` to `0..=xmax × 0..=ymax` (Liang–Barsky).
pub fn clip(
    a: (f64, f64),
    b: (f64, f64),
    xmax: f64,
    ymax: f64,
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0), (dx, xmax - a.0), (-dy, a.1), (dy, ymax - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::figure::{LineStyle, Pixels, CYCLE};

    fn lims(ax: &Axes) -> [f64; 4] {
        let (x, y) = (scale_for(ax, false).limits(), scale_for(ax, true).limits());
        [x.0, x.1, y.0, y.1].map(|v| (v * 1e6).round() / 1e6)
    }

    fn line(x: &[f64], y: &[f64]) -> Artist {
        Artist::Line {
            x: x.to_vec(),
            y: y.to_vec(),
            label: None,
            color: CYCLE[0],
            style: LineStyle::Solid,
            marker: None,
            width: 1.5,
            alpha: 1.0,
            marker_size: 6.0,
            steps: crate::display::figure::Steps::None,
        }
    }

    /// Expected values from matplotlib 3.10 (`ax.get_xlim() + ax.get_ylim()`).
    #[test]
    fn auto_limits_match_matplotlib() {
        let mut ax = Axes::default();
        ax.artists.push(line(&[2.0], &[3.0]));
        assert_eq!(lims(&ax), [1.89, 2.11, 2.835, 3.165]);
        let mut ax = Axes::default();
        ax.artists.push(line(&[0.0], &[0.0]));
        assert_eq!(lims(&ax), [-0.055, 0.055, -0.055, 0.055]);
        let bars = |h: Vec<f64>| Artist::Bars {
            x: vec![1.0, 2.0],
            height: h,
            width: 0.8,
            label: None,
            color: CYCLE[0],
            alpha: 1.0,
            edge: None,
            horizontal: false,
        };
        let mut ax = Axes::default();
        ax.artists.push(bars(vec![3.0, 4.0]));
        assert_eq!(lims(&ax), [0.51, 2.49, 0.0, 4.2]);
        let mut ax = Axes::default();
        ax.artists.push(bars(vec![-3.0, 4.0]));
        assert_eq!(lims(&ax), [0.51, 2.49, -3.35, 4.35]);
        let mut ax = Axes::default();
        ax.artists.push(Artist::Image {
            h: 2,
            w: 3,
            pixels: Pixels::Rgb(vec![[0.0; 3]; 6]),
        });
        assert_eq!(lims(&ax), [-0.5, 2.5, 1.5, -0.5]);
        let mut ax = Axes {
            ylog: true,
            ..Axes::default()
        };
        ax.artists
            .push(line(&[1.0, 10.0, 100.0], &[1.0, 10.0, 1000.0]));
        assert_eq!(lims(&ax), [-3.95, 104.95, 0.707946, 1412.537545]);
        let mut ax = Axes::default();
        ax.artists.push(line(&[1.0, 2.0], &[3.0, 5.0]));
        ax.artists.push(line(&[0.0, 4.0], &[1.0, 1.0]));
        assert_eq!(lims(&ax), [-0.2, 4.2, 0.8, 5.2]);
        assert_eq!(lims(&Axes::default()), [0.0, 1.0, 0.0, 1.0]);
    }

    #[test]
    fn nice_ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(nice_ticks(-0.3, 9.7, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
        assert_eq!(format_tick(0.6000000000000001, 0.2), "0.6");
        assert_eq!(format_tick(2.5, 2.5), "2.5");
        assert_eq!(format_tick(1e7, 1e6), "1e7");
        assert_eq!(format_tick(-4.0, 2.0), "-4");
        assert_eq!(superscript(-3), "⁻³");
    }

    /// `axis('equal')` (adjustable='datalim') in matplotlib's default 640×480 axes box
    /// (496 × 369.6 px; 496 × 168 for the top of two rows), against matplotlib 3.11's limits
    /// after `fig.canvas.draw()`; 'box' shrinks the box instead (matplotlib: 496 × 49.6).
    #[test]
    fn equal_aspect_matches_matplotlib() {
        let equal = |x: &[f64], y: &[f64], (w, h): (f64, f64), shared, ratio| {
            let mut ax = Axes::default();
            ax.artists.push(line(x, y));
            let aspect = Aspect {
                ratio,
                datalim: true,
            };
            let scales = (scale_for(&ax, false), scale_for(&ax, true));
            let ((sx, sy), size) = apply_aspect(&ax, aspect, scales, (w, h), shared);
            assert_eq!(size, (w, h), "datalim keeps the box");
            [sx.lo, sx.hi, sy.lo, sy.hi].map(|v| (v * 1e6).round() / 1e6)
        };
        let full = (496.0, 369.6);
        let t: Vec<f64> = (0..50)
            .map(|i| i as f64 * std::f64::consts::TAU / 49.0)
            .collect();
        let (cx, cy): (Vec<f64>, Vec<f64>) =
            t.iter().map(|t| (2.0 * t.cos(), t.sin() + 1.0)).unzip();
        let no = (false, false);
        assert_eq!(
            equal(&cx, &cy, full, no, 1.0),
            [-2.195685, 2.199795, -0.637671, 2.637671]
        );
        assert_eq!(
            equal(&[0.0, 1.0], &[0.0, 10.0], full, no, 1.0),
            [-6.880952, 7.880952, -0.5, 10.5]
        );
        assert_eq!(
            equal(&[0.0, 10.0], &[0.0, 1.0], full, no, 1.0),
            [-0.5, 10.5, -3.598387, 4.598387]
        );
        assert_eq!(
            equal(&[0.0, 1.3], &[0.0, 1.0], full, no, 1.0),
            [-0.065, 1.365, -0.03279, 1.03279]
        );
        assert_eq!(
            equal(&[0.0, 1.0], &[0.0, 1.0], full, no, 1.0),
            [-0.238095, 1.238095, -0.05, 1.05]
        );
        assert_eq!(
            equal(
                &[0.0, 10.0],
                &[0.0, 1.0],
                (496.0, 168.0),
                (true, false),
                1.0
            ),
            [-0.5, 10.5, -1.362903, 2.362903]
        );
        assert_eq!(
            equal(&[0.0, 1.0], &[0.0, 10.0], full, no, 0.5),
            [-3.190476, 4.190476, -0.5, 10.5]
        );

        let mut ax = Axes::default();
        ax.artists.push(line(&[0.0, 10.0], &[0.0, 1.0]));
        let scales = (scale_for(&ax, false), scale_for(&ax, true));
        let (_, (w, h)) = apply_aspect(&ax, Aspect::EQUAL_BOX, scales, full, no);
        assert_eq!((w, (h * 1e4).round() / 1e4), (496.0, 49.6));
    }
}
