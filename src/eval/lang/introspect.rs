//! Introspection: isinstance, type, super, help, and attribute names for completion.

use super::builtins::{self, Builtin};
use super::exc::{err, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::{ExprKind, ParamKind, StmtKind};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// The built-in function that stands for a type (`int`, `str` …), by type name: it prints
/// as `<class 'int'>` and works with isinstance and issubclass.
pub fn builtin_type_name(b: &Builtin) -> Option<&'static str> {
    match b.name {
        "int" | "float" | "str" | "bool" | "list" | "tuple" | "dict" | "set" | "range" | "type"
        | "frozenset" | "slice" | "bytes" | "bytearray" | "complex"
            if builtins::BUILTINS
                .as_ptr_range()
                .contains(&(b as *const Builtin)) =>
        {
            Some(b.name)
        }
        _ => None,
    }
}

impl Interp {
    pub fn isinstance(&mut self, v: &Value, c: &Value) -> R<bool> {
        Ok(match c {
            Value::Tuple(items) => {
                for x in items.iter() {
                    if self.isinstance(v, x)? {
                        return Ok(true);
                    }
                }
                false
            }
            Value::Builtin(b) if matches!(v, Value::Instance(i) if super::subclass::builtin_type_of(&i.class).is_some_and(|t| t.name == b.name)) => {
                true
            }
            Value::Builtin(b) => match builtin_type_name(b) {
                Some("type") => match v {
                    Value::Class(_) => true,
                    Value::Builtin(t) => builtin_type_name(t).is_some(),
                    _ => false,
                },
                Some("int") => matches!(v, Value::Int(_) | Value::Bool(_)),
                Some("float") => matches!(v, Value::Float(_)),
                Some("str") => matches!(v, Value::Str(_)),
                Some("bool") => matches!(v, Value::Bool(_)),
                Some("list") => matches!(v, Value::List(_)),
                Some("tuple") => matches!(v, Value::Tuple(_) | Value::Size(_)),
                Some("dict") => matches!(v, Value::Dict(_)),
                Some("set") => matches!(v, Value::Set(_)),
                Some("range") => matches!(v, Value::Range(_)),
                Some("bytes") => v.native::<super::bytes::Bytes>().is_some(),
                Some("bytearray") => v.native::<super::bytes::ByteArray>().is_some(),
                _ => {
                    return Err(err(
                        "TypeError",
                        "isinstance() arg 2 must be a type, a tuple of types, or a union",
                    ))
                }
            },
            Value::Class(k) if k.builtin && &*k.name == "object" => true,
            Value::Class(k) => match v {
                Value::Instance(i) => i.class.is_subclass_of(k),
                Value::Class(c) => c.meta.as_ref().is_some_and(|m| m.is_subclass_of(k)),
                Value::Tensor(t) => {
                    self.tensor_class.as_ref().is_some_and(|c| Rc::ptr_eq(c, k))
                        || t.is_parameter()
                            && self
                                .parameter_class
                                .as_ref()
                                .is_some_and(|c| Rc::ptr_eq(c, k))
                }
                Value::Size(_) => self.size_class.as_ref().is_some_and(|t| Rc::ptr_eq(t, k)),
                _ => false,
            },
            Value::Native(n) => match n.has_instance(v) {
                Some(yes) => yes,
                None => {
                    return Err(err(
                        "TypeError",
                        "isinstance() arg 2 must be a type, a tuple of types, or a union",
                    ))
                }
            },
            _ => {
                return Err(err(
                    "TypeError",
                    "isinstance() arg 2 must be a type, a tuple of types, or a union",
                ))
            }
        })
    }

    /// `issubclass(a, b)`: classes by their chain, built-in types as Python relates them
    /// (bool is an int; a dict subclass is a dict; everything is an object).
    pub fn issubclass(&mut self, a: &Value, b: &Value) -> R<bool> {
        if let Value::Tuple(items) = b {
            for x in items.iter() {
                if self.issubclass(a, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let is_class = |v: &Value| match v {
            Value::Class(_) => true,
            Value::Builtin(t) => builtin_type_name(t).is_some(),
            Value::Native(n) => n.has_instance(&Value::None).is_some(),
            _ => false,
        };
        if !is_class(a) {
            return Err(err("TypeError", "issubclass() arg 1 must be a class"));
        }
        if !is_class(b) {
            return Err(err(
                "TypeError",
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        Ok(match (a, b) {
            (_, Value::Class(k)) if &*k.name == "object" && k.builtin => true,
            (Value::Class(x), Value::Class(y)) => x.is_subclass_of(y),
            (Value::Class(x), Value::Builtin(t)) => {
                super::subclass::builtin_type_of(x).is_some_and(|s| s.name == t.name)
            }
            (Value::Builtin(x), Value::Builtin(y)) => {
                x.name == y.name || (x.name == "bool" && y.name == "int")
            }
            (x, y) => x.is(y),
        })
    }

    /// A class's own metadata attributes: `__name__`, `__qualname__`, `__dict__`,
    /// `__bases__`, `__mro__`, `__annotations__`.
    pub fn class_meta(&mut self, c: &Rc<Class>, name: &str) -> Option<Value> {
        let object = || self_object(self);
        fn self_object(it: &Interp) -> Value {
            it.type_classes
                .get("object")
                .map(|o| Value::Class(o.clone()))
                .unwrap_or(Value::None)
        }
        let _ = object;
        Some(match name {
            "__name__" | "__qualname__" => match c.ns.borrow().get(name) {
                Some(v) => v.clone(),
                None => Value::Str(c.name.clone()),
            },
            "__dict__" => Value::dict(
                c.ns.borrow()
                    .iter()
                    .filter(|(k, _)| &***k != "__builtin_type__")
                    .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                    .collect(),
            ),
            "__bases__" => Value::tuple(vec![match &c.base {
                Some(b) => Value::Class(b.clone()),
                None => self_object(self),
            }]),
            "__base__" => match &c.base {
                Some(b) => Value::Class(b.clone()),
                None => self_object(self),
            },
            "__mro__" => {
                let mut out = Vec::new();
                let mut k = Some(c.clone());
                while let Some(x) = k {
                    out.push(Value::Class(x.clone()));
                    k = x.base.clone();
                }
                if !(&*c.name == "object" && c.builtin) {
                    out.push(self_object(self));
                }
                Value::tuple(out)
            }
            "__annotations__" => match c.ns.borrow().get(name) {
                Some(v) => v.clone(),
                None => Value::dict(Dict::new()),
            },
            _ => return None,
        })
    }

    /// `type(v)`: the class, or the built-in standing for it.
    pub fn type_of(&mut self, v: &Value) -> Value {
        if let Some(t) = v.native_type() {
            return t;
        }
        let name = match v {
            Value::Instance(i) => return Value::Class(i.class.clone()),
            Value::Class(c) if c.meta.is_some() => {
                return Value::Class(c.meta.clone().unwrap_or_else(|| c.clone()))
            }
            Value::Tensor(t) if t.is_parameter() && self.parameter_class.is_some() => {
                if let Some(c) = &self.parameter_class {
                    return Value::Class(c.clone());
                }
                "Parameter"
            }
            Value::Tensor(_) => {
                if let Some(t) = &self.tensor_class {
                    return Value::Class(t.clone());
                }
                "Tensor"
            }
            Value::Size(_) => {
                if let Some(t) = &self.size_class {
                    return Value::Class(t.clone());
                }
                "Size"
            }
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bool(_) => "bool",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::Range(_) => "range",
            _ => "",
        };
        if let Some(b) = builtins::BUILTINS.iter().find(|b| b.name == name) {
            return Value::Builtin(b);
        }
        let tn: Rc<str> = Rc::from(v.type_name());
        let class = self
            .type_classes
            .entry(tn.to_string())
            .or_insert_with(|| {
                Rc::new(Class {
                    name: tn,
                    base: None,
                    ns: RefCell::new(IndexMap::new()),
                    builtin: true,
                    meta: None,
                })
            })
            .clone();
        Value::Class(class)
    }

    /// `super()` inside a method: the running method's class and its first argument.
    pub fn current_super(&mut self) -> R<Value> {
        let Some(f) = self.calls.last().cloned() else {
            return Err(err("RuntimeError", "super(): no arguments"));
        };
        let class = match f.attrs.borrow().get("__class__") {
            Some(Value::Class(c)) => c.clone(),
            _ => return Err(err("RuntimeError", "super(): __class__ cell not found")),
        };
        let first = self
            .env
            .as_ref()
            .and_then(|e| e.slots.borrow().first().cloned().flatten())
            .ok_or_else(|| err("RuntimeError", "super(): no arguments"))?;
        Ok(Value::Super(Rc::new((class, first))))
    }

    /// The signature and documentation `help(x)` and `x?` show.
    pub fn help_text(&mut self, v: &Value) -> String {
        match v {
            Value::Builtin(b) => format!("{}\n    {}", b.sig, b.doc),
            Value::Method(m) => self.help_text(&m.1.clone()),
            Value::Func(f) => {
                let params: Vec<String> = f
                    .def
                    .params
                    .iter()
                    .map(|p| match p.kind {
                        ParamKind::VarArgs => format!("*{}", p.name),
                        ParamKind::VarKw => format!("**{}", p.name),
                        _ if p.default.is_some() => format!("{}=…", p.name),
                        _ => p.name.to_string(),
                    })
                    .collect();
                let mut s = format!("{}({})", f.def.name, params.join(", "));
                if let Some(StmtKind::Expr(e)) = f.def.body.first().map(|s| &s.kind) {
                    if let ExprKind::Str(doc) = &e.kind {
                        s.push_str("\n    ");
                        s.push_str(doc.trim());
                    }
                }
                s
            }
            Value::Class(c) => {
                let mut s = format!("class {}", c.name);
                if let Some(b) = &c.base {
                    s.push_str(&format!("({})", b.name));
                }
                let names: Vec<String> = c.ns.borrow().keys().map(|k| k.to_string()).collect();
                if !names.is_empty() {
                    s.push_str(&format!("\n    attributes: {}", names.join(", ")));
                }
                s
            }
            Value::Module(m) => {
                let names: Vec<String> = self
                    .module_items(m)
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| !k.starts_with('_'))
                    .map(|k| k.to_string())
                    .collect();
                format!("module {}\n    {}", m.name, names.join(", "))
            }
            _ => {
                let mut names = self.attribute_names(v);
                names.retain(|n| !n.starts_with('_'));
                names.sort();
                format!(
                    "{} object\n    methods and attributes: {}",
                    v.type_name(),
                    names.join(", ")
                )
            }
        }
    }

    /// The names after `v.`: for completion and `dir()`.
    pub fn attribute_names(&mut self, v: &Value) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let class_names = |c: &Rc<Class>, out: &mut Vec<String>| {
            let mut k = Some(c.clone());
            while let Some(x) = k {
                out.extend(x.ns.borrow().keys().map(|n| n.to_string()));
                k = x.base.clone();
            }
        };
        match v {
            Value::Instance(i) => {
                out.extend(i.attrs.borrow().keys().map(|n| n.to_string()));
                class_names(&i.class, &mut out);
            }
            Value::Class(c) => class_names(c, &mut out),
            Value::Module(m) => {
                out.extend(self.module_items(m).into_iter().map(|(n, _)| n.to_string()))
            }
            Value::Native(n) => out.extend(n.dir().into_iter().map(str::to_string)),
            Value::Tensor(_) => {
                out.extend(
                    (self.bindings.tensor_method_names)()
                        .into_iter()
                        .map(str::to_string),
                );
                out.extend(
                    [
                        "shape",
                        "dtype",
                        "device",
                        "ndim",
                        "T",
                        "mT",
                        "data",
                        "is_cuda",
                        "requires_grad",
                        "grad",
                        "is_leaf",
                        "itemsize",
                        "nbytes",
                    ]
                    .map(String::from),
                );
            }
            Value::Str(_) => out.extend(
                super::strings::STR_METHODS
                    .iter()
                    .map(|b| b.name.to_string()),
            ),
            Value::List(_) => out.extend(
                super::containers::LIST_METHODS
                    .iter()
                    .map(|b| b.name.to_string()),
            ),
            Value::Dict(_) => out.extend(
                super::containers::DICT_METHODS
                    .iter()
                    .map(|b| b.name.to_string()),
            ),
            Value::Set(_) => out.extend(
                super::containers::SET_METHODS
                    .iter()
                    .map(|b| b.name.to_string()),
            ),
            Value::Tuple(_) | Value::Size(_) => out.extend(
                super::containers::TUPLE_METHODS
                    .iter()
                    .map(|b| b.name.to_string()),
            ),
            Value::DType(_) => {
                out.extend(["is_floating_point", "is_signed", "itemsize"].map(String::from))
            }
            Value::Device(_) => out.extend(["type", "index"].map(String::from)),
            _ => {}
        }
        out.sort();
        out.dedup();
        out
    }
}
