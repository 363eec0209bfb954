//! Rubrics and submissions: the model, parsing with every problem located by JSON path,
//! and advice on rubric quality (`lint`).

pub(crate) mod build;
pub mod checks;
pub mod lint;
pub mod localized;
pub mod model;
pub(crate) mod parse;
mod submission;

pub use checks::pattern::REGEX_SIZE_LIMIT;
pub use lint::{lint, Advice};
pub use parse::{parse_rubric, parse_rubric_value};
pub use submission::{parse_submission, parse_submission_value};
