//! Reverse-mode autograd: the backward walk ([`backward`], [`grad`]) over the graph that
//! src/tensor/ records, and the derivative of every recorded op (rules.rs, one match).

mod engine;
mod rules;

pub use crate::tensor::graph::{
    is_grad_enabled, live_nodes, no_grad, piecewise_constant, rename, set_grad_enabled, GradFn,
    GradMode, Node,
};
pub use engine::{backward, grad, sum_to, Hooks};
