//! Files a learner reads and writes: NumPy's `.npy`/`.npz`, PyTorch's `.pt` (zip + pickle),
//! safetensors and CSV. Plain Rust over [`Tensor`](crate::Tensor); the language binds them in
//! `src/eval/`.

pub mod npy;
pub mod raw;
