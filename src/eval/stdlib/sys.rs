//! `sys`'s functions: recursion limits, sizes, the running frames, the exception being handled.

use crate::eval::lang::builtins::{table, to_int};
use crate::eval::lang::exc::{value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// `sys._getframe(depth)`: the running Python frames as objects with `f_code` (`co_name`,
/// `co_filename`), `f_lineno`, `f_globals` and `f_back` (logging and warnings use them).
fn frames(it: &mut Interp, depth: usize) -> R<Value> {
    let n = it.calls.len();
    if depth > n {
        return Err(value_err("call stack is not deep enough"));
    }
    let line = |src: &SourceFile, at: usize| {
        src.text[..at.min(src.text.len())].matches('\n').count() as i64 + 1
    };
    let mut back = Value::None;
    // From the outermost (module level) in, so each frame can point at its caller.
    for k in (depth..=n).rev() {
        let (src, span) = if k == 0 {
            (it.src.clone(), it.cur)
        } else {
            it.call_sites[n - k].clone()
        };
        let (name, module) = if k == n {
            ("<module>".to_string(), it.main.clone())
        } else {
            let f = &it.calls[n - 1 - k];
            (f.def.name.to_string(), f.module.clone())
        };
        let globals: Dict = it
            .module_items(&module)
            .into_iter()
            .map(|(k, v)| (Key(Value::Str(k)), v))
            .collect();
        let code = Instance {
            class: class_with("code", &[]),
            attrs: RefCell::new(IndexMap::from([
                (Rc::from("co_name"), Value::str(&name)),
                (Rc::from("co_filename"), Value::str(&src.name)),
            ])),
        };
        let frame = Instance {
            class: class_with("frame", &[]),
            attrs: RefCell::new(IndexMap::from([
                (Rc::from("f_code"), Value::Instance(Rc::new(code))),
                (Rc::from("f_lineno"), Value::Int(line(&src, span.start))),
                (Rc::from("f_globals"), Value::dict(globals)),
                (Rc::from("f_back"), back),
            ])),
        };
        back = Value::Instance(Rc::new(frame));
    }
    Ok(back)
}

table! { SYS:
    "_getframe", "_getframe(depth=0)", "The frame depth calls up from the caller: f_code.co_name, f_code.co_filename, f_lineno, f_globals, f_back." => |it, a| {
        let d = a.opt(0, "depth").map(|d| to_int(&d, "depth")).transpose()?.unwrap_or(0);
        frames(it, d.max(0) as usize)
    };
    "exc_info", "exc_info()", "(type, value, traceback) of the exception being handled (nabla has no traceback objects: None), or three Nones." => |it, _| {
        Ok(match it.handling.last().cloned() {
            Some(v) => {
                let t = it.type_of(&v);
                Value::tuple(vec![t, v, Value::None])
            }
            None => Value::tuple(vec![Value::None, Value::None, Value::None]),
        })
    };
    "getrecursionlimit", "getrecursionlimit()", "How deep Python-level calls may nest." => |_, _| Ok(Value::Int(1000));
    "setrecursionlimit", "setrecursionlimit(limit)", "Accepted; nabla's limit stays at the default (it grows the stack on the heap as needed)." => |_, a| {
        let n = to_int(&a.req(0, "limit")?, "limit")?;
        if n < 1 {
            return Err(value_err("recursion limit must be greater or equal than 1"));
        }
        Ok(Value::None)
    };
    "getsizeof", "getsizeof(object)", "An estimate of the object's size in bytes (a tensor: its element bytes)." => |_, a| {
        Ok(Value::Int(match a.req(0, "object")? {
            Value::Tensor(t) => (t.numel() * t.dtype().size()) as i64 + 72,
            Value::Str(s) => 49 + s.len() as i64,
            Value::List(l) => 56 + 8 * l.borrow().len() as i64,
            _ => 28,
        }))
    };
}
