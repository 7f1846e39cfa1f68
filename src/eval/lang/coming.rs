//! PyTorch names nabla does not have yet, and which part of the plan brings them: using one
//! says so clearly instead of "no attribute".

const LIBRARY: &[&str] = &["TransformerEncoder", "Transformer"];

/// Why `name` is missing, when it is a PyTorch name nabla will have.
pub fn coming(name: &str) -> Option<&'static str> {
    let part = if LIBRARY.contains(&name) {
        "nn.Transformer and nn.TransformerEncoder come with a later library issue (nn.MultiheadAttention is here)"
    } else {
        return None;
    };
    Some(part)
}
