//! What the language asks of the bindings built on it. lang/ imports no binding: where it
//! needs one (a tensor's methods, torch's `out=`), it calls through `Bindings`, which
//! eval/mod.rs fills in when a session starts; where a binding keeps state in a session
//! (plt's figures, `random`'s generator), it keeps it in `Extensions`.

use super::builtins::Builtin;
use super::interp::Interp;
use super::value::Value;
use crate::autograd::Node;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// The bindings' answers to the language's questions.
pub struct Bindings {
    /// A tensor's built-in method (`x.sum`).
    pub tensor_method: fn(&str) -> Option<&'static Builtin>,
    /// The names of a tensor's methods, for `dir(x)` and completion.
    pub tensor_method_names: fn() -> Vec<&'static str>,
    /// `y.grad_fn`: the object standing for the autograd node that made a tensor.
    pub grad_fn: fn(&mut Interp, &Arc<Node>) -> Value,
    /// Whether a built-in function writes its result into `out=` (torch's functions do).
    pub takes_out: fn(&'static Builtin) -> bool,
    /// A built-in module made on its first import (`_os`, `importlib` …).
    pub builtin_module: fn(&mut Interp, &str) -> Option<Value>,
    /// A standard module written in Python and embedded in the binary: its source.
    pub stdlib_source: fn(&str) -> Option<super::import::Source>,
    /// Every module name the bindings offer, for ModuleNotFoundError's message.
    pub module_names: fn() -> Vec<&'static str>,
}

/// Each binding's state in a session, one value per type, made on first use.
#[derive(Default)]
pub struct Extensions(HashMap<TypeId, Box<dyn Any>>);

impl Extensions {
    /// The session's `T`, made with `T::default()` the first time.
    pub fn get<T: Default + 'static>(&mut self) -> &mut T {
        self.0
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()))
            .downcast_mut::<T>()
            // Every entry is stored under its own value's TypeId, so the box holds a T.
            .expect("an extension is stored under its own TypeId")
    }
}
