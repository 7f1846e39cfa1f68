//! The painter: drawing calls in pixels (lines, shapes, markers, text) on a plotters area, the same for PNG and SVG.

use super::*;

pub(super) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

pub(super) fn px((x, y): (f64, f64)) -> (i32, i32) {
    let c = |v: f64| v.round().clamp(-1e6, 1e6) as i32;
    (c(x), c(y))
}

/// Drawing calls in pixels; `k` is pixels per point. Shapes are drawn with opacity `alpha`
/// (set for each artist); text is always opaque.
pub(super) struct Painter<'a, DB: DrawingBackend> {
    pub(super) area: &'a Area<DB>,
    pub(super) k: f64,
    pub(super) alpha: std::cell::Cell<f64>,
}

pub(super) type Res = Result<(), String>;

impl<DB: DrawingBackend> Painter<'_, DB> {
    /// `c` at the current opacity.
    pub(super) fn color(&self, c: Rgb) -> RGBAColor {
        rgb(c).mix(self.alpha.get())
    }

    /// A stroke width in pixels: at least 1, and at most 1000 (plotters' rasteriser
    /// overflows on wider strokes; no figure needs them).
    pub(super) fn stroke(&self, width_pt: f64) -> u32 {
        let w = (width_pt * self.k).round();
        if w.is_nan() {
            1
        } else {
            w.clamp(1.0, 1000.0) as u32
        }
    }

    pub(super) fn path(&self, pts: &[(f64, f64)], c: Rgb, width_pt: f64) -> Res {
        let width = self.stroke(width_pt);
        let pts: Vec<(i32, i32)> = pts.iter().map(|p| px(*p)).collect();
        self.area
            .draw(&PathElement::new(pts, self.color(c).stroke_width(width)))
            .map_err(|e| e.to_string())
    }

    pub(super) fn fill(&self, a: (f64, f64), b: (f64, f64), c: Rgb) -> Res {
        self.area
            .draw(&Rectangle::new([px(a), px(b)], self.color(c).filled()))
            .map_err(|e| e.to_string())
    }

    pub(super) fn frame(&self, a: (f64, f64), b: (f64, f64), c: Rgb, width_pt: f64) -> Res {
        let (a, b) = (px(a), px(b));
        let w = self.stroke(width_pt);
        self.area
            .draw(&Rectangle::new([a, b], self.color(c).stroke_width(w)))
            .map_err(|e| e.to_string())
    }

    pub(super) fn text(
        &self,
        s: &str,
        at: (f64, f64),
        size_pt: f64,
        pos: (HPos, VPos),
        rotate: bool,
    ) -> Res {
        self.text_styled(s, at, size_pt, pos, rotate, BLACK_RGB)
    }

    /// `text` in a colour, unrotated.
    pub(super) fn text_in(
        &self,
        s: &str,
        at: (f64, f64),
        size_pt: f64,
        pos: (HPos, VPos),
        c: Rgb,
    ) -> Res {
        self.text_styled(s, at, size_pt, pos, false, c)
    }

    pub(super) fn text_styled(
        &self,
        s: &str,
        at: (f64, f64),
        size_pt: f64,
        pos: (HPos, VPos),
        rotate: bool,
        c: Rgb,
    ) -> Res {
        if s.is_empty() {
            return Ok(());
        }
        // ab_glyph's size is the font's full height, about 1.17 em for DejaVu Sans.
        let size = size_pt * self.k * 1.17;
        let mut style = ("sans-serif", size)
            .into_font()
            .color(&rgb(c))
            .pos(Pos::new(pos.0, pos.1));
        if rotate {
            style = style.transform(FontTransform::Rotate270);
        }
        self.area
            .draw(&Text::new(s.to_string(), px(at), style))
            .map_err(|e| e.to_string())
    }

    /// The width of `s` in pixels at `size_pt`.
    pub(super) fn text_width(&self, s: &str, size_pt: f64) -> f64 {
        let style = ("sans-serif", size_pt * self.k * 1.17).into_font();
        match self
            .area
            .estimate_text_size(s, &style.into_text_style(self.area))
        {
            Ok((w, _)) => w as f64,
            Err(_) => s.chars().count() as f64 * 0.6 * size_pt * self.k,
        }
    }

    pub(super) fn marker(&self, m: Marker, at: (f64, f64), r: f64, c: Rgb) -> Res {
        let (x, y) = at;
        let r = marker_radius(r);
        match m {
            Marker::Circle | Marker::Point => {
                let r = if m == Marker::Point { r / 2.0 } else { r };
                self.area
                    .draw(&Circle::new(
                        px(at),
                        r.round().max(1.0) as i32,
                        self.color(c).filled(),
                    ))
                    .map_err(|e| e.to_string())
            }
            Marker::Square => self.fill((x - r, y - r), (x + r, y + r), c),
            Marker::Plus => {
                self.path(&[(x - r, y), (x + r, y)], c, 1.0)?;
                self.path(&[(x, y - r), (x, y + r)], c, 1.0)
            }
            Marker::Cross => {
                self.path(&[(x - r, y - r), (x + r, y + r)], c, 1.0)?;
                self.path(&[(x - r, y + r), (x + r, y - r)], c, 1.0)
            }
            _ => self
                .area
                .draw(&Polygon::new(
                    marker_shape(m, at, r)
                        .into_iter()
                        .map(px)
                        .collect::<Vec<_>>(),
                    self.color(c).filled(),
                ))
                .map_err(|e| e.to_string()),
        }
    }

    /// The outline of a filled marker (`scatter(edgecolors=...)`), `width_pt` wide.
    pub(super) fn marker_edge(
        &self,
        m: Marker,
        at: (f64, f64),
        r: f64,
        c: Rgb,
        width_pt: f64,
    ) -> Res {
        if width_pt.is_nan() || width_pt <= 0.0 || !m.is_filled() {
            return Ok(());
        }
        let width = self.stroke(width_pt);
        let r = marker_radius(r);
        if matches!(m, Marker::Circle | Marker::Point) {
            let r = if m == Marker::Point { r / 2.0 } else { r };
            return self
                .area
                .draw(&Circle::new(
                    px(at),
                    r.round().max(1.0) as i32,
                    self.color(c).stroke_width(width),
                ))
                .map_err(|e| e.to_string());
        }
        let mut pts = marker_shape(m, at, r);
        pts.extend(pts.first().copied());
        let pts: Vec<(i32, i32)> = pts.into_iter().map(px).collect();
        self.area
            .draw(&PathElement::new(pts, self.color(c).stroke_width(width)))
            .map_err(|e| e.to_string())
    }
}

/// A marker's radius in pixels, kept where plotters' rasteriser works (it overflows on
/// circles much larger than a canvas).
pub(super) fn marker_radius(r: f64) -> f64 {
    if r.is_nan() {
        0.5
    } else {
        r.clamp(0.5, 1e4)
    }
}

/// The corners of a filled marker of radius `r` at `(x, y)`, in pixels.
pub(super) fn marker_shape(m: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
    match m {
        Marker::Square => vec![
            (x - r, y - r),
            (x + r, y - r),
            (x + r, y + r),
            (x - r, y + r),
        ],
        Marker::Triangle => vec![(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)],
        Marker::Diamond => vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        Marker::Star => (0..10)
            .map(|i| {
                let a = std::f64::consts::PI * (i as f64 / 5.0 - 0.5);
                let rr = if i % 2 == 0 { r } else { r * 0.4 };
                (x + rr * a.cos(), y + rr * a.sin())
            })
            .collect(),
        Marker::Circle | Marker::Point | Marker::Plus | Marker::Cross => vec![],
    }
}

/// A plot box in pixels.
#[derive(Clone, Copy, Debug)]
pub(super) struct BoxPx {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

impl BoxPx {
    pub(super) fn right(&self) -> f64 {
        self.x + self.w
    }
    pub(super) fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// matplotlib's axis-label and tick-label size (10 pt) and title size (12 pt).
pub(super) const LABEL_PT: f64 = 10.0;
pub(super) const TITLE_PT: f64 = 12.0;
pub(super) const BLACK_RGB: Rgb = Rgb(0, 0, 0);
pub(super) const GRID_RGB: Rgb = Rgb(0xb0, 0xb0, 0xb0);
