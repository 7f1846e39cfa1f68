//! A tensor as an HTML table, for notebooks: small tensors (at most 2 dims and 400 elements)
//! show their values in a grid under a line with shape, dtype and device.

use crate::tensor::print::format_cells;
use crate::{PrintOptions, Tensor};

/// The largest tensor shown as a table.
pub const MAX_ELEMENTS: usize = 400;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The table for `t`, or None when it is too big or has more than 2 dims.
pub fn tensor_html(t: &Tensor, opts: &PrintOptions) -> Option<String> {
    if t.dim() > 2 || t.numel() > MAX_ELEMENTS {
        return None;
    }
    let cells = format_cells(t, opts).ok()?;
    let cols = match t.dim() {
        2 => t.shape()[1].max(1),
        _ => cells.len().max(1),
    };
    let mut html = String::from(
        "<div class=\"nabla-tensor\"><table style=\"font-family: monospace; border-collapse: collapse\">",
    );
    for row in cells.chunks(cols) {
        html.push_str("<tr>");
        for c in row {
            html.push_str(&format!(
                "<td style=\"text-align: right; padding: 1px 8px\">{}</td>",
                escape(c)
            ));
        }
        html.push_str("</tr>");
    }
    let shape: Vec<String> = t.shape().iter().map(|d| d.to_string()).collect();
    html.push_str(&format!(
        "</table><small>shape ({}) · {} · {}</small></div>",
        shape.join(", "),
        t.dtype(),
        t.device()
    ));
    Some(html)
}

/// evcxr's display protocol: `content` shown as `mime` in an evcxr Jupyter notebook.
pub(crate) fn evcxr_content(mime: &str, content: &str) -> String {
    format!("EVCXR_BEGIN_CONTENT {mime}\n{content}\nEVCXR_END_CONTENT\n")
}

impl Tensor {
    /// Shows the tensor in an evcxr notebook (Rust in Jupyter): an HTML table when small,
    /// else its text. evcxr calls this for a cell's value.
    pub fn evcxr_display(&self) {
        let text = match tensor_html(self, &PrintOptions::default()) {
            Some(html) => evcxr_content("text/html", &html),
            None => evcxr_content("text/plain", &self.to_string()),
        };
        print!("{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_tensors_are_tables_with_print_formatting() {
        let t = Tensor::from_slice(&[0.5f32, 1.0, 2.25, -3.0], &[2, 2]).unwrap();
        let html = tensor_html(&t, &PrintOptions::default()).unwrap();
        assert_eq!(html.matches("<tr>").count(), 2);
        assert!(
            html.contains(">0.5000</td>") && html.contains(">-3.0000</td>"),
            "{html}"
        );
        assert!(
            html.contains("shape (2, 2) · torch.float32 · cpu"),
            "{html}"
        );
        let big = Tensor::from_slice(&vec![1.0f32; 401], &[401]).unwrap();
        assert!(tensor_html(&big, &PrintOptions::default()).is_none());
        let cube = Tensor::from_slice(&[1.0f32; 8], &[2, 2, 2]).unwrap();
        assert!(tensor_html(&cube, &PrintOptions::default()).is_none());
    }

    #[test]
    fn evcxr_content_is_framed() {
        assert_eq!(
            evcxr_content("text/html", "<b>x</b>"),
            "EVCXR_BEGIN_CONTENT text/html\n<b>x</b>\nEVCXR_END_CONTENT\n"
        );
    }
}
