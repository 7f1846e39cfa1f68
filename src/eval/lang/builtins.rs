//! Built-in functions: one table entry each (name, signature, one-line doc, body). `help(x)`,
//! the REPL's and kernel's docs, and completion read the same table.

use super::exc::{err, type_err, value_err, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::{CmpOp, Ident};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

pub type BuiltinFn = fn(&mut Interp, &mut Args) -> R<Value>;

/// A function implemented in Rust.
pub struct Builtin {
    pub name: &'static str,
    /// Its Python signature, as `help()` shows it.
    pub sig: &'static str,
    /// One sentence on what it does.
    pub doc: &'static str,
    pub f: BuiltinFn,
}

/// A call's arguments, taken by position or keyword as the body asks for them.
pub struct Args {
    pub fname: &'static str,
    pub pos: Vec<Value>,
    pub kw: Vec<(Ident, Value)>,
    used: usize,
}

impl Args {
    pub fn new(fname: &'static str, pos: Vec<Value>, kw: Vec<(Ident, Value)>) -> Args {
        Args {
            fname,
            pos,
            kw,
            used: 0,
        }
    }

    /// Positional argument `i`, or the keyword `name`.
    pub fn get(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(k) = self.kw.iter().position(|(k, _)| &**k == name) {
            return Some(self.kw.remove(k).1);
        }
        if i < self.pos.len() {
            self.used = self.used.max(i + 1);
            return Some(self.pos[i].clone());
        }
        None
    }

    /// Like `get`, but None (the value) counts as absent.
    pub fn opt(&mut self, i: usize, name: &str) -> Option<Value> {
        self.get(i, name).filter(|v| !matches!(v, Value::None))
    }

    pub fn req(&mut self, i: usize, name: &str) -> R<Value> {
        self.get(i, name).ok_or_else(|| {
            type_err(format!(
                "{}() missing required argument '{name}' (pos {})",
                self.fname,
                i + 1
            ))
        })
    }

    /// A keyword-only argument.
    pub fn kw(&mut self, name: &str) -> Option<Value> {
        let k = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(k).1)
    }

    /// Every positional argument from `from` on (`*args`).
    pub fn rest(&mut self, from: usize) -> Vec<Value> {
        self.used = self.pos.len();
        self.pos.get(from..).map(|s| s.to_vec()).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// Fails on arguments nobody asked for.
    pub fn finish(&mut self) -> R<()> {
        if let Some((k, _)) = self.kw.first() {
            return Err(type_err(format!(
                "{}() got an unexpected keyword argument '{k}'",
                self.fname
            )));
        }
        if self.used < self.pos.len() {
            return Err(type_err(format!(
                "{}() takes at most {} positional argument{} ({} given)",
                self.fname,
                self.used,
                if self.used == 1 { "" } else { "s" },
                self.pos.len()
            )));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- conversions

pub fn to_int(v: &Value, what: &str) -> R<i64> {
    // NumPy's integer and bool scalars are ints; its float scalars are not.
    if let Some(n @ (Value::Int(_) | Value::Bool(_))) = v.number() {
        return to_int(&n, what);
    }
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Tensor(t) if t.numel() == 1 && !t.dtype().is_float() => Ok(t.item()?.to_i64()),
        _ => Err(type_err(format!(
            "{what} must be an int, not {}",
            v.type_name()
        ))),
    }
}

pub fn to_float(v: &Value, what: &str) -> R<f64> {
    if let Some(n) = v.number() {
        return to_float(&n, what);
    }
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as u8 as f64),
        Value::Tensor(t) if t.numel() == 1 => Ok(t.item()?.to_f64()),
        _ => Err(type_err(format!(
            "{what} must be a real number, not {}",
            v.type_name()
        ))),
    }
}

pub fn to_str(v: &Value, what: &str) -> R<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(type_err(format!(
            "{what} must be str, not {}",
            v.type_name()
        ))),
    }
}

pub fn range_len(r: &[i64; 3]) -> usize {
    let [start, stop, step] = *r;
    if step > 0 && stop > start {
        ((stop - start + step - 1) / step) as usize
    } else if step < 0 && start > stop {
        ((start - stop - step - 1) / (-step)) as usize
    } else {
        0
    }
}

macro_rules! table {
    ($table:ident: $( $name:literal, $sig:literal, $doc:literal => $f:expr; )*) => {
        pub static $table: &[$crate::eval::lang::builtins::Builtin] = &[ $( $crate::eval::lang::builtins::Builtin { name: $name, sig: $sig, doc: $doc, f: $f }, )* ];
    };
}
pub(crate) use table;

pub static PROPERTY_SETTER: Builtin = Builtin {
    name: "setter",
    sig: "property.setter(fset)",
    doc: "Gives the property a setter method (used as a decorator).",
    f: |_, a| {
        let p = a.req(0, "self")?;
        let f = a.req(1, "fset")?;
        match &p {
            Value::Property(pr) => Ok(Value::Property(Rc::new((pr.0.clone(), RefCell::new(f))))),
            _ => Err(type_err("setter needs a property")),
        }
    },
};

pub static PROPERTY_GETTER: Builtin = Builtin {
    name: "getter",
    sig: "property.getter(fget)",
    doc: "Gives the property a getter method (used as a decorator).",
    f: |_, a| {
        let p = a.req(0, "self")?;
        let f = a.req(1, "fget")?;
        match &p {
            Value::Property(pr) => Ok(Value::Property(Rc::new((
                f,
                RefCell::new(pr.1.borrow().clone()),
            )))),
            _ => Err(type_err("getter needs a property")),
        }
    },
};

/// `BaseException.__init__(self, *args)`: stores the arguments.
pub static EXCEPTION_INIT: Builtin = Builtin {
    name: "__init__",
    sig: "BaseException.__init__(self, *args)",
    doc: "Stores the exception's arguments in self.args.",
    f: |_, a| {
        let this = a.req(0, "self")?;
        let args = a.rest(1);
        if let Value::Instance(i) = &this {
            super::exc::init_attrs(&i.class, &mut i.attrs.borrow_mut(), args);
        }
        Ok(Value::None)
    },
};

pub static OBJECT_INIT: Builtin = Builtin {
    name: "__init__",
    sig: "object.__init__(self)",
    doc: "Initialises an object; the base of every class's __init__.",
    f: |_, a| {
        a.rest(0);
        a.kw.clear();
        Ok(Value::None)
    },
};

fn print(it: &mut Interp, a: &mut Args) -> R<Value> {
    let items = a.rest(0);
    let sep = match a.kw("sep") {
        Some(Value::None) | None => " ".into(),
        Some(v) => to_str(&v, "sep")?.to_string(),
    };
    let end = match a.kw("end") {
        Some(Value::None) | None => "\n".into(),
        Some(v) => to_str(&v, "end")?.to_string(),
    };
    let file = a.kw("file");
    a.kw("flush");
    let mut s = String::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&it.str_of(v)?);
    }
    s.push_str(&end);
    // `sys.stdout = something`: print writes there (contextlib.redirect_stdout).
    let file = match file {
        Some(Value::None) | None => match it.modules.get("sys").and_then(|m| match m {
            Value::Module(m) => m.attrs.borrow().get("stdout").cloned(),
            _ => None,
        }) {
            Some(out) if out.type_name() != "TextIOWrapper" => Some(out),
            _ => None,
        },
        f => f,
    };
    match file {
        Some(Value::None) | None => it.sink.stdout(&s),
        Some(other) => match it.call_method(&other, "write", vec![Value::str(&s)], vec![]) {
            Ok(_) => {}
            Err(e) => return Err(e),
        },
    }
    Ok(Value::None)
}

fn min_max(it: &mut Interp, a: &mut Args, want: std::cmp::Ordering) -> R<Value> {
    let key = a.kw("key").filter(|k| !matches!(k, Value::None));
    let default = a.kw("default");
    let items = a.rest(0);
    let items = if items.len() == 1 {
        it.collect(&items[0])?
    } else {
        items
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => it.call(f, vec![v.clone()], vec![])?,
            None => v.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => it.cmp_values(&k, bk, CmpOp::Lt)? == Some(want),
        };
        if better {
            best = Some((k, v));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| {
            value_err(format!(
                "{}() iterable argument is empty",
                if want == std::cmp::Ordering::Less {
                    "min"
                } else {
                    "max"
                }
            ))
        }),
    }
}

/// Sorts values in place with Python's ordering (stable), by key if given.
pub fn sort_values(
    it: &mut Interp,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> R<()> {
    let keys: Vec<Value> = match &key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for v in items.iter() {
                ks.push(it.call(f, vec![v.clone()], vec![])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    // A merge sort through the interpreter's comparison (which may call __lt__).
    let mut cmp = |x: usize, y: usize| -> bool {
        if error.is_some() {
            return false;
        }
        match it.cmp_values(&keys[y], &keys[x], CmpOp::Lt) {
            Ok(o) => o == Some(std::cmp::Ordering::Less),
            Err(e) => {
                error = Some(e);
                false
            }
        }
    };
    merge_sort(&mut idx, &mut cmp, reverse);
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// Stable merge sort; `less(a, b)` says b < a is false … (`lt(x, y)`: is keys[y] < keys[x]).
fn merge_sort(v: &mut Vec<usize>, gt: &mut dyn FnMut(usize, usize) -> bool, reverse: bool) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    let mut right = v.split_off(mid);
    merge_sort(v, gt, reverse);
    merge_sort(&mut right, gt, reverse);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when it must come strictly first (stability).
        let take_right = if reverse {
            gt(right[j], left[i])
        } else {
            gt(left[i], right[j])
        };
        if take_right {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

fn int_from_str(s: &str, base: i64) -> Option<i64> {
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => (10, body),
        (b, _) => (b, body),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let v = i64::from_str_radix(&clean, base as u32).ok()?;
    Some(if neg { -v } else { v })
}

pub fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase().replace('_', "");
    match t.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => t.parse().ok(),
    }
}

table! { BUILTINS:
    "print", "print(*objects, sep=' ', end='\\n', file=sys.stdout, flush=False)", "Writes the objects' str() separated by sep and followed by end." => print;
    "len", "len(obj)", "The number of items of a container (the first dimension of a tensor)." => |it, a| {
        let v = a.req(0, "obj")?;
        Ok(Value::Int(it.len(&v)? as i64))
    };
    "range", "range(stop) or range(start, stop, step=1)", "An immutable sequence of integers." => |_, a| {
        let args = a.rest(0);
        let ints: Vec<i64> = args.iter().map(|v| to_int(v, "range() argument").map_err(|_| type_err(format!("'{}' object cannot be interpreted as an integer", v.type_name())))).collect::<R<_>>()?;
        let r = match ints.as_slice() {
            [stop] => [0, *stop, 1],
            [start, stop] => [*start, *stop, 1],
            [start, stop, step] => {
                if *step == 0 {
                    return Err(value_err("range() arg 3 must not be zero"));
                }
                [*start, *stop, *step]
            }
            _ => return Err(type_err(format!("range expected at most 3 arguments, got {}", ints.len()))),
        };
        Ok(Value::Range(Rc::new(r)))
    };
    "enumerate", "enumerate(iterable, start=0)", "Pairs (index, item) for each item." => |it, a| {
        let v = a.req(0, "iterable")?;
        let start = a.get(1, "start").map(|s| to_int(&s, "start")).transpose()?.unwrap_or(0);
        let inner = it.iter(&v)?;
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Enumerate(Value::Iter(Rc::new(RefCell::new(inner))), start)))))
    };
    "zip", "zip(*iterables)", "Tuples of the i-th items of each iterable, as long as the shortest." => |it, a| {
        let mut its = Vec::new();
        for v in a.rest(0) {
            its.push(Value::Iter(Rc::new(RefCell::new(it.iter(&v)?))));
        }
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Zip(its)))))
    };
    "map", "map(function, *iterables)", "Applies the function to each item (of several iterables in step)." => |it, a| {
        let f = a.req(0, "function")?;
        let mut its = Vec::new();
        for v in a.rest(1) {
            its.push(Value::Iter(Rc::new(RefCell::new(it.iter(&v)?))));
        }
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Map(f, its)))))
    };
    "filter", "filter(function, iterable)", "The items for which function(item) is true (or the true items, for None)." => |it, a| {
        let f = a.req(0, "function")?;
        let v = a.req(1, "iterable")?;
        let inner = Value::Iter(Rc::new(RefCell::new(it.iter(&v)?)));
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Filter(f, inner)))))
    };
    "reversed", "reversed(sequence)", "The items in reverse order." => |it, a| {
        let v = a.req(0, "sequence")?;
        let mut items = it.collect(&v)?;
        items.reverse();
        Ok(Value::Iter(Rc::new(RefCell::new(Iter::Seq { items: Rc::from(items), pos: 0 }))))
    };
    "iter", "iter(iterable)", "An iterator over the iterable." => |it, a| {
        let v = a.req(0, "iterable")?;
        if matches!(v, Value::Iter(_)) || v.native::<super::generator::Generator>().is_some() {
            return Ok(v);
        }
        if let Value::Instance(_) = &v {
            if let Iter::Object(o) = it.iter(&v)? {
                return Ok(o);
            }
        }
        let i = it.iter(&v)?;
        Ok(Value::Iter(Rc::new(RefCell::new(i))))
    };
    "next", "next(iterator, default)", "The iterator's next item; default (or StopIteration) when it is exhausted." => |it, a| {
        let v = a.req(0, "iterator")?;
        let default = a.get(1, "default");
        if let Some(g) = v.native::<super::generator::Generator>() {
            return match g.resume(it, super::generator::Resume::Send(Value::None))? {
                super::generator::Step::Yielded(x) => Ok(x),
                super::generator::Step::Returned(r) => match default {
                    Some(d) => Ok(d),
                    None => Err(super::generator::stop(it, r)),
                },
            };
        }
        match it.next_of(&v)? {
            Some(x) => Ok(x),
            None => default.ok_or_else(|| err("StopIteration", "")),
        }
    };
    "list", "list(iterable=())", "A new list of the iterable's items." => |it, a| {
        match a.get(0, "iterable") {
            Some(v) => Ok(Value::list(it.collect(&v)?)),
            None => Ok(Value::list(vec![])),
        }
    };
    "tuple", "tuple(iterable=())", "A tuple of the iterable's items." => |it, a| {
        match a.get(0, "iterable") {
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
            Some(v) => Ok(Value::tuple(it.collect(&v)?)),
            None => Ok(Value::tuple(vec![])),
        }
    };
    "dict", "dict(mapping_or_pairs=(), **kwargs)", "A new dictionary." => |it, a| {
        let mut d = Dict::new();
        if let Some(src) = a.get(0, "__mapping") {
            let src = super::subclass::payload(&src).unwrap_or(src);
            match &src {
                Value::Dict(m) => d = m.borrow().clone(),
                _ => {
                    for pair in it.collect(&src)? {
                        let kv = it.collect(&pair)?;
                        if kv.len() != 2 {
                            return Err(value_err(format!("dictionary update sequence element has length {}; 2 is required", kv.len())));
                        }
                        d.insert(it.key(kv[0].clone())?, kv[1].clone());
                    }
                }
            }
        }
        for (k, v) in std::mem::take(&mut a.kw) {
            d.insert(Key(Value::Str(k)), v);
        }
        Ok(Value::dict(d))
    };
    "set", "set(iterable=())", "A new set of the iterable's distinct items." => |it, a| {
        let mut d = Dict::new();
        if let Some(v) = a.get(0, "iterable") {
            for x in it.collect(&v)? {
                d.insert(it.key(x)?, Value::None);
            }
        }
        Ok(Value::Set(Rc::new(RefCell::new(d))))
    };
    "int", "int(x=0, base=10)", "An integer from a number (truncating) or a string." => |it, a| {
        let v = a.get(0, "x").unwrap_or(Value::Int(0));
        let v = v.number().unwrap_or(v);
        // An object's `__int__` (or `__index__`): an IntEnum member, a user number type.
        let v = match (&v, v.special("__int__").or_else(|| v.special("__index__"))) {
            (Value::Instance(_), Some(f)) => it.call(&f, vec![v.clone()], vec![])?,
            _ => v,
        };
        let base = a.get(1, "base").map(|b| to_int(&b, "base")).transpose()?;
        Ok(Value::Int(match &v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Float(f) => {
                if f.is_nan() {
                    return Err(value_err("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(err("OverflowError", "cannot convert float infinity to integer"));
                }
                if f.abs() >= 9.223_372_036_854_776e18 {
                    return Err(err("OverflowError", "int too large: nabla's int is 64-bit"));
                }
                f.trunc() as i64
            }
            Value::Str(s) => match int_from_str(s, base.unwrap_or(10)) {
                Some(i) => i,
                None => return Err(value_err(format!("invalid literal for int() with base {}: {}", base.unwrap_or(10), super::format::str_repr(s)))),
            },
            Value::Tensor(t) => {
                if t.numel() != 1 {
                    return Err(err("RuntimeError", "only one element tensors can be converted to Python scalars"));
                }
                t.item()?.to_i64()
            }
            other => return Err(type_err(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", other.type_name()))),
        }))
    };
    "float", "float(x=0.0)", "A floating-point number from a number or a string ('inf', 'nan' too)." => |it, a| {
        let v = a.get(0, "x").unwrap_or(Value::Float(0.0));
        let v = v.number().unwrap_or(v);
        let v = match (&v, v.special("__float__").or_else(|| v.special("__index__"))) {
            (Value::Instance(_), Some(f)) => it.call(&f, vec![v.clone()], vec![])?,
            _ => v,
        };
        Ok(Value::Float(match &v {
            Value::Str(s) => float_from_str(s).ok_or_else(|| value_err(format!("could not convert string to float: {}", super::format::str_repr(s))))?,
            Value::Tensor(t) if t.numel() != 1 => return Err(err("RuntimeError", "only one element tensors can be converted to Python scalars")),
            other => to_float(other, "float() argument").map_err(|_| type_err(format!("float() argument must be a string or a real number, not '{}'", other.type_name())))?,
        }))
    };
    "str", "str(object='')", "The object's informal text (what print shows)." => |it, a| {
        match a.get(0, "object") {
            Some(v) => Ok(Value::str(&it.str_of(&v)?)),
            None => Ok(Value::str("")),
        }
    };
    "repr", "repr(object)", "The object's text as code would write it." => |it, a| {
        let v = a.req(0, "object")?;
        Ok(Value::str(&it.repr(&v)?))
    };
    "bool", "bool(x=False)", "The truth value of x." => |it, a| {
        match a.get(0, "x") {
            Some(v) => Ok(Value::Bool(it.truthy(&v)?)),
            None => Ok(Value::Bool(false)),
        }
    };
    "abs", "abs(x)", "The absolute value." => |it, a| {
        let v = a.req(0, "x")?;
        Ok(match &v {
            Value::Int(i) => Value::Int(i.checked_abs().ok_or_else(|| err("OverflowError", "integer overflow in abs"))?),
            Value::Bool(b) => Value::Int(*b as i64),
            Value::Float(f) => Value::Float(f.abs()),
            Value::Tensor(t) => Value::Tensor(t.abs()?),
            _ => return it.call_method(&v, "__abs__", vec![], vec![]),
        })
    };
    "min", "min(iterable, *, key=None, default) or min(a, b, *args, key=None)", "The smallest item." => |it, a| min_max(it, a, std::cmp::Ordering::Less);
    "max", "max(iterable, *, key=None, default) or max(a, b, *args, key=None)", "The largest item." => |it, a| min_max(it, a, std::cmp::Ordering::Greater);
    "sum", "sum(iterable, start=0)", "The start value plus the sum of the items." => |it, a| {
        let v = a.req(0, "iterable")?;
        let mut acc = a.get(1, "start").unwrap_or(Value::Int(0));
        let items = it.collect(&v)?;
        for x in items {
            acc = it.binary(crate::syntax::ast::BinOp::Add, acc, x)?;
        }
        Ok(acc)
    };
    "any", "any(iterable)", "True if any item is true." => |it, a| {
        let v = a.req(0, "iterable")?;
        for x in it.collect(&v)? {
            if it.truthy(&x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    };
    "all", "all(iterable)", "True if every item is true." => |it, a| {
        let v = a.req(0, "iterable")?;
        for x in it.collect(&v)? {
            if !it.truthy(&x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    };
    "round", "round(number, ndigits=None)", "The number rounded (half to even) to ndigits decimals, or to an int." => |it, a| {
        let v = a.req(0, "number")?;
        let nd = a.opt(1, "ndigits").map(|n| to_int(&n, "ndigits")).transpose()?;
        match (&v, nd) {
            (Value::Int(i), None) => Ok(Value::Int(*i)),
            (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
            (Value::Int(i), Some(n)) => {
                if n >= 0 {
                    return Ok(Value::Int(*i));
                }
                let p = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
                let q = super::ops::int_floordiv(*i, p)?;
                let r = i - q * p;
                let q = if 2 * r > p || (2 * r == p && q % 2 != 0) { q + 1 } else { q };
                Ok(Value::Int(q * p))
            }
            (Value::Float(f), None) => {
                if !f.is_finite() {
                    return Err(if f.is_nan() { value_err("cannot convert float NaN to integer") } else { err("OverflowError", "cannot convert float infinity to integer") });
                }
                Ok(Value::Int(f.round_ties_even() as i64))
            }
            (Value::Float(f), Some(n)) => Ok(Value::Float(super::format::round_float(*f, n))),
            (Value::Tensor(t), _) => Ok(Value::Tensor(match nd {
                Some(n) => t.round_decimals(n)?,
                None => t.round()?,
            })),
            _ => it.call_method(&v, "__round__", vec![], vec![]),
        }
    };
    "sorted", "sorted(iterable, *, key=None, reverse=False)", "A new sorted list (stable)." => |it, a| {
        let v = a.req(0, "iterable")?;
        let key = a.kw("key").filter(|k| !matches!(k, Value::None));
        let reverse = match a.kw("reverse") { Some(r) => it.truthy(&r)?, None => false };
        let mut items = it.collect(&v)?;
        sort_values(it, &mut items, key, reverse)?;
        Ok(Value::list(items))
    };
    "isinstance", "isinstance(obj, class_or_tuple)", "True if obj is an instance of the class (or of one in the tuple)." => |it, a| {
        let v = a.req(0, "obj")?;
        let c = a.req(1, "class_or_tuple")?;
        Ok(Value::Bool(it.isinstance(&v, &c)?))
    };
    "type", "type(obj)", "The object's class." => |it, a| {
        let v = a.req(0, "obj")?;
        Ok(it.type_of(&v))
    };
    "hasattr", "hasattr(obj, name)", "True if the object has the attribute." => |it, a| {
        let v = a.req(0, "obj")?;
        let n = to_str(&a.req(1, "name")?, "attribute name")?;
        Ok(Value::Bool(it.getattr(&v, &n).is_ok()))
    };
    "getattr", "getattr(obj, name, default)", "The object's attribute, or default when it has none." => |it, a| {
        let v = a.req(0, "obj")?;
        let n = to_str(&a.req(1, "name")?, "attribute name")?;
        let default = a.get(2, "default");
        match it.getattr(&v, &n) {
            Ok(x) => Ok(x),
            Err(e) => default.ok_or(e),
        }
    };
    "globals", "globals()", "The running module's global names and values, as a dict (a copy: assigning into it does not make a global)." => |it, _| {
        let m = it.module.clone();
        let d: Dict = it
            .module_items(&m)
            .into_iter()
            .map(|(k, v)| (Key(Value::Str(k)), v))
            .collect();
        Ok(Value::dict(d))
    };
    "bytearray", "bytearray(source=b'', encoding=None)", "Mutable bytes: as bytes(), with append, extend and item assignment." => |it, a| super::bytes::construct_bytearray(it, a);
    "bytes", "bytes(source=b'', encoding=None)", "Immutable bytes: from a str and an encoding, an iterable of ints (0-255), a count of zero bytes, or bytes." => |it, a| super::bytes::construct(it, a);
    "delattr", "delattr(obj, name)", "Removes the object's attribute." => |it, a| {
        let o = a.req(0, "obj")?;
        let name = to_str(&a.req(1, "name")?, "attribute name")?;
        it.delattr(&o, &name)?;
        Ok(Value::None)
    };
    "slice", "slice(start, stop=None, step=None)", "A slice object: slice(stop) or slice(start, stop[, step])." => |_, a| {
        let x = a.req(0, "start")?;
        Ok(match a.get(1, "stop") {
            None => Value::Slice(Rc::new([Value::None, x, Value::None])),
            Some(stop) => Value::Slice(Rc::new([x, stop, a.get(2, "step").unwrap_or(Value::None)])),
        })
    };
    "setattr", "setattr(obj, name, value)", "Sets the object's attribute." => |it, a| {
        let v = a.req(0, "obj")?;
        let n = to_str(&a.req(1, "name")?, "attribute name")?;
        let x = a.req(2, "value")?;
        it.setattr(&v, &n, x)?;
        Ok(Value::None)
    };
    "issubclass", "issubclass(cls, class_or_tuple)", "True if cls derives from the class (or one in the tuple)." => |it, a| {
        let c = a.req(0, "cls")?;
        let k = a.req(1, "class_or_tuple")?;
        Ok(Value::Bool(it.issubclass(&c, &k)?))
    };
    "callable", "callable(obj)", "True if the object can be called." => |_, a| {
        let v = a.req(0, "obj")?;
        Ok(Value::Bool(match &v {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            Value::Instance(i) => i.class.lookup("__call__").is_some(),
            Value::Native(n) => n.method("__call__").is_some(),
            _ => false,
        }))
    };
    "divmod", "divmod(a, b)", "The pair (a // b, a % b)." => |it, a| {
        let x = a.req(0, "a")?;
        let y = a.req(1, "b")?;
        let q = it.binary(crate::syntax::ast::BinOp::FloorDiv, x.clone(), y.clone())?;
        let r = it.binary(crate::syntax::ast::BinOp::Mod, x, y)?;
        Ok(Value::tuple(vec![q, r]))
    };
    "pow", "pow(base, exp, mod=None)", "base ** exp, or (base ** exp) % mod computed exactly." => |it, a| {
        let b = a.req(0, "base")?;
        let e = a.req(1, "exp")?;
        match a.opt(2, "mod") {
            None => it.binary(crate::syntax::ast::BinOp::Pow, b, e),
            Some(m) => {
                let (b, e, m) = (to_int(&b, "base")?, to_int(&e, "exp")?, to_int(&m, "mod")?);
                if m == 0 {
                    return Err(value_err("pow() 3rd argument cannot be 0"));
                }
                if e < 0 {
                    return Err(value_err("pow() with a negative exponent and a modulus is not supported in nabla"));
                }
                let (mut r, mut base, mut e) = (1i128, (b as i128).rem_euclid(m as i128), e);
                while e > 0 {
                    if e & 1 == 1 {
                        r = r * base % m as i128;
                    }
                    base = base * base % m as i128;
                    e >>= 1;
                }
                Ok(Value::Int(super::ops::int_mod(r as i64, m)?))
            }
        }
    };
    "chr", "chr(i)", "The character with Unicode code point i." => |_, a| {
        let i = to_int(&a.req(0, "i")?, "chr() argument")?;
        let c = u32::try_from(i).ok().and_then(char::from_u32).ok_or_else(|| value_err("chr() arg not in range(0x110000)"))?;
        Ok(Value::str(c.encode_utf8(&mut [0; 4])))
    };
    "ord", "ord(c)", "The Unicode code point of a one-character string." => |_, a| {
        let s = to_str(&a.req(0, "c")?, "ord() argument")?;
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(type_err(format!("ord() expected a character, but string of length {} found", s.chars().count()))),
        }
    };
    "hex", "hex(x)", "The integer in hexadecimal, prefixed 0x." => |_, a| {
        let i = to_int(&a.req(0, "x")?, "hex() argument")?;
        Ok(Value::str(&if i < 0 { format!("-0x{:x}", i.unsigned_abs()) } else { format!("0x{i:x}") }))
    };
    "bin", "bin(x)", "The integer in binary, prefixed 0b." => |_, a| {
        let i = to_int(&a.req(0, "x")?, "bin() argument")?;
        Ok(Value::str(&if i < 0 { format!("-0b{:b}", i.unsigned_abs()) } else { format!("0b{i:b}") }))
    };
    "oct", "oct(x)", "The integer in octal, prefixed 0o." => |_, a| {
        let i = to_int(&a.req(0, "x")?, "oct() argument")?;
        Ok(Value::str(&if i < 0 { format!("-0o{:o}", i.unsigned_abs()) } else { format!("0o{i:o}") }))
    };
    "format", "format(value, format_spec='')", "The value formatted by the format mini-language." => |it, a| {
        let v = a.req(0, "value")?;
        let spec = a.get(1, "format_spec").map(|s| to_str(&s, "format_spec")).transpose()?;
        Ok(Value::str(&it.format_value(&v, spec.as_deref().unwrap_or(""))?))
    };
    "id", "id(obj)", "A number unique to the object while it lives." => |_, a| {
        let v = a.req(0, "obj")?;
        Ok(Value::Int(v.identity() as i64))
    };
    "hash", "hash(obj)", "The object's hash." => |it, a| {
        use std::hash::{Hash, Hasher};
        let v = a.req(0, "obj")?;
        if let Some(f @ Value::Func(_)) = v.special("__hash__") {
            let r = it.call(&f, vec![v.clone()], vec![])?;
            return match r {
                Value::Int(_) => Ok(r),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                _ => Err(type_err("__hash__ method should return an integer")),
            };
        }
        // Python's hash of an int is the int (below 2**61 - 1).
        if let Value::Int(i) = v {
            let m = (1u64 << 61) - 1;
            let a = (i.unsigned_abs() % m) as i64;
            let h = if i < 0 { -a } else { a };
            return Ok(Value::Int(if h == -1 { -2 } else { h }));
        }
        if let Value::Bool(b) = v {
            return Ok(Value::Int(b as i64));
        }
        let k = it.key(v)?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        k.hash(&mut h);
        Ok(Value::Int((h.finish() >> 2) as i64))
    };
    "input", "input(prompt='')", "A line read from standard input, without its newline." => |it, a| {
        let prompt = match a.get(0, "prompt") {
            Some(p) => it.str_of(&p)?,
            None => String::new(),
        };
        match it.sink.read_line(&prompt) {
            Some(line) => Ok(Value::str(line.trim_end_matches(['\n', '\r']))),
            None => Err(err("EOFError", "EOF when reading a line")),
        }
    };
    "help", "help(obj)", "Shows the signature and documentation of a function, method or module." => |it, a| {
        let v = a.req(0, "obj")?;
        let text = it.help_text(&v);
        it.sink.stdout(&text);
        it.sink.stdout("\n");
        Ok(Value::None)
    };
    "staticmethod", "staticmethod(function)", "Marks a method that takes neither the instance nor the class." => |_, a| {
        Ok(Value::StaticMethod(Rc::new(a.req(0, "function")?)))
    };
    "classmethod", "classmethod(function)", "Marks a method that takes the class as its first argument." => |_, a| {
        Ok(Value::ClassMethod(Rc::new(a.req(0, "function")?)))
    };
    "property", "property(fget=None, fset=None)", "An attribute computed by a getter method (and set by a setter)." => |_, a| {
        let g = a.get(0, "fget").unwrap_or(Value::None);
        let s = a.get(1, "fset").unwrap_or(Value::None);
        Ok(Value::Property(Rc::new((g, RefCell::new(s)))))
    };
    "super", "super(type=None, object=None)", "The parent class's methods, bound to the current instance." => |it, a| {
        match (a.get(0, "type"), a.get(1, "object")) {
            (Some(Value::Class(c)), Some(obj)) => Ok(Value::Super(Rc::new((c, obj)))),
            (Some(_), _) => Err(type_err("super() argument 1 must be a type")),
            _ => it.current_super(),
        }
    };
    "vars", "vars(obj)", "The object's attributes as a dict." => |it, a| {
        let v = a.req(0, "obj")?;
        it.getattr(&v, "__dict__")
    };
    "dir", "dir(obj)", "The names of the object's attributes." => |it, a| {
        let v = a.req(0, "obj")?;
        let mut names = it.attribute_names(&v);
        names.sort();
        Ok(Value::list(names.into_iter().map(|n| Value::str(&n)).collect()))
    };
    "exit", "exit(code=0)", "Stops the program." => |_, a| {
        let code = a.get(0, "code").map(|c| to_int(&c, "code")).transpose()?.unwrap_or(0);
        Err(err("SystemExit", code.to_string()))
    };
    "quit", "quit(code=0)", "Stops the program." => |_, a| {
        let code = a.get(0, "code").map(|c| to_int(&c, "code")).transpose()?.unwrap_or(0);
        Err(err("SystemExit", code.to_string()))
    };
}

/// The method `name` in a binding's table of methods.
pub fn method_in(table: &'static [Builtin], name: &str) -> Option<&'static Builtin> {
    table.iter().find(|b| b.name == name)
}

fn index(table: &'static [Builtin]) -> HashMap<&'static str, &'static Builtin> {
    table.iter().map(|b| (b.name, b)).collect()
}

impl Interp {
    /// The built-in method `name` of a value of a built-in type (a tensor's come from the
    /// torch binding).
    /// A path argument: a str, or an `os.PathLike` (a `pathlib.Path`) through `__fspath__`.
    pub fn fspath(&mut self, v: &Value, what: &str) -> R<Rc<str>> {
        if let Value::Instance(_) = v {
            if let Some(f) = v.special("__fspath__") {
                let r = self.call(&f, vec![v.clone()], vec![])?;
                return to_str(&r, what);
            }
        }
        to_str(v, what)
    }

    pub fn method_of(&self, v: &Value, name: &str) -> Option<&'static Builtin> {
        match v {
            Value::Tensor(_) => (self.bindings.tensor_method)(name),
            _ => method_of(v, name),
        }
    }
}

/// The built-in method `name` of a value of a built-in type other than a tensor.
pub fn method_of(v: &Value, name: &str) -> Option<&'static Builtin> {
    static LIST: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    static DICT: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    static SET: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    static TUPLE: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    static STR: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    match v {
        Value::List(_) => LIST
            .get_or_init(|| index(super::containers::LIST_METHODS))
            .get(name)
            .copied(),
        Value::Dict(_) => DICT
            .get_or_init(|| index(super::containers::DICT_METHODS))
            .get(name)
            .copied(),
        Value::Set(_) => SET
            .get_or_init(|| index(super::containers::SET_METHODS))
            .get(name)
            .copied(),
        Value::Tuple(_) | Value::Size(_) => TUPLE
            .get_or_init(|| index(super::containers::TUPLE_METHODS))
            .get(name)
            .copied(),
        Value::Str(_) => STR
            .get_or_init(|| index(super::strings::STR_METHODS))
            .get(name)
            .copied(),
        Value::Native(n) => n.method(name),
        _ => None,
    }
}
