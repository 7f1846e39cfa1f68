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

// The parts: painter (drawing calls in pixels), axes (layout, spines, ticks), artists (each
// artist), legend_box. They share this file's imports and items through `use super::*`, and
// this file and each part see the others' items through the globs below, as when they were one
// file.
mod artists;
mod axes;
mod legend_box;
mod painter;
use artists::*;
use axes::*;
use legend_box::*;
use painter::*;
#[cfg(test)]
mod tests;

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
