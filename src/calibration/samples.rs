//! Calibration samples: JSON Lines, one scored-by-a-teacher submission a line:
//!
//! ```json
//! {"submission": {"student": "s-01", "responses": {"response": "My claim is…"}}, "teacher": {"claim": 3, "evidence": 2}, "note": "optional"}
//! ```
//!
//! The teacher's levels sit beside the submission, not in its `ratings`, so they can never
//! leak into the engine's side. Every problem is reported with its line: `line 4:
//! teacher.claim: 5 is not a level of criterion `claim` (1, 2, 3, 4)`. Blank lines are skipped.

use crate::error::{Error, Problem};
use crate::json::{did_you_mean, key_path, Walk};
use crate::rubric::model::Submission;
use crate::rubric::parse_submission_value;
use crate::scoring::CompiledRubric;
use serde_json::Value;
use std::collections::BTreeMap;

/// One submission with the levels a teacher gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// 1-based line of the samples file (0 for samples built in code).
    pub line: usize,
    pub submission: Submission,
    /// The teacher's level by criterion id (criteria the teacher did not rate are absent).
    pub teacher: BTreeMap<String, f64>,
    pub note: Option<String>,
}

/// Parses and validates samples against a rubric, reporting every problem of every line.
pub fn parse_samples(text: &str, rubric: &CompiledRubric) -> Result<Vec<Sample>, Error> {
    let mut samples = Vec::new();
    let mut problems = Vec::new();
    // A byte-order mark (spreadsheet exports often start with one) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let located = |p: Problem| {
            let path = if p.path.is_empty() {
                format!("line {number}")
            } else {
                format!("line {number}: {}", p.path)
            };
            Problem::new(path, p.message)
        };
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                let message = e.to_string();
                let message = message.split(" at line ").next().unwrap_or(&message);
                problems.push(Problem::new(
                    format!("line {number}"),
                    format!("not valid JSON at column {}: {message}", e.column()),
                ));
                continue;
            }
        };
        match parse_sample(&value, rubric) {
            Ok((submission, teacher, note)) => {
                samples.push(Sample { line: number, submission, teacher, note })
            }
            Err(found) => problems.extend(found.into_iter().map(located)),
        }
    }
    if !problems.is_empty() {
        return Err(Error::invalid("samples", problems));
    }
    if samples.is_empty() {
        return Err(Error::at("samples", "", "no samples: expected one JSON object a line"));
    }
    Ok(samples)
}

/// Validates samples given as a list of JSON values (from JavaScript): problems are located
/// by index (`[3].teacher.claim`), and `line` is the 1-based position in the list.
pub fn parse_sample_list(values: &[Value], rubric: &CompiledRubric) -> Result<Vec<Sample>, Error> {
    let mut samples = Vec::new();
    let mut problems = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match parse_sample(value, rubric) {
            Ok((submission, teacher, note)) => {
                samples.push(Sample { line: i + 1, submission, teacher, note })
            }
            Err(found) => problems.extend(found.into_iter().map(|p| {
                let path =
                    if p.path.is_empty() { format!("[{i}]") } else { format!("[{i}].{}", p.path) };
                Problem::new(path, p.message)
            })),
        }
    }
    if !problems.is_empty() {
        return Err(Error::invalid("samples", problems));
    }
    if samples.is_empty() {
        return Err(Error::at(
            "samples",
            "",
            "no samples: expected a list of {submission, teacher} objects",
        ));
    }
    Ok(samples)
}

type Parsed = (Submission, BTreeMap<String, f64>, Option<String>);

fn parse_sample(value: &Value, rubric: &CompiledRubric) -> Result<Parsed, Vec<Problem>> {
    let mut walk = Walk::new();
    let Some(mut fields) = walk.object(value, "") else { return Err(walk.into_problems()) };
    let mut submission = None;
    match fields.get("submission") {
        None => {
            walk.problem("submission", "missing: expected the student's submission (an object)")
        }
        Some(raw) => {
            let checked =
                parse_submission_value(raw).and_then(|s| rubric.check_submission(&s).map(|()| s));
            match checked {
                Ok(s) => submission = Some(s),
                Err(e) => {
                    for p in e.problems() {
                        let path = if p.path.is_empty() {
                            "submission".to_string()
                        } else if p.path.starts_with('[') {
                            format!("submission{}", p.path)
                        } else {
                            format!("submission.{}", p.path)
                        };
                        walk.problem(path, p.message.clone());
                    }
                }
            }
        }
    }
    let mut teacher = BTreeMap::new();
    if let Some(levels) = fields.object(&mut walk, "teacher", true) {
        let mut any = false;
        for (criterion_id, level) in levels.entries() {
            any = true;
            let path = key_path("teacher", criterion_id);
            let Some(index) = rubric.criteria.iter().position(|c| c.id == *criterion_id) else {
                let ids = rubric.criteria.iter().map(|c| c.id.as_str());
                let message = match did_you_mean(criterion_id, ids) {
                    Some(close) => format!(
                        "no criterion `{criterion_id}` in rubric `{}`; did you mean `{close}`?",
                        rubric.rubric.id
                    ),
                    None => {
                        format!("no criterion `{criterion_id}` in rubric `{}`", rubric.rubric.id)
                    }
                };
                walk.problem(path, message);
                continue;
            };
            let Some(value) = level.as_f64() else {
                walk.expected(&path, "the teacher's level (a number)", level);
                continue;
            };
            let values = rubric.level_values(index);
            if values.contains(&value) {
                teacher.insert(criterion_id.clone(), value);
            } else {
                let list: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                walk.problem(
                    path,
                    format!(
                        "{value} is not a level of criterion `{criterion_id}` ({})",
                        list.join(", ")
                    ),
                );
            }
        }
        if !any {
            walk.problem("teacher", "give the teacher's level for at least one criterion");
        }
    }
    let note = fields.str(&mut walk, "note", false).map(str::to_string);
    fields.finish(&mut walk);
    let problems = walk.into_problems();
    match submission {
        Some(s) if problems.is_empty() => Ok((s, teacher, note)),
        _ => Err(problems),
    }
}
