//! The helpers tutorials import beside torch: files (`open`), progress bars (`tqdm`) and
//! notebook display (`IPython.display`).

pub(crate) mod files;
pub mod notebook;
pub mod progress;
