//! Images in half blocks (two pixels a cell) in 24-bit colour, or a grey ramp of ASCII characters.

use super::*;

// ---------------------------------------------------------------- images

pub(super) fn luminance(c: Rgb) -> f64 {
    (0.2126 * c.0 as f64 + 0.7152 * c.1 as f64 + 0.0722 * c.2 as f64) / 255.0
}

pub(super) fn ramp_char(lum: f64) -> char {
    let i = (lum.clamp(0.0, 1.0) * (RAMP.len() - 1) as f64).round() as usize;
    RAMP[i.min(RAMP.len() - 1)] as char
}

/// The average colour of source pixels `x0..x1 × y0..y1` (None where all are NaN).
pub(super) fn average(
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
pub(super) fn draw_image(
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
