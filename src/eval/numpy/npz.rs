//! `np.load("f.npz")`: NumPy's `NpzFile`, the arrays of an archive by name (`data["w"]`,
//! `data.files`, `with np.load(...) as data:`).

use super::wrap;
use crate::eval::lang::builtins::{method_in, table, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::value::*;
use crate::Tensor;
use std::rc::Rc;

pub struct NpzFile {
    pub path: String,
    pub arrays: Vec<(String, Tensor)>,
}

impl NpzFile {
    fn names(&self) -> Vec<Value> {
        self.arrays.iter().map(|(k, _)| Value::str(k)).collect()
    }
}

impl Native for NpzFile {
    fn type_name(&self) -> &'static str {
        "NpzFile"
    }

    fn repr(&self) -> String {
        let keys: Vec<&str> = self.arrays.iter().map(|(k, _)| k.as_str()).collect();
        format!("NpzFile '{}' with keys: {}", self.path, keys.join(", "))
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(NPZ_METHODS, name)
    }

    fn attr(&self, name: &str) -> Option<Value> {
        (name == "files").then(|| Value::list(self.names()))
    }

    fn dir(&self) -> Vec<&'static str> {
        let mut names = vec!["files"];
        names.extend(NPZ_METHODS.iter().map(|b| b.name));
        names
    }
}

fn this(a: &mut Args) -> R<Rc<NpzFile>> {
    let v = a.req(0, "self")?;
    v.native::<NpzFile>()
        .ok_or_else(|| type_err(format!("expected an NpzFile, got {}", v.type_name())))
}

table! { NPZ_METHODS:
    "__getitem__", "__getitem__(key)", "The array stored under key." => |_, a| {
        let f = this(a)?;
        let key = to_str(&a.req(1, "key")?, "key")?;
        match f.arrays.iter().find(|(k, _)| **k == *key) {
            Some((_, t)) => Ok(wrap(t.clone())),
            None => Err(err("KeyError", format!("{key} is not a file in the archive"))),
        }
    };
    "__contains__", "__contains__(key)", "Whether the archive holds key." => |_, a| {
        let f = this(a)?;
        let key = a.req(1, "key")?;
        Ok(Value::Bool(matches!(&key, Value::Str(s) if f.arrays.iter().any(|(k, _)| **k == **s))))
    };
    "__len__", "__len__()", "The number of arrays." => |_, a| Ok(Value::Int(this(a)?.arrays.len() as i64));
    "__iter__", "__iter__()", "The names of the arrays." => |_, a| Ok(Value::list(this(a)?.names()));
    "keys", "keys()", "The names of the arrays." => |_, a| Ok(Value::list(this(a)?.names()));
    "values", "values()", "The arrays." => |_, a| {
        Ok(Value::list(this(a)?.arrays.iter().map(|(_, t)| wrap(t.clone())).collect()))
    };
    "items", "items()", "(name, array) pairs." => |_, a| {
        Ok(Value::list(this(a)?.arrays.iter().map(|(k, t)| Value::tuple(vec![Value::str(k), wrap(t.clone())])).collect()))
    };
    "__enter__", "__enter__()", "The archive itself, for `with`." => |_, a| a.req(0, "self");
    "__exit__", "__exit__(*exc)", "Closes the archive (it is already read)." => |_, a| {
        let _ = a.rest(0);
        Ok(Value::None)
    };
    "close", "close()", "Closes the archive (nabla reads it whole on load)." => |_, _| Ok(Value::None);
}
