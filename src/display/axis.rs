//! What the text and raster renderers share about an axis: the interval it shows (with
//! matplotlib's 5% margins, or the limits set), log scales, and round tick values with their
//! labels.

use super::figure::{Artist, Axes};

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
}

/// The values an axis shows: its artists' data along x or y.
pub fn axis_values(ax: &Axes, y: bool) -> Vec<f64> {
    let mut out = Vec::new();
    for a in &ax.artists {
        match a {
            Artist::Line { x, y: ys, .. } | Artist::Scatter { x, y: ys, .. } => {
                out.extend(if y { ys } else { x });
            }
            Artist::Bars {
                x, height, width, ..
            } => {
                if y {
                    out.extend(height);
                    out.push(0.0);
                } else {
                    out.extend(x.iter().flat_map(|c| [c - width / 2.0, c + width / 2.0]));
                }
            }
            Artist::Image { .. } => {}
        }
    }
    out
}

pub fn scale_for(ax: &Axes, y: bool) -> Scale {
    let (lim, log) = if y {
        (ax.ylim, ax.ylog)
    } else {
        (ax.xlim, ax.xlog)
    };
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
            for v in axis_values(ax, y) {
                let t = s.value(v);
                if t.is_finite() {
                    s.lo = s.lo.min(t);
                    s.hi = s.hi.max(t);
                }
            }
            if s.lo.is_finite() && s.hi.is_finite() {
                let margin = (s.hi - s.lo) * 0.05;
                if margin.is_finite() {
                    s.lo -= margin;
                    s.hi += margin;
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
                .filter(|k| (k - a) as usize % every == 0)
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
