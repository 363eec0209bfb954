//! Calibration that teaches the rubric: from samples a teacher has scored, edits the teacher
//! can accept one at a time, each with its counts and its expected effect on agreement.
//!
//! **What is proposed.**
//! - *Phrases* students really write: word sequences (1–3 words) that occur in at least
//!   `minSupport` answers, for an indicator that is not met in them, when meeting it there
//!   moves the engine towards the teacher; *misspellings* (a word one or two edits from a
//!   word of the indicator's phrases) and *stems* (`diffus*` for diffuse, diffusion,
//!   diffuses) of its own phrases.
//! - *Over-firing* phrases: a phrase that alone meets an indicator in answers the engine
//!   scores above the teacher; removing it is proposed when that helps.
//! - *Cut points*: an `atLeast` check's `n` one up or down ("3 key elements = 3 points").
//!
//! **How it is judged.** Every indicator's verdict on every sample is computed once with the
//! engine; each candidate phrase is matched with the engine too, with its target indicator's
//! own options (stems, fuzzy, negation…), in one probe rubric. An edit only flips some
//! indicator verdicts, so its effect is worked out by re-deciding the levels of the samples
//! it touches, not by rescoring everything. Agreement is quadratic weighted kappa (QWK) of
//! the teacher's and the engine's levels pooled over criteria, as `calibrate` reports it.
//! - *Training*: QWK on all samples before and after. The suggestions kept are re-checked
//!   by applying the edit to the rubric and scoring every sample again, so the training
//!   figure is exact.
//! - *Held out*: samples are put in `folds` folds by a hash of their id (the student id, or
//!   the line). For each fold the edit counts only if it also improves agreement on the
//!   other folds; the held-out QWK pools each fold's samples scored that way. A phrase that
//!   helped only the answers it was found in shows no held-out gain.
//!
//! Suggestions are ranked by held-out gain, then training gain, then by their text, so the
//! same samples always give the same list; a phrase that another indicator already has comes
//! after the rest (the two indicators would be met by the same words), and says so.

use super::edit::{apply_to_value, Edit};
use super::quadratic_weighted_kappa;
use super::samples::Sample;
use crate::rubric::model::Submission;
use crate::scoring::CompiledRubric;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// How many suggestions, folds and answers a phrase needs.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestOptions {
    /// Folds for the held-out figures (0: none). Default 5.
    pub folds: usize,
    /// Most suggestions returned. Default 10.
    pub max_suggestions: usize,
    /// Answers a new phrase must occur in (default: 3, or 2% of the samples if more).
    pub min_support: Option<usize>,
}

impl SuggestOptions {
    /// Calibration options from JSON (`{"suggest": true, "folds": 5, "maxSuggestions": 10,
    /// "minSupport": 3}`, all optional): `None` unless `suggest` is true.
    pub fn from_value(value: &Value) -> Result<Option<SuggestOptions>, crate::Error> {
        use crate::json::Walk;
        let mut walk = Walk::new();
        let mut out = None;
        if let Some(mut fields) = walk.object(value, "") {
            let suggest = fields.bool(&mut walk, "suggest").unwrap_or(false);
            let mut options = SuggestOptions::default();
            if let Some(n) = fields.count(&mut walk, "folds", false, 0) {
                options.folds = n.min(20) as usize;
            }
            if let Some(n) = fields.count(&mut walk, "maxSuggestions", false, 1) {
                options.max_suggestions = n as usize;
            }
            if let Some(n) = fields.count(&mut walk, "minSupport", false, 1) {
                options.min_support = Some(n as usize);
            }
            fields.finish(&mut walk);
            out = suggest.then_some(options);
        }
        walk.finish("options")?;
        Ok(out)
    }
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions { folds: 5, max_suggestions: 10, min_support: None }
    }
}

/// The rubric's agreement and the suggestions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SuggestReport {
    pub samples: usize,
    /// Folds the held-out figures come from (0 when there were too few samples).
    pub folds: usize,
    /// QWK of the rubric as it is, on all samples.
    pub kappa: Option<f64>,
    pub suggestions: Vec<Suggestion>,
}

/// What kind of edit, in a teacher's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum SuggestionKind {
    /// A phrase students write for this indicator.
    Phrase,
    /// A misspelling of one of the indicator's words that students really write.
    Misspelling,
    /// A word stem that catches several forms of one of the indicator's words.
    Stem,
    /// A phrase that meets the indicator in answers the teacher scored lower.
    OverFiring,
    /// A different number of key elements for a level.
    CutPoint,
}

/// One edit a teacher can accept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// The rubric edit; accepting it changes the rubric JSON only.
    pub edit: Edit,
    /// In plain words: what the edit does and why.
    pub why: String,
    pub counts: Counts,
    pub effect: Effect,
}

/// The samples behind a suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Samples where the indicator's verdict changes.
    pub answers: usize,
    /// The teacher's mean level on those samples, and on all samples.
    pub teacher_mean: f64,
    pub teacher_mean_all: f64,
    /// Samples whose engine level changes, towards the teacher's and away from it.
    pub closer: usize,
    pub further: usize,
}

/// Agreement (QWK) before and after the edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    pub training_before: f64,
    pub training_after: f64,
    pub training_gain: f64,
    /// Held out by folds (absent without folds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_out_before: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_out_after: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_out_gain: Option<f64>,
}

impl Suggestion {
    /// The rubric JSON text with this suggestion accepted (only the changed list or number
    /// is rewritten).
    pub fn apply(&self, rubric_json: &str) -> Result<String, crate::Error> {
        super::edit::apply_to_text(rubric_json, &self.edit)
    }
}

/// Small words that make no phrase alone (English and Spanish).
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
    "those", "they", "them", "their", "i", "you", "we", "he", "she", "my", "your", "our", "would",
    "will", "can", "could", "should", "do", "does", "did", "have", "has", "had", "not", "no", "so",
    "if", "then", "than", "also", "there", "what", "which", "who", "how", "when", "where", "into",
    "out", "up", "all", "each", "other", "more", "some", "any", "one", "two", "three", "first",
    "second", "third", "need", "needs", "know", "like", "just", "very", "because", "el", "la",
    "los", "las", "un", "una", "y", "o", "de", "del", "en", "que", "es", "son", "por", "para",
    "con", "se", "su", "sus", "lo", "al", "como", "más", "pero",
];

/// Most candidate phrases kept (by support) before judging them.
const MAX_CANDIDATES: usize = 1500;
/// Most edits judged on the folds and re-checked exactly.
const MAX_JUDGED: usize = 40;

/// Proposes edits from teacher-scored samples (see the module doc).
pub fn suggest(
    rubric: &CompiledRubric,
    samples: &[Sample],
    options: &SuggestOptions,
) -> SuggestReport {
    let model = Model::new(rubric, samples);
    let folds = if samples.len() >= options.folds.max(1) * 4 { options.folds } else { 0 };
    let kappa = model.base_kappa();
    if model.pairs.is_empty() {
        return SuggestReport { samples: samples.len(), folds, kappa, suggestions: Vec::new() };
    }
    let min_support = options.min_support.unwrap_or_else(|| (samples.len() / 50).max(3));
    let occurrences = Probes::run(rubric, &model, samples, min_support);

    // Which indicators already have each phrase (in lower case).
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for target in &model.targets {
        for phrase in &target.phrases {
            owners.entry(phrase.to_lowercase()).or_default().push(target.indicator);
        }
    }
    // Every candidate edit with its effect on training agreement.
    let mut candidates: Vec<Candidate> = Vec::new();
    for (t, target) in model.targets.iter().enumerate() {
        let ind = target.indicator;
        // New phrases, misspellings and stems.
        for (phrase, kind, origin) in occurrences.additions(t) {
            let Some(occ) = occurrences.samples(t, phrase) else { continue };
            let flips: Vec<usize> =
                occ.iter().copied().filter(|&s| !model.met[s][ind] && !model.off_task[s]).collect();
            if flips.is_empty() {
                continue;
            }
            let delta = model.flip(ind, &flips, true);
            let overlap = owners
                .get(&phrase.to_lowercase())
                .and_then(|o| o.iter().find(|&&other| other != ind))
                .map(|&other| rubric.indicators[other].id.clone());
            candidates.push(Candidate {
                overlap,
                kind,
                edit: Edit::AddPhrase {
                    criterion: model.criterion_id(ind),
                    indicator: rubric.indicators[ind].id.clone(),
                    part: target.part,
                    phrase: phrase.to_string(),
                    locale: model.locale.clone(),
                },
                flips,
                delta,
                origin: origin.map(str::to_string),
            });
        }
        // Over-firing phrases: those that alone meet the indicator.
        if target.phrases.len() > 1 && target.part.is_none() {
            for phrase in &target.phrases {
                let Some(occ) = occurrences.samples(t, phrase) else { continue };
                let flips: Vec<usize> = occ
                    .iter()
                    .copied()
                    .filter(|&s| {
                        model.met[s][ind]
                            && target.phrases.iter().filter(|p| *p != phrase).all(|p| {
                                occurrences
                                    .samples(t, p)
                                    .is_none_or(|o| o.binary_search(&s).is_err())
                            })
                    })
                    .collect();
                if flips.is_empty() {
                    continue;
                }
                let delta = model.flip(ind, &flips, false);
                candidates.push(Candidate {
                    kind: SuggestionKind::OverFiring,
                    edit: Edit::RemovePhrase {
                        criterion: model.criterion_id(ind),
                        indicator: rubric.indicators[ind].id.clone(),
                        part: None,
                        phrase: phrase.clone(),
                        locale: model.locale.clone(),
                    },
                    flips,
                    delta,
                    origin: None,
                    overlap: None,
                });
            }
        }
    }
    // Cut points.
    for (i, at_least) in model.at_least.iter().enumerate() {
        let Some((n, of)) = at_least else { continue };
        for new_n in [n.saturating_sub(1), n + 1] {
            if new_n == 0 || new_n > of.len() || new_n == *n {
                continue;
            }
            let delta = model.with_cut(i, new_n);
            if delta.is_empty() {
                continue;
            }
            candidates.push(Candidate {
                kind: SuggestionKind::CutPoint,
                edit: Edit::SetAtLeast {
                    criterion: model.criterion_id(i),
                    indicator: rubric.indicators[i].id.clone(),
                    from: *n as u32,
                    n: new_n as u32,
                },
                flips: delta.iter().map(|d| model.pairs[d.0].sample).collect(),
                delta,
                origin: None,
                overlap: None,
            });
        }
    }

    // Training gain for all; the best judged on folds, then re-checked exactly.
    let all: Vec<usize> = (0..model.pairs.len()).collect();
    let base = model.kappa_of(&all, &[]);
    let mut judged: Vec<(f64, Candidate)> = candidates
        .into_iter()
        .filter_map(|c| {
            let after = model.kappa_of(&all, &c.delta);
            let gain = after - base;
            (gain > 1e-9).then_some((gain, c))
        })
        .collect();
    judged.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then_with(|| edit_key(&a.1.edit).cmp(&edit_key(&b.1.edit)))
    });
    // One edit per phrase (its best indicator), one cut point per indicator, and one of
    // the phrases that change the same indicator on the same samples (`color`, `colors` with
    // stems): the one found first, that is the one with the best gain, then one that is no
    // other indicator's phrase, then the shortest.
    judged.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.overlap.is_some().cmp(&b.1.overlap.is_some()))
            .then_with(|| phrase_len(&a.1.edit).cmp(&phrase_len(&b.1.edit)))
            .then_with(|| edit_key(&a.1.edit).cmp(&edit_key(&b.1.edit)))
    });
    let mut seen = BTreeSet::new();
    judged.retain(|(_, c)| {
        let same_flips = format!(
            "{}\u{0}{}\u{0}{:?}",
            c.edit.indicator(),
            matches!(c.edit, Edit::AddPhrase { .. }),
            c.flips
        );
        seen.insert(dedupe_key(&c.edit)) && seen.insert(same_flips)
    });
    judged.truncate(MAX_JUDGED);

    let fold_of: Vec<usize> = samples.iter().map(|s| fold(s, folds)).collect();
    let mut scored: Vec<(Option<f64>, f64, Candidate, Effect)> = judged
        .into_iter()
        .map(|(gain, c)| {
            let (held_before, held_after) = if folds > 0 {
                let (b, a) = model.held_out(&c.delta, &fold_of, folds);
                (Some(b), Some(a))
            } else {
                (None, None)
            };
            let effect = Effect {
                training_before: base,
                training_after: base + gain,
                training_gain: gain,
                held_out_before: held_before,
                held_out_after: held_after,
                held_out_gain: held_after.zip(held_before).map(|(a, b)| a - b),
            };
            (effect.held_out_gain, gain, c, effect)
        })
        .collect();
    // A phrase another indicator already has comes after the rest, whatever its gain.
    scored.sort_by(|a, b| {
        let ha = a.0.unwrap_or(a.1);
        let hb = b.0.unwrap_or(b.1);
        a.2.overlap
            .is_some()
            .cmp(&b.2.overlap.is_some())
            .then(hb.total_cmp(&ha))
            .then(b.1.total_cmp(&a.1))
            .then_with(|| edit_key(&a.2.edit).cmp(&edit_key(&b.2.edit)))
    });

    // Exact re-check of the kept ones: apply the edit, rescore every sample.
    let rubric_value = serde_json::to_value(&rubric.rubric).unwrap_or(Value::Null);
    let mut suggestions = Vec::new();
    for (_, _, c, mut effect) in scored {
        if suggestions.len() >= options.max_suggestions {
            break;
        }
        let Some(exact) = exact_kappa(&rubric_value, &c, samples, &model) else { continue };
        if exact - base <= 1e-9 {
            continue;
        }
        effect.training_after = exact;
        effect.training_gain = exact - base;
        let counts = model.counts(&c);
        let why = explain(&c, &counts, &effect, &model, rubric);
        suggestions.push(Suggestion { kind: c.kind, edit: c.edit, why, counts, effect });
    }
    SuggestReport { samples: samples.len(), folds, kappa, suggestions }
}

struct Candidate {
    kind: SuggestionKind,
    edit: Edit,
    /// Samples whose verdict of the edited indicator changes.
    flips: Vec<usize>,
    /// (pair index, new engine category position).
    delta: Vec<(usize, usize)>,
    /// The rubric word a misspelling or stem comes from.
    origin: Option<String>,
    /// Another indicator that already has the phrase (an added phrase only): with it in both,
    /// the two would be met by the same words, which a teacher rarely wants.
    overlap: Option<String>,
}

fn edit_key(edit: &Edit) -> String {
    serde_json::to_string(edit).unwrap_or_default()
}

fn phrase_len(edit: &Edit) -> usize {
    match edit {
        Edit::AddPhrase { phrase, .. } | Edit::RemovePhrase { phrase, .. } => phrase.len(),
        Edit::SetAtLeast { .. } => 0,
    }
}

fn dedupe_key(edit: &Edit) -> String {
    match edit {
        Edit::AddPhrase { phrase, .. } => format!("+{phrase}"),
        Edit::RemovePhrase { indicator, phrase, .. } => format!("-{indicator}\u{0}{phrase}"),
        Edit::SetAtLeast { indicator, .. } => format!("#{indicator}"),
    }
}

/// The fold of a sample, from its student id or else its line (FNV-1a).
fn fold(sample: &Sample, folds: usize) -> usize {
    if folds == 0 {
        return 0;
    }
    let key = match &sample.submission.student {
        Some(id) => id.clone(),
        None => format!("line {}", sample.line),
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % folds as u64) as usize
}

/// An indicator whose phrase list can take a phrase.
struct Target {
    indicator: usize,
    /// Which check of a top-level `any` holds the phrases (`None`: the check itself).
    part: Option<usize>,
    /// Its phrases in the rubric's locale.
    phrases: Vec<String>,
    /// Its check without the phrase lists: the options a probe phrase is matched with.
    options: Map<String, Value>,
}

impl Target {
    fn of(check: &Value, indicator: usize, part: Option<usize>, locale: &str) -> Option<Target> {
        let phrases = phrase_list(check, locale)?;
        let simple = check.get("allOf").is_none()
            && check.get("minCount").and_then(Value::as_u64).unwrap_or(1) <= 1;
        if !simple {
            return None;
        }
        let mut options = check.as_object().cloned().unwrap_or_default();
        options.remove("anyOf");
        options.remove("allOf");
        options.remove("minCount");
        Some(Target { indicator, part, phrases, options })
    }
}

/// One (sample, criterion) the teacher rated.
struct Pair {
    sample: usize,
    criterion: usize,
    teacher: usize,
}

/// What levels follow from which indicators are met, and the samples' verdicts.
struct Model<'r> {
    rubric: &'r CompiledRubric,
    locale: String,
    /// `atLeast` indicators: how many of which indicators they need.
    at_least: Vec<Option<(usize, Vec<usize>)>>,
    targets: Vec<Target>,
    /// The scale's values: the categories of agreement.
    categories: Vec<f64>,
    /// Every indicator's verdict on every sample (ratings dropped, as `calibrate` does).
    met: Vec<Vec<bool>>,
    /// Samples the off-task guard holds back: no phrase earns anything there.
    off_task: Vec<bool>,
    pairs: Vec<Pair>,
    /// The engine's category of each pair with the rubric as it is.
    engine: Vec<usize>,
    /// The pairs of each sample.
    pairs_of: Vec<Vec<usize>>,
}

impl<'r> Model<'r> {
    fn new(rubric: &'r CompiledRubric, samples: &[Sample]) -> Self {
        let value = serde_json::to_value(&rubric.rubric).unwrap_or(Value::Null);
        let locale = rubric.rubric.locale.clone();
        let mut at_least = vec![None; rubric.indicators.len()];
        let mut targets: Vec<Target> = Vec::new();
        let mut index = 0;
        for (c, criterion) in value["criteria"].as_array().into_iter().flatten().enumerate() {
            let ids: Vec<&str> = criterion["indicators"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|i| i["id"].as_str().unwrap_or(""))
                .collect();
            for indicator in criterion["indicators"].as_array().into_iter().flatten() {
                let check = &indicator["check"];
                match check["type"].as_str() {
                    Some("atLeast") => {
                        let of: Vec<usize> = check["of"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|id| ids.iter().position(|x| Some(*x) == id.as_str()))
                            .map(|k| rubric.criteria[c].indicators[k])
                            .collect();
                        if let (Some(n), false) = (check["n"].as_u64(), of.is_empty()) {
                            at_least[index] = Some((n as usize, of));
                        }
                    }
                    Some("phrases") => {
                        if let Some(t) = Target::of(check, index, None, &locale) {
                            targets.push(t);
                        }
                    }
                    // Any of several checks: a phrase added to one of its `phrases` checks
                    // meets the indicator wherever it occurs, as at the top.
                    Some("any") => {
                        for (j, inner) in
                            check["checks"].as_array().into_iter().flatten().enumerate()
                        {
                            if inner["type"].as_str() == Some("phrases") {
                                if let Some(t) = Target::of(inner, index, Some(j), &locale) {
                                    targets.push(t);
                                }
                            }
                        }
                    }
                    _ => {}
                }
                index += 1;
            }
        }
        let categories: Vec<f64> = rubric.rubric.scale.levels.iter().map(|l| l.value).collect();
        let mut off_task = Vec::with_capacity(samples.len());
        let met: Vec<Vec<bool>> = samples
            .iter()
            .map(|sample| {
                let mut submission: Submission = sample.submission.clone();
                submission.ratings.clear();
                let (outcomes, guards) = rubric.matchers.evaluate_with_guards(&submission);
                off_task.push(guards.iter().any(|g| g.off_task));
                outcomes.iter().map(|o| o.met).collect()
            })
            .collect();
        let mut model = Model {
            rubric,
            locale,
            at_least,
            targets,
            categories,
            met,
            off_task,
            pairs: Vec::new(),
            engine: Vec::new(),
            pairs_of: vec![Vec::new(); samples.len()],
        };
        for (s, sample) in samples.iter().enumerate() {
            let levels = model.levels(&model.met[s].clone(), None);
            for (c, criterion) in rubric.criteria.iter().enumerate() {
                let Some(&teacher) = sample.teacher.get(&criterion.id) else { continue };
                model.pairs_of[s].push(model.pairs.len());
                model.pairs.push(Pair {
                    sample: s,
                    criterion: c,
                    teacher: model.position(teacher),
                });
                model.engine.push(model.position(levels[c]));
            }
        }
        model
    }

    fn criterion_id(&self, indicator: usize) -> String {
        self.rubric.criteria[self.rubric.indicators[indicator].criterion].id.clone()
    }

    fn position(&self, value: f64) -> usize {
        let mut best = 0;
        for (i, c) in self.categories.iter().enumerate() {
            if (c - value).abs() < (self.categories[best] - value).abs() {
                best = i;
            }
        }
        best
    }

    /// Each criterion's level from leaf verdicts (`atLeast` ones are worked out here, with
    /// `cut` replacing one of their `n`).
    fn levels(&self, met: &[bool], cut: Option<(usize, usize)>) -> Vec<f64> {
        let mut met = met.to_vec();
        // Twice, so an `atLeast` of `atLeast`s settles.
        for _ in 0..2 {
            for (i, a) in self.at_least.iter().enumerate() {
                if let Some((n, of)) = a {
                    let n = match cut {
                        Some((j, m)) if j == i => m,
                        _ => *n,
                    };
                    met[i] = of.iter().filter(|&&k| met[k]).count() >= n;
                }
            }
        }
        let scale = &self.rubric.rubric.scale;
        self.rubric
            .criteria
            .iter()
            .map(|criterion| {
                if criterion.levels.is_empty() {
                    let max = criterion.max_points();
                    let points: f64 = criterion
                        .indicators
                        .iter()
                        .zip(&criterion.checklist_points)
                        .filter(|(&i, _)| met[i])
                        .map(|(_, p)| p)
                        .sum();
                    let (low, high) =
                        (scale.levels[0].value, scale.levels[scale.levels.len() - 1].value);
                    let fraction = if max > 0.0 { points / max } else { 0.0 };
                    scale.floor(low + fraction * (high - low)).value
                } else {
                    criterion
                        .levels
                        .iter()
                        .rev()
                        .find(|l| l.requires.iter().all(|&i| met[i]))
                        .map_or(criterion.levels[0].value, |l| l.value)
                }
            })
            .collect()
    }

    /// The pairs whose engine category changes when `indicator` becomes `to` on `samples`.
    fn flip(&self, indicator: usize, samples: &[usize], to: bool) -> Vec<(usize, usize)> {
        let mut delta = Vec::new();
        for &s in samples {
            let mut met = self.met[s].clone();
            met[indicator] = to;
            self.push_changes(s, &met, None, &mut delta);
        }
        delta
    }

    fn with_cut(&self, indicator: usize, n: usize) -> Vec<(usize, usize)> {
        let mut delta = Vec::new();
        for s in 0..self.met.len() {
            self.push_changes(s, &self.met[s], Some((indicator, n)), &mut delta);
        }
        delta
    }

    fn push_changes(
        &self,
        s: usize,
        met: &[bool],
        cut: Option<(usize, usize)>,
        delta: &mut Vec<(usize, usize)>,
    ) {
        if self.pairs_of[s].is_empty() {
            return;
        }
        let levels = self.levels(met, cut);
        for &p in &self.pairs_of[s] {
            let now = self.position(levels[self.pairs[p].criterion]);
            if now != self.engine[p] {
                delta.push((p, now));
            }
        }
    }

    fn base_kappa(&self) -> Option<f64> {
        let all: Vec<usize> = (0..self.pairs.len()).collect();
        let k = self.kappa_counts(&all, &[]);
        quadratic_weighted_kappa(&k)
    }

    fn kappa_counts(&self, pairs: &[usize], delta: &[(usize, usize)]) -> Vec<Vec<u32>> {
        let k = self.categories.len();
        let mut counts = vec![vec![0u32; k]; k];
        let mut engine: HashMap<usize, usize> = HashMap::new();
        for &(p, now) in delta {
            engine.insert(p, now);
        }
        for &p in pairs {
            let e = engine.get(&p).copied().unwrap_or(self.engine[p]);
            counts[self.pairs[p].teacher][e] += 1;
        }
        counts
    }

    /// QWK over `pairs` with `delta` applied (0 when undefined).
    fn kappa_of(&self, pairs: &[usize], delta: &[(usize, usize)]) -> f64 {
        quadratic_weighted_kappa(&self.kappa_counts(pairs, delta)).unwrap_or(0.0)
    }

    /// Held-out QWK before and after: each fold's samples take the edit only if it improves
    /// agreement on the other folds.
    fn held_out(&self, delta: &[(usize, usize)], fold_of: &[usize], folds: usize) -> (f64, f64) {
        let all: Vec<usize> = (0..self.pairs.len()).collect();
        let before = self.kappa_of(&all, &[]);
        let mut adopted = Vec::new();
        for f in 0..folds {
            let train: Vec<usize> =
                all.iter().copied().filter(|&p| fold_of[self.pairs[p].sample] != f).collect();
            let gain = self.kappa_of(&train, delta) - self.kappa_of(&train, &[]);
            if gain > 1e-9 {
                adopted.extend(
                    delta.iter().copied().filter(|&(p, _)| fold_of[self.pairs[p].sample] == f),
                );
            }
        }
        (before, self.kappa_of(&all, &adopted))
    }

    fn counts(&self, c: &Candidate) -> Counts {
        let mean = |pairs: &mut dyn Iterator<Item = &Pair>| {
            let (sum, n) =
                pairs.fold((0.0, 0usize), |(s, n), p| (s + self.categories[p.teacher], n + 1));
            if n == 0 {
                0.0
            } else {
                round2(sum / n as f64)
            }
        };
        let flipped: BTreeSet<usize> = c.flips.iter().copied().collect();
        let teacher_mean = mean(&mut self.pairs.iter().filter(|p| flipped.contains(&p.sample)));
        let teacher_mean_all = mean(&mut self.pairs.iter());
        let (mut closer, mut further) = (0, 0);
        for &(p, now) in &c.delta {
            let t = self.pairs[p].teacher;
            if now.abs_diff(t) < self.engine[p].abs_diff(t) {
                closer += 1;
            } else {
                further += 1;
            }
        }
        Counts { answers: c.flips.len(), teacher_mean, teacher_mean_all, closer, further }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A phrases check's list in `locale` (or its only list).
fn phrase_list(check: &Value, locale: &str) -> Option<Vec<String>> {
    let any_of = check.get("anyOf")?;
    let list = match any_of {
        Value::Array(_) => any_of,
        Value::Object(map) => map.get(locale)?,
        _ => return None,
    };
    Some(list.as_array()?.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
}

/// The teacher's QWK with the edit applied to the rubric and every sample scored again.
/// Only the samples the edit touches (`c.flips`, and those whose level it moves) are scored
/// again: an edit of one indicator's phrases cannot change a verdict anywhere else.
fn exact_kappa(rubric: &Value, c: &Candidate, samples: &[Sample], model: &Model) -> Option<f64> {
    let edited = apply_to_value(rubric, &c.edit).ok()?;
    let text = serde_json::to_string(&edited).ok()?;
    let compiled = CompiledRubric::from_json(&text).ok()?;
    let k = model.categories.len();
    let mut touched: BTreeSet<usize> = c.flips.iter().copied().collect();
    touched.extend(c.delta.iter().map(|&(p, _)| model.pairs[p].sample));
    let mut counts = vec![vec![0u32; k]; k];
    for (p, pair) in model.pairs.iter().enumerate() {
        if !touched.contains(&pair.sample) {
            counts[pair.teacher][model.engine[p]] += 1;
        }
    }
    for &s in &touched {
        let sample = &samples[s];
        if model.pairs_of[s].is_empty() {
            continue;
        }
        let mut submission = sample.submission.clone();
        submission.ratings.clear();
        let report = match compiled.score(&submission) {
            Ok(report) => report,
            Err(_) => {
                let (outcomes, guards) = compiled.matchers.evaluate_with_guards(&submission);
                compiled.report(&submission, &outcomes, &guards)
            }
        };
        for &p in &model.pairs_of[s] {
            let pair = &model.pairs[p];
            counts[pair.teacher][model.position(report.criteria[pair.criterion].level)] += 1;
        }
    }
    quadratic_weighted_kappa(&counts)
}

/// Words of a text for phrase candidates: lower case, letters only; anything else (digits,
/// punctuation, apostrophes) ends a run of words.
fn words(text: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut clean = true;
    let flush = |word: &mut String, clean: &mut bool, out: &mut Vec<Option<String>>| {
        if !word.is_empty() {
            out.push(clean.then(|| word.clone()));
            word.clear();
        }
        *clean = true;
    };
    for ch in text.chars() {
        if ch.is_alphabetic() {
            word.extend(ch.to_lowercase());
        } else if ch.is_alphanumeric() || ch == '\'' || ch == '’' {
            clean = false;
            word.push(ch);
        } else {
            flush(&mut word, &mut clean, &mut out);
            if matches!(ch, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\n') {
                out.push(None);
            }
        }
    }
    flush(&mut word, &mut clean, &mut out);
    out
}

fn is_stop(word: &str) -> bool {
    STOP.contains(&word)
}

/// Levenshtein distance, giving up above `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut prev = row[0];
        row[0] = i;
        let mut best = row[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let next = (row[j] + 1).min(row[j - 1] + 1).min(prev + cost);
            prev = row[j];
            row[j] = next;
            best = best.min(next);
        }
        if best > limit {
            return limit + 1;
        }
    }
    row[b.len()]
}

/// Candidate phrases and where the engine finds each, per target indicator.
struct Probes {
    /// Per target indicator: (phrase, kind, origin word) to try adding.
    additions: Vec<Vec<(String, SuggestionKind, Option<String>)>>,
    /// Per target indicator: phrase → sorted samples it occurs in (matched with that
    /// target's options).
    found: Vec<HashMap<String, Vec<usize>>>,
}

impl Probes {
    fn run(rubric: &CompiledRubric, model: &Model, samples: &[Sample], min_support: usize) -> Self {
        let n_targets = model.targets.len();
        let mut additions = vec![Vec::new(); n_targets];
        // Word sequences of 1–3 words with their support (distinct samples).
        let mut support: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut vocabulary: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (s, sample) in samples.iter().enumerate() {
            let text: String = sample
                .submission
                .responses
                .values()
                .filter_map(|r| match r {
                    crate::rubric::model::Response::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n");
            let ws = words(&text);
            for start in 0..ws.len() {
                let mut gram: Vec<&str> = Vec::new();
                for w in ws.iter().skip(start).take(3) {
                    let Some(w) = w else { break };
                    gram.push(w);
                    if gram.len() == 1 {
                        vocabulary.entry(w.clone()).or_default().insert(s);
                    }
                    let (first, last) = (gram[0], gram[gram.len() - 1]);
                    if is_stop(first)
                        || is_stop(last)
                        || (gram.len() == 1 && first.chars().count() < 3)
                    {
                        continue;
                    }
                    support.entry(gram.join(" ")).or_default().insert(s);
                }
            }
        }
        let mut general: Vec<(String, usize)> = support
            .into_iter()
            .filter(|(_, s)| s.len() >= min_support)
            .map(|(g, s)| (g, s.len()))
            .collect();
        general.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        general.truncate(MAX_CANDIDATES);
        let mut vocab: Vec<(&String, usize)> =
            vocabulary.iter().filter(|(_, s)| s.len() >= 2).map(|(w, s)| (w, s.len())).collect();
        vocab.sort();

        // Per target: the general phrases it lacks, and variants of its own words.
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut phrases_of: Vec<BTreeSet<String>> = vec![BTreeSet::new(); n_targets];
        for (t, target) in model.targets.iter().enumerate() {
            let own: BTreeSet<String> = target.phrases.iter().map(|p| p.to_lowercase()).collect();
            for (g, _) in &general {
                if !own.contains(g) {
                    additions[t].push((g.clone(), SuggestionKind::Phrase, None));
                }
            }
            let mut variants = BTreeSet::new();
            for phrase in &target.phrases {
                if phrase.contains('|') || phrase.contains('*') {
                    continue;
                }
                let lower = phrase.to_lowercase();
                let parts: Vec<&str> = lower.split_whitespace().collect();
                for (k, word) in parts.iter().enumerate() {
                    let len = word.chars().count();
                    if len < 5 {
                        continue;
                    }
                    let limit = if len <= 8 { 1 } else { 2 };
                    let replaced = |with: &str| {
                        let mut p = parts.clone();
                        p[k] = with;
                        p.join(" ")
                    };
                    for (v, _) in &vocab {
                        if v.as_str() == *word {
                            continue;
                        }
                        let d = distance(word, v, limit);
                        if d <= limit && !is_stop(v) {
                            variants.insert((
                                replaced(v),
                                SuggestionKind::Misspelling,
                                word.to_string(),
                            ));
                        }
                        // A shared start of at least 5 letters, most of the word: a stem.
                        let common =
                            word.chars().zip(v.chars()).take_while(|(a, b)| a == b).count();
                        if len >= 6 && common >= 5 && common + 3 >= len && common < len {
                            let stem: String = word.chars().take(common).collect();
                            variants.insert((
                                replaced(&format!("{stem}*")),
                                SuggestionKind::Stem,
                                word.to_string(),
                            ));
                        }
                    }
                }
            }
            for (p, kind, origin) in variants {
                if !own.contains(&p) {
                    additions[t].push((p, kind, Some(origin)));
                }
            }
            for (p, _, _) in &additions[t] {
                phrases_of[t].insert(p.clone());
            }
            for p in &target.phrases {
                phrases_of[t].insert(p.clone());
            }
            let key = serde_json::to_string(&target.options).unwrap_or_default();
            groups.entry(key).or_default().push(t);
        }

        // One probe rubric per set of match options: one indicator per phrase.
        let mut found: Vec<HashMap<String, Vec<usize>>> = vec![HashMap::new(); n_targets];
        let integrity =
            serde_json::to_value(&rubric.rubric).ok().and_then(|v| v.get("integrity").cloned());
        for targets in groups.values() {
            let options = &model.targets[targets[0]].options;
            let phrases: BTreeSet<&String> = targets.iter().flat_map(|&t| &phrases_of[t]).collect();
            let phrases: Vec<&String> = phrases.into_iter().collect();
            let occurrences = probe(&model.locale, options, &phrases, integrity.as_ref(), samples);
            for &t in targets {
                for (phrase, occ) in phrases.iter().zip(&occurrences) {
                    if phrases_of[t].contains(*phrase) {
                        found[t].insert((*phrase).clone(), occ.clone());
                    }
                }
            }
        }
        Probes { additions, found }
    }

    fn additions(&self, t: usize) -> impl Iterator<Item = (&str, SuggestionKind, Option<&str>)> {
        self.additions[t].iter().map(|(p, k, o)| (p.as_str(), *k, o.as_deref()))
    }

    fn samples(&self, t: usize, phrase: &str) -> Option<&Vec<usize>> {
        self.found[t].get(phrase)
    }
}

/// The samples each phrase is found in by the engine, with the given check options.
fn probe(
    locale: &str,
    options: &Map<String, Value>,
    phrases: &[&String],
    integrity: Option<&Value>,
    samples: &[Sample],
) -> Vec<Vec<usize>> {
    let mut keep: Vec<bool> = vec![true; phrases.len()];
    for _attempt in 0..3 {
        let indicators: Vec<Value> = phrases
            .iter()
            .enumerate()
            .filter(|(k, _)| keep[*k])
            .map(|(k, p)| {
                let mut check = options.clone();
                check.insert("type".into(), json!("phrases"));
                check.insert("anyOf".into(), json!([p]));
                json!({"id": format!("p{k}"), "check": check})
            })
            .collect();
        if indicators.is_empty() {
            return vec![Vec::new(); phrases.len()];
        }
        let mut probe = json!({
            "id": "probe", "title": "probe", "kind": "checklist", "locale": locale,
            "criteria": [{"id": "probe", "title": "probe", "indicators": indicators}]
        });
        if let Some(i) = integrity {
            probe["integrity"] = i.clone();
        }
        let text = probe.to_string();
        match CompiledRubric::from_json(&text) {
            Ok(compiled) => {
                let kept: Vec<usize> = (0..phrases.len()).filter(|&k| keep[k]).collect();
                let mut out = vec![Vec::new(); phrases.len()];
                for (s, sample) in samples.iter().enumerate() {
                    let mut submission = sample.submission.clone();
                    submission.ratings.clear();
                    for (o, &k) in compiled.matchers.evaluate(&submission).iter().zip(&kept) {
                        if o.met {
                            out[k].push(s);
                        }
                    }
                }
                return out;
            }
            Err(e) => {
                // Drop the phrases the engine refuses and try again.
                let kept: Vec<usize> = (0..phrases.len()).filter(|&k| keep[k]).collect();
                let mut dropped = false;
                for p in e.problems() {
                    let index = p
                        .path
                        .strip_prefix("criteria[0].indicators[")
                        .and_then(|r| r.split(']').next())
                        .and_then(|n| n.parse::<usize>().ok());
                    if let Some(&k) = index.and_then(|i| kept.get(i)) {
                        keep[k] = false;
                        dropped = true;
                    }
                }
                if !dropped {
                    break;
                }
            }
        }
    }
    vec![Vec::new(); phrases.len()]
}

fn explain(
    c: &Candidate,
    counts: &Counts,
    effect: &Effect,
    model: &Model,
    rubric: &CompiledRubric,
) -> String {
    let _ = rubric;
    let held = match (effect.held_out_before, effect.held_out_after) {
        (Some(b), Some(a)) => format!(", and {b:.2} → {a:.2} on held-out folds"),
        _ => String::new(),
    };
    let agreement = format!(
        "Agreement with the teacher (QWK) goes from {:.2} to {:.2} on these samples{held}.",
        effect.training_before, effect.training_after
    );
    let moved = format!(
        "It changes the engine's level of {} answer(s): {} closer to the teacher's, {} further.",
        counts.closer + counts.further,
        counts.closer,
        counts.further
    );
    let _ = model;
    match &c.edit {
        Edit::AddPhrase { indicator, phrase, .. } => {
            let what = match (c.kind, &c.origin) {
                (SuggestionKind::Misspelling, Some(word)) => {
                    format!("Students write “{phrase}” (a misspelling of “{word}”)")
                }
                (SuggestionKind::Stem, Some(word)) => {
                    format!("“{phrase}” catches the forms of “{word}” students write")
                }
                _ => format!("Students write “{phrase}”"),
            };
            let overlap = match &c.overlap {
                Some(other) => format!(
                    " Note: “{phrase}” is already a phrase of `{other}`; with it in both, the two indicators would be met by the same words (ranked after the other suggestions for that reason)."
                ),
                None => String::new(),
            };
            format!(
                "{what} in {} answer(s) where `{indicator}` is not met; the teacher gave those {:.2} on average (all answers: {:.2}). Adding it to `{indicator}`: {moved} {agreement}{overlap}",
                counts.answers, counts.teacher_mean, counts.teacher_mean_all
            )
        }
        Edit::RemovePhrase { indicator, phrase, .. } => format!(
            "`{indicator}` over-fires: “{phrase}” alone meets it in {} answer(s) the teacher gave {:.2} on average (all answers: {:.2}). Removing it: {moved} {agreement}",
            counts.answers, counts.teacher_mean, counts.teacher_mean_all
        ),
        Edit::SetAtLeast { indicator, from, n, .. } => format!(
            "`{indicator}` needs {from} of its indicators; with {n} instead: {moved} {agreement}"
        ),
    }
}
