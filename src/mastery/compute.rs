//! From evidence records to one mastery estimate per (student, competency).
//!
//! Takes records in any order and `MasteryOptions`; gives estimates sorted by student then
//! competency. Each group's records are put in time order by `at` (equal times keep input
//! order), then the method gives the value; the rest of the estimate follows the rules below.
//!
//! - `level`: the scale level at or below the value (the lowest level when the value is below
//!   every level). For `bkt`, whose value is a probability, a mastered estimate is placed at
//!   the mastery level (BKT tells known from not known, not proficient from advanced) and an
//!   unmastered one at `lowest + P(L)/masteredAt · (mastery − lowest)`, floored to a level
//!   below mastery: P(L) = 0 is the lowest level, and the levels below mastery share the range
//!   up to the threshold.
//! - `mastered`: value ≥ the scale's mastery threshold; `nMastery`: n scores at mastery;
//!   `bkt`: P(L) ≥ `masteredAt` (default 0.95, Corbett & Anderson's mastery criterion).
//! - `trend`: `unknown` with one record. Otherwise, for score methods, the latest score
//!   against the mean of the earlier ones: `rising` when higher by more than a quarter of a
//!   scale step ((top − bottom)/(levels − 1); 0.25 on the default scale), `falling` when lower
//!   by as much, else `steady`. For `bkt`, P(L) after the latest answer against P(L) before
//!   it, with a margin of 0.05.
//! - `stale` (only with `staleAfterDays`): the latest record is older than that many days
//!   before `asOf` (default: the latest record in the input).

use super::bkt::{self, BktParams, FitOptions, Response, SkillSequences};
use super::estimate::{Estimate, Trend};
use super::methods;
use super::options::{MasteryOptions, Method};
use super::record::EvidenceRecord;
use super::time::instant;
use crate::rubric::model::Scale;
use std::collections::HashMap;

/// Computes one estimate per (student, competency) present in `records`.
pub fn compute_mastery(records: &[EvidenceRecord], options: &MasteryOptions) -> Vec<Estimate> {
    if records.is_empty() || options.scale.levels.is_empty() {
        return Vec::new();
    }
    let order = time_order(records);
    let groups = group_bounds(&order);
    let bkt_params = match &options.method {
        Method::Bkt { params, fit: true, restarts, seed, .. } => fit_per_competency(records, &order.index, &groups, options, *params, *restarts, *seed),
        _ => HashMap::new(),
    };
    let as_of = options.as_of.as_deref().and_then(instant).unwrap_or(order.latest);
    let scale = &options.scale;
    let lowest = scale.levels[0].value;
    let highest = scale.levels[scale.levels.len() - 1].value;
    let step = if scale.levels.len() > 1 { (highest - lowest) / (scale.levels.len() - 1) as f64 } else { 1.0 };
    let below_mastery = scale.levels.iter().rev().find(|l| l.value < scale.mastery).map_or(lowest, |l| l.value);

    let mut scores: Vec<f64> = Vec::new();
    let mut estimates = Vec::with_capacity(groups.len());
    for &(from, to) in &groups {
        let group = &order.index[from..to];
        scores.clear();
        scores.extend(group.iter().map(|&i| records[i].value));
        let first = &records[group[0]];
        let last_index = group[group.len() - 1];
        let mut trend = score_trend(&scores, step);
        let (value, mastered, level) = match &options.method {
            Method::Bkt { params, mastered_at, .. } => {
                let params = bkt_params.get(first.competency.as_str()).unwrap_or(params);
                let (before, after) = bkt_trace(params, &scores, scale.mastery);
                trend = probability_trend(before, after, scores.len());
                let mastered = after >= *mastered_at;
                (after, mastered, bkt_level(after, *mastered_at, scale, lowest, below_mastery))
            }
            Method::NMastery { n } => {
                let (value, mastered) = methods::n_mastery(&scores, *n, scale.mastery, below_mastery);
                (value, mastered, scale.floor(value).value)
            }
            method => {
                let value = score_value(method, &scores, lowest, highest);
                (value, value >= scale.mastery - 1e-9, scale.floor(value).value)
            }
        };
        let last_instant = order.instants[last_index];
        estimates.push(Estimate {
            student: first.student.clone(),
            competency: first.competency.clone(),
            value,
            level,
            label: scale.label_of(level).map(str::to_string),
            mastered,
            count: group.len(),
            trend,
            last_at: records[last_index].at.clone(),
            stale: options.stale_after_days.map(|days| as_of - last_instant > days * 86_400.0),
        });
    }
    estimates
}

/// The value of a score-based method (not `nMastery` or `bkt`, which decide mastery too).
fn score_value(method: &Method, scores: &[f64], lowest: f64, highest: f64) -> f64 {
    match method {
        Method::DecayingAverage { weight } => methods::decaying_average(scores, *weight),
        Method::WeightedAverage { weight } => methods::weighted_average(scores, *weight),
        Method::Latest => methods::latest(scores),
        Method::Highest => methods::highest(scores),
        Method::Average => methods::average(scores),
        Method::Mode => methods::mode(scores),
        Method::PowerLaw => methods::power_law(scores, lowest, highest),
        Method::NMastery { .. } | Method::Bkt { .. } => methods::average(scores),
    }
}

fn score_trend(scores: &[f64], step: f64) -> Trend {
    let Some((&last, earlier)) = scores.split_last() else { return Trend::Unknown };
    if earlier.is_empty() {
        return Trend::Unknown;
    }
    let change = last - methods::mean(earlier);
    let margin = step / 4.0;
    if change > margin {
        Trend::Rising
    } else if change < -margin {
        Trend::Falling
    } else {
        Trend::Steady
    }
}

fn probability_trend(before: f64, after: f64, count: usize) -> Trend {
    if count < 2 {
        Trend::Unknown
    } else if after - before > 0.05 {
        Trend::Rising
    } else if before - after > 0.05 {
        Trend::Falling
    } else {
        Trend::Steady
    }
}

/// P(L) before the latest answer (after the transition that precedes it) and after it.
fn bkt_trace(params: &BktParams, scores: &[f64], mastery: f64) -> (f64, f64) {
    let mut before = params.start();
    let mut after = before;
    for (i, &score) in scores.iter().enumerate() {
        if i > 0 {
            before = params.step(after);
        }
        after = params.observe(before, score >= mastery);
    }
    (before.known, after.known)
}

fn bkt_level(p_known: f64, mastered_at: f64, scale: &Scale, lowest: f64, below_mastery: f64) -> f64 {
    if p_known >= mastered_at {
        return scale.floor(scale.mastery).value;
    }
    let spread = lowest + p_known / mastered_at.max(f64::MIN_POSITIVE) * (scale.mastery - lowest);
    scale.floor(spread.min(below_mastery)).value
}

/// Records in (student, competency, time, input) order, with each record's instant and its
/// (student, competency) key.
struct TimeOrder {
    index: Vec<usize>,
    keys: Vec<u64>,
    instants: Vec<f64>,
    latest: f64,
}

fn time_order(records: &[EvidenceRecord]) -> TimeOrder {
    // Rank names once so that the sort compares numbers, not strings.
    let students = ranks(records.iter().map(|r| r.student.as_str()));
    let competencies = ranks(records.iter().map(|r| r.competency.as_str()));
    let instants: Vec<f64> = records.iter().map(|r| instant(&r.at).unwrap_or(f64::NEG_INFINITY)).collect();
    let latest = instants.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let keys: Vec<u64> = students.iter().zip(&competencies).map(|(&s, &c)| (u64::from(s) << 32) | u64::from(c)).collect();
    let mut index: Vec<usize> = (0..records.len()).collect();
    index.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]).then(instants[a].total_cmp(&instants[b])).then(a.cmp(&b)));
    TimeOrder { index, keys, instants, latest }
}

/// For each item, the rank of its name among the distinct names in sorted order.
fn ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    // One hash per item: ids in first-seen order, then each id replaced by its name's rank.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut distinct: Vec<&str> = Vec::new();
    let seen: Vec<u32> = names
        .map(|name| {
            *ids.entry(name).or_insert_with(|| {
                distinct.push(name);
                (distinct.len() - 1) as u32
            })
        })
        .collect();
    let mut by_name: Vec<u32> = (0..distinct.len() as u32).collect();
    by_name.sort_unstable_by(|&a, &b| distinct[a as usize].cmp(distinct[b as usize]));
    let mut rank = vec![0u32; distinct.len()];
    for (r, &id) in by_name.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    seen.into_iter().map(|id| rank[id as usize]).collect()
}

/// `[from, to)` ranges of `order.index` sharing student and competency.
fn group_bounds(order: &TimeOrder) -> Vec<(usize, usize)> {
    let index = &order.index;
    let mut groups = Vec::new();
    let mut from = 0;
    for to in 1..=index.len() {
        if to == index.len() || order.keys[index[to - 1]] != order.keys[index[to]] {
            groups.push((from, to));
            from = to;
        }
    }
    groups
}

/// Fits BKT per competency on every student's right/wrong sequence in the input. A
/// competency whose answers are all right or all wrong has nothing to learn from and keeps
/// the given parameters.
fn fit_per_competency(
    records: &[EvidenceRecord],
    index: &[usize],
    groups: &[(usize, usize)],
    options: &MasteryOptions,
    fallback: BktParams,
    restarts: usize,
    seed: u64,
) -> HashMap<String, BktParams> {
    let mut responses = Vec::with_capacity(records.len());
    for &(from, to) in groups {
        for (position, &i) in index[from..to].iter().enumerate() {
            let r = &records[i];
            responses.push(Response {
                order: position as u64,
                student: r.student.clone(),
                skill: r.competency.clone(),
                correct: r.value >= options.scale.mastery,
            });
        }
    }
    let fit_options = FitOptions { restarts, seed, ..FitOptions::default() };
    SkillSequences::group(&responses)
        .iter()
        .map(|skill| {
            let right = skill.answers.iter().filter(|&&a| a == 1).count();
            let params = if right == 0 || right == skill.answers.len() { fallback } else { bkt::fit_skill(skill, &fit_options).params };
            (skill.skill.clone(), params)
        })
        .collect()
}

#[cfg(test)]
#[path = "compute_tests.rs"]
mod tests;
