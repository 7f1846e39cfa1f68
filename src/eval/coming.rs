//! PyTorch names nabla does not have yet, and which part of the plan brings them: using one
//! says so clearly instead of "no attribute".

const LIBRARY: &[&str] = &[
    "Linear",
    "Conv1d",
    "Conv2d",
    "ReLU",
    "Sigmoid",
    "Tanh",
    "GELU",
    "Sequential",
    "ModuleList",
    "ModuleDict",
    "Dropout",
    "BatchNorm1d",
    "BatchNorm2d",
    "LayerNorm",
    "Embedding",
    "MSELoss",
    "CrossEntropyLoss",
    "NLLLoss",
    "BCELoss",
    "BCEWithLogitsLoss",
    "L1Loss",
    "Parameter",
    "Flatten",
    "MaxPool2d",
    "AvgPool2d",
    "Softmax",
    "LogSoftmax",
    "Identity",
    "init",
    "cross_entropy",
    "mse_loss",
    "nll_loss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "l1_loss",
    "dropout",
    "linear",
    "batch_norm",
    "layer_norm",
    "embedding",
    "optim",
    "utils",
    "save",
    "load",
];

/// Why `name` is missing, when it is a PyTorch name nabla will have.
pub fn coming(name: &str) -> Option<&'static str> {
    let part = if LIBRARY.contains(&name) {
        "layers, losses, optimizers, data loading and saving come with the library issues"
    } else {
        return None;
    };
    Some(part)
}
