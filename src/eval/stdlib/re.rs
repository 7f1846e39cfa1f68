//! `re`: regular expressions over the regex-automata crate (the engine under `regex`), with
//! Python's API: `compile`, `match` (anchored), `search`, `fullmatch`, `findall`, `finditer`,
//! `sub`/`subn` (templates with `\1` and `\g<name>`, or a function), `split`, `escape`,
//! Pattern and Match objects, the flags I, M, S, X and A.
//!
//! Positions are Python's: characters, not bytes. Empty matches follow Python 3.7+: one may
//! come right after a non-empty match (`re.sub('x*', '-', 'abxd')` is `'-a-b--d-'`).
//! The engine has no backtracking, so look-around (`(?=…)`, `(?<=…)`) and back-references
//! (`\1`, `(?P=name)`) in a pattern raise `re.error` saying so; everything else of Python's
//! syntax that people use (classes, `(?P<name>…)`, `(?:…)`, lazy quantifiers, `\b`, `\A`,
//! `\Z`, inline flags) works.

use crate::eval::lang::builtins::{table, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{type_err, Ctrl, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::rc::Rc;

const IGNORECASE: i64 = 2;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const UNICODE: i64 = 32;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// `re.error`, made once per session.
#[derive(Default)]
struct ReState {
    error: Option<Rc<Class>>,
    cache: std::collections::HashMap<(String, i64), Rc<Pattern>>,
}

fn re_error(it: &mut Interp, msg: impl Into<String>) -> Ctrl {
    let cls = match it.ext.get::<ReState>().error.clone() {
        Some(c) => c,
        None => it.exc_class("ValueError"),
    };
    let v = crate::eval::lang::exc::instance(cls, vec![Value::str(&msg.into())]);
    it.raise_value(v)
}

pub struct Pattern {
    source: Rc<str>,
    flags: i64,
    re: Regex,
    /// The pattern anchored at its end too, for fullmatch.
    full: Regex,
    ngroups: usize,
    names: Vec<(String, usize)>,
}

pub struct Match {
    pat: Rc<Pattern>,
    string: Rc<str>,
    /// Each group's byte span.
    caps: Vec<Option<(usize, usize)>>,
    pos: usize,
    endpos: usize,
}

/// Python's pattern syntax as the engine's: `\Z` is `\z`; look-around and back-references
/// are refused; with re.ASCII, `\d \w \s` and `\b` are ASCII-only.
fn translate(p: &str, ascii: bool) -> Result<String, String> {
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

fn build(it: &mut Interp, source: &str, flags: i64) -> R<Rc<Pattern>> {
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
fn byte_at(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(b, _)| b)
}

fn char_at(s: &str, b: usize) -> usize {
    s[..b.min(s.len())].chars().count()
}

/// The `(pattern, string, flags=0)` arguments of the module's functions: the compiled
/// pattern, the string and its length in characters.
fn pattern_and_string(it: &mut Interp, a: &mut Args) -> R<(Rc<Pattern>, Rc<str>, usize)> {
    let pat = a.req(0, "pattern")?;
    let s = to_str(&a.req(1, "string")?, "string")?;
    let flags = flags_of(a, 2)?;
    let p = pattern_arg(it, &pat, flags)?;
    let n = s.chars().count();
    Ok((p, s, n))
}

fn flags_of(a: &mut Args, i: usize) -> R<i64> {
    match a.get(i, "flags") {
        Some(v) => to_int(&v, "flags"),
        None => Ok(0),
    }
}

/// A pattern argument: a compiled Pattern, or a string compiled with `flags`.
fn pattern_arg(it: &mut Interp, v: &Value, flags: i64) -> R<Rc<Pattern>> {
    if let Some(p) = v.native::<PatternObj>() {
        if flags != 0 {
            return Err(crate::eval::lang::exc::value_err(
                "cannot process flags argument with a compiled pattern",
            ));
        }
        return Ok(p.0.clone());
    }
    let s = to_str(v, "pattern")?;
    build(it, &s, flags)
}

/// One search from byte `start` (anchored for match/fullmatch) in `hay[..end]`.
fn search(
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
fn all_matches(
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

pub struct PatternObj(Rc<Pattern>);
pub struct MatchObj(Match);

fn match_value(
    pat: &Rc<Pattern>,
    string: &Rc<str>,
    caps: Vec<Option<(usize, usize)>>,
    pos: usize,
    endpos: usize,
) -> Value {
    Value::Native(Rc::new(MatchObj(Match {
        pat: pat.clone(),
        string: string.clone(),
        caps,
        pos,
        endpos,
    })))
}

fn flag_names(flags: i64) -> String {
    let names: Vec<&str> = [
        (IGNORECASE, "re.IGNORECASE"),
        (MULTILINE, "re.MULTILINE"),
        (DOTALL, "re.DOTALL"),
        (VERBOSE, "re.VERBOSE"),
        (ASCII, "re.ASCII"),
    ]
    .iter()
    .filter(|(f, _)| flags & f != 0)
    .map(|(_, n)| *n)
    .collect();
    names.join("|")
}

impl Native for PatternObj {
    fn type_name(&self) -> &'static str {
        "Pattern"
    }
    fn repr(&self) -> String {
        let src = crate::eval::lang::format::str_repr(&self.0.source);
        match flag_names(self.0.flags) {
            f if f.is_empty() => format!("re.compile({src})"),
            f => format!("re.compile({src}, {f})"),
        }
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        PATTERN_METHODS.iter().find(|b| b.name == name)
    }
    fn attr(&self, name: &str) -> Option<Value> {
        Some(match name {
            "pattern" => Value::Str(self.0.source.clone()),
            "flags" => Value::Int(self.0.flags | (UNICODE * i64::from(self.0.flags & ASCII == 0))),
            "groups" => Value::Int(self.0.ngroups as i64),
            "groupindex" => Value::dict(
                self.0
                    .names
                    .iter()
                    .map(|(n, g)| (Key(Value::str(n)), Value::Int(*g as i64)))
                    .collect(),
            ),
            _ => return None,
        })
    }
    fn dir(&self) -> Vec<&'static str> {
        let mut d: Vec<&'static str> = PATTERN_METHODS.iter().map(|b| b.name).collect();
        d.extend(["pattern", "flags", "groups", "groupindex"]);
        d
    }
}

impl Match {
    fn group_index(&self, it: &mut Interp, g: &Value) -> R<usize> {
        match g {
            Value::Int(i) if *i >= 0 && (*i as usize) <= self.pat.ngroups => Ok(*i as usize),
            Value::Str(s) => self
                .pat
                .names
                .iter()
                .find(|(n, _)| **n == **s)
                .map(|(_, i)| *i)
                .ok_or_else(|| crate::eval::lang::exc::err("IndexError", "no such group")),
            Value::Int(_) => Err(crate::eval::lang::exc::err("IndexError", "no such group")),
            other => {
                let _ = it;
                Err(crate::eval::lang::exc::err(
                    "IndexError",
                    format!("no such group: {}", other.type_name()),
                ))
            }
        }
    }
    fn group(&self, g: usize) -> Value {
        match self.caps.get(g).copied().flatten() {
            Some((s, e)) => Value::str(&self.string[s..e]),
            None => Value::None,
        }
    }
    fn span(&self, g: usize) -> (i64, i64) {
        match self.caps.get(g).copied().flatten() {
            Some((s, e)) => (
                char_at(&self.string, s) as i64,
                char_at(&self.string, e) as i64,
            ),
            None => (-1, -1),
        }
    }
}

impl Native for MatchObj {
    fn type_name(&self) -> &'static str {
        "Match"
    }
    fn repr(&self) -> String {
        let (s, e) = self.0.span(0);
        let text = match self.0.group(0) {
            Value::Str(t) => crate::eval::lang::format::str_repr(&t),
            _ => "None".into(),
        };
        format!("<re.Match object; span=({s}, {e}), match={text}>")
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        MATCH_METHODS.iter().find(|b| b.name == name)
    }
    fn attr(&self, name: &str) -> Option<Value> {
        let m = &self.0;
        Some(match name {
            "string" => Value::Str(m.string.clone()),
            "re" => Value::Native(Rc::new(PatternObj(m.pat.clone()))),
            "pos" => Value::Int(m.pos as i64),
            "endpos" => Value::Int(m.endpos as i64),
            "lastindex" => match (1..m.caps.len()).rev().find(|&g| m.caps[g].is_some()) {
                // Python's lastindex: the group that closed last; for nested groups the
                // outermost one ending last, which this approximates by the latest end.
                Some(_) => {
                    let best = (1..m.caps.len())
                        .filter_map(|g| m.caps[g].map(|(s, e)| (e, std::cmp::Reverse(s), g)))
                        .max();
                    best.map_or(Value::None, |(_, _, g)| Value::Int(g as i64))
                }
                None => Value::None,
            },
            "lastgroup" => {
                let best = (1..m.caps.len())
                    .filter_map(|g| m.caps[g].map(|(s, e)| (e, std::cmp::Reverse(s), g)))
                    .max();
                match best.and_then(|(_, _, g)| m.pat.names.iter().find(|(_, i)| *i == g)) {
                    Some((n, _)) => Value::str(n),
                    None => Value::None,
                }
            }
            _ => return None,
        })
    }
    fn dir(&self) -> Vec<&'static str> {
        let mut d: Vec<&'static str> = MATCH_METHODS.iter().map(|b| b.name).collect();
        d.extend(["string", "re", "pos", "endpos", "lastindex", "lastgroup"]);
        d
    }
}

fn this_pattern(a: &mut Args) -> R<Rc<Pattern>> {
    a.req(0, "self")?
        .native::<PatternObj>()
        .map(|p| p.0.clone())
        .ok_or_else(|| type_err("descriptor needs a re.Pattern"))
}

fn this_match(a: &mut Args) -> R<Rc<MatchObj>> {
    a.req(0, "self")?
        .native::<MatchObj>()
        .ok_or_else(|| type_err("descriptor needs a re.Match"))
}

/// (string, pos, endpos) of a search: character positions, clamped as Python clamps them.
fn target(a: &mut Args, i: usize) -> R<(Rc<str>, usize, usize)> {
    let s = to_str(&a.req(i, "string")?, "string")?;
    let n = s.chars().count() as i64;
    let clamp = |v: i64| if v < 0 { 0 } else { v.min(n) } as usize;
    let pos = match a.get(i + 1, "pos") {
        Some(v) => clamp(to_int(&v, "pos")?),
        None => 0,
    };
    let endpos = match a.get(i + 2, "endpos") {
        Some(v) => clamp(to_int(&v, "endpos")?),
        None => n as usize,
    };
    Ok((s, pos, endpos))
}

#[derive(Clone, Copy)]
enum Mode {
    Match,
    Search,
    Full,
}

fn find(p: &Rc<Pattern>, s: &Rc<str>, pos: usize, endpos: usize, mode: Mode) -> Value {
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
fn findall_item(p: &Pattern, s: &str, caps: &[Option<(usize, usize)>]) -> Value {
    let text = |g: usize| Value::str(caps[g].map_or("", |(a, b)| &s[a..b]));
    match p.ngroups {
        0 => text(0),
        1 => text(1),
        n => Value::tuple((1..=n).map(text).collect()),
    }
}

/// A `sub` template as pieces: literal text and group numbers.
enum Piece {
    Text(String),
    Group(usize),
}

fn parse_template(it: &mut Interp, p: &Pattern, t: &str) -> R<Vec<Piece>> {
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

fn subn(
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

fn split(p: &Rc<Pattern>, s: &str, maxsplit: i64) -> Value {
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

fn iter_of(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(Iter::Seq {
        items: Rc::from(items),
        pos: 0,
    })))
}

fn finditer(p: &Rc<Pattern>, s: &Rc<str>, pos: usize, endpos: usize) -> Value {
    let (b0, b1) = (byte_at(s, pos), byte_at(s, endpos));
    let items = all_matches(p, s, b0, b1)
        .into_iter()
        .map(|c| match_value(p, s, c, pos, endpos))
        .collect();
    iter_of(items)
}

fn findall(p: &Rc<Pattern>, s: &str, pos: usize, endpos: usize) -> Value {
    let (b0, b1) = (byte_at(s, pos), byte_at(s, endpos));
    Value::list(
        all_matches(p, s, b0, b1)
            .iter()
            .map(|c| findall_item(p, s, c))
            .collect(),
    )
}

/// Python's `re.escape`: a backslash before every character special in a pattern.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\u{b}\u{c}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

table! { PATTERN_METHODS:
    "match", "Pattern.match(string, pos=0, endpos=len)", "A Match at pos, or None." => |_, a| {
        let p = this_pattern(a)?;
        let (s, pos, end) = target(a, 1)?;
        Ok(find(&p, &s, pos, end, Mode::Match))
    };
    "search", "Pattern.search(string, pos=0, endpos=len)", "The first Match anywhere, or None." => |_, a| {
        let p = this_pattern(a)?;
        let (s, pos, end) = target(a, 1)?;
        Ok(find(&p, &s, pos, end, Mode::Search))
    };
    "fullmatch", "Pattern.fullmatch(string, pos=0, endpos=len)", "A Match of the whole string, or None." => |_, a| {
        let p = this_pattern(a)?;
        let (s, pos, end) = target(a, 1)?;
        Ok(find(&p, &s, pos, end, Mode::Full))
    };
    "findall", "Pattern.findall(string, pos=0, endpos=len)", "Every match's text (or its groups)." => |_, a| {
        let p = this_pattern(a)?;
        let (s, pos, end) = target(a, 1)?;
        Ok(findall(&p, &s, pos, end))
    };
    "finditer", "Pattern.finditer(string, pos=0, endpos=len)", "An iterator over every Match." => |_, a| {
        let p = this_pattern(a)?;
        let (s, pos, end) = target(a, 1)?;
        Ok(finditer(&p, &s, pos, end))
    };
    "sub", "Pattern.sub(repl, string, count=0)", "The string with matches replaced by repl (a template or a function of the Match)." => |it, a| {
        let p = this_pattern(a)?;
        let repl = a.req(1, "repl")?;
        let s = to_str(&a.req(2, "string")?, "string")?;
        let count = a.get(3, "count").map(|c| to_int(&c, "count")).transpose()?.unwrap_or(0);
        Ok(Value::str(&subn(it, &p, &repl, &s, count)?.0))
    };
    "subn", "Pattern.subn(repl, string, count=0)", "(new string, number of replacements)." => |it, a| {
        let p = this_pattern(a)?;
        let repl = a.req(1, "repl")?;
        let s = to_str(&a.req(2, "string")?, "string")?;
        let count = a.get(3, "count").map(|c| to_int(&c, "count")).transpose()?.unwrap_or(0);
        let (r, n) = subn(it, &p, &repl, &s, count)?;
        Ok(Value::tuple(vec![Value::str(&r), Value::Int(n)]))
    };
    "split", "Pattern.split(string, maxsplit=0)", "The pieces between matches (and the groups' text)." => |_, a| {
        let p = this_pattern(a)?;
        let s = to_str(&a.req(1, "string")?, "string")?;
        let max = a.get(2, "maxsplit").map(|c| to_int(&c, "maxsplit")).transpose()?.unwrap_or(0);
        Ok(split(&p, &s, max))
    };
}

table! { MATCH_METHODS:
    "group", "Match.group(*groups)", "A group's text (0: the whole match), or a tuple of several." => |it, a| {
        let m = this_match(a)?;
        let gs = a.rest(1);
        if gs.is_empty() {
            return Ok(m.0.group(0));
        }
        let mut out = Vec::new();
        for g in &gs {
            let i = m.0.group_index(it, g)?;
            out.push(m.0.group(i));
        }
        Ok(if out.len() == 1 { out.remove(0) } else { Value::tuple(out) })
    };
    "__getitem__", "Match[g]", "m[g] is m.group(g)." => |it, a| {
        let m = this_match(a)?;
        let g = a.req(1, "group")?;
        let i = m.0.group_index(it, &g)?;
        Ok(m.0.group(i))
    };
    "groups", "groups(default=None) (of a Match)", "Every group's text, default where it did not take part." => |_, a| {
        let m = this_match(a)?;
        let d = a.get(1, "default").unwrap_or(Value::None);
        Ok(Value::tuple((1..=m.0.pat.ngroups).map(|g| match m.0.group(g) { Value::None => d.clone(), v => v }).collect()))
    };
    "groupdict", "Match.groupdict(default=None)", "The named groups' text by name." => |_, a| {
        let m = this_match(a)?;
        let d = a.get(1, "default").unwrap_or(Value::None);
        Ok(Value::dict(m.0.pat.names.iter().map(|(n, g)| (Key(Value::str(n)), match m.0.group(*g) { Value::None => d.clone(), v => v })).collect()))
    };
    "span", "Match.span(group=0)", "(start, end) of the group (character positions)." => |it, a| {
        let m = this_match(a)?;
        let g = a.get(1, "group").unwrap_or(Value::Int(0));
        let i = m.0.group_index(it, &g)?;
        let (s, e) = m.0.span(i);
        Ok(Value::tuple(vec![Value::Int(s), Value::Int(e)]))
    };
    "start", "Match.start(group=0)", "Where the group starts (-1 if it did not take part)." => |it, a| {
        let m = this_match(a)?;
        let g = a.get(1, "group").unwrap_or(Value::Int(0));
        let i = m.0.group_index(it, &g)?;
        Ok(Value::Int(m.0.span(i).0))
    };
    "end", "Match.end(group=0)", "Where the group ends (-1 if it did not take part)." => |it, a| {
        let m = this_match(a)?;
        let g = a.get(1, "group").unwrap_or(Value::Int(0));
        let i = m.0.group_index(it, &g)?;
        Ok(Value::Int(m.0.span(i).1))
    };
    "expand", "Match.expand(template)", "The template with \\1 and \\g<name> filled from this match." => |it, a| {
        let m = this_match(a)?;
        let t = to_str(&a.req(1, "template")?, "template")?;
        let pieces = parse_template(it, &m.0.pat, &t)?;
        let mut out = String::new();
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(&t),
                Piece::Group(g) => if let Value::Str(s) = m.0.group(g) { out.push_str(&s) },
            }
        }
        Ok(Value::str(&out))
    };
}

table! { RE:
    "compile", "compile(pattern, flags=0)", "A compiled Pattern." => |it, a| {
        let pat = a.req(0, "pattern")?;
        let flags = flags_of(a, 1)?;
        if pat.native::<PatternObj>().is_some() {
            return Ok(pat);
        }
        let p = pattern_arg(it, &pat, flags)?;
        Ok(Value::Native(Rc::new(PatternObj(p))))
    };
    "match", "match(pattern, string, flags=0)", "A Match at the start of string, or None." => |it, a| {
        let (p, s, n) = pattern_and_string(it, a)?;
        Ok(find(&p, &s, 0, n, Mode::Match))
    };
    "search", "search(pattern, string, flags=0)", "The first Match anywhere in string, or None." => |it, a| {
        let (p, s, n) = pattern_and_string(it, a)?;
        Ok(find(&p, &s, 0, n, Mode::Search))
    };
    "fullmatch", "fullmatch(pattern, string, flags=0)", "A Match of the whole string, or None." => |it, a| {
        let (p, s, n) = pattern_and_string(it, a)?;
        Ok(find(&p, &s, 0, n, Mode::Full))
    };
    "findall", "findall(pattern, string, flags=0)", "Every match's text (or its groups)." => |it, a| {
        let (p, s, n) = pattern_and_string(it, a)?;
        Ok(findall(&p, &s, 0, n))
    };
    "finditer", "finditer(pattern, string, flags=0)", "An iterator over every Match." => |it, a| {
        let (p, s, n) = pattern_and_string(it, a)?;
        Ok(finditer(&p, &s, 0, n))
    };
    "sub", "sub(pattern, repl, string, count=0, flags=0)", "The string with matches replaced by repl (a template with \\1, \\g<name>, or a function of the Match)." => |it, a| {
        let pat = a.req(0, "pattern")?;
        let repl = a.req(1, "repl")?;
        let s = to_str(&a.req(2, "string")?, "string")?;
        let count = a.get(3, "count").map(|c| to_int(&c, "count")).transpose()?.unwrap_or(0);
        let flags = flags_of(a, 4)?;
        let p = pattern_arg(it, &pat, flags)?;
        Ok(Value::str(&subn(it, &p, &repl, &s, count)?.0))
    };
    "subn", "subn(pattern, repl, string, count=0, flags=0)", "(new string, number of replacements)." => |it, a| {
        let pat = a.req(0, "pattern")?;
        let repl = a.req(1, "repl")?;
        let s = to_str(&a.req(2, "string")?, "string")?;
        let count = a.get(3, "count").map(|c| to_int(&c, "count")).transpose()?.unwrap_or(0);
        let flags = flags_of(a, 4)?;
        let p = pattern_arg(it, &pat, flags)?;
        let (r, n) = subn(it, &p, &repl, &s, count)?;
        Ok(Value::tuple(vec![Value::str(&r), Value::Int(n)]))
    };
    "split", "split(pattern, string, maxsplit=0, flags=0)", "The pieces of string between matches (and the groups' text)." => |it, a| {
        let pat = a.req(0, "pattern")?;
        let s = to_str(&a.req(1, "string")?, "string")?;
        let max = a.get(2, "maxsplit").map(|c| to_int(&c, "maxsplit")).transpose()?.unwrap_or(0);
        let flags = flags_of(a, 3)?;
        let p = pattern_arg(it, &pat, flags)?;
        Ok(split(&p, &s, max))
    };
    "escape", "escape(pattern)", "The string with every character special in a pattern backslashed." => |_, a| {
        let s = to_str(&a.req(0, "pattern")?, "pattern")?;
        Ok(Value::str(&escape(&s)))
    };
    "purge", "purge()", "Clears the cache of compiled patterns." => |it, _| {
        it.ext.get::<ReState>().cache.clear();
        Ok(Value::None)
    };
}

pub fn module(it: &mut Interp) -> Value {
    let base = it.exc_class("Exception");
    let error = Rc::new(Class {
        name: Rc::from("error"),
        base: Some(base),
        ns: RefCell::new(indexmap::IndexMap::from([(
            Rc::from("__module__"),
            Value::str("re"),
        )])),
        builtin: true,
        meta: None,
    });
    it.ext.get::<ReState>().error = Some(error.clone());
    let mut entries = table_entries(RE);
    entries.push(("error", Value::Class(error)));
    for (names, v) in [
        (["I", "IGNORECASE"], IGNORECASE),
        (["M", "MULTILINE"], MULTILINE),
        (["S", "DOTALL"], DOTALL),
        (["X", "VERBOSE"], VERBOSE),
        (["A", "ASCII"], ASCII),
        (["U", "UNICODE"], UNICODE),
    ] {
        for n in names {
            entries.push((n, Value::Int(v)));
        }
    }
    entries.push(("NOFLAG", Value::Int(0)));
    crate::eval::lang::value::module("re", &entries)
}
