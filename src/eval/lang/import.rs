//! The import system, as Python's: `import a.b`, `from .x import y`, `from m import *`.
//!
//! A name is looked up in `sys.modules` first; then among the built-in modules (the ones the
//! session built at start, then the bindings' table: Rust modules made on first import and the
//! standard modules written in Python and embedded in the binary); then on `sys.path` (for a
//! submodule, its package's `__path__`), as `name.py` or the package `name/__init__.py`. A
//! module runs once, with its own globals, and is cached in `sys.modules` before it runs, so
//! circular imports see the half-made module as Python's do.

use super::exc::{err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::{Alias, Ident};
use crate::syntax::token::Span;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// When each module run from a file was last run, and its file (for `%autoreload`).
#[derive(Default)]
struct ModuleTimes(std::collections::HashMap<String, (String, std::time::SystemTime)>);

/// Where a module's source came from.
pub struct Source {
    /// What `__file__` says and tracebacks show.
    pub file: String,
    pub text: String,
    /// A package: the folder its submodules are found in (`__path__`).
    pub package: Option<String>,
}

impl Interp {
    /// Makes `m` the running module (its globals are what names resolve to); returns the one
    /// that ran before, to enter again afterwards.
    pub fn enter_module(&mut self, m: &Rc<ModuleObj>) -> Rc<ModuleObj> {
        if let Some(g) = &m.globals {
            self.globals = g.clone();
        }
        std::mem::replace(&mut self.module, m.clone())
    }

    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let s = self.syms.intern(name) as usize;
        if self.builtins.len() <= s {
            self.builtins.resize(s + 1, None);
        }
        self.builtins[s] = Some(v);
    }

    /// An attribute of a module: a global of one run from source, or a built-in one's entry.
    pub fn module_attr(&self, m: &ModuleObj, name: &str) -> Option<Value> {
        match &m.globals {
            Some(g) => {
                let s = *self.syms.ids.get(name)? as usize;
                g.borrow().get(s).cloned().flatten()
            }
            None => m.attrs.borrow().get(name).cloned(),
        }
    }

    /// Sets a module's attribute (a global, for a module run from source).
    pub fn set_module_attr(&mut self, m: &ModuleObj, name: &str, v: Value) {
        match &m.globals {
            Some(g) => {
                let s = self.syms.intern(name) as usize;
                let mut g = g.borrow_mut();
                if g.len() <= s {
                    g.resize(s + 1, None);
                }
                g[s] = Some(v);
            }
            None => {
                m.attrs.borrow_mut().insert(Rc::from(name), v);
            }
        }
    }

    /// A module's attributes, in definition order for a built-in one and symbol order for
    /// one run from source.
    pub fn module_items(&self, m: &ModuleObj) -> Vec<(Ident, Value)> {
        match &m.globals {
            Some(g) => g
                .borrow()
                .iter()
                .enumerate()
                .filter_map(|(i, v)| Some((self.syms.names.get(i)?.clone(), v.clone()?)))
                .collect(),
            None => m
                .attrs
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    pub fn import(&mut self, a: &Alias) -> R<()> {
        let full = a.path.join(".");
        let module = self.import_module(&full)?;
        // `import torch.nn` binds `torch`; `import torch.nn as nn` binds the submodule.
        let bound = if a.path.len() > 1 && *a.bind.id == *a.path[0] {
            self.import_module(&a.path[0])?
        } else {
            module
        };
        self.store_name(&a.bind, bound, a.span)
    }

    pub fn import_from(
        &mut self,
        path: &[Ident],
        aliases: &[Alias],
        level: usize,
        span: Span,
    ) -> R<()> {
        let full = self.absolute_name(&path.join("."), level)?;
        let module = self.import_module(&full)?;
        if aliases.is_empty() {
            let Value::Module(m) = &module else {
                return Ok(());
            };
            let all = self.module_attr(m, "__all__");
            let items: Vec<(Ident, Value)> = match all {
                Some(all) => {
                    let mut out = Vec::new();
                    for n in self.collect(&all)? {
                        let n = super::builtins::to_str(&n, "__all__ item")?;
                        let v = self.getattr(&module, &n)?;
                        out.push((Rc::from(n.as_ref()), v));
                    }
                    out
                }
                None => self
                    .module_items(m)
                    .into_iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .collect(),
            };
            for (k, v) in items {
                self.set_global(&k, v);
            }
            return Ok(());
        }
        for a in aliases {
            let name = &a.path[0];
            let attr = match &module {
                Value::Module(m) => self.module_attr(m, name),
                _ => None,
            };
            let v = match attr {
                Some(v) => v,
                // A submodule not imported yet: `from torch import nn`, `from . import utils`.
                None => match self.import_module(&format!("{full}.{name}")) {
                    Ok(m) => m,
                    Err(Ctrl::Raise(e)) if !is_not_found(&e, &format!("{full}.{name}")) => {
                        return Err(Ctrl::Raise(e))
                    }
                    Err(_) => match self.getattr(&module, name) {
                        Ok(v) => v,
                        Err(e) if super::coming::coming(name).is_some() => return Err(e),
                        Err(_) => {
                            let file = match &module {
                                Value::Module(m) => self.module_attr(m, "__file__"),
                                _ => None,
                            };
                            let place = match file {
                                Some(Value::Str(f)) => format!(" ({f})"),
                                _ => " (unknown location)".into(),
                            };
                            return Err(err(
                                "ImportError",
                                format!("cannot import name '{name}' from '{full}'{place}"),
                            ));
                        }
                    },
                },
            };
            self.store_name(&a.bind, v, span)?;
        }
        Ok(())
    }

    /// The absolute name of `from {dots}{name} import …` in the running module.
    fn absolute_name(&mut self, name: &str, level: usize) -> R<String> {
        if level == 0 {
            return Ok(name.to_string());
        }
        let package = match self.get_global("__package__") {
            Some(Value::Str(p)) if !p.is_empty() => p.to_string(),
            _ => {
                return Err(err(
                    "ImportError",
                    "attempted relative import with no known parent package",
                ))
            }
        };
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(err(
                "ImportError",
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() + 1 - level].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// `sys.modules[name]`, if imported.
    pub fn loaded_module(&self, name: &str) -> Option<Value> {
        self.sys_modules
            .borrow()
            .get(&Key(Value::str(name)))
            .cloned()
    }

    /// Imports `full` (its parent packages first) and returns its module.
    pub fn import_module(&mut self, full: &str) -> R<Value> {
        if let Some(m) = self.loaded_module(full) {
            if matches!(m, Value::None) {
                return Err(not_found(full, ""));
            }
            return Ok(m);
        }
        let (parent, last) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(self.import_module(p)?), l),
            None => (None, full),
        };
        // A parent's import may have imported this one (`os` makes `os.path`).
        if let Some(m) = self.loaded_module(full) {
            return Ok(m);
        }
        let m = match self.builtin_module(full) {
            Some(m) => {
                self.cache_module(full, m.clone());
                m
            }
            None => {
                let source = match (self.bindings.stdlib_source)(full) {
                    Some(s) => Some(s),
                    None => self.find_source(full, last, parent.as_ref())?,
                };
                match source {
                    Some(s) => self.run_source_module(full, s, None)?,
                    None => return Err(not_found(full, &self.available_hint(full))),
                }
            }
        };
        // A submodule is an attribute of its package once imported.
        if let Some(Value::Module(p)) = &parent {
            if self.module_attr(p, last).is_none() || p.globals.is_some() {
                self.set_module_attr(p, last, m.clone());
            }
        }
        Ok(m)
    }

    /// Puts `__main__` (the session's own module) in `sys.modules`.
    pub fn cache_main(&mut self) {
        let main = Value::Module(self.main.clone());
        self.cache_module("__main__", main);
    }

    fn cache_module(&mut self, name: &str, m: Value) {
        self.sys_modules
            .borrow_mut()
            .insert(Key(Value::str(name)), m);
    }

    /// A module the session built at start (torch, math …) or the bindings build on first
    /// import (`_os` …).
    fn builtin_module(&mut self, full: &str) -> Option<Value> {
        if let Some(m) = self.modules.get(full) {
            return Some(m.clone());
        }
        let m = (self.bindings.builtin_module)(self, full)?;
        self.modules.insert(full.to_string(), m.clone());
        Some(m)
    }

    /// `name.py` or `name/__init__.py` on `sys.path` (a submodule: in its package's folder).
    fn find_source(&mut self, full: &str, last: &str, parent: Option<&Value>) -> R<Option<Source>> {
        let dirs: Vec<String> = match parent {
            None => self
                .sys_path
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            Some(Value::Module(p)) => match self.module_attr(p, "__path__") {
                Some(path) => self
                    .collect(&path)?
                    .iter()
                    .filter_map(|v| match v {
                        Value::Str(s) => Some(s.to_string()),
                        _ => None,
                    })
                    .collect(),
                // A plain module has no submodules.
                None => return Err(not_found(full, &format!("; '{}' is not a package", p.name))),
            },
            Some(_) => return Ok(None),
        };
        for dir in dirs {
            let base = if dir.is_empty() {
                std::path::PathBuf::from(".")
            } else {
                std::path::PathBuf::from(&dir)
            };
            let join = |p: &std::path::Path| -> String {
                if dir.is_empty() {
                    p.strip_prefix(".")
                        .unwrap_or(p)
                        .to_string_lossy()
                        .into_owned()
                } else {
                    p.to_string_lossy().into_owned()
                }
            };
            let pkg = base.join(last);
            let init = pkg.join("__init__.py");
            if init.is_file() {
                let text = read_source(&init)?;
                return Ok(Some(Source {
                    file: join(&init),
                    text,
                    package: Some(join(&pkg)),
                }));
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                let text = read_source(&file)?;
                return Ok(Some(Source {
                    file: join(&file),
                    text,
                    package: None,
                }));
            }
        }
        Ok(None)
    }

    /// Runs a module's source in a fresh module object (or, for `importlib.reload`, in the
    /// module it already has), cached in `sys.modules` while it runs.
    pub fn run_source_module(
        &mut self,
        name: &str,
        s: Source,
        existing: Option<Rc<ModuleObj>>,
    ) -> R<Value> {
        let m = existing.unwrap_or_else(|| {
            Rc::new(ModuleObj {
                name: Rc::from(name),
                attrs: RefCell::new(IndexMap::new()),
                globals: Some(Rc::new(RefCell::new(Vec::new()))),
            })
        });
        let mv = Value::Module(m.clone());
        self.cache_module(name, mv.clone());
        let package = match &s.package {
            Some(_) => name.to_string(),
            None => name.rsplit_once('.').map(|p| p.0).unwrap_or("").to_string(),
        };
        self.set_module_attr(&m, "__name__", Value::str(name));
        self.set_module_attr(&m, "__file__", Value::str(&s.file));
        self.set_module_attr(&m, "__package__", Value::str(&package));
        if self.module_attr(&m, "__doc__").is_none() {
            self.set_module_attr(&m, "__doc__", Value::None);
        }
        if let Some(dir) = &s.package {
            self.set_module_attr(&m, "__path__", Value::list(vec![Value::str(dir)]));
        }
        let modified = std::fs::metadata(&s.file).and_then(|m| m.modified()).ok();
        let r = self.exec_module_source(&m, &s.file, s.text);
        if let (Ok(()), Some(t)) = (&r, modified) {
            self.ext
                .get::<ModuleTimes>()
                .0
                .insert(name.to_string(), (s.file.clone(), t));
        }
        if r.is_err() {
            self.sys_modules
                .borrow_mut()
                .shift_remove(&Key(Value::str(name)));
        }
        r.map(|()| mv)
    }

    /// Parses and runs `text` as the code of module `m`.
    pub fn exec_module_source(&mut self, m: &Rc<ModuleObj>, file: &str, text: String) -> R<()> {
        let src = Rc::new(SourceFile {
            name: file.to_string(),
            text,
        });
        self.sources.insert(file.to_string(), src.clone());
        let (module, errors) = crate::syntax::parse(&src.text);
        if let Some(e) = errors.first() {
            return Err(syntax_error(&src, e.span, &e.msg));
        }
        let mut module = module.unwrap_or_default();
        let mut resolver = super::resolve::Resolver::new(&mut self.syms);
        resolver.module(&mut module.body);
        if let Some((span, msg)) = resolver.errors.first().cloned() {
            return Err(syntax_error(&src, span, &msg));
        }
        if let Some(crate::syntax::ast::Stmt {
            kind: crate::syntax::ast::StmtKind::Expr(e),
            ..
        }) = module.body.first()
        {
            if let crate::syntax::ast::ExprKind::Str(doc) = &e.kind {
                self.set_module_attr(m, "__doc__", Value::Str(doc.clone()));
            }
        }
        let saved_src = std::mem::replace(&mut self.src, src);
        let saved_env = self.env.take();
        let saved_ns = self.class_ns.take();
        let saved_module = self.enter_module(m);
        let r = Interp::top_level(self.exec_block(&module.body));
        self.enter_module(&saved_module);
        self.class_ns = saved_ns;
        self.env = saved_env;
        self.src = saved_src;
        r
    }

    /// `importlib.reload(module)`: runs its source again in the same module object.
    pub fn reload_module(&mut self, v: &Value) -> R<Value> {
        let Value::Module(m) = v else {
            return Err(super::exc::type_err("reload() argument must be a module"));
        };
        if m.globals.is_none() {
            // A built-in module has no source to run again.
            return Ok(v.clone());
        }
        let name = m.name.to_string();
        let s = match (self.bindings.stdlib_source)(&name) {
            Some(s) => s,
            None => {
                let Some(Value::Str(file)) = self.module_attr(m, "__file__") else {
                    return Err(err(
                        "ImportError",
                        format!("module {name} has no source file"),
                    ));
                };
                let path = std::path::Path::new(&*file);
                let package = self.module_attr(m, "__path__").and_then(|p| match p {
                    Value::List(l) => match l.borrow().first() {
                        Some(Value::Str(d)) => Some(d.to_string()),
                        _ => None,
                    },
                    _ => None,
                });
                Source {
                    file: file.to_string(),
                    text: read_source(path)?,
                    package,
                }
            }
        };
        self.run_source_module(&name, s, Some(m.clone()))
    }

    /// `%autoreload`: runs again every module whose source file changed since it ran.
    pub fn reload_changed(&mut self) -> R<()> {
        let changed: Vec<String> = self
            .ext
            .get::<ModuleTimes>()
            .0
            .iter()
            .filter(|(_, (file, t))| {
                std::fs::metadata(file)
                    .and_then(|m| m.modified())
                    .is_ok_and(|now| now != *t)
            })
            .map(|(name, _)| name.clone())
            .collect();
        for name in changed {
            if let Some(m) = self.loaded_module(&name) {
                self.reload_module(&m)?;
            } else {
                self.ext.get::<ModuleTimes>().0.remove(&name);
            }
        }
        Ok(())
    }

    /// The standard modules nabla offers, for a ModuleNotFoundError's message.
    fn available_hint(&self, full: &str) -> String {
        let top = full.split('.').next().unwrap_or(full);
        if let Some(why) = full
            .strip_prefix("torch.")
            .and_then(|rest| super::coming::coming(rest.split('.').next().unwrap_or(rest)))
        {
            return format!(": not available in this build yet ({why})");
        }
        let mut names: Vec<String> = (self.bindings.module_names)()
            .into_iter()
            .map(str::to_string)
            .chain(self.modules.keys().cloned())
            .filter(|n| !n.starts_with('_') && !n.contains('.'))
            .collect();
        names.sort();
        names.dedup();
        let place = match top {
            "pandas" => {
                "nabla has no pandas (build tensors with torch.tensor from lists); ".to_string()
            }
            _ => String::new(),
        };
        format!(
            " ({place}it is not beside the script or on sys.path, and nabla's built-in modules are: {})",
            names.join(", ")
        )
    }
}

fn read_source(p: &std::path::Path) -> R<String> {
    std::fs::read_to_string(p).map_err(|e| {
        err(
            "ImportError",
            format!("cannot read {}: {e}", p.to_string_lossy()),
        )
    })
}

fn not_found(full: &str, hint: &str) -> Ctrl {
    err(
        "ModuleNotFoundError",
        format!("No module named '{full}'{hint}"),
    )
}

/// Whether an import failed because `name` itself was not found (not something it imports).
fn is_not_found(e: &super::exc::PyErr, name: &str) -> bool {
    match &e.exc {
        super::exc::Exc::Builtin { class, msg } => {
            *class == "ModuleNotFoundError" && msg.starts_with(&format!("No module named '{name}'"))
        }
        _ => false,
    }
}

fn syntax_error(src: &Rc<SourceFile>, span: Span, msg: &str) -> Ctrl {
    let mut e = err("SyntaxError", msg);
    if let Ctrl::Raise(p) = &mut e {
        p.span = Some((src.clone(), span));
    }
    e
}
