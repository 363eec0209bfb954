//! Next steps for one student: which competencies to work on, why, and which tasks give
//! evidence for them (SPEC §1 "Framework and recommendations").
//!
//! Takes a framework, mastery estimates (of any students; leaves' estimates, parents are
//! rolled up here), optionally the evidence records (for the latest value) and a task
//! catalog. Gives the recommendations, highest score first, ties by competency id.
//!
//! Only competencies without parts are recommended (tasks give evidence for those); a
//! competency needs its own prerequisites and its ancestors' (see
//! `Framework::effective_prerequisites`). Each is listed once, under the first that applies:
//!
//! | reason | when | score (0–1) |
//! | --- | --- | --- |
//! | `reinforce` | mastered, but the trend is falling, or the latest evidence is below mastery, or the latest evidence is more than `staleDays` old on `asOf` | 0.4 + 0.3 × slipping + 0.3 × min(1, (age − staleDays) / staleDays) when stale |
//! | `nearMastery` | not mastered, and the value is within `nearMargin` below mastery, or the trend is rising | 0.7 + 0.2 × (1 − gap / nearMargin) when within the margin + 0.1 when rising |
//! | `ready` | not mastered, every prerequisite mastered (with or without evidence) | 0.3 + 0.3 × min(1, value / mastery) + 0.2 × d / (d + 1), d = unmastered competencies that list it as a prerequisite |
//!
//! Scores are rounded to three decimals. `slipping` is 1 or 0. Without `asOf`, an estimate
//! is stale when the mastery method marked it so (`stale: true`, from its `staleAfterDays`),
//! and its staleness term is 0.5.

use super::because::{because, Locale, Why};
use super::catalog::Catalog;
use super::model::Framework;
use super::rollup::roll_up;
use super::time::{days_between, parse_instant};
use crate::error::Error;
use crate::mastery::{Estimate, EvidenceRecord, Trend};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options of `recommend` (JSON: camelCase, all optional).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RecommendOptions {
    /// Language of `because`: `en` (default) or `es`.
    pub locale: String,
    /// The date staleness is measured on (RFC 3339 or `YYYY-MM-DD`); none: only estimates
    /// marked `stale` by the mastery method are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Evidence older than this many days makes a mastered competency stale (default 30).
    pub stale_days: u32,
    /// How far below mastery counts as near (default 0.5, in the scale's units).
    pub near_margin: f64,
    /// At most this many recommendations (default: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

impl Default for RecommendOptions {
    fn default() -> Self {
        RecommendOptions {
            locale: "en".to_string(),
            as_of: None,
            stale_days: 30,
            near_margin: 0.5,
            limit: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    Ready,
    NearMastery,
    Reinforce,
}

/// A task that would give evidence for a recommended competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub competency: String,
    pub title: String,
    pub reason: Reason,
    pub score: f64,
    /// Why, for the student, in the requested language.
    pub because: String,
    /// The estimate's value, when there is evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub trend: Trend,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_at: Option<String>,
    pub tasks: Vec<TaskRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Recommendations {
    pub student: String,
    pub framework: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub recommendations: Vec<Recommendation>,
}

/// What the recommender needs to know about one student.
pub struct StudentState<'a> {
    pub estimates: &'a [Estimate],
    /// Evidence records (any students); only used for each competency's latest value.
    pub evidence: &'a [EvidenceRecord],
}

/// Recommendations for `student`. Fails only on bad options (an unknown locale, a bad
/// `asOf`, a margin that is not positive).
pub fn recommend(
    framework: &Framework,
    state: &StudentState,
    catalog: Option<&Catalog>,
    student: &str,
    options: &RecommendOptions,
) -> Result<Recommendations, Error> {
    let locale = Locale::from_tag(&options.locale).ok_or_else(|| {
        Error::at(
            "options",
            "locale",
            format!("unknown locale `{}`; expected `en` or `es`", options.locale),
        )
    })?;
    let as_of = match &options.as_of {
        Some(text) => Some(parse_instant(text).ok_or_else(|| {
            Error::at(
                "options",
                "asOf",
                format!("`{text}` is not a date like 2026-11-20 or 2026-11-20T10:00:00Z"),
            )
        })?),
        None => None,
    };
    if !(options.near_margin > 0.0 && options.near_margin.is_finite()) {
        return Err(Error::at("options", "nearMargin", "must be a number greater than 0"));
    }

    let own: Vec<Estimate> =
        state.estimates.iter().filter(|e| e.student == student).cloned().collect();
    let rolled = roll_up(framework, &own);
    let estimate: BTreeMap<&str, &Estimate> =
        rolled.iter().map(|e| (e.competency.as_str(), e)).collect();
    let latest = latest_values(state.evidence, student);
    let mastered = |id: &str| estimate.get(id).is_some_and(|e| e.mastered);
    let mastery = framework.scale.mastery;

    let mut out = Vec::new();
    for competency in &framework.competencies {
        let id = competency.id.as_str();
        if framework.has_children(id) {
            continue;
        }
        let est = estimate.get(id).copied();
        let judged = match est {
            Some(e) if e.mastered => {
                judge_mastered(e, latest.get(id).copied(), as_of, mastery, options)
            }
            _ => judge_open(framework, id, est, &mastered, mastery, options),
        };
        let Some((reason, why, score)) = judged else { continue };
        let tasks = catalog
            .map(|c| {
                c.tasks_for(id)
                    .into_iter()
                    .map(|t| TaskRef { id: t.id.clone(), title: t.title.clone() })
                    .collect()
            })
            .unwrap_or_default();
        out.push(Recommendation {
            competency: id.to_string(),
            title: competency.title.clone(),
            reason,
            score: (score * 1000.0).round() / 1000.0,
            because: because(why, &competency.title, locale),
            value: est.map(|e| e.value),
            trend: est.map(|e| e.trend).unwrap_or(Trend::Unknown),
            last_at: est.map(|e| e.last_at.clone()),
            tasks,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.competency.cmp(&b.competency)));
    if let Some(limit) = options.limit {
        out.truncate(limit);
    }
    Ok(Recommendations {
        student: student.to_string(),
        framework: framework.id.clone(),
        as_of: options.as_of.clone(),
        recommendations: out,
    })
}

/// Reinforce a mastered competency that is slipping or stale.
fn judge_mastered(
    e: &Estimate,
    latest: Option<f64>,
    as_of: Option<i64>,
    mastery: f64,
    options: &RecommendOptions,
) -> Option<(Reason, Why, f64)> {
    let falling = e.trend == Trend::Falling;
    let latest_below = latest.is_some_and(|v| v + 1e-9 < mastery);
    let age = match (as_of, parse_instant(&e.last_at)) {
        (Some(now), Some(then)) => Some(days_between(then, now)),
        _ => None,
    };
    let stale_days = i64::from(options.stale_days);
    let stale = age.filter(|&a| a > stale_days);
    // Without `asOf`, the mastery method's own `stale` flag (from `staleAfterDays`) counts.
    let flagged = as_of.is_none() && e.stale == Some(true);
    let why = if falling {
        Why::Falling
    } else if latest_below {
        Why::LatestBelow
    } else if let Some(days) = stale {
        Why::Stale(days)
    } else if flagged {
        Why::StaleFlagged
    } else {
        return None;
    };
    let slipping = if falling || latest_below { 1.0 } else { 0.0 };
    let staleness = match stale {
        Some(a) => ((a - stale_days) as f64 / stale_days.max(1) as f64).min(1.0),
        None if flagged => 0.5,
        None => 0.0,
    };
    Some((Reason::Reinforce, why, 0.4 + 0.3 * slipping + 0.3 * staleness))
}

/// Near mastery or ready, for a competency not mastered (with or without evidence).
fn judge_open(
    framework: &Framework,
    id: &str,
    est: Option<&Estimate>,
    mastered: &dyn Fn(&str) -> bool,
    mastery: f64,
    options: &RecommendOptions,
) -> Option<(Reason, Why, f64)> {
    if let Some(e) = est {
        let gap = (mastery - e.value).max(0.0);
        let close = gap <= options.near_margin + 1e-9;
        let rising = e.trend == Trend::Rising;
        if close || rising {
            let closeness = if close { 1.0 - gap / options.near_margin } else { 0.0 };
            let why = if close { Why::Close } else { Why::Rising };
            return Some((
                Reason::NearMastery,
                why,
                0.7 + 0.2 * closeness + if rising { 0.1 } else { 0.0 },
            ));
        }
    }
    let prerequisites = framework.effective_prerequisites(id);
    if !prerequisites.iter().all(|p| mastered(p)) {
        return None;
    }
    let progress = match est {
        Some(e) if mastery > 0.0 => (e.value / mastery).clamp(0.0, 1.0),
        _ => 0.0,
    };
    let dependents = framework
        .competencies
        .iter()
        .filter(|c| !mastered(&c.id) && c.prerequisites.iter().any(|p| p == id))
        .count() as f64;
    let why = match (est, prerequisites.is_empty()) {
        (Some(_), _) => Why::Started,
        (None, true) => Why::StartHere,
        (None, false) => Why::Unlocked,
    };
    Some((Reason::Ready, why, 0.3 + 0.3 * progress + 0.2 * dependents / (dependents + 1.0)))
}

/// The value of each competency's latest evidence record for the student (a later line
/// wins a tie in time).
fn latest_values<'a>(evidence: &'a [EvidenceRecord], student: &str) -> BTreeMap<&'a str, f64> {
    let mut latest: BTreeMap<&str, (i64, f64)> = BTreeMap::new();
    for r in evidence.iter().filter(|r| r.student == student) {
        let at = parse_instant(&r.at).unwrap_or(i64::MIN);
        let entry = latest.entry(r.competency.as_str()).or_insert((at, r.value));
        if at >= entry.0 {
            *entry = (at, r.value);
        }
    }
    latest.into_iter().map(|(k, (_, v))| (k, v)).collect()
}
