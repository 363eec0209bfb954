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

use super::bkt::{BktParams, FitOptions, Response, SkillFit, SkillSequences};
use super::estimate::{Estimate, Trend};
use super::methods;
use super::options::{MasteryOptions, Method};
use super::record::EvidenceRecord;
use super::table::EvidenceTable;
use super::time::instant;
use crate::rubric::model::Scale;
use std::borrow::Cow;

/// Computes one estimate per (student, competency) present in `records`.
pub fn compute_mastery(records: &[EvidenceRecord], options: &MasteryOptions) -> Vec<Estimate> {
    compute_mastery_table(&EvidenceTable::from_records(records), options)
}

/// `compute_mastery` over evidence already in a table (e.g. read by `EvidenceTable::from_jsonl`).
pub fn compute_mastery_table(table: &EvidenceTable, options: &MasteryOptions) -> Vec<Estimate> {
    estimate_rows(table, options).iter().map(|row| row.estimate(table, &options.scale)).collect()
}

/// One estimate of `estimate_rows`, with names and times as indexes into its table and scale.
#[derive(Debug, Clone, PartialEq)]
pub struct EstimateRow {
    /// Index into the table's `students`.
    pub student: u32,
    /// Index into the table's `competencies`.
    pub competency: u32,
    pub value: f64,
    pub level: f64,
    /// Index into the scale's levels of the level's label.
    pub label: Option<u32>,
    pub mastered: bool,
    pub count: u32,
    pub trend: Trend,
    /// Index into the table's `rows` of the latest record.
    pub last: u32,
    pub stale: Option<bool>,
}

impl EstimateRow {
    /// The estimate with its names, label and time written out.
    pub fn estimate(&self, table: &EvidenceTable, scale: &Scale) -> Estimate {
        Estimate {
            student: table.students[self.student as usize].to_string(),
            competency: table.competencies[self.competency as usize].to_string(),
            value: self.value,
            level: self.level,
            label: self.label.map(|i| scale.levels[i as usize].label.to_string()),
            mastered: self.mastered,
            count: self.count as usize,
            trend: self.trend,
            last_at: table.rows[self.last as usize].at.to_string(),
            stale: self.stale,
        }
    }
}

/// `compute_mastery` over a table, without writing names out: what the wasm binding turns
/// into JS objects directly.
pub fn estimate_rows(table: &EvidenceTable, options: &MasteryOptions) -> Vec<EstimateRow> {
    let mut estimator = Estimator::default();
    while !estimator.step(table, options, &mut Budget::unlimited()) {}
    estimator.rows
}

/// How much work a step may do: a step calls `spend` as it goes and stops when it says so.
/// `out_of_time` is asked once per few thousand units of work (a record read, checked,
/// placed or estimated is a unit), so that a clock is read rarely.
pub struct Budget<'f> {
    out_of_time: &'f mut dyn FnMut() -> bool,
    spent: usize,
}

impl<'f> Budget<'f> {
    /// Units spent between two questions to the clock.
    const ASK_EVERY: usize = 2048;

    pub fn new(out_of_time: &'f mut dyn FnMut() -> bool) -> Self {
        Budget { out_of_time, spent: 0 }
    }

    /// A budget that never runs out: the whole computation in one step.
    pub fn unlimited() -> Budget<'static> {
        // A zero-sized closure: a `'static` borrow of it costs nothing.
        Budget { out_of_time: Box::leak(Box::new(|| false)), spent: 0 }
    }

    /// Spends `units`; `true` when the step should end now.
    pub fn spend(&mut self, units: usize) -> bool {
        self.spent += units;
        if self.spent < Self::ASK_EVERY {
            return false;
        }
        self.spent = 0;
        (self.out_of_time)()
    }
}

/// `estimate_rows` in steps of bounded work, for a caller that must stay responsive (a page's
/// main thread): each `step` does what its budget allows and says whether it is done; then
/// `rows` holds the estimates. Run to the end, it gives exactly `estimate_rows`.
///
/// The steps: rank names and order the rows by (student, competency) with two counting sorts
/// (a few passes over the rows, one step); put each group in time order; fit BKT per
/// competency when asked (one competency a step); estimate each group.
#[derive(Default)]
pub struct Estimator {
    phase: Phase,
    sort: PairSort,
    /// Row numbers in (student, competency, time, input) order.
    index: Vec<u32>,
    /// `[from, to)` ranges of `index` that share student and competency.
    groups: Vec<(usize, usize)>,
    /// Fitted BKT parameters per competency id (empty unless fitting).
    fitted: Vec<Option<BktParams>>,
    /// Group numbers per competency id (only while fitting).
    groups_of: Vec<Vec<u32>>,
    /// The competency being fitted: its sequences and its fit so far.
    fitting: Option<(SkillSequences, SkillFit)>,
    as_of: f64,
    scores: Vec<f64>,
    /// The estimates so far, sorted by student then competency.
    pub rows: Vec<EstimateRow>,
}

#[derive(Default, Clone, Copy, PartialEq, Debug)]
enum Phase {
    #[default]
    Start,
    /// Rows ordered by (student, competency): `sort` goes on where it stopped.
    Sort,
    /// Time order within groups, from this place of `index`, the current group starting at `from`.
    Groups {
        at: usize,
        from: usize,
    },
    /// BKT fitting, from this competency id.
    Fit {
        next: usize,
    },
    /// Estimates, from this group.
    Estimate {
        next: usize,
    },
    Done,
}

impl Estimator {
    /// Does as much as `budget` allows; `true` once every estimate is in `rows`.
    pub fn step(
        &mut self,
        table: &EvidenceTable,
        options: &MasteryOptions,
        budget: &mut Budget,
    ) -> bool {
        loop {
            match self.phase {
                Phase::Start => {
                    if table.rows.is_empty() || options.scale.levels.is_empty() {
                        self.phase = Phase::Done;
                        continue;
                    }
                    let latest =
                        table.rows.iter().map(|r| r.instant).fold(f64::NEG_INFINITY, f64::max);
                    self.as_of = options.as_of.as_deref().and_then(instant).unwrap_or(latest);
                    self.sort = PairSort::new(table);
                    self.phase = Phase::Sort;
                    if budget.spend(table.rows.len() / 4 + table.students.len()) {
                        return false;
                    }
                }
                Phase::Sort => {
                    if !self.sort.run(table, budget) {
                        return false;
                    }
                    self.index = std::mem::take(&mut self.sort).sorted;
                    self.phase = Phase::Groups { at: 1, from: 0 };
                }
                Phase::Groups { at, from } => {
                    if self.put_groups_in_time_order(table, at, from, budget) {
                        return false;
                    }
                    self.phase = match &options.method {
                        Method::Bkt { fit: true, .. } => {
                            self.fitted = vec![None; table.competencies.len()];
                            self.groups_of = vec![Vec::new(); table.competencies.len()];
                            for (g, &(from, _)) in self.groups.iter().enumerate() {
                                let competency = table.rows[self.index[from] as usize].competency;
                                self.groups_of[competency as usize].push(g as u32);
                            }
                            Phase::Fit { next: 0 }
                        }
                        _ => Phase::Estimate { next: 0 },
                    };
                    self.rows.reserve_exact(self.groups.len());
                }
                Phase::Fit { next } => {
                    if next == table.competencies.len() {
                        self.groups_of = Vec::new();
                        self.phase = Phase::Estimate { next: 0 };
                        continue;
                    }
                    // The competency's sequences (one unit of work), then its EM iterations,
                    // each as much work as its answers.
                    let Some((sequences, fit)) = &mut self.fitting else {
                        let answers = self.start_fit(table, options, next);
                        if self.fitting.is_none() {
                            self.phase = Phase::Fit { next: next + 1 };
                        }
                        if budget.spend(answers * 4 + 1) {
                            return false;
                        }
                        continue;
                    };
                    let done = fit.step(sequences);
                    let answers = sequences.answers.len();
                    if done {
                        let (sequences, fit) = self.fitting.take().expect("fitting");
                        self.fitted[next] = Some(fit.report(&sequences).params);
                        self.phase = Phase::Fit { next: next + 1 };
                    }
                    if budget.spend(answers * 2 + 1) {
                        return false;
                    }
                }
                Phase::Estimate { next } => {
                    let rules = Rules::new(options, self.as_of);
                    let mut g = next;
                    while g < self.groups.len() {
                        let (from, to) = self.groups[g];
                        let group = &self.index[from..to];
                        let competency = table.rows[group[0] as usize].competency;
                        let params = self.fitted.get(competency as usize).copied().flatten();
                        self.rows.push(estimate_group(
                            table,
                            group,
                            params,
                            &rules,
                            &mut self.scores,
                        ));
                        g += 1;
                        if budget.spend(to - from) {
                            break;
                        }
                    }
                    self.phase = if g == self.groups.len() {
                        Phase::Done
                    } else {
                        Phase::Estimate { next: g }
                    };
                    if self.phase != Phase::Done {
                        return false;
                    }
                }
                Phase::Done => return true,
            }
        }
    }

    /// The number of estimates there will be (0 until the rows are grouped).
    pub fn groups(&self) -> usize {
        match self.phase {
            Phase::Fit { .. } | Phase::Estimate { .. } | Phase::Done => self.groups.len(),
            _ => 0,
        }
    }

    /// Finds the groups of `index` from `at` on and puts each in time order (equal times keep
    /// input order). `true` when the budget ran out first (`phase` says where to go on).
    fn put_groups_in_time_order(
        &mut self,
        table: &EvidenceTable,
        mut at: usize,
        mut from: usize,
        budget: &mut Budget,
    ) -> bool {
        let pair = |i: u32| {
            let row = &table.rows[i as usize];
            (row.student, row.competency)
        };
        let index = &mut self.index;
        while at <= index.len() {
            if at == index.len() || pair(index[at - 1]) != pair(index[at]) {
                if at - from > 1 {
                    // The group is in input order, and row numbers break ties (an unstable
                    // sort is less code than a stable one, and as fast).
                    index[from..at].sort_unstable_by(|&a, &b| {
                        table.rows[a as usize]
                            .instant
                            .total_cmp(&table.rows[b as usize].instant)
                            .then(a.cmp(&b))
                    });
                }
                self.groups.push((from, at));
                let size = at - from;
                from = at;
                at += 1;
                if budget.spend(size * 2) {
                    self.phase = Phase::Groups { at, from };
                    return true;
                }
            } else {
                at += 1;
            }
        }
        false
    }

    /// Starts fitting BKT for one competency on every student's right/wrong sequence of it
    /// (`fitting`); a competency whose answers are all right or all wrong has nothing to learn
    /// from and keeps the given parameters at once. Gives the number of answers.
    fn start_fit(
        &mut self,
        table: &EvidenceTable,
        options: &MasteryOptions,
        competency: usize,
    ) -> usize {
        let Method::Bkt { params: fallback, restarts, seed, .. } = &options.method else {
            return 0;
        };
        let mut responses = Vec::new();
        let skill = table.competencies[competency].to_string();
        for &g in &self.groups_of[competency] {
            let (from, to) = self.groups[g as usize];
            for (position, &i) in self.index[from..to].iter().enumerate() {
                let r = &table.rows[i as usize];
                responses.push(Response {
                    order: position as u64,
                    student: table.students[r.student as usize].to_string(),
                    skill: skill.clone(),
                    correct: r.value >= options.scale.mastery,
                });
            }
        }
        let fit_options = FitOptions { restarts: *restarts, seed: *seed, ..FitOptions::default() };
        if let Some(sequences) = SkillSequences::group(&responses).into_iter().next() {
            let right = sequences.answers.iter().filter(|&&a| a == 1).count();
            if right == 0 || right == sequences.answers.len() {
                self.fitted[competency] = Some(*fallback);
            } else {
                let fit = SkillFit::new(&sequences, fit_options);
                self.fitting = Some((sequences, fit));
            }
        }
        responses.len()
    }
}

/// What every group's estimate needs from the options and the scale, worked out once.
struct Rules<'a> {
    options: &'a MasteryOptions,
    lowest: f64,
    highest: f64,
    step: f64,
    below_mastery: f64,
    as_of: f64,
}

impl<'a> Rules<'a> {
    fn new(options: &'a MasteryOptions, as_of: f64) -> Self {
        let scale = &options.scale;
        let lowest = scale.levels[0].value;
        let highest = scale.levels[scale.levels.len() - 1].value;
        let step = if scale.levels.len() > 1 {
            (highest - lowest) / (scale.levels.len() - 1) as f64
        } else {
            1.0
        };
        let below_mastery =
            scale.levels.iter().rev().find(|l| l.value < scale.mastery).map_or(lowest, |l| l.value);
        Rules { options, lowest, highest, step, below_mastery, as_of }
    }
}

/// The estimate of one (student, competency) from its records in time order. Not inlined:
/// called once per group, it is what a WebAssembly engine optimises early.
#[inline(never)]
fn estimate_group(
    table: &EvidenceTable,
    group: &[u32],
    fitted: Option<BktParams>,
    rules: &Rules,
    scores: &mut Vec<f64>,
) -> EstimateRow {
    let (options, scale) = (rules.options, &rules.options.scale);
    scores.clear();
    scores.extend(group.iter().map(|&i| table.rows[i as usize].value));
    let first = &table.rows[group[0] as usize];
    let last = group[group.len() - 1];
    let mut trend = score_trend(scores, rules.step);
    let (value, mastered, level) = match &options.method {
        Method::Bkt { params, mastered_at, .. } => {
            let params = fitted.as_ref().unwrap_or(params);
            let (before, after) = bkt_trace(params, scores, scale.mastery);
            trend = probability_trend(before, after, scores.len());
            let mastered = after >= *mastered_at;
            (
                after,
                mastered,
                bkt_level(after, *mastered_at, scale, rules.lowest, rules.below_mastery),
            )
        }
        Method::NMastery { n } => {
            let (value, mastered) =
                methods::n_mastery(scores, *n, scale.mastery, rules.below_mastery);
            (value, mastered, scale.floor(value).value)
        }
        method => {
            let value = score_value(method, scores, rules.lowest, rules.highest);
            (value, value >= scale.mastery - 1e-9, scale.floor(value).value)
        }
    };
    let last_instant = table.rows[last as usize].instant;
    EstimateRow {
        student: first.student,
        competency: first.competency,
        value,
        level,
        label: scale.levels.iter().position(|l| l.value == level).map(|i| i as u32),
        mastered,
        count: group.len() as u32,
        trend,
        last,
        stale: options.stale_after_days.map(|days| rules.as_of - last_instant > days * 86_400.0),
    }
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

fn bkt_level(
    p_known: f64,
    mastered_at: f64,
    scale: &Scale,
    lowest: f64,
    below_mastery: f64,
) -> f64 {
    if p_known >= mastered_at {
        return scale.floor(scale.mastery).value;
    }
    let spread = lowest + p_known / mastered_at.max(f64::MIN_POSITIVE) * (scale.mastery - lowest);
    scale.floor(spread.min(below_mastery)).value
}

/// Row numbers in (student, competency, input) order, in steps. Names are ranked once, then
/// rows are placed by two stable counting sorts (competency rank, then student rank): four
/// passes over the rows (count, place; count, place), each resumable: linear, and input order
/// is kept within a pair.
#[derive(Default)]
struct PairSort {
    students: Vec<u32>,
    competencies: Vec<u32>,
    /// The pass (0–3) and the place in it.
    pass: u8,
    at: usize,
    /// Counts, then the next free slot, per bucket.
    starts: Vec<u32>,
    /// The output of the pass in progress, then of the last.
    sorted: Vec<u32>,
    /// The rows in competency order (passes 2 and 3 read it).
    by_competency: Vec<u32>,
}

impl PairSort {
    fn new(table: &EvidenceTable) -> Self {
        let competencies = ranks(&table.competencies);
        PairSort {
            starts: vec![0; competencies.len() + 1],
            students: ranks(&table.students),
            competencies,
            ..PairSort::default()
        }
    }

    /// Goes on while `budget` allows; `true` once `sorted` holds the order.
    fn run(&mut self, table: &EvidenceTable, budget: &mut Budget) -> bool {
        let n = table.rows.len();
        while self.pass < 4 {
            let by_student = self.pass >= 2;
            while self.at < n {
                let item = if by_student { self.by_competency[self.at] } else { self.at as u32 };
                let row = &table.rows[item as usize];
                let bucket = if by_student {
                    self.students[row.student as usize]
                } else {
                    self.competencies[row.competency as usize]
                } as usize;
                if self.pass % 2 == 0 {
                    self.starts[bucket + 1] += 1;
                } else {
                    let slot = &mut self.starts[bucket];
                    self.sorted[*slot as usize] = item;
                    *slot += 1;
                }
                self.at += 1;
                if budget.spend(1) {
                    return false;
                }
            }
            match self.pass {
                0 | 2 => {
                    for b in 1..self.starts.len() {
                        self.starts[b] += self.starts[b - 1];
                    }
                    self.sorted = vec![0; n];
                }
                1 => {
                    self.by_competency = std::mem::take(&mut self.sorted);
                    self.starts = vec![0; self.students.len() + 1];
                }
                _ => self.by_competency = Vec::new(),
            }
            self.pass += 1;
            self.at = 0;
        }
        true
    }
}

/// For each name, its rank among the names in sorted order (names are distinct).
fn ranks(names: &[Cow<str>]) -> Vec<u32> {
    let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
    by_name.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
    let mut rank = vec![0u32; names.len()];
    for (r, &id) in by_name.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    rank
}

#[cfg(test)]
#[path = "compute_tests.rs"]
mod tests;
