//! CFRubric → Evident rubric (see the mapping in `interop::case`). A rubric that cannot be
//! made valid is reported whole rather than imported half right.

use super::{text, Unmapped};
use crate::rubric::model::{Criterion, Level, Rubric, RubricKind, Scale, ScaleLevel};
use crate::rubric::parse_rubric_value;
use serde_json::Value;
use std::collections::BTreeMap;

/// One criterion's levels in rank order, with the quality labels.
struct Ranked {
    levels: Vec<Level>,
    qualities: Vec<Option<String>>,
}

pub(super) fn map_rubric(
    source: &Value,
    path: &str,
    language: &str,
    items: &BTreeMap<String, usize>,
    competency_ids: &[String],
    unmapped: &mut Vec<Unmapped>,
) -> Option<Rubric> {
    let identifier = text(source, "identifier")?.to_string();
    let mut note = |path: String, message: String| {
        unmapped.push(Unmapped { path, identifier: Some(identifier.clone()), message })
    };
    let mut criteria = Vec::new();
    let mut ranked_all: Vec<Ranked> = Vec::new();
    let sources = by_position(source.get("CFRubricCriteria"));
    for (c, criterion) in &sources {
        let cpath = format!("{path}.CFRubricCriteria[{c}]");
        let Some(id) = text(criterion, "identifier") else {
            note(cpath, "criterion without an identifier; skipped".to_string());
            continue;
        };
        let Some(ranked) = rank_levels(criterion, &cpath, &mut note) else {
            note(cpath, "criterion without levels; skipped".to_string());
            continue;
        };
        let competency = match criterion.get("CFItemURI").and_then(|u| text(u, "identifier")) {
            Some(item) => match items.get(item) {
                Some(&i) => competency_ids.get(i).cloned(),
                None => {
                    note(format!("{cpath}.CFItemURI"), format!("the criterion assesses an item outside this package ({item}); no competency set"));
                    None
                }
            },
            None => None,
        };
        let (title, description) =
            match (text(criterion, "category"), text(criterion, "description")) {
                (Some(category), d) => (category.to_string(), d.map(str::to_string)),
                (None, Some(d)) => (d.to_string(), None),
                (None, None) => (format!("Criterion {}", criteria.len() + 1), None),
            };
        let weight =
            criterion.get("weight").and_then(Value::as_f64).filter(|w| *w > 0.0).unwrap_or(1.0);
        criteria.push(Criterion {
            id: id.to_string(),
            title: title.into(),
            description: description.map(Into::into),
            competency,
            weight,
            levels: ranked.levels.clone(),
            proficient: None,
            advanced: None,
            indicators: Vec::new(),
        });
        ranked_all.push(ranked);
    }
    if criteria.is_empty() {
        note(path.to_string(), "rubric without usable criteria; not imported".to_string());
        return None;
    }
    let size = ranked_all.iter().map(|r| r.levels.len()).max().unwrap_or(0);
    if size < 2 {
        note(path.to_string(), "a rubric needs at least two levels; not imported".to_string());
        return None;
    }
    let levels: Vec<ScaleLevel> = (0..size)
        .map(|k| {
            let label = ranked_all
                .iter()
                .find_map(|r| r.qualities.get(k).cloned().flatten())
                .unwrap_or_else(|| format!("Level {}", k + 1));
            ScaleLevel { value: (k + 1) as f64, label: label.into() }
        })
        .collect();
    let mastery_index = if size >= 3 { size - 2 } else { size - 1 };
    let mastery = levels[mastery_index].clone();
    note(
        path.to_string(),
        format!(
            "CASE has no mastery level: level {} “{}” was chosen (the {})",
            mastery.value,
            mastery.label,
            if size >= 3 { "second highest" } else { "highest" }
        ),
    );
    let rubric = Rubric {
        id: identifier.clone(),
        title: text(source, "title").unwrap_or("Untitled rubric").into(),
        kind: RubricKind::Analytic,
        locale: language.to_string(),
        description: text(source, "description").map(Into::into),
        scale: Scale { levels, mastery: mastery.value },
        criteria,
        score_self: false,
        ratings_override: true,
        integrity: Default::default(),
    };
    // The same validation as a hand-written rubric: what passes can be scored.
    let checked = serde_json::to_value(&rubric)
        .map_err(|e| e.to_string())
        .and_then(|v| parse_rubric_value(&v).map_err(|e| e.to_string()));
    match checked {
        Ok(rubric) => Some(rubric),
        Err(problems) => {
            note(
                path.to_string(),
                format!("rubric not imported: {}", problems.replace('\n', "; ")),
            );
            None
        }
    }
}

/// The items of a list with their original indices, ordered by `position` (stable; items
/// without a position keep their place after those with one).
fn by_position(list: Option<&Value>) -> Vec<(usize, &Value)> {
    let mut items: Vec<(usize, &Value)> =
        list.and_then(Value::as_array).map(|a| a.iter().enumerate().collect()).unwrap_or_default();
    items.sort_by(|a, b| {
        let pa = a.1.get("position").and_then(Value::as_f64).unwrap_or(f64::INFINITY);
        let pb = b.1.get("position").and_then(Value::as_f64).unwrap_or(f64::INFINITY);
        pa.total_cmp(&pb)
    });
    items
}

/// Levels ranked lowest first: by score when every level has one, else by position.
fn rank_levels(
    criterion: &Value,
    cpath: &str,
    note: &mut dyn FnMut(String, String),
) -> Option<Ranked> {
    let mut sources = by_position(criterion.get("CFRubricCriterionLevels"));
    if sources.is_empty() {
        return None;
    }
    let scores: Option<Vec<f64>> =
        sources.iter().map(|(_, l)| l.get("score").and_then(Value::as_f64)).collect();
    if scores.is_some() {
        sources.sort_by(|a, b| {
            let sa = a.1.get("score").and_then(Value::as_f64).unwrap_or(0.0);
            let sb = b.1.get("score").and_then(Value::as_f64).unwrap_or(0.0);
            sa.total_cmp(&sb)
        });
    } else {
        note(
            cpath.to_string(),
            "levels without a score are ranked by position, lowest first".to_string(),
        );
    }
    let mut levels = Vec::new();
    let mut qualities = Vec::new();
    for (rank, (_, level)) in sources.iter().enumerate() {
        let quality = text(level, "quality").map(str::to_string);
        let descriptor = text(level, "description")
            .map(str::to_string)
            .or_else(|| quality.clone())
            .unwrap_or_else(|| format!("Level {}", rank + 1));
        levels.push(Level {
            value: (rank + 1) as f64,
            points: if scores.is_some() {
                level.get("score").and_then(Value::as_f64)
            } else {
                None
            },
            descriptor: descriptor.into(),
            student: text(level, "feedback").map(Into::into),
            requires: Vec::new(),
        });
        qualities.push(quality);
    }
    Some(Ranked { levels, qualities })
}
