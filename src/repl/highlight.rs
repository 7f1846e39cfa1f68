//! Colours for the line being edited: keywords, strings, numbers, comments, and the bracket
//! matching the one at the cursor. A small scanner of its own, because a line being typed is
//! rarely valid code (an open string, half a number) and must still colour sensibly.

use crate::syntax::token::KEYWORDS;

const KEYWORD: &str = "\x1b[1;35m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const COMMENT: &str = "\x1b[90m";
const BUILTIN: &str = "\x1b[33m";
const BRACKET: &str = "\x1b[1;4;33m";
const RESET: &str = "\x1b[0m";

/// Names coloured as builtins.
const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "enumerate",
    "zip",
    "list",
    "dict",
    "tuple",
    "set",
    "int",
    "float",
    "str",
    "bool",
    "abs",
    "min",
    "max",
    "sum",
    "round",
    "sorted",
    "isinstance",
    "type",
    "help",
    "torch",
    "nn",
    "F",
    "plt",
    "tqdm",
    "self",
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Plain,
    Keyword,
    Builtin,
    Str,
    Number,
    Comment,
}

/// Byte ranges of `line` and how to colour each.
fn spans(line: &str) -> Vec<(usize, usize, Kind)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let kind = if c == b'#' {
            i = line[i..].find('\n').map_or(b.len(), |n| i + n);
            Kind::Comment
        } else if c == b'\'' || c == b'"' {
            i = string_end(b, i);
            Kind::Str
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'.'
                    || b[i] == b'_'
                    || ((b[i] == b'+' || b[i] == b'-') && matches!(b[i - 1], b'e' | b'E')))
            {
                i += 1;
            }
            Kind::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            // String prefixes: f"…", rb'…'.
            if i < b.len()
                && (b[i] == b'\'' || b[i] == b'"')
                && i - start <= 2
                && line[start..i].chars().all(|c| "rRbBfFuU".contains(c))
            {
                i = string_end(b, i);
                Kind::Str
            } else {
                let w = &line[start..i];
                let after_dot = line[..start].ends_with('.');
                if KEYWORDS.contains(&w) {
                    Kind::Keyword
                } else if !after_dot && BUILTINS.contains(&w) {
                    Kind::Builtin
                } else {
                    Kind::Plain
                }
            }
        } else {
            i += line[i..].chars().next().map_or(1, char::len_utf8);
            Kind::Plain
        };
        out.push((start, i, kind));
    }
    out
}

/// Where the string starting at `i` (its quote) ends: after its closing quote, or the end.
fn string_end(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i..i + 3) == Some(&[q, q, q][..]);
    let mut j = i + if triple { 3 } else { 1 };
    while j < b.len() {
        if b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == q && (!triple || b.get(j..j + 3) == Some(&[q, q, q][..])) {
            return (j + if triple { 3 } else { 1 }).min(b.len());
        }
        if !triple && b[j] == b'\n' {
            return j;
        }
        j += 1;
    }
    b.len()
}

/// The bracket at or just before `pos` and its partner, outside strings and comments.
pub fn matching_bracket(line: &str, pos: usize) -> Option<(usize, usize)> {
    let code: Vec<(usize, u8)> = spans(line)
        .into_iter()
        .filter(|s| s.2 != Kind::Str && s.2 != Kind::Comment)
        .flat_map(|(s, e, _)| (s..e).map(|i| (i, line.as_bytes()[i])))
        .filter(|(_, c)| b"()[]{}".contains(c))
        .collect();
    let at = |p: usize| code.iter().position(|(i, _)| *i == p);
    let k = pos.checked_sub(1).and_then(at).or_else(|| at(pos))?;
    let (i, c) = code[k];
    let (open, close, forward) = match c {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b'{' => (b'{', b'}', true),
        b')' => (b'(', b')', false),
        b']' => (b'[', b']', false),
        _ => (b'{', b'}', false),
    };
    let mut depth = 0i32;
    let order: Box<dyn Iterator<Item = &(usize, u8)>> = if forward {
        Box::new(code[k..].iter())
    } else {
        Box::new(code[..=k].iter().rev())
    };
    for &(j, d) in order {
        if d == open {
            depth += if forward { 1 } else { -1 };
        } else if d == close {
            depth += if forward { -1 } else { 1 };
        }
        if depth == 0 {
            return Some((i, j));
        }
    }
    None
}

/// `line` with ANSI colours; `pos` is the cursor (its bracket and the partner are marked).
pub fn highlight(line: &str, pos: usize) -> String {
    let brackets = matching_bracket(line, pos);
    let mut out = String::with_capacity(line.len() * 2);
    for (s, e, kind) in spans(line) {
        let text = &line[s..e];
        if let Some((a, b)) = brackets {
            if e - s == 1 && (s == a || s == b) {
                out.push_str(BRACKET);
                out.push_str(text);
                out.push_str(RESET);
                continue;
            }
        }
        let color = match kind {
            Kind::Plain => {
                out.push_str(text);
                continue;
            }
            Kind::Keyword => KEYWORD,
            Kind::Builtin => BUILTIN,
            Kind::Str => STRING,
            Kind::Number => NUMBER,
            Kind::Comment => COMMENT,
        };
        out.push_str(color);
        out.push_str(text);
        out.push_str(RESET);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            match c {
                '\x1b' => esc = true,
                'm' if esc => esc = false,
                _ if esc => {}
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn colours_keep_the_text() {
        for line in [
            "for i in range(10): x = f'{i}' # comment",
            "s = 'open string",
            "x = 1.5e-3 + .5 + 0x1F",
            "é = \"\"\"triple",
            "",
        ] {
            assert_eq!(strip(&highlight(line, 0)), line);
        }
    }

    #[test]
    fn kinds() {
        let h = highlight("if x: return 'a' # c", 0);
        assert!(h.contains(&format!("{KEYWORD}if{RESET}")));
        assert!(h.contains(&format!("{STRING}'a'{RESET}")));
        assert!(h.contains(&format!("{COMMENT}# c{RESET}")));
        let h = highlight("x.print + 12", 0);
        assert!(h.contains(&format!("{NUMBER}12{RESET}")));
        assert!(!h.contains(BUILTIN), "an attribute is not the builtin");
    }

    #[test]
    fn brackets_match() {
        assert_eq!(matching_bracket("f(a[1], (b))", 2), Some((1, 11)));
        assert_eq!(matching_bracket("f(a[1], (b))", 12), Some((11, 1)));
        assert_eq!(matching_bracket("f(')')", 6), Some((5, 1)));
        assert_eq!(matching_bracket("f(a", 2), None);
        assert_eq!(matching_bracket("abc", 1), None);
    }
}
