//! Input limits (issue 15): how big a rubric, an answer, a pattern or a batch of evidence may
//! be, so that no input a teacher or a student can paste makes a call take seconds or the
//! wasm run out of stack or memory.
//!
//! Every limit has a documented default ([`Limits::default`]) and can be changed: natively
//! with [`set`], in JS with `setLimits({...})`. The limits are per thread (the wasm module has
//! one thread), so a test or a server thread can change its own without touching others.
//! Each breach is a located error: the JSON path of the thing that is too big, how big it is,
//! and the limit's name.
//!
//! Pattern limits depend on the pattern's shape, not on the size of the compiled program (which
//! differs between native and wasm): the largest count of any bounded repetition (`{1,300}`),
//! and the pattern's size once every repetition is spelled out (`.{0,3000}` is 3,000 copies
//! of `.`), which is what a linear regex engine pays per character it reads.

use crate::error::{Error, Problem};
use crate::json::{index_path, key_path, NumExp, Walk};
use serde::Serialize;
use serde_json::Value;
use std::cell::Cell;

/// The limits of one thread. All counts; `answer_chars` counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Nesting of lists and objects in any input (a JS object as JSON text): 127, the limit
    /// `serde_json` puts on JSON text, so both forms are refused at the same depth.
    pub depth: u32,
    /// Items of any one list handed over from JS (read by its length before anything else).
    pub list_items: u32,
    /// Characters of one response of a submission (about 16,000 words; a long essay is 30,000
    /// characters).
    pub answer_chars: u32,
    /// Characters of the JSON text of one rubric or one submission (a JS object: its JSON
    /// text), refused before it is parsed. Evidence and JSON Lines are read in steps and
    /// bounded by their record counts instead.
    pub text_chars: u32,
    /// Criteria of one rubric.
    pub criteria: u32,
    /// Indicators of one rubric, all criteria together.
    pub indicators: u32,
    /// Phrases (each `anyOf`/`allOf` entry) of one rubric.
    pub phrases: u32,
    /// Characters of one pattern's source.
    pub pattern_chars: u32,
    /// Largest count of a bounded repetition in a pattern (`{n}`, `{n,m}`, `{n,}`).
    pub pattern_repeat: u32,
    /// A pattern's size with every repetition spelled out, in characters, classes and anchors.
    pub pattern_size: u32,
    /// Characters of one sentence a pattern reads: each pattern is matched in a sentence's
    /// first `pattern_reach` characters. Sentences are rarely longer than a few hundred; a
    /// paste with no full stop is one sentence, and a pattern's cost grows with what it reads
    /// on every keystroke in that sentence.
    pub pattern_reach: u32,
    /// Evidence records in one call (one JSON Lines text or one list).
    pub evidence_records: u32,
}

impl Limits {
    /// The defaults, chosen so that no single call takes more than tens of milliseconds in a
    /// browser on a school laptop (see `benches/hostile.rs` for the figures).
    pub const DEFAULT: Limits = Limits {
        depth: 127,
        list_items: 1_000_000,
        answer_chars: 100_000,
        text_chars: 4_000_000,
        criteria: 50,
        indicators: 500,
        phrases: 5_000,
        pattern_chars: 500,
        pattern_repeat: 20,
        pattern_size: 80,
        pattern_reach: 2_000,
        evidence_records: 1_000_000,
    };

    /// The fields by their JSON names, in order (for `fromValue`, docs and errors).
    pub const NAMES: [&'static str; 12] = [
        "depth",
        "listItems",
        "answerChars",
        "textChars",
        "criteria",
        "indicators",
        "phrases",
        "patternChars",
        "patternRepeat",
        "patternSize",
        "patternReach",
        "evidenceRecords",
    ];

    fn field(&mut self, name: &str) -> Option<&mut u32> {
        Some(match name {
            "depth" => &mut self.depth,
            "listItems" => &mut self.list_items,
            "answerChars" => &mut self.answer_chars,
            "textChars" => &mut self.text_chars,
            "criteria" => &mut self.criteria,
            "indicators" => &mut self.indicators,
            "phrases" => &mut self.phrases,
            "patternChars" => &mut self.pattern_chars,
            "patternRepeat" => &mut self.pattern_repeat,
            "patternSize" => &mut self.pattern_size,
            "patternReach" => &mut self.pattern_reach,
            "evidenceRecords" => &mut self.evidence_records,
            _ => return None,
        })
    }

    /// These limits with the fields of `value` (`{"indicators": 2000}`) changed. Each must be
    /// a whole number from 1 up; `depth` at most 127 (JSON text cannot go deeper).
    pub fn with_value(mut self, value: &Value) -> Result<Limits, Error> {
        let mut walk = Walk::new();
        if let Some(mut f) = walk.object(value, "") {
            for name in Limits::NAMES {
                let top = if name == "depth" { 127 } else { u64::from(u32::MAX) };
                if let Some(n) = f.count(&mut walk, name, false, 1) {
                    if n > top {
                        walk.problem(f.path_of(name), format!("at most {top}"));
                    } else if let Some(slot) = self.field(name) {
                        *slot = n as u32;
                    }
                }
            }
            f.finish(&mut walk);
        }
        walk.finish("limits")?;
        Ok(self)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

thread_local! {
    static CURRENT: Cell<Limits> = const { Cell::new(Limits::DEFAULT) };
}

/// The limits in force on this thread.
pub fn current() -> Limits {
    CURRENT.with(Cell::get)
}

/// Changes the limits of this thread; returns the ones they replace.
pub fn set(limits: Limits) -> Limits {
    CURRENT.with(|c| c.replace(limits))
}

fn too_many(what: &str, n: usize, limit: u32, name: &str) -> String {
    format!("{n} {what}; at most {limit} (limit `{name}`)")
}

/// Checks the sizes of a rubric's JSON against the current limits (called by the rubric
/// parser; problems go to its walk with everything else).
pub fn check_rubric_value(walk: &mut Walk, value: &Value) {
    let limits = current();
    check_rubric_size(walk, value);
    let Some(criteria) = value.get("criteria").and_then(Value::as_array) else { return };
    check_magnitudes(walk, value, criteria);
    let mut phrases = 0usize;
    let mut patterns = Vec::new();
    collect_checks(value, "", limits.depth, &mut phrases, &mut patterns);
    for (path, pattern) in patterns {
        if let Err(message) = check_pattern(pattern, &limits) {
            walk.problem(path, message);
        }
    }
}

/// Checks only the counts of a rubric's JSON (criteria, indicators, phrases): cheap, so the
/// parser refuses a rubric over them before walking all of it.
pub fn check_rubric_size(walk: &mut Walk, value: &Value) {
    let limits = current();
    let Some(criteria) = value.get("criteria").and_then(Value::as_array) else { return };
    let indicators: usize = criteria
        .iter()
        .filter_map(|c| c.get("indicators").and_then(Value::as_array))
        .map(Vec::len)
        .sum();
    check_rubric_counts(walk, criteria.len(), indicators);
    let mut phrases = 0usize;
    collect_checks(value, "", limits.depth, &mut phrases, &mut Vec::new());
    if phrases > limits.phrases as usize {
        walk.problem("criteria", too_many("phrases", phrases, limits.phrases, "phrases"));
    }
}

/// Refuses more criteria, or more indicators in all criteria, than the limits allow (also
/// read from a JS object before it is converted: `wasm::rubric_from_js`).
pub(crate) fn check_rubric_counts(walk: &mut Walk, criteria: usize, indicators: usize) {
    let limits = current();
    if criteria > limits.criteria as usize {
        walk.problem("criteria", too_many("criteria", criteria, limits.criteria, "criteria"));
    }
    if indicators > limits.indicators as usize {
        walk.problem(
            "criteria",
            too_many("indicators in all criteria", indicators, limits.indicators, "indicators"),
        );
    }
}

/// The largest weight, points or level value a rubric may hold: totals are sums of points
/// times weights, and numbers near `f64::MAX` add up to infinity (a report's `total: null`).
pub const LARGEST_POINTS: f64 = 1e9;

/// Refuses weights, points and level values beyond ±`LARGEST_POINTS`, each at its path.
fn check_magnitudes(walk: &mut Walk, rubric: &Value, criteria: &[Value]) {
    let mut check = |path: String, value: Option<&Value>| {
        if let Some(x) = value.and_then(Value::as_f64) {
            if x.abs() > LARGEST_POINTS {
                walk.problem(
                    path,
                    format!(
                        "{} is too large: at most 1e9, so that totals (points × weights, \
                         added up) stay numbers",
                        NumExp(x)
                    ),
                );
            }
        }
    };
    let levels = |v: &Value| v.get("levels").and_then(Value::as_array).cloned().unwrap_or_default();
    if let Some(scale) = rubric.get("scale") {
        for (j, level) in levels(scale).iter().enumerate() {
            check(format!("scale.levels[{j}].value"), level.get("value"));
        }
    }
    for (i, criterion) in criteria.iter().enumerate() {
        check(format!("criteria[{i}].weight"), criterion.get("weight"));
        for (j, level) in levels(criterion).iter().enumerate() {
            check(format!("criteria[{i}].levels[{j}].points"), level.get("points"));
            check(format!("criteria[{i}].levels[{j}].value"), level.get("value"));
        }
        let indicators = criterion.get("indicators").and_then(Value::as_array);
        for (j, indicator) in indicators.into_iter().flatten().enumerate() {
            check(format!("criteria[{i}].indicators[{j}].points"), indicator.get("points"));
        }
    }
}

/// Counts the phrases of every `phrases` check, and finds every pattern's source, anywhere
/// in the rubric (whatever shape the checks nest in).
fn collect_checks<'v>(
    value: &'v Value,
    path: &str,
    depth: u32,
    phrases: &mut usize,
    patterns: &mut Vec<(String, &'v str)>,
) {
    if depth == 0 {
        return;
    }
    match value {
        Value::Object(map) => {
            match map.get("type").and_then(Value::as_str) {
                Some("phrases") => {
                    for key in ["anyOf", "allOf"] {
                        *phrases += map.get(key).map_or(0, count_strings);
                    }
                }
                Some("pattern") => {
                    if let Some(regex) = map.get("regex").and_then(Value::as_str) {
                        patterns.push((key_path(path, "regex"), regex));
                    }
                }
                _ => {}
            }
            for (key, inner) in map {
                if inner.is_object() || inner.is_array() {
                    collect_checks(inner, &key_path(path, key), depth - 1, phrases, patterns);
                }
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                if inner.is_object() || inner.is_array() {
                    collect_checks(inner, &index_path(path, i), depth - 1, phrases, patterns);
                }
            }
        }
        _ => {}
    }
}

/// Strings in a phrase list (or in a per-language map of lists).
fn count_strings(value: &Value) -> usize {
    match value {
        Value::String(_) => 1,
        Value::Array(items) => items.iter().map(count_strings).sum(),
        Value::Object(map) => map.values().map(count_strings).sum(),
        _ => 0,
    }
}

/// Checks the responses of a submission's JSON against `answerChars` (called by the
/// submission parser).
pub fn check_submission_value(walk: &mut Walk, value: &Value) {
    let limit = current().answer_chars;
    let Some(responses) = value.get("responses").and_then(Value::as_object) else { return };
    for (field, answer) in responses {
        if let Some(text) = answer.as_str() {
            if let Some(message) = answer_problem(text, limit) {
                walk.problem(key_path("responses", field), message);
            }
        }
    }
}

/// Why an answer is too long for `limit` characters, if it is.
pub fn answer_problem(text: &str, limit: u32) -> Option<String> {
    // Bytes bound characters from above: most answers are decided without counting.
    if text.len() <= limit as usize {
        return None;
    }
    let chars = text.chars().count();
    (chars > limit as usize).then(|| {
        format!("an answer of {chars} characters; at most {limit} are scored (limit `answerChars`)")
    })
}

/// Refuses the JSON text of a rubric or a submission (`what`) longer than `textChars`
/// characters, before it is parsed. `units`: its length in bytes or UTF-16 units, both at
/// least its count of characters, so most texts are passed without counting. Without the
/// text (a JS string not copied into wasm), `units` must be within the limit or more than
/// twice it.
pub fn check_text_size(what: &'static str, units: usize, text: Option<&str>) -> Result<(), Error> {
    let limit = current().text_chars as usize;
    if units <= limit {
        return Ok(());
    }
    let size = match text {
        Some(t) => {
            let chars = t.chars().count();
            if chars <= limit {
                return Ok(());
            }
            chars.to_string()
        }
        // Not counted: more than twice the limit in UTF-16 units, over it whatever the text.
        None => format!("more than {limit}"),
    };
    Err(Error::at(
        what,
        "",
        format!(
            "a {what} of {size} characters of JSON; at most {limit} are read (limit `textChars`)"
        ),
    ))
}

/// Checks a count of evidence records against `evidenceRecords`.
pub fn check_evidence_count(count: usize, what: &'static str) -> Result<(), Error> {
    let limit = current().evidence_records;
    if count > limit as usize {
        return Err(Error::at(
            what,
            "",
            too_many("evidence records", count, limit, "evidenceRecords")
                + "; split them into several calls",
        ));
    }
    Ok(())
}

/// The shape of a pattern: what a linear regex engine pays for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternShape {
    /// Largest count of any bounded repetition (`{n}`, `{n,m}`, `{n,}`: the larger bound).
    pub largest_repeat: u64,
    /// Size with every repetition spelled out (each literal, class, `.` or anchor is 1).
    pub expanded_size: u64,
}

/// Measures a pattern's shape. Approximate where it does not matter (a class is one unit
/// whatever it holds) and exact where it does (repetitions multiply, alternatives add). Never
/// recursive, never panics, on any text: an invalid pattern is measured as far as it goes,
/// and the regex compiler gives the syntax error.
pub fn pattern_shape(pattern: &str) -> PatternShape {
    // One frame per open group: (size of the finished alternatives, size of the current
    // one, size of the last atom of the current one, for a quantifier that follows).
    let mut frames: Vec<(u64, u64, u64)> = vec![(0, 0, 0)];
    let mut largest = 0u64;
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let atom = |frames: &mut Vec<(u64, u64, u64)>, size: u64| {
        let top = frames.last_mut().expect("the root frame is never popped");
        top.1 = top.1.saturating_add(size);
        top.2 = size;
    };
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                i += 2;
                atom(&mut frames, 1);
                continue;
            }
            '[' => {
                // A class: up to its closing `]` (a `]` first, or after `^`, is a member).
                let mut j = i + 1;
                if chars.get(j) == Some(&'^') {
                    j += 1;
                }
                if chars.get(j) == Some(&']') {
                    j += 1;
                }
                let mut nesting = 1;
                while j < chars.len() && nesting > 0 {
                    match chars[j] {
                        '\\' => j += 1,
                        '[' => nesting += 1,
                        ']' => nesting -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                i = j;
                atom(&mut frames, 1);
                continue;
            }
            '(' => {
                frames.push((0, 0, 0));
                // Skip a group's flags or name: `(?:`, `(?i)`, `(?P<name>`.
                if chars.get(i + 1) == Some(&'?') {
                    let mut j = i + 2;
                    while j < chars.len() && !matches!(chars[j], ':' | ')' | '>') {
                        j += 1;
                    }
                    if chars.get(j) == Some(&')') {
                        // Flags only, `(?i)`: not a group.
                        frames.pop();
                        i = j + 1;
                        continue;
                    }
                    i = j;
                }
            }
            ')' => {
                if frames.len() > 1 {
                    let (done, current, _) = frames.pop().unwrap_or_default();
                    atom(&mut frames, done.saturating_add(current).max(1));
                }
            }
            '|' => {
                let top = frames.last_mut().expect("root");
                top.0 = top.0.saturating_add(top.1);
                top.1 = 0;
                top.2 = 0;
            }
            '*' | '+' | '?' => {
                // One more copy of the atom at most, for the loop or the choice.
                let top = frames.last_mut().expect("root");
                top.1 = top.1.saturating_add(1);
            }
            '{' => {
                let end = chars[i..].iter().position(|&c| c == '}').map(|p| i + p);
                let counts = end.and_then(|end| {
                    let inside: String = chars[i + 1..end].iter().collect();
                    let mut parts = inside.splitn(2, ',');
                    let low = parts.next()?.trim().parse::<u64>().ok()?;
                    let high = match parts.next() {
                        None => low,
                        Some(h) if h.trim().is_empty() => low.saturating_add(1),
                        Some(h) => h.trim().parse::<u64>().ok()?,
                    };
                    Some((end, low.max(high)))
                });
                match counts {
                    Some((end, count)) => {
                        largest = largest.max(count);
                        let top = frames.last_mut().expect("root");
                        let extra = top.2.saturating_mul(count.saturating_sub(1));
                        top.1 = top.1.saturating_add(extra);
                        top.2 = top.2.saturating_mul(count);
                        i = end + 1;
                        continue;
                    }
                    None => atom(&mut frames, 1), // a literal `{`
                }
            }
            // A literal, `.`, an anchor: one unit.
            _ => atom(&mut frames, 1),
        }
        i += 1;
    }
    // Unclosed groups (an invalid pattern) count as if closed.
    let mut size = 0u64;
    while let Some((done, current, _)) = frames.pop() {
        size = size.saturating_add(done).saturating_add(current);
    }
    PatternShape { largest_repeat: largest, expanded_size: size }
}

/// Whether a pattern is within the limits; if not, why, in words an author can act on.
pub fn check_pattern(pattern: &str, limits: &Limits) -> Result<(), String> {
    let length = pattern.chars().count();
    if length > limits.pattern_chars as usize {
        return Err(format!(
            "a pattern of {length} characters; at most {} (limit `patternChars`)",
            limits.pattern_chars
        ));
    }
    let shape = pattern_shape(pattern);
    if shape.largest_repeat > u64::from(limits.pattern_repeat) {
        return Err(format!(
            "a repetition of up to {} times; at most {} (limit `patternRepeat`): a repetition \
             is checked at every place in the answer, so a large count makes every check slow. \
             Use `+` or `*`, or a smaller count",
            shape.largest_repeat, limits.pattern_repeat
        ));
    }
    if shape.expanded_size > u64::from(limits.pattern_size) {
        return Err(format!(
            "this pattern is {} units long once its repetitions are spelled out; at most {} \
             (limit `patternSize`): each unit is checked at every character of the answer. \
             Use smaller counts, or split it into several patterns",
            shape.expanded_size, limits.pattern_size
        ));
    }
    Ok(())
}

/// A located problem for a pattern at `path`, if it breaks a limit.
pub fn pattern_problem(pattern: &str, path: &str) -> Option<Problem> {
    check_pattern(pattern, &current()).err().map(|m| Problem::new(path, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(p: &str) -> (u64, u64) {
        let s = pattern_shape(p);
        (s.largest_repeat, s.expanded_size)
    }

    #[test]
    fn shapes_of_patterns() {
        // Worked out by hand: literals count 1 each; `{n,m}` makes m copies of its atom;
        // alternatives add; `+`/`*`/`?` add one unit.
        assert_eq!(shape("abc"), (0, 3));
        assert_eq!(shape(".{0,3000}z"), (3000, 3001));
        // (?:[a-z]+ ){1,300}zzz: the group is [a-z] (1) + `+` (1) + ' ' (1) = 3; ×300 = 900; +3.
        assert_eq!(shape("(?:[a-z]+ ){1,300}zzz"), (300, 903));
        // \d{1,3} = 3, (?:\.\d+)? = 3 + 1, \s* = 2, cm = 2.
        assert_eq!(shape(r"\d{1,3}(?:\.\d+)?\s*cm"), (3, 3 + 4 + 2 + 2));
        assert_eq!(shape("a|bc|def"), (0, 6));
        assert_eq!(shape("(?i)[]a]{2}"), (2, 2));
        // Nested repetitions multiply.
        assert_eq!(shape("(?:(?:ab){10}){10}"), (10, 200));
        assert_eq!(shape("x{5,}"), (6, 6));
        // Broken patterns are measured without panicking.
        for p in ["(", ")", "[", "\\", "{", "a{", "a{1,", "(?", "((((", "a{99999999999999999999}"] {
            pattern_shape(p);
        }
    }

    #[test]
    fn slow_patterns_are_refused_with_a_reason() {
        let limits = Limits::default();
        let e = check_pattern("(?:[a-z]+ ){1,300}zzz", &limits).unwrap_err();
        assert!(e.contains("up to 300 times") && e.contains("patternRepeat"), "{e}");
        let e = check_pattern(".{0,3000}z", &limits).unwrap_err();
        assert!(e.contains("3000"), "{e}");
        // Under the repetition limit but too big once spelled out: 2 × 20 × 20 = 800 units.
        let e = check_pattern("(?:(?:ab){20}){20}", &limits).unwrap_err();
        assert!(e.contains("patternSize"), "{e}");
        for ok in [r"\d+(?:\.\d+)?\s*(?:cm|mm)", "[A-Z][a-z]{2,20}", r"\bbecause\b"] {
            assert_eq!(check_pattern(ok, &limits), Ok(()), "{ok}");
        }
    }

    #[test]
    fn huge_weights_and_points_are_refused_at_their_path() {
        let rubric = serde_json::json!({
            "scale": {"levels": [{"value": 1}, {"value": 2e300}]},
            "criteria": [{"weight": 1e308, "levels": [{"value": 1, "points": 1e10}, {"value": 2, "points": 5}]}]
        });
        let mut walk = Walk::new();
        check_rubric_value(&mut walk, &rubric);
        let paths: Vec<String> = walk.into_problems().into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec!["scale.levels[1].value", "criteria[0].weight", "criteria[0].levels[0].points"]
        );
    }

    #[test]
    fn limits_from_json() {
        let l = Limits::default().with_value(&serde_json::json!({"indicators": 2000})).unwrap();
        assert_eq!(l.indicators, 2000);
        assert_eq!(l.criteria, Limits::DEFAULT.criteria);
        let e = Limits::default().with_value(&serde_json::json!({"depth": 500, "critera": 3}));
        let e = e.unwrap_err();
        assert_eq!(e.problems()[0].path, "depth");
        assert!(e.problems()[1].message.contains("criteria"), "{e}");
    }
}
