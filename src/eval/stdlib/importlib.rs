//! `importlib`: import_module and reload (the REPL's and notebooks' way to pick up an edited
//! module), invalidate_caches.

use crate::eval::lang::builtins::{table, to_str};
use crate::eval::lang::exc::type_err;
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;

table! { IMPORTLIB:
    "import_module", "import_module(name, package=None)", "Imports a module by its dotted name and returns it." => |it, a| {
        let name = to_str(&a.req(0, "name")?, "name")?;
        let full = match name.strip_prefix('.') {
            Some(_) => {
                let Some(pkg) = a.opt(1, "package") else {
                    return Err(type_err(format!("the 'package' argument is required to perform a relative import for {}", it.repr(&Value::Str(name.clone()))?)));
                };
                let pkg = to_str(&pkg, "package")?;
                let level = name.len() - name.trim_start_matches('.').len();
                let parts: Vec<&str> = pkg.split('.').collect();
                let base = parts[..parts.len().saturating_sub(level - 1)].join(".");
                let rest = name.trim_start_matches('.');
                if rest.is_empty() { base } else { format!("{base}.{rest}") }
            }
            None => name.to_string(),
        };
        it.import_module(&full)
    };
    "reload", "reload(module)", "Runs a module's source again, in the same module object, and returns it." => |it, a| {
        let m = a.req(0, "module")?;
        it.reload_module(&m)
    };
    "invalidate_caches", "invalidate_caches()", "Nothing to do: nabla looks at the files on every import." => |_, _| Ok(Value::None);
}

pub fn module(_: &mut Interp) -> Value {
    crate::eval::lang::value::module("importlib", &table_entries(IMPORTLIB))
}
