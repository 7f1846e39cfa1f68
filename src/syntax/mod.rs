//! The syntax layer: tokens, the lexer, the parser (chumsky), the syntax tree with spans, and
//! diagnostics (ariadne). It imports nothing of the engine.

pub mod ast;
pub mod diag;
pub mod lexer;
mod parser;
pub mod token;

use ast::{FStrPart, Module};
use chumsky::prelude::*;
use std::rc::Rc;
use token::{FPiece, Span};

pub use diag::{render, Diagnostic};

/// A syntax error on a span. `incomplete` is true when the only problem is that the input
/// ended early: more lines could complete it.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub msg: String,
    /// What the parser expected there, for the label under the span.
    pub label: Option<String>,
    pub incomplete: bool,
}

fn from_rich(e: Rich<'_, token::Token, Span>) -> SyntaxError {
    let span = *e.span();
    match e.reason() {
        chumsky::error::RichReason::Custom(msg) => SyntaxError {
            span,
            msg: msg.clone(),
            label: None,
            incomplete: false,
        },
        _ => {
            let mut expected: Vec<String> = e.expected().map(|p| p.to_string()).collect();
            expected.sort();
            expected.dedup();
            // Python that nabla does not have: say so rather than "invalid syntax".
            let unsupported = match e.found() {
                Some(token::Token::Kw("yield")) => Some("in nabla `yield` stands as a statement or as the value of an assignment (`x = yield v`), not inside another expression"),
                Some(token::Token::Kw("async" | "await")) => Some("async functions are not supported in nabla"),
                Some(token::Token::Op(":=")) => Some("`:=` assigns to a name: write `(name := value)`"),
                _ => None,
            };
            if let Some(msg) = unsupported {
                return SyntaxError {
                    span,
                    msg: msg.to_string(),
                    label: Some("not supported".to_string()),
                    incomplete: false,
                };
            }
            let found = e.found().map(|t| t.to_string());
            let incomplete = found.is_none();
            let msg = match &found {
                None => "invalid syntax: the input ends too early".to_string(),
                Some(t) if t == "an indent" => "unexpected indent".to_string(),
                Some(_) => "invalid syntax".to_string(),
            };
            if expected.iter().any(|e| e == "expression") {
                expected = vec!["an expression".to_string()];
            } else if expected.len() > 5 {
                let what = if expected.iter().any(|e| e.contains("statement")) {
                    "a statement"
                } else {
                    "an expression"
                };
                expected = vec![what.to_string()];
            }
            let found = found.map(|f| match f.as_str() {
                "end of line" | "an indent" | "a dedent" | "a string" | "an f-string" => f,
                _ => format!("'{f}'"),
            });
            let label = match (expected.is_empty(), found) {
                (false, Some(f)) => {
                    format!("expected {}, found {f}", expected.join(" or "))
                }
                (false, None) => format!("expected {}", expected.join(" or ")),
                (true, Some(f)) => format!("unexpected {f}"),
                (true, None) => "unexpected end of input".to_string(),
            };
            SyntaxError {
                span,
                msg,
                label: Some(label),
                incomplete,
            }
        }
    }
}

/// Parses a file or cell. Returns the tree (when recovery produced one) and every error:
/// one mistake does not hide the later ones.
pub fn parse(src: &str) -> (Option<Module>, Vec<SyntaxError>) {
    let (tokens, lex_errors) = lexer::lex(src);
    let mut errors: Vec<SyntaxError> = lex_errors
        .into_iter()
        .map(|e| SyntaxError {
            span: e.span,
            msg: e.msg,
            label: None,
            incomplete: e.incomplete,
        })
        .collect();
    let eoi = Span::from(src.len()..src.len());
    let input = tokens.as_slice().map(eoi, |(t, s)| (t, s));
    let (body, parse_errors) = parser::module().parse(input).into_output_errors();
    // A lexer error usually also trips the parser at the same place; keep the lexer's.
    // After an unclosed bracket or string, the parser's complaints are consequences.
    let cutoff = errors
        .iter()
        .filter(|e| e.incomplete)
        .map(|e| e.span.start)
        .min()
        .unwrap_or(usize::MAX);
    for e in parse_errors.into_iter().map(from_rich) {
        if e.span.start >= cutoff {
            continue;
        }
        if !errors
            .iter()
            .any(|l| l.span.start <= e.span.start && e.span.start <= l.span.end)
        {
            errors.push(e);
        }
    }
    errors.sort_by_key(|e| e.span.start);
    (body.map(|body| Module { body }), errors)
}

/// Parses one expression whose source starts at `offset` in the whole text.
pub fn parse_expression_at(src: &str, offset: usize) -> Result<ast::Expr, Vec<SyntaxError>> {
    let (tokens, lex_errors) = lexer::lex_at(src, offset, false);
    if !lex_errors.is_empty() {
        return Err(lex_errors
            .into_iter()
            .map(|e| SyntaxError {
                span: e.span,
                msg: e.msg,
                label: None,
                incomplete: false,
            })
            .collect());
    }
    let end = offset + src.len();
    let input = tokens.as_slice().map(Span::from(end..end), |(t, s)| (t, s));
    let result = parser::expression()
        .parse(input)
        .into_result()
        .map_err(|es| es.into_iter().map(from_rich).collect());
    result
}

/// Turns the lexer's f-string pieces into parsed parts.
pub(crate) fn fstring_parts(pieces: &[FPiece]) -> Result<Vec<FStrPart>, Vec<(Span, String)>> {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in pieces {
        match p {
            FPiece::Lit(s) => out.push(FStrPart::Lit(Rc::from(s.as_str()))),
            FPiece::Field {
                src,
                offset,
                conv,
                spec,
                debug,
            } => {
                let spec = match fstring_parts(spec) {
                    Ok(s) => s,
                    Err(e) => {
                        errs.extend(e);
                        vec![]
                    }
                };
                match parse_expression_at(src, *offset) {
                    Ok(expr) => out.push(FStrPart::Field {
                        expr: Box::new(expr),
                        debug: debug.as_deref().map(Rc::from),
                        conv: *conv,
                        spec,
                    }),
                    Err(es) => errs.extend(
                        es.into_iter()
                            .map(|e| (e.span, format!("f-string: {}", e.label.unwrap_or(e.msg)))),
                    ),
                }
            }
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

/// The question the REPL and the kernel ask: does this input need more lines?
/// True when parsing fails only because the input ended early.
pub fn is_incomplete(src: &str) -> bool {
    let (_, errors) = parse(src);
    if errors.is_empty() {
        return false;
    }
    if errors.iter().all(|e| e.incomplete) {
        return true;
    }
    // A last line ending in `:` opens a block that has not come yet (`else:` after a loop),
    // even when the parser, backtracking over the optional clause, blames the keyword.
    let (tokens, _) = lexer::lex(src);
    let mut it = tokens
        .iter()
        .rev()
        .skip_while(|(t, _)| matches!(t, token::Token::Newline | token::Token::Dedent));
    matches!(it.next(), Some((token::Token::Op(":"), _)))
}

#[cfg(test)]
mod tests;
