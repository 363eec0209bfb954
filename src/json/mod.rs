//! Reading JSON documents while keeping track of where we are, so that every problem in an
//! input is reported at once with its JSON path, and unknown keys get a "did you mean".
//!
//! Formats are checked here, by walking a `serde_json::Value`, and only then built with serde:
//! serde alone stops at the first error, and teachers fixing a rubric want them all.

mod number;
mod reader;
mod suggest;

pub use number::{number_text, Num, NumExp};
pub use reader::{index_path, key_path, kind_of, parse_document, Fields, Walk};
pub use suggest::did_you_mean;
