//! Building the rubric and submission models from JSON that `parse` and `submission` have
//! already walked and found sound, by hand rather than with serde's derived `Deserialize`:
//! serde's generated code for these types was about 87 KB raw, 31 KB gzip of the student
//! wasm (README, Size).
//!
//! The walks treat `null` as an absent key; serde does not, so a few documents pass the walk
//! and yet cannot be built (`"scoreSelf": null`). For those this builder gives serde's own
//! message, and, where there are several, serde's first (keys in sorted order, depth first),
//! so that nothing a caller sees has changed; `tests/rubric_build.rs` checks that against
//! `serde_json::from_value` on mutated rubrics and submissions.

use super::checks::{All, Check};
use super::localized::{PhraseList, Text};
use super::model::{
    default_field, Criterion, Indicator, Integrity, Level, PointDescriptor, Rater, Rating, Ratings,
    Response, Rubric, RubricKind, Scale, ScaleLevel, Submission,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// serde's message, as `serde_json::from_value` would have given it.
pub(crate) type Built<T> = Result<T, String>;

/// serde's message for a `null` where it expected something else.
pub(crate) fn null(expected: &str) -> String {
    format!("invalid type: null, expected {expected}")
}

pub(crate) fn untagged(name: &str) -> String {
    format!("data did not match any variant of untagged enum {name}")
}

/// The entries of an object, in sorted order (as serde reads them); none for anything else.
fn object(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten()
}

pub(crate) fn items(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        _ => &[],
    }
}

pub(crate) fn string(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

pub(crate) fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or_default()
}

fn opt<T>(value: &Value, f: impl FnOnce(&Value) -> Built<T>) -> Built<Option<T>> {
    if value.is_null() {
        Ok(None)
    } else {
        f(value).map(Some)
    }
}

pub(crate) fn strings(value: &Value) -> Built<Vec<String>> {
    match value {
        Value::Null => Err(null("a sequence")),
        v => Ok(items(v).iter().map(string).collect()),
    }
}

pub(crate) fn boolean(value: &Value) -> Built<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        _ => Err(null("a boolean")),
    }
}

pub(crate) fn count(value: &Value) -> Built<u32> {
    match value.as_u64() {
        Some(n) => {
            u32::try_from(n).map_err(|_| format!("invalid value: integer `{n}`, expected u32"))
        }
        None => Err(null("u32")),
    }
}

fn text(value: &Value) -> Built<Text> {
    Ok(match value {
        Value::Object(map) => {
            let mut by_locale = BTreeMap::new();
            for (lang, v) in map {
                by_locale.insert(lang.clone(), string(v));
            }
            Text::by_locale(by_locale)
        }
        Value::String(s) => Text::from(s.as_str()),
        _ => return Err(untagged("TextShape")),
    })
}

pub(crate) fn phrases(value: &Value) -> Built<PhraseList> {
    Ok(match value {
        Value::Object(map) => {
            let mut by_locale = BTreeMap::new();
            for (lang, v) in map {
                by_locale.insert(lang.clone(), items(v).iter().map(string).collect());
            }
            PhraseList::by_locale(by_locale)
        }
        Value::Array(list) => PhraseList::from(list.iter().map(string).collect::<Vec<_>>()),
        _ => return Err(untagged("PhrasesShape")),
    })
}

/// The rubric of a document that `parse` walked without finding a problem.
pub(super) fn rubric(value: &Value) -> Built<Rubric> {
    let mut rubric = Rubric {
        id: String::new(),
        title: Text::default(),
        kind: RubricKind::default(),
        locale: "en".to_string(),
        description: None,
        scale: Scale::default(),
        criteria: Vec::new(),
        score_self: false,
        ratings_override: true,
        integrity: Integrity::default(),
    };
    for (key, v) in object(value) {
        match key.as_str() {
            "id" => rubric.id = string(v),
            "title" => rubric.title = text(v)?,
            "kind" => {
                rubric.kind = match v.as_str() {
                    Some("holistic") => RubricKind::Holistic,
                    Some("singlePoint") => RubricKind::SinglePoint,
                    Some("checklist") => RubricKind::Checklist,
                    Some(_) => RubricKind::Analytic,
                    None => return Err(null("string or map")),
                }
            }
            "locale" => match v {
                Value::String(s) => rubric.locale = s.clone(),
                _ => return Err(null("a string")),
            },
            "description" => rubric.description = opt(v, text)?,
            "scale" => rubric.scale = scale(v)?,
            "criteria" => {
                rubric.criteria = items(v).iter().map(criterion).collect::<Built<_>>()?;
            }
            "scoreSelf" => rubric.score_self = boolean(v)?,
            "ratingsOverride" => rubric.ratings_override = boolean(v)?,
            "integrity" => rubric.integrity = integrity(v)?,
            _ => {}
        }
    }
    Ok(rubric)
}

fn integrity(value: &Value) -> Built<Integrity> {
    if value.is_null() {
        return Err(null("struct Integrity"));
    }
    let mut integrity = Integrity::default();
    for (key, v) in object(value) {
        match key.as_str() {
            "keywordLists" => integrity.keyword_lists = boolean(v)?,
            "offTask" => integrity.off_task = boolean(v)?,
            _ => {}
        }
    }
    Ok(integrity)
}

fn scale(value: &Value) -> Built<Scale> {
    if value.is_null() {
        return Err(null("struct Scale"));
    }
    let mut scale = Scale { levels: Vec::new(), mastery: 0.0 };
    for (key, v) in object(value) {
        match key.as_str() {
            "levels" => {
                scale.levels = items(v)
                    .iter()
                    .map(|level| {
                        Ok(ScaleLevel {
                            value: number(&level["value"]),
                            label: text(&level["label"])?,
                        })
                    })
                    .collect::<Built<_>>()?;
            }
            "mastery" => scale.mastery = number(v),
            _ => {}
        }
    }
    Ok(scale)
}

fn criterion(value: &Value) -> Built<Criterion> {
    let mut criterion = Criterion {
        id: String::new(),
        title: Text::default(),
        description: None,
        competency: None,
        weight: 1.0,
        levels: Vec::new(),
        proficient: None,
        advanced: None,
        indicators: Vec::new(),
    };
    for (key, v) in object(value) {
        match key.as_str() {
            "id" => criterion.id = string(v),
            "title" => criterion.title = text(v)?,
            "description" => criterion.description = opt(v, text)?,
            "competency" => criterion.competency = opt(v, |v| Ok(string(v)))?,
            "weight" => match v {
                Value::Number(n) => criterion.weight = n.as_f64().unwrap_or_default(),
                _ => return Err(null("f64")),
            },
            "levels" => match v {
                Value::Null => return Err(null("a sequence")),
                v => criterion.levels = items(v).iter().map(level).collect::<Built<_>>()?,
            },
            "proficient" => criterion.proficient = opt(v, point)?,
            "advanced" => criterion.advanced = opt(v, point)?,
            "indicators" => match v {
                Value::Null => return Err(null("a sequence")),
                v => criterion.indicators = items(v).iter().map(indicator).collect::<Built<_>>()?,
            },
            _ => {}
        }
    }
    Ok(criterion)
}

fn level(value: &Value) -> Built<Level> {
    let mut level = Level {
        value: 0.0,
        points: None,
        descriptor: Text::default(),
        student: None,
        requires: Vec::new(),
    };
    for (key, v) in object(value) {
        match key.as_str() {
            "value" => level.value = number(v),
            "points" => level.points = opt(v, |v| Ok(number(v)))?,
            "descriptor" => level.descriptor = text(v)?,
            "student" => level.student = opt(v, text)?,
            "requires" => level.requires = strings(v)?,
            _ => {}
        }
    }
    Ok(level)
}

fn point(value: &Value) -> Built<PointDescriptor> {
    let mut point =
        PointDescriptor { descriptor: Text::default(), student: None, requires: Vec::new() };
    for (key, v) in object(value) {
        match key.as_str() {
            "descriptor" => point.descriptor = text(v)?,
            "student" => point.student = opt(v, text)?,
            "requires" => point.requires = strings(v)?,
            _ => {}
        }
    }
    Ok(point)
}

fn indicator(value: &Value) -> Built<Indicator> {
    let mut indicator = Indicator {
        id: String::new(),
        check: Check::All(All { checks: Vec::new() }),
        field: default_field(),
        hint: None,
        praise: None,
        points: None,
        label: None,
    };
    for (key, v) in object(value) {
        match key.as_str() {
            "id" => indicator.id = string(v),
            "check" => indicator.check = Check::build(v)?,
            "field" => match v {
                Value::String(s) => indicator.field = s.clone(),
                _ => return Err(null("a string")),
            },
            "hint" => indicator.hint = opt(v, text)?,
            "praise" => indicator.praise = opt(v, text)?,
            "points" => indicator.points = opt(v, |v| Ok(number(v)))?,
            "label" => indicator.label = opt(v, text)?,
            _ => {}
        }
    }
    Ok(indicator)
}

pub(crate) fn rater(value: &Value) -> Built<Rater> {
    match value.as_str() {
        Some("self") => Ok(Rater::SelfRating),
        Some("peer") => Ok(Rater::Peer),
        Some(_) => Ok(Rater::Teacher),
        None => Err(null("string or map")),
    }
}

/// The submission of a document that `submission` walked without finding a problem.
pub(super) fn submission(value: &Value) -> Built<Submission> {
    let mut submission = Submission::default();
    let opt_string = |v: &Value| v.as_str().map(str::to_string);
    for (key, v) in object(value) {
        match key.as_str() {
            "rubric" => submission.rubric = opt_string(v),
            "student" => submission.student = opt_string(v),
            "task" => submission.task = opt_string(v),
            "submittedAt" => submission.submitted_at = opt_string(v),
            "locale" => submission.locale = opt_string(v),
            "responses" => {
                if v.is_null() {
                    return Err(null("a map"));
                }
                for (field, answer) in object(v) {
                    let answer = match answer {
                        Value::String(s) => Response::Text(s.clone()),
                        other => Response::Choices(items(other).iter().map(string).collect()),
                    };
                    submission.responses.insert(field.clone(), answer);
                }
            }
            "ratings" => {
                if v.is_null() {
                    return Err(null("a map"));
                }
                let mut ratings = BTreeMap::new();
                for (criterion, given) in object(v) {
                    let given = match given {
                        Value::Array(list) => Ratings::Many(
                            list.iter()
                                .map(rating)
                                .collect::<Option<_>>()
                                .ok_or_else(|| untagged("Ratings"))?,
                        ),
                        one => Ratings::One(rating(one).ok_or_else(|| untagged("Ratings"))?),
                    };
                    ratings.insert(criterion.clone(), given);
                }
                submission.ratings = ratings;
            }
            _ => {}
        }
    }
    Ok(submission)
}

/// A rating, or `None` where serde would not build one (`"by": null`).
fn rating(value: &Value) -> Option<Rating> {
    let map = value;
    Some(Rating {
        value: number(&map["value"]),
        by: match map.get("by") {
            None => Rater::default(),
            Some(by) => rater(by).ok()?,
        },
        comment: map.get("comment").and_then(Value::as_str).map(str::to_string),
    })
}
