//! A recommendation request as JSON values (what the wasm binding receives): the framework,
//! the estimates, and `{student, catalog?, evidence?, mastery?, locale?, asOf?, staleDays?,
//! nearMargin?, limit?}`. With `null` estimates they are computed from `evidence` by
//! `compute_mastery`, with the `mastery` options (method and parameters; the framework's scale
//! unless they give one). Every fault is reported with its path, like any other input.

use super::catalog::parse_catalog_value;
use super::parse::parse_framework_value;
use super::recommend::{recommend, RecommendOptions, Recommendations, StudentState};
use crate::error::Error;
use crate::json::{index_path, Walk};
use crate::mastery::{compute_mastery, parse_options_value, parse_record_value, Estimate, Trend};
use serde_json::Value;

/// Recommendations from JSON inputs.
pub fn recommend_request(
    framework: &Value,
    estimates: &Value,
    options: &Value,
) -> Result<Recommendations, Error> {
    let framework = parse_framework_value(framework)?;
    let given = if estimates.is_null() { None } else { Some(estimates_from_value(estimates)?) };
    let mut mastery_value = None;
    let mut walk = Walk::new();
    let mut student = None;
    let mut evidence = Vec::new();
    let mut catalog_value = None;
    let mut opts = RecommendOptions::default();
    if let Some(mut f) = walk.object(options, "") {
        student = f.text(&mut walk, "student", true).map(str::to_string);
        catalog_value = f.get("catalog");
        mastery_value = f.get("mastery");
        if let Some(items) = f.array(&mut walk, "evidence", false) {
            for (i, item) in items.iter().enumerate() {
                match parse_record_value(item) {
                    Ok(r) => evidence.push(r),
                    Err(e) => {
                        for p in e.problems() {
                            let base = index_path("evidence", i);
                            walk.problem(
                                if p.path.is_empty() { base } else { format!("{base}.{}", p.path) },
                                p.message.clone(),
                            );
                        }
                    }
                }
            }
        }
        if let Some(locale) = f.text(&mut walk, "locale", false) {
            opts.locale = locale.to_string();
        }
        opts.as_of = f.text(&mut walk, "asOf", false).map(str::to_string);
        if let Some(days) = f.count(&mut walk, "staleDays", false, 0) {
            opts.stale_days = u32::try_from(days).unwrap_or(u32::MAX);
        }
        if let Some(margin) = f.number(&mut walk, "nearMargin", false) {
            opts.near_margin = margin;
        }
        opts.limit =
            f.count(&mut walk, "limit", false, 0).map(|n| usize::try_from(n).unwrap_or(usize::MAX));
        f.finish(&mut walk);
    }
    walk.finish("options")?;
    let estimates = match given {
        Some(estimates) => estimates,
        None => {
            let mastery =
                mastery_value.cloned().unwrap_or_else(|| Value::Object(Default::default()));
            let mut mastery_options =
                parse_options_value(&mastery).map_err(|e| prefixed(e, "mastery"))?;
            if mastery.get("scale").is_none() {
                mastery_options.scale = framework.scale.clone();
            }
            let table = crate::mastery::EvidenceTable::from_records(&evidence);
            let origin = crate::mastery::Origin::List;
            crate::mastery::check_evidence(&table, origin, &mastery_options, crate::mastery::now())
                .map_err(|e| prefixed(e, "evidence"))?;
            compute_mastery(&evidence, &mastery_options)
        }
    };
    let catalog = match catalog_value {
        Some(value) => Some(parse_catalog_value(value, Some(&framework))?),
        None => None,
    };
    let state = StudentState { estimates: &estimates, evidence: &evidence };
    recommend(&framework, &state, catalog.as_ref(), student.as_deref().unwrap_or_default(), &opts)
}

/// The error with every path put under `key` (`mastery.method`).
fn prefixed(error: Error, key: &str) -> Error {
    let problems = error
        .problems()
        .iter()
        .map(|p| {
            crate::Problem::new(
                match p.path.chars().next() {
                    None => key.to_string(),
                    Some('[') => format!("{key}{}", p.path),
                    Some(_) => format!("{key}.{}", p.path),
                },
                p.message.clone(),
            )
        })
        .collect();
    Error::invalid("options", problems)
}

/// Estimates as the mastery methods write them (`level`, `label`, `count` and `trend` may
/// be left out: the recommender does not need them).
pub fn estimates_from_value(value: &Value) -> Result<Vec<Estimate>, Error> {
    let mut walk = Walk::new();
    let mut out = Vec::new();
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let path = format!("[{i}]");
                let Some(mut f) = walk.object(item, &path) else { continue };
                let student = f.text(&mut walk, "student", true);
                let competency = f.text(&mut walk, "competency", true);
                let value = f.number(&mut walk, "value", true);
                let level = f.number(&mut walk, "level", false);
                let label = f.str(&mut walk, "label", false);
                let mastered = f.bool(&mut walk, "mastered");
                if mastered.is_none() && f.get("mastered").is_none() {
                    walk.problem(f.path_of("mastered"), "missing: expected true or false");
                }
                let count = f.count(&mut walk, "count", false, 0);
                let trend = match f.str(&mut walk, "trend", false) {
                    None | Some("unknown") => Some(Trend::Unknown),
                    Some("rising") => Some(Trend::Rising),
                    Some("steady") => Some(Trend::Steady),
                    Some("falling") => Some(Trend::Falling),
                    Some(other) => {
                        walk.problem(f.path_of("trend"), format!("unknown trend `{other}`; expected rising, steady, falling or unknown"));
                        None
                    }
                };
                let last_at = f.str(&mut walk, "lastAt", false).unwrap_or_default();
                let stale = f.bool(&mut walk, "stale");
                f.finish(&mut walk);
                if let (Some(student), Some(competency), Some(value), Some(mastered), Some(trend)) =
                    (student, competency, value, mastered, trend)
                {
                    out.push(Estimate {
                        student: student.to_string(),
                        competency: competency.to_string(),
                        value,
                        level: level.unwrap_or(value),
                        label: label.map(str::to_string),
                        mastered,
                        count: count.map_or(1, |n| usize::try_from(n).unwrap_or(usize::MAX)),
                        trend,
                        last_at: last_at.to_string(),
                        stale,
                    });
                }
            }
        }
        other => walk.expected("", "a list of estimates", other),
    }
    walk.finish("estimates")?;
    Ok(out)
}
