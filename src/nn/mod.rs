//! `torch.nn` as plain Rust over [`Tensor`](crate::Tensor): the functional forms of the
//! layers and losses ([`functional`]), and PyTorch's weight initialisations ([`init`]),
//! drawing from the same random streams as PyTorch so a seeded layer starts with PyTorch's
//! weights. The language's `nn.Module`, layers and losses (src/eval/nn_*.rs) are thin
//! bindings over these.

pub mod functional;
pub mod init;
pub mod rnn;

use crate::{Error, Result};

/// A loss's `reduction=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduction {
    None,
    Mean,
    Sum,
}

impl Reduction {
    /// `'none'`, `'mean'` or `'sum'`, with PyTorch's error for anything else.
    pub fn parse(s: &str) -> Result<Reduction> {
        match s {
            "none" => Ok(Reduction::None),
            "mean" => Ok(Reduction::Mean),
            "sum" => Ok(Reduction::Sum),
            _ => Err(Error::value_hint(
                "reduction",
                format!("{s} is not a valid value for reduction"),
                "use reduction='mean' (the default), 'sum' or 'none'",
            )),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Reduction::None => "none",
            Reduction::Mean => "mean",
            Reduction::Sum => "sum",
        }
    }
}
