//! `torch.return_types`: the named results of `max(dim)`, `sort`, `topk` … that also index
//! and unpack as tuples.

use crate::eval::lang::builtins::table;
use crate::eval::lang::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// A `torch.return_types.NAME` value: named fields that also index and unpack as a tuple.
pub(crate) fn return_type(name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    let class = class_with(name, RETURN_TYPE_METHODS);
    let attrs = fields.iter().map(|f| Rc::from(*f)).zip(values).collect();
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(attrs),
    }))
}

table! { RETURN_TYPE_METHODS:
    "__getitem__", "__getitem__(i)", "The i-th field." => |it, a| {
        let me = a.req(0, "self")?;
        let i = a.req(1, "i")?;
        let fields = return_fields(&me);
        it.getitem(&Value::tuple(fields), &i)
    };
    "__len__", "__len__()", "The number of fields." => |_, a| {
        let me = a.req(0, "self")?;
        Ok(Value::Int(return_fields(&me).len() as i64))
    };
    "__repr__", "__repr__()", "torch.return_types.NAME(values=..., indices=...)." => |it, a| {
        let me = a.req(0, "self")?;
        let Value::Instance(i) = &me else { return Ok(Value::str("")) };
        let mut s = format!("torch.return_types.{}(", i.class.name);
        let attrs: Vec<(Rc<str>, Value)> = i.attrs.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (n, (k, v)) in attrs.iter().enumerate() {
            s.push_str(if n == 0 { "\n" } else { ",\n" });
            s.push_str(k);
            s.push('=');
            s.push_str(&it.repr(v)?);
        }
        s.push(')');
        Ok(Value::str(&s))
    };
}

fn return_fields(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(i) => i.attrs.borrow().values().cloned().collect(),
        _ => Vec::new(),
    }
}
