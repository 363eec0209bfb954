//! Validation of indicator checks (SPEC §1 table), recursively for `all`/`any`/`not`.

use super::parse::{localized_strings, unknown_word};
use crate::json::{Fields, Num, Walk};
use serde_json::Value;

const TYPES: [&str; 14] = [
    "phrases",
    "wordCount",
    "sentenceCount",
    "paragraphCount",
    "readability",
    "pattern",
    "number",
    "choice",
    "rating",
    "all",
    "any",
    "not",
    "atLeast",
    "together",
];

/// What walking an indicator's check learned that only the criterion can judge: the
/// indicators named by `atLeast` checks' `of` (path, id).
#[derive(Debug, Default)]
pub(super) struct CheckRefs {
    pub of: Vec<(String, String)>,
}

/// Largest compiled regex we accept, so that one rubric cannot exhaust a student's browser.
pub const REGEX_SIZE_LIMIT: usize = 256 * 1024;

pub(super) fn walk_check(walk: &mut Walk, value: &Value, path: &str, refs: &mut CheckRefs) {
    let Some(mut f) = walk.object(value, path) else { return };
    let Some(kind) = f.str(walk, "type", true) else {
        f.finish(walk);
        return;
    };
    match kind {
        "phrases" => {
            let any = localized_strings(walk, &mut f, "anyOf");
            let all = localized_strings(walk, &mut f, "allOf");
            match (&any, &all) {
                (None, None) => walk.problem(
                    f.path_of("anyOf"),
                    "missing: a phrases check needs `anyOf` or `allOf`",
                ),
                (Some(_), Some(_)) => {
                    walk.problem(f.path_of("allOf"), "use either `anyOf` or `allOf`, not both")
                }
                _ => {}
            }
            for (list_key, list) in [("anyOf", any), ("allOf", all)] {
                let _ = list_key;
                let Some(list) = list else { continue };
                for (p, phrase) in list {
                    if let Some(message) = phrase_problem(phrase) {
                        walk.problem(p, message);
                    }
                }
            }
            f.count(walk, "minCount", false, 1);
            f.bool(walk, "caseSensitive");
            f.bool(walk, "wholeWord");
            f.bool(walk, "stem");
            f.bool(walk, "ignoreAccents");
            if let Some(mode) = f.str(walk, "negation", false) {
                if !["skip", "any", "only"].contains(&mode) {
                    walk.problem(
                        f.path_of("negation"),
                        unknown_word("negation", mode, &["skip", "any", "only"]),
                    );
                }
            }
            match f.get("fuzzy") {
                None => {}
                Some(Value::String(s)) if s == "auto" => {}
                Some(Value::Number(n)) if matches!(n.as_u64(), Some(0..=2)) => {}
                Some(_) => walk.problem(f.path_of("fuzzy"), "expected 0, 1, 2 or \"auto\""),
            }
        }
        "wordCount" | "sentenceCount" | "paragraphCount" => {
            let present = f.get("min").is_some() || f.get("max").is_some();
            let min = f.count(walk, "min", false, 0);
            let max = f.count(walk, "max", false, 0);
            match (min, max) {
                (Some(a), Some(b)) if a > b => {
                    walk.problem(f.path_of("max"), format!("max {b} is below min {a}"))
                }
                _ if !present => {
                    walk.problem(f.path_of("min"), "missing: give `min`, `max` or both")
                }
                _ => {}
            }
        }
        "readability" => {
            let present = f.get("minGrade").is_some() || f.get("maxGrade").is_some();
            let min = f.number(walk, "minGrade", false);
            let max = f.number(walk, "maxGrade", false);
            match (min, max) {
                (Some(a), Some(b)) if a > b => walk.problem(
                    f.path_of("maxGrade"),
                    format!("maxGrade {} is below minGrade {}", Num(b), Num(a)),
                ),
                _ if !present => walk
                    .problem(f.path_of("minGrade"), "missing: give `minGrade`, `maxGrade` or both"),
                _ => {}
            }
        }
        "pattern" => {
            let case_sensitive = f.bool(walk, "caseSensitive").unwrap_or(false);
            if let Some(regex) = f.text(walk, "regex", true) {
                let built = regex_lite::RegexBuilder::new(regex)
                    .case_insensitive(!case_sensitive)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build();
                if let Err(e) = built {
                    walk.problem(
                        f.path_of("regex"),
                        format!("not a valid pattern: {}", first_line(&e.to_string())),
                    );
                }
            }
        }
        "number" => {
            let equals = f.number(walk, "equals", false);
            let min = f.number(walk, "min", false);
            let max = f.number(walk, "max", false);
            if let (Some(a), Some(b)) = (min, max) {
                if a > b {
                    walk.problem(
                        f.path_of("max"),
                        format!("max {} is below min {}", Num(b), Num(a)),
                    );
                }
            }
            if let (Some(e), Some(a), Some(b)) = (equals, min, max) {
                if e < a || e > b {
                    walk.problem(
                        f.path_of("equals"),
                        format!("{} is outside min {} and max {}", Num(e), Num(a), Num(b)),
                    );
                }
            }
            f.count(walk, "minCount", false, 1);
            if let Some(t) = f.number(walk, "tolerance", false) {
                if t < 0.0 {
                    walk.problem(f.path_of("tolerance"), "must not be negative");
                }
            }
            if let Some(t) = f.number(walk, "relTolerance", false) {
                if !(0.0..=1.0).contains(&t) {
                    walk.problem(
                        f.path_of("relTolerance"),
                        "must be a fraction between 0 and 1 (0.05 is 5%)",
                    );
                }
            }
            f.text(walk, "unit", false);
        }
        "choice" => {
            if let Some(options) = f.strings(walk, "anyOf", true) {
                if options.is_empty() {
                    walk.problem(f.path_of("anyOf"), "needs at least one option id");
                }
            }
        }
        "rating" => {
            if let Some(from) = f.str(walk, "from", true) {
                if !["teacher", "self", "peer"].contains(&from) {
                    walk.problem(
                        f.path_of("from"),
                        unknown_word("rater", from, &["teacher", "self", "peer"]),
                    );
                }
            }
            f.number(walk, "min", true);
        }
        "all" | "any" => {
            walk_checks(walk, &mut f, true, refs);
        }
        "atLeast" => {
            let n = f.count(walk, "n", true, 1);
            let of = f.strings(walk, "of", false);
            let checks = walk_checks(walk, &mut f, false, refs);
            let given = match (&of, checks) {
                (Some(_), Some(_)) => {
                    walk.problem(f.path_of("checks"), "use either `of` or `checks`, not both");
                    None
                }
                (Some(of), None) => {
                    for (p, id) in of {
                        refs.of.push((p.clone(), id.to_string()));
                    }
                    Some(of.len())
                }
                (None, Some(k)) => Some(k),
                (None, None) => {
                    walk.problem(
                        f.path_of("of"),
                        "missing: name the indicators to count in `of` (or give inline `checks`)",
                    );
                    None
                }
            };
            if let (Some(n), Some(m)) = (n, given) {
                if n as usize > m {
                    walk.problem(f.path_of("n"), format!("asks for {n} but names only {m}"));
                }
            }
        }
        "together" => {
            walk_checks(walk, &mut f, true, refs);
            match f.get("within") {
                None => {}
                Some(Value::String(s)) if s == "sentence" => {}
                Some(Value::Number(n)) if n.as_u64().is_some_and(|n| (1..=1000).contains(&n)) => {}
                Some(_) => walk.problem(
                    f.path_of("within"),
                    "expected \"sentence\" or a number of words from 1 to 1000",
                ),
            }
        }
        "not" => {
            let inner_path = f.path_of("check");
            match f.get("check") {
                Some(inner) => walk_check(walk, inner, &inner_path, refs),
                None => walk.problem(inner_path, "missing: expected the check to negate"),
            }
        }
        other => {
            walk.problem(f.path_of("type"), unknown_word("check type", other, &TYPES));
            return; // its other fields cannot be judged
        }
    }
    f.finish(walk);
}

/// A combinator's `checks`, each walked; the number of checks when present.
fn walk_checks(
    walk: &mut Walk,
    f: &mut Fields,
    needed: bool,
    refs: &mut CheckRefs,
) -> Option<usize> {
    let checks = f.array(walk, "checks", needed)?;
    let base = f.path_of("checks");
    if checks.is_empty() {
        walk.problem(&base, "needs at least one check");
    }
    for (i, check) in checks.iter().enumerate() {
        walk_check(walk, check, &format!("{base}[{i}]"), refs);
    }
    Some(checks.len())
}

fn phrase_problem(phrase: &str) -> Option<String> {
    if phrase.trim().is_empty() {
        return Some("a phrase must not be empty".into());
    }
    for alternative in phrase.split('|') {
        if alternative.trim().is_empty() {
            return Some(format!("`{phrase}` has an empty alternative around `|`"));
        }
        if alternative.split_whitespace().any(|word| word.chars().all(|c| c == '*')) {
            return Some(format!(
                "`{phrase}`: a wildcard `*` must stand inside a word, as in `measur*`"
            ));
        }
    }
    None
}

fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}
