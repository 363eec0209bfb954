//! The score report of SPEC §1.

use crate::evidence::{Move, Span};
use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A submission scored against a rubric.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    pub rubric: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// Sum of points × weight.
    pub total: f64,
    /// Sum of each criterion's top points × weight.
    pub max: f64,
    /// `total / max` as a percentage, to two decimals (0 when `max` is 0).
    pub percent: f64,
    /// The overall level on the scale.
    pub level: LevelRef,
    pub mastered: bool,
    pub criteria: Vec<CriterionScore>,
    /// What the integrity guards held back, per field (absent when nothing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub integrity: Vec<IntegrityNote>,
}

/// A field whose text the integrity guards held back from earning evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IntegrityNote {
    pub field: String,
    /// The field has words but none of the task's own: no evidence credit.
    pub off_task: bool,
    /// Sentences that were lists of keywords or one word repeated (their evidence did not count).
    pub keyword_lists: u32,
}

/// A level of the scale by value and label.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct LevelRef {
    pub value: f64,
    pub label: String,
}

/// Whether a criterion's level came from the indicators or from a person's rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Auto,
    Rating,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CriterionScore {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    /// The level's value on the scale.
    pub level: f64,
    pub label: String,
    /// Points of the level, before weighting.
    pub points: f64,
    /// Points of the criterion's top level, before weighting.
    pub max_points: f64,
    pub weight: f64,
    pub mastered: bool,
    pub source: Source,
    /// The student's own rating, reported beside the score (it decides nothing unless the
    /// rubric sets `scoreSelf`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<f64>,
    pub met: Vec<Met>,
    pub missing: Vec<Missing>,
}

/// An indicator that was met, and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Met {
    pub indicator: String,
    pub spans: Vec<Span>,
}

/// An indicator not met yet, with the rubric's hint for meeting it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Missing {
    pub indicator: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl ScoreReport {
    /// Moves the spans of `field` as `edit` moved its text; says whether any moved.
    pub fn move_spans(&mut self, field: &str, edit: Move) -> bool {
        let mut any = false;
        for c in &mut self.criteria {
            for m in &mut c.met {
                any |= edit.spans(&mut m.spans, field);
            }
        }
        any
    }
}
