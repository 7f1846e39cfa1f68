//! The language: nabla's values, its interpreter, calls, exceptions, the Python built-ins
//! and built-in types, and tensors as values (operators, indexing, attributes). It imports no
//! binding: torch/, nn/, plt/, nabla/ and tools/ build on it, never the other way.

pub(crate) mod access;
pub(crate) mod bindings;
pub mod builtins;
pub(crate) mod bytes;
pub(crate) mod call;
pub(crate) mod coming;
pub(crate) mod containers;
pub(crate) mod exc;
pub(crate) mod expr;
pub(crate) mod format;
pub(crate) mod generator;
pub(crate) mod import;
pub(crate) mod interp;
pub(crate) mod introspect;
pub(crate) mod items;
pub(crate) mod iter;
pub(crate) mod op_methods;
pub(crate) mod ops;
pub(crate) mod resolve;
pub mod sink;
pub(crate) mod strings;
pub(crate) mod subclass;
pub(crate) mod tensor_access;
pub(crate) mod value;
