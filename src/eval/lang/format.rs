//! Text: repr and str of every value, Python's format-spec mini-language, `%` formatting
//! and `str.format`.

use super::builtins::{to_float, to_int};
use super::exc::{type_err, value_err, R};
use super::interp::Interp;
use super::value::*;
use crate::types::python_float_repr;

/// Python's repr of a string: single quotes unless the text has one and no double quote.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `round(x, n)` for floats: correctly rounded through the decimal text, half to even.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if n > 300 {
        return x;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        return s.parse().unwrap_or(x);
    }
    let p = 10f64.powi((-n) as i32);
    (x / p).round_ties_even() * p
}

impl Interp {
    pub fn repr(&mut self, v: &Value) -> R<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => python_float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    format!("({})", self.join_reprs(t)?)
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in items {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let items: Vec<Value> = d.borrow().keys().map(|k| k.0.clone()).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) => {
                if r[2] == 1 {
                    format!("range({}, {})", r[0], r[1])
                } else {
                    format!("range({}, {}, {})", r[0], r[1], r[2])
                }
            }
            Value::Slice(s) => {
                let s = s.clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr(&s[0])?,
                    self.repr(&s[1])?,
                    self.repr(&s[2])?
                )
            }
            Value::Ellipsis => "Ellipsis".into(),
            Value::Func(f) => format!("<function {} at 0x{:x}>", f.def.name, v.identity()),
            Value::Builtin(b) => match super::introspect::builtin_type_name(b) {
                Some(t) => format!("<class '{t}'>"),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => match &m.1 {
                Value::Func(f) => format!(
                    "<bound method {}.{} of {}>",
                    m.0.type_name(),
                    f.def.name,
                    self.repr(&m.0.clone())?
                ),
                Value::Builtin(b) => {
                    format!("<built-in method {} of {} object>", b.name, m.0.type_name())
                }
                _ => "<bound method>".into(),
            },
            Value::Class(c) if matches!(v.special("__repr__"), Some(Value::Func(_))) => {
                let f = v.special("__repr__").unwrap_or(Value::None);
                match self.call(&f, vec![Value::Class(c.clone())], vec![])? {
                    Value::Str(s) => s.to_string(),
                    other => {
                        return Err(type_err(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        )))
                    }
                }
            }
            Value::Class(c) => {
                if c.builtin && &*c.name == "Tensor" {
                    "<class 'torch.Tensor'>".into()
                } else if let (true, Some(Value::Str(m))) =
                    (c.builtin, c.ns.borrow().get("__module__"))
                {
                    format!("<class '{m}.{}'>", c.name)
                } else if c.builtin {
                    format!("<class '{}'>", c.name)
                } else {
                    // A class knows its module (`__module__`, set where its body ran).
                    let m = match c.ns.borrow().get("__module__") {
                        Some(Value::Str(m)) => m.to_string(),
                        _ => "__main__".into(),
                    };
                    let q = match c.ns.borrow().get("__qualname__") {
                        Some(Value::Str(q)) => q.to_string(),
                        _ => c.name.to_string(),
                    };
                    format!("<class '{m}.{q}'>")
                }
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__repr__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_err(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if super::exc::is_exception_class(&i.class) {
                    let args = super::exc::args_of(v);
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        self.join_reprs(&args)?
                    };
                    return Ok(format!("{}({inner})", i.class.name));
                }
                {
                    let m = match i.class.ns.borrow().get("__module__") {
                        Some(Value::Str(m)) if !i.class.builtin => m.to_string(),
                        _ => "__main__".into(),
                    };
                    format!("<{m}.{} object at 0x{:x}>", i.class.name, v.identity())
                }
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Iter(_) => format!("<iterator object at 0x{:x}>", v.identity()),
            Value::Tensor(t) => {
                let suffix = match t.grad_fn() {
                    Some(node) => vec![format!("grad_fn=<{}>", node.class_name())],
                    None if t.requires_grad() => vec!["requires_grad=True".to_string()],
                    None => vec![],
                };
                let s = crate::tensor::format_tensor(t, &self.print_opts, &suffix)?;
                if t.is_parameter() {
                    format!("Parameter containing:\n{s}")
                } else {
                    s
                }
            }
            Value::DType(d) => d.to_string(),
            Value::Device(d) => match d {
                crate::Device::Cpu => "device(type='cpu')".into(),
                crate::Device::Cuda(i) => format!("device(type='cuda', index={i})"),
            },
            Value::Size(s) => {
                let parts: Vec<String> = s.iter().map(|i| i.to_string()).collect();
                format!("torch.Size([{}])", parts.join(", "))
            }
            Value::StaticMethod(_) => "<staticmethod object>".into(),
            Value::ClassMethod(_) => "<classmethod object>".into(),
            Value::Property(_) => "<property object>".into(),
            Value::Super(_) => "<super object>".into(),
            Value::Native(n) => n.repr(),
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> R<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr(x)?);
        }
        Ok(parts.join(", "))
    }

    /// Python's `str()`.
    pub fn str_of(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Native(n) => Ok(n.str()),
            Value::Device(d) => Ok(d.to_string()),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__str__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_err(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if super::exc::is_exception_class(&i.class) && i.class.lookup("__repr__").is_none()
                {
                    let attrs = i.attrs.borrow().clone();
                    if let (Some(Value::Int(n)), Some(se)) =
                        (attrs.get("errno"), attrs.get("strerror"))
                    {
                        let se = self.str_of(se)?;
                        let mut out = match attrs.get("filename") {
                            Some(Value::None) | None => format!("[Errno {n}] {se}"),
                            Some(f) => format!("[Errno {n}] {se}: {}", self.repr(f)?),
                        };
                        if let Some(f2) = attrs.get("filename2") {
                            out.push_str(&format!(" -> {}", self.repr(f2)?));
                        }
                        return Ok(out);
                    }
                    let args = super::exc::args_of(v);
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 => {
                            if i.class.is_subclass_of(&self.exc_class("KeyError")) {
                                self.repr(&args[0])
                            } else {
                                self.str_of(&args[0])
                            }
                        }
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`, as f-strings use it.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> R<String> {
        // A 0-dim tensor formats as its value (PyTorch's Tensor.__format__).
        if let Value::Tensor(t) = v {
            if t.dim() == 0 {
                let s = super::ops::scalar_value(t.item()?);
                return self.format_value(&s, spec);
            }
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        if let Some(n) = v.number() {
            return self.format_value(&n, spec);
        }
        if let Value::Instance(i) = v {
            if let Some(f) = i.class.lookup("__format__") {
                let r = self.call(&f, vec![v.clone(), Value::str(spec)], vec![])?;
                return self.str_of(&r);
            }
        }
        let s = Spec::parse(spec).ok_or_else(|| {
            value_err(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                v.type_name()
            ))
        })?;
        match (v, s.ty) {
            (Value::Str(x), None | Some('s')) => {
                let x: String = match s.precision {
                    Some(p) => x.chars().take(p).collect(),
                    None => x.to_string(),
                };
                return Ok(s.pad(&x, "", '<'));
            }
            (
                Value::Int(_) | Value::Bool(_),
                None | Some('d' | 'x' | 'X' | 'b' | 'o' | 'c' | 'n'),
            ) => {
                let i = to_int(v, "value")?;
                let mag = i.unsigned_abs();
                let digits = match s.ty {
                    Some('x') => format!("{mag:x}"),
                    Some('X') => format!("{mag:X}"),
                    Some('b') => format!("{mag:b}"),
                    Some('o') => format!("{mag:o}"),
                    Some('c') => char::from_u32(i as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => group(&mag.to_string(), s.grouping),
                };
                let prefix = if s.alternate {
                    match s.ty {
                        Some('x') => "0x",
                        Some('X') => "0X",
                        Some('b') => "0b",
                        Some('o') => "0o",
                        _ => "",
                    }
                } else {
                    ""
                };
                let sign = sign_of(i < 0, s.sign);
                return Ok(s.pad(&format!("{prefix}{digits}"), &sign, '>'));
            }
            (
                Value::Int(_) | Value::Bool(_) | Value::Float(_),
                Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') | None,
            ) => {
                let x = to_float(v, "value")?;
                let (neg, body) = float_body(x, &s);
                let sign = sign_of(neg, s.sign);
                return Ok(s.pad(&body, &sign, '>'));
            }
            _ => {}
        }
        Err(value_err(format!(
            "Unknown format code '{}' for object of type '{}'",
            s.ty.unwrap_or('?'),
            v.type_name()
        )))
    }
}

fn sign_of(neg: bool, mode: char) -> String {
    if neg {
        "-".into()
    } else {
        match mode {
            '+' => "+".into(),
            ' ' => " ".into(),
            _ => String::new(),
        }
    }
}

/// Inserts thousands separators into a run of digits.
fn group(digits: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return digits.to_string();
    };
    let (int, frac) = match digits.find('.') {
        Some(i) => (&digits[..i], &digits[i..]),
        None => (digits, ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out + frac
}

/// The digits of a float under a spec, without the sign.
fn float_body(x: f64, s: &Spec) -> (bool, String) {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let t = if matches!(s.ty, Some('E' | 'F' | 'G')) {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        return (neg && !a.is_nan(), t);
    }
    let body = match s.ty {
        Some('f' | 'F') => group(&format!("{:.*}", s.precision.unwrap_or(6), a), s.grouping),
        Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
        Some('e' | 'E') => {
            let t = sci(a, s.precision.unwrap_or(6));
            if s.ty == Some('E') {
                t.to_uppercase()
            } else {
                t
            }
        }
        Some('g' | 'G') => {
            let t = general(a, s.precision.unwrap_or(6), s.alternate);
            if s.ty == Some('G') {
                t.to_uppercase()
            } else {
                t
            }
        }
        _ => match s.precision {
            // No type: like 'g' but at least one digit after the point, and repr by default.
            Some(p) => {
                let t = general(a, p, false);
                if t.contains(['.', 'e', 'n', 'i']) {
                    t
                } else {
                    t + ".0"
                }
            }
            None => group(&python_float_repr(a), s.grouping),
        },
    };
    (neg, body)
}

/// `{:.Ne}`: one digit, N decimals, an exponent of at least two digits.
fn sci(a: f64, prec: usize) -> String {
    let t = format!("{:.*e}", prec, a);
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `{:.Ng}`: significant digits, trailing zeros removed, scientific outside 1e-4..1eN.
pub fn general(a: f64, prec: usize, keep_zeros: bool) -> String {
    let p = prec.max(1);
    if a == 0.0 {
        return "0".into();
    }
    let t = format!("{:.*e}", p - 1, a);
    let exp: i32 = t.split_once('e').map_or(0, |(_, e)| e.parse().unwrap_or(0));
    let strip = |s: String| -> String {
        if keep_zeros || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    if exp < -4 || exp >= p as i32 {
        let (m, _) = t.split_once('e').unwrap_or((&t, ""));
        format!(
            "{}e{}{:02}",
            strip(m.to_string()),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        strip(format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a))
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
pub struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl Spec {
    pub fn parse(spec: &str) -> Option<Spec> {
        let cs: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut s = Spec {
            fill: ' ',
            align: None,
            sign: '-',
            alternate: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        if cs.len() >= 2 && matches!(cs[1], '<' | '>' | '^' | '=') {
            s.fill = cs[0];
            s.align = Some(cs[1]);
            i = 2;
        } else if !cs.is_empty() && matches!(cs[0], '<' | '>' | '^' | '=') {
            s.align = Some(cs[0]);
            i = 1;
        }
        if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
            s.sign = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == '#' {
            s.alternate = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '0' {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            s.width = cs[start..i].iter().collect::<String>().parse().ok()?;
        }
        if i < cs.len() && matches!(cs[i], ',' | '_') {
            s.grouping = Some(cs[i]);
            i += 1;
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let start = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            s.precision = Some(cs[start..i].iter().collect::<String>().parse().ok()?);
        }
        if i < cs.len() {
            s.ty = Some(cs[i]);
            i += 1;
        }
        // Python refuses absurd widths too ("Too many decimal digits in format string").
        if s.width > 100_000_000 || s.precision.is_some_and(|p| p > 100_000_000) {
            return None;
        }
        (i == cs.len()).then_some(s)
    }

    /// Pads `body` (after `sign`) to the width with the alignment (default `default`).
    fn pad(&self, body: &str, sign: &str, default: char) -> String {
        let len = body.chars().count() + sign.chars().count();
        if len >= self.width {
            return format!("{sign}{body}");
        }
        let n = self.width - len;
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (self.fill, self.align.unwrap_or(default))
        };
        let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
        match align {
            '<' => format!("{sign}{body}{}", f(n)),
            '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
            '=' => format!("{sign}{}{body}", f(n)),
            _ => format!("{}{sign}{body}", f(n)),
        }
    }
}

/// `"fmt" % values`.
pub fn percent_format(it: &mut Interp, fmt: &str, args: &Value) -> R<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    let dict = if let Value::Dict(d) = args {
        Some(d.clone())
    } else {
        None
    };
    let mut next = items.into_iter();
    let mut out = String::new();
    let cs: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '%' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if i < cs.len() && cs[i] == '(' {
            let end = cs[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .ok_or_else(|| value_err("incomplete format key"))?;
            key = Some(cs[i + 1..end].iter().collect::<String>());
            i = end + 1;
        }
        let mut flags = String::new();
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(cs[i]);
            i += 1;
        }
        let mut width = String::new();
        while i < cs.len() && cs[i].is_ascii_digit() {
            width.push(cs[i]);
            i += 1;
        }
        let mut prec = None;
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < cs.len() && cs[i].is_ascii_digit() {
                p.push(cs[i]);
                i += 1;
            }
            prec = Some(p);
        }
        let Some(&conv) = cs.get(i) else {
            return Err(value_err("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match (&key, &dict) {
            (Some(k), Some(d)) => d
                .borrow()
                .get(&Key(Value::str(k)))
                .cloned()
                .ok_or_else(|| super::exc::err("KeyError", format!("'{k}'")))?,
            _ => next
                .next()
                .ok_or_else(|| type_err("not enough arguments for format string"))?,
        };
        let zero = if flags.contains('0') && !flags.contains('-') {
            "0"
        } else {
            ""
        };
        let align = if flags.contains('-') {
            "<"
        } else if zero.is_empty() || conv == 's' || conv == 'r' {
            ">"
        } else {
            ""
        };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let alt = if flags.contains('#') { "#" } else { "" };
        let prec_s = prec.as_ref().map(|p| format!(".{p}")).unwrap_or_default();
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = if conv == 's' {
                    it.str_of(&v)?
                } else {
                    it.repr(&v)?
                };
                it.format_value(&Value::str(&s), &format!("{align}{width}{prec_s}"))?
            }
            'd' | 'i' | 'u' => {
                let n = match &v {
                    Value::Float(f) => Value::Int(f.trunc() as i64),
                    other => Value::Int(to_int(other, "%d format").map_err(|_| {
                        type_err(format!(
                            "%d format: a real number is required, not {}",
                            other.type_name()
                        ))
                    })?),
                };
                it.format_value(&n, &format!("{align}{sign}{zero}{width}d"))?
            }
            'x' | 'X' | 'o' => it.format_value(
                &Value::Int(to_int(&v, "%x format")?),
                &format!("{align}{sign}{alt}{zero}{width}{conv}"),
            )?,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let p = if prec.is_none() {
                    ".6".to_string()
                } else {
                    prec_s.clone()
                };
                it.format_value(
                    &Value::Float(to_float(&v, "%f format")?),
                    &format!("{align}{sign}{zero}{width}{p}{conv}"),
                )?
            }
            'c' => match &v {
                Value::Str(s) => s.to_string(),
                other => char::from_u32(to_int(other, "%c")? as u32)
                    .map(String::from)
                    .unwrap_or_default(),
            },
            other => {
                return Err(value_err(format!(
                    "unsupported format character '{other}' (0x{:x})",
                    other as u32
                )))
            }
        };
        out.push_str(&piece);
    }
    if next.next().is_some() && dict.is_none() {
        return Err(type_err(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(
    it: &mut Interp,
    fmt: &str,
    args: &[Value],
    kwargs: &[(crate::syntax::ast::Ident, Value)],
) -> R<String> {
    let mut out = String::new();
    let cs: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < cs.len() {
        match cs[i] {
            '{' if cs.get(i + 1) == Some(&'{') => {
                out.push('{');
                i += 2;
            }
            '}' if cs.get(i + 1) == Some(&'}') => {
                out.push('}');
                i += 2;
            }
            '{' => {
                let mut depth = 1;
                let mut j = i + 1;
                while j < cs.len() && depth > 0 {
                    match cs[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth != 0 {
                    return Err(value_err("Single '{' encountered in format string"));
                }
                let field: String = cs[i + 1..j - 1].iter().collect();
                i = j;
                let (head, spec) = match field.find(':') {
                    Some(p) => (&field[..p], &field[p + 1..]),
                    None => (&field[..], ""),
                };
                let (name, conv) = match head.find('!') {
                    Some(p) => (&head[..p], head[p + 1..].chars().next()),
                    None => (head, None),
                };
                // The first part selects the argument; `[i]` and `.attr` go further.
                let split = name.find(['[', '.']).unwrap_or(name.len());
                let (base, rest) = name.split_at(split);
                let mut v = if base.is_empty() {
                    let v = args.get(auto).cloned().ok_or_else(|| {
                        super::exc::err(
                            "IndexError",
                            format!(
                                "Replacement index {auto} out of range for positional args tuple"
                            ),
                        )
                    })?;
                    auto += 1;
                    v
                } else if let Ok(n) = base.parse::<usize>() {
                    args.get(n).cloned().ok_or_else(|| {
                        super::exc::err(
                            "IndexError",
                            format!("Replacement index {n} out of range for positional args tuple"),
                        )
                    })?
                } else {
                    kwargs
                        .iter()
                        .find(|(k, _)| &**k == base)
                        .map(|(_, v)| v.clone())
                        .ok_or_else(|| super::exc::err("KeyError", format!("'{base}'")))?
                };
                let mut r = rest;
                while !r.is_empty() {
                    if let Some(stripped) = r.strip_prefix('[') {
                        let end = stripped
                            .find(']')
                            .ok_or_else(|| value_err("Missing ']' in format string"))?;
                        let key = &stripped[..end];
                        let k = key
                            .parse::<i64>()
                            .map(Value::Int)
                            .unwrap_or_else(|_| Value::str(key));
                        v = it.getitem(&v, &k)?;
                        r = &stripped[end + 1..];
                    } else if let Some(stripped) = r.strip_prefix('.') {
                        let end = stripped.find(['[', '.']).unwrap_or(stripped.len());
                        v = it.getattr(&v, &stripped[..end])?;
                        r = &stripped[end..];
                    } else {
                        break;
                    }
                }
                let v = match conv {
                    Some('r') => Value::str(&it.repr(&v)?),
                    Some('s') => Value::str(&it.str_of(&v)?),
                    _ => v,
                };
                let spec = if spec.contains('{') {
                    str_format(it, spec, args, kwargs)?
                } else {
                    spec.to_string()
                };
                out.push_str(&it.format_value(&v, &spec)?);
            }
            '}' => return Err(value_err("Single '}' encountered in format string")),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}
