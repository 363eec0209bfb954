//! Evidence records: a dated rating of one competency for one student, and where it came from.

use crate::scoring::ScoreReport;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// `records_from_report` for a score report given as JSON (as a JS caller holds it): reads
/// `rubric`, `student`, `task`, `submittedAt` and each criterion's `id`, `competency` and
/// `level`. A report without `student` or `submittedAt` cannot become evidence: that is an
/// error naming the missing key.
pub fn records_from_report_value(
    value: &serde_json::Value,
) -> Result<Vec<EvidenceRecord>, crate::Error> {
    use crate::json::{index_path, Walk};
    let mut walk = Walk::new();
    let mut records = Vec::new();
    if let Some(mut f) = walk.object(value, "") {
        let rubric = f.str(&mut walk, "rubric", false).map(str::to_string);
        let student = f.text(&mut walk, "student", true).map(str::to_string);
        let task = f.str(&mut walk, "task", false).map(str::to_string);
        let at = f.str(&mut walk, "submittedAt", true).map(str::to_string);
        if let Some(criteria) = f.array(&mut walk, "criteria", true) {
            let base = f.path_of("criteria");
            for (i, criterion) in criteria.iter().enumerate() {
                let Some(mut c) = walk.object(criterion, &index_path(&base, i)) else { continue };
                let id = c.str(&mut walk, "id", true);
                let competency = c.str(&mut walk, "competency", false);
                let level = c.number(&mut walk, "level", true);
                // Other keys of a criterion score (points, met, …) are not evidence: no finish().
                if let (Some(student), Some(at), Some(id), Some(competency), Some(level)) =
                    (&student, &at, id, competency, level)
                {
                    records.push(EvidenceRecord {
                        student: student.clone(),
                        competency: competency.to_string(),
                        value: level,
                        at: at.clone(),
                        source: Some(EvidenceSource {
                            task: task.clone(),
                            rubric: rubric.clone(),
                            criterion: Some(id.to_string()),
                        }),
                    });
                }
            }
        }
    }
    walk.finish("score report")?;
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_value_becomes_one_record_per_criterion_with_a_competency() {
        let report = serde_json::json!({
            "rubric": "cer-lab", "student": "s-17", "task": "lab-3", "submittedAt": "2026-11-20T10:00:00Z",
            "total": 5, "max": 9, "percent": 55.56, "level": {"value": 2, "label": "Developing"}, "mastered": false,
            "criteria": [
                {"id": "claim", "competency": "SCI.CER.1", "level": 3, "label": "Proficient", "points": 2},
                {"id": "style", "level": 2, "label": "Developing", "points": 1},
                {"id": "evidence", "competency": "SCI.CER.2", "level": 2, "label": "Developing", "points": 1}
            ]
        });
        let records = records_from_report_value(&report).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(
            (records[0].competency.as_str(), records[0].value, records[0].at.as_str()),
            ("SCI.CER.1", 3.0, "2026-11-20T10:00:00Z")
        );
        assert_eq!(
            records[1].source.as_ref().and_then(|s| s.criterion.as_deref()),
            Some("evidence")
        );
        let err =
            records_from_report_value(&serde_json::json!({"rubric": "cer-lab", "criteria": []}))
                .unwrap_err();
        let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec!["student: missing: expected a string", "submittedAt: missing: expected a string"]
        );
    }
}
