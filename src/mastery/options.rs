//! How mastery is computed: the method and its parameters, the scale, and staleness.
//!
//! Takes JSON such as `{"method": "decayingAverage", "weight": 0.65, "scale": {...},
//! "staleAfterDays": 30}` (every key optional); gives `MasteryOptions`, or every problem found
//! with its JSON path.

use super::bkt::BktParams;
use crate::error::Error;
use crate::json::{index_path, parse_document, Fields, Walk};
use crate::rubric::model::{Scale, ScaleLevel};
use serde_json::Value;

/// A calculation method with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// Canvas "Decaying Average": `Dₖ = w·sₖ + (1 − w)·Dₖ₋₁` (see `methods::decaying_average`).
    DecayingAverage {
        weight: f64,
    },
    /// Canvas's older decaying average: `w·latest + (1 − w)·mean(earlier)`.
    WeightedAverage {
        weight: f64,
    },
    /// Canvas "n Number of Times": `n` scores at or above mastery.
    NMastery {
        n: usize,
    },
    Latest,
    Highest,
    Average,
    Mode,
    /// Marzano's power law.
    PowerLaw,
    /// Bayesian Knowledge Tracing: scores become right (`value >= mastery`) or wrong; the value
    /// is P(known) after the last one. With `fit`, parameters are fitted per competency from
    /// all the students in the input (EM, `restarts` seeded restarts) and `params` only fills
    /// in when a competency cannot be fitted.
    Bkt {
        params: BktParams,
        fit: bool,
        restarts: usize,
        seed: u64,
        mastered_at: f64,
    },
}

pub const METHODS: [&str; 9] = [
    "decayingAverage",
    "weightedAverage",
    "nMastery",
    "latest",
    "highest",
    "average",
    "mode",
    "powerLaw",
    "bkt",
];

impl Method {
    pub fn name(&self) -> &'static str {
        match self {
            Method::DecayingAverage { .. } => "decayingAverage",
            Method::WeightedAverage { .. } => "weightedAverage",
            Method::NMastery { .. } => "nMastery",
            Method::Latest => "latest",
            Method::Highest => "highest",
            Method::Average => "average",
            Method::Mode => "mode",
            Method::PowerLaw => "powerLaw",
            Method::Bkt { .. } => "bkt",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MasteryOptions {
    pub method: Method,
    /// Levels and mastery threshold (default 1–4, mastery 3).
    pub scale: Scale,
    /// When set, an estimate whose latest evidence is older than this many days before
    /// `as_of` is marked stale.
    pub stale_after_days: Option<f64>,
    /// "Now" for staleness (RFC 3339); default: the latest evidence in the input.
    pub as_of: Option<String>,
}

impl Default for MasteryOptions {
    fn default() -> Self {
        MasteryOptions {
            method: Method::DecayingAverage { weight: 0.65 },
            scale: Scale::default(),
            stale_after_days: None,
            as_of: None,
        }
    }
}

/// Parses options from JSON text.
pub fn parse_options(text: &str) -> Result<MasteryOptions, Error> {
    parse_options_value(&parse_document(text)?)
}

/// Validates options already parsed as JSON, reporting every problem found.
pub fn parse_options_value(value: &Value) -> Result<MasteryOptions, Error> {
    let mut walk = Walk::new();
    let mut options = MasteryOptions::default();
    if let Some(mut f) = walk.object(value, "") {
        let name = f.str(&mut walk, "method", false).unwrap_or("decayingAverage");
        let weight = probability(&mut walk, &mut f, "weight").unwrap_or(0.65);
        let n = f.count(&mut walk, "n", false, 1).unwrap_or(3) as usize;
        let bkt = walk_bkt(&mut walk, &mut f);
        let fit = f.bool(&mut walk, "fit").unwrap_or(false);
        let restarts = f.count(&mut walk, "restarts", false, 1).unwrap_or(5) as usize;
        let seed = f.count(&mut walk, "seed", false, 0).unwrap_or(0);
        let mastered_at = probability(&mut walk, &mut f, "masteredAt").unwrap_or(0.95);
        options.method = match name {
            "decayingAverage" => Method::DecayingAverage { weight },
            "weightedAverage" => Method::WeightedAverage { weight },
            "nMastery" => Method::NMastery { n },
            "latest" => Method::Latest,
            "highest" => Method::Highest,
            "average" => Method::Average,
            "mode" => Method::Mode,
            "powerLaw" => Method::PowerLaw,
            "bkt" => Method::Bkt { params: bkt, fit, restarts, seed, mastered_at },
            other => {
                walk.problem(f.path_of("method"), unknown_method(other));
                Method::DecayingAverage { weight }
            }
        };
        if let Some(scale) = f.object(&mut walk, "scale", false) {
            if let Some(scale) = walk_scale(&mut walk, scale) {
                options.scale = scale;
            }
        }
        if let Some(days) = f.number(&mut walk, "staleAfterDays", false) {
            if days.is_finite() && days >= 0.0 {
                options.stale_after_days = Some(days);
            } else {
                walk.problem(f.path_of("staleAfterDays"), "must be a number of days, 0 or more");
            }
        }
        if let Some(at) = f.str(&mut walk, "asOf", false) {
            if super::time::instant(at).is_some() {
                options.as_of = Some(at.to_string());
            } else {
                walk.problem(
                    f.path_of("asOf"),
                    format!("`{at}` is not a date-time like 2026-11-20T10:00:00Z"),
                );
            }
        }
        f.finish(&mut walk);
    }
    walk.finish("mastery options")?;
    Ok(options)
}

/// The message for a method name we do not know, with the closest known one.
pub fn unknown_method(name: &str) -> String {
    match crate::json::did_you_mean(name, METHODS.iter().copied()) {
        Some(close) => format!("unknown method `{name}`; did you mean `{close}`?"),
        None => format!("unknown method `{name}`; expected one of: {}", METHODS.join(", ")),
    }
}

fn probability(walk: &mut Walk, f: &mut Fields, key: &'static str) -> Option<f64> {
    let value = f.number(walk, key, false)?;
    if (0.0..=1.0).contains(&value) {
        Some(value)
    } else {
        walk.problem(f.path_of(key), format!("must be between 0 and 1, found {value}"));
        None
    }
}

fn walk_bkt(walk: &mut Walk, f: &mut Fields) -> BktParams {
    let mut params = BktParams::default();
    let Some(mut b) = f.object(walk, "bkt", false) else { return params };
    for (key, slot) in [
        ("prior", &mut params.prior),
        ("learn", &mut params.learn),
        ("forget", &mut params.forget),
        ("guess", &mut params.guess),
        ("slip", &mut params.slip),
    ] {
        if let Some(p) = probability(walk, &mut b, key) {
            *slot = p;
        }
    }
    b.finish(walk);
    params
}

fn walk_scale(walk: &mut Walk, mut f: Fields) -> Option<Scale> {
    let mut levels = Vec::new();
    let mut ok = true;
    if let Some(items) = f.array(walk, "levels", true) {
        let base = f.path_of("levels");
        if items.len() < 2 {
            walk.problem(&base, "a scale needs at least two levels");
            ok = false;
        }
        for (i, item) in items.iter().enumerate() {
            let path = index_path(&base, i);
            let Some(mut lf) = walk.object(item, &path) else {
                ok = false;
                continue;
            };
            let value = lf.number(walk, "value", true);
            let label = lf.text(walk, "label", true);
            lf.finish(walk);
            match (value, label) {
                (Some(value), Some(label)) => {
                    if levels.last().is_some_and(|l: &ScaleLevel| value <= l.value) {
                        walk.problem(format!("{path}.value"), "scale levels must go up");
                        ok = false;
                    }
                    levels.push(ScaleLevel { value, label: label.into() });
                }
                _ => ok = false,
            }
        }
    } else {
        ok = false;
    }
    let mastery = f.number(walk, "mastery", true);
    f.finish(walk);
    match (ok, mastery) {
        (true, Some(mastery)) => Some(Scale { levels, mastery }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_a_65_percent_decaying_average_on_the_four_level_scale() {
        let options = parse_options("{}").unwrap();
        assert_eq!(options.method, Method::DecayingAverage { weight: 0.65 });
        assert_eq!(options.scale.mastery, 3.0);
    }

    #[test]
    fn reads_each_method_and_its_parameters() {
        let options =
            parse_options(r#"{"method": "nMastery", "n": 2, "staleAfterDays": 30}"#).unwrap();
        assert_eq!(options.method, Method::NMastery { n: 2 });
        assert_eq!(options.stale_after_days, Some(30.0));
        let options = parse_options(
            r#"{"method": "bkt", "bkt": {"prior": 0.2, "learn": 0.3, "guess": 0.1, "slip": 0.05}}"#,
        )
        .unwrap();
        let Method::Bkt { params, fit, mastered_at, .. } = options.method else {
            panic!("not bkt")
        };
        assert_eq!(
            (params.prior, params.learn, params.forget, fit, mastered_at),
            (0.2, 0.3, 0.0, false, 0.95)
        );
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let err = parse_options(r#"{"method": "decayingAverge", "weight": 65, "bkt": {"slip": -1}, "scale": {"levels": [{"value": 1, "label": "A"}], "mastery": 1}, "asOf": "soon", "seeds": 1}"#).unwrap_err();
        let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec![
                "weight: must be between 0 and 1, found 65",
                "bkt.slip: must be between 0 and 1, found -1",
                "method: unknown method `decayingAverge`; did you mean `decayingAverage`?",
                "scale.levels: a scale needs at least two levels",
                "asOf: `soon` is not a date-time like 2026-11-20T10:00:00Z",
                "seeds: unknown field; did you mean `seed`?",
            ]
        );
    }
}
