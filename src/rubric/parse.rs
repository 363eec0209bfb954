//! Rubric parsing: walk the JSON once, record every problem with its path, then build.

use super::checks::{walk_check, CheckRefs};
use super::model::{Rubric, RubricKind};
use crate::error::Error;
use crate::json::{did_you_mean, number_text, parse_document, Fields, Num, Walk};
use serde_json::Value;
use std::collections::BTreeMap;

/// Parses and validates a rubric from JSON text.
pub fn parse_rubric(text: &str) -> Result<Rubric, Error> {
    crate::limits::check_text_size("rubric", text.len(), Some(text))?;
    parse_rubric_value(&parse_document(text)?)
}

/// Validates a rubric already parsed as JSON, reporting every problem found.
pub fn parse_rubric_value(value: &Value) -> Result<Rubric, Error> {
    // Counts first: a rubric over a count limit is refused without walking all of it (5,000
    // indicators took 27–120 ms in Chromium to be refused after the whole walk).
    let mut sizes = Walk::new();
    crate::limits::check_rubric_size(&mut sizes, value);
    sizes.finish("rubric")?;
    let mut walk = Walk::new();
    walk_rubric(&mut walk, value);
    crate::limits::check_rubric_value(&mut walk, value);
    walk.finish("rubric")?;
    let mut rubric = super::build::rubric(value)
        .map_err(|e| Error::at("rubric", "", format!("could not build the rubric: {e}")))?;
    rubric.settle_locale();
    Ok(rubric)
}

const KINDS: [&str; 4] = ["analytic", "holistic", "singlePoint", "checklist"];

/// What we learn of the scale while walking: level values in order, for later checks.
struct ScaleSeen {
    values: Vec<f64>,
    mastery: f64,
}

fn walk_rubric(walk: &mut Walk, value: &Value) {
    let Some(mut root) = walk.object(value, "") else { return };
    root.text(walk, "id", true);
    localized_text(walk, &mut root, "title", true);
    localized_text(walk, &mut root, "description", false);
    walk_integrity(walk, &mut root);
    root.bool(walk, "scoreSelf");
    root.bool(walk, "ratingsOverride");
    if let Some(locale) = root.str(walk, "locale", false) {
        if !is_language_tag(locale) {
            walk.problem(
                root.path_of("locale"),
                format!("`{locale}` is not a language tag like `en` or `es-MX`"),
            );
        }
    }
    let kind = match root.str(walk, "kind", false) {
        None => Some(RubricKind::Analytic),
        Some(k) => match k {
            "analytic" => Some(RubricKind::Analytic),
            "holistic" => Some(RubricKind::Holistic),
            "singlePoint" => Some(RubricKind::SinglePoint),
            "checklist" => Some(RubricKind::Checklist),
            other => {
                walk.problem(root.path_of("kind"), unknown_word("kind", other, &KINDS));
                None
            }
        },
    };
    let scale = match root.object(walk, "scale", false) {
        Some(fields) => walk_scale(walk, fields),
        None => Some(ScaleSeen { values: vec![1.0, 2.0, 3.0, 4.0], mastery: 3.0 }),
    };

    let mut indicator_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut requires: Vec<(String, String)> = Vec::new();
    if let Some(criteria) = root.array(walk, "criteria", true) {
        let base = root.path_of("criteria");
        if criteria.is_empty() {
            walk.problem(&base, "a rubric needs at least one criterion");
        }
        if kind == Some(RubricKind::Holistic) && criteria.len() > 1 {
            walk.problem(
                &base,
                format!("a holistic rubric has exactly one criterion; found {}", criteria.len()),
            );
        }
        let mut criterion_ids: BTreeMap<String, String> = BTreeMap::new();
        for (i, criterion) in criteria.iter().enumerate() {
            let path = format!("{base}[{i}]");
            let Some(fields) = walk.object(criterion, &path) else { continue };
            let ctx = CriterionContext { kind, scale: scale.as_ref() };
            walk_criterion(
                walk,
                fields,
                &ctx,
                &mut criterion_ids,
                &mut indicator_ids,
                &mut requires,
            );
        }
    }
    for (path, id) in requires {
        if !indicator_ids.contains_key(&id) {
            let message = match did_you_mean(&id, indicator_ids.keys().map(String::as_str)) {
                Some(close) => {
                    format!("requires unknown indicator `{id}`; did you mean `{close}`?")
                }
                None => format!("requires unknown indicator `{id}`"),
            };
            walk.problem(path, message);
        }
    }
    root.finish(walk);
}

fn walk_scale(walk: &mut Walk, mut fields: Fields) -> Option<ScaleSeen> {
    let mut values = Vec::new();
    let mut ok = true;
    if let Some(levels) = fields.array(walk, "levels", true) {
        let base = fields.path_of("levels");
        if levels.len() < 2 {
            walk.problem(&base, "a scale needs at least two levels");
            ok = false;
        }
        for (i, level) in levels.iter().enumerate() {
            let path = format!("{base}[{i}]");
            let Some(mut lf) = walk.object(level, &path) else {
                ok = false;
                continue;
            };
            let value = lf.number(walk, "value", true);
            localized_text(walk, &mut lf, "label", true);
            lf.finish(walk);
            match value {
                Some(v) => {
                    if let Some(&prev) = values.last() {
                        if v <= prev {
                            walk.problem(
                                format!("{path}.value"),
                                format!(
                                    "scale levels must go up: {} comes after {}",
                                    Num(v),
                                    Num(prev)
                                ),
                            );
                            ok = false;
                        }
                    }
                    values.push(v);
                }
                None => ok = false,
            }
        }
    } else {
        ok = false;
    }
    let mastery = fields.number(walk, "mastery", true);
    if let Some(m) = mastery {
        if ok && !values.contains(&m) {
            walk.problem(
                fields.path_of("mastery"),
                format!("{} is not a level of the scale ({})", Num(m), list_values(&values)),
            );
        }
    }
    fields.finish(walk);
    (ok && mastery.is_some()).then(|| ScaleSeen { values, mastery: mastery.unwrap_or_default() })
}

struct CriterionContext<'a> {
    kind: Option<RubricKind>,
    scale: Option<&'a ScaleSeen>,
}

fn walk_criterion(
    walk: &mut Walk,
    mut fields: Fields,
    ctx: &CriterionContext,
    criterion_ids: &mut BTreeMap<String, String>,
    indicator_ids: &mut BTreeMap<String, String>,
    requires: &mut Vec<(String, String)>,
) {
    if let Some(id) = fields.text(walk, "id", true) {
        let path = fields.path_of("id");
        if let Some(first) = criterion_ids.get(id) {
            walk.problem(&path, format!("duplicate criterion id `{id}` (first used at {first})"));
        } else {
            criterion_ids.insert(id.to_string(), path);
        }
    }
    localized_text(walk, &mut fields, "title", true);
    localized_text(walk, &mut fields, "description", false);
    fields.text(walk, "competency", false);
    if let Some(w) = fields.number(walk, "weight", false) {
        if w <= 0.0 {
            walk.problem(fields.path_of("weight"), "must be greater than 0");
        }
    }

    let kind = ctx.kind;
    let levels_path = fields.path_of("levels");
    let levels = fields.array(walk, "levels", false);
    let proficient_path = fields.path_of("proficient");
    let proficient = fields.object(walk, "proficient", false);
    let advanced_path = fields.path_of("advanced");
    let advanced = fields.object(walk, "advanced", false);
    match kind {
        Some(RubricKind::Analytic | RubricKind::Holistic) => {
            match levels {
                None => walk.problem(&levels_path, "missing: expected a list of levels"),
                Some(levels) => walk_levels(walk, levels, &levels_path, ctx.scale, requires),
            }
            if proficient.is_some() || advanced.is_some() {
                let path = if proficient.is_some() { &proficient_path } else { &advanced_path };
                walk.problem(path, "only single-point rubrics (kind `singlePoint`) have `proficient` and `advanced`");
            }
        }
        Some(RubricKind::SinglePoint) => {
            if levels.is_some() {
                walk.problem(&levels_path, "a single-point rubric has no levels: describe `proficient` (and optionally `advanced`)");
            }
            match proficient {
                None => walk.problem(
                    &proficient_path,
                    "missing: a single-point criterion needs its `proficient` descriptor",
                ),
                Some(p) => walk_point(walk, p, requires),
            }
            if let Some(a) = advanced {
                walk_point(walk, a, requires);
                if let Some(scale) = ctx.scale {
                    if !scale.values.iter().any(|v| *v > scale.mastery) {
                        walk.problem(
                            &advanced_path,
                            "the scale has no level above mastery to place advanced work on",
                        );
                    }
                }
            }
        }
        Some(RubricKind::Checklist) if levels.is_some() || proficient.is_some() => {
            let path = if levels.is_some() { &levels_path } else { &proficient_path };
            walk.problem(path, "a checklist has no levels: each indicator is worth `points`");
        }
        Some(RubricKind::Checklist) => {}
        None => {}
    }

    let indicators_path = fields.path_of("indicators");
    match fields.array(walk, "indicators", false) {
        Some(indicators) => {
            if kind == Some(RubricKind::Checklist) && indicators.is_empty() {
                walk.problem(
                    &indicators_path,
                    "a checklist criterion needs at least one indicator",
                );
            }
            let mut own: Vec<(Option<String>, CheckRefs)> = Vec::new();
            for (k, indicator) in indicators.iter().enumerate() {
                let path = format!("{indicators_path}[{k}]");
                if let Some(f) = walk.object(indicator, &path) {
                    own.push(walk_indicator(walk, f, indicator_ids));
                }
            }
            walk_counted(walk, &own);
        }
        None if kind == Some(RubricKind::Checklist) => {
            walk.problem(&indicators_path, "missing: a checklist criterion needs its indicators");
        }
        None => {}
    }
    fields.finish(walk);
}

fn walk_levels(
    walk: &mut Walk,
    levels: &[Value],
    base: &str,
    scale: Option<&ScaleSeen>,
    requires: &mut Vec<(String, String)>,
) {
    if levels.is_empty() {
        walk.problem(base, "a criterion needs at least one level");
    }
    let mut previous: Option<(f64, f64)> = None;
    for (j, level) in levels.iter().enumerate() {
        let path = format!("{base}[{j}]");
        let Some(mut f) = walk.object(level, &path) else { continue };
        let value = f.number(walk, "value", true);
        let points = f.number(walk, "points", false);
        localized_text(walk, &mut f, "descriptor", true);
        localized_text(walk, &mut f, "student", false);
        walk_requires(walk, &mut f, requires);
        f.finish(walk);
        let Some(value) = value else { continue };
        if let Some(scale) = scale {
            if !scale.values.contains(&value) {
                walk.problem(
                    format!("{path}.value"),
                    format!(
                        "{} is not a level of the scale ({})",
                        Num(value),
                        list_values(&scale.values)
                    ),
                );
            }
        }
        if let Some(p) = points {
            if p < 0.0 {
                walk.problem(format!("{path}.points"), "must not be negative");
            }
        }
        let points = points.unwrap_or(value);
        if let Some((prev_value, prev_points)) = previous {
            if value <= prev_value {
                walk.problem(
                    format!("{path}.value"),
                    format!(
                        "levels must be listed lowest first: {} comes after {}",
                        Num(value),
                        Num(prev_value)
                    ),
                );
            } else if points < prev_points {
                walk.problem(
                    format!("{path}.points"),
                    format!(
                        "a higher level must not be worth fewer points: {} after {}",
                        Num(points),
                        Num(prev_points)
                    ),
                );
            }
        }
        previous = Some((value, points));
    }
}

fn walk_point(walk: &mut Walk, mut f: Fields, requires: &mut Vec<(String, String)>) {
    localized_text(walk, &mut f, "descriptor", true);
    localized_text(walk, &mut f, "student", false);
    walk_requires(walk, &mut f, requires);
    f.finish(walk);
}

fn walk_requires(walk: &mut Walk, f: &mut Fields, requires: &mut Vec<(String, String)>) {
    if let Some(ids) = f.strings(walk, "requires", false) {
        for (path, id) in ids {
            requires.push((path, id.to_string()));
        }
    }
}

/// Walks an indicator; gives its id and the indicators its `atLeast` checks name.
fn walk_indicator(
    walk: &mut Walk,
    mut f: Fields,
    indicator_ids: &mut BTreeMap<String, String>,
) -> (Option<String>, CheckRefs) {
    let mut refs = CheckRefs::default();
    let own = f.text(walk, "id", true).map(str::to_string);
    if let Some(id) = own.as_deref() {
        let path = f.path_of("id");
        if let Some(first) = indicator_ids.get(id) {
            walk.problem(&path, format!("duplicate indicator id `{id}` (first used at {first})"));
        } else {
            indicator_ids.insert(id.to_string(), path);
        }
    }
    f.text(walk, "field", false);
    localized_text(walk, &mut f, "hint", false);
    localized_text(walk, &mut f, "praise", false);
    localized_text(walk, &mut f, "label", false);
    if let Some(p) = f.number(walk, "points", false) {
        if p < 0.0 {
            walk.problem(f.path_of("points"), "must not be negative");
        }
    }
    let path = f.path_of("check");
    match f.get("check") {
        Some(check) => walk_check(walk, check, &path, &mut refs),
        None => walk.problem(
            path,
            "missing: expected a check such as {\"type\": \"phrases\", \"anyOf\": [...]}",
        ),
    }
    f.finish(walk);
    (own, refs)
}

/// "unknown kind `x`; did you mean `y`?" or the list of allowed words.
pub(super) fn unknown_word(what: &str, word: &str, allowed: &[&str]) -> String {
    match did_you_mean(word, allowed.iter().copied()) {
        Some(close) => format!("unknown {what} `{word}`; did you mean `{close}`?"),
        None => format!("unknown {what} `{word}`; expected one of: {}", allowed.join(", ")),
    }
}

fn list_values(values: &[f64]) -> String {
    values.iter().map(|v| number_text(*v)).collect::<Vec<_>>().join(", ")
}

pub(super) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A teacher- or student-facing string: a non-empty string, or an object of them keyed by
/// language tag (`{"en": "Claim", "es": "Afirmación"}`). Says whether it was there.
pub(super) fn localized_text(
    walk: &mut Walk,
    f: &mut Fields,
    key: &'static str,
    needed: bool,
) -> bool {
    let path = f.path_of(key);
    match f.get(key) {
        None => {
            if needed {
                walk.problem(path, "missing: expected a text");
            }
            false
        }
        Some(Value::String(s)) => {
            if s.trim().is_empty() {
                walk.problem(path, "must not be empty");
            }
            true
        }
        Some(Value::Object(map)) => {
            if map.is_empty() {
                walk.problem(&path, "needs a text for at least one language, as {\"en\": \"…\"}");
            }
            for (lang, text) in map {
                let at = crate::json::key_path(&path, lang);
                if !is_language_tag(lang) {
                    walk.problem(
                        &at,
                        format!("`{lang}` is not a language tag like `en` or `es-MX`"),
                    );
                }
                match text {
                    Value::String(s) if s.trim().is_empty() => {
                        walk.problem(at, "must not be empty")
                    }
                    Value::String(_) => {}
                    other => walk.expected(&at, "a string", other),
                }
            }
            true
        }
        Some(other) => {
            walk.expected(&path, "a string, or an object of strings by language", other);
            false
        }
    }
}

/// A list of strings, or an object of lists keyed by language tag. Gives every string with
/// its path (over all languages), or `None` when absent or not a list or object.
pub(super) fn localized_strings<'v>(
    walk: &mut Walk,
    f: &mut Fields<'v>,
    key: &'static str,
) -> Option<Vec<(String, &'v str)>> {
    let path = f.path_of(key);
    let strings = |walk: &mut Walk, items: &'v [Value], base: &str| {
        let mut out = Vec::new();
        if items.is_empty() {
            walk.problem(base, "needs at least one phrase");
        }
        for (i, item) in items.iter().enumerate() {
            let at = crate::json::index_path(base, i);
            match item {
                Value::String(s) => out.push((at, s.as_str())),
                other => walk.expected(&at, "a string", other),
            }
        }
        out
    };
    match f.get(key)? {
        Value::Array(items) => Some(strings(walk, items, &path)),
        Value::Object(map) => {
            if map.is_empty() {
                walk.problem(&path, "needs a list for at least one language, as {\"en\": [\"…\"]}");
            }
            let mut out = Vec::new();
            for (lang, list) in map {
                let at = crate::json::key_path(&path, lang);
                if !is_language_tag(lang) {
                    walk.problem(
                        &at,
                        format!("`{lang}` is not a language tag like `en` or `es-MX`"),
                    );
                }
                match list {
                    Value::Array(items) => out.extend(strings(walk, items, &at)),
                    other => walk.expected(&at, "a list of phrases", other),
                }
            }
            Some(out)
        }
        other => {
            walk.expected(&path, "a list of phrases, or an object of lists by language", other);
            None
        }
    }
}

fn walk_integrity(walk: &mut Walk, root: &mut Fields) {
    if let Some(mut f) = root.object(walk, "integrity", false) {
        f.bool(walk, "keywordLists");
        f.bool(walk, "offTask");
        f.finish(walk);
    }
}

/// `atLeast` checks count indicators of their own criterion, which do not themselves count
/// others (so every count is of plain evidence).
fn walk_counted(walk: &mut Walk, own: &[(Option<String>, CheckRefs)]) {
    let ids: Vec<&str> = own.iter().filter_map(|(id, _)| id.as_deref()).collect();
    for (id, refs) in own {
        for (path, named) in &refs.of {
            if Some(named.as_str()) == id.as_deref() {
                walk.problem(path, format!("`{named}` cannot count itself"));
            } else if !ids.contains(&named.as_str()) {
                let message = match did_you_mean(named, ids.iter().copied()) {
                    Some(close) => format!(
                        "`{named}` is not an indicator of this criterion; did you mean `{close}`?"
                    ),
                    None => format!("`{named}` is not an indicator of this criterion"),
                };
                walk.problem(path, message);
            } else if own.iter().any(|(i, r)| i.as_deref() == Some(named) && !r.of.is_empty()) {
                walk.problem(
                    path,
                    format!(
                        "`{named}` counts other indicators itself; count plain indicators only"
                    ),
                );
            }
        }
    }
}
