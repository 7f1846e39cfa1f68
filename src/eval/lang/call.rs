//! Functions and classes: making them, calling them, binding arguments to parameters.

use super::exc::{err, type_err, Ctrl, TraceEntry, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::*;
use crate::syntax::token::Span;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// How deep Python-level calls may nest before RecursionError.
const MAX_DEPTH: usize = 900;

impl Interp {
    pub(crate) fn make_function(&mut self, f: &Rc<FuncDef>) -> R<Value> {
        let mut defaults = Vec::with_capacity(f.params.len());
        for p in &f.params {
            defaults.push(match &p.default {
                Some(d) => Some(self.eval(d)?),
                None => None,
            });
        }
        Ok(Value::Func(Rc::new(Function {
            def: f.clone(),
            defaults,
            env: self.env.clone(),
            src: self.src.clone(),
            attrs: RefCell::new(IndexMap::new()),
            module: self.module.clone(),
        })))
    }

    pub(crate) fn make_class(&mut self, c: &Rc<ClassDef>) -> R<Value> {
        let mut base = None;
        if let Some(b) = c.bases.first() {
            match self.eval(b)? {
                Value::Class(k) => base = Some(k),
                Value::Builtin(t) if super::subclass::subclassable(t) => {
                    base = Some(self.builtin_base(t))
                }
                other => {
                    let r: R<()> = Err(type_err(format!(
                        "a class can only inherit from a class, not from a {} value",
                        other.type_name()
                    )));
                    self.at(r, b.span)?;
                }
            }
        }
        if c.bases.len() > 1 {
            let r: R<()> = Err(type_err(
                "nabla classes have a single base class (multiple inheritance is not supported)",
            ));
            self.at(r, c.bases[1].span)?;
        }
        // The metaclass: `metaclass=M`, else the base's.
        let meta = match &c.metaclass {
            Some(m) => match self.eval(m)? {
                Value::Class(k) => Some(k),
                Value::Builtin(t) if t.name == "type" => None,
                other => {
                    let r: R<()> = Err(type_err(format!(
                        "metaclass must be a class derived from type, not a {} value",
                        other.type_name()
                    )));
                    self.at(r, m.span)?;
                    None
                }
            },
            None => base.as_ref().and_then(|b| b.meta.clone()),
        };
        let mut first = IndexMap::new();
        first.insert(Rc::from("__module__"), Value::Str(self.module.name.clone()));
        let ns = Rc::new(RefCell::new(first));
        let saved = self.class_ns.replace(ns.clone());
        let r = self.exec_block(&c.body);
        self.class_ns = saved;
        r?;
        let mut ns = std::mem::take(&mut *ns.borrow_mut());
        if !ns.contains_key("__doc__") {
            let doc = match c.body.first().map(|s| &s.kind) {
                Some(StmtKind::Expr(Expr {
                    kind: ExprKind::Str(d),
                    ..
                })) => Value::Str(d.clone()),
                _ => Value::None,
            };
            ns.insert(Rc::from("__doc__"), doc);
        }
        // Python: a class that defines __eq__ but not __hash__ is unhashable.
        if ns.contains_key("__eq__") && !ns.contains_key("__hash__") {
            ns.insert(Rc::from("__hash__"), Value::None);
        }
        let class = Rc::new(Class {
            name: c.name.clone(),
            base,
            ns: RefCell::new(ns),
            builtin: false,
            meta,
        });
        // Methods know their class, for `super()`.
        for v in class.ns.borrow().values() {
            let f = match v {
                Value::Func(f) => Some(f.clone()),
                Value::StaticMethod(x) | Value::ClassMethod(x) => match &**x {
                    Value::Func(f) => Some(f.clone()),
                    _ => None,
                },
                Value::Property(p) => match &p.0 {
                    Value::Func(f) => Some(f.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = f {
                f.attrs
                    .borrow_mut()
                    .insert(Rc::from("__class__"), Value::Class(class.clone()));
            }
            if let Value::Property(p) = v {
                if let Value::Func(f) = &*p.1.borrow() {
                    f.attrs
                        .borrow_mut()
                        .insert(Rc::from("__class__"), Value::Class(class.clone()));
                }
            }
        }
        // Descriptors learn their name (`__set_name__`); the base hears of its new subclass
        // (`__init_subclass__`).
        let entries: Vec<(Ident, Value)> = class
            .ns
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            if let (Value::Instance(_), Some(f)) = (&v, v.special("__set_name__")) {
                let r = self.call(
                    &f,
                    vec![v.clone(), Value::Class(class.clone()), Value::Str(k)],
                    vec![],
                );
                self.at(r, c.span)?;
            }
        }
        if let Some(hook) = class
            .base
            .as_ref()
            .and_then(|b| b.lookup("__init_subclass__"))
        {
            let hook = match hook {
                Value::ClassMethod(f) => (*f).clone(),
                f => f,
            };
            if !matches!(hook, Value::Builtin(_)) {
                let r = self.call(&hook, vec![Value::Class(class.clone())], vec![]);
                self.at(r, c.span)?;
            }
        }
        let mut v = Value::Class(class);
        for d in c.decorators.iter().rev() {
            let dec = self.eval(d)?;
            v = self.call(&dec, vec![v], vec![])?;
        }
        Ok(v)
    }

    /// Calls a user-defined function.
    pub fn call_function(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Ident, Value)>,
    ) -> R<Value> {
        let def = &f.def;
        let slots = self.bind_params(f, args, kwargs)?;
        if def.is_generator {
            return self.make_generator(f, slots);
        }
        if self.depth >= MAX_DEPTH {
            return Err(err("RecursionError", "maximum recursion depth exceeded"));
        }
        let env = Rc::new(Env {
            slots: RefCell::new(slots),
            parent: f.env.clone(),
        });
        let saved_env = self.env.replace(env);
        let saved_src = std::mem::replace(&mut self.src, f.src.clone());
        let saved_ns = self.class_ns.take();
        let saved_module =
            (!Rc::ptr_eq(&f.module, &self.module)).then(|| self.enter_module(&f.module));
        self.depth += 1;
        self.calls.push(f.clone());
        let cur = self.cur;
        self.call_sites.push((saved_src.clone(), cur));
        // Deep recursion grows the stack on the heap instead of overflowing it.
        let r = self.grow(256 * 1024, |it| it.exec_block(&def.body));
        self.call_sites.pop();
        self.cur = cur;
        self.calls.pop();
        if let Some(m) = saved_module {
            self.enter_module(&m);
        }
        self.depth -= 1;
        self.class_ns = saved_ns;
        self.src = saved_src;
        self.env = saved_env;
        match r {
            Ok(()) => Ok(Value::None),
            Err(Ctrl::Return(v)) => Ok(v),
            Err(Ctrl::Raise(mut e)) => {
                if e.span.is_none() {
                    e.span = Some((f.src.clone(), def.span));
                }
                Err(Ctrl::Raise(e))
            }
            Err(Ctrl::Break | Ctrl::Continue) => Ok(Value::None),
        }
    }

    fn bind_params(
        &mut self,
        f: &Function,
        args: Vec<Value>,
        kwargs: Vec<(Ident, Value)>,
    ) -> R<Vec<Option<Value>>> {
        let def = &f.def;
        let nslots = def.scope.slots.len().max(def.params.len());
        let mut slots: Vec<Option<Value>> = vec![None; nslots];
        let fname = &def.name;
        let mut args = args.into_iter();
        let mut extra_pos = Vec::new();
        let mut var_kw: Option<usize> = None;
        let mut var_args: Option<usize> = None;
        let npos = def
            .params
            .iter()
            .filter(|p| p.kind == ParamKind::Normal)
            .count();
        for (i, p) in def.params.iter().enumerate() {
            match p.kind {
                ParamKind::Normal => {
                    if let Some(a) = args.next() {
                        slots[i] = Some(a);
                    }
                }
                ParamKind::VarArgs => var_args = Some(i),
                ParamKind::VarKw => var_kw = Some(i),
                ParamKind::KwOnly => {}
            }
        }
        extra_pos.extend(args);
        match var_args {
            Some(i) => slots[i] = Some(Value::tuple(extra_pos)),
            None if !extra_pos.is_empty() => {
                let given = npos + extra_pos.len();
                return Err(type_err(format!(
                    "{fname}() takes {npos} positional argument{} but {given} {} given",
                    if npos == 1 { "" } else { "s" },
                    if given == 1 { "was" } else { "were" }
                )));
            }
            None => {}
        }
        let mut extra_kw = IndexMap::new();
        for (k, v) in kwargs {
            match def.params.iter().position(|p| {
                p.name == k && matches!(p.kind, ParamKind::Normal | ParamKind::KwOnly)
            }) {
                Some(i) => {
                    if slots[i].is_some() {
                        return Err(type_err(format!(
                            "{fname}() got multiple values for argument '{k}'"
                        )));
                    }
                    slots[i] = Some(v);
                }
                None if var_kw.is_some() => {
                    extra_kw.insert(Key(Value::Str(k)), v);
                }
                None => {
                    return Err(type_err(format!(
                        "{fname}() got an unexpected keyword argument '{k}'"
                    )));
                }
            }
        }
        if let Some(i) = var_kw {
            slots[i] = Some(Value::dict(extra_kw));
        }
        let mut missing = Vec::new();
        for (i, p) in def.params.iter().enumerate() {
            if slots[i].is_none() && matches!(p.kind, ParamKind::Normal | ParamKind::KwOnly) {
                match f.defaults.get(i).cloned().flatten() {
                    Some(d) => slots[i] = Some(d),
                    None => missing.push(p.name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                _ => format!(
                    "{}, and {}",
                    names[..names.len() - 1].join(", "),
                    names[names.len() - 1]
                ),
            };
            return Err(type_err(format!(
                "{fname}() missing {} required positional argument{}: {list}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" }
            )));
        }
        Ok(slots)
    }

    /// Adds a traceback line for a call that failed.
    pub fn trace(&self, r: R<Value>, span: Span, func: &str) -> R<Value> {
        match r {
            Err(Ctrl::Raise(mut e)) => {
                e.trace.push(TraceEntry {
                    src: self.src.clone(),
                    span,
                    func: Rc::from(func),
                });
                Err(Ctrl::Raise(e))
            }
            r => r,
        }
    }
}
