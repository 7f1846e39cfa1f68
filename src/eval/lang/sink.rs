//! Where a program's output goes: the `Sink` a front end gives a session.

/// Where a program's output goes: the terminal, a notebook, a test's buffer.
pub trait Sink {
    fn stdout(&mut self, text: &str);
    fn stderr(&mut self, text: &str);
    /// A figure `plt.show()` shows. A terminal draws it with characters (or an image where
    /// the terminal can show one); a notebook sends it as an image.
    fn figure(&mut self, fig: &crate::display::Figure) {
        let text = crate::display::terminal::show(fig, false);
        self.stdout(&text);
    }
    /// A live plot's figure (`plt.live()`), redrawn in place: `id` tells live plots apart,
    /// `done` marks the last draw. Without a terminal only the last draw shows.
    fn live_figure(&mut self, id: u64, fig: &crate::display::Figure, done: bool) {
        let _ = id;
        if done {
            self.figure(fig);
        }
    }
    /// A progress bar's line (tqdm's text). `id` tells bars apart; a terminal redraws the
    /// line in place on stderr, as tqdm does.
    fn progress(&mut self, id: u64, line: &str, end: ProgressEnd) {
        let _ = id;
        match end {
            ProgressEnd::Running => self.stderr(&format!("\r{line}")),
            ProgressEnd::Leave => self.stderr(&format!("\r{line}\n")),
            ProgressEnd::Clear => {
                let blank = " ".repeat(line.chars().count());
                self.stderr(&format!("\r{blank}\r"))
            }
        }
    }
    /// The width progress bars fill (a terminal's columns); None draws tqdm's 10-cell bar.
    fn columns(&self) -> Option<usize> {
        None
    }
    /// A line for `input(prompt)`; None when there is no input.
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        self.stdout(prompt);
        None
    }
    /// An object `display(...)` shows: its MIME bundle. A terminal prints the text form.
    fn display(&mut self, bundle: &MimeBundle) {
        if let Some((_, text)) = bundle.iter().find(|(m, _)| m == "text/plain") {
            self.stdout(&format!("{text}\n"));
        }
    }
    /// `clear_output(wait)`: a notebook clears the cell's output; a terminal clears the
    /// current line (as IPython's terminal does); output kept in memory stays.
    fn clear_output(&mut self, wait: bool) {
        let _ = wait;
    }
}

/// A cell's result keyed by MIME type (`text/plain` …).
pub type MimeBundle = Vec<(String, String)>;

/// How a bar's line ends when drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressEnd {
    /// Still running: redraw in place.
    Running,
    /// Closed and kept on screen (`leave=True`).
    Leave,
    /// Closed and erased (`leave=False`).
    Clear,
}
