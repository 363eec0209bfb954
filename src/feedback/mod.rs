//! Formative feedback on a scored submission, answering the three questions of Hattie and
//! Timperley (2007): where am I going (`goal`, feed up), how am I going (`strengths`, feed
//! back), where to next (`nextSteps`, feed forward), plus `progress` per criterion.
//!
//! Takes a compiled rubric, a score report with the indicator outcomes it came from, and
//! options (locale, target level); gives a `Feedback`. Following Shute (2008), every message
//! is about the task or the process (what the text does, what to do next), names a criterion
//! and points at evidence; none is a grade on its own, compares with other students or
//! praises the person. The engine's sentences come from a catalog per locale (`messages`);
//! the rubric's own text (hints, praise, labels, level wording) is used as written.
//!
//! Targets. The target is `options.target` (snapped up to a level of the scale) or else the
//! scale's mastery level. A criterion below the target aims at it. A criterion already at or
//! above the target aims one level higher (a *stretch* goal, flagged `stretch`), so that
//! feedback always points forward; a criterion at its top level has nothing further.

pub(crate) mod actions;
mod goal;
mod locale;
pub mod messages;
mod steps;
mod strengths;
pub use strengths::strength_spans;

pub use locale::Locale;

use crate::error::Error;
use crate::evidence::{Outcome, Span};
use crate::json::{Num, Walk};
use crate::rubric::model::Submission;
use crate::scoring::{CompiledRubric, LevelRef, ScoreReport};
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// What feedback to give: in which language, aiming at which level.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct FeedbackOptions {
    /// Language of the engine's messages (`en`, `es`, `es-MX`…; others fall back to English).
    pub locale: Locale,
    /// The level to aim at, a value of the scale (default: the scale's mastery level).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

impl FeedbackOptions {
    /// Reads options from JSON (`{"locale": "es", "target": 3}`), checking that the target is
    /// a level of the rubric's scale. Problems are located under `path` (e.g. `options`).
    pub fn from_value(
        value: &serde_json::Value,
        rubric: &CompiledRubric,
        path: &str,
    ) -> Result<Self, Error> {
        let mut walk = Walk::new();
        let mut options = FeedbackOptions::default();
        if let Some(mut fields) = walk.object(value, path) {
            if let Some(tag) = fields.str(&mut walk, "locale", false) {
                options.locale = Locale::parse(tag);
            }
            if let Some(target) = fields.number(&mut walk, "target", false) {
                match check_target(rubric, target) {
                    Ok(()) => options.target = Some(target),
                    Err(message) => walk.problem(fields.path_of("target"), message),
                }
            }
            fields.finish(&mut walk);
        }
        walk.finish("options")?;
        Ok(options)
    }
}

/// Whether `target` is a level of the rubric's scale; the error is a sentence for the user.
pub fn check_target(rubric: &CompiledRubric, target: f64) -> Result<(), String> {
    let levels = &rubric.rubric.scale.levels;
    if levels.iter().any(|l| l.value == target) {
        return Ok(());
    }
    let values: Vec<String> =
        levels.iter().map(|l| format!("{} ({})", Num(l.value), l.label)).collect();
    Err(format!(
        "{} is not a level of the scale; expected one of: {}",
        Num(target),
        values.join(", ")
    ))
}

/// Feedback on one submission.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub rubric: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    pub locale: Locale,
    /// Where am I going.
    pub goal: Goal,
    /// How am I going: what the work already does, with where in the text.
    pub strengths: Vec<Strength>,
    /// Where to next: at most three, most useful first.
    pub next_steps: Vec<NextStep>,
    /// Each criterion's current level and target.
    pub progress: Vec<Progress>,
}

/// The target, and what it looks like for each criterion in the rubric's own student wording.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// The target level of the scale.
    pub level: LevelRef,
    /// The engine's one-line introduction to the goal.
    pub message: String,
    pub criteria: Vec<CriterionGoal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CriterionGoal {
    pub criterion: String,
    pub title: String,
    /// This criterion's target level (one above the scale target when `stretch`).
    pub level: LevelRef,
    /// The target level's student wording ("I can…"), or its descriptor when it has none.
    pub statement: String,
    /// The language of `title` and `statement`.
    pub lang: String,
    /// The criterion already reached the scale target and aims one level higher.
    pub stretch: bool,
}

/// Something the work already does, tied to the evidence that shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Strength {
    pub criterion: String,
    pub indicator: String,
    /// The indicator's `praise`, or an engine message naming what was done.
    pub message: String,
    /// The language `message` is in.
    pub lang: String,
    /// Where in the student's text (UTF-16 offsets); empty for evidence that is not a stretch
    /// of text (a word count, a choice).
    pub spans: Vec<Span>,
}

/// One concrete action for one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    pub criterion: String,
    pub title: String,
    /// The indicator this action would meet.
    pub indicator: String,
    /// What to do: the indicator's `hint`, or an engine message built from its check.
    pub action: String,
    /// The language `action` is in (the rubric's hint may be in its default language when
    /// it has no translation).
    pub lang: String,
    /// Why: the level this step leads to.
    pub reason: String,
    /// The criterion level the action works toward (the next one up).
    pub toward: LevelRef,
    /// weight × levels to go × (0.5 + 0.5 × closeness); see `steps`.
    pub priority: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub criterion: String,
    pub title: String,
    pub current: LevelRef,
    pub target: LevelRef,
    /// Levels of this criterion between the current level and the target.
    pub levels_to_go: u32,
    pub stretch: bool,
}

impl Feedback {
    /// Moves the spans of `field` as `edit` moved its text; says whether any moved.
    pub fn move_spans(&mut self, field: &str, edit: crate::evidence::Move) -> bool {
        let mut any = false;
        for s in &mut self.strengths {
            any |= edit.spans(&mut s.spans, field);
        }
        any
    }
}

/// Feedback from a score report and the indicator outcomes it was built from (in rubric
/// order, as `Indicators::evaluate` gives them). Never fails: the inputs are already valid.
pub fn feedback(
    rubric: &CompiledRubric,
    report: &ScoreReport,
    outcomes: &[Outcome],
    options: &FeedbackOptions,
) -> Feedback {
    let locale = options.locale;
    let aim = goal::scale_target(rubric, options.target);
    let plans = goal::plan(rubric, report, aim);
    let mut next_steps = steps::next_steps(rubric, &plans, outcomes, locale);
    // An answer held back by the integrity guards is first asked to be writing on the task.
    let guard_step = if report.integrity.iter().any(|n| n.off_task) {
        Some(messages::Key::StepOnTask)
    } else if report.integrity.iter().any(|n| n.keyword_lists > 0) {
        Some(messages::Key::StepSentences)
    } else {
        None
    };
    if let Some(key) = guard_step {
        next_steps.insert(
            0,
            NextStep {
                criterion: String::new(),
                title: messages::render(locale, messages::Key::TaskTitle, &[]),
                indicator: String::new(),
                action: messages::render(locale, key, &[]),
                lang: locale.tag().to_string(),
                reason: messages::render(locale, messages::Key::TaskReason, &[]),
                toward: report.level.clone(),
                priority: 1.0e6, // above any step toward a level
            },
        );
        next_steps.truncate(steps::MAX_NEXT_STEPS);
    }
    Feedback {
        rubric: report.rubric.clone(),
        student: report.student.clone(),
        task: report.task.clone(),
        locale,
        goal: goal::goal(rubric, aim, &plans, locale),
        strengths: strengths::strengths(rubric, outcomes, locale),
        next_steps,
        progress: goal::progress(rubric, &plans),
    }
}

/// Scores a submission, then gives feedback on it.
pub fn feedback_for(
    rubric: &CompiledRubric,
    submission: &Submission,
    options: &FeedbackOptions,
) -> Result<Feedback, Error> {
    let locale = submission.locale.as_deref().unwrap_or(options.locale.tag());
    if let Some(localized) = rubric.in_locale(Some(locale))? {
        let mut submission = submission.clone();
        submission.locale = None;
        return feedback_for(&localized, &submission, options);
    }
    rubric.check_submission(submission)?;
    let (outcomes, guards) = rubric.matchers.evaluate_with_guards(submission);
    let report = rubric.report(submission, &outcomes, &guards);
    Ok(feedback(rubric, &report, &outcomes, options))
}
