//! A figure drawn with characters: charts in Unicode braille (2 × 4 dots a cell) with axes,
//! ticks, labels and a legend; images in half blocks (two pixels a cell) in 24-bit colour, or a
//! grey ramp of ASCII characters without colour. Any data (NaN, infinities, 1e308, empty) and
//! any size draw something; nothing here panics.

use super::axis::{apply_aspect, axis_ticks, clip, format_tick, is_shared, shared_scale, Scale};
use super::figure::{pixel_color, Artist, Axes, Figure, HAlign, LegendLoc, LineStyle, Pixels, Rgb};
use super::legend::{self, Obstacles};

// The parts: image (half blocks, ASCII ramp), chart (braille dots and axes), legend_lines. They
// share this file's imports and items through `use super::*`, and this file and each part see
// the others' items through the globs below, as when they were one file.
mod chart;
mod image;
mod legend_lines;
use chart::*;
use image::*;
use legend_lines::*;
#[cfg(test)]
mod tests;

const GREY: Rgb = Rgb(0x80, 0x80, 0x80);
const RAMP: &[u8] = b" .:-=+*#%@";

#[derive(Clone, Copy, PartialEq)]
struct Cell {
    ch: char,
    fg: Option<Rgb>,
    bg: Option<Rgb>,
}

const BLANK: Cell = Cell {
    ch: ' ',
    fg: None,
    bg: None,
};

/// A rectangle of styled character cells.
struct Grid {
    w: usize,
    h: usize,
    cells: Vec<Cell>,
}

impl Grid {
    fn new(w: usize, h: usize) -> Grid {
        Grid {
            w,
            h,
            cells: vec![BLANK; w * h],
        }
    }

    fn put(&mut self, x: usize, y: usize, cell: Cell) {
        if x < self.w && y < self.h {
            self.cells[y * self.w + x] = cell;
        }
    }

    /// Writes `s` from column `x`, clipped at `limit` (exclusive).
    fn text(&mut self, x: usize, y: usize, s: &str, fg: Option<Rgb>, limit: usize) {
        for (i, ch) in s.chars().enumerate() {
            if x + i >= limit.min(self.w) {
                break;
            }
            self.put(x + i, y, Cell { ch, fg, bg: None });
        }
    }

    /// `s` centred in columns `x..x + w`.
    fn centred(&mut self, x: usize, w: usize, y: usize, s: &str) {
        let n = s.chars().count();
        let start = x + w.saturating_sub(n) / 2;
        self.text(start, y, s, None, x + w);
    }

    fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for y in 0..self.h {
            let row = &self.cells[y * self.w..(y + 1) * self.w];
            let end = row
                .iter()
                .rposition(|c| c.ch != ' ' || (color && c.bg.is_some()))
                .map_or(0, |i| i + 1);
            let mut style: (Option<Rgb>, Option<Rgb>) = (None, None);
            for c in &row[..end] {
                if color {
                    let want = (c.fg, c.bg);
                    if want != style {
                        out.push_str("\x1b[0m");
                        if let Some(Rgb(r, g, b)) = c.fg {
                            out.push_str(&format!("\x1b[38;2;{r};{g};{b}m"));
                        }
                        if let Some(Rgb(r, g, b)) = c.bg {
                            out.push_str(&format!("\x1b[48;2;{r};{g};{b}m"));
                        }
                        style = want;
                    }
                }
                out.push(c.ch);
            }
            if color && style != (None, None) {
                out.push_str("\x1b[0m");
            }
            out.push('\n');
        }
        out
    }
}

/// `fig` as `width × height` character cells (plus a line for a suptitle); `color` adds 24-bit
/// ANSI colours.
pub fn render_text(fig: &Figure, width: usize, height: usize, color: bool) -> String {
    let width = width.clamp(10, 1000);
    let height = height.clamp(4, 500);
    let mut grid = Grid::new(width, height);
    let mut top = 0;
    if let Some(s) = &fig.suptitle {
        grid.centred(0, width, 0, s);
        top = 1;
    }
    let (rows, cols) = (fig.rows.max(1), fig.cols.max(1));
    let cw = (width + 1) / cols;
    let ch = (height - top) / rows;
    for (i, ax) in fig.axes.iter().enumerate() {
        let (r, c) = (i / cols, i % cols);
        if r >= rows || cw < 2 || ch < 1 {
            continue;
        }
        let rect = Rect {
            x: c * cw,
            y: top + r * ch,
            w: cw.saturating_sub(1).max(1),
            h: ch,
        };
        let scales = (shared_scale(fig, i, false), shared_scale(fig, i, true));
        let shared = (is_shared(fig, i, false), is_shared(fig, i, true));
        draw_axes(&mut grid, ax, (scales, shared), rect, color);
    }
    grid.render(color)
}

#[derive(Clone, Copy, Debug)]
struct Rect {
    x: usize,
    y: usize,
    w: usize,
    h: usize,
}

fn draw_axes(
    grid: &mut Grid,
    ax: &Axes,
    (scales, shared): ((Scale, Scale), (bool, bool)),
    mut r: Rect,
    color: bool,
) {
    if let Some(t) = &ax.title {
        grid.centred(r.x, r.w, r.y, t);
        r.y += 1;
        r.h = r.h.saturating_sub(1);
    }
    if r.h == 0 {
        return;
    }
    let image = ax.artists.iter().find_map(|a| match a {
        Artist::Image { h, w, pixels } => Some((*h, *w, pixels)),
        _ => None,
    });
    match image {
        Some((h, w, pixels)) => {
            let stretch = ax.aspect.is_none();
            draw_image(grid, r, (h, w), pixels, (ax.colorbar, stretch), color)
        }
        None => draw_chart(grid, ax, (scales, shared), r),
    }
}
