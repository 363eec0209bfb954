//! Evident: rubric scoring, real-time formative feedback and competency mastery.
//!
//! Data flows rubric → evidence (indicators) → scoring → feedback → mastery → recommendations;
//! interop formats (CASE, xAPI, JSON Schema) and the wasm binding sit at the edges.
//! Everything here compiles and is tested natively; `wasm` only converts.
//!
//! Cargo features: `full` (default) adds mastery, frameworks, CASE, xAPI and calibration;
//! `schema` (default) derives `JsonSchema` for `evident schema`. The student wasm build
//! turns both off (see scripts/build.sh).

pub mod batch;
#[cfg(feature = "full")]
pub mod calibration;
pub mod error;
pub mod evidence;
pub mod feedback;
#[cfg(feature = "full")]
pub mod framework;
#[cfg(feature = "full")]
pub mod interop;
pub mod json;
pub mod limits;
#[cfg(feature = "full")]
pub mod mastery;
/// Without `full`, only the date reading that submissions share with mastery evidence.
#[cfg(not(feature = "full"))]
pub mod mastery {
    pub mod time;
}
pub mod rubric;
pub mod scoring;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "full")]
pub use calibration::{calibrate, CalibrationReport};
pub use error::{Error, Problem};
pub use feedback::{feedback, feedback_for, Feedback, FeedbackOptions, Locale};
pub use rubric::model::{
    Check, Criterion, Indicator, Level, Rubric, RubricKind, Scale, Submission,
};
pub use rubric::{lint, parse_rubric, parse_submission, Advice};
pub use scoring::{CompiledRubric, ScoreReport};
