//! `tqdm(...)` (also `progress(...)` and `trange`): a progress bar over an iterable, with
//! tqdm's arguments and text. The sink draws it: in place on a terminal, as an updating
//! display in a notebook.

use crate::display::progress::{format_bar, format_num, format_postfix_float, Bar};
use crate::eval::lang::builtins::{table, Args};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::Ident;
use std::cell::RefCell;
use std::rc::Rc;

pub use crate::eval::lang::sink::ProgressEnd;

fn attr(inst: &Instance, k: &str) -> Value {
    inst.attrs.borrow().get(k).cloned().unwrap_or(Value::None)
}

fn set(inst: &Instance, k: &str, v: Value) {
    inst.attrs.borrow_mut().insert(Rc::from(k), v);
}

fn this(a: &mut Args) -> R<Rc<Instance>> {
    if a.pos.is_empty() {
        return Err(type_err(format!("{}() needs its tqdm object", a.fname)));
    }
    match a.pos.remove(0) {
        Value::Instance(i) => Ok(i),
        other => Err(type_err(format!(
            "expected a tqdm object, got {}",
            other.type_name()
        ))),
    }
}

fn int(v: &Value) -> Option<u64> {
    match v {
        Value::Int(i) if *i >= 0 => Some(*i as u64),
        Value::Float(f) if *f >= 0.0 => Some(*f as u64),
        _ => None,
    }
}

impl Interp {
    fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Draws the bar (rate-limited to tqdm's 0.1 s unless `force`).
    fn draw_bar(&mut self, bar: &Instance, end: ProgressEnd, force: bool) -> R<()> {
        if matches!(attr(bar, "disable"), Value::Bool(true)) {
            return Ok(());
        }
        let now = self.now();
        let last = match attr(bar, "_last") {
            Value::Float(f) => f,
            _ => f64::NEG_INFINITY,
        };
        if !force && end == ProgressEnd::Running && now - last < 0.1 {
            return Ok(());
        }
        set(bar, "_last", Value::Float(now));
        let start = match attr(bar, "_start") {
            Value::Float(f) => f,
            _ => now,
        };
        let postfix = match attr(bar, "_postfix") {
            Value::List(l) => l
                .borrow()
                .iter()
                .filter_map(|p| match p {
                    Value::Tuple(t) if t.len() == 2 => Some((
                        self.str_of(&t[0]).unwrap_or_default(),
                        self.str_of(&t[1]).unwrap_or_default(),
                    )),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let b = Bar {
            n: int(&attr(bar, "n")).unwrap_or(0),
            total: int(&attr(bar, "total")),
            elapsed: now - start,
            desc: match attr(bar, "desc") {
                Value::Str(s) if !s.is_empty() => Some(s.to_string()),
                _ => None,
            },
            unit: match attr(bar, "unit") {
                Value::Str(s) => s.to_string(),
                _ => "it".into(),
            },
            postfix,
        };
        let ncols = match attr(bar, "ncols") {
            Value::Int(n) if n > 0 => Some(n as usize),
            _ => self.sink.columns(),
        };
        let line = format_bar(&b, ncols);
        let id = match attr(bar, "_id") {
            Value::Int(i) => i as u64,
            _ => 0,
        };
        self.sink.progress(id, &line, end);
        Ok(())
    }

    fn close_bar(&mut self, bar: &Instance) -> R<()> {
        if matches!(attr(bar, "_closed"), Value::Bool(true)) {
            return Ok(());
        }
        set(bar, "_closed", Value::Bool(true));
        let leave = !matches!(attr(bar, "leave"), Value::Bool(false));
        let end = if leave {
            ProgressEnd::Leave
        } else {
            ProgressEnd::Clear
        };
        self.draw_bar(bar, end, true)
    }

    fn new_bar(&mut self, a: &mut Args, iterable: Option<Value>) -> R<Value> {
        let desc = a.opt(1, "desc");
        let mut total = a.opt(2, "total");
        let leave = a.opt(3, "leave");
        let ncols = a.opt(5, "ncols");
        let unit = a.kw("unit");
        let disable = a.kw("disable");
        let initial = a.kw("initial");
        let postfix = a.kw("postfix");
        // Display options of tqdm's that change nothing here.
        for k in [
            "file",
            "mininterval",
            "maxinterval",
            "miniters",
            "ascii",
            "dynamic_ncols",
            "smoothing",
            "position",
            "colour",
            "bar_format",
            "unit_scale",
            "unit_divisor",
        ] {
            if let Some(v) = a.kw(k) {
                if k == "bar_format" && !matches!(v, Value::None) {
                    return Err(err(
                        "NotImplementedError",
                        "tqdm(bar_format=...) is not supported; nabla draws tqdm's default bar",
                    ));
                }
            }
        }
        if let Some(v) = &desc {
            if !matches!(v, Value::Str(_)) {
                return Err(type_err("desc must be a string"));
            }
        }
        if total.is_none() {
            if let Some(it) = &iterable {
                total = self.len(it).ok().map(|n| Value::Int(n as i64));
            }
        }
        let inner = match &iterable {
            Some(v) => Some(Value::Iter(Rc::new(RefCell::new(self.iter(v)?)))),
            None => None,
        };
        let id = self.next_hook;
        self.next_hook += 1;
        let class = class_with("tqdm", TQDM_METHODS);
        let now = self.now();
        let n = match initial {
            Some(v) => Value::Int(int(&v).unwrap_or(0) as i64),
            None => Value::Int(0),
        };
        let mut attrs = indexmap::IndexMap::new();
        for (k, v) in [
            ("iterable", iterable.unwrap_or(Value::None)),
            ("_iter", inner.unwrap_or(Value::None)),
            ("n", n),
            ("total", total.unwrap_or(Value::None)),
            ("desc", desc.unwrap_or(Value::None)),
            (
                "leave",
                Value::Bool(match leave {
                    Some(v) => self.truthy(&v)?,
                    None => true,
                }),
            ),
            ("ncols", ncols.unwrap_or(Value::None)),
            ("unit", unit.unwrap_or_else(|| Value::str("it"))),
            (
                "disable",
                Value::Bool(match disable {
                    Some(v) => self.truthy(&v)?,
                    None => false,
                }),
            ),
            ("_id", Value::Int(id as i64)),
            ("_start", Value::Float(now)),
            ("_postfix", Value::list(Vec::new())),
            ("_closed", Value::Bool(false)),
        ] {
            attrs.insert(Rc::from(k), v);
        }
        let inst = Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        });
        if let Some(p) = postfix {
            self.set_postfix(&inst, Some(p), Vec::new())?;
        }
        self.draw_bar(&inst, ProgressEnd::Running, true)?;
        Ok(Value::Instance(inst))
    }

    fn set_postfix(
        &mut self,
        bar: &Instance,
        dict: Option<Value>,
        kw: Vec<(Ident, Value)>,
    ) -> R<()> {
        let mut pairs: Vec<(String, Value)> = Vec::new();
        if let Some(Value::Dict(d)) = dict {
            for (k, v) in d.borrow().iter() {
                pairs.push((self.str_of(&k.0)?, v.clone()));
            }
        }
        // tqdm adds keyword arguments in sorted order.
        let mut kw = kw;
        kw.sort_by(|x, y| x.0.cmp(&y.0));
        pairs.extend(kw.into_iter().map(|(k, v)| (k.to_string(), v)));
        let mut items = Vec::new();
        for (k, v) in pairs {
            // tqdm's format_num for numbers; str() for anything else (a tensor included).
            let text = match &v {
                Value::Float(f) => format_postfix_float(*f),
                Value::Int(i) => format_num(*i as f64, &i.to_string()),
                Value::Bool(b) => format_num(*b as i64 as f64, if *b { "True" } else { "False" }),
                Value::Str(s) => s.trim().to_string(),
                other => self.str_of(other)?.trim().to_string(),
            };
            items.push(Value::tuple(vec![Value::str(&k), Value::str(&text)]));
        }
        set(bar, "_postfix", Value::list(items));
        Ok(())
    }
}

table! { PROGRESS:
    "tqdm", "tqdm(iterable=None, desc=None, total=None, leave=True, *, unit='it', ncols=None, disable=False, initial=0, postfix=None)", "A progress bar over an iterable (tqdm's API): for x in tqdm(loader, desc='train'): ..." => |it, a| {
        let iterable = a.opt(0, "iterable");
        it.new_bar(a, iterable)
    };
    "trange", "trange(n, desc=None, *, leave=True, unit='it')", "tqdm(range(n))." => |it, a| {
        let n = match a.req(0, "n")? {
            Value::Int(n) => n,
            other => return Err(type_err(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
        };
        a.pos[0] = Value::Range(Rc::new([0, n, 1]));
        let iterable = a.opt(0, "iterable");
        it.new_bar(a, iterable)
    };
}

table! { TQDM_METHODS:
    "__iter__", "tqdm.__iter__()", "Iterates over the wrapped iterable, advancing the bar." => |_, a| {
        let b = this(a)?;
        Ok(Value::Instance(b))
    };
    "__next__", "tqdm.__next__()", "The next item; the bar advances." => |it, a| {
        let b = this(a)?;
        let inner = attr(&b, "_iter");
        if matches!(inner, Value::None) {
            return Err(type_err("'tqdm' object is not iterable: it was made without an iterable (use update())"));
        }
        // Count the item handed out before this one (tqdm counts on the next request).
        let started = matches!(attr(&b, "_started"), Value::Bool(true));
        if started {
            let n = int(&attr(&b, "n")).unwrap_or(0) + 1;
            set(&b, "n", Value::Int(n as i64));
            it.draw_bar(&b, ProgressEnd::Running, false)?;
        }
        set(&b, "_started", Value::Bool(true));
        match it.next_of(&inner)? {
            Some(v) => Ok(v),
            None => {
                it.close_bar(&b)?;
                Err(err("StopIteration", ""))
            }
        }
    };
    "__len__", "len(bar)", "The total." => |_, a| {
        let b = this(a)?;
        match attr(&b, "total") {
            Value::Int(n) => Ok(Value::Int(n)),
            _ => Err(type_err("object of type 'tqdm' has no len()")),
        }
    };
    "__enter__", "with tqdm(...) as bar:", "The bar itself." => |_, a| Ok(Value::Instance(this(a)?));
    "__exit__", "tqdm.__exit__(*exc)", "Closes the bar." => |it, a| {
        let b = this(a)?;
        a.rest(0);
        it.close_bar(&b)?;
        Ok(Value::Bool(false))
    };
    "update", "tqdm.update(n=1)", "Advances the bar by n." => |it, a| {
        let b = this(a)?;
        let by = match a.opt(0, "n") { Some(v) => int(&v).ok_or_else(|| type_err("update(n) takes a non-negative number"))?, None => 1 };
        let n = int(&attr(&b, "n")).unwrap_or(0) + by;
        set(&b, "n", Value::Int(n as i64));
        let done = int(&attr(&b, "total")) == Some(n);
        it.draw_bar(&b, ProgressEnd::Running, done)?;
        Ok(Value::Bool(true))
    };
    "set_postfix", "tqdm.set_postfix(ordered_dict=None, refresh=True, **kwargs)", "Shows values after the bar: bar.set_postfix(loss=0.25)." => |it, a| {
        let b = this(a)?;
        let d = a.opt(0, "ordered_dict");
        let refresh = match a.opt(1, "refresh") { Some(v) => it.truthy(&v)?, None => true };
        let kw = std::mem::take(&mut a.kw);
        it.set_postfix(&b, d, kw)?;
        if refresh { it.draw_bar(&b, ProgressEnd::Running, true)?; }
        Ok(Value::None)
    };
    "set_postfix_str", "tqdm.set_postfix_str(s='', refresh=True)", "Shows a string after the bar." => |it, a| {
        let b = this(a)?;
        let s = a.opt(0, "s").map(|v| it.str_of(&v)).transpose()?.unwrap_or_default();
        a.opt(1, "refresh");
        // tqdm shows a postfix string as ", s".
        set(&b, "_postfix", Value::list(vec![Value::tuple(vec![Value::str(""), Value::str(&s)])]));
        it.draw_bar(&b, ProgressEnd::Running, true)?;
        Ok(Value::None)
    };
    "set_description", "tqdm.set_description(desc=None, refresh=True)", "Changes the text before the bar." => |it, a| {
        let b = this(a)?;
        let d = a.opt(0, "desc").unwrap_or(Value::None);
        a.opt(1, "refresh");
        set(&b, "desc", d);
        it.draw_bar(&b, ProgressEnd::Running, true)?;
        Ok(Value::None)
    };
    "refresh", "tqdm.refresh()", "Redraws the bar now." => |it, a| {
        let b = this(a)?;
        it.draw_bar(&b, ProgressEnd::Running, true)?;
        Ok(Value::Bool(true))
    };
    "reset", "tqdm.reset(total=None)", "Starts the count again (optionally with a new total)." => |it, a| {
        let b = this(a)?;
        if let Some(t) = a.opt(0, "total") { set(&b, "total", t); }
        set(&b, "n", Value::Int(0));
        let now = it.now();
        set(&b, "_start", Value::Float(now));
        set(&b, "_closed", Value::Bool(false));
        it.draw_bar(&b, ProgressEnd::Running, true)?;
        Ok(Value::None)
    };
    "close", "tqdm.close()", "Finishes the bar (kept on screen when leave=True)." => |it, a| {
        let b = this(a)?;
        it.close_bar(&b)?;
        Ok(Value::None)
    };
}

impl Interp {
    /// Installs `tqdm`, `trange` and `progress` (builtins) and the `tqdm`, `tqdm.auto`,
    /// `tqdm.notebook` modules.
    pub(crate) fn install_progress(&mut self) {
        let entries = crate::eval::torch::table_entries(PROGRESS);
        for name in ["tqdm", "tqdm.auto", "tqdm.notebook", "tqdm.rich"] {
            let m = crate::eval::torch::module(name, &entries);
            self.modules.insert(name.into(), m);
        }
        for (name, v) in entries {
            self.set_builtin(name, v.clone());
            if name == "tqdm" {
                self.set_builtin("progress", v);
            }
        }
    }
}
