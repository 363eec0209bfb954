//! Scoring: a compiled rubric turns a submission into a score report.

mod compile;
mod report;
pub mod session;

pub use compile::{CompiledCriterion, CompiledLevel, CompiledRubric, IndicatorInfo};
pub use report::{CriterionScore, LevelRef, Met, Missing, ScoreReport, Source};
pub use session::Session;
