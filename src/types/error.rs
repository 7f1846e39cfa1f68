//! Errors as values: each variant carries the op and the operands, prints PyTorch's message,
//! and offers a one-line hint on how to fix it.

use super::{join, DType, Device};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the engine can refuse. `Display` is PyTorch's text for the same mistake, so a
/// tutorial's `except RuntimeError as e: print(e)` prints what it prints under PyTorch;
/// [`Error::hint`] adds how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {dim}", lhs[*dim + lhs.len() - out_ndim], rhs[*dim + rhs.len() - out_ndim])]
    BroadcastMismatch {
        op: &'static str,
        lhs: Vec<usize>,
        rhs: Vec<usize>,
        /// The dimension of the broadcast result where they disagree.
        dim: usize,
        out_ndim: usize,
    },

    #[error("The expanded size of the tensor ({target}) must match the existing size ({size}) at non-singleton dimension {dim}.  Target sizes: [{}].  Tensor sizes: [{}]", join(target_shape), join(shape))]
    ExpandMismatch {
        shape: Vec<usize>,
        target_shape: Vec<usize>,
        dim: usize,
        size: usize,
        target: usize,
    },

    #[error(
        "output with shape [{}] doesn't match the broadcast shape [{}]",
        join(out),
        join(broadcast)
    )]
    InPlaceShape {
        op: &'static str,
        out: Vec<usize>,
        broadcast: Vec<usize>,
    },

    #[error("shape '[{}]' is invalid for input of size {numel}", requested.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))]
    ShapeNumel {
        op: &'static str,
        requested: Vec<i64>,
        numel: usize,
    },

    #[error("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")]
    NotViewable {
        shape: Vec<usize>,
        strides: Vec<usize>,
        requested: Vec<usize>,
    },

    #[error("Dimension out of range (expected to be in range of [{}, {}], but got {dim})", -(*ndim as i64).max(1), (*ndim as i64).max(1) - 1)]
    DimOutOfRange {
        op: &'static str,
        dim: i64,
        ndim: usize,
    },

    #[error(
        "{op}(): index {index} out of range for tensor of size [{}] at dimension {dim}",
        join(shape)
    )]
    IndexOutOfRange {
        op: &'static str,
        index: i64,
        dim: usize,
        shape: Vec<usize>,
    },

    #[error("{message}")]
    DTypeMismatch {
        op: &'static str,
        lhs: DType,
        rhs: DType,
        message: String,
    },

    #[error("\"{op}\" not implemented for '{}'", dtype.scalar_type_name())]
    DTypeUnsupported { op: &'static str, dtype: DType },

    #[error("result type {} can't be cast to the desired output type {}", from.scalar_type_name(), to.scalar_type_name())]
    InPlaceCast {
        op: &'static str,
        from: DType,
        to: DType,
    },

    #[error("Expected all tensors to be on the same device, but found at least two devices, {lhs} and {rhs}!")]
    DeviceMismatch {
        op: &'static str,
        lhs: Device,
        rhs: Device,
    },

    #[error("CUDA is not available: {reason}; cannot use {device}")]
    DeviceUnavailable { device: Device, reason: String },

    /// A CUDA driver, NVRTC or cuBLAS call failed (out of GPU memory, a kernel error).
    #[error("CUDA error: {message}")]
    Cuda { message: String },

    #[error("CPU out of memory: tried to allocate {} but this machine has {} in all", human_bytes(*requested), human_bytes(*available))]
    OutOfMemory { requested: u128, available: u128 },

    #[error(
        "tensor of shape [{}] has more elements than can be addressed",
        join(shape)
    )]
    TooLarge { shape: Vec<usize> },

    #[error("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")]
    OverlappingWrite { op: &'static str },

    #[error("expected sequence of length {expected} at dim {dim} (got {got})")]
    Ragged {
        dim: usize,
        expected: usize,
        got: usize,
    },

    #[error(
        "not a sequence: expected a sequence of length {expected} at dim {dim}, found a number"
    )]
    NotASequence { dim: usize, expected: usize },

    #[error("expected a number at dim {dim}, found a sequence of length {got}")]
    NotANumber { dim: usize, got: usize },

    #[error("ZeroDivisionError")]
    ZeroDivision { op: &'static str },

    #[error("{op}: mat1 and mat2 shapes cannot be multiplied ({}x{} and {}x{})", lhs[0], lhs[1], rhs[0], rhs[1])]
    MatmulShape {
        op: &'static str,
        lhs: Vec<usize>,
        rhs: Vec<usize>,
    },

    /// What PyTorch reports as IndexError, in its words.
    #[error("{message}")]
    Index { op: &'static str, message: String },

    /// What PyTorch reports as NotImplementedError (an op undefined for a dtype, say).
    #[error("{message}")]
    NotImplemented { op: &'static str, message: String },

    /// An autograd mistake (backward of a non-scalar, a second backward, an in-place write
    /// autograd cannot allow); the message is PyTorch's, the kind picks the hint.
    #[error("{message}")]
    Autograd {
        kind: AutogradError,
        message: String,
    },

    /// Any other argument PyTorch would reject; the message is PyTorch's.
    #[error("{message}")]
    InvalidArgument { op: &'static str, message: String },

    /// What PyTorch reports as ValueError (a loss's mismatched shapes, an unknown
    /// `reduction=`), in its words, with a line on how to fix it where there is one.
    #[error("{message}")]
    Value {
        op: &'static str,
        message: String,
        hint: Option<String>,
    },
    /// A file that could not be read or written, in Python's words
    /// (`[Errno 2] No such file or directory: 'x.npy'`).
    #[error("{message}")]
    File {
        op: &'static str,
        message: String,
        not_found: bool,
    },
}

/// Which autograd mistake an [`Error::Autograd`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutogradError {
    /// `x.add_(1)` on a leaf that requires grad.
    LeafInPlace,
    /// `backward()` on a tensor that is not part of a graph.
    NoGradFn,
    /// `backward()` of a non-scalar without `gradient=`.
    NotScalar,
    /// A second backward through freed saved tensors.
    SecondBackward,
    /// A tensor saved for backward was overwritten in place.
    Modified,
    /// Anything else.
    Other,
}

impl Error {
    pub fn autograd(kind: AutogradError, message: impl Into<String>) -> Error {
        Error::Autograd {
            kind,
            message: message.into(),
        }
    }

    /// An error reading or writing `path`, worded as Python's `OSError`s are.
    pub fn file(op: &'static str, path: &std::path::Path, e: &std::io::Error) -> Error {
        let errno = e
            .raw_os_error()
            .map(|n| format!("[Errno {n}] "))
            .unwrap_or_default();
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "Is a directory".to_string(),
            _ => e.to_string(),
        };
        Error::File {
            op,
            message: format!("{errno}{what}: '{}'", path.display()),
            not_found: e.kind() == std::io::ErrorKind::NotFound,
        }
    }

    /// A ValueError with PyTorch's message.
    pub fn value(op: &'static str, message: impl Into<String>) -> Error {
        Error::Value {
            op,
            message: message.into(),
            hint: None,
        }
    }

    /// A ValueError with PyTorch's message and a line on how to fix it.
    pub fn value_hint(
        op: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Value {
            op,
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn invalid(op: &'static str, message: impl Into<String>) -> Error {
        Error::InvalidArgument {
            op,
            message: message.into(),
        }
    }

    /// The Python exception PyTorch raises for this error.
    pub fn python_class(&self) -> &'static str {
        match self {
            Error::DimOutOfRange { .. } | Error::IndexOutOfRange { .. } => "IndexError",
            Error::Ragged { .. } | Error::Value { .. } => "ValueError",
            Error::NotASequence { .. } | Error::NotANumber { .. } => "TypeError",
            Error::OutOfMemory { .. } => "torch.OutOfMemoryError",
            Error::DeviceUnavailable { reason, .. }
                if reason.contains("without the `cuda` feature") =>
            {
                "AssertionError"
            }
            Error::NotImplemented { .. } => "NotImplementedError",
            Error::Index { .. } => "IndexError",
            Error::File {
                not_found: true, ..
            } => "FileNotFoundError",
            Error::File { .. } => "OSError",
            _ => "RuntimeError",
        }
    }

    /// One line on how to fix it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Error::Value { hint, .. } => return hint.clone(),
            Error::Autograd { kind, .. } => match kind {
                AutogradError::LeafInPlace => "update parameters inside `with torch.no_grad():`, or work on a copy: `y = x.clone()`".into(),
                AutogradError::NoGradFn => "create the inputs with requires_grad=True (or call x.requires_grad_()) before computing the output, outside torch.no_grad()".into(),
                AutogradError::NotScalar => "reduce the output to one number first (e.g. `y.sum().backward()`), or pass `gradient=` with the output's shape".into(),
                AutogradError::SecondBackward => "call backward(retain_graph=True) the first time, or recompute the forward pass before each backward".into(),
                AutogradError::Modified => "an in-place op (`+=`, `x.add_()`, `x[i] = …`, `relu_`) overwrote a value backward needs; use the out-of-place form (`x = x + 1`) or `.clone()` first".into(),
                AutogradError::Other => return None,
            },
            Error::BroadcastMismatch { lhs, rhs, .. } => format!(
                "shapes [{}] and [{}] broadcast only when, aligned from the right, each pair of sizes is equal or one of them is 1; reshape one operand (e.g. with .unsqueeze or .view) so they line up",
                join(lhs),
                join(rhs)
            ),
            Error::ExpandMismatch { .. } => {
                "only dimensions of size 1 can be expanded; use .repeat(...) to copy data along other dimensions".into()
            }
            Error::InPlaceShape { .. } => {
                "an in-place op cannot change its tensor's shape; use the out-of-place form (e.g. `a = a + b` instead of `a += b`)".into()
            }
            Error::ShapeNumel { numel, .. } => format!(
                "the new shape must have {numel} elements in all; use -1 for one dimension to have it inferred"
            ),
            Error::NotViewable { .. } => {
                "this tensor's memory is not laid out for that view (after a transpose or permute, say); .reshape(...) copies when it must, or call .contiguous() first".into()
            }
            Error::DimOutOfRange { ndim, .. } => format!(
                "the tensor has {ndim} dimension{}; negative dims count from the end",
                if *ndim == 1 { "" } else { "s" }
            ),
            Error::InPlaceCast { from, to, .. } => format!(
                "convert first, e.g. `x = x.to({from})` then operate, or write the out-of-place form; an in-place op keeps {to}"
            ),
            Error::DTypeUnsupported { dtype, .. } => format!(
                "convert the input first, e.g. `.float()` or `.long()`; this op does not take {dtype}"
            ),
            Error::DeviceMismatch { lhs, rhs, .. } => format!(
                "move both tensors to one device first, e.g. `b = b.to(a.device)` ({lhs} vs {rhs})"
            ),
            Error::DeviceUnavailable { .. } => {
                "no CUDA device is available here; keep tensors on \"cpu\", or check torch.cuda.is_available() first".into()
            }
            Error::OutOfMemory { .. } | Error::TooLarge { .. } => {
                "check the shape you asked for; smaller batches or float16 storage use less memory".into()
            }
            Error::OverlappingWrite { .. } => {
                "an expanded tensor shares one element between several positions; write into x.clone() or x.contiguous() instead".into()
            }
            Error::MatmulShape { lhs, rhs, .. } => {
                let (k1, k2) = (lhs[1], rhs[0]);
                let mut h = format!(
                    "the inner dimensions must agree: mat1 has {k1} columns but mat2 has {k2} rows"
                );
                if lhs[0] == k2 {
                    h += "; mat1.T (shape [" ;
                    h += &format!("{}, {}]) would fit: try mat1.T @ mat2", lhs[1], lhs[0]);
                } else if rhs[1] == k1 {
                    h += &format!("; mat2.T (shape [{}, {}]) would fit: try mat1 @ mat2.T", rhs[1], rhs[0]);
                }
                h
            }
            Error::Cuda { message } if message.contains("out of memory") => {
                "free GPU tensors you no longer need (del x), use smaller batches, or keep some tensors on \"cpu\"".into()
            }
            Error::Cuda { .. } => {
                "this is the GPU backend failing, not your code: move the tensors to \"cpu\" to go on, and report it with the code that caused it".into()
            }
            Error::Ragged { .. } | Error::NotASequence { .. } | Error::NotANumber { .. } => {
                "every nested list at the same depth must have the same length, with numbers only at the innermost level".into()
            }
            _ => return None,
        })
    }
}

/// `8.0 GiB`, `512 bytes`.
pub fn human_bytes(n: u128) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_pytorchs_and_hints_say_how_to_fix() {
        let e = Error::DeviceMismatch {
            op: "add",
            lhs: Device::Cuda(0),
            rhs: Device::Cpu,
        };
        assert_eq!(
            e.to_string(),
            "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!"
        );
        assert!(e.hint().unwrap().contains("b.to(a.device)"));
        let e = Error::DimOutOfRange {
            op: "sum",
            dim: 3,
            ndim: 0,
        };
        assert_eq!(
            e.to_string(),
            "Dimension out of range (expected to be in range of [-1, 0], but got 3)"
        );
        let e = Error::OutOfMemory {
            requested: 3 << 40,
            available: 24 << 30,
        };
        assert_eq!(
            e.to_string(),
            "CPU out of memory: tried to allocate 3.0 TiB but this machine has 24.0 GiB in all"
        );
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
