//! The legend as `── label` lines in the plot area.

use super::*;

/// The labelled artists as `── label` lines at `loc` in the plot area (`to_dot` maps data to
/// its braille dots).
pub(super) fn draw_legend(
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
