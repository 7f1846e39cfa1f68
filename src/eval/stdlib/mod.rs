//! The standard library subset: the import table of modules built in Rust on first import
//! (`_os` and the other primitives under the Python-level modules, `importlib`) and of the
//! modules written in Python (`py/`, embedded in the binary by build.rs).
//!
//! Python-level modules are written in nabla's own language where they are mostly glue
//! (argparse, collections, dataclasses, pathlib …): that is shorter and clearer than Rust, and
//! they behave as CPython's because they are the same kind of code. What needs the operating
//! system or a crate (files, directories, the clock) is a small Rust module with a leading
//! underscore that the Python module sits on, as CPython's `os` sits on `posix`.
//! `NABLA_STDLIB=DIR` reads the Python modules from DIR instead (for working on them).

mod binary;
mod hashlib;
mod importlib;
mod inspect;
pub(crate) mod math;
mod os;
mod pickle;
pub(crate) mod random;
mod re;
pub(crate) mod sys;
pub(crate) mod time;

use crate::eval::lang::import::Source;
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::Value;

// PY_MODULES: (name, source, is_package) for every file under py/.
include!(concat!(env!("OUT_DIR"), "/stdlib_py.rs"));

/// Rust modules, built on first import.
type Builder = fn(&mut Interp) -> Value;

const RUST_MODULES: &[(&str, Builder)] = &[
    ("_os", os::module),
    ("_inspect", inspect::module),
    ("hashlib", hashlib::module),
    ("struct", binary::struct_module),
    ("pickle", pickle::module),
    ("_gzip", binary::gzip_module),
    ("_zip", binary::zip_module),
    ("_tar", binary::tar_module),
    ("importlib", importlib::module),
    ("re", re::module),
];

pub fn builtin_module(it: &mut Interp, name: &str) -> Option<Value> {
    let (_, make) = RUST_MODULES.iter().find(|(n, _)| *n == name)?;
    Some(make(it))
}

/// The embedded source of a standard module written in Python.
pub fn source(name: &str) -> Option<Source> {
    let rel = name.replace('.', "/");
    if let Some(dir) = std::env::var_os("NABLA_STDLIB") {
        let dir = std::path::Path::new(&dir);
        for (file, package) in [
            (format!("{rel}/__init__.py"), true),
            (format!("{rel}.py"), false),
        ] {
            if let Ok(text) = std::fs::read_to_string(dir.join(&file)) {
                return Some(Source {
                    file: format!("<stdlib>/{file}"),
                    text,
                    package: package.then(|| format!("<stdlib>/{rel}")),
                });
            }
        }
    }
    let &(_, text, package) = PY_MODULES.iter().find(|(n, _, _)| *n == name)?;
    let file = if package {
        format!("{rel}/__init__.py")
    } else {
        format!("{rel}.py")
    };
    let text = text.to_string();
    Some(Source {
        file: format!("<stdlib>/{file}"),
        text,
        package: package.then(|| format!("<stdlib>/{rel}")),
    })
}

pub fn module_names() -> Vec<&'static str> {
    RUST_MODULES
        .iter()
        .map(|(n, _)| *n)
        .chain(PY_MODULES.iter().map(|(n, _, _)| *n))
        .collect()
}
