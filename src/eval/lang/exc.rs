//! Exceptions: the control-flow carrier, the built-in exception classes, and how engine
//! errors surface as the class PyTorch raises.

use super::value::{Class, Instance, SourceFile, Value};
use crate::syntax::token::Span;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// One line of a traceback: where a call was made.
#[derive(Clone)]
pub struct TraceEntry {
    pub src: Rc<SourceFile>,
    pub span: Span,
    pub func: Rc<str>,
}

/// A raised exception on its way up.
pub struct PyErr {
    pub exc: Exc,
    /// Where it was raised, in `src`.
    pub span: Option<(Rc<SourceFile>, Span)>,
    /// Calls it passed through, innermost last.
    pub trace: Vec<TraceEntry>,
    /// How to fix it (shape, dtype and device mistakes carry one).
    pub hint: Option<String>,
}

/// An exception not yet turned into an object (most are never caught), or an object.
pub enum Exc {
    Builtin { class: &'static str, msg: String },
    Object(Value),
}

/// Control flow other than falling through.
pub enum Ctrl {
    Raise(Box<PyErr>),
    Return(Value),
    Break,
    Continue,
}

pub type R<T> = Result<T, Ctrl>;

/// A built-in exception of class `class` with message `msg`.
pub fn err(class: &'static str, msg: impl Into<String>) -> Ctrl {
    Ctrl::Raise(Box::new(PyErr {
        exc: Exc::Builtin {
            class,
            msg: msg.into(),
        },
        span: None,
        trace: Vec::new(),
        hint: None,
    }))
}

pub fn type_err(msg: impl Into<String>) -> Ctrl {
    err("TypeError", msg)
}

pub fn value_err(msg: impl Into<String>) -> Ctrl {
    err("ValueError", msg)
}

impl From<crate::Error> for Ctrl {
    fn from(e: crate::Error) -> Ctrl {
        let hint = e.hint();
        Ctrl::Raise(Box::new(PyErr {
            exc: Exc::Builtin {
                class: e.python_class(),
                msg: e.to_string(),
            },
            span: None,
            trace: Vec::new(),
            hint,
        }))
    }
}

/// The built-in exception classes and their bases.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    // NumPy's casting error (`np.add(a, 1.5, out=int_array)`), a TypeError.
    ("UFuncTypeError", "TypeError"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnsupportedOperation", "OSError"),
    ("MemoryError", "Exception"),
    ("EOFError", "Exception"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
];

/// Builds the built-in exception classes, in an order where bases come first.
pub fn builtin_classes() -> IndexMap<&'static str, Rc<Class>> {
    let mut out: IndexMap<&'static str, Rc<Class>> = IndexMap::new();
    for (name, base) in HIERARCHY {
        let mut ns = IndexMap::new();
        if base.is_empty() {
            ns.insert(
                Rc::from("__init__"),
                Value::Builtin(&super::builtins::EXCEPTION_INIT),
            );
        }
        let class = Rc::new(Class {
            name: Rc::from(*name),
            base: out.get(base).cloned(),
            ns: RefCell::new(ns),
            builtin: true,
            meta: None,
        });
        out.insert(name, class);
    }
    out
}

/// An exception instance of `class` with `args`.
pub fn instance(class: Rc<Class>, args: Vec<Value>) -> Value {
    let mut attrs = IndexMap::new();
    init_attrs(&class, &mut attrs, args);
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(attrs),
    }))
}

/// An exception's attributes from its arguments: `args`, and SystemExit's `code`,
/// StopIteration's `value`, OSError's `errno`, `strerror` and `filename`.
pub fn init_attrs(class: &Rc<Class>, attrs: &mut IndexMap<Rc<str>, Value>, args: Vec<Value>) {
    let is = |name: &str| {
        let mut k = Some(class.clone());
        while let Some(c) = k {
            if c.builtin && &*c.name == name {
                return true;
            }
            k = c.base.clone();
        }
        false
    };
    if is("SystemExit") {
        let code = match args.as_slice() {
            [] => Value::None,
            [c] => c.clone(),
            _ => Value::tuple(args.clone()),
        };
        attrs.insert(Rc::from("code"), code);
    }
    if is("StopIteration") {
        attrs.insert(
            Rc::from("value"),
            args.first().cloned().unwrap_or(Value::None),
        );
    }
    // OSError(errno, strerror[, filename]): str() is "[Errno N] strerror: 'filename'".
    if is("OSError") && !attrs.contains_key("errno") {
        let (errno, strerror, filename) = match args.as_slice() {
            [e @ Value::Int(_), s] => (e.clone(), s.clone(), Value::None),
            [e @ Value::Int(_), s, f, ..] => (e.clone(), s.clone(), f.clone()),
            _ => (Value::None, Value::None, Value::None),
        };
        attrs.insert(Rc::from("errno"), errno);
        attrs.insert(Rc::from("strerror"), strerror);
        attrs.insert(Rc::from("filename"), filename);
        if args.len() > 2 {
            attrs.insert(Rc::from("args"), Value::tuple(args[..2].to_vec()));
            return;
        }
    }
    attrs.insert(Rc::from("args"), Value::tuple(args));
}

/// The message `str(e)` gives for an exception's args.
pub fn args_of(v: &Value) -> Vec<Value> {
    if let Value::Instance(i) = v {
        if let Some(Value::Tuple(t)) = i.attrs.borrow().get("args") {
            return t.to_vec();
        }
    }
    Vec::new()
}

pub fn is_exception_class(c: &Rc<Class>) -> bool {
    let mut k = Some(c.clone());
    while let Some(x) = k {
        if x.builtin && &*x.name == "BaseException" {
            return true;
        }
        k = x.base.clone();
    }
    false
}
