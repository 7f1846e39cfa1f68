//! What programs show besides text: figures (the model `plt.*` builds, drawn as PNG, SVG or
//! terminal characters) and progress bars. Knows nothing of the evaluator; the terminal
//! front end and the kernel pick the form.

pub mod axis;
pub mod contour;
pub mod figure;
pub mod html;
pub mod legend;
pub mod progress;
pub mod protocol;
pub mod raster;
pub mod terminal;
pub mod text;

pub use figure::Figure;
