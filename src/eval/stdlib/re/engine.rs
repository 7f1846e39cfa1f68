//! The engine side of `re`: a Python pattern compiled for regex-automata, one search,
//! every match (Python's empty-match rule), and the `sub`/`split`/`findall` built on them.

use super::objects::match_value;
use super::{re_error, ReState, ASCII, DOTALL, IGNORECASE, MULTILINE, VERBOSE};
use crate::eval::lang::builtins::to_str;
use crate::eval::lang::exc::R;
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::rc::Rc;

pub(super) struct Pattern {
    pub(super) source: Rc<str>,
    pub(super) flags: i64,
    pub(super) re: Regex,
    /// The pattern anchored at its end too, for fullmatch.
    pub(super) full: Regex,
    pub(super) ngroups: usize,
    pub(super) names: Vec<(String, usize)>,
}

/// Python's pattern syntax as the engine's: `\Z` is `\z`; look-around and back-references
/// are refused; with re.ASCII, `\d \w \s` and `\b` are ASCII-only.
pub(super) fn translate(p: &str, ascii: bool) -> Result<String, String> {
    let mut out = String::with_capacity(p.len() + 8);
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            match n {
                'Z' if !in_class => out.push_str("\\z"),
                '1'..='9' if !in_class => {
                    return Err("back-references (\\1) are not supported by nabla's re (its engine does not backtrack)".into())
                }
                'd' | 'w' | 's' | 'D' | 'W' | 'S' | 'b' | 'B' if ascii => {
                    out.push_str("(?-u:\\");
                    out.push(n);
                    out.push(')');
                }
                _ => {
                    out.push('\\');
                    out.push(n);
                }
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            out.push(c);
            // A `]` first in a class is a literal, as in Python.
            if chars.get(i + 1) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i + 1) == Some(&']') {
                out.push_str("\\]");
                i += 1;
            }
            i += 1;
            continue;
        }
        if c == '(' && chars.get(i + 1) == Some(&'?') {
            let rest: String = chars[i + 2..].iter().take(3).collect();
            if rest.starts_with('=')
                || rest.starts_with('!')
                || rest.starts_with("<=")
                || rest.starts_with("<!")
            {
                return Err("look-ahead and look-behind ((?=...), (?<=...)) are not supported by nabla's re (its engine does not backtrack)".into());
            }
            if rest.starts_with("P=") {
                return Err("back-references ((?P=name)) are not supported by nabla's re (its engine does not backtrack)".into());
            }
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

pub(super) fn build(it: &mut Interp, source: &str, flags: i64) -> R<Rc<Pattern>> {
    if let Some(p) = it
        .ext
        .get::<ReState>()
        .cache
        .get(&(source.to_string(), flags))
    {
        return Ok(p.clone());
    }
    let body = translate(source, flags & ASCII != 0).map_err(|m| re_error(it, m))?;
    let mut prefix = String::new();
    for (f, c) in [
        (IGNORECASE, 'i'),
        (MULTILINE, 'm'),
        (DOTALL, 's'),
        (VERBOSE, 'x'),
    ] {
        if flags & f != 0 {
            prefix.push(c);
        }
    }
    let prefix = if prefix.is_empty() {
        String::new()
    } else {
        format!("(?{prefix})")
    };
    let compile = |p: String| Regex::new(&p).map_err(|e| e.to_string());
    let re = compile(format!("{prefix}{body}")).map_err(|m| re_error(it, m))?;
    let full = compile(format!("{prefix}(?:{body})\\z")).map_err(|m| re_error(it, m))?;
    let info = re.group_info();
    let pid = regex_automata::PatternID::ZERO;
    let groups = info.group_len(pid).saturating_sub(1);
    let names = (1..=groups)
        .filter_map(|g| info.to_name(pid, g).map(|n| (n.to_string(), g)))
        .collect();
    let p = Rc::new(Pattern {
        source: Rc::from(source),
        flags,
        re,
        full,
        ngroups: groups,
        names,
    });
    let st = it.ext.get::<ReState>();
    if st.cache.len() > 512 {
        st.cache.clear();
    }
    st.cache.insert((source.to_string(), flags), p.clone());
    Ok(p)
}

/// Byte offset of character `c` in `s` (its length past the end).
pub(super) fn byte_at(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(b, _)| b)
}

pub(super) fn char_at(s: &str, b: usize) -> usize {
    s[..b.min(s.len())].chars().count()
}

/// One search from byte `start` (anchored for match/fullmatch) in `hay[..end]`.
pub(super) fn search(
    p: &Pattern,
    re: &Regex,
    hay: &str,
    start: usize,
    end: usize,
    anchored: bool,
) -> Option<Vec<Option<(usize, usize)>>> {
    if start > end {
        return None;
    }
    let input = Input::new(&hay[..end])
        .range(start..end)
        .anchored(if anchored {
            Anchored::Yes
        } else {
            Anchored::No
        });
    let mut caps: Captures = re.create_captures();
    re.search_captures(&input, &mut caps);
    if !caps.is_match() {
        return None;
    }
    Some(
        (0..=p.ngroups)
            .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
            .collect(),
    )
}

/// Every non-overlapping match from byte `start`, with Python's rule for empty matches.
pub(super) fn all_matches(
    p: &Pattern,
    hay: &str,
    start: usize,
    end: usize,
) -> Vec<Vec<Option<(usize, usize)>>> {
    let mut out = Vec::new();
    let mut at = start;
    let mut empty_at: Option<usize> = None;
    while at <= end {
        let Some(m) = search(p, &p.re, hay, at, end, false) else {
            break;
        };
        let (s, e) = m[0].unwrap_or((at, at));
        if s == e && empty_at == Some(s) {
            // The same empty match again: look from the next character.
            match hay[s..end].chars().next() {
                Some(c) => at = s + c.len_utf8(),
                None => break,
            }
            continue;
        }
        empty_at = (s == e).then_some(e);
        at = e;
        out.push(m);
    }
    out
}

#[derive(Clone, Copy)]
pub(super) enum Mode {
    Match,
    Search,
    Full,
}

pub(super) fn find(p: &Rc<Pattern>, s: &Rc<str>, pos: usize, endpos: usize, mode: Mode) -> Value {
    let (b0, b1) = (byte_at(s, pos), byte_at(s, endpos));
    let r = match mode {
        Mode::Match => search(p, &p.re, s, b0, b1, true),
        Mode::Search => search(p, &p.re, s, b0, b1, false),
        Mode::Full => search(p, &p.full, s, b0, b1, true),
    };
    match r {
        Some(caps) => match_value(p, s, caps, pos, endpos),
        None => Value::None,
    }
}

/// findall's item for one match: the whole match, the one group, or a tuple of groups.
pub(super) fn findall_item(p: &Pattern, s: &str, caps: &[Option<(usize, usize)>]) -> Value {
    let text = |g: usize| Value::str(caps[g].map_or("", |(a, b)| &s[a..b]));
    match p.ngroups {
        0 => text(0),
        1 => text(1),
        n => Value::tuple((1..=n).map(text).collect()),
    }
}

/// A `sub` template as pieces: literal text and group numbers.
pub(super) enum Piece {
    Text(String),
    Group(usize),
}

pub(super) fn parse_template(it: &mut Interp, p: &Pattern, t: &str) -> R<Vec<Piece>> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 == chars.len() {
            lit.push(c);
            i += 1;
            continue;
        }
        let n = chars[i + 1];
        i += 2;
        let group = match n {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(re_error(it, format!("missing < at position {}", i)));
                }
                let close = chars[i..].iter().position(|&c| c == '>').map(|k| i + k);
                let Some(close) = close else {
                    return Err(re_error(
                        it,
                        format!("missing >, unterminated name at position {}", i + 1),
                    ));
                };
                let name: String = chars[i + 1..close].iter().collect();
                i = close + 1;
                match name.parse::<usize>() {
                    Ok(g) if g <= p.ngroups => g,
                    Ok(g) => {
                        return Err(re_error(
                            it,
                            format!("invalid group reference {g} at position {}", i),
                        ))
                    }
                    Err(_) => match p.names.iter().find(|(n, _)| *n == name) {
                        Some((_, g)) => *g,
                        None => {
                            return Err(crate::eval::lang::exc::err(
                                "IndexError",
                                format!("unknown group name '{name}'"),
                            ))
                        }
                    },
                }
            }
            '0'..='9' => {
                let mut g = n.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    g = g * 10 + d as usize;
                    i += 1;
                }
                if g > p.ngroups {
                    return Err(re_error(
                        it,
                        format!("invalid group reference {g} at position {}", i - 1),
                    ));
                }
                g
            }
            'n' | 't' | 'r' | 'f' | 'v' | 'a' | '\\' => {
                lit.push(match n {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    'a' => '\u{7}',
                    _ => '\\',
                });
                continue;
            }
            c if c.is_ascii_alphabetic() => {
                return Err(re_error(
                    it,
                    format!("bad escape \\{c} at position {}", i - 2),
                ))
            }
            c => {
                lit.push('\\');
                lit.push(c);
                continue;
            }
        };
        if !lit.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut lit)));
        }
        out.push(Piece::Group(group));
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    Ok(out)
}

pub(super) fn subn(
    it: &mut Interp,
    p: &Rc<Pattern>,
    repl: &Value,
    s: &Rc<str>,
    count: i64,
) -> R<(String, i64)> {
    let template = match repl {
        Value::Str(t) => Some(parse_template(it, p, t)?),
        _ => None,
    };
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut n = 0;
    let n_chars = s.chars().count();
    for caps in all_matches(p, s, 0, s.len()) {
        if count > 0 && n >= count {
            break;
        }
        let (a, b) = caps[0].unwrap_or((last, last));
        out.push_str(&s[last..a]);
        match &template {
            Some(pieces) => {
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => out.push_str(t),
                        Piece::Group(g) => {
                            if let Some((x, y)) = caps[*g] {
                                out.push_str(&s[x..y]);
                            }
                        }
                    }
                }
            }
            None => {
                let m = match_value(p, s, caps.clone(), 0, n_chars);
                let r = it.call(repl, vec![m], vec![])?;
                out.push_str(&to_str(&r, "the replacement")?);
            }
        }
        last = b;
        n += 1;
    }
    out.push_str(&s[last..]);
    Ok((out, n))
}

pub(super) fn split(p: &Rc<Pattern>, s: &str, maxsplit: i64) -> Value {
    let mut out = Vec::new();
    let mut last = 0;
    for (n, caps) in all_matches(p, s, 0, s.len()).into_iter().enumerate() {
        if maxsplit > 0 && n as i64 >= maxsplit {
            break;
        }
        let (a, b) = caps[0].unwrap_or((last, last));
        out.push(Value::str(&s[last..a]));
        for g in caps.iter().skip(1) {
            out.push(match g {
                Some((x, y)) => Value::str(&s[*x..*y]),
                None => Value::None,
            });
        }
        last = b;
    }
    out.push(Value::str(&s[last..]));
    Value::list(out)
}

pub(super) fn iter_of(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(Iter::Seq {
        items: Rc::from(items),
        pos: 0,
    })))
}

pub(super) fn finditer(p: &Rc<Pattern>, s: &Rc<str>, pos: usize, endpos: usize) -> Value {
    let (b0, b1) = (byte_at(s, pos), byte_at(s, endpos));
    let items = all_matches(p, s, b0, b1)
        .into_iter()
        .map(|c| match_value(p, s, c, pos, endpos))
        .collect();
    iter_of(items)
}

pub(super) fn findall(p: &Rc<Pattern>, s: &str, pos: usize, endpos: usize) -> Value {
    let (b0, b1) = (byte_at(s, pos), byte_at(s, endpos));
    Value::list(
        all_matches(p, s, b0, b1)
            .iter()
            .map(|c| findall_item(p, s, c))
            .collect(),
    )
}
