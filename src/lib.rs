//! Evident: rubric scoring, real-time formative feedback and competency mastery.
//!
//! Data flows rubric → evidence (indicators) → scoring → feedback → mastery → recommendations;
//! interop formats (CASE, xAPI, JSON Schema) and the wasm binding sit at the edges.
//! Everything here compiles and is tested natively; `wasm` only converts.

pub mod batch;
pub mod calibration;
pub mod error;
pub mod evidence;
pub mod feedback;
pub mod framework;
pub mod interop;
pub mod json;
pub mod limits;
pub mod mastery;
pub mod rubric;
pub mod scoring;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calibration::{calibrate, CalibrationReport};
pub use error::{Error, Problem};
pub use feedback::{feedback, feedback_for, Feedback, FeedbackOptions, Locale};
pub use rubric::model::{
    Check, Criterion, Indicator, Level, Rubric, RubricKind, Scale, Submission,
};
pub use rubric::{lint, parse_rubric, parse_submission, Advice};
pub use scoring::{CompiledRubric, ScoreReport};
