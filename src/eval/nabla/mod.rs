//! nabla's own modules: `nabla.data` (datasets), `nabla.io` (saving and loading), `nabla.models`.

pub(crate) mod data;
pub(crate) mod io;
pub(crate) mod models;
