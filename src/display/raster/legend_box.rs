//! The legend box: its entries, placed at `loc` (matplotlib's best place avoids the data).

use super::*;

/// The labelled artists' legend, at `loc` in the box (matplotlib's 'best' by default).
pub(super) fn draw_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    ax: &Axes,
    b: BoxPx,
    loc: crate::display::figure::LegendLoc,
    to_px: &dyn Fn(f64, f64) -> (f64, f64),
) -> Res {
    let entries = legend::entries(ax);
    if entries.is_empty() {
        return Ok(());
    }
    let k = p.k;
    let line_h = LABEL_PT * k * 1.4;
    let text_w = entries
        .iter()
        .map(|(l, _)| p.text_width(l, LABEL_PT))
        .fold(0.0, f64::max);
    let (pad, handle) = (5.0 * k, 20.0 * k);
    let w = pad * 3.0 + handle + text_w;
    let h = pad * 2.0 + line_h * entries.len() as f64;
    let local = |x: f64, y: f64| {
        let (u, v) = to_px(x, y);
        (u - b.x, v - b.y)
    };
    let obstacles = Obstacles::of(ax, &local, (b.w, b.h));
    let (lx, ly) = legend::place(loc, (b.w, b.h), (w, h), 5.0 * k, &obstacles);
    let (x0, y0) = (b.x + lx, b.y + ly);
    p.fill((x0, y0), (x0 + w, y0 + h), Rgb(255, 255, 255))?;
    p.frame((x0, y0), (x0 + w, y0 + h), Rgb(0xcc, 0xcc, 0xcc), 0.8)?;
    for (i, (label, a)) in entries.iter().enumerate() {
        let y = y0 + pad + line_h * (i as f64 + 0.5);
        let hx = x0 + pad;
        p.alpha.set(alpha_of(a));
        match a {
            Artist::Line {
                color,
                style,
                marker,
                width,
                ..
            } => {
                if *style != LineStyle::None {
                    p.path(&[(hx, y), (hx + handle, y)], *color, *width)?;
                }
                if let Some(m) = marker {
                    p.marker(*m, (hx + handle / 2.0, y), 3.0 * k, *color)?;
                }
            }
            Artist::RefLine {
                color,
                style,
                width,
                ..
            } => {
                let whole = BoxPx {
                    x: hx,
                    y: y - 1.0,
                    w: handle,
                    h: 2.0,
                };
                polyline(
                    p,
                    &[(hx, y), (hx + handle, y)],
                    whole,
                    *color,
                    *style,
                    *width,
                )?;
            }
            Artist::Scatter {
                color,
                marker,
                edge,
                edge_width,
                ..
            } => {
                let at = (hx + handle / 2.0, y);
                p.marker(*marker, at, 3.0 * k, *color)?;
                if let Some(e) = edge {
                    p.marker_edge(*marker, at, 3.0 * k, *e, *edge_width)?;
                }
            }
            Artist::Bars { color, .. } => {
                p.fill((hx, y - 4.0 * k), (hx + handle, y + 4.0 * k), *color)?;
            }
            Artist::Fill { color, alpha, .. } => {
                let style = rgb(*color).mix(alpha.clamp(0.0, 1.0)).filled();
                p.area
                    .draw(&Rectangle::new(
                        [px((hx, y - 4.0 * k)), px((hx + handle, y + 4.0 * k))],
                        style,
                    ))
                    .map_err(|e| e.to_string())?;
            }
            _ => {}
        }
        p.alpha.set(1.0);
        p.text(
            label,
            (hx + handle + pad, y),
            LABEL_PT,
            (HPos::Left, VPos::Center),
            false,
        )?;
    }
    Ok(())
}
