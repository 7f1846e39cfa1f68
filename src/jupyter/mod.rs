//! The Jupyter kernel: `nabla kernel -f FILE` (started by Jupyter), `nabla kernel install`,
//! and `nabla run NOTEBOOK.ipynb`. Thin over `Session`, as the REPL is.

mod handlers;
pub mod install;
pub mod kernel;
pub mod notebook;
mod sink;
