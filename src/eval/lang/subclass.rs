//! Subclasses of the built-in container types: `class Config(dict)`, `class MyList(list)`,
//! `class Tags(set)`.
//!
//! The built-in type stands in the class chain as a class of its own (`dict`, marked with the
//! constructor it stands for), whose special methods work on the instance's *payload*: the
//! real dict, list or set each instance carries. An instance is an ordinary `Instance`, so
//! the subclass's own methods, attributes and overrides (`__missing__`, `__repr__`,
//! `__getattr__`) come first; the payload's methods (`keys`, `append` …) come after them, and
//! `isinstance(c, dict)`, `dict(c)`, `**c`, `len`, iteration and indexing see the payload.

use super::builtins::{table, Args, Builtin};
use super::exc::{type_err, R};
use super::interp::Interp;
use super::value::*;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// Where an instance keeps its payload.
pub const PAYLOAD: &str = "__payload__";
/// The class-namespace entry marking a built-in type's stand-in class: its constructor.
const TYPE: &str = "__builtin_type__";

/// The built-in types a class may derive from.
pub fn subclassable(b: &Builtin) -> bool {
    matches!(b.name, "dict" | "list" | "set" | "type")
}

/// The instance's payload (the dict of a dict subclass …), if it has one.
pub fn payload(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => i.attrs.borrow().get(PAYLOAD).cloned(),
        _ => None,
    }
}

/// The built-in type (its constructor) a class derives from, if any.
pub fn builtin_type_of(c: &Rc<Class>) -> Option<&'static Builtin> {
    let mut k = Some(c.clone());
    while let Some(x) = k {
        if x.builtin {
            if let Some(Value::Builtin(b)) = x.ns.borrow().get(TYPE) {
                return Some(b);
            }
        }
        k = x.base.clone();
    }
    None
}

impl Interp {
    /// The stand-in class for built-in type `b`, made once per session.
    pub fn builtin_base(&mut self, b: &'static Builtin) -> Rc<Class> {
        let key = format!("builtin base {}", b.name);
        if let Some(c) = self.type_classes.get(&key) {
            return c.clone();
        }
        let mut ns = IndexMap::new();
        let table = if b.name == "type" {
            TYPE_BASE
        } else {
            CONTAINER_BASE
        };
        for m in table {
            ns.insert(Rc::from(m.name), Value::Builtin(m));
        }
        ns.insert(Rc::from(TYPE), Value::Builtin(b));
        let c = Rc::new(Class {
            name: Rc::from(b.name),
            base: None,
            ns: RefCell::new(ns),
            builtin: true,
            meta: None,
        });
        self.type_classes.insert(key, c.clone());
        c
    }

    /// `collections.OrderedDict(d)`, what `state_dict()` returns as PyTorch's does (it is a
    /// dict subclass: everything that takes a dict takes it).
    pub fn ordered_dict(&mut self, d: Dict) -> R<Value> {
        let collections = self.import_module("collections")?;
        let Value::Class(c) = self.getattr(&collections, "OrderedDict")? else {
            return Ok(Value::dict(d));
        };
        let mut attrs = IndexMap::new();
        attrs.insert(Rc::from(PAYLOAD), Value::dict(d));
        Ok(Value::Instance(Rc::new(Instance {
            class: c,
            attrs: RefCell::new(attrs),
        })))
    }

    /// A new instance's empty payload, for a class deriving from a built-in type.
    pub fn new_payload(&mut self, c: &Rc<Class>) -> R<Option<Value>> {
        match builtin_type_of(c).filter(|b| b.name != "type") {
            Some(b) => Ok(Some(self.call_builtin(b, vec![], vec![])?)),
            None => Ok(None),
        }
    }
}

/// `self`'s payload: the instance's, or `self` itself when it is a plain dict/list/set (so
/// `dict.__setitem__(d, k, v)` works on both).
fn me(a: &mut Args) -> R<Value> {
    let v = a.req(0, "self")?;
    Ok(payload(&v).unwrap_or(v))
}

table! { CONTAINER_BASE:
    "__init__", "__init__(self, *args, **kwargs)", "Fills the built-in part from the arguments, as the built-in type's constructor does." => |it, a| {
        let me = a.req(0, "self")?;
        let args = a.rest(1);
        let kw = std::mem::take(&mut a.kw);
        let Value::Instance(i) = &me else { return Err(type_err("__init__ needs an instance")) };
        let Some(b) = builtin_type_of(&i.class) else { return Err(type_err("no built-in base")) };
        let v = it.call_builtin(b, args, kw)?;
        i.attrs.borrow_mut().insert(Rc::from(PAYLOAD), v);
        Ok(Value::None)
    };
    "__len__", "__len__(self)", "The number of items." => |it, a| {
        let p = me(a)?;
        Ok(Value::Int(it.len(&p)? as i64))
    };
    "__getitem__", "__getitem__(self, key)", "The item; a dict subclass's __missing__ answers for a missing key." => |it, a| {
        let this = a.req(0, "self")?;
        let p = payload(&this).unwrap_or(this.clone());
        let k = a.req(1, "key")?;
        if let Value::Dict(d) = &p {
            let key = it.key(k.clone())?;
            if let Some(v) = d.borrow().get(&key) {
                return Ok(v.clone());
            }
            if let Some(m) = this.special("__missing__") {
                return it.call(&m, vec![this.clone(), k], vec![]);
            }
            return Err(it.key_error(&k));
        }
        it.getitem(&p, &k)
    };
    "__setitem__", "__setitem__(self, key, value)", "Sets the item." => |it, a| {
        let p = me(a)?;
        let k = a.req(1, "key")?;
        let v = a.req(2, "value")?;
        it.setitem(&p, k, v)?;
        Ok(Value::None)
    };
    "__delitem__", "__delitem__(self, key)", "Removes the item." => |it, a| {
        let p = me(a)?;
        let k = a.req(1, "key")?;
        it.delitem(&p, &k)?;
        Ok(Value::None)
    };
    "__contains__", "__contains__(self, item)", "Whether the item (a dict's key) is there." => |it, a| {
        let p = me(a)?;
        let x = a.req(1, "item")?;
        Ok(Value::Bool(it.contains(&p, &x)?))
    };
    "__iter__", "__iter__(self)", "An iterator over the items (a dict's keys)." => |it, a| {
        let p = me(a)?;
        let i = it.iter(&p)?;
        Ok(Value::Iter(Rc::new(RefCell::new(i))))
    };
    "__repr__", "__repr__(self)", "The built-in type's repr of the contents." => |it, a| {
        let p = me(a)?;
        Ok(Value::str(&it.repr(&p)?))
    };
    "__eq__", "__eq__(self, other)", "Equal contents." => |it, a| {
        let p = me(a)?;
        let o = a.req(1, "other")?;
        let o = payload(&o).unwrap_or(o);
        let r = it.compare(crate::syntax::ast::CmpOp::Eq, &p, &o)?;
        Ok(Value::Bool(it.truthy(&r)?))
    };
    "__ne__", "__ne__(self, other)", "Different contents." => |it, a| {
        let p = me(a)?;
        let o = a.req(1, "other")?;
        let o = payload(&o).unwrap_or(o);
        let r = it.compare(crate::syntax::ast::CmpOp::Eq, &p, &o)?;
        Ok(Value::Bool(!it.truthy(&r)?))
    };
}

// `type`'s methods as a metaclass's base sees them: `super().__call__(*args)` makes the
// instance, `super().__setattr__` / `type.__setattr__(cls, k, v)` sets a class attribute.
table! { TYPE_BASE:
    "__call__", "type.__call__(cls, *args, **kwargs)", "Makes an instance of cls and initialises it." => |it, a| {
        let cls = a.req(0, "cls")?;
        let args = a.rest(1);
        let kw = std::mem::take(&mut a.kw);
        let Value::Class(c) = &cls else { return Err(type_err("type.__call__ needs a class")) };
        it.instantiate(c, args, kw)
    };
    "__setattr__", "type.__setattr__(cls, name, value)", "Sets a class attribute." => |_, a| {
        let cls = a.req(0, "cls")?;
        let name = super::builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        let v = a.req(2, "value")?;
        let Value::Class(c) = &cls else { return Err(type_err("type.__setattr__ needs a class")) };
        c.ns.borrow_mut().insert(name, v);
        Ok(Value::None)
    };
}
