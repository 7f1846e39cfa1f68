//! `_inspect`: what `inspect` (src/eval/stdlib/py/inspect.py) needs to know of a user
//! function that only the interpreter knows: its parameters, its source text, its file.

use crate::eval::lang::builtins::table;
use crate::eval::lang::exc::{type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::ParamKind;
use std::rc::Rc;

/// `_inspect.empty`: the marker for "no default".
#[derive(Default)]
struct Empty(Option<Value>);

fn empty(it: &mut Interp) -> Value {
    if let Some(v) = &it.ext.get::<Empty>().0 {
        return v.clone();
    }
    let v = Value::Instance(Rc::new(Instance {
        class: class_with("_empty", &[]),
        attrs: Default::default(),
    }));
    it.ext.get::<Empty>().0 = Some(v.clone());
    v
}

fn function(v: &Value) -> R<Rc<Function>> {
    match v {
        Value::Func(f) => Ok(f.clone()),
        Value::Method(m) => function(&m.1),
        Value::StaticMethod(f) | Value::ClassMethod(f) => function(f),
        _ => Err(type_err(format!(
            "{} is not a Python function",
            v.type_name()
        ))),
    }
}

table! { INSPECT:
    "params", "params(f)", "[(name, kind, default)] of a user function's parameters." => |it, a| {
        let f = function(&a.req(0, "f")?)?;
        let none = empty(it);
        let mut out = Vec::new();
        for (p, d) in f.def.params.iter().zip(f.defaults.iter()) {
            let kind = match p.kind {
                ParamKind::Normal => "POSITIONAL_OR_KEYWORD",
                ParamKind::VarArgs => "VAR_POSITIONAL",
                ParamKind::KwOnly => "KEYWORD_ONLY",
                ParamKind::VarKw => "VAR_KEYWORD",
            };
            if p.name.is_empty() {
                continue;
            }
            out.push(Value::tuple(vec![
                Value::Str(p.name.clone()),
                Value::str(kind),
                d.clone().unwrap_or_else(|| none.clone()),
            ]));
        }
        Ok(Value::list(out))
    };
    "source", "source(f)", "The text of a user function's def (with its decorators), or None." => |_, a| {
        let f = function(&a.req(0, "f")?)?;
        let text = &f.src.text;
        let mut start = f.def.span.start.min(text.len());
        if let Some(d) = f.def.decorators.first() {
            // The decorator's `@` is just before its expression.
            start = start.min(text[..d.span.start.min(text.len())].rfind('@').unwrap_or(d.span.start));
        }
        let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        // The span runs to where the next statement starts: trim back to the body's end.
        let end = f.def.span.end.min(text.len());
        let src = text[start..end].trim_end().to_string();
        if src.is_empty() {
            return Ok(Value::None);
        }
        let mut s = src;
        if !s.ends_with('\n') {
            s.push('\n');
        }
        Ok(Value::str(&s))
    };
    "filename", "filename(f)", "The file a user function was defined in." => |_, a| {
        let f = function(&a.req(0, "f")?)?;
        Ok(Value::str(&f.src.name))
    };
    "text", "text(filename)", "The source of a file, module or cell the session ran, or None." => |it, a| {
        let name = crate::eval::lang::builtins::to_str(&a.req(0, "filename")?, "filename")?;
        Ok(match it.sources.get(&*name) {
            Some(s) => Value::str(&s.text),
            None => Value::None,
        })
    };
    "is_generator_function", "is_generator_function(f)", "Whether calling the function makes a generator." => |_, a| {
        Ok(Value::Bool(function(&a.req(0, "f")?).is_ok_and(|f| f.def.is_generator)))
    };
}

pub fn module(it: &mut Interp) -> Value {
    let mut entries = table_entries(INSPECT);
    entries.push(("empty", empty(it)));
    crate::eval::lang::value::module("_inspect", &entries)
}
