//! Diagnostics: every error with a span is rendered by one function, with ariadne, on the
//! exact span; in colour only when asked (a terminal).

use super::token::Span;
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

/// An error to show on the source: a headline, the span, a label under it, and an optional
/// hint ("help: …").
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub headline: String,
    pub span: Span,
    pub label: Option<String>,
    pub hint: Option<String>,
}

/// Renders diagnostics against `src` named `name` (a file name, or `<cell>`).
pub fn render(diags: &[Diagnostic], name: &str, src: &str, color: bool) -> String {
    let mut out = Vec::new();
    for d in diags {
        let start = d.span.start.min(src.len());
        let end = d.span.end.clamp(start, src.len());
        let range = start..end;
        let mut label = Label::new((name, range.clone()));
        if let Some(l) = &d.label {
            label = label.with_message(l);
        }
        if color {
            label = label.with_color(Color::Red);
        }
        let mut report = Report::build(ReportKind::Error, (name, range))
            .with_config(
                Config::default()
                    .with_color(color)
                    .with_index_type(IndexType::Byte),
            )
            .with_message(&d.headline)
            .with_label(label);
        if let Some(h) = &d.hint {
            report = report.with_help(h);
        }
        let _ = report.finish().write((name, Source::from(src)), &mut out);
    }
    String::from_utf8_lossy(&out).into_owned()
}
