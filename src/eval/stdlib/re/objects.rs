//! `re.Pattern` and `re.Match`: the objects, their attributes and their methods.

use super::engine::*;
use super::{ASCII, DOTALL, IGNORECASE, MULTILINE, UNICODE, VERBOSE};
use crate::eval::lang::builtins::{table, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use std::rc::Rc;

pub(super) struct Match {
    pub(super) pat: Rc<Pattern>,
    pub(super) string: Rc<str>,
    /// Each group's byte span.
    pub(super) caps: Vec<Option<(usize, usize)>>,
    pub(super) pos: usize,
    pub(super) endpos: usize,
}

pub(super) struct PatternObj(pub(super) Rc<Pattern>);
pub(super) struct MatchObj(pub(super) Match);

pub(super) fn match_value(
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

pub(super) fn flag_names(flags: i64) -> String {
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

pub(super) fn this_pattern(a: &mut Args) -> R<Rc<Pattern>> {
    a.req(0, "self")?
        .native::<PatternObj>()
        .map(|p| p.0.clone())
        .ok_or_else(|| type_err("descriptor needs a re.Pattern"))
}

pub(super) fn this_match(a: &mut Args) -> R<Rc<MatchObj>> {
    a.req(0, "self")?
        .native::<MatchObj>()
        .ok_or_else(|| type_err("descriptor needs a re.Match"))
}

/// (string, pos, endpos) of a search: character positions, clamped as Python clamps them.
pub(super) fn target(a: &mut Args, i: usize) -> R<(Rc<str>, usize, usize)> {
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
