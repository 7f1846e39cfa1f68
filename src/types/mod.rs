//! The vocabulary every layer shares: element types, devices, layouts, scalars and errors.
//! It sits below the backends (which see layouts and dtypes, never a `Tensor`).

mod device;
mod dtype;
mod error;
mod layout;
mod scalar;

pub use device::Device;
pub use dtype::{Category, DType, Element};
pub use error::{human_bytes, AutogradError, Error, Result};
pub use layout::{checked_numel, contiguous_strides, join, Dims, Layout, Size};
pub use scalar::{python_float_repr, Scalar};
