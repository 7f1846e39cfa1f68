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
//!
//! engine.rs: patterns (Python's syntax as the engine's), searches, `sub`, `split`;
//! objects.rs: the Pattern and Match objects and their methods.

mod engine;
mod objects;

use crate::eval::lang::builtins::{table, to_int, to_str, Args};
use crate::eval::lang::exc::{Ctrl, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use engine::*;
use objects::PatternObj;
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
