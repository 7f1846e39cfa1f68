//! What notebooks add: a value's MIME bundle (text/plain, text/html for small tensors,
//! image/png for figures), and the `display(...)` and `clear_output(...)` builtins (also in
//! `IPython.display`). In a terminal `display` prints the text form.

use crate::eval::lang::builtins::table;
use crate::eval::lang::exc::R;
use crate::eval::lang::interp::Interp;
use crate::eval::lang::sink::MimeBundle;
use crate::eval::lang::value::*;

impl Interp {
    /// How a notebook shows `v`: its repr, plus an HTML table for a small tensor, or the
    /// figure as a PNG for a `Figure` object.
    pub(crate) fn mime_bundle(&mut self, v: &Value) -> R<MimeBundle> {
        if let Some(fig) = self.take_figure_of(v) {
            return Ok(figure_bundle(&fig));
        }
        let mut bundle = vec![("text/plain".to_string(), self.repr(v)?)];
        if let Value::Tensor(t) = v {
            if let Some(html) = crate::display::html::tensor_html(t, &self.print_opts) {
                bundle.push(("text/html".to_string(), html));
            }
        }
        Ok(bundle)
    }

    pub(crate) fn install_notebook(&mut self) {
        let entries = crate::eval::torch::table_entries(NOTEBOOK);
        let display = crate::eval::torch::module("IPython.display", &entries);
        let mut top = entries.clone();
        top.push(("display", display.clone()));
        self.modules.insert("IPython.display".into(), display);
        self.modules.insert(
            "IPython".into(),
            crate::eval::torch::module("IPython", &top),
        );
        for (name, v) in entries {
            self.set_builtin(name, v);
        }
    }
}

/// A figure as a notebook shows it: a PNG (base64) with matplotlib's text fallback.
pub fn figure_bundle(fig: &crate::display::Figure) -> MimeBundle {
    let axes = fig.axes.len();
    let (w, h) = (
        (fig.size.0 * fig.dpi).round(),
        (fig.size.1 * fig.dpi).round(),
    );
    let text = format!("<Figure size {w}x{h} with {axes} Axes>");
    // As matplotlib's inline backend: cropped to what is drawn (bbox_inches='tight').
    let png = crate::display::raster::render_png_tight(fig, crate::display::raster::TIGHT_PAD);
    match png {
        Ok(png) => {
            use base64::Engine as _;
            vec![
                (
                    "image/png".to_string(),
                    base64::engine::general_purpose::STANDARD.encode(png),
                ),
                ("text/plain".to_string(), text),
            ]
        }
        Err(e) => vec![(
            "text/plain".to_string(),
            format!("{text} (could not be drawn: {e})"),
        )],
    }
}

table! { NOTEBOOK:
    "display", "display(*objs)", "Shows each object as a notebook shows a cell's value (an HTML table for a small tensor, an image for a figure); a terminal prints its repr." => |it, a| {
        for v in a.rest(0) {
            if let Some(fig) = it.take_figure_of(&v) {
                it.sink.figure(&fig);
                continue;
            }
            let bundle = it.mime_bundle(&v)?;
            it.sink.display(&bundle);
        }
        a.kw("display_id");
        Ok(Value::None)
    };
    "clear_output", "clear_output(wait=False)", "Clears the cell's output (wait=True: when the next output arrives); a terminal clears the current line." => |it, a| {
        let wait = match a.opt(0, "wait") {
            Some(v) => it.truthy(&v)?,
            None => false,
        };
        it.sink.clear_output(wait);
        Ok(Value::None)
    };
}
