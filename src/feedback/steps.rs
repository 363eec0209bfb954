//! Feed forward: at most three next steps, the ones that move the student most first.
//!
//! Candidates. For a criterion below its target, the unmet indicators required by the
//! nearest level above the current one that still lacks something (the next step, not the
//! whole staircase); for a checklist criterion, its unmet indicators.
//!
//! Ranking. `priority = weight × levelsToGo × (0.5 + 0.5 × closeness)`: a heavier criterion
//! counts more, a criterion further from its target counts more, and an indicator nearly met
//! counts up to twice as much as one not started. (A plain `× closeness` would give every
//! indicator not yet started a priority of 0, erasing weight and distance.) Steps toward the
//! target come before stretch steps beyond it; ties go to rubric order.
//!
//! Choice. The best step of each criterion first, so three steps cover three criteria when
//! they can; then, if fewer than three, the next best steps of any criterion.

use super::actions::{action, indicator_models};
use super::goal::{level_ref, Plan};
use super::messages::{render, Key};
use super::{Locale, NextStep};
use crate::evidence::Outcome;
use crate::scoring::CompiledRubric;
use std::cmp::Ordering;

/// Most next steps given at once: more than a few actions dilute attention (Shute 2008).
pub const MAX_NEXT_STEPS: usize = 3;

struct Candidate {
    criterion: usize,
    indicator: usize,
    toward: f64,
    stretch: bool,
    priority: f64,
}

pub(super) fn next_steps(
    rubric: &CompiledRubric,
    plans: &[Plan],
    outcomes: &[Outcome],
    locale: Locale,
) -> Vec<NextStep> {
    let mut candidates = Vec::new();
    for plan in plans.iter().filter(|p| p.levels_to_go > 0) {
        let criterion = &rubric.criteria[plan.criterion];
        let unmet = |i: &usize| outcomes.get(*i).is_some_and(|o| !o.met);
        let (indicators, toward): (Vec<usize>, f64) = if criterion.levels.is_empty() {
            let next = rubric
                .level_values(plan.criterion)
                .into_iter()
                .find(|&v| v > plan.current + 1e-9)
                .unwrap_or(plan.target);
            (criterion.indicators.iter().copied().filter(unmet).collect(), next)
        } else {
            let next = criterion
                .levels
                .iter()
                .filter(|l| l.value > plan.current + 1e-9 && l.value <= plan.target + 1e-9)
                .find(|l| l.requires.iter().any(unmet));
            match next {
                Some(level) => {
                    let mut needed: Vec<usize> =
                        level.requires.iter().copied().filter(unmet).collect();
                    needed.dedup();
                    (needed, level.value)
                }
                None => continue,
            }
        };
        for indicator in indicators {
            let closeness = outcomes.get(indicator).map_or(0.0, |o| o.closeness.clamp(0.0, 1.0));
            candidates.push(Candidate {
                criterion: plan.criterion,
                indicator,
                toward,
                stretch: plan.stretch,
                priority: criterion.weight * plan.levels_to_go as f64 * (0.5 + 0.5 * closeness),
            });
        }
    }
    let order = |a: &Candidate, b: &Candidate| {
        a.stretch
            .cmp(&b.stretch)
            .then(b.priority.partial_cmp(&a.priority).unwrap_or(Ordering::Equal))
            .then(a.criterion.cmp(&b.criterion))
            .then(a.indicator.cmp(&b.indicator))
    };
    // A stable binary insertion sort instead of `sort_by`: the same order, n log n
    // comparisons for the few candidates a rubric has, and none of the 7 KB of code that a
    // standard sort brings to the student wasm for each type it sorts.
    let mut ranked: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let at = ranked.partition_point(|r| order(r, &c) != Ordering::Greater);
        ranked.insert(at, c);
    }
    let candidates = ranked;

    let mut chosen: Vec<usize> = Vec::new();
    let mut covered: Vec<usize> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        if chosen.len() < MAX_NEXT_STEPS && !covered.contains(&c.criterion) {
            covered.push(c.criterion);
            chosen.push(k);
        }
    }
    for k in 0..candidates.len() {
        if chosen.len() < MAX_NEXT_STEPS && !chosen.contains(&k) {
            chosen.push(k);
        }
    }
    crate::evidence::order::sort(&mut chosen); // candidates are already in rank order

    let models = indicator_models(rubric);
    chosen
        .into_iter()
        .filter_map(|k| {
            let c = &candidates[k];
            let criterion = &rubric.criteria[c.criterion];
            // "Any n of these": the step is the most useful element still missing.
            let element = best_missing_element(rubric, c.indicator, outcomes, &models);
            let model = models.get(element)?;
            let outcome = outcomes.get(element)?;
            let toward = level_ref(rubric, c.toward);
            Some(NextStep {
                criterion: criterion.id.clone(),
                title: criterion.title.to_string(),
                indicator: model.id.clone(),
                lang: model
                    .hint
                    .as_ref()
                    .map_or_else(|| locale.tag().to_string(), |h| h.lang().to_string()),
                action: action(locale, model, &criterion.title, outcome),
                reason: render(
                    locale,
                    Key::StepReason,
                    &[("criterion", &criterion.title), ("level", &toward.label)],
                ),
                toward,
                priority: c.priority,
            })
        })
        .collect()
}

/// For an indicator counting others (`atLeast` … `of`), the one of them to work on next:
/// unmet, nearest to being met, with a hint of its own when several are as near (first in
/// rubric order on a tie). Any other indicator is its own element.
fn best_missing_element(
    rubric: &CompiledRubric,
    indicator: usize,
    outcomes: &[Outcome],
    models: &[&crate::rubric::model::Indicator],
) -> usize {
    let of = models.get(indicator).map_or(&[][..], |m| m.check.counted());
    if of.is_empty() {
        return indicator;
    }
    let criterion = &rubric.criteria[rubric.indicators[indicator].criterion];
    let mut best: Option<(usize, f64, bool)> = None;
    for &i in &criterion.indicators {
        if !of.contains(&models[i].id) || outcomes.get(i).is_none_or(|o| o.met) {
            continue;
        }
        let closeness = outcomes[i].closeness;
        let hinted = models[i].hint.is_some();
        let better = match best {
            None => true,
            Some((_, c, h)) => {
                closeness > c + 1e-9 || ((closeness - c).abs() <= 1e-9 && hinted && !h)
            }
        };
        if better {
            best = Some((i, closeness, hinted));
        }
    }
    best.map_or(indicator, |(i, _, _)| i)
}
