//! Evidence records: a dated rating of one competency for one student, and where it came from.

use crate::scoring::ScoreReport;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceRecord {
    pub student: String,
    pub competency: String,
    /// A value on the rubric's scale (1–4 by default), or 0/1 for right/wrong items.
    pub value: f64,
    /// RFC 3339 time the evidence was produced.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EvidenceSource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceSource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
}

/// One evidence record per criterion of the report that names a competency. Needs the
/// report's student and submission time; `None` when either is missing.
pub fn records_from_report(report: &ScoreReport) -> Option<Vec<EvidenceRecord>> {
    let student = report.student.as_ref()?;
    let at = report.submitted_at.as_ref()?;
    Some(
        report
            .criteria
            .iter()
            .filter_map(|c| {
                Some(EvidenceRecord {
                    student: student.clone(),
                    competency: c.competency.clone()?,
                    value: c.level,
                    at: at.clone(),
                    source: Some(EvidenceSource {
                        task: report.task.clone(),
                        rubric: Some(report.rubric.clone()),
                        criterion: Some(c.id.clone()),
                    }),
                })
            })
            .collect(),
    )
}
