//! A rubric compiled for scoring: ids resolved to indices, single-point and checklist
//! criteria turned into levels on the scale, indicators compiled. Built once, used per
//! submission (and per keystroke).

use super::report::{CriterionScore, LevelRef, Met, Missing, ScoreReport, Source};
use crate::error::Error;
use crate::evidence::{Indicators, Outcome};
use crate::json::{did_you_mean, Num, Walk};
use crate::rubric::model::{Rater, Rubric, RubricKind, Submission, Text};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// A level ready to score: what it needs (indicator indices) and what it is worth.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledLevel {
    pub value: f64,
    pub label: Text,
    pub points: f64,
    pub descriptor: Text,
    pub student: Option<Text>,
    pub requires: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompiledCriterion {
    pub id: String,
    pub title: Text,
    pub competency: Option<String>,
    pub weight: f64,
    /// Ascending; empty for checklist criteria.
    pub levels: Vec<CompiledLevel>,
    /// Indices (into the rubric's indicators) of this criterion's own indicators.
    pub indicators: Vec<usize>,
    /// Checklist: each own indicator's points, in the order of `indicators`.
    pub checklist_points: Vec<f64>,
}

impl CompiledCriterion {
    pub fn max_points(&self) -> f64 {
        if self.levels.is_empty() {
            self.checklist_points.iter().sum()
        } else {
            self.levels.last().map_or(0.0, |l| l.points)
        }
    }
}

/// Facts about one indicator that scoring and feedback need.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInfo {
    pub id: String,
    pub criterion: usize,
    pub field: String,
    pub hint: Option<Text>,
    pub praise: Option<Text>,
    pub label: Option<Text>,
}

/// A validated rubric, compiled for scoring.
#[derive(Debug, Clone)]
pub struct CompiledRubric {
    pub rubric: Rubric,
    pub criteria: Vec<CompiledCriterion>,
    pub indicators: Vec<IndicatorInfo>,
    pub matchers: Indicators,
    /// The rubric compiled for other languages it is written in, made when first asked.
    /// (`None` for a language the rubric has no text in.)
    translations: std::cell::RefCell<Vec<(String, Option<std::rc::Rc<CompiledRubric>>)>>,
}

impl CompiledRubric {
    /// Parses, validates and compiles a rubric from JSON text.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::new(crate::rubric::parse_rubric(text)?)
    }

    /// Compiles a validated rubric.
    pub fn new(rubric: Rubric) -> Result<Self, Error> {
        let mut indicators = Vec::new();
        let mut index_of: HashMap<&str, usize, FxBuildHasher> = HashMap::default();
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            for indicator in &criterion.indicators {
                index_of.insert(indicator.id.as_str(), indicators.len());
                indicators.push(IndicatorInfo {
                    id: indicator.id.clone(),
                    criterion: c,
                    field: indicator.field.clone(),
                    hint: indicator.hint.clone(),
                    praise: indicator.praise.clone(),
                    label: indicator.label.clone(),
                });
            }
        }
        let resolve = |ids: &[String]| -> Vec<usize> {
            ids.iter().filter_map(|id| index_of.get(id.as_str()).copied()).collect()
        };
        let scale = &rubric.scale;
        let label = |value: f64| scale.level_text(value);
        let mut criteria = Vec::new();
        let mut next_indicator = 0;
        for criterion in &rubric.criteria {
            let own: Vec<usize> =
                (next_indicator..next_indicator + criterion.indicators.len()).collect();
            next_indicator += criterion.indicators.len();
            let levels = match rubric.kind {
                RubricKind::Analytic | RubricKind::Holistic => criterion
                    .levels
                    .iter()
                    .map(|l| CompiledLevel {
                        value: l.value,
                        label: label(l.value),
                        points: l.points(),
                        descriptor: l.descriptor.clone(),
                        student: l.student.clone(),
                        requires: resolve(&l.requires),
                    })
                    .collect(),
                RubricKind::SinglePoint => single_point_levels(&rubric, criterion, &resolve),
                RubricKind::Checklist => Vec::new(),
            };
            let checklist_points = if rubric.kind == RubricKind::Checklist {
                criterion.indicators.iter().map(|i| i.points.unwrap_or(1.0)).collect()
            } else {
                Vec::new()
            };
            criteria.push(CompiledCriterion {
                id: criterion.id.clone(),
                title: criterion.title.clone(),
                competency: criterion.competency.clone(),
                weight: criterion.weight,
                levels,
                indicators: own,
                checklist_points,
            });
        }
        let matchers = Indicators::compile(&rubric)?;
        Ok(CompiledRubric {
            rubric,
            criteria,
            indicators,
            matchers,
            translations: Default::default(),
        })
    }

    /// The rubric compiled for work written in `locale`: its phrases, stemmer, negation cues
    /// and wording of that language. `None` when that is this one (no locale asked, the
    /// rubric's own language, or a language the rubric has no text in: then its own text is
    /// used, and every text says which language it is in).
    pub fn in_locale(
        &self,
        locale: Option<&str>,
    ) -> Result<Option<std::rc::Rc<CompiledRubric>>, Error> {
        let Some(locale) = locale.map(str::trim).filter(|l| !l.is_empty()) else { return Ok(None) };
        if crate::rubric::localized::same_language(&self.rubric.locale, locale) {
            return Ok(None);
        }
        // Asked once per language (whether the rubric speaks it walks all its texts).
        let language = crate::text::language(locale);
        if let Some((_, compiled)) = self.translations.borrow().iter().find(|(l, _)| *l == language)
        {
            return Ok(compiled.clone());
        }
        let compiled = if self.rubric.speaks(locale) {
            Some(std::rc::Rc::new(CompiledRubric::new(self.rubric.localized(&language))?))
        } else {
            None
        };
        self.translations.borrow_mut().push((language, compiled.clone()));
        Ok(compiled)
    }

    /// Scores a submission: indicators evaluated, levels decided, points and totals summed.
    pub fn score(&self, submission: &Submission) -> Result<ScoreReport, Error> {
        if let Some(localized) = self.in_locale(submission.locale.as_deref())? {
            return localized.score(submission);
        }
        self.check_submission(submission)?;
        let (outcomes, guards) = self.matchers.evaluate_with_guards(submission);
        Ok(self.report(submission, &outcomes, &guards))
    }

    /// Problems of a (well-formed) submission against this rubric: ratings of unknown
    /// criteria or off the scale, a submission meant for another rubric.
    pub fn check_submission(&self, submission: &Submission) -> Result<(), Error> {
        let mut walk = Walk::new();
        if let Some(id) = &submission.rubric {
            if *id != self.rubric.id {
                walk.problem(
                    "rubric",
                    format!("this submission is for rubric `{id}`, not `{}`", self.rubric.id),
                );
            }
        }
        for (criterion_id, ratings) in &submission.ratings {
            let path = crate::json::key_path("ratings", criterion_id);
            let Some(index) = self.criteria.iter().position(|c| c.id == *criterion_id) else {
                let message =
                    match did_you_mean(criterion_id, self.criteria.iter().map(|c| c.id.as_str())) {
                        Some(close) => format!(
                            "no criterion `{criterion_id}` in rubric `{}`; did you mean `{close}`?",
                            self.rubric.id
                        ),
                        None => {
                            format!("no criterion `{criterion_id}` in rubric `{}`", self.rubric.id)
                        }
                    };
                walk.problem(path, message);
                continue;
            };
            let criterion = &self.criteria[index];
            let (low, high) = self.value_range(index);
            for (i, rating) in ratings.all().iter().enumerate() {
                if rating.value < low || rating.value > high || !rating.value.is_finite() {
                    let at = match ratings {
                        crate::rubric::model::Ratings::One(_) => format!("{path}.value"),
                        crate::rubric::model::Ratings::Many(_) => format!("{path}[{i}].value"),
                    };
                    walk.problem(
                        at,
                        format!(
                            "{} is outside the levels of criterion `{}` ({} to {})",
                            Num(rating.value),
                            criterion.id,
                            Num(low),
                            Num(high)
                        ),
                    );
                }
            }
        }
        walk.finish("submission")
    }

    /// The level values a criterion can take, ascending: its own levels, or the scale's for
    /// a checklist criterion (which has none).
    pub fn level_values(&self, criterion: usize) -> Vec<f64> {
        let c = &self.criteria[criterion];
        if c.levels.is_empty() {
            self.rubric.scale.levels.iter().map(|l| l.value).collect()
        } else {
            c.levels.iter().map(|l| l.value).collect()
        }
    }

    fn value_range(&self, criterion: usize) -> (f64, f64) {
        let values = self.level_values(criterion);
        (values.first().copied().unwrap_or(0.0), values.last().copied().unwrap_or(0.0))
    }

    /// Builds the report from indicator outcomes (the session reuses this with its own outcomes).
    /// `guards`: what the integrity guards found in the fields (`Indicators::guards_of`).
    pub fn report(
        &self,
        submission: &Submission,
        outcomes: &[Outcome],
        guards: &[crate::evidence::GuardFinding],
    ) -> ScoreReport {
        let scale = &self.rubric.scale;
        let mut criteria = Vec::with_capacity(self.criteria.len());
        let (mut total, mut max, mut weighted_level, mut weights) = (0.0, 0.0, 0.0, 0.0);
        for criterion in &self.criteria {
            let scored = self.score_criterion(criterion, submission, outcomes);
            total += scored.points * criterion.weight;
            max += scored.max_points * criterion.weight;
            weighted_level += scored.level * criterion.weight;
            weights += criterion.weight;
            criteria.push(scored);
        }
        let overall = if self.rubric.kind == RubricKind::Holistic {
            criteria.first().map_or(scale.levels[0].value, |c| c.level)
        } else {
            nearest_level(scale, weighted_level / weights.max(f64::MIN_POSITIVE))
        };
        let percent = if max > 0.0 { (total / max * 10000.0).round() / 100.0 } else { 0.0 };
        ScoreReport {
            rubric: self.rubric.id.clone(),
            student: submission.student.clone(),
            task: submission.task.clone(),
            submitted_at: submission.submitted_at.clone(),
            total,
            max,
            percent,
            level: LevelRef {
                value: overall,
                label: scale.label_of(overall).unwrap_or_default().to_string(),
            },
            mastered: overall >= scale.mastery,
            criteria,
            integrity: self.integrity_notes(guards),
        }
    }

    /// The report's notes of what the integrity guards held back (fields with findings).
    pub fn integrity_notes(
        &self,
        guards: &[crate::evidence::GuardFinding],
    ) -> Vec<super::report::IntegrityNote> {
        guards
            .iter()
            .filter(|g| g.off_task || g.keyword_lists > 0)
            .map(|g| super::report::IntegrityNote {
                field: g.field.clone(),
                off_task: g.off_task,
                keyword_lists: g.keyword_lists,
            })
            .collect()
    }

    fn score_criterion(
        &self,
        criterion: &CompiledCriterion,
        submission: &Submission,
        outcomes: &[Outcome],
    ) -> CriterionScore {
        let scale = &self.rubric.scale;
        let met: Vec<Met> = criterion
            .indicators
            .iter()
            .filter(|&&i| outcomes[i].met)
            .map(|&i| Met {
                indicator: self.indicators[i].id.clone(),
                spans: outcomes[i].spans.clone(),
            })
            .collect();
        let missing: Vec<Missing> = criterion
            .indicators
            .iter()
            .filter(|&&i| !outcomes[i].met)
            .map(|&i| Missing {
                indicator: self.indicators[i].id.clone(),
                hint: self.indicators[i].hint.as_ref().map(|h| h.to_string()),
            })
            .collect();
        let ratings = submission.ratings.get(&criterion.id).map(|r| r.all()).unwrap_or_default();
        let self_rating = ratings.iter().rev().find(|r| r.by == Rater::SelfRating).map(|r| r.value);
        let human = if self.rubric.ratings_override {
            deciding_rating(ratings, self.rubric.score_self)
        } else {
            None
        };
        let max_points = criterion.max_points();

        let (level, points, source) = if criterion.levels.is_empty() {
            // Checklist: points from met indicators; the level places the fraction on the scale.
            let (low, high) = (scale.levels[0].value, scale.levels[scale.levels.len() - 1].value);
            match human {
                Some(value) => {
                    let fraction = if high > low { (value - low) / (high - low) } else { 1.0 };
                    (
                        scale.floor(value).value,
                        max_points * fraction.clamp(0.0, 1.0),
                        Source::Rating,
                    )
                }
                None => {
                    let points: f64 = criterion
                        .indicators
                        .iter()
                        .zip(&criterion.checklist_points)
                        .filter(|(&i, _)| outcomes[i].met)
                        .map(|(_, p)| p)
                        .sum();
                    let fraction = if max_points > 0.0 { points / max_points } else { 0.0 };
                    (scale.floor(low + fraction * (high - low)).value, points, Source::Auto)
                }
            }
        } else {
            match human {
                Some(value) => {
                    let level = criterion
                        .levels
                        .iter()
                        .rev()
                        .find(|l| l.value <= value + 1e-9)
                        .unwrap_or(&criterion.levels[0]);
                    (level.value, level.points, Source::Rating)
                }
                None => {
                    let reached = criterion
                        .levels
                        .iter()
                        .rev()
                        .find(|l| l.requires.iter().all(|&i| outcomes[i].met));
                    match reached {
                        Some(level) => (level.value, level.points, Source::Auto),
                        // Not even the lowest level's evidence: the lowest level, with no points.
                        None => (criterion.levels[0].value, 0.0, Source::Auto),
                    }
                }
            }
        };
        CriterionScore {
            id: criterion.id.clone(),
            competency: criterion.competency.clone(),
            level,
            label: scale.label_of(level).unwrap_or_default().to_string(),
            points,
            max_points,
            weight: criterion.weight,
            mastered: level >= scale.mastery,
            source,
            self_rating,
            met,
            missing,
        }
    }
}

/// A teacher's rating decides; without one, the median of the peers' ratings; self-ratings
/// only when the rubric lets them. The latest rating of a kind wins when there are several.
fn deciding_rating(ratings: &[crate::rubric::model::Rating], score_self: bool) -> Option<f64> {
    if let Some(teacher) = ratings.iter().rev().find(|r| r.by == Rater::Teacher) {
        return Some(teacher.value);
    }
    // The few peer ratings in order, by insertion: no sort of `f64` in the student wasm.
    let mut peers: Vec<f64> = Vec::new();
    for r in ratings.iter().filter(|r| r.by == Rater::Peer) {
        let at = peers.partition_point(|p| p.total_cmp(&r.value).is_le());
        peers.insert(at, r.value);
    }
    if !peers.is_empty() {
        let n = peers.len();
        return Some(if n % 2 == 1 {
            peers[n / 2]
        } else {
            (peers[n / 2 - 1] + peers[n / 2]) / 2.0
        });
    }
    if score_self {
        return ratings.iter().rev().find(|r| r.by == Rater::SelfRating).map(|r| r.value);
    }
    None
}

/// The scale level nearest to `value` (halfway rounds up: a 2.5 average is a 3).
fn nearest_level(scale: &crate::rubric::model::Scale, value: f64) -> f64 {
    scale
        .levels
        .iter()
        .map(|l| l.value)
        .min_by(|a, b| {
            let (da, db) = ((a - value).abs(), (b - value).abs());
            da.partial_cmp(&db).unwrap_or(std::cmp::Ordering::Equal).then(b.total_cmp(a))
        })
        .unwrap_or(value)
}

fn single_point_levels(
    rubric: &Rubric,
    criterion: &crate::rubric::model::Criterion,
    resolve: &dyn Fn(&[String]) -> Vec<usize>,
) -> Vec<CompiledLevel> {
    let scale = &rubric.scale;
    let label = |v: f64| scale.level_text(v);
    let below =
        scale.levels.iter().rev().find(|l| l.value < scale.mastery).unwrap_or(&scale.levels[0]);
    let above = scale.levels.iter().find(|l| l.value > scale.mastery);
    let mut levels = Vec::new();
    if below.value < scale.mastery {
        levels.push(CompiledLevel {
            value: below.value,
            label: label(below.value),
            points: below.value,
            descriptor: Text::from("Concerns: not yet at the proficient descriptor."),
            student: None,
            requires: Vec::new(),
        });
    }
    if let Some(p) = &criterion.proficient {
        levels.push(CompiledLevel {
            value: scale.mastery,
            label: label(scale.mastery),
            points: scale.mastery,
            descriptor: p.descriptor.clone(),
            student: p.student.clone(),
            requires: resolve(&p.requires),
        });
        if let (Some(a), Some(above)) = (&criterion.advanced, above) {
            // Advanced work must first be proficient.
            let mut requires = resolve(&p.requires);
            requires.extend(resolve(&a.requires));
            levels.push(CompiledLevel {
                value: above.value,
                label: label(above.value),
                points: above.value,
                descriptor: a.descriptor.clone(),
                student: a.student.clone(),
                requires,
            });
        }
    }
    levels
}
