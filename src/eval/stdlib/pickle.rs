//! `pickle` for plain data: None, bools, ints, floats, strings, bytes, and lists, tuples and
//! dicts of them — what scripts keep between runs (a vocabulary, a results dict). It writes
//! protocol 2 and reads what CPython writes (protocols 0–5). As `torch.load` does, it never
//! runs code from a file: classes and functions in a pickle are refused with an error, and
//! so is pickling an instance (save its data, or a model's `state_dict()` with torch.save).

use crate::eval::lang::builtins::table;
use crate::eval::lang::bytes::{as_bytes, Bytes};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::io::pickle::Obj;
use std::cell::RefCell;
use std::rc::Rc;

fn to_obj(v: &Value, depth: usize) -> R<Obj> {
    if depth > 200 {
        return Err(err(
            "RecursionError",
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    let all =
        |items: &[Value]| -> R<Vec<Obj>> { items.iter().map(|v| to_obj(v, depth + 1)).collect() };
    Ok(match v {
        Value::None => Obj::None,
        Value::Bool(b) => Obj::Bool(*b),
        Value::Int(i) => Obj::Int(*i),
        Value::Float(f) => Obj::Float(*f),
        Value::Str(s) => Obj::Str(s.to_string()),
        Value::List(l) => Obj::List(all(&l.borrow())?),
        Value::Tuple(t) => Obj::Tuple(all(t)?),
        Value::Dict(d) => Obj::Dict(
            d.borrow()
                .iter()
                .map(|(k, v)| Ok((to_obj(&k.0, depth + 1)?, to_obj(v, depth + 1)?)))
                .collect::<R<_>>()?,
        ),
        v if as_bytes(v).is_some() => Obj::Bytes(as_bytes(v).map(|b| b.0.clone()).unwrap_or_default()),
        Value::Tensor(_) => {
            return Err(err("PicklingError", "nabla's pickle keeps plain data; save tensors with torch.save (it pickles them as PyTorch does)"))
        }
        v => {
            return Err(err(
                "PicklingError",
                format!("nabla's pickle writes plain data only (None, bool, int, float, str, bytes, and lists, tuples and dicts of them), not a {} object: it never stores or runs code", v.type_name()),
            ))
        }
    })
}

fn from_obj(o: Obj) -> R<Value> {
    let all = |items: Vec<Obj>| -> R<Vec<Value>> { items.into_iter().map(from_obj).collect() };
    Ok(match o {
        Obj::None => Value::None,
        Obj::Bool(b) => Value::Bool(b),
        Obj::Int(i) => Value::Int(i),
        Obj::Float(f) => Value::Float(f),
        Obj::Str(s) => Value::str(&s),
        Obj::Bytes(b) => Bytes::value(b),
        Obj::Tensor(t) => Value::Tensor(t),
        Obj::Size(s) => Value::Size(Rc::from(s)),
        Obj::List(items) => Value::List(Rc::new(RefCell::new(all(items)?))),
        Obj::Tuple(items) => Value::Tuple(Rc::from(all(items)?)),
        Obj::Dict(items) => {
            let mut d = Dict::new();
            for (k, v) in items {
                let k = from_obj(k)?;
                if matches!(k, Value::List(_) | Value::Dict(_)) {
                    return Err(type_err(format!("unhashable type: '{}'", k.type_name())));
                }
                d.insert(Key(k), from_obj(v)?);
            }
            Value::dict(d)
        }
    })
}

fn dumps(v: &Value) -> R<Vec<u8>> {
    let o = to_obj(v, 0)?;
    let (bytes, _) = crate::io::pickle::dump(&o)?;
    Ok(bytes)
}

fn loads(data: &[u8]) -> R<Value> {
    let mut no_storage = |_: &str, _: crate::DType, _: usize| -> Result<Rc<[u8]>, String> {
        Err("this pickle refers to tensor storage: load it with torch.load".into())
    };
    let o = crate::io::pickle::load(data, &mut no_storage).map_err(|e| {
        err(
            "UnpicklingError",
            format!("{e} (nabla's pickle reads plain data only and never runs code from a file)"),
        )
    })?;
    from_obj(o)
}

table! { PICKLE:
    "dumps", "dumps(obj, protocol=None)", "The object as pickle bytes (protocol 2)." => |_, a| {
        let v = a.req(0, "obj")?;
        a.get(1, "protocol");
        Ok(Bytes::value(dumps(&v)?))
    };
    "loads", "loads(data)", "The object a pickle holds (plain data only)." => |_, a| {
        let d = a.req(0, "data")?;
        let b = as_bytes(&d).ok_or_else(|| type_err(format!("a bytes-like object is required, not '{}'", d.type_name())))?;
        loads(&b.0)
    };
    "dump", "dump(obj, file, protocol=None)", "Writes the object's pickle to a file opened 'wb'." => |it, a| {
        let v = a.req(0, "obj")?;
        let f = a.req(1, "file")?;
        a.get(2, "protocol");
        let b = Bytes::value(dumps(&v)?);
        it.call_method(&f, "write", vec![b], vec![])?;
        Ok(Value::None)
    };
    "load", "load(file)", "The object pickled in a file opened 'rb'." => |it, a| {
        let f = a.req(0, "file")?;
        let d = it.call_method(&f, "read", vec![], vec![])?;
        let b = as_bytes(&d).ok_or_else(|| type_err("file must have a 'read' method returning bytes"))?;
        loads(&b.0)
    };
}

pub fn module(it: &mut Interp) -> Value {
    let mut e = table_entries(PICKLE);
    let base = it.exc_class("Exception");
    for (key, name) in [
        ("PicklingError", "PicklingError"),
        ("UnpicklingError", "UnpicklingError"),
    ] {
        let class = Rc::new(Class {
            name: Rc::from(name),
            base: Some(base.clone()),
            ns: RefCell::new(indexmap::IndexMap::from([(
                Rc::from("__module__"),
                Value::str("_pickle"),
            )])),
            builtin: true,
            meta: None,
        });
        it.exc_classes.insert(key, class.clone());
        e.push((name, Value::Class(class)));
    }
    e.push(("HIGHEST_PROTOCOL", Value::Int(5)));
    e.push(("DEFAULT_PROTOCOL", Value::Int(4)));
    crate::eval::lang::value::module("pickle", &e)
}
