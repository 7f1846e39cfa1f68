//! Attributes and calls: the object protocol (items are in items.rs).

use super::builtins::{self, Args, Builtin};
use super::exc::{err, type_err, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::Ident;
use std::cell::RefCell;
use std::rc::Rc;

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
                && super::op_methods::op_method_of(obj, name).is_some()
                && self.method_of(obj, name).is_none() =>
            {
                let b =
                    super::op_methods::op_method_of(obj, name).unwrap_or(&builtins::OBJECT_INIT);
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
}
