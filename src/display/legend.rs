//! What a legend lists and where it goes, for every renderer: `loc='best'` tries matplotlib's
//! nine positions in its order and takes the first that covers the least data.

use super::axis::clip;
use super::figure::{Artist, Axes, LegendLoc};

/// The labelled artists, in drawing order (labels starting with `_` are left out, as in
/// matplotlib); after `legend(labels)`, the first artists that can have an entry, with those
/// labels.
pub fn entries(ax: &Axes) -> Vec<(&str, &Artist)> {
    if let Some(names) = &ax.legend_labels {
        let handles = ax.artists.iter().filter(|a| {
            matches!(
                a,
                Artist::Line { .. }
                    | Artist::Scatter { .. }
                    | Artist::Bars { .. }
                    | Artist::RefLine { .. }
                    | Artist::Fill { .. }
            )
        });
        return names.iter().map(String::as_str).zip(handles).collect();
    }
    ax.artists
        .iter()
        .filter_map(|a| match a {
            Artist::Line { label: Some(l), .. }
            | Artist::Scatter { label: Some(l), .. }
            | Artist::Bars { label: Some(l), .. }
            | Artist::RefLine { label: Some(l), .. }
            | Artist::Fill { label: Some(l), .. } => Some((l.as_str(), a)),
            _ => None,
        })
        .filter(|(l, _)| !l.starts_with('_'))
        .collect()
}

/// The data a legend should not hide, in the coordinates of the plot area (origin at its
/// top left, y down), as matplotlib counts it: line vertices and whether a line crosses the
/// legend, scatter points, and bar rectangles.
#[derive(Debug, Default)]
pub struct Obstacles {
    paths: Vec<Vec<(f64, f64)>>,
    points: Vec<(f64, f64)>,
    rects: Vec<[f64; 4]>,
}

impl Obstacles {
    /// The obstacles of `ax` in a plot area `w × h`, `to` mapping data to area coordinates.
    pub fn of(ax: &Axes, to: &dyn Fn(f64, f64) -> (f64, f64), (w, h): (f64, f64)) -> Obstacles {
        let finite = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
        let mut o = Obstacles::default();
        for a in &ax.artists {
            match a {
                Artist::Line { x, y, steps, .. } => {
                    o.paths.push(
                        steps
                            .path(x, y)
                            .into_iter()
                            .map(|(x, y)| to(x, y))
                            .collect(),
                    );
                }
                Artist::Scatter { x, y, .. } => {
                    o.points
                        .extend(x.iter().zip(y).map(|(&x, &y)| to(x, y)).filter(finite));
                }
                Artist::Bars {
                    x,
                    height,
                    width,
                    horizontal,
                    ..
                } => {
                    for (&c, &v) in x.iter().zip(height) {
                        let ((x0, y0), (x1, y1)) = if *horizontal {
                            (to(0.0, c - width / 2.0), to(v, c + width / 2.0))
                        } else {
                            (to(c - width / 2.0, 0.0), to(c + width / 2.0, v))
                        };
                        let r = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
                        if r.iter().all(|v| !v.is_nan()) {
                            o.rects.push(r);
                        }
                    }
                }
                Artist::RefLine { vertical, at, .. } => {
                    let path = if *vertical {
                        let x = to(*at, 0.0).0;
                        vec![(x, 0.0), (x, h)]
                    } else {
                        let y = to(0.0, *at).1;
                        vec![(0.0, y), (w, y)]
                    };
                    o.paths.push(path);
                }
                Artist::Fill { x, y1, y2, .. } => {
                    let mut path: Vec<(f64, f64)> =
                        x.iter().zip(y1).map(|(&x, &y)| to(x, y)).collect();
                    path.extend(x.iter().zip(y2).rev().map(|(&x, &y)| to(x, y)));
                    if let Some(&first) = path.first() {
                        path.push(first);
                    }
                    o.paths.push(path);
                }
                Artist::Image { .. }
                | Artist::ErrorBars { .. }
                | Artist::Text { .. }
                | Artist::Contour { .. } => {}
            }
        }
        o
    }

    /// How much of the data a box `[x0, y0, x1, y1]` covers: matplotlib's badness.
    fn badness(&self, b: [f64; 4]) -> usize {
        let inside = |p: &(f64, f64)| b[0] < p.0 && p.0 < b[2] && b[1] < p.1 && p.1 < b[3];
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        let crosses = |path: &Vec<(f64, f64)>| {
            path.windows(2).any(|s| {
                let (a, c) = (s[0], s[1]);
                a.0.is_finite()
                    && a.1.is_finite()
                    && c.0.is_finite()
                    && c.1.is_finite()
                    && clip((a.0 - b[0], a.1 - b[1]), (c.0 - b[0], c.1 - b[1]), w, h).is_some()
            }) || (path.len() == 1 && inside(&path[0]))
        };
        let vertices: usize = self
            .paths
            .iter()
            .map(|p| p.iter().filter(|q| inside(q)).count())
            .sum();
        let points = self.points.iter().filter(|q| inside(q)).count();
        let rects = self
            .rects
            .iter()
            .filter(|r| r[0] < b[2] && b[0] < r[2] && r[1] < b[3] && b[1] < r[3])
            .count();
        let lines = self.paths.iter().filter(|p| crosses(p)).count();
        vertices + points + rects + lines
    }
}

/// The top-left corner of a legend of size `size` in a plot area of size `area`, `pad` from
/// its edges, at `loc`; for `Best`, the first of matplotlib's candidates (upper right, upper
/// left, lower left, …) with the least badness.
pub fn place(
    loc: LegendLoc,
    area: (f64, f64),
    size: (f64, f64),
    pad: f64,
    obstacles: &Obstacles,
) -> (f64, f64) {
    let at = |l: LegendLoc| {
        let (fx, fy) = l.anchor();
        (
            pad + fx * (area.0 - 2.0 * pad - size.0),
            pad + fy * (area.1 - 2.0 * pad - size.1),
        )
    };
    if loc != LegendLoc::Best {
        return at(loc);
    }
    let mut best = (usize::MAX, at(LegendLoc::UpperRight));
    for l in &LegendLoc::ALL[1..] {
        let (x, y) = at(*l);
        let bad = obstacles.badness([x, y, x + size.0, y + size.1]);
        if bad < best.0 {
            best = (bad, (x, y));
        }
        if bad == 0 {
            break;
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::figure::{LineStyle, CYCLE};

    fn line(x: &[f64], y: &[f64]) -> Artist {
        Artist::Line {
            x: x.to_vec(),
            y: y.to_vec(),
            label: Some("l".into()),
            color: CYCLE[0],
            style: LineStyle::Solid,
            marker: None,
            width: 1.5,
            alpha: 1.0,
            marker_size: 6.0,
            steps: crate::display::figure::Steps::None,
        }
    }

    /// Places a 30 × 20 legend in a 100 × 100 area whose data runs 0..1 on both axes.
    fn best_for(artists: Vec<Artist>) -> (f64, f64) {
        let ax = Axes {
            artists,
            ..Axes::default()
        };
        let to = |x: f64, y: f64| (x * 100.0, (1.0 - y) * 100.0);
        let o = Obstacles::of(&ax, &to, (100.0, 100.0));
        place(LegendLoc::Best, (100.0, 100.0), (30.0, 20.0), 5.0, &o)
    }

    #[test]
    fn best_avoids_the_data_in_matplotlibs_order() {
        // Rising: the upper right is taken, the upper left is free.
        assert_eq!(best_for(vec![line(&[0.0, 1.0], &[0.0, 1.0])]), (5.0, 5.0));
        // Falling: the upper right is free.
        assert_eq!(best_for(vec![line(&[0.0, 1.0], &[1.0, 0.0])]), (65.0, 5.0));
        // Along the top edge: lower left is the first free one.
        let top = line(&[0.0, 0.5, 1.0], &[0.95, 0.95, 0.95]);
        assert_eq!(best_for(vec![top]), (5.0, 75.0));
        // Scatter points only count where they fall inside.
        let pts = Artist::Scatter {
            x: vec![0.9, 0.1],
            y: vec![0.9, 0.9],
            label: None,
            color: CYCLE[0],
            values: None,
            size: 36.0,
            sizes: vec![],
            edge: None,
            edge_width: 1.0,
            alpha: 1.0,
            marker: crate::display::figure::Marker::Circle,
        };
        assert_eq!(best_for(vec![pts]), (5.0, 75.0));
        // No data: the upper right.
        assert_eq!(best_for(vec![]), (65.0, 5.0));
    }

    #[test]
    fn fixed_locations() {
        let o = Obstacles::default();
        let p = |l| place(l, (100.0, 50.0), (20.0, 10.0), 2.0, &o);
        assert_eq!(p(LegendLoc::UpperLeft), (2.0, 2.0));
        assert_eq!(p(LegendLoc::LowerRight), (78.0, 38.0));
        assert_eq!(p(LegendLoc::Center), (40.0, 20.0));
        assert_eq!(
            LegendLoc::parse("lower center"),
            Some(LegendLoc::LowerCenter)
        );
        assert_eq!(LegendLoc::parse("middle"), None);
    }
}
