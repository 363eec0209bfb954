//! Feed up: each criterion's target level (see the module doc of `feedback` for the rule),
//! the goal in the rubric's student wording, and progress toward it.

use super::messages::{render, Key};
use super::{CriterionGoal, Goal, Locale, Progress};
use crate::scoring::{CompiledRubric, LevelRef, ScoreReport};

/// Where one criterion stands and where it aims.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plan {
    pub criterion: usize,
    pub current: f64,
    pub target: f64,
    /// Levels of the criterion in `(current, target]`.
    pub levels_to_go: u32,
    pub stretch: bool,
}

/// The scale level to aim at: the requested target snapped up to a level of the scale (the
/// top level when above them all), or the scale's mastery level.
pub(super) fn scale_target(rubric: &CompiledRubric, requested: Option<f64>) -> f64 {
    let scale = &rubric.rubric.scale;
    match requested.filter(|t| t.is_finite()) {
        Some(t) => scale
            .levels
            .iter()
            .map(|l| l.value)
            .find(|&v| v >= t - 1e-9)
            .unwrap_or_else(|| top(scale)),
        None => scale.mastery,
    }
}

fn top(scale: &crate::rubric::model::Scale) -> f64 {
    scale.levels.last().map_or(scale.mastery, |l| l.value)
}

/// Each criterion's current level and target, given the scale target `aim`.
pub(super) fn plan(rubric: &CompiledRubric, report: &ScoreReport, aim: f64) -> Vec<Plan> {
    rubric
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let current = report
                .criteria
                .iter()
                .find(|s| s.id == c.id)
                .map_or(f64::NEG_INFINITY, |s| s.level);
            let values = rubric.level_values(i);
            let highest = values.last().copied().unwrap_or(aim);
            let mut target = values.iter().copied().find(|&v| v >= aim - 1e-9).unwrap_or(highest);
            let mut stretch = false;
            if current >= target - 1e-9 {
                match values.iter().copied().find(|&v| v > current + 1e-9) {
                    Some(next) => {
                        target = next;
                        stretch = true;
                    }
                    None => target = current.max(highest),
                }
            }
            let levels_to_go =
                values.iter().filter(|&&v| v > current + 1e-9 && v <= target + 1e-9).count() as u32;
            Plan { criterion: i, current, target, levels_to_go, stretch }
        })
        .collect()
}

pub(super) fn level_ref(rubric: &CompiledRubric, value: f64) -> LevelRef {
    LevelRef { value, label: rubric.rubric.scale.label_of(value).unwrap_or_default().to_string() }
}

/// The goal: the scale target, and each criterion's target level in its student wording.
pub(super) fn goal(rubric: &CompiledRubric, aim: f64, plans: &[Plan], locale: Locale) -> Goal {
    let level = level_ref(rubric, aim);
    let all_at_top = plans.iter().all(|p| p.levels_to_go == 0);
    let message = if all_at_top {
        render(locale, Key::GoalTopReached, &[])
    } else {
        render(locale, Key::GoalSummary, &[("level", &level.label)])
    };
    let criteria = plans
        .iter()
        .map(|p| {
            let c = &rubric.criteria[p.criterion];
            let (statement, lang) = match c.levels.iter().find(|l| l.value == p.target) {
                Some(l) => {
                    let text = l.student.clone().unwrap_or_else(|| l.descriptor.clone());
                    (text.to_string(), text.lang().to_string())
                }
                None => (
                    render(locale, Key::GoalChecklist, &[("criterion", &c.title)]),
                    c.title.lang().to_string(),
                ),
            };
            CriterionGoal {
                criterion: c.id.clone(),
                title: c.title.to_string(),
                lang,
                level: level_ref(rubric, p.target),
                statement,
                stretch: p.stretch,
            }
        })
        .collect();
    Goal { level, message, criteria }
}

pub(super) fn progress(rubric: &CompiledRubric, plans: &[Plan]) -> Vec<Progress> {
    plans
        .iter()
        .map(|p| {
            let c = &rubric.criteria[p.criterion];
            Progress {
                criterion: c.id.clone(),
                title: c.title.to_string(),
                current: level_ref(rubric, p.current),
                target: level_ref(rubric, p.target),
                levels_to_go: p.levels_to_go,
                stretch: p.stretch,
            }
        })
        .collect()
}
