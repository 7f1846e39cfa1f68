//! The tree-walking interpreter: statements, expressions, assignment, scopes.

use super::bindings::{Bindings, Extensions};
use super::exc::{self, err, type_err, Ctrl, Exc, PyErr, R};
use super::resolve::Symbols;
use super::sink::Sink;
use super::value::*;
use crate::syntax::ast::*;
use crate::syntax::token::Span;
use crate::PrintOptions;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct Interp {
    pub syms: Symbols,
    /// The running module's globals (`module`'s, shared with it).
    pub globals: Globals,
    /// The module whose code runs now: `__main__`, or an imported one.
    pub module: Rc<ModuleObj>,
    /// `__main__`: the script, the REPL's or the notebook's namespace.
    pub main: Rc<ModuleObj>,
    /// `sys.modules`: every module imported so far, by name.
    pub sys_modules: Rc<RefCell<Dict>>,
    /// `sys.path`: where `import` looks for source modules and packages.
    pub sys_path: Rc<RefCell<Vec<Value>>>,
    pub builtins: Vec<Option<Value>>,
    pub env: Option<Rc<Env>>,
    pub class_ns: Option<Rc<RefCell<IndexMap<Ident, Value>>>>,
    pub src: Rc<SourceFile>,
    pub exc_classes: IndexMap<&'static str, Rc<Class>>,
    pub print_opts: PrintOptions,
    pub sink: Box<dyn Sink>,
    pub interrupt: Arc<AtomicBool>,
    pub depth: usize,
    pub modules: IndexMap<String, Value>,
    /// Exceptions being handled (for a bare `raise`).
    pub handling: Vec<Value>,
    /// What the language asks of the bindings (a tensor's methods, `out=`).
    pub bindings: &'static Bindings,
    /// The bindings' state in this session (plt's figures, `random`'s generator).
    pub ext: Extensions,
    /// torch's generator (`torch.manual_seed`).
    pub torch_gen: crate::Generator,
    pub argv: Vec<String>,
    /// User functions being run, innermost last (for `super()`).
    pub calls: Vec<Rc<Function>>,
    /// Classes standing for built-in types without a constructor (`type(None)`).
    pub type_classes: std::collections::HashMap<String, Rc<Class>>,
    pub tensor_class: Option<Rc<Class>>,
    /// `nn.Module`, the base of the built-in layers and of users' models.
    pub module_class: Option<Rc<Class>>,
    /// `nn.Parameter`, a subclass of `torch.Tensor`.
    pub parameter_class: Option<Rc<Class>>,
    pub size_class: Option<Rc<Class>>,
    /// When the session started (`time.perf_counter`).
    pub start: std::time::Instant,
    /// Tensor hooks (`register_hook`) by id: backward calls them.
    pub hooks: Rc<RefCell<std::collections::HashMap<u64, Value>>>,
    pub next_hook: u64,
    /// The source of every file, module and cell run, by name (`inspect.getsource`).
    pub sources: std::collections::HashMap<String, Rc<SourceFile>>,
    /// The statement running now (for `sys._getframe().f_lineno`, warnings' `file:line`).
    pub cur: Span,
    /// Where each running user function was called from, innermost last (beside `calls`).
    pub call_sites: Vec<(Rc<SourceFile>, Span)>,
    /// The running generator's way back to whoever resumed it (None outside generators).
    pub yielder: Option<*const super::generator::GenYielder>,
    /// How many generators are running now, one inside the other (each on its own stack).
    pub in_generator: usize,
    /// Generators dropped while paused, to close at the next statement.
    pub closing: Rc<super::generator::Closing>,
    /// Stacks of finished generators, kept for the next ones.
    pub stack_pool: Vec<corosensei::stack::DefaultStack>,
    /// Warnings already shown (Python shows a warning once per place).
    pub warned: std::collections::HashSet<String>,
}

impl Interp {
    /// Writes `UserWarning: {text}` to stderr the first time, as Python's warnings do.
    pub fn warn_once(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if self.warned.insert(text.to_string()) {
            self.sink.stderr(&format!("UserWarning: {text}\n"));
        }
    }

    pub fn check_interrupt(&self) -> R<()> {
        if self.interrupt.load(Ordering::Relaxed) {
            self.interrupt.store(false, Ordering::Relaxed);
            return Err(err("KeyboardInterrupt", ""));
        }
        Ok(())
    }

    pub fn set_global(&mut self, name: &str, v: Value) {
        let s = self.syms.intern(name) as usize;
        let mut g = self.globals.borrow_mut();
        if g.len() <= s {
            g.resize(s + 1, None);
        }
        g[s] = Some(v);
    }

    /// A built-in name's value (`NotImplemented`, `abs` …).
    pub fn get_builtin(&self, name: &str) -> Option<Value> {
        let s = *self.syms.ids.get(name)? as usize;
        self.builtins.get(s).cloned().flatten()
    }

    /// A global of the running module.
    pub fn get_global(&mut self, name: &str) -> Option<Value> {
        let s = self.syms.intern(name) as usize;
        self.globals.borrow().get(s).cloned().flatten()
    }

    /// Runs `f` with room on the stack: grows it on the heap when deep recursion nears its end.
    /// Inside a generator (its own large stack) `f` runs as it is.
    #[inline]
    pub fn grow<T>(&mut self, red_zone: usize, f: impl FnOnce(&mut Interp) -> T) -> T {
        if self.in_generator > 0 {
            return f(self);
        }
        stacker::maybe_grow(red_zone, 16 * red_zone, || f(self))
    }

    /// Attaches a span to an error that has none yet (the innermost node that knows wins).
    #[inline]
    pub fn at<T>(&self, r: R<T>, span: Span) -> R<T> {
        match r {
            Err(Ctrl::Raise(mut e)) if e.span.is_none() => {
                e.span = Some((self.src.clone(), span));
                Err(Ctrl::Raise(e))
            }
            r => r,
        }
    }

    // ---------------------------------------------------------------- statements

    pub fn exec_block(&mut self, body: &[Stmt]) -> R<()> {
        for s in body {
            self.exec(s)?;
        }
        Ok(())
    }

    pub fn exec(&mut self, s: &Stmt) -> R<()> {
        self.cur = s.span;
        if self.closing.pending.get() {
            self.close_dropped_generators();
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e)?;
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval(value)?;
                for t in targets {
                    self.assign(t, v.clone())?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign(target, ann, value) => {
                if let Some(v) = value {
                    let v = self.eval(v)?;
                    self.assign(target, v)?;
                }
                // `x: int` in a class body or at module level: kept in `__annotations__`.
                if let (ExprKind::Name(n), true) =
                    (&target.kind, self.env.is_none() || self.class_ns.is_some())
                {
                    let a = self.eval(ann)?;
                    self.annotate(&n.id, a);
                }
            }
            StmtKind::Def(f) => {
                let func = self.make_function(f)?;
                let mut v = func;
                for d in f.decorators.iter().rev() {
                    let dec = self.eval(d)?;
                    let r = self.call(&dec, vec![v], vec![]);
                    v = self.at(r, d.span)?;
                }
                self.store_name(
                    &Name {
                        id: f.name.clone(),
                        res: f.bind,
                    },
                    v,
                    s.span,
                )?;
            }
            StmtKind::Class(c) => {
                let v = self.make_class(c)?;
                self.store_name(
                    &Name {
                        id: c.name.clone(),
                        res: c.bind,
                    },
                    v,
                    s.span,
                )?;
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e)?,
                    None => Value::None,
                };
                return Err(Ctrl::Return(v));
            }
            StmtKind::If(c, a, b) => {
                let cond = self.eval(c)?;
                let t = self.truthy(&cond);
                if self.at(t, c.span)? {
                    self.exec_block(a)?
                } else {
                    self.exec_block(b)?
                }
            }
            StmtKind::While(c, body, orelse) => loop {
                self.check_interrupt()?;
                let cond = self.eval(c)?;
                let t = self.truthy(&cond);
                if !self.at(t, c.span)? {
                    self.exec_block(orelse)?;
                    break;
                }
                match self.exec_block(body) {
                    Ok(()) | Err(Ctrl::Continue) => {}
                    Err(Ctrl::Break) => break,
                    Err(e) => return Err(e),
                }
            },
            StmtKind::For(target, iter, body, orelse) => {
                self.exec_for(target, iter, body, orelse)?
            }
            StmtKind::Break => return Err(Ctrl::Break),
            StmtKind::Continue => return Err(Ctrl::Continue),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::With(items, body) => self.exec_with(items, body)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finally,
            } => self.exec_try(body, handlers, orelse, finally)?,
            StmtKind::Raise(e, _cause) => {
                let r = self.raise(e.as_ref());
                return self.at(r, s.span);
            }
            StmtKind::Assert(c, msg) => {
                let v = self.eval(c)?;
                if !self.truthy(&v)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(m)?],
                        None => vec![],
                    };
                    let class = self.exc_class("AssertionError");
                    let r: R<()> = Err(self.raise_value(exc::instance(class, args)));
                    return self.at(r, s.span);
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    let r = self.delete(t);
                    self.at(r, t.span)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let r = self.import(a);
                    self.at(r, a.span)?;
                }
            }
            StmtKind::ImportFrom(module, aliases, level) => {
                let r = self.import_from(module, aliases, *level, s.span);
                self.at(r, s.span)?;
            }
            StmtKind::Error => return Err(err("SyntaxError", "this statement did not parse")),
        }
        Ok(())
    }

    fn exec_for(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt]) -> R<()> {
        let seq = self.eval(iter)?;
        // Fast path: a range needs no iterator object.
        if let Value::Range(r) = &seq {
            let [start, stop, step] = **r;
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                self.check_interrupt()?;
                self.assign(target, Value::Int(i))?;
                match self.exec_block(body) {
                    Ok(()) | Err(Ctrl::Continue) => {}
                    Err(Ctrl::Break) => return Ok(()),
                    Err(e) => return Err(e),
                }
                i += step;
            }
            return self.exec_block(orelse);
        }
        let it = self.iter(&seq);
        let mut it = self.at(it, iter.span)?;
        loop {
            self.check_interrupt()?;
            let next = self.next(&mut it);
            let Some(v) = self.at(next, iter.span)? else {
                break;
            };
            self.assign(target, v)?;
            match self.exec_block(body) {
                Ok(()) | Err(Ctrl::Continue) => {}
                Err(Ctrl::Break) => return Ok(()),
                Err(e) => return Err(e),
            }
        }
        self.exec_block(orelse)
    }

    fn exec_with(&mut self, items: &[(Expr, Option<Expr>)], body: &[Stmt]) -> R<()> {
        let Some(((e, target), rest)) = items.split_first() else {
            return self.exec_block(body);
        };
        let mgr = self.eval(e)?;
        let entered = self.call_method(&mgr, "__enter__", vec![], vec![]);
        let entered = self.at(entered, e.span)?;
        if let Some(t) = target {
            self.assign(t, entered)?;
        }
        let mut result = self.exec_with(rest, body);
        // `__exit__(type, value, traceback)`: the exception's class and object (nabla keeps
        // no traceback objects: None), or three Nones.
        let args = match &mut result {
            Err(Ctrl::Raise(e)) => {
                let v = self.exc_value(e);
                let t = self.type_of(&v);
                vec![t, v, Value::None]
            }
            _ => vec![Value::None, Value::None, Value::None],
        };
        let suppress_possible = !matches!(args[0], Value::None);
        let exit = self.call_method(&mgr, "__exit__", args, vec![]);
        let exit = self.at(exit, e.span)?;
        if suppress_possible && self.truthy(&exit)? {
            return Ok(());
        }
        result
    }

    fn exec_try(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finally: &[Stmt],
    ) -> R<()> {
        let mut result = self.exec_block(body);
        if let Err(Ctrl::Raise(e)) = result {
            result = self.handle(e, handlers);
        } else if result.is_ok() {
            result = self.exec_block(orelse);
        }
        if !finally.is_empty() {
            // `finally` runs whatever happened; its own return/break/raise wins.
            self.exec_block(finally)?;
        }
        result
    }

    fn handle(&mut self, e: Box<PyErr>, handlers: &[Handler]) -> R<()> {
        let mut e = e;
        let value = self.exc_value(&mut e);
        for h in handlers {
            let matches = match &h.class {
                None => true,
                Some(c) => {
                    let cls = self.eval(c)?;
                    let m = self.exc_matches(&value, &cls);
                    self.at(m, c.span)?
                }
            };
            if matches {
                if let Some(n) = &h.name {
                    self.store_name(n, value.clone(), h.span)?;
                }
                self.handling.push(value);
                let r = self.exec_block(&h.body);
                self.handling.pop();
                return r;
            }
        }
        Err(Ctrl::Raise(e))
    }

    /// The exception object, made now if it was raised as a class name and message.
    pub fn exc_value(&mut self, e: &mut PyErr) -> Value {
        match &e.exc {
            Exc::Object(v) => v.clone(),
            Exc::Builtin { class, msg } => {
                let cls = self.exc_class(class);
                let args = if msg.is_empty()
                    && (*class == "KeyboardInterrupt" || *class == "StopIteration")
                {
                    vec![]
                } else if let Some(key) = (*class == "KeyError")
                    .then(|| msg.strip_prefix('\'')?.strip_suffix('\''))
                    .flatten()
                    .filter(|k| !k.contains('\''))
                {
                    // A KeyError given as 'key': its argument is the key itself, and its
                    // str() the key's repr. Other messages are the argument as they are.
                    vec![Value::str(key)]
                } else {
                    vec![Value::str(msg)]
                };
                let v = exc::instance(cls, args);
                e.exc = Exc::Object(v.clone());
                v
            }
        }
    }

    pub fn exc_class(&self, name: &str) -> Rc<Class> {
        self.exc_classes
            .get(name)
            .or_else(|| self.exc_classes.get("RuntimeError"))
            .cloned()
            .unwrap_or_else(|| {
                Rc::new(Class {
                    name: Rc::from(name),
                    base: None,
                    ns: RefCell::new(IndexMap::new()),
                    builtin: true,
                    meta: None,
                })
            })
    }

    fn exc_matches(&mut self, value: &Value, cls: &Value) -> R<bool> {
        match cls {
            Value::Class(c) => {
                if !exc::is_exception_class(c) {
                    return Err(type_err(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(matches!(value, Value::Instance(i) if i.class.is_subclass_of(c)))
            }
            Value::Tuple(items) => {
                for c in items.iter() {
                    if self.exc_matches(value, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_err(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    pub fn raise_value(&self, v: Value) -> Ctrl {
        Ctrl::Raise(Box::new(PyErr {
            exc: Exc::Object(v),
            span: None,
            trace: Vec::new(),
            hint: None,
        }))
    }

    fn raise(&mut self, e: Option<&Expr>) -> R<()> {
        let Some(e) = e else {
            return match self.handling.last() {
                Some(v) => Err(self.raise_value(v.clone())),
                None => Err(err("RuntimeError", "No active exception to reraise")),
            };
        };
        let v = self.eval(e)?;
        match &v {
            Value::Class(c) if exc::is_exception_class(c) => {
                let inst = self.call(&v, vec![], vec![])?;
                Err(self.raise_value(inst))
            }
            Value::Instance(i) if exc::is_exception_class(&i.class) => Err(self.raise_value(v)),
            _ => Err(type_err("exceptions must derive from BaseException")),
        }
    }

    /// Records `name: annotation` in the class body's or the module's `__annotations__`.
    fn annotate(&mut self, name: &Ident, a: Value) {
        let key = Key(Value::Str(name.clone()));
        if let Some(ns) = self.class_ns.clone() {
            let d = ns.borrow().get("__annotations__").cloned();
            match d {
                Some(Value::Dict(d)) => {
                    d.borrow_mut().insert(key, a);
                }
                _ => {
                    let mut d = Dict::new();
                    d.insert(key, a);
                    ns.borrow_mut()
                        .insert(Rc::from("__annotations__"), Value::dict(d));
                }
            }
            return;
        }
        match self.get_global("__annotations__") {
            Some(Value::Dict(d)) => {
                d.borrow_mut().insert(key, a);
            }
            _ => {
                let mut d = Dict::new();
                d.insert(key, a);
                self.set_global("__annotations__", Value::dict(d));
            }
        }
    }

    // ---------------------------------------------------------------- names

    #[inline]
    pub fn load(&mut self, n: &Name) -> R<Value> {
        match n.res {
            Res::Local(slot) => {
                let env = self
                    .env
                    .as_ref()
                    .ok_or_else(|| err("SystemError", "no frame"))?;
                match env.slots.borrow().get(slot as usize) {
                    Some(Some(v)) => Ok(v.clone()),
                    _ => Err(err(
                        "UnboundLocalError",
                        format!("cannot access local variable '{}' where it is not associated with a value", n.id),
                    )),
                }
            }
            Res::Enclosing { depth, slot } => {
                let mut env = self.env.clone();
                for _ in 0..depth {
                    env = env.and_then(|e| e.parent.clone());
                }
                match env.and_then(|e| e.slots.borrow().get(slot as usize).cloned().flatten()) {
                    Some(v) => Ok(v),
                    None => Err(err(
                        "NameError",
                        format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n.id),
                    )),
                }
            }
            Res::Global(sym) => self.load_global(sym, &n.id),
            Res::Class(sym) => {
                if let Some(ns) = &self.class_ns {
                    if let Some(v) = ns.borrow().get(&n.id) {
                        return Ok(v.clone());
                    }
                }
                self.load_global(sym, &n.id)
            }
            Res::Unresolved => Err(err("SystemError", format!("unresolved name '{}'", n.id))),
        }
    }

    #[inline]
    fn load_global(&self, sym: u32, id: &str) -> R<Value> {
        let s = sym as usize;
        if let Some(Some(v)) = self.globals.borrow().get(s) {
            return Ok(v.clone());
        }
        if let Some(Some(v)) = self.builtins.get(s) {
            return Ok(v.clone());
        }
        Err(err("NameError", format!("name '{id}' is not defined")))
    }

    pub fn store_name(&mut self, n: &Name, v: Value, _span: Span) -> R<()> {
        match n.res {
            Res::Local(slot) => {
                if let Some(env) = &self.env {
                    let mut slots = env.slots.borrow_mut();
                    if let Some(s) = slots.get_mut(slot as usize) {
                        *s = Some(v);
                    }
                }
            }
            Res::Enclosing { depth, slot } => {
                let mut env = self.env.clone();
                for _ in 0..depth {
                    env = env.and_then(|e| e.parent.clone());
                }
                if let Some(env) = env {
                    if let Some(s) = env.slots.borrow_mut().get_mut(slot as usize) {
                        *s = Some(v);
                    }
                }
            }
            Res::Global(sym) => {
                let s = sym as usize;
                let mut g = self.globals.borrow_mut();
                if g.len() <= s {
                    g.resize(s + 1, None);
                }
                // The old value drops after the borrow ends (its __del__ may read globals).
                let old = g[s].replace(v);
                drop(g);
                drop(old);
            }
            Res::Class(_) => {
                if let Some(ns) = &self.class_ns {
                    ns.borrow_mut().insert(n.id.clone(), v);
                }
            }
            Res::Unresolved => {
                return Err(err("SystemError", format!("unresolved name '{}'", n.id)))
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- assignment

    pub fn assign(&mut self, target: &Expr, v: Value) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n, v, target.span),
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                let r = self.setattr(&o, name, v);
                self.at(r, target.span)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                let r = self.setitem(&o, i, v);
                self.at(r, target.span)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let r = self.unpack(v, items);
                let values = self.at(r, target.span)?;
                for (t, v) in items.iter().zip(values) {
                    self.assign(t, v)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.assign(inner, v),
            _ => Err(err("SyntaxError", "cannot assign to this expression")),
        }
    }

    /// Splits `v` into one value per target; a starred target takes a list of the rest.
    fn unpack(&mut self, v: Value, targets: &[Expr]) -> R<Vec<Value>> {
        let items = self.collect(&v)?;
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        match star {
            None => {
                if items.len() > targets.len() {
                    return Err(super::exc::value_err(format!(
                        "too many values to unpack (expected {})",
                        targets.len()
                    )));
                }
                if items.len() < targets.len() {
                    return Err(super::exc::value_err(format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(si) => {
                let after = targets.len() - si - 1;
                if items.len() < targets.len() - 1 {
                    return Err(super::exc::value_err(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    )));
                }
                let mut out: Vec<Value> = items[..si].to_vec();
                let mid = items[si..items.len() - after].to_vec();
                out.push(Value::list(mid));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self.load(n);
                let cur = self.at(cur, target.span)?;
                let rhs = self.eval(value)?;
                let r = self.inplace_op(op, cur, rhs);
                let v = self.at(r, Span::from(target.span.start..value.span.end))?;
                self.store_name(n, v, target.span)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                let cur = self.getattr(&o, name);
                let cur = self.at(cur, target.span)?;
                let rhs = self.eval(value)?;
                let r = self.inplace_op(op, cur, rhs);
                let v = self.at(r, Span::from(target.span.start..value.span.end))?;
                let r = self.setattr(&o, name, v);
                self.at(r, target.span)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                let cur = self.getitem(&o, &i);
                let cur = self.at(cur, target.span)?;
                let rhs = self.eval(value)?;
                let r = self.inplace_op(op, cur, rhs);
                let v = self.at(r, Span::from(target.span.start..value.span.end))?;
                let r = self.setitem(&o, i, v);
                self.at(r, target.span)
            }
            _ => Err(err(
                "SyntaxError",
                "illegal target for augmented assignment",
            )),
        }
    }

    fn delete(&mut self, t: &Expr) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.load(n)?;
                match n.res {
                    Res::Local(slot) => {
                        if let Some(env) = &self.env {
                            if let Some(s) = env.slots.borrow_mut().get_mut(slot as usize) {
                                *s = None;
                            }
                        }
                    }
                    Res::Global(sym) => {
                        let old = self
                            .globals
                            .borrow_mut()
                            .get_mut(sym as usize)
                            .and_then(Option::take);
                        drop(old);
                    }
                    Res::Class(_) => {
                        if let Some(ns) = &self.class_ns {
                            ns.borrow_mut().shift_remove(&n.id);
                        }
                    }
                    _ => {}
                }
                Ok(())
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.delitem(&o, &i)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                self.delattr(&o, name)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))
            }
            _ => Err(err("SyntaxError", "cannot delete this expression")),
        }
    }
}
