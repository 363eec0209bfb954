//! Scoring: a compiled rubric turns a submission into a score report; a session re-scores
//! one field as a student types.

mod compile;
mod report;
pub mod session;
pub mod update;

pub use compile::{CompiledCriterion, CompiledLevel, CompiledRubric, IndicatorInfo};
pub use report::{CriterionScore, IntegrityNote, LevelRef, Met, Missing, ScoreReport, Source};
pub use session::Session;
pub use update::Update;
