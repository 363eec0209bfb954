//! Calibration for teachers: how well the engine's levels agree with a teacher's on a set of
//! sample submissions, so a teacher can decide how far to trust automatic scores and which
//! indicators to revise.
//!
//! Takes a compiled rubric and samples (`samples`: JSON Lines of a submission plus the
//! teacher's levels); gives a `CalibrationReport`: per criterion and overall, exact and
//! adjacent agreement, quadratic weighted kappa, a confusion matrix (rows teacher, columns
//! engine) and the samples where the two disagree most. The engine's level always comes
//! from the indicators: the submission's own `ratings` are dropped before scoring, or a
//! teacher rating in the sample would simply be copied and agreement would mean nothing.

mod agreement;
mod samples;

pub use agreement::{agreement, quadratic_weighted_kappa, Agreement, Confusion};
pub use samples::{parse_sample_list, parse_samples, Sample};

use crate::error::Error;
use crate::scoring::CompiledRubric;
use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Most disagreements listed, per criterion and overall.
pub const MAX_DISAGREEMENTS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CalibrationReport {
    pub rubric: String,
    /// Samples read.
    pub samples: usize,
    /// Every (sample, criterion) pair pooled, on the scale's levels.
    pub overall: OverallAgreement,
    pub criteria: Vec<CriterionAgreement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OverallAgreement {
    #[serde(flatten)]
    pub agreement: Agreement,
    pub confusion: Confusion,
    /// Samples with the largest total |engine − teacher| over their criteria, largest first.
    pub disagreements: Vec<SampleDisagreement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CriterionAgreement {
    pub criterion: String,
    pub title: String,
    #[serde(flatten)]
    pub agreement: Agreement,
    pub confusion: Confusion,
    /// The samples where engine and teacher differ most on this criterion, largest first.
    pub disagreements: Vec<Disagreement>,
}

/// One sample's levels on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// Line in the samples file.
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    pub teacher: f64,
    pub engine: f64,
    /// engine − teacher.
    pub difference: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SampleDisagreement {
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Sum of |engine − teacher| over the criteria the teacher rated.
    pub total_difference: f64,
    /// The criteria where they differ.
    pub criteria: Vec<CriterionDifference>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CriterionDifference {
    pub criterion: String,
    pub teacher: f64,
    pub engine: f64,
}

/// Parses JSON Lines samples and calibrates the rubric against them.
pub fn calibrate_jsonl(rubric: &CompiledRubric, text: &str) -> Result<CalibrationReport, Error> {
    Ok(calibrate(rubric, &parse_samples(text, rubric)?))
}

/// Agreement between the engine (indicators only) and the teacher on each sample.
pub fn calibrate(rubric: &CompiledRubric, samples: &[Sample]) -> CalibrationReport {
    let scale = &rubric.rubric.scale;
    let label = |v: f64| scale.label_of(v).unwrap_or_default().to_string();
    // The engine's level of every criterion for every sample, from the indicators alone.
    let engine: Vec<Vec<f64>> = samples
        .iter()
        .map(|sample| {
            let mut submission = sample.submission.clone();
            submission.ratings.clear();
            let report = match rubric.score(&submission) {
                Ok(report) => report,
                Err(_) => {
                    let (outcomes, guards) = rubric.matchers.evaluate_with_guards(&submission);
                    rubric.report(&submission, &outcomes, &guards)
                }
            };
            report.criteria.iter().map(|c| c.level).collect()
        })
        .collect();

    let mut criteria = Vec::with_capacity(rubric.criteria.len());
    let mut pooled = Vec::new();
    for (c, criterion) in rubric.criteria.iter().enumerate() {
        let mut pairs = Vec::new();
        let mut differing = Vec::new();
        for (s, sample) in samples.iter().enumerate() {
            let Some(&teacher) = sample.teacher.get(&criterion.id) else { continue };
            let engine_level = engine[s][c];
            pairs.push((teacher, engine_level));
            if engine_level != teacher {
                differing.push(Disagreement {
                    line: sample.line,
                    student: sample.submission.student.clone(),
                    task: sample.submission.task.clone(),
                    teacher,
                    engine: engine_level,
                    difference: engine_level - teacher,
                });
            }
        }
        pooled.extend_from_slice(&pairs);
        let values = rubric.level_values(c);
        let labels = values.iter().map(|&v| label(v)).collect();
        let (agreement, confusion) = agreement(&values, labels, &pairs);
        // Largest |difference| first; the earlier line first among equals (stable sort).
        differing.sort_by(|a, b| b.difference.abs().total_cmp(&a.difference.abs()));
        differing.truncate(MAX_DISAGREEMENTS);
        criteria.push(CriterionAgreement {
            criterion: criterion.id.clone(),
            title: criterion.title.to_string(),
            agreement,
            confusion,
            disagreements: differing,
        });
    }

    let values: Vec<f64> = scale.levels.iter().map(|l| l.value).collect();
    let labels = values.iter().map(|&v| label(v)).collect();
    let (agreement, confusion) = agreement(&values, labels, &pooled);
    let mut by_sample: Vec<SampleDisagreement> = samples
        .iter()
        .enumerate()
        .filter_map(|(s, sample)| {
            let differences: Vec<CriterionDifference> = rubric
                .criteria
                .iter()
                .enumerate()
                .filter_map(|(c, criterion)| {
                    let &teacher = sample.teacher.get(&criterion.id)?;
                    (engine[s][c] != teacher).then(|| CriterionDifference {
                        criterion: criterion.id.clone(),
                        teacher,
                        engine: engine[s][c],
                    })
                })
                .collect();
            let total: f64 = differences.iter().map(|d| (d.engine - d.teacher).abs()).sum();
            (total > 0.0).then(|| SampleDisagreement {
                line: sample.line,
                student: sample.submission.student.clone(),
                task: sample.submission.task.clone(),
                total_difference: total,
                criteria: differences,
            })
        })
        .collect();
    by_sample.sort_by(|a, b| b.total_difference.total_cmp(&a.total_difference));
    by_sample.truncate(MAX_DISAGREEMENTS);

    CalibrationReport {
        rubric: rubric.rubric.id.clone(),
        samples: samples.len(),
        overall: OverallAgreement { agreement, confusion, disagreements: by_sample },
        criteria,
    }
}
