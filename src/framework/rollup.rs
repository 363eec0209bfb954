//! Roll-up: mastery estimates of parent competencies computed from their children's, by the
//! framework's rule (`allChildren`, `{"atLeast": n}`, `average`; see `model::Rollup`).
//!
//! Takes estimates (any students, any order); gives them back with every parent that has
//! at least one assessed child replaced by its rolled-up estimate, children before parents.

use super::model::{Framework, Rollup};
use super::time::parse_instant;
use crate::mastery::{Estimate, Trend};
use std::collections::BTreeMap;

/// Every estimate of the input, plus (or in place of) the rolled-up estimates of parents,
/// grouped by student (sorted) and in framework order within a student; estimates of
/// competencies outside the framework follow, as given.
pub fn roll_up(framework: &Framework, estimates: &[Estimate]) -> Vec<Estimate> {
    let mut by_student: BTreeMap<&str, Vec<&Estimate>> = BTreeMap::new();
    for e in estimates {
        by_student.entry(e.student.as_str()).or_default().push(e);
    }
    let mut out = Vec::with_capacity(estimates.len());
    for (student, own) in by_student {
        out.extend(roll_up_student(framework, student, &own));
    }
    out
}

fn roll_up_student(framework: &Framework, student: &str, estimates: &[&Estimate]) -> Vec<Estimate> {
    let mut known: BTreeMap<&str, Estimate> = BTreeMap::new();
    for e in estimates {
        known.insert(e.competency.as_str(), (*e).clone());
    }
    for id in deepest_first(framework) {
        let children: Vec<&str> = framework.children_of(id).collect();
        if children.is_empty() {
            continue;
        }
        let mut members: Vec<Option<&Estimate>> = children.iter().map(|c| known.get(c)).collect();
        let direct = known.get(id);
        if direct.is_some() {
            members.push(direct);
        }
        if let Some(rolled) = combine(framework, student, id, &members) {
            known.insert(id, rolled);
        }
    }
    let mut out: Vec<Estimate> =
        framework.competencies.iter().filter_map(|c| known.remove(c.id.as_str())).collect();
    out.extend(
        estimates
            .iter()
            .filter(|e| framework.competency(&e.competency).is_none())
            .map(|e| (*e).clone()),
    );
    out
}

/// Competency ids ordered so that every child comes before its parent.
fn deepest_first(framework: &Framework) -> Vec<&str> {
    let depth = |id: &str| {
        let mut d = 0;
        let mut current = framework.competency(id).and_then(|c| c.parent.as_deref());
        while let Some(p) = current {
            d += 1;
            if d > framework.competencies.len() {
                break;
            }
            current = framework.competency(p).and_then(|c| c.parent.as_deref());
        }
        d
    };
    let mut ids: Vec<(usize, usize, &str)> = framework
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| (depth(&c.id), i, c.id.as_str()))
        .collect();
    ids.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ids.into_iter().map(|t| t.2).collect()
}

/// The parent's estimate from its members (children, then its own evidence if any);
/// `None` when no member has evidence.
fn combine(
    framework: &Framework,
    student: &str,
    id: &str,
    members: &[Option<&Estimate>],
) -> Option<Estimate> {
    let assessed: Vec<&Estimate> = members.iter().flatten().copied().collect();
    if assessed.is_empty() {
        return None;
    }
    let value = assessed.iter().map(|e| e.value).sum::<f64>() / assessed.len() as f64;
    let mastered_count = assessed.iter().filter(|e| e.mastered).count();
    let all_assessed = assessed.len() == members.len();
    let mastered = match framework.rollup_of(id) {
        Rollup::AllChildren => all_assessed && mastered_count == members.len(),
        Rollup::AtLeast(n) => mastered_count >= n as usize,
        Rollup::Average => all_assessed && value + 1e-9 >= framework.scale.mastery,
    };
    let level = framework.scale.floor(value);
    Some(Estimate {
        student: student.to_string(),
        competency: id.to_string(),
        value,
        level: level.value,
        label: Some(level.label.to_string()),
        mastered,
        count: assessed.iter().map(|e| e.count).sum(),
        trend: combined_trend(&assessed),
        last_at: latest(&assessed),
        // A parent is stale as soon as one of its assessed parts is.
        stale: assessed.iter().filter_map(|e| e.stale).reduce(|a, b| a || b),
    })
}

/// Rising when some parts rise and none fall (and the reverse); steady when the parts
/// that have a trend disagree or hold; unknown when none has one.
fn combined_trend(assessed: &[&Estimate]) -> Trend {
    let rising = assessed.iter().any(|e| e.trend == Trend::Rising);
    let falling = assessed.iter().any(|e| e.trend == Trend::Falling);
    match (rising, falling) {
        (true, false) => Trend::Rising,
        (false, true) => Trend::Falling,
        (true, true) => Trend::Steady,
        (false, false) if assessed.iter().any(|e| e.trend == Trend::Steady) => Trend::Steady,
        _ => Trend::Unknown,
    }
}

fn latest(assessed: &[&Estimate]) -> String {
    assessed
        .iter()
        .max_by_key(|e| (parse_instant(&e.last_at).unwrap_or(i64::MIN), e.last_at.clone()))
        .map(|e| e.last_at.clone())
        .unwrap_or_default()
}
