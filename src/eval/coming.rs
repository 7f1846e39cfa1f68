//! PyTorch names nabla does not have yet, and which part of the plan brings them: using one
//! says so clearly instead of "no attribute".

const LIBRARY: &[&str] = &["save", "load", "TransformerEncoder", "Transformer"];

/// Why `name` is missing, when it is a PyTorch name nabla will have.
pub fn coming(name: &str) -> Option<&'static str> {
    let part = if LIBRARY.contains(&name) {
        "saving and loading, recurrent layers and attention layers come with the next library issues"
    } else {
        return None;
    };
    Some(part)
}
