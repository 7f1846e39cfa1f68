//! The lexer: Python's layout (NEWLINE, INDENT, DEDENT, implicit joining inside brackets and
//! after `\`), numbers, strings with escapes, raw, triple-quoted and f-strings.

use super::token::{FPiece, Span, Token, KEYWORDS, OPERATORS};
use std::rc::Rc;

/// A lexing error. `incomplete` marks errors that more input could fix (an open bracket or
/// string at the end of the source): the REPL then asks for another line.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub span: Span,
    pub msg: String,
    pub incomplete: bool,
}

pub type Spanned = (Token, Span);

struct Lexer<'s> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    /// `base` is added to every span (f-string fields are lexed on their own).
    base: usize,
    tokens: Vec<Spanned>,
    errors: Vec<LexError>,
    indents: Vec<usize>,
    brackets: Vec<(u8, usize)>,
}

/// Lexes a whole source. Errors do not stop the lexer: it skips the bad character and goes on,
/// so the parser can still report later mistakes.
pub fn lex(src: &str) -> (Vec<Spanned>, Vec<LexError>) {
    lex_at(src, 0, true)
}

/// Lexes `src` whose first byte sits at `base` in the whole source. `layout` off lexes an
/// expression (an f-string field): newlines are whitespace and no NEWLINE is produced.
pub fn lex_at(src: &str, base: usize, layout: bool) -> (Vec<Spanned>, Vec<LexError>) {
    let mut lx = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        base,
        tokens: Vec::new(),
        errors: Vec::new(),
        indents: vec![0],
        brackets: Vec::new(),
    };
    if !layout {
        // An expression behaves as if it were inside brackets.
        lx.brackets.push((b'(', 0));
    }
    lx.run(layout);
    (lx.tokens, lx.errors)
}

fn span(a: usize, b: usize) -> Span {
    Span::from(a..b)
}

impl<'s> Lexer<'s> {
    fn peek(&self, k: usize) -> u8 {
        self.bytes.get(self.pos + k).copied().unwrap_or(0)
    }

    fn push(&mut self, tok: Token, start: usize) {
        self.tokens
            .push((tok, span(self.base + start, self.base + self.pos)));
    }

    fn error(&mut self, start: usize, end: usize, msg: impl Into<String>, incomplete: bool) {
        self.errors.push(LexError {
            span: span(self.base + start, self.base + end),
            msg: msg.into(),
            incomplete,
        });
    }

    fn run(&mut self, layout: bool) {
        let mut at_line_start = layout;
        while self.pos < self.bytes.len() {
            if at_line_start {
                // A blank or comment-only line leaves us at the start of the next one.
                at_line_start = self.indentation();
                continue;
            }
            let c = self.peek(0);
            let start = self.pos;
            match c {
                b' ' | b'\t' | b'\x0c' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    if self.brackets.is_empty() {
                        if matches!(self.tokens.last(), Some((t, _)) if *t != Token::Newline) {
                            self.push(Token::Newline, start);
                        }
                        at_line_start = true;
                    }
                }
                b'#' => {
                    while self.pos < self.bytes.len() && self.peek(0) != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\\' => {
                    let mut p = self.pos + 1;
                    while matches!(self.bytes.get(p), Some(b' ' | b'\t' | b'\r')) {
                        p += 1;
                    }
                    match self.bytes.get(p) {
                        Some(b'\n') => {
                            self.pos = p + 1;
                            if self.src[self.pos..].trim().is_empty() {
                                self.error(start, p, "a line continuation needs a next line", true);
                            }
                        }
                        None => {
                            self.pos = p;
                            self.error(start, p, "a line continuation needs a next line", true);
                        }
                        Some(_) => {
                            self.pos += 1;
                            self.error(
                                start,
                                start + 1,
                                "unexpected character after line continuation character",
                                false,
                            );
                        }
                    }
                }
                b'0'..=b'9' => self.number(),
                b'.' if self.peek(1).is_ascii_digit() => self.number(),
                b'"' | b'\'' => self.string(start, start, ""),
                _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.name_or_string(),
                _ => self.operator(),
            }
        }
        let end = self.bytes.len();
        for (b, at) in self.brackets.clone().into_iter().rev() {
            if layout {
                self.error(
                    at,
                    at + 1,
                    format!("'{}' was never closed", b as char),
                    true,
                );
            }
        }
        if layout && self.brackets.is_empty() {
            if matches!(self.tokens.last(), Some((t, _)) if *t != Token::Newline) {
                self.tokens
                    .push((Token::Newline, span(self.base + end, self.base + end)));
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.tokens
                    .push((Token::Dedent, span(self.base + end, self.base + end)));
            }
        }
    }

    /// Measures a line's indentation and emits INDENT/DEDENT. Returns true when the line is
    /// blank or a comment (the caller then goes on without emitting anything).
    fn indentation(&mut self) -> bool {
        let mut width = 0;
        let mut p = self.pos;
        while let Some(&c) = self.bytes.get(p) {
            match c {
                b' ' => width += 1,
                b'\t' => width = (width / 8 + 1) * 8,
                b'\x0c' => width = 0,
                _ => break,
            }
            p += 1;
        }
        match self.bytes.get(p) {
            None => {
                self.pos = p;
                return true;
            }
            Some(b'\n') | Some(b'#') => {
                // Blank or comment-only: skip to the end of the line.
                while p < self.bytes.len() && self.bytes[p] != b'\n' {
                    p += 1;
                }
                self.pos = (p + 1).min(self.bytes.len());
                return true;
            }
            Some(b'\r') if self.bytes.get(p + 1) == Some(&b'\n') => {
                self.pos = p + 2;
                return true;
            }
            _ => {}
        }
        self.pos = p;
        let top = *self.indents.last().unwrap_or(&0);
        if width > top {
            self.indents.push(width);
            self.tokens
                .push((Token::Indent, span(self.base + p, self.base + p)));
        } else if width < top {
            while width < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.tokens
                    .push((Token::Dedent, span(self.base + p, self.base + p)));
            }
            if width != *self.indents.last().unwrap_or(&0) {
                let line_start = self.src[..p].rfind('\n').map_or(0, |i| i + 1);
                self.error(
                    line_start,
                    p,
                    "unindent does not match any outer indentation level",
                    false,
                );
                self.indents.push(width);
            }
        }
        false
    }

    fn number(&mut self) {
        let start = self.pos;
        let b = self.bytes;
        if b[start] == b'0' && matches!(self.peek(1) | 0x20, b'x' | b'o' | b'b') {
            let radix = match self.peek(1) | 0x20 {
                b'x' => 16,
                b'o' => 8,
                _ => 2,
            };
            self.pos += 2;
            while self.pos < b.len() && (b[self.pos] as char).is_ascii_alphanumeric()
                || self.peek(0) == b'_'
            {
                self.pos += 1;
            }
            let digits: String = self.src[start + 2..self.pos].replace('_', "");
            match i64::from_str_radix(&digits, radix) {
                Ok(v) => self.push(Token::Int(v), start),
                Err(e) => {
                    let msg = if matches!(e.kind(), std::num::IntErrorKind::PosOverflow) {
                        "integer literal too large: nabla's int is 64-bit (at most 9223372036854775807)".to_string()
                    } else {
                        format!("invalid base-{radix} literal")
                    };
                    self.error(start, self.pos, msg, false);
                    self.push(Token::Int(0), start);
                }
            }
            return;
        }
        let digits = |lx: &mut Self| {
            while lx.peek(0).is_ascii_digit() || (lx.peek(0) == b'_' && lx.peek(1).is_ascii_digit())
            {
                lx.pos += 1;
            }
        };
        digits(self);
        let mut is_float = false;
        if self.peek(0) == b'.' && !(self.peek(1) == b'.' && self.peek(2) == b'.') {
            is_float = true;
            self.pos += 1;
            digits(self);
        }
        if self.peek(0) | 0x20 == b'e'
            && (self.peek(1).is_ascii_digit()
                || (matches!(self.peek(1), b'+' | b'-') && self.peek(2).is_ascii_digit()))
        {
            is_float = true;
            self.pos += 2;
            digits(self);
        }
        if self.peek(0) | 0x20 == b'j' {
            self.pos += 1;
            self.error(
                start,
                self.pos,
                "complex numbers are not supported in nabla",
                false,
            );
            self.push(Token::Int(0), start);
            return;
        }
        let text: String = self.src[start..self.pos].replace('_', "");
        if is_float {
            let v = text.parse::<f64>().unwrap_or(f64::NAN);
            self.push(Token::Float(v), start);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.bytes().any(|c| c != b'0') {
                self.error(
                    start,
                    self.pos,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    false,
                );
            }
            match text.parse::<i64>() {
                Ok(v) => self.push(Token::Int(v), start),
                Err(_) => {
                    self.error(
                        start,
                        self.pos,
                        "integer literal too large: nabla's int is 64-bit (at most 9223372036854775807); write it as a float",
                        false,
                    );
                    self.push(Token::Int(0), start);
                }
            }
        }
    }

    fn name_or_string(&mut self) {
        let start = self.pos;
        while self.pos < self.bytes.len() {
            let c = self.bytes[self.pos];
            if c == b'_' || c.is_ascii_alphanumeric() {
                self.pos += 1;
            } else if c >= 0x80 {
                let ch = self.src[self.pos..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    self.pos += ch.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(0), b'"' | b'\'') && word.len() <= 2 {
            let lower = word.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "r" | "f" | "rf" | "fr" | "u" | "b" | "rb" | "br"
            ) {
                let quote_at = self.pos;
                self.string(start, quote_at, &lower);
                return;
            }
        }
        if self.pos == start {
            // A non-identifier character above ASCII.
            let ch = self.src[self.pos..].chars().next().unwrap_or(' ');
            self.pos += ch.len_utf8().max(1);
            self.error(start, self.pos, format!("invalid character '{ch}'"), false);
            return;
        }
        match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => self.push(Token::Kw(k), start),
            None => self.push(Token::Name(Rc::from(word)), start),
        }
    }

    fn operator(&mut self) {
        let start = self.pos;
        let rest = &self.src[self.pos..];
        let Some(op) = OPERATORS.iter().find(|o| rest.starts_with(**o)) else {
            let ch = rest.chars().next().unwrap_or(' ');
            self.pos += ch.len_utf8().max(1);
            let msg = match ch {
                '!' => "invalid syntax: `!` is not an operator (use `not`, or `!=`)".to_string(),
                '$' | '?' | '`' => format!("invalid character '{ch}'"),
                _ => format!("invalid character '{ch}' (U+{:04X})", ch as u32),
            };
            self.error(start, self.pos, msg, false);
            return;
        };
        self.pos += op.len();
        match *op {
            "(" | "[" | "{" => self.brackets.push((op.as_bytes()[0], start)),
            ")" | "]" | "}" => {
                let want = match *op {
                    ")" => b'(',
                    "]" => b'[',
                    _ => b'{',
                };
                match self.brackets.last() {
                    Some(&(open, _)) if open == want => {
                        self.brackets.pop();
                    }
                    Some(&(open, _)) => {
                        self.error(
                            start,
                            self.pos,
                            format!(
                                "closing parenthesis '{op}' does not match opening parenthesis '{}'",
                                open as char
                            ),
                            false,
                        );
                        self.brackets.pop();
                    }
                    _ => self.error(start, self.pos, format!("unmatched '{op}'"), false),
                }
            }
            _ => {}
        }
        self.push(Token::Op(op), start);
    }

    /// A string literal starting at `start` (prefix included) whose quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize, prefix: &str) {
        let raw = prefix.contains('r');
        let fstr = prefix.contains('f');
        let bytes = prefix.contains('b');
        let q = self.bytes[quote_at];
        let triple =
            self.bytes.get(quote_at + 1) == Some(&q) && self.bytes.get(quote_at + 2) == Some(&q);
        let body_start = quote_at + if triple { 3 } else { 1 };
        // Find the end of the body, honouring backslashes.
        let mut p = body_start;
        let body_end;
        loop {
            match self.bytes.get(p) {
                None => {
                    self.pos = self.bytes.len();
                    let what = if triple {
                        "unterminated triple-quoted string literal"
                    } else {
                        "unterminated string literal"
                    };
                    self.error(start, self.pos, what, triple);
                    self.push(Token::Str(Rc::from("")), start);
                    return;
                }
                Some(b'\\') => p += 2,
                Some(b'\n') if !triple => {
                    self.pos = p;
                    self.error(start, p, "unterminated string literal (a string ends on the line it starts; use triple quotes for several lines)", false);
                    self.push(Token::Str(Rc::from("")), start);
                    return;
                }
                Some(&c) if c == q => {
                    if !triple {
                        body_end = p;
                        self.pos = p + 1;
                        break;
                    }
                    if self.bytes.get(p + 1) == Some(&q) && self.bytes.get(p + 2) == Some(&q) {
                        body_end = p;
                        self.pos = p + 3;
                        break;
                    }
                    p += 1;
                }
                Some(_) => p += 1,
            }
        }
        let body = &self.src[body_start..body_end.min(self.src.len())];
        if bytes {
            if let Some(i) = body.find(|c: char| !c.is_ascii()) {
                self.error(
                    body_start + i,
                    body_start + i + 1,
                    "bytes can only contain ASCII literal characters",
                    false,
                );
            }
            let text = if raw {
                body.to_string()
            } else {
                self.unescape(body, body_start)
            };
            // \x escapes give code points below 256; each is one byte.
            let b: Vec<u8> = text.chars().map(|c| (c as u32).min(255) as u8).collect();
            self.push(Token::Bytes(Rc::from(b)), start);
            return;
        }
        if fstr {
            let pieces = self.fstring(body, body_start, raw);
            self.push(Token::FStr(Rc::from(pieces)), start);
        } else {
            let text = if raw {
                body.to_string()
            } else {
                self.unescape(body, body_start)
            };
            self.push(Token::Str(Rc::from(text.as_str())), start);
        }
    }

    fn unescape(&mut self, body: &str, at: usize) -> String {
        let mut out = String::with_capacity(body.len());
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, e)) = chars.next() else {
                out.push('\\');
                break;
            };
            match e {
                '\n' => {}
                '\\' => out.push('\\'),
                '\'' => out.push('\''),
                '"' => out.push('"'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'a' => out.push('\x07'),
                'b' => out.push('\x08'),
                'f' => out.push('\x0c'),
                'v' => out.push('\x0b'),
                '0'..='7' => {
                    let mut v = e.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        match chars.peek() {
                            Some(&(_, d @ '0'..='7')) => {
                                v = v * 8 + d.to_digit(8).unwrap_or(0);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
                'N' => {
                    let end = body[i..].find('}').map_or(body.len(), |e| i + e + 1);
                    self.error(
                        at + i,
                        at + end,
                        "\\N{...} named escapes are not supported in nabla; write the character itself or \\u with its code",
                        false,
                    );
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                }
                'x' | 'u' | 'U' => {
                    let n = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let mut hex = String::new();
                    for _ in 0..n {
                        match chars.peek() {
                            Some(&(_, d)) if d.is_ascii_hexdigit() => {
                                hex.push(d);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    match u32::from_str_radix(&hex, 16)
                        .ok()
                        .filter(|_| hex.len() == n)
                        .and_then(char::from_u32)
                    {
                        Some(ch) => out.push(ch),
                        None => self.error(
                            at + i,
                            at + i + 2 + hex.len(),
                            format!("truncated \\{e} escape"),
                            false,
                        ),
                    }
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
        }
        out
    }

    /// Splits an f-string body into literal text and replacement fields.
    fn fstring(&mut self, body: &str, at: usize, raw: bool) -> Vec<FPiece> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let b = body.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'{' if b.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if b.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'}' => {
                    self.error(
                        at + i,
                        at + i + 1,
                        "f-string: single '}' is not allowed",
                        false,
                    );
                    i += 1;
                }
                b'{' => {
                    if !lit.is_empty() {
                        let text = std::mem::take(&mut lit);
                        let text = if raw { text } else { self.unescape(&text, at) };
                        pieces.push(FPiece::Lit(text));
                    }
                    match self.field(body, at, i + 1) {
                        Some((piece, next)) => {
                            pieces.push(piece);
                            i = next;
                        }
                        None => return pieces,
                    }
                }
                _ => {
                    let ch = body[i..].chars().next().unwrap_or(' ');
                    lit.push(ch);
                    i += ch.len_utf8();
                }
            }
        }
        if !lit.is_empty() {
            let text = if raw { lit } else { self.unescape(&lit, at) };
            pieces.push(FPiece::Lit(text));
        }
        pieces
    }

    /// One `{expr!c:spec}` field starting just after its `{`; returns it and the index after
    /// its closing `}`.
    fn field(&mut self, body: &str, at: usize, from: usize) -> Option<(FPiece, usize)> {
        let b = body.as_bytes();
        let mut depth = 0usize;
        let mut i = from;
        let mut quote: Option<u8> = None;
        // The expression runs to the first `!`, `:` or `}` at depth 0 outside strings.
        while i < b.len() {
            let c = b[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth > 0 => depth -= 1,
                b'}' | b':' if depth == 0 => break,
                b'!' if depth == 0 && b.get(i + 1) != Some(&b'=') => break,
                _ => {}
            }
            i += 1;
        }
        if i >= b.len() {
            self.error(
                at + from - 1,
                at + b.len(),
                "f-string: expecting '}'",
                false,
            );
            return None;
        }
        let mut expr_end = i;
        let mut debug = None;
        let trimmed = body[from..expr_end].trim_end();
        if trimmed.ends_with('=') && !trimmed.ends_with("==") && !trimmed.ends_with("!=") {
            debug = Some(body[from..i].to_string());
            expr_end = from + trimmed.len() - 1;
        }
        let src = body[from..expr_end].to_string();
        if src.trim().is_empty() {
            self.error(
                at + from - 1,
                at + i + 1,
                "f-string: empty expression not allowed",
                false,
            );
        }
        let mut conv = None;
        if b[i] == b'!' {
            conv = b.get(i + 1).map(|&c| c as char);
            if !matches!(conv, Some('r' | 's' | 'a')) {
                self.error(
                    at + i,
                    at + i + 2,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    false,
                );
            }
            i += 2;
        }
        let mut spec = Vec::new();
        if b.get(i) == Some(&b':') {
            // The spec runs to the matching `}`; it may hold nested fields.
            let spec_start = i + 1;
            let mut d = 0usize;
            let mut j = spec_start;
            while j < b.len() {
                match b[j] {
                    b'{' => d += 1,
                    b'}' if d == 0 => break,
                    b'}' => d -= 1,
                    _ => {}
                }
                j += 1;
            }
            spec = self.fstring(&body[spec_start..j.min(b.len())], at + spec_start, true);
            i = j;
        }
        if b.get(i) != Some(&b'}') {
            self.error(
                at + from - 1,
                at + i.min(b.len()),
                "f-string: expecting '}'",
                false,
            );
            return None;
        }
        let piece = FPiece::Field {
            src,
            offset: at + from,
            conv,
            spec,
            debug,
        };
        Some((piece, i + 1))
    }
}

#[cfg(test)]
mod tests {
    // Test code: its panic!() is an assertion, not a path user input can reach.
    use super::*;

    fn toks(src: &str) -> Vec<Token> {
        let (t, e) = lex(src);
        assert!(e.is_empty(), "{e:?}");
        t.into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn layout_tokens() {
        use Token::*;
        let t = toks("if x:\n    y = (1,\n  2)\n\n    # c\nz\n");
        let name = |s: &str| Name(Rc::from(s));
        assert_eq!(
            t,
            vec![
                Kw("if"),
                name("x"),
                Op(":"),
                Newline,
                Indent,
                name("y"),
                Op("="),
                Op("("),
                Int(1),
                Op(","),
                Int(2),
                Op(")"),
                Newline,
                Dedent,
                name("z"),
                Newline
            ]
        );
    }

    #[test]
    fn numbers_and_strings() {
        use Token::*;
        assert_eq!(
            toks("0x_ff 0b101 1_000 1.5e3 .5 1."),
            vec![
                Int(255),
                Int(5),
                Int(1000),
                Float(1500.0),
                Float(0.5),
                Float(1.0),
                Newline
            ]
        );
        assert_eq!(
            toks(
                r#"'a\tb' r'a\tb' """x
y""""#
            ),
            vec![
                Str(Rc::from("a\tb")),
                Str(Rc::from("a\\tb")),
                Str(Rc::from("x\ny")),
                Newline
            ]
        );
    }

    #[test]
    fn fstring_fields() {
        let t = toks("f'{x:.{p}f} {y!r}{{'");
        let Token::FStr(p) = &t[0] else { panic!() };
        assert_eq!(p.len(), 4);
        assert!(matches!(&p[0], FPiece::Field { src, offset: 3, .. } if src == "x"));
        assert!(matches!(&p[3], FPiece::Lit(s) if s == "{"));
    }

    #[test]
    fn incomplete_input() {
        let (_, e) = lex("foo(1,\n");
        assert!(e.iter().all(|e| e.incomplete) && !e.is_empty());
        let (_, e) = lex("'''abc");
        assert!(e[0].incomplete);
        let (_, e) = lex("99999999999999999999");
        assert!(!e[0].incomplete);
    }
}
