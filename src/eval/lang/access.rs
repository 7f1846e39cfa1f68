//! Attributes, items, calls and iteration: the object protocol.

use super::builtins::{self, Args, Builtin};
use super::exc::{err, type_err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::Ident;
use std::cell::RefCell;
use std::rc::Rc;

/// Python's index normalisation: negative counts from the end; None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// The indices a slice selects from a sequence of `len`: (start, stop, step, count).
pub fn slice_indices(s: &[Value; 3], len: usize) -> R<(i64, i64, i64, usize)> {
    let get = |v: &Value| -> R<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Tensor(t) if t.numel() == 1 && !t.dtype().is_float() => {
                Ok(Some(t.item()?.to_i64()))
            }
            Value::Native(_) if matches!(v.number(), Some(Value::Int(_))) => {
                Ok(Some(super::builtins::to_int(v, "slice index")?))
            }
            _ => Err(type_err(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(err("ValueError", "slice step cannot be zero"));
    }
    let n = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (start, stop) = if step > 0 {
        let start = get(&s[0])?.map_or(0, |v| {
            if v < 0 {
                clamp(v + n, 0, n)
            } else {
                clamp(v, 0, n)
            }
        });
        let stop = get(&s[1])?.map_or(n, |v| {
            if v < 0 {
                clamp(v + n, 0, n)
            } else {
                clamp(v, 0, n)
            }
        });
        (start, stop)
    } else {
        let start = get(&s[0])?.map_or(n - 1, |v| {
            if v < 0 {
                clamp(v + n, -1, n - 1)
            } else {
                clamp(v, -1, n - 1)
            }
        });
        let stop = get(&s[1])?.map_or(-1, |v| {
            if v < 0 {
                clamp(v + n, -1, n - 1)
            } else {
                clamp(v, -1, n - 1)
            }
        });
        (start, stop)
    };
    let count = if step > 0 {
        if stop > start {
            ((stop - start + step - 1) / step) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - step - 1) / (-step)) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

pub(crate) fn pick<T: Clone>(items: &[T], s: &[Value; 3]) -> R<Vec<T>> {
    let (start, _, step, count) = slice_indices(s, items.len())?;
    Ok((0..count)
        .map(|k| items[(start + k as i64 * step) as usize].clone())
        .collect())
}

impl Interp {
    // ------------------------------------------------------------ attributes

    pub fn getattr(&mut self, obj: &Value, name: &str) -> R<Value> {
        match obj {
            Value::Instance(inst) => {
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = inst.class.lookup(name) {
                    return self.bind(v, obj, &inst.class);
                }
                // A built-in type's subclass: the payload's methods (`keys`, `append` …).
                if let Some(p) = super::subclass::payload(obj) {
                    if let Some(b) = self.method_of(&p, name) {
                        return Ok(Value::Method(Rc::new((p, Value::Builtin(b)))));
                    }
                }
                if let Some(f) = inst.class.lookup("__getattr__") {
                    return self.call(&f, vec![obj.clone(), Value::str(name)], vec![]);
                }
                if name == "__class__" {
                    return Ok(Value::Class(inst.class.clone()));
                }
                if name == "__dict__" {
                    let d: Dict = inst
                        .attrs
                        .borrow()
                        .iter()
                        .filter(|(k, _)| &***k != super::subclass::PAYLOAD)
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect();
                    return Ok(Value::dict(d));
                }
                Err(err(
                    "AttributeError",
                    format!("'{}' object has no attribute '{name}'", inst.class.name),
                ))
            }
            Value::Class(c) => {
                if let Some(v) = self.class_meta(c, name) {
                    return Ok(v);
                }
                match c.lookup(name) {
                    Some(Value::ClassMethod(f)) => {
                        Ok(Value::Method(Rc::new((obj.clone(), (*f).clone()))))
                    }
                    Some(Value::StaticMethod(f)) => Ok((*f).clone()),
                    // A descriptor read from the class: `__get__(None, cls)`.
                    Some(v @ Value::Instance(_)) if v.special("__get__").is_some() => {
                        let g = v.special("__get__").unwrap_or(Value::None);
                        self.call(&g, vec![v, Value::None, obj.clone()], vec![])
                    }
                    Some(v) => Ok(v),
                    // The metaclass's attributes: its properties and methods, bound to the class.
                    None if c.meta.as_ref().and_then(|m| m.lookup(name)).is_some() => {
                        let m = c
                            .meta
                            .clone()
                            .and_then(|m| m.lookup(name))
                            .unwrap_or(Value::None);
                        let meta = c.meta.clone().unwrap_or_else(|| c.clone());
                        self.bind(m, obj, &meta)
                    }
                    None if name == "__doc__" => Ok(Value::None),
                    None => Err(err(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{name}'", c.name),
                    )),
                }
            }
            Value::Module(m) => match self.module_attr(m, name) {
                Some(v) => Ok(v),
                None if m.name.starts_with("torch") && super::coming::coming(name).is_some() => {
                    Err(err(
                        "NotImplementedError",
                        format!(
                            "{}.{name} is not available in this build yet: {}",
                            m.name,
                            super::coming::coming(name).unwrap_or_default()
                        ),
                    ))
                }
                None => Err(err(
                    "AttributeError",
                    format!("module '{}' has no attribute '{name}'", m.name),
                )),
            },
            Value::Super(s) => {
                let (class, inst) = &**s;
                let found = class.base.as_ref().and_then(|b| b.lookup(name));
                let found = found.or_else(|| {
                    let object = self.type_classes.get("object")?;
                    object.ns.borrow().get(name).cloned()
                });
                match found {
                    Some(v) => self.bind(v, inst, class),
                    None if name == "__init__" => Ok(Value::Builtin(&builtins::OBJECT_INIT)),
                    None => Err(err(
                        "AttributeError",
                        format!("'super' object has no attribute '{name}'"),
                    )),
                }
            }
            Value::Func(f) if f.attrs.borrow().contains_key(name) => {
                Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
            }
            Value::Func(f) => match name {
                "__name__" => Ok(Value::Str(f.def.name.clone())),
                "__qualname__" => Ok(Value::str(&match f.attrs.borrow().get("__class__") {
                    Some(Value::Class(c)) => format!("{}.{}", c.name, f.def.name),
                    _ => f.def.name.to_string(),
                })),
                "__doc__" => Ok(match f.def.body.first().map(|s| &s.kind) {
                    Some(crate::syntax::ast::StmtKind::Expr(e)) if !f.def.is_lambda => {
                        match &e.kind {
                            crate::syntax::ast::ExprKind::Str(d) => Value::Str(d.clone()),
                            _ => Value::None,
                        }
                    }
                    _ => Value::None,
                }),
                "__module__" => Ok(Value::Str(f.module.name.clone())),
                "__defaults__" => {
                    let d: Vec<Value> = f
                        .def
                        .params
                        .iter()
                        .zip(&f.defaults)
                        .filter(|(p, _)| p.kind == crate::syntax::ast::ParamKind::Normal)
                        .filter_map(|(_, d)| d.clone())
                        .collect();
                    Ok(if d.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(d)
                    })
                }
                "__kwdefaults__" => {
                    let mut d = Dict::new();
                    for (p, v) in f.def.params.iter().zip(&f.defaults) {
                        if let (crate::syntax::ast::ParamKind::KwOnly, Some(v)) = (p.kind, v) {
                            d.insert(Key(Value::Str(p.name.clone())), v.clone());
                        }
                    }
                    Ok(if d.is_empty() {
                        Value::None
                    } else {
                        Value::dict(d)
                    })
                }
                "__annotations__" => Ok(Value::dict(Dict::new())),
                "__dict__" => Ok(Value::dict(
                    f.attrs
                        .borrow()
                        .iter()
                        .filter(|(k, _)| &***k != "__class__")
                        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                        .collect(),
                )),
                _ => f.attrs.borrow().get(name).cloned().ok_or_else(|| {
                    err(
                        "AttributeError",
                        format!("'function' object has no attribute '{name}'"),
                    )
                }),
            },
            Value::Builtin(b) if name == "__name__" => Ok(Value::str(b.name)),
            Value::Builtin(b) if b.name == "bytes" && name == "fromhex" => {
                Ok(Value::Builtin(&super::bytes::FROMHEX))
            }
            // `str.lower`, `dict.fromkeys`: a built-in type's methods, unbound.
            Value::Builtin(b)
                if super::subclass::subclassable(b)
                    && self.builtin_base(b).ns.borrow().contains_key(name) =>
            {
                Ok(self
                    .builtin_base(b)
                    .ns
                    .borrow()
                    .get(name)
                    .cloned()
                    .unwrap_or(Value::None))
            }
            Value::Builtin(b) if matches!(b.name, "str" | "list" | "dict" | "set" | "tuple") => {
                let sample = match b.name {
                    "str" => Value::str(""),
                    "list" => Value::list(vec![]),
                    "dict" => Value::dict(Dict::new()),
                    "set" => Value::Set(Rc::new(RefCell::new(Dict::new()))),
                    _ => Value::tuple(vec![]),
                };
                self.method_of(&sample, name)
                    .map(Value::Builtin)
                    .ok_or_else(|| {
                        err(
                            "AttributeError",
                            format!("type object '{}' has no attribute '{name}'", b.name),
                        )
                    })
            }
            Value::Property(_) if name == "setter" || name == "getter" => {
                let b = if name == "setter" {
                    &builtins::PROPERTY_SETTER
                } else {
                    &builtins::PROPERTY_GETTER
                };
                Ok(Value::Method(Rc::new((obj.clone(), Value::Builtin(b)))))
            }
            _ if name == "__class__" => Ok(self.type_of(obj)),
            Value::Property(p)
                if matches!(name, "fget" | "fset" | "__isabstractmethod__" | "__doc__") =>
            {
                let get = p.0.clone();
                match name {
                    "fget" => Ok(get),
                    "fset" => Ok(p.1.borrow().clone()),
                    "__doc__" => self.getattr(&get, "__doc__"),
                    _ => Ok(self.getattr(&get, name).unwrap_or(Value::Bool(false))),
                }
            }
            _ if name.starts_with("__")
                && super::ops::op_method_of(obj, name).is_some()
                && self.method_of(obj, name).is_none() =>
            {
                let b = super::ops::op_method_of(obj, name).unwrap_or(&builtins::OBJECT_INIT);
                Ok(Value::Method(Rc::new((obj.clone(), Value::Builtin(b)))))
            }
            _ => {
                if let Some(v) = self.native_attr(obj, name)? {
                    return Ok(v);
                }
                match self.method_of(obj, name) {
                    Some(b) => Ok(Value::Method(Rc::new((obj.clone(), Value::Builtin(b))))),
                    None if matches!(obj, Value::Tensor(_))
                        && super::coming::coming(name).is_some() =>
                    {
                        Err(err(
                            "NotImplementedError",
                            format!(
                                "Tensor.{name} is not available in this build yet: {}",
                                super::coming::coming(name).unwrap_or_default()
                            ),
                        ))
                    }
                    None => Err(err(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", obj.type_name()),
                    )),
                }
            }
        }
    }

    /// A class attribute seen through an instance: functions become bound methods.
    fn bind(&mut self, v: Value, inst: &Value, class: &Rc<Class>) -> R<Value> {
        Ok(match v {
            Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new((inst.clone(), v))),
            Value::StaticMethod(f) => (*f).clone(),
            Value::ClassMethod(f) => {
                Value::Method(Rc::new((Value::Class(class.clone()), (*f).clone())))
            }
            Value::Property(p) => {
                let getter = p.0.clone();
                return self.call(&getter, vec![inst.clone()], vec![]);
            }
            // A descriptor (functools.cached_property …): `__get__(instance, owner)`.
            v @ Value::Instance(_) if v.special("__get__").is_some() => {
                let g = v.special("__get__").unwrap_or(Value::None);
                return self.call(
                    &g,
                    vec![v, inst.clone(), Value::Class(class.clone())],
                    vec![],
                );
            }
            v => v,
        })
    }

    /// `del obj.name`, `delattr(obj, name)`.
    pub fn delattr(&mut self, o: &Value, name: &str) -> R<()> {
        match o {
            Value::Instance(inst) => {
                if let Some(f) = inst.class.lookup("__delattr__") {
                    self.call(&f, vec![o.clone(), Value::str(name)], vec![])?;
                    return Ok(());
                }
                if inst.attrs.borrow_mut().shift_remove(name).is_none() {
                    return Err(err(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", o.type_name()),
                    ));
                }
                Ok(())
            }
            Value::Class(c) => {
                if c.ns.borrow_mut().shift_remove(name).is_none() {
                    return Err(err(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{name}'", c.name),
                    ));
                }
                Ok(())
            }
            Value::Func(f) => {
                f.attrs.borrow_mut().shift_remove(name);
                Ok(())
            }
            _ => Err(err(
                "AttributeError",
                format!(
                    "'{}' object attribute '{name}' cannot be deleted",
                    o.type_name()
                ),
            )),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> R<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Property(p)) = inst.class.lookup(name) {
                    let setter = p.1.borrow().clone();
                    if matches!(setter, Value::None) {
                        return Err(err(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no setter",
                                inst.class.name
                            ),
                        ));
                    }
                    self.call(&setter, vec![obj.clone(), v], vec![])?;
                    return Ok(());
                }
                if let Some(f) = inst.class.lookup("__setattr__") {
                    self.call(&f, vec![obj.clone(), Value::str(name), v], vec![])?;
                    return Ok(());
                }
                inst.attrs.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Class(c) => {
                // A metaclass's own __setattr__ (not type's) sees the assignment first.
                if let Some(f) = obj.special("__setattr__") {
                    if !matches!(f, Value::Builtin(_)) {
                        self.call(&f, vec![obj.clone(), Value::str(name), v], vec![])?;
                        return Ok(());
                    }
                }
                c.ns.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Func(f) => {
                f.attrs.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Module(m) => {
                self.set_module_attr(m, name, v);
                Ok(())
            }
            Value::Tensor(_) => self.tensor_setattr(obj, name, v),
            _ => Err(err(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{name}' (and it cannot be set)",
                    obj.type_name()
                ),
            )),
        }
    }

    // ------------------------------------------------------------ calls

    pub fn call(&mut self, f: &Value, args: Vec<Value>, kwargs: Vec<(Ident, Value)>) -> R<Value> {
        self.check_interrupt()?;
        match f {
            Value::Func(func) => self.call_function(func, args, kwargs),
            Value::Builtin(b) => self.call_builtin(b, args, kwargs),
            Value::Method(m) => {
                let (recv, func) = &**m;
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(recv.clone());
                all.extend(args);
                self.call(func, all, kwargs)
            }
            Value::Class(c) => match f.special("__call__") {
                // A metaclass's __call__ (`Color(1)`); type's own makes an instance.
                Some(m) if !matches!(m, Value::Builtin(_)) => {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(f.clone());
                    all.extend(args);
                    self.call(&m, all, kwargs)
                }
                _ => self.instantiate(c, args, kwargs),
            },
            Value::Instance(inst) => match inst.class.lookup("__call__") {
                Some(call) => {
                    let mut all = vec![f.clone()];
                    all.extend(args);
                    self.call(&call, all, kwargs)
                }
                None => Err(type_err(format!(
                    "'{}' object is not callable",
                    inst.class.name
                ))),
            },
            Value::Native(n) => match n.method("__call__") {
                Some(call) => {
                    let mut all = vec![f.clone()];
                    all.extend(args);
                    self.call_builtin(call, all, kwargs)
                }
                None => Err(type_err(format!(
                    "'{}' object is not callable",
                    n.type_name()
                ))),
            },
            Value::DType(d) => {
                // `torch.float32(3)` is not PyTorch; be clear.
                Err(type_err(format!(
                    "'torch.dtype' object is not callable (to convert, use x.to({d}))"
                )))
            }
            _ => Err(type_err(format!(
                "'{}' object is not callable",
                f.type_name()
            ))),
        }
    }

    pub fn call_builtin(
        &mut self,
        b: &'static Builtin,
        args: Vec<Value>,
        kwargs: Vec<(Ident, Value)>,
    ) -> R<Value> {
        // `out=`: torch functions write their result into a given tensor and return it.
        let (kwargs, out) = match kwargs.iter().position(|(k, _)| &**k == "out") {
            Some(i) if (self.bindings.takes_out)(b) => {
                let mut kwargs = kwargs;
                let (_, o) = kwargs.remove(i);
                (kwargs, Some(o).filter(|o| !matches!(o, Value::None)))
            }
            _ => (kwargs, None),
        };
        // `dict.update(self, …)` on a dict subclass's instance: the method works on its payload.
        let mut args = args;
        if let Some(first @ Value::Instance(_)) = args.first() {
            if let Some(p) = super::subclass::payload(first) {
                if self
                    .method_of(&p, b.name)
                    .is_some_and(|m| std::ptr::eq(m, b))
                {
                    args[0] = p;
                }
            }
        }
        let mut a = Args::new(b.name, args, kwargs);
        let r = (b.f)(self, &mut a)?;
        a.finish()?;
        match (out, &r) {
            (None, _) => Ok(r),
            (Some(Value::Tensor(o)), Value::Tensor(t)) => {
                if o.shape() != t.shape() {
                    return Err(err(
                        "RuntimeError",
                        format!(
                            "out= tensor has shape {:?} but the result has shape {:?}; nabla does not resize out= tensors",
                            o.shape(),
                            t.shape()
                        ),
                    ));
                }
                o.copy_(t)?;
                Ok(Value::Tensor(o.clone()))
            }
            (Some(o), _) => Err(type_err(format!(
                "{}(): argument 'out' must be Tensor, not {}",
                b.name,
                o.type_name()
            ))),
        }
    }

    /// `obj.name(args)` without making a bound method first.
    pub fn call_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(Ident, Value)>,
    ) -> R<Value> {
        match obj {
            Value::Instance(inst) if !inst.attrs.borrow().contains_key(name) => {
                if let Some(f @ (Value::Func(_) | Value::Builtin(_))) = inst.class.lookup(name) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(obj.clone());
                    all.extend(args);
                    return self.call(&f, all, kwargs);
                }
            }
            Value::Tensor(_)
            | Value::Str(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Tuple(_)
            | Value::Size(_) => {
                if let Some(b) = self.method_of(obj, name) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(obj.clone());
                    all.extend(args);
                    return self.call_builtin(b, all, kwargs);
                }
            }
            _ => {}
        }
        let f = self.getattr(obj, name)?;
        self.call(&f, args, kwargs)
    }

    pub(crate) fn instantiate(
        &mut self,
        c: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Ident, Value)>,
    ) -> R<Value> {
        let is_object = c.builtin && &*c.name == "object";
        if let (Some(Value::Builtin(ctor)), false) =
            (c.ns.borrow().get("__new__").cloned(), is_object)
        {
            return self.call_builtin(ctor, args, kwargs);
        }
        // A user `__new__` makes the object; `__init__` runs when it is an instance of `c`.
        if let Some(new @ (Value::Func(_) | Value::StaticMethod(_))) = c.lookup("__new__") {
            let new = match new {
                Value::StaticMethod(f) => (*f).clone(),
                f => f,
            };
            let mut all = vec![Value::Class(c.clone())];
            all.extend(args.iter().cloned());
            let obj = self.call(&new, all, kwargs.clone())?;
            if let Value::Instance(i) = &obj {
                if i.class.is_subclass_of(c) {
                    if let Some(init) = c.lookup("__init__") {
                        let mut all = vec![obj.clone()];
                        all.extend(args);
                        self.call(&init, all, kwargs)?;
                    }
                }
            }
            return Ok(obj);
        }
        let mut attrs = indexmap::IndexMap::new();
        if let Some(p) = self.new_payload(c)? {
            attrs.insert(Rc::from(super::subclass::PAYLOAD), p);
        }
        let inst = Value::Instance(Rc::new(Instance {
            class: c.clone(),
            attrs: RefCell::new(attrs),
        }));
        if super::exc::is_exception_class(c) {
            if let Value::Instance(i) = &inst {
                i.attrs
                    .borrow_mut()
                    .insert(Rc::from("args"), Value::tuple(args.clone()));
            }
        }
        if let Some(init) = c.lookup("__init__") {
            let mut all = vec![inst.clone()];
            all.extend(args);
            let r = self.call(&init, all, kwargs)?;
            if !matches!(r, Value::None) {
                return Err(type_err(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
        } else if !args.is_empty() && !super::exc::is_exception_class(c) {
            return Err(type_err(format!("{}() takes no arguments", c.name)));
        }
        Ok(inst)
    }

    // ------------------------------------------------------------ items

    pub fn getitem(&mut self, obj: &Value, index: &Value) -> R<Value> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                norm_index(*i, l.len())
                    .map(|j| l[j].clone())
                    .ok_or_else(|| err("IndexError", "list index out of range"))
            }
            (Value::Tuple(t), Value::Int(i)) => norm_index(*i, t.len())
                .map(|j| t[j].clone())
                .ok_or_else(|| err("IndexError", "tuple index out of range")),
            (Value::Size(t), Value::Int(i)) => norm_index(*i, t.len())
                .map(|j| Value::Int(t[j]))
                .ok_or_else(|| err("IndexError", "tuple index out of range")),
            (Value::Str(s), Value::Int(i)) => {
                let n = s.chars().count();
                norm_index(*i, n)
                    .and_then(|j| s.chars().nth(j))
                    .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                    .ok_or_else(|| err("IndexError", "string index out of range"))
            }
            (Value::Range(r), Value::Int(i)) => {
                let n = builtins::range_len(r);
                norm_index(*i, n)
                    .map(|j| Value::Int(r[0] + j as i64 * r[2]))
                    .ok_or_else(|| err("IndexError", "range object index out of range"))
            }
            (Value::List(l), Value::Slice(s)) => Ok(Value::list(pick(&l.borrow(), s)?)),
            (Value::Tuple(t), Value::Slice(s)) => Ok(Value::tuple(pick(t, s)?)),
            (Value::Size(t), Value::Slice(s)) => Ok(Value::Size(Rc::from(pick(t, s)?))),
            (Value::Str(st), Value::Slice(s)) => {
                let chars: Vec<char> = st.chars().collect();
                Ok(Value::str(
                    &pick(&chars, s)?.into_iter().collect::<String>(),
                ))
            }
            (Value::Range(r), Value::Slice(s)) => {
                let n = builtins::range_len(r);
                let (start, _, step, count) = slice_indices(s, n)?;
                let first = r[0] + start * r[2];
                let st = step * r[2];
                Ok(Value::Range(Rc::new([
                    first,
                    first + count as i64 * st,
                    st,
                ])))
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Bool(b),
            ) => self.getitem(obj, &Value::Int(*b as i64)),
            // An object standing for an int (`IntEnum`): its `__index__`.
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Instance(_),
            ) if index.special("__index__").is_some() => {
                let f = index.special("__index__").unwrap_or(Value::None);
                let i = self.call(&f, vec![index.clone()], vec![])?;
                if !matches!(i, Value::Int(_)) {
                    return Err(type_err(format!(
                        "__index__ returned non-int (type {})",
                        i.type_name()
                    )));
                }
                self.getitem(obj, &i)
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_),
                Value::Tensor(t),
            ) if t.numel() == 1 && !t.dtype().is_float() => {
                let i = t.item()?.to_i64();
                self.getitem(obj, &Value::Int(i))
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Native(_),
            ) if matches!(index.number(), Some(Value::Int(_) | Value::Bool(_))) => {
                self.getitem(obj, &index.number().unwrap_or(Value::None))
            }
            (Value::Dict(d), _) => {
                let k = self.key(index.clone())?;
                match d.borrow().get(&k) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.key_error(index)),
                }
            }
            (Value::Tensor(t), _) => Ok(Value::Tensor(self.tensor_index(t, index)?)),
            (Value::Native(_), _) if obj.special("__getitem__").is_some() => {
                let f = obj.special("__getitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__getitem__") {
                Some(f) => self.call(&f, vec![obj.clone(), index.clone()], vec![]),
                None => Err(type_err(format!(
                    "'{}' object is not subscriptable",
                    inst.class.name
                ))),
            },
            (Value::Class(_), _) if obj.special("__getitem__").is_some() => {
                let f = obj.special("__getitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Class(c), _) if c.lookup("__class_getitem__").is_some() => {
                let f = match c.lookup("__class_getitem__") {
                    Some(Value::ClassMethod(f)) => (*f).clone(),
                    Some(f) => f,
                    None => Value::None,
                };
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Class(c), _) if c.builtin => Ok(obj.clone()),
            // `list[int]`, `dict[str, int]` in annotations: the type itself.
            (Value::Builtin(b), _) if super::introspect::builtin_type_name(b).is_some() => {
                Ok(obj.clone())
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                _,
            ) => Err(type_err(format!(
                "{} indices must be integers or slices, not {}",
                obj.type_name(),
                index.type_name()
            ))),
            _ => Err(type_err(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub fn key_error(&mut self, key: &Value) -> Ctrl {
        let class = self.exc_class("KeyError");
        self.raise_value(super::exc::instance(class, vec![key.clone()]))
    }

    pub fn setitem(&mut self, obj: &Value, index: Value, v: Value) -> R<()> {
        match (obj, &index) {
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(*i, n) {
                    Some(j) => {
                        l[j] = v;
                        Ok(())
                    }
                    None => Err(err("IndexError", "list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(s)) => {
                let items = self.collect(&v)?;
                let mut l = l.borrow_mut();
                let (start, stop, step, count) = slice_indices(s, l.len())?;
                if step == 1 {
                    let stop = stop.max(start);
                    l.splice(start as usize..stop as usize, items);
                } else {
                    if items.len() != count {
                        return Err(err(
                            "ValueError",
                            format!("attempt to assign sequence of size {} to extended slice of size {count}", items.len()),
                        ));
                    }
                    for (k, item) in items.into_iter().enumerate() {
                        l[(start + k as i64 * step) as usize] = item;
                    }
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key(index)?;
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            (Value::Tensor(t), _) => self.tensor_setitem(t, &index, &v),
            (Value::Native(_), _) if obj.special("__setitem__").is_some() => {
                let f = obj.special("__setitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index, v], vec![])
                    .map(|_| ())
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__setitem__") {
                Some(f) => self
                    .call(&f, vec![obj.clone(), index, v], vec![])
                    .map(|_| ()),
                None => Err(type_err(format!(
                    "'{}' object does not support item assignment",
                    inst.class.name
                ))),
            },
            _ => Err(type_err(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, index: &Value) -> R<()> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(*i, n) {
                    Some(j) => {
                        l.remove(j);
                        Ok(())
                    }
                    None => Err(err("IndexError", "list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(s)) => {
                let mut l = l.borrow_mut();
                let (start, _, step, count) = slice_indices(s, l.len())?;
                let mut idx: Vec<usize> = (0..count)
                    .map(|k| (start + k as i64 * step) as usize)
                    .collect();
                idx.sort_unstable();
                for j in idx.into_iter().rev() {
                    l.remove(j);
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key(index.clone())?;
                if d.borrow_mut().shift_remove(&k).is_none() {
                    return Err(self.key_error(index));
                }
                Ok(())
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__delitem__") {
                Some(f) => self
                    .call(&f, vec![obj.clone(), index.clone()], vec![])
                    .map(|_| ()),
                None => Err(type_err(format!(
                    "'{}' object does not support item deletion",
                    inst.class.name
                ))),
            },
            _ => Err(type_err(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        }
    }
}
