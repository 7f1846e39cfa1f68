//! PyTorch names nabla does not have yet, and which part of the plan brings them: using one
//! says so clearly instead of "no attribute".

const REDUCTIONS: &[&str] = &[
    "sum",
    "mean",
    "prod",
    "max",
    "min",
    "amax",
    "amin",
    "argmax",
    "argmin",
    "std",
    "var",
    "norm",
    "logsumexp",
    "all",
    "any",
    "count_nonzero",
    "cumsum",
    "cumprod",
    "sort",
    "argsort",
    "topk",
    "kthvalue",
    "median",
    "unique",
    "bincount",
    "histc",
    "softmax",
    "log_softmax",
    "std_mean",
    "var_mean",
    "aminmax",
    "nansum",
    "nanmean",
];
const LINALG: &[&str] = &[
    "matmul", "mm", "bmm", "mv", "dot", "outer", "addmm", "baddbmm", "einsum", "linalg", "inverse",
    "det",
];
const INDEXING: &[&str] = &[
    "index_select",
    "gather",
    "scatter",
    "scatter_add",
    "scatter_reduce",
    "take",
    "masked_select",
    "nonzero",
    "index_put",
    "index_add",
    "cat",
    "concat",
    "concatenate",
    "stack",
    "hstack",
    "vstack",
    "repeat",
    "repeat_interleave",
    "tile",
    "flip",
    "fliplr",
    "flipud",
    "roll",
    "tril",
    "triu",
    "one_hot",
    "pad",
    "index_put_",
    "index_add_",
    "scatter_",
    "scatter_add_",
    "masked_scatter",
];
const CONV: &[&str] = &[
    "conv1d",
    "conv2d",
    "conv_transpose2d",
    "max_pool2d",
    "avg_pool2d",
    "adaptive_avg_pool2d",
    "interpolate",
    "unfold",
    "fold",
];
const AUTOGRAD: &[&str] = &[
    "backward",
    "retain_grad",
    "register_hook",
    "autograd",
    "set_grad_enabled",
    "is_grad_enabled",
];
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
    let part = if REDUCTIONS.contains(&name) {
        "reductions arrive with Engine II"
    } else if LINALG.contains(&name) {
        "matrix multiplication and linear algebra arrive with Engine II"
    } else if INDEXING.contains(&name) {
        "advanced indexing, cat/stack and friends arrive with Engine II"
    } else if CONV.contains(&name) {
        "convolution and pooling arrive with Engine II"
    } else if AUTOGRAD.contains(&name) {
        "autograd is the issue after Engine II"
    } else if LIBRARY.contains(&name) {
        "layers, losses, optimizers, data loading and saving come with the library issues"
    } else {
        return None;
    };
    Some(part)
}
