//! Generators: calling a function whose body yields makes a generator object; `next()` runs
//! its body until the next `yield` and hands out the value.
//!
//! The body runs on a stack of its own (a corosensei coroutine), so the tree-walking
//! interpreter needs no second, resumable form of every statement: a `yield` anywhere —
//! inside loops, `try`, `with`, expressions — suspends the coroutine where it is, and the next
//! `next()` resumes it there. Each switch hands over the interpreter's frame state (the
//! current frame, source, module, calls) so that both sides see their own.
//!
//! The interpreter lives in a `Box` inside `Session`, so its address is the same on every
//! resume; the body reaches it through the pointer each resume passes in.

use super::builtins::{table, Builtin};
use super::exc::{err, type_err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use crate::syntax::ast::Ident;
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Each generator's stack: address space reserved up front, memory used as it is touched.
const STACK_SIZE: usize = 64 << 20;
/// Finished generators' stacks kept for new ones.
const POOL: usize = 16;

/// What a resume asks of the body.
pub enum Resume {
    /// `next()` / `send(v)`: the value of the `yield` expression.
    Send(Value),
    /// `throw(exc)`: the `yield` raises it.
    Throw(Value),
}

/// One resume: the interpreter and what to do.
pub struct Input {
    it: *mut Interp,
    what: Resume,
}

pub type Co = Coroutine<Input, Value, R<Value>, DefaultStack>;
pub type GenYielder = Yielder<Input, Value>;

/// Generators dropped while paused, waiting to be closed (GeneratorExit raised where each
/// paused, so its `finally` blocks and `with` exits run) at the next statement.
#[derive(Default)]
pub struct Closing {
    pub pending: Cell<bool>,
    pub queue: RefCell<Vec<(Ident, Co)>>,
}

pub struct Generator {
    co: RefCell<Option<Co>>,
    pub name: Ident,
    running: Cell<bool>,
    closing: std::rc::Weak<Closing>,
}

impl Drop for Generator {
    /// Python closes a generator that goes away while paused; the interpreter cannot run
    /// code in the middle of dropping a value, so the coroutine waits in the session's
    /// queue until the next statement. (When the session itself is gone, its stack is
    /// unwound without running the generator's code.)
    fn drop(&mut self) {
        let Some(co) = self.co.get_mut().take() else {
            return;
        };
        if !co.started() || co.done() {
            return;
        }
        if let Some(c) = self.closing.upgrade() {
            if let Ok(mut q) = c.queue.try_borrow_mut() {
                q.push((self.name.clone(), co));
                c.pending.set(true);
            }
        }
    }
}

/// The interpreter state that belongs to whoever runs: the generator's body or its caller.
struct FrameState {
    env: Option<Rc<Env>>,
    src: Rc<SourceFile>,
    class_ns: Option<Rc<RefCell<indexmap::IndexMap<Ident, Value>>>>,
    module: Rc<ModuleObj>,
    depth: usize,
    calls: Vec<Rc<Function>>,
    handling: Vec<Value>,
    yielder: Option<*const GenYielder>,
    cur: crate::syntax::token::Span,
    call_sites: Vec<(Rc<SourceFile>, crate::syntax::token::Span)>,
}

impl Interp {
    fn save_frame(&self) -> FrameState {
        FrameState {
            env: self.env.clone(),
            src: self.src.clone(),
            class_ns: self.class_ns.clone(),
            module: self.module.clone(),
            depth: self.depth,
            calls: self.calls.clone(),
            handling: self.handling.clone(),
            yielder: self.yielder,
            cur: self.cur,
            call_sites: self.call_sites.clone(),
        }
    }

    fn restore_frame(&mut self, s: FrameState) {
        self.env = s.env;
        self.src = s.src;
        self.class_ns = s.class_ns;
        self.enter_module(&s.module);
        self.depth = s.depth;
        self.calls = s.calls;
        self.handling = s.handling;
        self.yielder = s.yielder;
        self.cur = s.cur;
        self.call_sites = s.call_sites;
    }

    /// Calling a generator function: binds the arguments now, runs nothing yet.
    pub(crate) fn make_generator(
        &mut self,
        f: &Rc<Function>,
        slots: Vec<Option<Value>>,
    ) -> R<Value> {
        let stack = match self.stack_pool.pop() {
            Some(s) => s,
            None => DefaultStack::new(STACK_SIZE).map_err(|e| {
                err(
                    "MemoryError",
                    format!("cannot make a generator's stack: {e}"),
                )
            })?,
        };
        let func = f.clone();
        let co = Coroutine::with_stack(stack, move |y: &GenYielder, input: Input| -> R<Value> {
            // SAFETY: the interpreter is boxed in its Session and outlives its generators'
            // runs; it is only used here while the caller is suspended inside `resume`.
            let it = unsafe { &mut *input.it };
            if let Resume::Throw(e) = input.what {
                return Err(it.raise_value(e));
            }
            it.yielder = Some(y as *const GenYielder);
            it.run_generator_body(&func, slots)
        });
        Ok(Value::Native(Rc::new(Generator {
            co: RefCell::new(Some(co)),
            name: f.def.name.clone(),
            running: Cell::new(false),
            closing: Rc::downgrade(&self.closing),
        })))
    }

    fn run_generator_body(&mut self, f: &Rc<Function>, slots: Vec<Option<Value>>) -> R<Value> {
        self.env = Some(Rc::new(Env {
            slots: RefCell::new(slots),
            parent: f.env.clone(),
        }));
        self.class_ns = None;
        let caller = (self.src.clone(), self.cur);
        self.src = f.src.clone();
        self.enter_module(&f.module);
        self.depth += 1;
        self.calls.push(f.clone());
        self.call_sites.push(caller);
        match self.exec_block(&f.def.body) {
            Ok(()) | Err(Ctrl::Break | Ctrl::Continue) => Ok(Value::None),
            Err(Ctrl::Return(v)) => Ok(v),
            Err(Ctrl::Raise(mut e)) => {
                if e.span.is_none() {
                    e.span = Some((f.src.clone(), f.def.span));
                }
                Err(Ctrl::Raise(e))
            }
        }
    }

    /// `yield v` in a generator's body: suspends it; the value of the expression is what the
    /// next resume sends (None for `next()`).
    #[inline(never)]
    pub fn yield_value(&mut self, v: Value) -> R<Value> {
        let Some(y) = self.yielder else {
            return Err(err("SyntaxError", "'yield' outside function"));
        };
        let mine = self.save_frame();
        // SAFETY: the yielder belongs to the coroutine running this code; it lives as long
        // as the coroutine's stack.
        let input = unsafe { &*y }.suspend(v);
        // SAFETY: as in make_generator: the same boxed interpreter, handed over again.
        let it = unsafe { &mut *input.it };
        it.restore_frame(mine);
        match input.what {
            Resume::Send(v) => Ok(v),
            Resume::Throw(e) => Err(it.raise_value(e)),
        }
    }

    /// `yield from iterable`: hands out each of its items; its value is a sub-generator's
    /// return value.
    pub fn yield_from(&mut self, v: Value) -> R<Value> {
        if let Some(g) = v.native::<Generator>() {
            let mut send = Value::None;
            loop {
                match g.resume(self, Resume::Send(send))? {
                    Step::Yielded(x) => send = self.yield_value(x)?,
                    Step::Returned(r) => return Ok(r),
                }
            }
        }
        let mut iter = self.iter(&v)?;
        while let Some(x) = self.next(&mut iter)? {
            self.yield_value(x)?;
        }
        Ok(Value::None)
    }
}

impl Interp {
    /// Closes the generators dropped while paused (see `Closing`).
    pub fn close_dropped_generators(&mut self) {
        self.closing.pending.set(false);
        let queue = std::mem::take(&mut *self.closing.queue.borrow_mut());
        for (name, mut co) in queue {
            let cls = self.exc_class("GeneratorExit");
            let e = super::exc::instance(cls.clone(), vec![]);
            let saved = self.save_frame();
            self.in_generator += 1;
            let r = co.resume(Input {
                it: self as *mut Interp,
                what: Resume::Throw(e),
            });
            self.in_generator -= 1;
            self.restore_frame(saved);
            // As CPython: an exception other than GeneratorExit is reported and ignored.
            let problem = match r {
                CoroutineResult::Yield(_) => {
                    Some("RuntimeError: generator ignored GeneratorExit".to_string())
                }
                CoroutineResult::Return(Ok(_)) => None,
                CoroutineResult::Return(Err(Ctrl::Raise(mut e))) => {
                    let v = self.exc_value(&mut e);
                    match &v {
                        Value::Instance(i) if i.class.is_subclass_of(&cls) => None,
                        _ => Some(format!(
                            "{}: {}",
                            v.type_name(),
                            self.str_of(&v).unwrap_or_default()
                        )),
                    }
                }
                CoroutineResult::Return(Err(_)) => None,
            };
            if let Some(p) = problem {
                self.sink.stderr(&format!(
                    "Exception ignored in: <generator object {name}>\n{p}\n"
                ));
            }
            if co.done() && self.stack_pool.len() < POOL {
                self.stack_pool.push(co.into_stack());
            }
        }
    }
}

pub enum Step {
    Yielded(Value),
    Returned(Value),
}

impl Generator {
    /// Runs the body to its next `yield` (or its end).
    pub fn resume(&self, it: &mut Interp, what: Resume) -> R<Step> {
        if self.running.get() {
            return Err(err("ValueError", "generator already executing"));
        }
        let mut slot = self.co.borrow_mut();
        let Some(co) = slot.as_mut() else {
            return match what {
                Resume::Throw(e) => Err(it.raise_value(e)),
                Resume::Send(_) => Ok(Step::Returned(Value::None)),
            };
        };
        if !co.started() {
            if let Resume::Send(v) = &what {
                if !matches!(v, Value::None) {
                    return Err(type_err(
                        "can't send non-None value to a just-started generator",
                    ));
                }
            }
        }
        let saved = it.save_frame();
        self.running.set(true);
        it.in_generator += 1;
        let r = co.resume(Input {
            it: it as *mut Interp,
            what,
        });
        it.in_generator -= 1;
        self.running.set(false);
        it.restore_frame(saved);
        match r {
            CoroutineResult::Yield(v) => Ok(Step::Yielded(v)),
            CoroutineResult::Return(r) => {
                if let Some(co) = slot.take() {
                    if it.stack_pool.len() < POOL {
                        it.stack_pool.push(co.into_stack());
                    }
                }
                r.map(Step::Returned)
            }
        }
    }

    /// `next(gen)`: the next value, or None at the end.
    pub fn next_value(&self, it: &mut Interp) -> R<Option<Value>> {
        match self.resume(it, Resume::Send(Value::None))? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }
}

impl Native for Generator {
    fn type_name(&self) -> &'static str {
        "generator"
    }
    fn repr(&self) -> String {
        format!("<generator object {} at {:#x}>", self.name, self.identity())
    }
    fn method(&self, name: &str) -> Option<&'static Builtin> {
        GENERATOR_METHODS.iter().find(|b| b.name == name)
    }
    fn dir(&self) -> Vec<&'static str> {
        GENERATOR_METHODS.iter().map(|b| b.name).collect()
    }
}

fn this(a: &mut super::builtins::Args) -> R<Rc<Generator>> {
    a.req(0, "self")?
        .native::<Generator>()
        .ok_or_else(|| type_err("descriptor needs a generator"))
}

/// StopIteration carrying a generator's return value.
pub fn stop(it: &mut Interp, v: Value) -> Ctrl {
    let cls = it.exc_class("StopIteration");
    let args = if matches!(v, Value::None) {
        vec![]
    } else {
        vec![v.clone()]
    };
    let e = super::exc::instance(cls, args);
    if let Value::Instance(i) = &e {
        i.attrs.borrow_mut().insert(Rc::from("value"), v);
    }
    it.raise_value(e)
}

table! { GENERATOR_METHODS:
    "__iter__", "generator.__iter__()", "The generator itself." => |_, a| a.req(0, "self");
    "__next__", "generator.__next__()", "Runs to the next yield and returns its value." => |it, a| {
        let g = this(a)?;
        match g.resume(it, Resume::Send(Value::None))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop(it, v)),
        }
    };
    "send", "generator.send(value)", "Resumes the generator; the paused yield expression evaluates to value." => |it, a| {
        let g = this(a)?;
        let v = a.req(1, "value")?;
        match g.resume(it, Resume::Send(v))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop(it, v)),
        }
    };
    "throw", "generator.throw(exception)", "Raises the exception where the generator is paused; returns the next value it yields." => |it, a| {
        let g = this(a)?;
        let mut e = a.req(1, "exception")?;
        if let Value::Class(_) = &e {
            e = it.call(&e, vec![], vec![])?;
        }
        match g.resume(it, Resume::Throw(e))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop(it, v)),
        }
    };
    "close", "generator.close()", "Raises GeneratorExit where the generator is paused, so its finally blocks run." => |it, a| {
        let g = this(a)?;
        if g.running.get() {
            return Err(err("ValueError", "generator already executing"));
        }
        let started = g.co.borrow().as_ref().is_some_and(|c| c.started());
        if !started {
            g.co.borrow_mut().take();
            return Ok(Value::None);
        }
        let cls = it.exc_class("GeneratorExit");
        let e = super::exc::instance(cls.clone(), vec![]);
        match g.resume(it, Resume::Throw(e)) {
            Ok(Step::Yielded(_)) => Err(err("RuntimeError", "generator ignored GeneratorExit")),
            Ok(Step::Returned(_)) => Ok(Value::None),
            Err(Ctrl::Raise(mut e)) => {
                let v = it.exc_value(&mut e);
                let stop_cls = it.exc_class("StopIteration");
                match &v {
                    Value::Instance(i) if i.class.is_subclass_of(&cls) || i.class.is_subclass_of(&stop_cls) => Ok(Value::None),
                    _ => Err(Ctrl::Raise(e)),
                }
            }
            Err(e) => Err(e),
        }
    };
}
