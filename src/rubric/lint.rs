//! Advice on rubric quality, apart from errors: a rubric can be valid and still hard to use.
//! Each piece of advice names where it applies and what to do about it.

use super::model::{Rubric, RubricKind};
use crate::json::{number_text, Num};
use serde::Serialize;

/// One piece of advice: a JSON path, a stable code for tools, and a sentence for teachers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Advice {
    pub path: String,
    pub code: String,
    pub message: String,
}

fn advice(path: String, code: &str, message: String) -> Advice {
    Advice { path, code: code.to_string(), message }
}

/// Words that judge without saying what was seen.
const EVALUATIVE: &[&str] = &[
    "good",
    "poor",
    "excellent",
    "adequate",
    "satisfactory",
    "unsatisfactory",
    "weak",
    "strong",
    "great",
    "fair",
    "bad",
    "nice",
    "outstanding",
    "acceptable",
    "inadequate",
    "superior",
    "average",
    "exemplary",
    "limited",
    "minimal",
    "some",
    "very",
    "well",
    "quality",
    "effective",
    "ineffective",
    "bueno",
    "buena",
    "malo",
    "mala",
    "excelente",
    "regular",
    "pobre",
    "adecuado",
    "adecuada",
    "insuficiente",
];

/// Words that carry no content of their own.
const FILLER: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "and", "or", "of", "to", "in", "work", "shows", "show",
    "job", "level", "it", "this", "that", "with", "el", "la", "los", "las", "un", "una", "es", "y",
    "o", "de", "trabajo", "muy", "con",
];

/// Signs that a criterion judges conduct or compliance rather than learning.
const BEHAVIOUR: &[&str] = &[
    "neat",
    "neatness",
    "handwriting",
    "late",
    "lateness",
    "on time",
    "tardy",
    "punctual",
    "effort",
    "participation",
    "behavior",
    "behaviour",
    "attendance",
    "tidy",
    "colorful",
    "colourful",
    "followed directions",
    "name on",
    "limpieza",
    "puntualidad",
    "esfuerzo",
    "tarde",
    "participación",
    "conducta",
];

/// Everything worth a teacher's second look in a valid rubric.
pub fn lint(rubric: &Rubric) -> Vec<Advice> {
    let mut out = Vec::new();
    let mut required: Vec<&str> = Vec::new();
    for (c, criterion) in rubric.criteria.iter().enumerate() {
        let base = format!("criteria[{c}]");
        let about =
            format!("{} {}", criterion.title, criterion.description.as_deref().unwrap_or(""))
                .to_lowercase();
        if let Some(word) = BEHAVIOUR.iter().find(|w| contains_word(&about, w)) {
            out.push(advice(
                base.clone(),
                "behaviour-criterion",
                format!(
                    "`{}` seems to judge conduct (\"{word}\") rather than learning; report it apart from the competency so it does not distort mastery.",
                    criterion.title
                ),
            ));
        }
        let mut missing_student = Vec::new();
        for (l, level) in criterion.levels.iter().enumerate() {
            let path = format!("{base}.levels[{l}]");
            if is_evaluative_only(&level.descriptor) {
                out.push(advice(
                    format!("{path}.descriptor"),
                    "vague-descriptor",
                    format!(
                        "\"{}\" judges without describing what the work shows; say what a reader would see (e.g. \"cites two measurements\").",
                        level.descriptor
                    ),
                ));
            }
            if level.student.is_none() {
                missing_student.push(number_text(level.value));
            }
            for (m, other) in criterion.levels.iter().enumerate().skip(l + 1) {
                if normalize(&other.descriptor) == normalize(&level.descriptor) {
                    out.push(advice(
                        format!("{base}.levels[{m}].descriptor"),
                        "levels-same-descriptor",
                        format!("levels {} and {} have the same descriptor; say how the higher one differs.", Num(level.value), Num(other.value)),
                    ));
                } else if !level.requires.is_empty() && same_set(&level.requires, &other.requires) {
                    out.push(advice(
                        format!("{base}.levels[{m}].requires"),
                        "levels-same-evidence",
                        format!(
                            "levels {} and {} require the same indicators, so automatic scoring can never place work at {}.",
                            Num(level.value), Num(other.value), Num(level.value)
                        ),
                    ));
                }
            }
            required.extend(level.requires.iter().map(String::as_str));
        }
        for point in [&criterion.proficient, &criterion.advanced].into_iter().flatten() {
            required.extend(point.requires.iter().map(String::as_str));
            if point.student.is_none() {
                missing_student.push("proficient".into());
            }
        }
        if !missing_student.is_empty() && rubric.kind != RubricKind::Checklist {
            out.push(advice(
                base.clone(),
                "missing-student-wording",
                format!(
                    "`{}` has no student (\"I can…\") wording for level(s) {}; students will see the teacher descriptor instead.",
                    criterion.id,
                    missing_student.join(", ")
                ),
            ));
        }
        if let Some(lowest) = criterion.levels.first() {
            if !lowest.requires.is_empty() {
                out.push(advice(
                    format!("{base}.levels[0].requires"),
                    "lowest-level-requires",
                    "the lowest level requires evidence; work without it is placed at the lowest level with 0 points.".to_string(),
                ));
            }
        }
        let any_requires = criterion.levels.iter().any(|l| !l.requires.is_empty())
            || criterion.proficient.as_ref().is_some_and(|p| !p.requires.is_empty());
        if rubric.kind != RubricKind::Checklist && !any_requires {
            out.push(advice(
                base.clone(),
                "needs-rating",
                format!(
                    "no level of `{}` requires an indicator, so until a person rates it every student is placed at its top level; give the higher levels `requires` (a rating check works).",
                    criterion.id
                ),
            ));
        }
        for (k, indicator) in criterion.indicators.iter().enumerate() {
            let path = format!("{base}.indicators[{k}]");
            if indicator.hint.is_none() {
                out.push(advice(
                    format!("{path}.hint"),
                    "missing-hint",
                    format!(
                        "indicator `{}` has no hint; next steps will use a generic message.",
                        indicator.id
                    ),
                ));
            }
            if indicator.check.uses_stem() && !crate::text::stemmer_available(&rubric.locale) {
                out.push(advice(
                    format!("{path}.check.stem"),
                    "no-stemmer",
                    format!(
                        "no stemmer for locale `{}`: phrases will match exact words only.",
                        rubric.locale
                    ),
                ));
            }
        }
    }
    for (c, criterion) in rubric.criteria.iter().enumerate() {
        for (k, indicator) in criterion.indicators.iter().enumerate() {
            let mut lists = Vec::new();
            indicator
                .check
                .common_phrase_lists(&format!("criteria[{c}].indicators[{k}].check"), &mut lists);
            for (path, phrases) in lists {
                let shown: Vec<String> = phrases.iter().map(|p| format!("\"{p}\"")).collect();
                out.push(advice(
                    path,
                    "common-words",
                    format!(
                        "indicator `{}` looks only for very common words ({}): nearly every answer has them, so they show little. Add words of the task itself.",
                        indicator.id,
                        shown.join(", ")
                    ),
                ));
            }
        }
    }
    for (path, missing) in missing_translations(rubric) {
        out.push(advice(
            path,
            "missing-translation",
            format!(
                "no text in {} here; students reading in that language will see the rubric's own ({}).",
                missing.join(", "),
                rubric.locale
            ),
        ));
    }
    if rubric.kind != RubricKind::Checklist {
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            for (k, indicator) in criterion.indicators.iter().enumerate() {
                if !required.contains(&indicator.id.as_str()) {
                    out.push(advice(
                        format!("criteria[{c}].indicators[{k}]"),
                        "unused-indicator",
                        format!("no level requires indicator `{}`; it gives feedback but never changes a level.", indicator.id),
                    ));
                }
            }
        }
    }
    out
}

/// Texts of the rubric that lack a language other texts are given in: (path, missing).
fn missing_translations(rubric: &Rubric) -> Vec<(String, Vec<String>)> {
    use super::model::Text;
    let mut languages: Vec<String> = Vec::new();
    let mut texts: Vec<(String, Vec<String>)> = Vec::new();
    let mut note = |path: String, t: &Text| {
        let locales = t.locales();
        for l in &locales {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        texts.push((path, locales));
    };
    note("title".into(), &rubric.title);
    if let Some(d) = &rubric.description {
        note("description".into(), d);
    }
    for (c, criterion) in rubric.criteria.iter().enumerate() {
        let base = format!("criteria[{c}]");
        note(format!("{base}.title"), &criterion.title);
        for (l, level) in criterion.levels.iter().enumerate() {
            note(format!("{base}.levels[{l}].descriptor"), &level.descriptor);
            if let Some(t) = &level.student {
                note(format!("{base}.levels[{l}].student"), t);
            }
        }
        for (key, point) in
            [("proficient", &criterion.proficient), ("advanced", &criterion.advanced)]
        {
            if let Some(point) = point {
                note(format!("{base}.{key}.descriptor"), &point.descriptor);
                if let Some(t) = &point.student {
                    note(format!("{base}.{key}.student"), t);
                }
            }
        }
        for (k, indicator) in criterion.indicators.iter().enumerate() {
            for (key, t) in [
                ("hint", &indicator.hint),
                ("praise", &indicator.praise),
                ("label", &indicator.label),
            ] {
                if let Some(t) = t {
                    note(format!("{base}.indicators[{k}].{key}"), t);
                }
            }
        }
    }
    if languages.len() < 2 {
        return Vec::new();
    }
    texts
        .into_iter()
        .filter_map(|(path, have)| {
            let missing: Vec<String> = languages
                .iter()
                .filter(|l| !have.iter().any(|h| super::localized::same_language(h, l)))
                .cloned()
                .collect();
            (!missing.is_empty()).then_some((path, missing))
        })
        .collect()
}

fn normalize(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    let h = format!(" {} ", normalize(haystack));
    h.contains(&format!(" {needle} "))
}

/// Whether two short lists (a level's `requires`) hold the same ids, ignoring order and
/// repeats. Compared item by item rather than sorted: no sort of strings in the student wasm.
fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// A descriptor whose content words are all evaluative ("Good work.", "Poor", "Excellent job").
fn is_evaluative_only(descriptor: &str) -> bool {
    let text = normalize(descriptor);
    let content: Vec<&str> =
        text.split(' ').filter(|w| !w.is_empty() && !FILLER.contains(w)).collect();
    !content.is_empty() && content.iter().all(|w| EVALUATIVE.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_evaluative_only_descriptors() {
        assert!(is_evaluative_only("Good work."));
        assert!(is_evaluative_only("Poor"));
        assert!(!is_evaluative_only("Excellent job, very well done"));
        assert!(is_evaluative_only("Trabajo excelente"));
        assert!(!is_evaluative_only("Cites two measurements from the data table."));
        assert!(!is_evaluative_only("A good claim that answers the question"));
    }
}
