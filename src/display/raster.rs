//! A figure drawn as pixels (PNG) or vectors (SVG) with plotters: matplotlib's default layout
//! (subplot margins, 10 pt DejaVu Sans labels, outward ticks, the tab10 cycle), the same axis
//! intervals and ticks as the text renderer. The font is embedded and registered on first use,
//! so nothing here costs start-up time.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{
    apply_aspect, axis_ticks, clip, format_tick, is_shared, shared_scale, ticks, Scale,
};
use super::figure::{
    pixel_color, Arrow, ArrowHead, Artist, Axes, Figure, HAlign, LineStyle, Marker, Pixels, Rgb,
    VAlign,
};
use super::legend::{self, Obstacles};

/// The largest side of a figure in pixels.
const MAX_SIDE: f64 = 8192.0;

type Area<DB> = DrawingArea<DB, plotters::coord::Shift>;

fn fonts() -> Result<(), String> {
    static DONE: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    DONE.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular())
            .map_err(|_| "the embedded DejaVu Sans font did not load".to_string())
    })
    .clone()
}

/// The figure's size in pixels: `figsize` inches times `dpi`.
pub fn pixel_size(fig: &Figure) -> Result<(u32, u32), String> {
    let (w, h) = (
        (fig.size.0 * fig.dpi).round(),
        (fig.size.1 * fig.dpi).round(),
    );
    if !(1.0..=MAX_SIDE).contains(&w) || !(1.0..=MAX_SIDE).contains(&h) {
        return Err(format!(
            "a figure of {w}×{h} pixels (figsize {:?} inches at dpi {}) is outside 1 to {MAX_SIDE} pixels a side; choose a smaller figsize or dpi",
            fig.size, fig.dpi
        ));
    }
    Ok((w as u32, h as u32))
}

/// The figure as RGB bytes, row-major, with its width and height.
pub fn render_rgb(fig: &Figure) -> Result<(Vec<u8>, usize, usize), String> {
    fonts()?;
    let (w, h) = pixel_size(fig)?;
    let mut buf = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw(&root, fig)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok((buf, w as usize, h as usize))
}

/// The figure as a PNG file's bytes.
pub fn render_png(fig: &Figure) -> Result<Vec<u8>, String> {
    let (rgb, w, h) = render_rgb(fig)?;
    encode_png(&rgb, w, h)
}

/// matplotlib's `pad_inches` default around a tight bounding box.
pub const TIGHT_PAD: f64 = 0.1;

/// A figure drawn on the canvas of its tight bounding box.
struct TightCanvas {
    rgb: Vec<u8>,
    size: (usize, usize),
    /// Where the figure's top left corner falls on the canvas.
    origin: (f64, f64),
}

/// Where a tight bounding box puts the figure: drawn on a canvas with an inch to spare on
/// every side, what is not background (titles, labels, ticks, everything drawn), plus `pad`
/// inches.
fn tight_canvas(fig: &Figure, pad: f64) -> Result<TightCanvas, String> {
    fonts()?;
    let (w, h) = pixel_size(fig)?;
    let m = fig.dpi.round().clamp(1.0, 300.0) as u32;
    let (cw, ch) = (w + 2 * m, h + 2 * m);
    let mut buf = vec![255u8; cw as usize * ch as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (cw, ch)).into_drawing_area();
        draw_at(&root, fig, (m as f64, m as f64), (w as f64, h as f64))?;
        root.present().map_err(|e| e.to_string())?;
    }
    let (cw, ch) = (cw as usize, ch as usize);
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for y in 0..ch {
        let row = &buf[y * cw * 3..(y + 1) * cw * 3];
        if let Some(first) = row.chunks(3).position(|p| p != [255, 255, 255]) {
            let last = row
                .chunks(3)
                .rposition(|p| p != [255, 255, 255])
                .unwrap_or(first);
            (x0, x1) = (x0.min(first), x1.max(last));
            (y0, y1) = (y0.min(y), y1.max(y));
        }
    }
    if x0 > x1 || y0 > y1 {
        // Nothing drawn: the figure as it is.
        (x0, y0, x1, y1) = (
            m as usize,
            m as usize,
            (m + w) as usize - 1,
            (m + h) as usize - 1,
        );
    }
    let p = (pad.max(0.0) * fig.dpi).round() as usize;
    let (x0, y0) = (x0.saturating_sub(p), y0.saturating_sub(p));
    let (x1, y1) = ((x1 + p).min(cw - 1), (y1 + p).min(ch - 1));
    let (tw, th) = (x1 - x0 + 1, y1 - y0 + 1);
    let mut out = Vec::with_capacity(tw * th * 3);
    for y in y0..=y1 {
        out.extend_from_slice(&buf[(y * cw + x0) * 3..(y * cw + x1 + 1) * 3]);
    }
    Ok(TightCanvas {
        rgb: out,
        size: (tw, th),
        origin: (m as f64 - x0 as f64, m as f64 - y0 as f64),
    })
}

/// The figure as a PNG cropped to what is drawn plus `pad` inches, as matplotlib's
/// `savefig(bbox_inches='tight')` and its notebook display: labels that would fall off the
/// figure are kept, empty margins dropped.
pub fn render_png_tight(fig: &Figure, pad: f64) -> Result<Vec<u8>, String> {
    let t = tight_canvas(fig, pad)?;
    encode_png(&t.rgb, t.size.0, t.size.1)
}

/// The figure as an SVG document over the same tight bounding box as `render_png_tight`.
pub fn render_svg_tight(fig: &Figure, pad: f64) -> Result<String, String> {
    let t = tight_canvas(fig, pad)?;
    let (w, h) = (t.size.0 as u32, t.size.1 as u32);
    let size = pixel_size(fig)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw_at(&root, fig, t.origin, (size.0 as f64, size.1 as f64))?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

impl Figure {
    /// Shows the figure in an evcxr notebook (Rust in Jupyter) as a PNG.
    pub fn evcxr_display(&self) {
        use base64::Engine as _;
        let text = match render_png(self) {
            Ok(png) => super::html::evcxr_content(
                "image/png",
                &base64::engine::general_purpose::STANDARD.encode(png),
            ),
            Err(e) => super::html::evcxr_content("text/plain", &format!("(figure not drawn: {e})")),
        };
        print!("{text}");
    }
}

/// nabla's logo, a white ∇ on the tab10 blue, as a `size`-pixel square PNG (the
/// kernelspec's logo-32x32.png and logo-64x64.png).
pub fn logo_png(size: u32) -> Result<Vec<u8>, String> {
    fonts()?;
    let mut buf = vec![255u8; size as usize * size as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (size, size)).into_drawing_area();
        root.fill(&RGBColor(0x1f, 0x77, 0xb4))
            .map_err(|e| e.to_string())?;
        let style = ("sans-serif", size as f64 * 0.9)
            .into_font()
            .color(&WHITE)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let c = size as i32 / 2;
        root.draw(&Text::new("∇", (c, c), style))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    encode_png(&buf, size as usize, size as usize)
}

fn encode_png(rgb: &[u8], w: usize, h: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(rgb).map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The figure as an SVG document.
pub fn render_svg(fig: &Figure) -> Result<String, String> {
    fonts()?;
    let (w, h) = pixel_size(fig)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&root, fig)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px((x, y): (f64, f64)) -> (i32, i32) {
    let c = |v: f64| v.round().clamp(-1e6, 1e6) as i32;
    (c(x), c(y))
}

/// Drawing calls in pixels; `k` is pixels per point. Shapes are drawn with opacity `alpha`
/// (set for each artist); text is always opaque.
struct Painter<'a, DB: DrawingBackend> {
    area: &'a Area<DB>,
    k: f64,
    alpha: std::cell::Cell<f64>,
}

type Res = Result<(), String>;

impl<DB: DrawingBackend> Painter<'_, DB> {
    /// `c` at the current opacity.
    fn color(&self, c: Rgb) -> RGBAColor {
        rgb(c).mix(self.alpha.get())
    }

    /// A stroke width in pixels: at least 1, and at most 1000 (plotters' rasteriser
    /// overflows on wider strokes; no figure needs them).
    fn stroke(&self, width_pt: f64) -> u32 {
        let w = (width_pt * self.k).round();
        if w.is_nan() {
            1
        } else {
            w.clamp(1.0, 1000.0) as u32
        }
    }

    fn path(&self, pts: &[(f64, f64)], c: Rgb, width_pt: f64) -> Res {
        let width = self.stroke(width_pt);
        let pts: Vec<(i32, i32)> = pts.iter().map(|p| px(*p)).collect();
        self.area
            .draw(&PathElement::new(pts, self.color(c).stroke_width(width)))
            .map_err(|e| e.to_string())
    }

    fn fill(&self, a: (f64, f64), b: (f64, f64), c: Rgb) -> Res {
        self.area
            .draw(&Rectangle::new([px(a), px(b)], self.color(c).filled()))
            .map_err(|e| e.to_string())
    }

    fn frame(&self, a: (f64, f64), b: (f64, f64), c: Rgb, width_pt: f64) -> Res {
        let (a, b) = (px(a), px(b));
        let w = self.stroke(width_pt);
        self.area
            .draw(&Rectangle::new([a, b], self.color(c).stroke_width(w)))
            .map_err(|e| e.to_string())
    }

    fn text(&self, s: &str, at: (f64, f64), size_pt: f64, pos: (HPos, VPos), rotate: bool) -> Res {
        self.text_styled(s, at, size_pt, pos, rotate, BLACK_RGB)
    }

    /// `text` in a colour, unrotated.
    fn text_in(&self, s: &str, at: (f64, f64), size_pt: f64, pos: (HPos, VPos), c: Rgb) -> Res {
        self.text_styled(s, at, size_pt, pos, false, c)
    }

    fn text_styled(
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
    fn text_width(&self, s: &str, size_pt: f64) -> f64 {
        let style = ("sans-serif", size_pt * self.k * 1.17).into_font();
        match self
            .area
            .estimate_text_size(s, &style.into_text_style(self.area))
        {
            Ok((w, _)) => w as f64,
            Err(_) => s.chars().count() as f64 * 0.6 * size_pt * self.k,
        }
    }

    fn marker(&self, m: Marker, at: (f64, f64), r: f64, c: Rgb) -> Res {
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
    fn marker_edge(&self, m: Marker, at: (f64, f64), r: f64, c: Rgb, width_pt: f64) -> Res {
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
fn marker_radius(r: f64) -> f64 {
    if r.is_nan() {
        0.5
    } else {
        r.clamp(0.5, 1e4)
    }
}

/// The corners of a filled marker of radius `r` at `(x, y)`, in pixels.
fn marker_shape(m: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
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
struct BoxPx {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl BoxPx {
    fn right(&self) -> f64 {
        self.x + self.w
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// matplotlib's axis-label and tick-label size (10 pt) and title size (12 pt).
const LABEL_PT: f64 = 10.0;
const TITLE_PT: f64 = 12.0;
const BLACK_RGB: Rgb = Rgb(0, 0, 0);
const GRID_RGB: Rgb = Rgb(0xb0, 0xb0, 0xb0);

fn draw<DB: DrawingBackend>(root: &Area<DB>, fig: &Figure) -> Res {
    let (w, h) = root.dim_in_pixel();
    draw_at(root, fig, (0.0, 0.0), (w as f64, h as f64))
}

/// Draws the figure laid out for `w × h` pixels with its top left corner at `origin`.
fn draw_at<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    (ox, oy): (f64, f64),
    (w, h): (f64, f64),
) -> Res {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let p = Painter {
        area: root,
        k: fig.dpi / 72.0,
        alpha: std::cell::Cell::new(1.0),
    };
    if let Some(s) = &fig.suptitle {
        p.text(
            s,
            (ox + w / 2.0, oy + 0.02 * h),
            TITLE_PT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    for (i, ax) in fig.axes.iter().enumerate() {
        let scales = (shared_scale(fig, i, false), shared_scale(fig, i, true));
        let mut b = if fig.tight {
            tight_box(fig, &p, i, (w, h))
        } else {
            // matplotlib's subplot parameters: left .125, right .9, bottom .11, top .88,
            // spacing .2 of an axes.
            let (left, right, bottom, top, space) = (0.125, 0.9, 0.11, 0.88, 0.2);
            let (rows, cols) = (rows as f64, cols as f64);
            let cell_w = (right - left) * w / (cols + space * (cols - 1.0));
            let cell_h = (top - bottom) * h / (rows + space * (rows - 1.0));
            let (r, c) = ((i / fig.cols.max(1)) as f64, (i % fig.cols.max(1)) as f64);
            BoxPx {
                x: left * w + c * cell_w * (1.0 + space),
                y: (1.0 - top) * h + r * cell_h * (1.0 + space),
                w: cell_w,
                h: cell_h,
            }
        };
        (b.x, b.y) = (b.x + ox, b.y + oy);
        if b.w >= 1.0 && b.h >= 1.0 {
            let shared = (is_shared(fig, i, false), is_shared(fig, i, true));
            draw_axes(&p, ax, scales, shared, b)?;
        }
    }
    Ok(())
}

/// `tight_layout()`: each grid cell's plot box inset by what its labels need (the widest y
/// tick label, the axis labels, the title), the same insets across the grid so boxes align.
fn tight_box<DB: DrawingBackend>(
    fig: &Figure,
    p: &Painter<DB>,
    i: usize,
    (w, h): (f64, f64),
) -> BoxPx {
    let k = p.k;
    let (label, title) = (LABEL_PT * k * 1.3, TITLE_PT * k * 1.3);
    let pad = 6.0 * k;
    let tick = 3.5 * k + 3.5 * k;
    let (mut left, mut bottom, mut top) = (pad, pad, pad);
    for (j, ax) in fig.axes.iter().enumerate() {
        if ax.axis_off {
            continue;
        }
        let sy = shared_scale(fig, j, true);
        let widest = axis_ticks(ax, &sy, true, 6)
            .iter()
            .map(|(_, l)| p.text_width(l, LABEL_PT))
            .fold(0.0, f64::max);
        // Vertical x tick labels take their width downwards.
        let xlabels = if ax.xticks_vertical {
            let sx = shared_scale(fig, j, false);
            axis_ticks(ax, &sx, false, 6)
                .iter()
                .map(|(_, l)| p.text_width(l, LABEL_PT))
                .fold(0.0, f64::max)
        } else {
            label
        };
        let ylabel = if ax.ylabel.is_some() {
            label + 2.0 * k
        } else {
            0.0
        };
        left = left.max(pad + ylabel + widest + tick);
        let xlabel = if ax.xlabel.is_some() {
            label + 4.0 * k
        } else {
            0.0
        };
        bottom = bottom.max(pad + tick + xlabels + xlabel);
        if ax.title.is_some() {
            top = top.max(pad + title);
        }
    }
    let sup = if fig.suptitle.is_some() {
        title + 0.02 * h
    } else {
        0.0
    };
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    let cell_w = w / cols as f64;
    let cell_h = (h - sup) / rows as f64;
    let (r, c) = ((i / cols) as f64, (i % cols) as f64);
    let right = pad
        + if fig.axes.get(i).is_some_and(|a| a.colorbar) {
            40.0 * k
        } else {
            0.0
        };
    BoxPx {
        x: c * cell_w + left,
        y: sup + r * cell_h + top,
        w: cell_w - left - right,
        h: cell_h - top - bottom,
    }
}

/// Where on the box a tick at `t` (axis units) falls, 0 to 1.
fn frac(s: &Scale, t: f64) -> f64 {
    (t - s.lo) / (s.hi - s.lo)
}

fn draw_axes<DB: DrawingBackend>(
    p: &Painter<DB>,
    ax: &Axes,
    (mut sx, mut sy): (Scale, Scale),
    shared: (bool, bool),
    mut b: BoxPx,
) -> Res {
    let colorbar = ax.colorbar.then(|| colorbar_range(ax)).flatten();
    let full = b;
    if colorbar.is_some() {
        b.w *= 0.8;
    }
    if let Some(aspect) = ax.aspect {
        // A data unit as long on y as `ratio` on x: the box shrinks about its centre, or
        // one axis's limits change.
        let ((nx, ny), (w, h)) = apply_aspect(ax, aspect, (sx, sy), (b.w, b.h), shared);
        (sx, sy) = (nx, ny);
        b.x += (b.w - w) / 2.0;
        b.y += (b.h - h) / 2.0;
        (b.w, b.h) = (w, h);
    }
    let to_px = |x: f64, y: f64| (b.x + sx.frac(x) * b.w, b.bottom() - sy.frac(y) * b.h);
    let xticks = axis_ticks(
        ax,
        &sx,
        false,
        (b.w / (50.0 * p.k)).clamp(3.0, 9.0) as usize,
    );
    let yticks = axis_ticks(ax, &sy, true, (b.h / (28.0 * p.k)).clamp(3.0, 9.0) as usize);
    let inside = |f: f64| (-1e-9..=1.0 + 1e-9).contains(&f);

    if ax.grid && !ax.axis_off {
        for (t, _) in xticks.iter().filter(|(t, _)| inside(frac(&sx, *t))) {
            let x = b.x + frac(&sx, *t) * b.w;
            p.path(&[(x, b.y), (x, b.bottom())], GRID_RGB, 0.8)?;
        }
        for (t, _) in yticks.iter().filter(|(t, _)| inside(frac(&sy, *t))) {
            let y = b.bottom() - frac(&sy, *t) * b.h;
            p.path(&[(b.x, y), (b.right(), y)], GRID_RGB, 0.8)?;
        }
    }

    for a in &ax.artists {
        p.alpha.set(alpha_of(a));
        draw_artist(p, a, b, (&sx, &sy), &to_px)?;
    }
    p.alpha.set(1.0);

    if let Some(bar) = colorbar {
        let cb = BoxPx {
            x: full.x + full.w * 0.85,
            y: b.y,
            w: (full.w * 0.05).max(4.0),
            h: b.h,
        };
        let (lo, hi) = bar.range();
        let s = Scale {
            lo,
            hi: if hi > lo { hi } else { lo + 1.0 },
            log: false,
        };
        let at = |v: f64| cb.bottom() - frac(&s, v) * cb.h;
        let marks = match &bar {
            ColorBar::Smooth(cmap, ..) => {
                let n = 64;
                for i in 0..n {
                    let y0 = cb.bottom() - cb.h * i as f64 / n as f64;
                    let y1 = cb.bottom() - cb.h * (i + 1) as f64 / n as f64;
                    p.fill(
                        (cb.x, y1),
                        (cb.right(), y0),
                        cmap.at((i as f64 + 0.5) / n as f64),
                    )?;
                }
                ticks(&s, (cb.h / (40.0 * p.k)).clamp(2.0, 9.0) as usize)
            }
            ColorBar::Bands(levels, colors, alpha) => {
                // The bands as the contour shows them, translucent too.
                p.alpha.set(alpha.clamp(0.0, 1.0));
                for (w, &c) in levels.windows(2).zip(colors) {
                    p.fill((cb.x, at(w[1])), (cb.right(), at(w[0])), c)?;
                }
                p.alpha.set(1.0);
                // matplotlib's FixedLocator(levels, nbins=10): every k-th level.
                let every = levels.len().div_ceil(10).max(1);
                let step = levels
                    .windows(2)
                    .map(|w| w[1] - w[0])
                    .fold(f64::INFINITY, f64::min)
                    * every as f64;
                levels
                    .iter()
                    .step_by(every)
                    .map(|&v| (v, format_tick(v, step)))
                    .collect()
            }
        };
        p.frame((cb.x, cb.y), (cb.right(), cb.bottom()), BLACK_RGB, 0.8)?;
        for (t, label) in marks {
            let y = at(t);
            p.path(
                &[(cb.right(), y), (cb.right() + 3.5 * p.k, y)],
                BLACK_RGB,
                0.8,
            )?;
            p.text(
                &label,
                (cb.right() + 5.0 * p.k, y),
                LABEL_PT,
                (HPos::Left, VPos::Center),
                false,
            )?;
        }
    }

    if let Some(t) = &ax.title {
        p.text(
            t,
            (b.x + b.w / 2.0, b.y - 6.0 * p.k),
            TITLE_PT,
            (HPos::Center, VPos::Bottom),
            false,
        )?;
    }
    if ax.axis_off {
        return Ok(());
    }
    p.frame((b.x, b.y), (b.right(), b.bottom()), BLACK_RGB, 0.8)?;
    let tick = 3.5 * p.k;
    let mut widest: f64 = 0.0;
    let mut lowest: f64 = LABEL_PT * p.k * 1.4;
    for (t, label) in xticks.iter().filter(|(t, _)| inside(frac(&sx, *t))) {
        let x = b.x + frac(&sx, *t) * b.w;
        p.path(&[(x, b.bottom()), (x, b.bottom() + tick)], BLACK_RGB, 0.8)?;
        if ax.xticks_vertical {
            // Read bottom to top, ending at the tick, as matplotlib's rotation=90.
            p.text(
                label,
                (x, b.bottom() + tick + 3.5 * p.k),
                LABEL_PT,
                (HPos::Right, VPos::Center),
                true,
            )?;
            lowest = lowest.max(p.text_width(label, LABEL_PT));
        } else {
            p.text(
                label,
                (x, b.bottom() + tick + 3.5 * p.k),
                LABEL_PT,
                (HPos::Center, VPos::Top),
                false,
            )?;
        }
    }
    for (t, label) in yticks.iter().filter(|(t, _)| inside(frac(&sy, *t))) {
        let y = b.bottom() - frac(&sy, *t) * b.h;
        p.path(&[(b.x - tick, y), (b.x, y)], BLACK_RGB, 0.8)?;
        p.text(
            label,
            (b.x - tick - 3.5 * p.k, y),
            LABEL_PT,
            (HPos::Right, VPos::Center),
            false,
        )?;
        widest = widest.max(p.text_width(label, LABEL_PT));
    }
    if let Some(l) = &ax.xlabel {
        let y = b.bottom() + tick + 3.5 * p.k + lowest + 4.0 * p.k;
        p.text(
            l,
            (b.x + b.w / 2.0, y),
            LABEL_PT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    if let Some(l) = &ax.ylabel {
        let x = b.x - tick - 3.5 * p.k - widest - 6.0 * p.k;
        p.text(
            l,
            (x, b.y + b.h / 2.0),
            LABEL_PT,
            (HPos::Center, VPos::Bottom),
            true,
        )?;
    }
    if let Some(loc) = ax.legend {
        draw_legend(p, ax, b, loc, &to_px)?;
    }
    Ok(())
}

/// An artist's opacity (fills carry their own, applied in their polygon).
fn alpha_of(a: &Artist) -> f64 {
    match a {
        Artist::Line { alpha, .. }
        | Artist::Scatter { alpha, .. }
        | Artist::Bars { alpha, .. }
        | Artist::Contour { alpha, .. } => alpha.clamp(0.0, 1.0),
        _ => 1.0,
    }
}

/// What a colour bar shows: a colour map over a value range, or a filled contour's bands.
enum ColorBar {
    Smooth(super::figure::Cmap, f64, f64),
    Bands(Vec<f64>, Vec<Rgb>, f64),
}

impl ColorBar {
    fn range(&self) -> (f64, f64) {
        match self {
            ColorBar::Smooth(_, lo, hi) => (*lo, *hi),
            ColorBar::Bands(levels, ..) => (levels[0], levels[levels.len() - 1]),
        }
    }
}

/// The colour bar of the axes' newest colour-mapped artist (matplotlib's current image): an
/// image, a scatter's `c=`, or a filled contour.
fn colorbar_range(ax: &Axes) -> Option<ColorBar> {
    let i = ax
        .colorbar_of
        .filter(|&i| ax.artists.get(i).is_some_and(Artist::is_mappable))
        .or_else(|| ax.newest_mappable())?;
    match &ax.artists[i] {
        Artist::Image {
            pixels: Pixels::Scalar {
                cmap, vmin, vmax, ..
            },
            ..
        } => Some(ColorBar::Smooth(*cmap, *vmin, *vmax)),
        Artist::Scatter {
            values: Some((v, cmap)),
            ..
        } => {
            let (lo, hi) = finite_range(v)?;
            Some(ColorBar::Smooth(*cmap, lo, hi))
        }
        Artist::Contour {
            levels,
            colors,
            filled: true,
            alpha,
            ..
        } if levels.len() >= 2 => Some(ColorBar::Bands(levels.clone(), colors.clone(), *alpha)),
        _ => None,
    }
}

fn finite_range(v: &[f64]) -> Option<(f64, f64)> {
    let (lo, hi) = v
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    (lo <= hi).then_some((lo, hi))
}

/// matplotlib's dash patterns, in multiples of the line width.
fn dashes(style: LineStyle) -> Option<&'static [f64]> {
    match style {
        LineStyle::Dashed => Some(&[3.7, 1.6]),
        LineStyle::Dotted => Some(&[1.0, 1.65]),
        LineStyle::DashDot => Some(&[6.4, 1.6, 1.0, 1.6]),
        LineStyle::Solid | LineStyle::None => None,
    }
}

/// Splits a polyline into the pieces a dash pattern draws.
fn dash(points: &[(f64, f64)], pattern: &[f64], unit: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    let (mut idx, mut left) = (0usize, pattern[0] * unit);
    let on = |i: usize| i.is_multiple_of(2);
    for seg in points.windows(2) {
        let (a, b) = (seg[0], seg[1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut pos = 0.0;
        if on(idx) && cur.is_empty() {
            cur.push(a);
        }
        while len - pos > left && out.len() < 100_000 {
            pos += left;
            let t = pos / len;
            let q = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if on(idx) {
                cur.push(q);
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(q);
            }
            idx = (idx + 1) % pattern.len();
            left = pattern[idx] * unit;
        }
        left -= len - pos;
        if on(idx) {
            cur.push(b);
        }
    }
    if cur.len() > 1 && on(idx) {
        out.push(cur);
    }
    out
}

fn draw_artist<DB: DrawingBackend>(
    p: &Painter<DB>,
    a: &Artist,
    b: BoxPx,
    (sx, sy): (&Scale, &Scale),
    to_px: &dyn Fn(f64, f64) -> (f64, f64),
) -> Res {
    let finite = |q: (f64, f64)| q.0.is_finite() && q.1.is_finite();
    let within = |q: (f64, f64)| {
        (b.x - 0.5..=b.right() + 0.5).contains(&q.0)
            && (b.y - 0.5..=b.bottom() + 0.5).contains(&q.1)
    };
    match a {
        Artist::Line {
            x,
            y,
            color,
            style,
            marker,
            width,
            marker_size,
            steps,
            ..
        } => {
            let pts: Vec<(f64, f64)> = x.iter().zip(y).map(|(&x, &y)| to_px(x, y)).collect();
            if *style != LineStyle::None {
                let path: Vec<(f64, f64)> = steps
                    .path(x, y)
                    .into_iter()
                    .map(|(x, y)| to_px(x, y))
                    .collect();
                polyline(p, &path, b, *color, *style, *width)?;
            }
            if let Some(m) = marker {
                let r = (marker_size / 2.0 * p.k).max(0.5);
                for q in pts.iter().copied().filter(|q| finite(*q) && within(*q)) {
                    p.marker(*m, q, r, *color)?;
                }
            }
        }
        Artist::Scatter {
            x,
            y,
            color,
            values,
            size,
            sizes,
            edge,
            edge_width,
            marker,
            ..
        } => {
            let range = values
                .as_ref()
                .and_then(|(v, cmap)| Some((v, *cmap, finite_range(v)?)));
            // A marker's radius in pixels from its area in points².
            let radius = |s: f64| (s.max(0.0).sqrt() / 2.0 * p.k).clamp(1.0, 1e4);
            let r = radius(*size);
            for (i, (&x, &y)) in x.iter().zip(y).enumerate() {
                let q = to_px(x, y);
                if !(finite(q) && within(q)) {
                    continue;
                }
                let c = match &range {
                    Some((v, cmap, (lo, hi))) => {
                        let t = v.get(i).map_or(0.0, |v| (v - lo) / (hi - lo));
                        cmap.at(if t.is_finite() { t } else { 0.0 })
                    }
                    None => *color,
                };
                let r = sizes.get(i).map_or(r, |&s| radius(s));
                p.marker(*marker, q, r, c)?;
                if let Some(e) = edge {
                    p.marker_edge(*marker, q, r, *e, *edge_width)?;
                }
            }
        }
        Artist::Bars {
            x,
            height,
            width,
            color,
            edge,
            horizontal,
            ..
        } => {
            for (&c, &h) in x.iter().zip(height) {
                // The far end and the base (0; on a log axis, the box's edge) in pixels.
                let (x0, y0, x1, y1) = if *horizontal {
                    let (x_end, y0) = to_px(h, c - width / 2.0);
                    let (x_base, y1) = to_px(if sx.log { f64::NAN } else { 0.0 }, c + width / 2.0);
                    let x_base = if x_base.is_finite() { x_base } else { b.x };
                    (x_end, y0, x_base, y1)
                } else {
                    let (x0, y_top) = to_px(c - width / 2.0, h);
                    let (x1, y_base) = to_px(c + width / 2.0, if sy.log { f64::NAN } else { 0.0 });
                    let y_base = if y_base.is_finite() {
                        y_base
                    } else {
                        b.bottom()
                    };
                    (x0, y_top, x1, y_base)
                };
                if ![x0, y0, x1, y1].iter().all(|v| v.is_finite()) {
                    continue;
                }
                let cx = |v: f64| v.clamp(b.x, b.right());
                let cy = |v: f64| v.clamp(b.y, b.bottom());
                let (xa, xb) = (cx(x0.min(x1)), cx(x0.max(x1)));
                let (ya, yb) = (cy(y0.min(y1)), cy(y0.max(y1)));
                if xb > xa && yb > ya {
                    p.fill((xa, ya), (xb, yb), *color)?;
                    if let Some(e) = edge {
                        p.frame((xa, ya), (xb, yb), *e, 1.0)?;
                    }
                }
            }
        }
        Artist::Image { h, w, pixels } => {
            draw_image(p, b, (*h, *w), pixels, to_px)?;
        }
        Artist::Contour {
            grid,
            levels,
            colors,
            filled,
            width,
            styles,
            ..
        } => {
            if *filled {
                draw_bands(p, grid, levels, colors, b, (sx, sy))?;
            } else {
                for (k, &level) in levels.iter().enumerate() {
                    let (Some(&c), Some(&style)) = (colors.get(k), styles.get(k)) else {
                        continue;
                    };
                    for line in grid.lines(level) {
                        let pts: Vec<(f64, f64)> = line.iter().map(|&(x, y)| to_px(x, y)).collect();
                        polyline(p, &pts, b, c, style, *width)?;
                    }
                }
            }
        }
        Artist::RefLine {
            vertical,
            at,
            color,
            style,
            width,
            ..
        } => {
            let pts = if *vertical {
                let x = b.x + sx.frac(*at) * b.w;
                [(x, b.bottom()), (x, b.y)]
            } else {
                let y = b.bottom() - sy.frac(*at) * b.h;
                [(b.x, y), (b.right(), y)]
            };
            polyline(p, &pts, b, *color, *style, *width)?;
        }
        Artist::Fill {
            x,
            y1,
            y2,
            color,
            alpha,
            ..
        } => {
            // One polygon per run of finite points, clipped to the box by the drawing area.
            let cx = |v: f64| v.clamp(b.x - 1.0, b.right() + 1.0);
            let cy = |v: f64| v.clamp(b.y - 1.0, b.bottom() + 1.0);
            let n = x.len().min(y1.len()).min(y2.len());
            let mut i = 0;
            while i < n {
                let ok = |j: usize| {
                    let (a, c) = (to_px(x[j], y1[j]), to_px(x[j], y2[j]));
                    a.0.is_finite() && a.1.is_finite() && c.1.is_finite()
                };
                if !ok(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < n && ok(i) {
                    i += 1;
                }
                let mut poly: Vec<(i32, i32)> = (start..i)
                    .map(|j| to_px(x[j], y1[j]))
                    .map(|(u, v)| px((cx(u), cy(v))))
                    .collect();
                poly.extend(
                    (start..i)
                        .rev()
                        .map(|j| to_px(x[j], y2[j]))
                        .map(|(u, v)| px((cx(u), cy(v)))),
                );
                let style = rgb(*color).mix(alpha.clamp(0.0, 1.0)).filled();
                p.area
                    .draw(&Polygon::new(poly, style))
                    .map_err(|e| e.to_string())?;
            }
        }
        Artist::ErrorBars {
            x,
            y,
            yerr,
            xerr,
            color,
            width,
            capsize,
        } => {
            let cap = capsize * p.k;
            for (i, (&px_, &py)) in x.iter().zip(y).enumerate() {
                if let Some((lo, hi)) = yerr.as_ref().and_then(|e| e.get(i)) {
                    let (a, c) = (to_px(px_, py - lo), to_px(px_, py + hi));
                    polyline(p, &[a, c], b, *color, LineStyle::Solid, *width)?;
                    if cap > 0.0 {
                        for q in [a, c] {
                            let seg = [(q.0 - cap, q.1), (q.0 + cap, q.1)];
                            polyline(p, &seg, b, *color, LineStyle::Solid, *width)?;
                        }
                    }
                }
                if let Some((lo, hi)) = xerr.as_ref().and_then(|e| e.get(i)) {
                    let (a, c) = (to_px(px_ - lo, py), to_px(px_ + hi, py));
                    polyline(p, &[a, c], b, *color, LineStyle::Solid, *width)?;
                    if cap > 0.0 {
                        for q in [a, c] {
                            let seg = [(q.0, q.1 - cap), (q.0, q.1 + cap)];
                            polyline(p, &seg, b, *color, LineStyle::Solid, *width)?;
                        }
                    }
                }
            }
        }
        Artist::Text {
            x,
            y,
            text,
            color,
            size,
            align,
            offset,
            arrow,
        } => {
            let q = to_px(*x, *y);
            let q = (q.0 + offset.0 * p.k, q.1 - offset.1 * p.k);
            if q.0.is_finite() && q.1.is_finite() {
                let h = match align.0 {
                    HAlign::Left => HPos::Left,
                    HAlign::Center => HPos::Center,
                    HAlign::Right => HPos::Right,
                };
                let v = match align.1 {
                    VAlign::Top => VPos::Top,
                    VAlign::Center => VPos::Center,
                    VAlign::Bottom => VPos::Bottom,
                };
                p.text_in(text, q, *size, (h, v), *color)?;
                if let Some(arrow) = arrow {
                    // The text's box, from its anchor and alignment.
                    let (w, ht) = (p.text_width(text, *size), size * p.k * 1.17);
                    let left = q.0 - w * [0.0, 0.5, 1.0][align.0 as usize];
                    let top = q.1 - ht * [0.0, 0.5, 1.0][align.1 as usize];
                    let to = to_px(arrow.to.0, arrow.to.1);
                    draw_arrow(p, arrow, ((left, top), (w, ht)), to)?;
                }
            }
        }
    }
    Ok(())
}

/// An annotation's arrow from the edge of its text's box `((left, top), (w, h))` to `to`
/// (pixels), as matplotlib clips it: nothing when the point is inside the text.
fn draw_arrow<DB: DrawingBackend>(
    p: &Painter<DB>,
    arrow: &Arrow,
    ((left, top), (w, h)): ((f64, f64), (f64, f64)),
    to: (f64, f64),
) -> Res {
    let centre = (left + w / 2.0, top + h / 2.0);
    let d = (to.0 - centre.0, to.1 - centre.1);
    let len = d.0.hypot(d.1);
    if !len.is_finite() || len == 0.0 {
        return Ok(());
    }
    let u = (d.0 / len, d.1 / len);
    // Where the line from the centre leaves the box.
    let out = [(w / 2.0, u.0), (h / 2.0, u.1)]
        .iter()
        .filter(|(_, c)| *c != 0.0)
        .map(|(half, c)| half / c.abs())
        .fold(f64::INFINITY, f64::min);
    if out >= len {
        return Ok(());
    }
    let k = p.k;
    let (mut a, mut b) = (out + arrow.shrink.0 * k, len - arrow.shrink.1 * k);
    let cut = arrow.shrink_frac * (b - a);
    (a, b) = (a + cut, b - cut);
    let (head_len, head_half) = (arrow.head_size.0 * k, arrow.head_size.1 * k);
    if (b - a).is_nan() || b <= a || !(b - a).is_finite() {
        return Ok(());
    }
    let at = |t: f64| (centre.0 + u.0 * t, centre.1 + u.1 * t);
    let tip = at(b);
    let base = at((b - head_len).max(a));
    let side = |s: f64| (base.0 - u.1 * head_half * s, base.1 + u.0 * head_half * s);
    let shaft_end = if arrow.head == ArrowHead::Filled {
        base
    } else {
        tip
    };
    p.path(&[at(a), shaft_end], arrow.color, arrow.width)?;
    match arrow.head {
        ArrowHead::None => Ok(()),
        ArrowHead::Open => p.path(&[side(1.0), tip, side(-1.0)], arrow.color, arrow.width),
        ArrowHead::Filled => p
            .area
            .draw(&Polygon::new(
                vec![px(tip), px(side(1.0)), px(side(-1.0))],
                p.color(arrow.color).filled(),
            ))
            .map_err(|e| e.to_string()),
    }
}

/// A polyline in pixels, split where a point is not finite, each piece clipped to the box
/// and dashed by `style`.
fn polyline<DB: DrawingBackend>(
    p: &Painter<DB>,
    pts: &[(f64, f64)],
    b: BoxPx,
    color: Rgb,
    style: LineStyle,
    width: f64,
) -> Res {
    let finite = |q: (f64, f64)| q.0.is_finite() && q.1.is_finite();
    let clipped = |q0: (f64, f64), q1: (f64, f64)| {
        clip((q0.0 - b.x, q0.1 - b.y), (q1.0 - b.x, q1.1 - b.y), b.w, b.h)
            .map(|(u, v)| ((u.0 + b.x, u.1 + b.y), (v.0 + b.x, v.1 + b.y)))
    };
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for w in pts.windows(2) {
        let seg = (finite(w[0]) && finite(w[1]))
            .then(|| clipped(w[0], w[1]))
            .flatten();
        match seg {
            Some((u, v)) => {
                if cur.last() != Some(&u) {
                    if cur.len() > 1 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur = vec![u];
                }
                cur.push(v);
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    for run in runs {
        match dashes(style) {
            Some(pattern) => {
                for piece in dash(&run, pattern, width * p.k) {
                    p.path(&piece, color, width)?;
                }
            }
            None => p.path(&run, color, width)?,
        }
    }
    Ok(())
}

/// An image as one rectangle per shown cell: each source pixel (pixel `(r, c)` covers
/// `c ± 0.5`, `r ± 0.5` in data units), or, when the image has more pixels than its extent on
/// screen, each screen pixel sampled from the nearest source pixel; clipped to the box.
fn draw_image<DB: DrawingBackend>(
    p: &Painter<DB>,
    b: BoxPx,
    (ih, iw): (usize, usize),
    pixels: &Pixels,
    to_px: &dyn Fn(f64, f64) -> (f64, f64),
) -> Res {
    if ih == 0 || iw == 0 {
        return Ok(());
    }
    let (ax0, ay0) = to_px(-0.5, -0.5);
    let (ax1, ay1) = to_px(iw as f64 - 0.5, ih as f64 - 0.5);
    if ![ax0, ay0, ax1, ay1].iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    let cols = iw.min((ax1 - ax0).abs().clamp(1.0, 8192.0) as usize);
    let rows = ih.min((ay1 - ay0).abs().clamp(1.0, 8192.0) as usize);
    let cx = |v: f64| v.clamp(b.x, b.right());
    let cy = |v: f64| v.clamp(b.y, b.bottom());
    for r in 0..rows {
        let y0 = cy(ay0 + (ay1 - ay0) * r as f64 / rows as f64);
        let y1 = cy(ay0 + (ay1 - ay0) * (r + 1) as f64 / rows as f64);
        if y0 == y1 {
            continue;
        }
        for c in 0..cols {
            let x0 = cx(ax0 + (ax1 - ax0) * c as f64 / cols as f64);
            let x1 = cx(ax0 + (ax1 - ax0) * (c + 1) as f64 / cols as f64);
            let (sx, sy) = (c * iw / cols, r * ih / rows);
            let Some(color) = pixel_color(pixels, sy * iw + sx) else {
                continue;
            };
            if x0 != x1 {
                p.fill((x0, y0), (x1, y1), color)?;
            }
        }
    }
    Ok(())
}

/// Filled contours: the band of the value at each pixel's centre, painted as runs of equal
/// colour per pixel row (so translucent bands do not overlap at their edges).
fn draw_bands<DB: DrawingBackend>(
    p: &Painter<DB>,
    grid: &super::contour::ContourGrid,
    levels: &[f64],
    colors: &[Rgb],
    b: BoxPx,
    (sx, sy): (&Scale, &Scale),
) -> Res {
    let (x0, x1) = (b.x.round() as i64, b.right().round() as i64);
    let (y0, y1) = (b.y.round() as i64, b.bottom().round() as i64);
    if x1 <= x0 || y1 <= y0 || x1 - x0 > 1 << 15 || y1 - y0 > 1 << 15 {
        return Ok(());
    }
    let xs: Vec<f64> = (x0..x1)
        .map(|c| sx.at_frac((c as f64 + 0.5 - b.x) / b.w))
        .collect();
    for row in y0..y1 {
        let v = sy.at_frac(1.0 - (row as f64 + 0.5 - b.y) / b.h);
        let mut run: Option<(i64, usize)> = None;
        for (c, u) in (x0..=x1).zip(xs.iter().map(Some).chain([None])) {
            let k = u.and_then(|&u| super::contour::band(levels, grid.value_at(u, v)?));
            if run.map(|r| r.1) == k {
                continue;
            }
            if let Some((start, band)) = run {
                if let Some(&color) = colors.get(band) {
                    p.fill(
                        (start as f64, row as f64),
                        (c as f64, row as f64 + 1.0),
                        color,
                    )?;
                }
            }
            run = k.map(|k| (c, k));
        }
    }
    Ok(())
}

/// The labelled artists' legend, at `loc` in the box (matplotlib's 'best' by default).
fn draw_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    ax: &Axes,
    b: BoxPx,
    loc: super::figure::LegendLoc,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::figure::{Cmap, CYCLE};

    fn line_fig() -> Figure {
        let mut fig = Figure::default();
        let ax = &mut fig.axes[0];
        ax.title = Some("loss".into());
        ax.xlabel = Some("epoch".into());
        ax.ylabel = Some("value".into());
        ax.legend = Some(super::super::figure::LegendLoc::Best);
        ax.grid = true;
        ax.artists.push(Artist::Line {
            x: vec![0.0, 1.0, 2.0, 3.0],
            y: vec![1.0, 0.5, 0.25, 0.125],
            label: Some("train".into()),
            color: CYCLE[0],
            style: LineStyle::Dashed,
            marker: Some(Marker::Circle),
            width: 1.5,
            alpha: 1.0,
            marker_size: 6.0,
            steps: crate::display::figure::Steps::None,
        });
        fig
    }

    #[test]
    fn png_is_a_png_of_the_figure_size() {
        let png = render_png(&line_fig()).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, at bytes 16..24.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 640);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 480);
    }

    #[test]
    fn pixels_show_the_line_colour_and_a_white_background() {
        let (rgb, w, h) = render_rgb(&line_fig()).unwrap();
        assert_eq!((w, h), (640, 480));
        assert_eq!(&rgb[..3], &[255, 255, 255]);
        let blue = rgb.chunks(3).filter(|p| p == &[0x1f, 0x77, 0xb4]).count();
        assert!(blue > 100, "{blue} pixels of the line colour");
        // Dark pixels of text and the frame.
        assert!(
            rgb.chunks(3)
                .filter(|p| p[0] < 40 && p[1] < 40 && p[2] < 40)
                .count()
                > 500
        );
    }

    #[test]
    fn reference_lines_translucent_fills_and_texts() {
        use crate::display::figure::{HAlign, VAlign};
        let mut fig = Figure::default();
        let ax = &mut fig.axes[0];
        ax.artists.push(Artist::Fill {
            x: vec![0.0, 1.0],
            y1: vec![0.0, 0.0],
            y2: vec![1.0, 1.0],
            label: None,
            color: Rgb(0, 0, 255),
            alpha: 0.5,
        });
        ax.artists.push(Artist::RefLine {
            vertical: false,
            at: 0.5,
            label: None,
            color: Rgb(255, 0, 0),
            style: LineStyle::Solid,
            width: 2.0,
        });
        ax.artists.push(Artist::Text {
            x: 0.5,
            y: 0.9,
            text: "WWW".into(),
            color: Rgb(0, 160, 0),
            size: 20.0,
            align: (HAlign::Center, VAlign::Center),
            offset: (0.0, 0.0),
            arrow: None,
        });
        let (rgb, w, _) = render_rgb(&fig).unwrap();
        let px = |x: usize, y: usize| &rgb[(y * w + x) * 3..(y * w + x) * 3 + 3];
        // Half-transparent blue over white.
        let near = |p: &[u8], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 1);
        assert!(near(px(200, 350), [128, 128, 255]), "{:?}", px(200, 350));
        // The red line runs the plot box's width (x 80..576 at 640 px), at half its height.
        let red_row = (0..480).find(|&y| px(300, y) == [255, 0, 0]).unwrap();
        assert!((red_row as i64 - 240).abs() < 12, "{red_row}");
        assert_eq!(px(82, red_row), &[255, 0, 0]);
        assert_eq!(px(574, red_row), &[255, 0, 0]);
        assert_ne!(px(70, red_row), &[255, 0, 0]);
        // The text in its colour.
        assert!(rgb.chunks(3).filter(|p| p == &[0, 160, 0]).count() > 20);
    }

    #[test]
    fn alpha_and_bar_edges() {
        let mut fig = Figure::default();
        fig.axes[0].artists.push(Artist::Bars {
            x: vec![0.0],
            height: vec![1.0],
            width: 1.0,
            label: None,
            color: Rgb(0, 0, 255),
            alpha: 0.5,
            edge: Some(Rgb(255, 0, 0)),
            horizontal: false,
        });
        let (rgb, w, _) = render_rgb(&fig).unwrap();
        // Half of a channel's 255 rounds either way.
        let near = |p: &[u8], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 1);
        let px = |x: usize, y: usize| &rgb[(y * w + x) * 3..(y * w + x) * 3 + 3];
        // Half-transparent blue inside the bar.
        assert!(near(px(320, 300), [128, 128, 255]), "{:?}", px(320, 300));
        // Its outline, at half opacity over white.
        let edge = rgb.chunks(3).filter(|p| near(p, [255, 128, 128])).count();
        assert!(edge > 200, "{edge} outline pixels");
    }

    #[test]
    fn svg_holds_the_texts() {
        let svg = render_svg(&line_fig()).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
        for t in ["loss", "epoch", "value", "train"] {
            assert!(svg.contains(&format!(">{t}<")) || svg.contains(t), "{t}");
        }
        assert!(svg.contains("#1F77B4") || svg.contains("#1f77b4"));
    }

    #[test]
    fn image_pixels_keep_their_colours() {
        let mut fig = Figure::default();
        fig.axes[0].colorbar = true;
        fig.axes[0].artists.push(Artist::Image {
            h: 2,
            w: 2,
            pixels: Pixels::Scalar {
                values: vec![0.0, 1.0, 1.0, f64::NAN],
                cmap: Cmap::Viridis,
                vmin: 0.0,
                vmax: 1.0,
            },
        });
        let (rgb, _, _) = render_rgb(&fig).unwrap();
        let count = |c: [u8; 3]| rgb.chunks(3).filter(|p| *p == c).count();
        assert!(count([0x44, 0x01, 0x54]) > 1000);
        assert!(count([0xfd, 0xe7, 0x25]) > 2000);
    }

    #[test]
    fn dashes_split_the_line() {
        let pieces = dash(&[(0.0, 0.0), (10.0, 0.0)], &[2.0, 1.0], 1.0);
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces[0], vec![(0.0, 0.0), (2.0, 0.0)]);
        assert_eq!(pieces[1], vec![(3.0, 0.0), (5.0, 0.0)]);
        assert_eq!(pieces[3], vec![(9.0, 0.0), (10.0, 0.0)]);
    }

    #[test]
    fn oversized_figure_is_an_error() {
        let mut fig = Figure {
            size: (1000.0, 10.0),
            ..Figure::default()
        };
        assert!(render_png(&fig).unwrap_err().contains("figsize"));
        fig.size = (f64::NAN, 1.0);
        assert!(render_svg(&fig).is_err());
    }
}
