//! torch.nn, torch.optim and torch.utils.data: the training library, built on torch/.

pub(crate) mod attention;
pub(crate) mod containers;
pub(crate) mod data;
pub(crate) mod functional;
pub(crate) mod layers;
pub(crate) mod module;
pub(crate) mod optim;
pub(crate) mod rnn;
