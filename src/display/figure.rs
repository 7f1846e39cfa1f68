//! A figure as plain data: what `plt.*` calls build and every renderer (terminal text, PNG,
//! SVG) draws. Nothing here knows about tensors or the evaluator.

/// An RGB colour, 0–255 per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// matplotlib's default colour cycle ("tab10"), in order.
pub const CYCLE: [Rgb; 10] = [
    Rgb(0x1f, 0x77, 0xb4),
    Rgb(0xff, 0x7f, 0x0e),
    Rgb(0x2c, 0xa0, 0x2c),
    Rgb(0xd6, 0x27, 0x28),
    Rgb(0x94, 0x67, 0xbd),
    Rgb(0x8c, 0x56, 0x4b),
    Rgb(0xe3, 0x77, 0xc2),
    Rgb(0x7f, 0x7f, 0x7f),
    Rgb(0xbc, 0xbd, 0x22),
    Rgb(0x17, 0xbe, 0xcf),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
    DashDot,
    /// No line (markers only): `linestyle='none'` or a format like `'o'`.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Point,
    Circle,
    Square,
    Triangle,
    Plus,
    Cross,
    Star,
    Diamond,
}

impl Marker {
    /// Whether the marker is a shape with an inside (then an edge colour outlines it);
    /// '+' and 'x' are strokes only.
    pub fn is_filled(self) -> bool {
        !matches!(self, Marker::Plus | Marker::Cross)
    }
}

/// Where a staircase line (`step(where=...)`) changes level between two points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Steps {
    /// A straight line from point to point.
    #[default]
    None,
    /// At the earlier point ('pre', matplotlib's `step` default).
    Pre,
    /// At the later point.
    Post,
    /// Halfway between.
    Mid,
}

impl Steps {
    /// The vertices of the line through `(x, y)` drawn this way.
    pub fn path(self, x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
        let pts: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
        if self == Steps::None {
            return pts;
        }
        let mut out = Vec::with_capacity(pts.len() * 3);
        for (i, &(x1, y1)) in pts.iter().enumerate() {
            if let Some(&(x0, y0)) = i.checked_sub(1).and_then(|j| pts.get(j)) {
                match self {
                    Steps::Pre => out.push((x0, y1)),
                    Steps::Post => out.push((x1, y0)),
                    _ => {
                        let m = (x0 + x1) / 2.0;
                        out.extend([(m, y0), (m, y1)]);
                    }
                }
            }
            // Mid steps pass through the points only at the ends (as matplotlib's).
            if self != Steps::Mid || i == 0 || i + 1 == pts.len() {
                out.push((x1, y1));
            }
        }
        out
    }
}

/// Colour maps for `imshow` and `scatter(c=...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmap {
    Viridis,
    Gray,
    Magma,
    Inferno,
    Plasma,
    Hot,
    Coolwarm,
    /// The reversed grey map, `gray_r` / `binary`.
    GrayR,
    /// ColorBrewer's diverging maps (matplotlib's data), and their `_r` reversals.
    RdYlBu,
    RdYlBuR,
    RdBu,
    RdBuR,
    Spectral,
    Bwr,
    Seismic,
}

/// What an image holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Pixels {
    /// One value per pixel, row-major (h × w), mapped through `cmap` from `vmin..vmax`
    /// (NaN draws as transparent/background).
    Scalar {
        values: Vec<f64>,
        cmap: Cmap,
        vmin: f64,
        vmax: f64,
    },
    /// RGB per pixel, row-major (h × w), each channel 0.0–1.0.
    Rgb(Vec<[f64; 3]>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Artist {
    Line {
        x: Vec<f64>,
        y: Vec<f64>,
        label: Option<String>,
        color: Rgb,
        style: LineStyle,
        marker: Option<Marker>,
        width: f64,
        /// Opacity, 0 to 1 (`alpha=`).
        alpha: f64,
        /// Marker size in points (`markersize=`, default 6).
        marker_size: f64,
        /// `step()` / `drawstyle='steps-…'`: the line as a staircase through the points.
        steps: Steps,
    },
    Scatter {
        x: Vec<f64>,
        y: Vec<f64>,
        label: Option<String>,
        /// One colour for all points, or per-point values mapped through `cmap`.
        color: Rgb,
        values: Option<(Vec<f64>, Cmap)>,
        /// Marker area in points² (matplotlib's `s=`, default 36).
        size: f64,
        /// Per-point areas (`s=` as a sequence); empty: `size` for every point.
        sizes: Vec<f64>,
        /// `edgecolors=`: an outline of this colour, `edge_width` points wide (None:
        /// matplotlib's 'face', no separate outline).
        edge: Option<Rgb>,
        edge_width: f64,
        alpha: f64,
        marker: Marker,
    },
    /// `bar` and `hist`: bars centred at `x` (`hist` passes its bin centres), `width` wide,
    /// rising from 0 to `height`. `barh` sets `horizontal`: then `x` is the position along
    /// y, and the bars run along x from 0 to `height`.
    Bars {
        x: Vec<f64>,
        height: Vec<f64>,
        width: f64,
        label: Option<String>,
        color: Rgb,
        alpha: f64,
        /// The bars' outline colour (`edgecolor=`), none by default.
        edge: Option<Rgb>,
        horizontal: bool,
    },
    Image {
        h: usize,
        w: usize,
        pixels: Pixels,
    },
    /// `axhline` / `axvline`: a line across the whole axes at `at` on the y axis (or, when
    /// `vertical`, on the x axis). Only that axis's limits take it in.
    RefLine {
        vertical: bool,
        at: f64,
        label: Option<String>,
        color: Rgb,
        style: LineStyle,
        width: f64,
    },
    /// `fill_between`: the region between `y1` and `y2` over `x`, drawn with opacity `alpha`.
    Fill {
        x: Vec<f64>,
        y1: Vec<f64>,
        y2: Vec<f64>,
        label: Option<String>,
        color: Rgb,
        alpha: f64,
    },
    /// `errorbar`'s bars: at each point, a segment from `y - lo` to `y + hi` (`yerr`) and/or
    /// from `x - lo` to `x + hi` (`xerr`), with caps `capsize` points long (0: none).
    ErrorBars {
        x: Vec<f64>,
        y: Vec<f64>,
        yerr: Option<Vec<(f64, f64)>>,
        xerr: Option<Vec<(f64, f64)>>,
        color: Rgb,
        width: f64,
        capsize: f64,
    },
    /// `contour` (lines at `levels`, `colors[k]` for level k) and `contourf` (bands between
    /// neighbouring levels, `colors[k]` for band k, drawn with opacity `alpha`).
    Contour {
        grid: super::contour::ContourGrid,
        levels: Vec<f64>,
        colors: Vec<Rgb>,
        filled: bool,
        alpha: f64,
        /// Line width in points, and the style of each level's line.
        width: f64,
        styles: Vec<LineStyle>,
    },
    /// `text(x, y, s)`: text placed at a data point, aligned by `align`. It does not change the
    /// limits, as in matplotlib.
    Text {
        x: f64,
        y: f64,
        text: String,
        color: Rgb,
        /// Font size in points (matplotlib's default 10).
        size: f64,
        align: (HAlign, VAlign),
        /// `annotate(textcoords='offset points')`: the text's shift from (x, y) in points,
        /// right and up.
        offset: (f64, f64),
        /// `annotate(arrowprops=...)`: an arrow from the text to a data point.
        arrow: Option<Arrow>,
    },
}

/// An annotation's arrow, from the edge of its text to `to` (data units).
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub to: (f64, f64),
    pub color: Rgb,
    /// The shaft's width in points.
    pub width: f64,
    pub head: ArrowHead,
    /// The head's length and half width, in points.
    pub head_size: (f64, f64),
    /// How far the arrow stops short of the text and of the point, in points.
    pub shrink: (f64, f64),
    /// Or, for matplotlib's default arrow (`shrink=`), a fraction of its length at each end.
    pub shrink_frac: f64,
}

/// `arrowstyle`: '-' (no head), '->' (an open head), '-|>' and the default arrow (filled).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrowHead {
    None,
    Open,
    Filled,
}

/// Horizontal alignment of a text to its anchor point (`ha=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HAlign {
    #[default]
    Left,
    Center,
    Right,
}

/// Vertical alignment of a text to its anchor point (`va=`); `baseline` draws as `bottom`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Center,
    #[default]
    Bottom,
}

/// Where `legend(loc=...)` puts the legend: matplotlib's names and codes (0 to 10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LegendLoc {
    /// The candidate position covering the least data, as matplotlib's `'best'`.
    #[default]
    Best,
    UpperRight,
    UpperLeft,
    LowerLeft,
    LowerRight,
    Right,
    CenterLeft,
    CenterRight,
    LowerCenter,
    UpperCenter,
    Center,
}

impl LegendLoc {
    /// matplotlib's order: `LegendLoc::ALL[code]`.
    pub const ALL: [LegendLoc; 11] = [
        LegendLoc::Best,
        LegendLoc::UpperRight,
        LegendLoc::UpperLeft,
        LegendLoc::LowerLeft,
        LegendLoc::LowerRight,
        LegendLoc::Right,
        LegendLoc::CenterLeft,
        LegendLoc::CenterRight,
        LegendLoc::LowerCenter,
        LegendLoc::UpperCenter,
        LegendLoc::Center,
    ];
    pub const NAMES: [&'static str; 11] = [
        "best",
        "upper right",
        "upper left",
        "lower left",
        "lower right",
        "right",
        "center left",
        "center right",
        "lower center",
        "upper center",
        "center",
    ];

    pub fn parse(name: &str) -> Option<LegendLoc> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    /// Where the legend sits in the free space of the axes: 0 at the left/top, 1 at the
    /// right/bottom (`Best` has no fixed place and gives the upper right).
    pub fn anchor(self) -> (f64, f64) {
        match self {
            LegendLoc::Best | LegendLoc::UpperRight => (1.0, 0.0),
            LegendLoc::UpperLeft => (0.0, 0.0),
            LegendLoc::LowerLeft => (0.0, 1.0),
            LegendLoc::LowerRight => (1.0, 1.0),
            LegendLoc::Right | LegendLoc::CenterRight => (1.0, 0.5),
            LegendLoc::CenterLeft => (0.0, 0.5),
            LegendLoc::LowerCenter => (0.5, 1.0),
            LegendLoc::UpperCenter => (0.5, 0.0),
            LegendLoc::Center => (0.5, 0.5),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axes {
    pub title: Option<String>,
    pub xlabel: Option<String>,
    pub ylabel: Option<String>,
    pub xlim: Option<(f64, f64)>,
    pub ylim: Option<(f64, f64)>,
    pub xlog: bool,
    pub ylog: bool,
    pub grid: bool,
    /// `legend()` was called: draw the labelled artists' legend there.
    pub legend: Option<LegendLoc>,
    /// `legend(labels)`: names for the legend's entries, given to the artists in order
    /// instead of their own labels.
    pub legend_labels: Option<Vec<String>>,
    /// `axis('off')`: no frame, ticks or labels (images).
    pub axis_off: bool,
    /// `colorbar()` was called for this axes' image.
    pub colorbar: bool,
    /// The artist the colour bar shows (the one passed to `colorbar`, else the newest
    /// colour-mapped artist when it was called); None: the newest at drawing time.
    pub colorbar_of: Option<usize>,
    /// `set_aspect` / `axis('equal')` / `imshow`'s default: how a data unit on y compares
    /// with one on x (None: the axes fill their box, matplotlib's 'auto').
    pub aspect: Option<Aspect>,
    /// `margins(x, y)`: the padding of automatic limits, as a fraction of the data's span
    /// (None: matplotlib's 0.05 on both).
    pub margins: Option<(f64, f64)>,
    /// `invert_xaxis()` / `invert_yaxis()`: automatic limits run from high to low (limits
    /// set are swapped instead).
    pub xinverted: bool,
    pub yinverted: bool,
    pub artists: Vec<Artist>,
    /// Tick positions and labels set by `xticks`/`set_xticks` (None: automatic ticks).
    pub xticks: Option<Vec<(f64, String)>>,
    pub yticks: Option<Vec<(f64, String)>>,
    /// `xticks(rotation=90)`: x tick labels read bottom to top.
    pub xticks_vertical: bool,
    /// Category names of a categorical x (y) axis, in order: data given as strings is placed
    /// at 0, 1, 2, … by first appearance, and the axis is labelled with the names.
    pub xcats: Vec<String>,
    pub ycats: Vec<String>,
    /// Next colour of the cycle for a line without one (plot, hist, errorbar).
    pub next_color: usize,
    /// Next colour of matplotlib's separate cycle for patches (bar, scatter, fill_between).
    pub next_patch_color: usize,
}

impl Artist {
    /// Whether a colour bar can show this artist (matplotlib's mappables): a scalar image, a
    /// scatter coloured by values, a filled contour.
    pub fn is_mappable(&self) -> bool {
        matches!(
            self,
            Artist::Image {
                pixels: Pixels::Scalar { .. },
                ..
            } | Artist::Scatter {
                values: Some(_),
                ..
            } | Artist::Contour { filled: true, .. }
        )
    }
}

impl Axes {
    /// The newest artist a colour bar can show (matplotlib's current image).
    pub fn newest_mappable(&self) -> Option<usize> {
        self.artists.iter().rposition(Artist::is_mappable)
    }

    /// The next colour of matplotlib's cycle.
    pub fn cycle_color(&mut self) -> Rgb {
        let c = CYCLE[self.next_color % CYCLE.len()];
        self.next_color += 1;
        c
    }

    /// The next colour of the patch cycle.
    pub fn patch_color(&mut self) -> Rgb {
        let c = CYCLE[self.next_patch_color % CYCLE.len()];
        self.next_patch_color += 1;
        c
    }
}

/// `set_aspect(ratio, adjustable=...)`: a data unit on y drawn `ratio` times as long as one
/// on x, by shrinking the plot box about its centre (`adjustable='box'`) or by widening one
/// axis's limits (`'datalim'`, what `axis('equal')` does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Aspect {
    pub ratio: f64,
    pub datalim: bool,
}

impl Aspect {
    pub const EQUAL_BOX: Aspect = Aspect {
        ratio: 1.0,
        datalim: false,
    };
}

/// Which axes of a grid share an axis's limits (`subplots(sharex=...)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Share {
    #[default]
    None,
    All,
    Row,
    Col,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Width and height in inches (`figsize=`, default 6.4 × 4.8).
    pub size: (f64, f64),
    pub dpi: f64,
    pub suptitle: Option<String>,
    /// `tight_layout()`: margins fitted to the labels instead of matplotlib's fixed fractions.
    pub tight: bool,
    pub sharex: Share,
    pub sharey: Share,
    pub rows: usize,
    pub cols: usize,
    /// Row-major, `rows * cols` of them.
    pub axes: Vec<Axes>,
}

impl Default for Figure {
    fn default() -> Self {
        Figure::new((6.4, 4.8), 1, 1)
    }
}

impl Figure {
    pub fn new(size: (f64, f64), rows: usize, cols: usize) -> Figure {
        let (rows, cols) = (rows.max(1), cols.max(1));
        Figure {
            size,
            dpi: 100.0,
            suptitle: None,
            tight: false,
            sharex: Share::None,
            sharey: Share::None,
            rows,
            cols,
            axes: (0..rows * cols).map(|_| Axes::default()).collect(),
        }
    }
}

/// `hist`: counts of `values` in `bins` equal bins over `range` (default min..max), as
/// matplotlib's / numpy's histogram (the last bin includes its right edge; NaN ignored).
/// Returns the bin edges (`bins + 1`) and counts.
pub fn histogram(values: &[f64], bins: usize, range: Option<(f64, f64)>) -> (Vec<f64>, Vec<f64>) {
    let bins = bins.max(1);
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (mut lo, mut hi) = match range {
        Some(r) => r,
        None => finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        }),
    };
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if lo == hi {
        (lo, hi) = (lo - 0.5, hi + 0.5);
    }
    let step = (hi - lo) / bins as f64;
    let edges: Vec<f64> = (0..=bins).map(|i| lo + step * i as f64).collect();
    let mut counts = vec![0.0; bins];
    for &v in values {
        if !(lo..=hi).contains(&v) {
            continue;
        }
        let i = (((v - lo) / step) as usize).min(bins - 1);
        counts[i] += 1.0;
    }
    (edges, counts)
}

/// `hist(bins=edges)`: counts of `values` in the bins between consecutive `edges`
/// (increasing), as numpy's histogram: each bin holds its left edge, the last also its right.
pub fn histogram_edges(values: &[f64], edges: &[f64]) -> Vec<f64> {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0.0; bins];
    let (Some(&lo), Some(&hi)) = (edges.first(), edges.last()) else {
        return counts;
    };
    if bins == 0 {
        return counts;
    }
    for &v in values {
        if !(lo..=hi).contains(&v) {
            continue;
        }
        // The last edge not above v.
        let i = edges
            .partition_point(|e| *e <= v)
            .saturating_sub(1)
            .min(bins - 1);
        counts[i] += 1.0;
    }
    counts
}

/// Anchor colours of each map at evenly spaced points from 0 to 1 (matplotlib's values).
const RDYLBU: [u32; 11] = [
    0xa50026, 0xd73027, 0xf46d43, 0xfdae61, 0xfee090, 0xffffbf, 0xe0f3f8, 0xabd9e9, 0x74add1,
    0x4575b4, 0x313695,
];
const RDYLBU_R: [u32; 11] = reversed(RDYLBU);
const RDBU: [u32; 11] = [
    0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3,
    0x2166ac, 0x053061,
];
const RDBU_R: [u32; 11] = reversed(RDBU);

const fn reversed(a: [u32; 11]) -> [u32; 11] {
    let mut out = [0; 11];
    let mut i = 0;
    while i < 11 {
        out[i] = a[10 - i];
        i += 1;
    }
    out
}

fn anchors(cmap: Cmap) -> &'static [u32] {
    match cmap {
        Cmap::Viridis => &[
            0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58,
            0xb5de2b, 0xfde725,
        ],
        Cmap::Magma => &[
            0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779, 0xde4968, 0xf7705c,
            0xfe9f6d, 0xfecf92, 0xfcfdbf,
        ],
        Cmap::Inferno => &[
            0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819,
            0xfca50a, 0xf6d746, 0xfcffa4,
        ],
        Cmap::Plasma => &[
            0x0d0887, 0x41049d, 0x6a00a8, 0x8f0da4, 0xb12a90, 0xcc4778, 0xe16462, 0xf2844b,
            0xfca636, 0xfcce25, 0xf0f921,
        ],
        Cmap::Gray => &[0x000000, 0xffffff],
        Cmap::GrayR => &[0xffffff, 0x000000],
        Cmap::RdYlBu => &RDYLBU,
        Cmap::RdYlBuR => &RDYLBU_R,
        Cmap::RdBu => &RDBU,
        Cmap::RdBuR => &RDBU_R,
        Cmap::Spectral => &[
            0x9e0142, 0xd53e4f, 0xf46d43, 0xfdae61, 0xfee08b, 0xffffbf, 0xe6f598, 0xabdda4,
            0x66c2a5, 0x3288bd, 0x5e4fa2,
        ],
        Cmap::Bwr => &[0x0000ff, 0xffffff, 0xff0000],
        Cmap::Seismic => &[0x00004d, 0x0000ff, 0xffffff, 0xff0000, 0x800000],
        Cmap::Coolwarm => &[0x3b4cc0, 0x7b9ff9, 0xc0d4f5, 0xf2cbb7, 0xee8468, 0xb40426],
        Cmap::Hot => &[
            0x0b0000, 0x5e0000, 0xb20000, 0xff0a00, 0xff5f00, 0xffb300, 0xffff0d, 0xffff86,
            0xffffff,
        ],
    }
}

impl Cmap {
    /// The colour at `t` (0 to 1, clamped; NaN gives the low end).
    pub fn at(self, t: f64) -> Rgb {
        let a = anchors(self);
        let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
        let pos = t * (a.len() - 1) as f64;
        let i = (pos.floor() as usize).min(a.len() - 2);
        let f = pos - i as f64;
        let ch = |c: u32, s: u32| ((c >> s) & 0xff) as f64;
        let mix = |s: u32| (ch(a[i], s) * (1.0 - f) + ch(a[i + 1], s) * f).round() as u8;
        Rgb(mix(16), mix(8), mix(0))
    }
}

/// The colour of an image's pixel `p` (row-major); None for NaN.
pub fn pixel_color(pixels: &Pixels, p: usize) -> Option<Rgb> {
    match pixels {
        Pixels::Scalar {
            values,
            cmap,
            vmin,
            vmax,
        } => {
            let v = *values.get(p)?;
            if v.is_nan() {
                return None;
            }
            let span = vmax - vmin;
            let t = if span.abs() > 0.0 {
                (v - vmin) / span
            } else {
                0.0
            };
            Some(cmap.at(t))
        }
        Pixels::Rgb(rgb) => {
            let [r, g, b] = *rgb.get(p)?;
            let c = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
            Some(Rgb(c(r), c(g), c(b)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Steps;

    /// matplotlib 3.11's `cbook.pts_to_prestep` / `poststep` / `midstep`.
    #[test]
    fn step_paths_match_matplotlib() {
        let (x, y) = ([0.0, 1.0, 3.0], [1.0, 2.0, 0.0]);
        assert_eq!(
            Steps::Pre.path(&x, &y),
            [(0.0, 1.0), (0.0, 2.0), (1.0, 2.0), (1.0, 0.0), (3.0, 0.0)]
        );
        assert_eq!(
            Steps::Post.path(&x, &y),
            [(0.0, 1.0), (1.0, 1.0), (1.0, 2.0), (3.0, 2.0), (3.0, 0.0)]
        );
        assert_eq!(
            Steps::Mid.path(&x, &y),
            [
                (0.0, 1.0),
                (0.5, 1.0),
                (0.5, 2.0),
                (2.0, 2.0),
                (2.0, 0.0),
                (3.0, 0.0)
            ]
        );
        assert_eq!(
            Steps::None.path(&x, &y),
            [(0.0, 1.0), (1.0, 2.0), (3.0, 0.0)]
        );
        assert_eq!(Steps::Mid.path(&[2.0], &[5.0]), [(2.0, 5.0)]);
        assert!(Steps::Pre.path(&[], &[]).is_empty());
    }
}
