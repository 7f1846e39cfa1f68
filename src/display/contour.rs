//! Contours of values on a rectilinear grid (`contour`, `contourf`): matplotlib's automatic
//! levels, values between grid points, and the level lines. Each grid cell is split into four
//! triangles around its centre (the mean of its corners), and values are linear on each
//! triangle; on the cell's edges this is matplotlib's linear interpolation. Filled contours
//! are drawn by evaluating the value per pixel (no seams between bands, even translucent), and
//! lines by joining the level's crossings of the triangles' edges.

use std::collections::HashMap;

/// Values `z` (row-major, `ys.len()` rows of `xs.len()`) at the points (xs[i], ys[j]); both
/// coordinate lists strictly increasing.
#[derive(Clone, Debug, PartialEq)]
pub struct ContourGrid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub z: Vec<f64>,
}

/// The finite range of `z`, or None when no value is finite.
pub fn finite_range(z: &[f64]) -> Option<(f64, f64)> {
    let (lo, hi) = z
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    (lo <= hi).then_some((lo, hi))
}

/// Python's float `divmod`: the floored quotient and a remainder with the divisor's sign.
fn py_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut d = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = 0f64.copysign(y);
    }
    let q = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0f64.copysign(x / y)
    };
    (q, m)
}

/// matplotlib's `MaxNLocator(nbins, min_n_ticks=1).tick_values(lo, hi)` with its default
/// steps (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10): round values covering `lo..=hi`.
pub fn max_n_locator(lo: f64, hi: f64, nbins: usize) -> Vec<f64> {
    // `nonsingular(expander=1e-13, tiny=1e-14)`.
    let (mut lo, mut hi) = (lo.min(hi), lo.max(hi));
    let maxabs = lo.abs().max(hi.abs());
    if maxabs < 1e6 / f64::MAX.sqrt() {
        (lo, hi) = (-1e-13, 1e-13);
    } else if hi - lo <= maxabs * 1e-14 {
        if hi == 0.0 && lo == 0.0 {
            (lo, hi) = (-1e-13, 1e-13);
        } else {
            lo -= 1e-13 * lo.abs();
            hi += 1e-13 * hi.abs();
        }
    }
    let nbins = nbins.max(1) as f64;
    // `scale_range`.
    let dv = hi - lo;
    let meanv = (hi + lo) / 2.0;
    let offset = if meanv.abs() / dv < 100.0 {
        0.0
    } else {
        10f64.powf(meanv.abs().log10().floor()).copysign(meanv)
    };
    let scale = 10f64.powf((dv / nbins).log10().floor());
    let (vmin, vmax) = (lo - offset, hi - offset);
    const STEPS: [f64; 10] = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0];
    let steps: Vec<f64> = STEPS[..9]
        .iter()
        .map(|s| 0.1 * s)
        .chain(STEPS)
        .chain([10.0 * STEPS[1]])
        .map(|s| s * scale)
        .collect();
    let raw = (vmax - vmin) / nbins;
    let istep = steps
        .iter()
        .position(|&s| s >= raw)
        .unwrap_or(steps.len() - 1);
    let tol = if offset != 0.0 {
        |step: f64, off: f64| (10f64.powf((off.abs() / step).log10() - 12.0)).clamp(1e-10, 0.4999)
    } else {
        |_: f64, _: f64| 1e-10
    };
    let mut ticks = Vec::new();
    for &step in steps[..=istep].iter().rev() {
        let best = py_divmod(vmin, step).0 * step;
        let t = tol(step, offset);
        let (d, m) = py_divmod(vmin - best, step);
        let low = if (m / step - 1.0).abs() < t {
            d + 1.0
        } else {
            d
        };
        let (d, m) = py_divmod(vmax - best, step);
        let high = if (m / step).abs() < t { d } else { d + 1.0 };
        ticks = (0..=((high - low).max(0.0) as usize).min(1000))
            .map(|k| (low + k as f64) * step + best)
            .collect();
        if ticks.iter().any(|&v| vmin <= v && v <= vmax) {
            break;
        }
    }
    ticks.into_iter().map(|v| v + offset).collect()
}

/// matplotlib's automatic contour levels for `n` (default 7) over `zmin..=zmax`: the
/// locator's values with the excess trimmed to one level below and above the data.
pub fn auto_levels(zmin: f64, zmax: f64, n: usize) -> Vec<f64> {
    let lev = max_n_locator(zmin, zmax, n + 1);
    let i0 = lev.iter().rposition(|&l| l < zmin).unwrap_or(0);
    let i1 = lev
        .iter()
        .position(|&l| l > zmax)
        .map_or(lev.len(), |i| i + 1);
    if i1 < i0 + 3 {
        return lev;
    }
    lev[i0..i1].to_vec()
}

/// The band of `z` among `levels` (increasing): `k` when `levels[k] < z <= levels[k + 1]`,
/// the lowest band also taking `z == levels[0]`, as matplotlib's `contourf`; None outside.
pub fn band(levels: &[f64], z: f64) -> Option<usize> {
    if z.is_nan() || levels.len() < 2 {
        return None;
    }
    let below = levels.partition_point(|&l| l < z);
    match below {
        0 => (z == levels[0]).then_some(0),
        k if k < levels.len() => Some(k - 1),
        _ => None,
    }
}

impl ContourGrid {
    fn at(&self, i: usize, j: usize) -> f64 {
        self.z[j * self.xs.len() + i]
    }

    /// The cell holding `v` along `coords` and the fraction across it.
    fn locate(coords: &[f64], v: f64) -> Option<(usize, f64)> {
        let n = coords.len();
        if n < 2 || !(coords[0] <= v && v <= coords[n - 1]) {
            return None;
        }
        let i = coords.partition_point(|&c| c <= v).clamp(1, n - 1) - 1;
        let (a, b) = (coords[i], coords[i + 1]);
        Some((i, ((v - a) / (b - a)).clamp(0.0, 1.0)))
    }

    /// The value at data point (x, y): linear on the cell's triangle; None outside the grid or
    /// where a corner is NaN.
    pub fn value_at(&self, x: f64, y: f64) -> Option<f64> {
        let (i, fx) = Self::locate(&self.xs, x)?;
        let (j, fy) = Self::locate(&self.ys, y)?;
        let (z00, z10) = (self.at(i, j), self.at(i + 1, j));
        let (z01, z11) = (self.at(i, j + 1), self.at(i + 1, j + 1));
        let zc = (z00 + z10 + z01 + z11) / 4.0;
        if !zc.is_finite() {
            return None;
        }
        // The triangle (corner a, corner b, centre) holding the point, in cell fractions.
        let ((ax, ay, za), (bx, by, zb)) = if fy <= fx && fy <= 1.0 - fx {
            ((0.0, 0.0, z00), (1.0, 0.0, z10))
        } else if fx >= fy {
            ((1.0, 0.0, z10), (1.0, 1.0, z11))
        } else if fy >= 1.0 - fx {
            ((1.0, 1.0, z11), (0.0, 1.0, z01))
        } else {
            ((0.0, 1.0, z01), (0.0, 0.0, z00))
        };
        let (cx, cy) = (0.5, 0.5);
        let det = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
        let s = ((fx - ax) * (cy - ay) - (cx - ax) * (fy - ay)) / det;
        let t = ((bx - ax) * (fy - ay) - (fx - ax) * (by - ay)) / det;
        Some(za + s * (zb - za) + t * (zc - za))
    }

    /// The line(s) where the values cross `level`, as polylines in data coordinates.
    pub fn lines(&self, level: f64) -> Vec<Vec<(f64, f64)>> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        if nx < 2 || ny < 2 || self.z.len() != nx * ny || !level.is_finite() {
            return Vec::new();
        }
        // Vertices: grid points 0..nx*ny, then cell centres.
        let corner = |i: usize, j: usize| j * nx + i;
        let centre = |i: usize, j: usize| nx * ny + j * (nx - 1) + i;
        let mut segs: Vec<Segment> = Vec::new();
        for j in 0..ny - 1 {
            for i in 0..nx - 1 {
                let c = [
                    (corner(i, j), self.xs[i], self.ys[j], self.at(i, j)),
                    (
                        corner(i + 1, j),
                        self.xs[i + 1],
                        self.ys[j],
                        self.at(i + 1, j),
                    ),
                    (
                        corner(i + 1, j + 1),
                        self.xs[i + 1],
                        self.ys[j + 1],
                        self.at(i + 1, j + 1),
                    ),
                    (
                        corner(i, j + 1),
                        self.xs[i],
                        self.ys[j + 1],
                        self.at(i, j + 1),
                    ),
                ];
                let zc = c.iter().map(|v| v.3).sum::<f64>() / 4.0;
                if !zc.is_finite() {
                    continue;
                }
                let mid = (
                    centre(i, j),
                    (self.xs[i] + self.xs[i + 1]) / 2.0,
                    (self.ys[j] + self.ys[j + 1]) / 2.0,
                    zc,
                );
                for k in 0..4 {
                    let tri = [c[k], c[(k + 1) % 4], mid];
                    let mut cross = Vec::with_capacity(2);
                    for e in 0..3 {
                        let (p, q) = (tri[e], tri[(e + 1) % 3]);
                        if (p.3 > level) != (q.3 > level) {
                            let t = (level - p.3) / (q.3 - p.3);
                            let key = (p.0.min(q.0), p.0.max(q.0));
                            cross.push((key, (p.1 + t * (q.1 - p.1), p.2 + t * (q.2 - p.2))));
                        }
                    }
                    if let [a, b] = cross[..] {
                        segs.push([a, b]);
                    }
                }
            }
        }
        chain(segs)
    }
}

/// A piece of a level line inside one triangle: each end is on a triangle edge (named by its
/// two vertices) at a data point.
type Segment = [((usize, usize), (f64, f64)); 2];

/// Joins segments that share an end (the same triangle edge) into polylines.
fn chain(segs: Vec<Segment>) -> Vec<Vec<(f64, f64)>> {
    let mut at: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (s, seg) in segs.iter().enumerate() {
        for end in seg {
            at.entry(end.0).or_default().push(s);
        }
    }
    let mut used = vec![false; segs.len()];
    let mut out = Vec::new();
    for start in 0..segs.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut line = std::collections::VecDeque::from([segs[start][0].1, segs[start][1].1]);
        // Walk forward from each end in turn.
        for dir in 0..2 {
            let mut key = segs[start][1 - dir].0;
            loop {
                let next = at
                    .get(&key)
                    .and_then(|v| v.iter().copied().find(|&s| !used[s]));
                let Some(s) = next else { break };
                used[s] = true;
                let far = if segs[s][0].0 == key {
                    segs[s][1]
                } else {
                    segs[s][0]
                };
                if dir == 0 {
                    line.push_back(far.1);
                } else {
                    line.push_front(far.1);
                }
                key = far.0;
            }
        }
        out.push(line.into_iter().collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_matplotlibs() {
        // matplotlib 3.11: contour(Z).levels for these data ranges.
        // matplotlib 3.11: contourf(Z, levels=n).levels for Z spanning lo..hi.
        let cases: [(f64, f64, usize, &[f64]); 8] = [
            (
                -2.9983500553608415,
                2.9983500553608415,
                7,
                &[
                    -3.2,
                    -2.4000000000000004,
                    -1.6,
                    -0.7999999999999998,
                    0.0,
                    0.7999999999999998,
                    1.6000000000000005,
                    2.4000000000000004,
                    3.2,
                ],
            ),
            (
                -2.9983500553608415,
                2.9983500553608415,
                3,
                &[-3.0, -1.5, 0.0, 1.5, 3.0],
            ),
            (
                0.0,
                1.0,
                7,
                &[
                    0.0,
                    0.15000000000000002,
                    0.30000000000000004,
                    0.45000000000000007,
                    0.6000000000000001,
                    0.7500000000000001,
                    0.9000000000000001,
                    1.0500000000000003,
                ],
            ),
            (
                0.001,
                0.0097,
                7,
                &[
                    0.0,
                    0.0015,
                    0.003,
                    0.0045000000000000005,
                    0.006,
                    0.0075,
                    0.009000000000000001,
                    0.0105,
                ],
            ),
            (
                1000.0,
                1003.0,
                7,
                &[
                    1000.0, 1000.4, 1000.8, 1001.2, 1001.6, 1002.0, 1002.4, 1002.8, 1003.2,
                ],
            ),
            (
                -5.0,
                100.0,
                7,
                &[-15.0, 0.0, 15.0, 30.0, 45.0, 60.0, 75.0, 90.0, 105.0],
            ),
            (0.0, 1.0, 3, &[0.0, 0.25, 0.5, 0.75, 1.0]),
            (3.0, 3.0, 7, &[2.99999999999992, 3.0, 3.00000000000008]),
        ];
        for (lo, hi, n, want) in cases {
            let got = auto_levels(lo, hi, n);
            assert_eq!(got.len(), want.len(), "{lo}..{hi}: {got:?}");
            for (g, w) in got.iter().zip(want) {
                assert!(
                    (g - w).abs() <= 1e-9 * w.abs().max(1e-3),
                    "{lo}..{hi}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn bands_close_at_the_top_and_take_the_lowest_value() {
        let lv = [0.0, 1.0, 2.0];
        assert_eq!(band(&lv, 0.0), Some(0));
        assert_eq!(band(&lv, 1.0), Some(0));
        assert_eq!(band(&lv, 1.5), Some(1));
        assert_eq!(band(&lv, 2.0), Some(1));
        assert_eq!(band(&lv, 2.1), None);
        assert_eq!(band(&lv, -0.1), None);
        assert_eq!(band(&lv, f64::NAN), None);
    }

    fn cone() -> ContourGrid {
        // z = distance from the origin, on a 41 × 41 grid over [-2, 2]².
        let xs: Vec<f64> = (0..41).map(|i| -2.0 + i as f64 * 0.1).collect();
        let z = xs
            .iter()
            .flat_map(|&y| xs.iter().map(move |&x| (x * x + y * y).sqrt()))
            .collect();
        ContourGrid {
            xs: xs.clone(),
            ys: xs,
            z,
        }
    }

    #[test]
    fn values_between_grid_points_are_interpolated() {
        let g = cone();
        assert!((g.value_at(0.0, 0.0).unwrap() - 0.0).abs() < 1e-12);
        assert!((g.value_at(1.0, 0.0).unwrap() - 1.0).abs() < 1e-12);
        // Between grid points the linear value is close to the true one.
        let v = g.value_at(0.73, -1.21).unwrap();
        assert!((v - (0.73f64.hypot(1.21))).abs() < 0.01, "{v}");
        assert_eq!(g.value_at(2.5, 0.0), None);
        // A plane is reproduced exactly.
        let p = ContourGrid {
            xs: vec![0.0, 1.0, 3.0],
            ys: vec![0.0, 2.0],
            z: vec![0.0, 1.0, 3.0, 4.0, 5.0, 7.0],
        };
        for (x, y) in [(0.3, 0.2), (2.5, 1.9), (0.9, 1.0), (1.0, 0.5)] {
            assert!((p.value_at(x, y).unwrap() - (x + 2.0 * y)).abs() < 1e-12);
        }
    }

    #[test]
    fn a_level_line_of_a_cone_is_one_closed_circle() {
        let g = cone();
        let lines = g.lines(1.0);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert!(l.len() > 40);
        assert_eq!(l.first(), l.last());
        for &(x, y) in l {
            assert!((x.hypot(y) - 1.0).abs() < 0.01);
        }
        // Lines end at the border when they leave the grid.
        let open = g.lines(2.5);
        assert!(!open.is_empty() && open.iter().all(|l| l.first() != l.last()));
        assert!(g.lines(9.0).is_empty());
    }

    #[test]
    fn nan_cells_are_left_out() {
        let mut g = cone();
        g.z[20 * 41 + 20] = f64::NAN;
        assert_eq!(g.value_at(0.05, 0.05), None);
        assert!(g.value_at(1.0, 1.0).is_some());
        assert!(!g.lines(1.0).is_empty());
    }
}
