//! Expressions: evaluation of every expression node.

use super::exc::{err, type_err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::*;
use std::cell::RefCell;
use std::rc::Rc;

/// A call's evaluated positional and keyword arguments.
type CallArgs = (Vec<Value>, Vec<(Ident, Value)>);

impl Interp {
    pub fn eval(&mut self, e: &Expr) -> R<Value> {
        let r = self.grow(128 * 1024, |it| it.eval_inner(e));
        self.at(r, e.span)
    }

    fn eval_inner(&mut self, e: &Expr) -> R<Value> {
        Ok(match &e.kind {
            ExprKind::Name(n) => return self.load(n),
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::Bytes(b) => super::bytes::Bytes::value(b.to_vec()),
            ExprKind::None => Value::None,
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Ellipsis => Value::Ellipsis,
            ExprKind::Binary(op, a, b) => {
                let a = self.eval(a)?;
                let b = self.eval(b)?;
                return self.binary(*op, a, b);
            }
            ExprKind::Unary(op, a) => {
                let v = self.eval(a)?;
                return self.unary(*op, v);
            }
            ExprKind::And(a, b) => {
                let v = self.eval(a)?;
                if self.truthy(&v)? {
                    return self.eval(b);
                }
                v
            }
            ExprKind::Or(a, b) => {
                let v = self.eval(a)?;
                if self.truthy(&v)? {
                    return Ok(v);
                }
                return self.eval(b);
            }
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(first)?;
                let mut result = Value::Bool(true);
                for (op, e) in rest {
                    let right = self.eval(e)?;
                    result = self.compare(*op, &left, &right)?;
                    if rest.len() > 1 && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    left = right;
                }
                result
            }
            ExprKind::IfExp(c, a, b) => {
                let cond = self.eval(c)?;
                if self.truthy(&cond)? {
                    return self.eval(a);
                }
                return self.eval(b);
            }
            ExprKind::Call(f, args) => return self.eval_call(f, args),
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                return self.getattr(&o, name);
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                return self.getitem(&o, &i);
            }
            ExprKind::Slice(a, b, c) => {
                let mut part = |x: &Option<Box<Expr>>| -> R<Value> {
                    match x {
                        Some(e) => self.eval(e),
                        None => Ok(Value::None),
                    }
                };
                Value::Slice(Rc::new([part(a)?, part(b)?, part(c)?]))
            }
            ExprKind::List(items) => Value::list(self.eval_items(items)?),
            ExprKind::Tuple(items) => Value::tuple(self.eval_items(items)?),
            ExprKind::Set(items) => {
                let items = self.eval_items(items)?;
                let mut d = Dict::new();
                for v in items {
                    d.insert(self.key(v)?, Value::None);
                }
                Value::Set(Rc::new(RefCell::new(d)))
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::new();
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let k = self.eval(k)?;
                            let v = self.eval(v)?;
                            d.insert(self.key(k)?, v);
                        }
                        None => {
                            let m = self.eval(v)?;
                            let Value::Dict(m) = m else {
                                return Err(type_err(format!(
                                    "'{}' object is not a mapping",
                                    m.type_name()
                                )));
                            };
                            for (k, v) in m.borrow().iter() {
                                d.insert(k.clone(), v.clone());
                            }
                        }
                    }
                }
                Value::dict(d)
            }
            ExprKind::Starred(_) => {
                return Err(err("SyntaxError", "can't use starred expression here"))
            }
            ExprKind::Lambda(f) => {
                let mut defaults = Vec::new();
                for p in &f.params {
                    defaults.push(match &p.default {
                        Some(d) => Some(self.eval(d)?),
                        None => None,
                    });
                }
                Value::Func(Rc::new(Function {
                    def: f.clone(),
                    defaults,
                    env: self.env.clone(),
                    src: self.src.clone(),
                    attrs: RefCell::new(indexmap::IndexMap::new()),
                    module: self.module.clone(),
                }))
            }
            ExprKind::Comp(c) => return self.comprehension(c),
            ExprKind::Walrus(n, v) => {
                let v = self.eval(v)?;
                self.store_name(n, v.clone(), e.span)?;
                v
            }
            ExprKind::Yield(v) => {
                let v = match v {
                    Some(v) => self.eval(v)?,
                    None => Value::None,
                };
                let r = self.yield_value(v);
                return self.at(r, e.span);
            }
            ExprKind::YieldFrom(v) => {
                let v = self.eval(v)?;
                let r = self.yield_from(v);
                return self.at(r, e.span);
            }
            ExprKind::FStr(parts) => Value::Str(Rc::from(self.fstring(parts)?.as_str())),
            ExprKind::Error => return Err(err("SyntaxError", "this expression did not parse")),
        })
    }

    /// Evaluates list/tuple/set items, spreading `*x`.
    pub fn eval_items(&mut self, items: &[Expr]) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for e in items {
            if let ExprKind::Starred(inner) = &e.kind {
                let v = self.eval(inner)?;
                let r = self.collect(&v);
                out.extend(self.at(r, inner.span)?);
            } else {
                out.push(self.eval(e)?);
            }
        }
        Ok(out)
    }

    pub fn fstring(&mut self, parts: &[FStrPart]) -> R<String> {
        let mut s = String::new();
        for p in parts {
            match p {
                FStrPart::Lit(l) => s.push_str(l),
                FStrPart::Field {
                    expr,
                    debug,
                    conv,
                    spec,
                } => {
                    let v = self.eval(expr)?;
                    if let Some(d) = debug {
                        s.push_str(d);
                    }
                    let spec = self.fstring(spec)?;
                    let v = match conv {
                        Some('r') | Some('a') => Value::str(&self.repr(&v)?),
                        Some('s') => Value::str(&self.str_of(&v)?),
                        _ if debug.is_some() && spec.is_empty() => Value::str(&self.repr(&v)?),
                        _ => v,
                    };
                    let r = self.format_value(&v, &spec);
                    s.push_str(&self.at(r, expr.span)?);
                }
            }
        }
        Ok(s)
    }

    fn comprehension(&mut self, c: &Comprehension) -> R<Value> {
        // The first iterable is evaluated outside the comprehension's scope.
        let first = match c.gens.first() {
            Some(g) => self.eval(&g.iter)?,
            None => Value::None,
        };
        let env = Rc::new(Env {
            slots: RefCell::new(vec![None; c.scope.slots.len()]),
            parent: self.env.clone(),
        });
        let saved = self.env.replace(env);
        let saved_ns = self.class_ns.take();
        let mut out = Vec::new();
        let mut dict = Dict::new();
        let r = self.comp_level(c, 0, first, &mut out, &mut dict);
        self.class_ns = saved_ns;
        self.env = saved;
        r?;
        Ok(match c.kind {
            CompKind::List => Value::list(out),
            CompKind::Gen => Value::Iter(Rc::new(RefCell::new(Iter::Seq {
                items: Rc::from(out),
                pos: 0,
            }))),
            CompKind::Set => {
                let mut d = Dict::new();
                for v in out {
                    d.insert(self.key(v)?, Value::None);
                }
                Value::Set(Rc::new(RefCell::new(d)))
            }
            CompKind::Dict => Value::dict(dict),
        })
    }

    fn comp_level(
        &mut self,
        c: &Comprehension,
        level: usize,
        seq: Value,
        out: &mut Vec<Value>,
        dict: &mut Dict,
    ) -> R<()> {
        let g = &c.gens[level];
        let it = self.iter(&seq);
        let mut it = self.at(it, g.iter.span)?;
        'items: while let Some(v) = self.next(&mut it)? {
            self.check_interrupt()?;
            self.assign(&g.target, v)?;
            for cond in &g.ifs {
                let t = self.eval(cond)?;
                if !self.truthy(&t)? {
                    continue 'items;
                }
            }
            if level + 1 < c.gens.len() {
                let next_seq = self.eval(&c.gens[level + 1].iter)?;
                self.comp_level(c, level + 1, next_seq, out, dict)?;
            } else if let Some(value) = &c.value {
                let k = self.eval(&c.elt)?;
                let v = self.eval(value)?;
                dict.insert(self.key(k)?, v);
            } else {
                out.push(self.eval(&c.elt)?);
            }
        }
        Ok(())
    }

    fn eval_call(&mut self, f: &Expr, args: &[Arg]) -> R<Value> {
        // Method calls skip making a bound-method object.
        if let ExprKind::Attr(obj, name) = &f.kind {
            let o = self.eval(obj)?;
            let (pos, kw) = self.eval_args(args)?;
            let r = self.call_method(&o, name, pos, kw);
            return self.trace(r, f.span, name);
        }
        let func = self.eval(f)?;
        let (pos, kw) = self.eval_args(args)?;
        let r = self.call(&func, pos, kw);
        let name = match &f.kind {
            ExprKind::Name(n) => n.id.clone(),
            _ => Rc::from("<call>"),
        };
        self.trace(r, f.span, &name)
    }

    fn eval_args(&mut self, args: &[Arg]) -> R<CallArgs> {
        let mut pos = Vec::with_capacity(args.len());
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval(e)?),
                Arg::Star(e) => {
                    let v = self.eval(e)?;
                    let r = self.collect(&v);
                    pos.extend(self.at(r, e.span)?);
                }
                Arg::Kw(k, e) => kw.push((k.clone(), self.eval(e)?)),
                Arg::StarStar(e) => match self
                    .eval(e)
                    .map(|v| super::subclass::payload(&v).unwrap_or(v))?
                {
                    Value::Dict(d) => {
                        for (k, v) in d.borrow().iter() {
                            match &k.0 {
                                Value::Str(s) => kw.push((s.clone(), v.clone())),
                                _ => return Err(type_err("keywords must be strings")),
                            }
                        }
                    }
                    other => {
                        return Err(type_err(format!(
                            "argument after ** must be a mapping, not {}",
                            other.type_name()
                        )))
                    }
                },
            }
        }
        Ok((pos, kw))
    }

    /// A dict key from a value, or TypeError for unhashable values.
    pub fn key(&self, v: Value) -> R<Key> {
        match &v {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                Err(type_err(format!("unhashable type: '{}'", v.type_name())))
            }
            // `__hash__ = None` (also what defining `__eq__` alone leaves): unhashable.
            Value::Instance(i) if matches!(i.class.lookup("__hash__"), Some(Value::None)) => {
                Err(type_err(format!("unhashable type: '{}'", i.class.name)))
            }
            _ => Ok(Key(v)),
        }
    }

    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::Size(s) => !s.is_empty(),
            Value::Range(r) => super::builtins::range_len(r) > 0,
            Value::Tensor(t) => {
                if t.numel() != 1 {
                    return Err(err(
                        "RuntimeError",
                        format!(
                            "Boolean value of Tensor with {} values is ambiguous",
                            if t.numel() == 0 {
                                "no".to_string()
                            } else {
                                "more than one".to_string()
                            }
                        ),
                    ));
                }
                t.item()?.is_nonzero()
            }
            Value::Instance(_) | Value::Native(_) => {
                if let Some(f) = v.special("__bool__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return self.truthy(&r);
                }
                if let Some(f) = v.special("__len__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return self.truthy(&r);
                }
                true
            }
            _ => true,
        })
    }

    /// Converts a break/continue that escaped to the top level into an error.
    pub fn top_level(r: R<()>) -> R<()> {
        match r {
            Err(Ctrl::Break) => Err(err("SyntaxError", "'break' outside loop")),
            Err(Ctrl::Continue) => Err(err("SyntaxError", "'continue' not properly in loop")),
            Err(Ctrl::Return(_)) => Err(err("SyntaxError", "'return' outside function")),
            r => r,
        }
    }
}
