//! What the text and raster renderers share about an axis: the interval it shows (with
//! matplotlib's 5% margins, or the limits set), log scales, and round tick values with their
//! labels.

use super::figure::{Artist, Axes, Figure, Share};

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

/// The interval an axis shows: its limits if set, else the data's with 5% margins (in log
/// space on a log axis) stopped at sticky edges; a single value is widened by 5% first. An
/// image's y axis runs downwards. Always finite with `lo != hi`.
pub fn scale_for(ax: &Axes, y: bool) -> Scale {
    scale_over(&[ax], y)
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
                let margin = (s.hi - s.lo) * 0.05;
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
}
