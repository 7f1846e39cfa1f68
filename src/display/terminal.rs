//! Showing a figure in a terminal: an inline image where the terminal announces an image
//! protocol (kitty, iTerm2), else a chart drawn with Unicode characters sized to the
//! terminal. `NABLA_PLOT=text|kitty|iterm|sixel|none` overrides the choice.

use super::figure::Figure;

/// How a figure is shown in the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Text,
    Kitty,
    Iterm,
    Sixel,
    None,
}

/// The form for this terminal: `NABLA_PLOT` if set, else an image protocol the terminal
/// announces (only when `tty`), else text. Sixel is never guessed: it needs `NABLA_PLOT=sixel`.
pub fn form(tty: bool) -> Form {
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    match env("NABLA_PLOT").to_ascii_lowercase().as_str() {
        "text" => return Form::Text,
        "kitty" => return Form::Kitty,
        "iterm" => return Form::Iterm,
        "sixel" => return Form::Sixel,
        "none" => return Form::None,
        _ => {}
    }
    if !tty {
        return Form::Text;
    }
    if env("TERM") == "xterm-kitty" || !env("KITTY_WINDOW_ID").is_empty() {
        return Form::Kitty;
    }
    if matches!(env("TERM_PROGRAM").as_str(), "iTerm.app" | "WezTerm") {
        return Form::Iterm;
    }
    Form::Text
}

/// The terminal's size in cells (columns, rows): the tty's, else `COLUMNS`/`LINES`, else 80×24.
pub fn size() -> (usize, usize) {
    let mut ws = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // Safety: TIOCGWINSZ fills a winsize; a failure leaves it zeroed.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    if ok && ws.ws_col > 0 && ws.ws_row > 0 {
        return (ws.ws_col as usize, ws.ws_row as usize);
    }
    let var = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&v: &usize| v > 0)
            .unwrap_or(d)
    };
    (var("COLUMNS", 80), var("LINES", 24))
}

/// The chart's size in cells for a terminal of `cols` × `rows`: at most 100 wide, and high
/// enough to read but leaving the prompt on screen.
pub fn chart_size(fig: &Figure, cols: usize, rows: usize) -> (usize, usize) {
    let width = cols.clamp(20, 100);
    let aspect = fig.size.1 / fig.size.0.max(0.1);
    // A cell is about twice as tall as wide.
    let want = (width as f64 * aspect / 2.0).round() as usize;
    let height = want.clamp(8, rows.saturating_sub(3).max(8));
    (width, height)
}

/// What to print for `fig`: escape codes for an image, or the text chart. `tty` allows
/// colour and image protocols.
pub fn show(fig: &Figure, tty: bool) -> String {
    let form = form(tty);
    let image = |r: Result<String, String>| match r {
        Ok(s) => format!("{s}\n"),
        Err(e) => format!("(could not draw the figure: {e})\n"),
    };
    match form {
        Form::None => String::new(),
        Form::Kitty => image(super::raster::render_png(fig).map(|p| super::protocol::kitty(&p))),
        Form::Iterm => image(super::raster::render_png(fig).map(|p| super::protocol::iterm(&p))),
        Form::Sixel => image(
            super::raster::render_rgb(fig).map(|(rgb, w, h)| super::protocol::sixel(&rgb, w, h)),
        ),
        Form::Text => {
            let (cols, rows) = size();
            let (w, h) = chart_size(fig, cols, rows);
            super::text::render_text(fig, w, h, tty)
        }
    }
}
