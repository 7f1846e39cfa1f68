//! nabla: a tensor language for learning and experimenting with deep learning, with
//! PyTorch's names and Rust underneath.
//!
//! Module map (each module imports only the ones listed above it; `tests/architecture.rs`
//! checks this). src/README.md says where a new op, builtin, layer, plot function or kernel
//! message goes.
//!
//! - [`types`]: dtypes, devices, layouts, scalars, errors: the vocabulary every layer shares.
//! - [`backend`]: the backend contract, the op declarations, and the CPU kernels (buffers and
//!   layouts in, buffers out; never a `Tensor`).
//! - [`tensor`]: `Tensor`, creation, views, elementwise ops, promotion, printing, the RNG;
//!   reductions, sorting, linear algebra, indexing, joins, convolution and pooling; ops
//!   record their autograd node here (`tensor::graph`).
//! - [`autograd`]: the backward walk over the recorded graph and the derivative of every
//!   recorded op (one match, `rules.rs`).
//! - [`nn`]: `torch.nn` over `Tensor`: the functional layers and losses, PyTorch's
//!   weight initialisations (same random streams).
//! - [`optim`]: `torch.optim`: each optimizer's update of one parameter, the learning-rate
//!   schedules.
//! - [`data`]: `torch.utils.data`: sample orders as PyTorch draws them, batch plans,
//!   `TensorDataset` batches.
//! - [`io`]: files: NumPy's `.npy`/`.npz`, PyTorch's `.pt` (zip + pickle, both ways),
//!   safetensors, CSV; tensors in, tensors out.
//! - [`syntax`]: the lexer, the parser (chumsky), the syntax tree with spans, diagnostics
//!   (ariadne); imports nothing of the engine.
//! - [`display`]: figures (the model behind `plt.*`) and their renderers (terminal text,
//!   PNG/SVG, image protocols), tensors as HTML, progress-bar formatting.
//! - [`eval`]: the evaluator: `Session`, the import table, and in layers: `lang/` (values,
//!   interpreter, calls, exceptions, Python's built-ins, tensors as values), then the
//!   bindings on it: `torch/`, `nn/` (nn, optim, data), `plt/`, `nabla/`, `tools/`.
//! - [`repl`]: the terminal front end (rustyline): prompts, multi-line blocks, completion,
//!   colours, history, `:commands`, Ctrl-C.
//! - [`jupyter`]: the Jupyter kernel (sockets on tokio, the session on the main thread), the
//!   kernelspec, `nabla run NOTEBOOK.ipynb`.

pub mod autograd;
pub mod backend;
pub mod data;
pub mod display;
pub mod eval;
pub mod io;
pub mod jupyter;
pub mod nn;
pub mod optim;
pub mod repl;
pub mod syntax;
pub mod tensor;
pub mod types;

pub use tensor::{Arg, Generator, Nested, PrintOptions, Tensor};
pub use types::{DType, Device, Element, Error, Layout, Result, Scalar, Size};

/// The README's Rust examples, run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
