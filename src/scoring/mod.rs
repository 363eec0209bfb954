//! Scoring: a compiled rubric turns a submission into a score report.

mod compile;
mod report;

pub use compile::CompiledRubric;
pub use report::{CriterionScore, LevelRef, Met, Missing, ScoreReport, Source};
