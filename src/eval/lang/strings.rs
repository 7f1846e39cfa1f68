//! The methods of `str`.

use super::builtins::{table, to_int, to_str, Args};
use super::exc::{type_err, value_err, R};
use super::value::*;
use std::rc::Rc;

fn this(a: &mut Args) -> R<Rc<str>> {
    match a.req(0, "self")? {
        Value::Str(s) => Ok(s),
        v => Err(type_err(format!(
            "descriptor requires a 'str' object but received a '{}'",
            v.type_name()
        ))),
    }
}

fn s(v: &str) -> R<Value> {
    Ok(Value::str(v))
}

fn opt_str(a: &mut Args, i: usize, name: &str) -> R<Option<Rc<str>>> {
    a.opt(i, name).map(|v| to_str(&v, name)).transpose()
}

/// Char-indexed bounds for find/count/startswith's start and end.
fn bounds(a: &mut Args, i: usize, n: usize) -> R<(usize, usize)> {
    let norm = |v: i64| -> usize {
        if v < 0 {
            (v + n as i64).max(0) as usize
        } else {
            (v as usize).min(n)
        }
    };
    let start = a
        .opt(i, "start")
        .map(|v| to_int(&v, "start"))
        .transpose()?
        .map_or(0, norm);
    let end = a
        .opt(i + 1, "end")
        .map(|v| to_int(&v, "end"))
        .transpose()?
        .map_or(n, norm);
    Ok((start, end))
}

fn byte_at(st: &str, char_idx: usize) -> usize {
    st.char_indices().nth(char_idx).map_or(st.len(), |(b, _)| b)
}

fn find(a: &mut Args, rev: bool) -> R<Option<usize>> {
    let st = this(a)?;
    let sub = to_str(&a.req(1, "sub")?, "sub")?;
    let n = st.chars().count();
    let (start, end) = bounds(a, 2, n)?;
    if start > end {
        return Ok(None);
    }
    let (bs, be) = (byte_at(&st, start), byte_at(&st, end));
    let hay = &st[bs..be];
    let found = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(found.map(|b| st[..bs + b].chars().count()))
}

fn split_ws(st: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = st.trim_start();
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(Value::str(rest));
            return out;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push(Value::str(&rest[..end]));
        rest = rest[end..].trim_start();
    }
    out
}

fn strip_chars(a: &mut Args) -> R<Option<Vec<char>>> {
    Ok(opt_str(a, 1, "chars")?.map(|c| c.chars().collect()))
}

fn pad(a: &mut Args, f: fn(&str, usize, char) -> String) -> R<Value> {
    let st = this(a)?;
    let w = super::ops::check_len(to_int(&a.req(1, "width")?, "width")?, 4)?;
    let fill = match opt_str(a, 2, "fillchar")? {
        Some(c) if c.chars().count() == 1 => c.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_err(
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    Ok(Value::str(&f(&st, w, fill)))
}

fn rep(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

fn with_prefix(a: &mut Args, end: bool) -> R<Value> {
    let st = this(a)?;
    let p = a.req(1, "prefix")?;
    let n = st.chars().count();
    let (start, stop) = bounds(a, 2, n)?;
    let part = &st[byte_at(&st, start)..byte_at(&st, stop.max(start))];
    let check = |x: &str| {
        if end {
            part.ends_with(x)
        } else {
            part.starts_with(x)
        }
    };
    Ok(Value::Bool(match &p {
        Value::Str(x) => check(x),
        Value::Tuple(t) => t.iter().any(|v| matches!(v, Value::Str(x) if check(x))),
        v => {
            return Err(type_err(format!(
                "{}with first arg must be str or a tuple of str, not {}",
                if end { "ends" } else { "starts" },
                v.type_name()
            )))
        }
    }))
}

fn is_all(a: &mut Args, f: fn(char) -> bool) -> R<Value> {
    let st = this(a)?;
    Ok(Value::Bool(!st.is_empty() && st.chars().all(f)))
}

table! { STR_METHODS:
    "split", "str.split(sep=None, maxsplit=-1)", "The words, split at sep (or runs of whitespace)." => |_, a| {
        let st = this(a)?;
        let sep = opt_str(a, 1, "sep")?;
        let max = a.get(2, "maxsplit").map(|v| to_int(&v, "maxsplit")).transpose()?.unwrap_or(-1);
        Ok(Value::list(match sep {
            None => split_ws(&st, max),
            Some(sep) => {
                if sep.is_empty() {
                    return Err(value_err("empty separator"));
                }
                if max < 0 {
                    st.split(&*sep).map(Value::str).collect()
                } else {
                    st.splitn(max as usize + 1, &*sep).map(Value::str).collect()
                }
            }
        }))
    };
    "rsplit", "str.rsplit(sep=None, maxsplit=-1)", "The words, split from the right." => |_, a| {
        let st = this(a)?;
        let sep = opt_str(a, 1, "sep")?;
        let max = a.get(2, "maxsplit").map(|v| to_int(&v, "maxsplit")).transpose()?.unwrap_or(-1);
        let mut v: Vec<Value> = match (sep, max) {
            (None, _) => return Ok(Value::list(split_ws(&st, -1))),
            (Some(sep), m) if m < 0 => st.split(&*sep).map(Value::str).collect(),
            (Some(sep), m) => st.rsplitn(m as usize + 1, &*sep).map(Value::str).collect(),
        };
        if max >= 0 {
            v.reverse();
        }
        Ok(Value::list(v))
    };
    "join", "str.join(iterable)", "The iterable's strings joined with this string between them." => |it, a| {
        let st = this(a)?;
        let items = it.collect(&a.req(1, "iterable")?)?;
        let mut parts = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match v {
                Value::Str(x) => parts.push(x.to_string()),
                other => return Err(type_err(format!("sequence item {i}: expected str instance, {} found", other.type_name()))),
            }
        }
        s(&parts.join(&st))
    };
    "strip", "str.strip(chars=None)", "Without leading and trailing whitespace (or chars)." => |_, a| {
        let st = this(a)?;
        match strip_chars(a)? {
            Some(c) => s(st.trim_matches(|x| c.contains(&x))),
            None => s(st.trim()),
        }
    };
    "lstrip", "str.lstrip(chars=None)", "Without leading whitespace (or chars)." => |_, a| {
        let st = this(a)?;
        match strip_chars(a)? {
            Some(c) => s(st.trim_start_matches(|x| c.contains(&x))),
            None => s(st.trim_start()),
        }
    };
    "rstrip", "str.rstrip(chars=None)", "Without trailing whitespace (or chars)." => |_, a| {
        let st = this(a)?;
        match strip_chars(a)? {
            Some(c) => s(st.trim_end_matches(|x| c.contains(&x))),
            None => s(st.trim_end()),
        }
    };
    "replace", "str.replace(old, new, count=-1)", "With occurrences of old replaced by new." => |_, a| {
        let st = this(a)?;
        let old = to_str(&a.req(1, "old")?, "old")?;
        let new = to_str(&a.req(2, "new")?, "new")?;
        let count = a.get(3, "count").map(|v| to_int(&v, "count")).transpose()?.unwrap_or(-1);
        if count < 0 {
            if old.is_empty() {
                let mut out = String::from(&*new);
                for c in st.chars() {
                    out.push(c);
                    out.push_str(&new);
                }
                return s(&out);
            }
            return s(&st.replace(&*old, &new));
        }
        if old.is_empty() {
            let mut out = String::new();
            let mut n = 0;
            for c in st.chars() {
                if n < count {
                    out.push_str(&new);
                    n += 1;
                }
                out.push(c);
            }
            if n < count {
                out.push_str(&new);
            }
            return s(&out);
        }
        s(&st.replacen(&*old, &new, count as usize))
    };
    "upper", "str.upper()", "In upper case." => |_, a| s(&this(a)?.to_uppercase());
    "lower", "str.lower()", "In lower case." => |_, a| s(&this(a)?.to_lowercase());
    "title", "str.title()", "With each word capitalised." => |_, a| {
        let st = this(a)?;
        let mut out = String::new();
        let mut prev_alpha = false;
        for c in st.chars() {
            if prev_alpha {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_alpha = c.is_alphabetic();
        }
        s(&out)
    };
    "capitalize", "str.capitalize()", "With the first character upper case and the rest lower." => |_, a| {
        let st = this(a)?;
        let mut cs = st.chars();
        let out = match cs.next() {
            Some(c) => c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
            None => String::new(),
        };
        s(&out)
    };
    "swapcase", "str.swapcase()", "With upper and lower case swapped." => |_, a| {
        let st = this(a)?;
        s(&st.chars().map(|c| if c.is_uppercase() { c.to_lowercase().collect::<String>() } else { c.to_uppercase().collect() }).collect::<String>())
    };
    "startswith", "str.startswith(prefix, start=None, end=None)", "True if the string starts with prefix (or one of a tuple)." => |_, a| with_prefix(a, false);
    "endswith", "str.endswith(suffix, start=None, end=None)", "True if the string ends with suffix (or one of a tuple)." => |_, a| with_prefix(a, true);
    "find", "str.find(sub, start=None, end=None)", "The lowest index of sub, or -1." => |_, a| Ok(Value::Int(find(a, false)?.map_or(-1, |i| i as i64)));
    "rfind", "str.rfind(sub, start=None, end=None)", "The highest index of sub, or -1." => |_, a| Ok(Value::Int(find(a, true)?.map_or(-1, |i| i as i64)));
    "index", "str.index(sub, start=None, end=None)", "The lowest index of sub; ValueError if absent." => |_, a| {
        find(a, false)?.map(|i| Value::Int(i as i64)).ok_or_else(|| value_err("substring not found"))
    };
    "rindex", "str.rindex(sub, start=None, end=None)", "The highest index of sub; ValueError if absent." => |_, a| {
        find(a, true)?.map(|i| Value::Int(i as i64)).ok_or_else(|| value_err("substring not found"))
    };
    "count", "str.count(sub, start=None, end=None)", "How many non-overlapping times sub occurs." => |_, a| {
        let st = this(a)?;
        let sub = to_str(&a.req(1, "sub")?, "sub")?;
        let n = st.chars().count();
        let (start, end) = bounds(a, 2, n)?;
        if start > end {
            return Ok(Value::Int(0));
        }
        let part = &st[byte_at(&st, start)..byte_at(&st, end)];
        Ok(Value::Int(if sub.is_empty() { part.chars().count() as i64 + 1 } else { part.matches(&*sub).count() as i64 }))
    };
    "isdigit", "str.isdigit()", "True if every character is a digit." => |_, a| is_all(a, |c| c.is_ascii_digit());
    "isnumeric", "str.isnumeric()", "True if every character is numeric." => |_, a| is_all(a, char::is_numeric);
    "isdecimal", "str.isdecimal()", "True if every character is a decimal digit." => |_, a| is_all(a, |c| c.is_ascii_digit());
    "isalpha", "str.isalpha()", "True if every character is a letter." => |_, a| is_all(a, char::is_alphabetic);
    "isalnum", "str.isalnum()", "True if every character is a letter or digit." => |_, a| is_all(a, char::is_alphanumeric);
    "isspace", "str.isspace()", "True if every character is whitespace." => |_, a| is_all(a, char::is_whitespace);
    "isupper", "str.isupper()", "True if every cased character is upper case (and there is one)." => |_, a| {
        let st = this(a)?;
        Ok(Value::Bool(st.chars().any(|c| c.is_alphabetic()) && !st.chars().any(|c| c.is_lowercase())))
    };
    "islower", "str.islower()", "True if every cased character is lower case (and there is one)." => |_, a| {
        let st = this(a)?;
        Ok(Value::Bool(st.chars().any(|c| c.is_alphabetic()) && !st.chars().any(|c| c.is_uppercase())))
    };
    "zfill", "str.zfill(width)", "Padded on the left with zeros (after a sign)." => |_, a| {
        let st = this(a)?;
        let w = super::ops::check_len(to_int(&a.req(1, "width")?, "width")?, 4)?;
        let n = st.chars().count();
        if n >= w {
            return s(&st);
        }
        let (sign, body) = match st.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &st[1..]),
            _ => (String::new(), &st[..]),
        };
        s(&format!("{sign}{}{body}", "0".repeat(w - n)))
    };
    "center", "str.center(width, fillchar=' ')", "Centred in a field of the width." => |_, a| pad(a, |st, w, f| {
        let n = st.chars().count();
        if n >= w { return st.to_string(); }
        let total = w - n;
        // CPython puts the extra fill on the left when the string's length is odd.
        let left = total / 2 + (total & w & 1);
        format!("{}{st}{}", rep(f, left), rep(f, total - left))
    });
    "ljust", "str.ljust(width, fillchar=' ')", "Left-justified in a field of the width." => |_, a| pad(a, |st, w, f| {
        let n = st.chars().count();
        format!("{st}{}", rep(f, w.saturating_sub(n)))
    });
    "rjust", "str.rjust(width, fillchar=' ')", "Right-justified in a field of the width." => |_, a| pad(a, |st, w, f| {
        let n = st.chars().count();
        format!("{}{st}", rep(f, w.saturating_sub(n)))
    });
    "format", "str.format(*args, **kwargs)", "The string with {} fields replaced by the arguments." => |it, a| {
        let st = this(a)?;
        let args = a.rest(1);
        let kw = std::mem::take(&mut a.kw);
        s(&super::format::str_format(it, &st, &args, &kw)?)
    };
    "splitlines", "str.splitlines(keepends=False)", "The lines, without their line endings." => |it, a| {
        let st = this(a)?;
        let keep = match a.get(1, "keepends") { Some(v) => it.truthy(&v)?, None => false };
        let mut out = Vec::new();
        let mut rest = &st[..];
        while !rest.is_empty() {
            let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let mut next = end;
            if rest[end..].starts_with("\r\n") {
                next += 2;
            } else if end < rest.len() {
                next += 1;
            }
            out.push(Value::str(if keep { &rest[..next] } else { &rest[..end] }));
            rest = &rest[next..];
        }
        Ok(Value::list(out))
    };
    "partition", "str.partition(sep)", "(before, sep, after) around the first sep." => |_, a| {
        let st = this(a)?;
        let sep = to_str(&a.req(1, "sep")?, "sep")?;
        Ok(match st.find(&*sep) {
            Some(i) => Value::tuple(vec![Value::str(&st[..i]), Value::Str(sep.clone()), Value::str(&st[i + sep.len()..])]),
            None => Value::tuple(vec![Value::Str(st.clone()), Value::str(""), Value::str("")]),
        })
    };
    "rpartition", "str.rpartition(sep)", "(before, sep, after) around the last sep." => |_, a| {
        let st = this(a)?;
        let sep = to_str(&a.req(1, "sep")?, "sep")?;
        Ok(match st.rfind(&*sep) {
            Some(i) => Value::tuple(vec![Value::str(&st[..i]), Value::Str(sep.clone()), Value::str(&st[i + sep.len()..])]),
            None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(st.clone())]),
        })
    };
    "removeprefix", "str.removeprefix(prefix)", "Without the prefix, if it starts with it." => |_, a| {
        let st = this(a)?;
        let p = to_str(&a.req(1, "prefix")?, "prefix")?;
        s(st.strip_prefix(&*p).unwrap_or(&st))
    };
    "removesuffix", "str.removesuffix(suffix)", "Without the suffix, if it ends with it." => |_, a| {
        let st = this(a)?;
        let p = to_str(&a.req(1, "suffix")?, "suffix")?;
        s(st.strip_suffix(&*p).unwrap_or(&st))
    };
    "encode", "str.encode(encoding='utf-8', errors='strict')", "The bytes that encode the text (UTF-8, ASCII or Latin-1)." => |_, a| {
        let st = to_str(&a.req(0, "self")?, "self")?;
        let enc = a.get(1, "encoding").map(|e| to_str(&e, "encoding")).transpose()?;
        a.get(2, "errors");
        super::bytes::encode(&st, enc.as_deref().unwrap_or("utf-8"))
    };
}
