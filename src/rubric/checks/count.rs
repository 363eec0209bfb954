//! `wordCount`, `sentenceCount`, `paragraphCount`: the answer's length within `min` and
//! `max`. One file for the three, which differ only in what they count.

use super::{CheckRefs, CheckType};
use crate::evidence::outcome::{within, Context};
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::Built;
use crate::rubric::model::Range;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// Each is its `Range`, with nothing of its own in the JSON or the schema (hence no doc
// comment, which would make the schema's description).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(transparent)]
pub struct WordCount(pub Range);

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(transparent)]
pub struct SentenceCount(pub Range);

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(transparent)]
pub struct ParagraphCount(pub Range);

/// What a count check counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Words,
    Sentences,
    Paragraphs,
}

/// The three types, with their unit and next steps.
macro_rules! count_type {
    ($ty:ident, $unit:expr, $more:expr, $fewer:expr) => {
        impl CheckType for $ty {
            #[inline(always)]
            fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
                walk_range(walk, f);
            }

            #[inline(always)]
            fn build(value: &Value) -> Built<Self> {
                Ok($ty(build_range(value)))
            }

            #[inline(always)]
            fn compile(&self, _c: &mut Compiler, _field: usize, _path: &str) -> Node {
                node(Compiled { unit: $unit, min: self.0.min, max: self.0.max })
            }

            #[inline(always)]
            fn action(&self, a: &Action) -> String {
                count_action(&self.0, a, $unit, $more, $fewer)
            }

            fn strength(&self) -> Option<Key> {
                Some(Key::StrengthLength)
            }
        }
    };
}

count_type!(WordCount, Unit::Words, Key::StepMoreWords, Key::StepFewerWords);
count_type!(SentenceCount, Unit::Sentences, Key::StepMoreSentences, Key::StepFewerSentences);
count_type!(ParagraphCount, Unit::Paragraphs, Key::StepMoreParagraphs, Key::StepFewerParagraphs);

fn walk_range(walk: &mut Walk, f: &mut Fields) {
    let present = f.get("min").is_some() || f.get("max").is_some();
    let min = f.count(walk, "min", false, 0);
    let max = f.count(walk, "max", false, 0);
    match (min, max) {
        (Some(a), Some(b)) if a > b => {
            walk.problem(f.path_of("max"), format!("max {b} is below min {a}"))
        }
        _ if !present => walk.problem(f.path_of("min"), "missing: give `min`, `max` or both"),
        _ => {}
    }
}

fn build_range(value: &Value) -> Range {
    Range {
        min: value.get("min").and_then(Value::as_u64),
        max: value.get("max").and_then(Value::as_u64),
    }
}

fn count_action(range: &Range, a: &Action, unit: Unit, more: Key, fewer: Key) -> String {
    match direction(range, a.found()) {
        Some(Direction::More(min)) if unit == Unit::Words => {
            let count = about(words_missing(min, a.found())).to_string();
            match a.label {
                Some(label) => {
                    a.say(Key::StepMoreWordsLabel, &[("count", &count), ("label", label)])
                }
                None => a.say(more, &[("count", &count)]),
            }
        }
        Some(Direction::More(min)) => a.say(more, &[("count", &min.to_string())]),
        Some(Direction::Fewer(max)) => a.say(fewer, &[("count", &max.to_string())]),
        None => a.label_or(),
    }
}

struct Compiled {
    unit: Unit,
    min: Option<u64>,
    max: Option<u64>,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let counts = ctx.evidence.counts;
        let n = match self.unit {
            Unit::Words => u64::from(counts.words),
            Unit::Sentences => u64::from(counts.sentences),
            Unit::Paragraphs => ctx.evidence.paragraphs.len() as u64,
        };
        let (min, max) = (self.min.map(|m| m as f64), self.max.map(|m| m as f64));
        within(n as f64, min, max)
    }

    fn reads(&self, reads: &mut Reads) {
        match self.unit {
            // The paragraph layout.
            Unit::Paragraphs => reads.other = true,
            Unit::Words | Unit::Sentences => reads.counts = true,
        }
    }
}

enum Direction {
    More(u64),
    Fewer(u64),
}

/// Whether an unmet count check wants more or fewer, from the measured count. Without one
/// (an inner check of `all`/`any`), a one-sided range still says which way to go.
fn direction(range: &Range, found: Option<f64>) -> Option<Direction> {
    match (found, range.min, range.max) {
        (Some(n), Some(min), _) if n < min as f64 => Some(Direction::More(min)),
        (Some(n), _, Some(max)) if n > max as f64 => Some(Direction::Fewer(max)),
        (Some(_), _, _) => None,
        (None, Some(min), None) => Some(Direction::More(min)),
        (None, None, Some(max)) => Some(Direction::Fewer(max)),
        (None, _, _) => None,
    }
}

/// Words still missing below `min` (at least one; all of them when nothing was measured).
fn words_missing(min: u64, found: Option<f64>) -> u64 {
    let have = found.filter(|n| n.is_finite() && *n >= 0.0).map_or(0, |n| n.round() as u64);
    min.saturating_sub(have).max(1)
}

/// A round number for "about N": exact below 10, then to the nearest ten.
fn about(n: u64) -> u64 {
    if n < 10 {
        n
    } else {
        (n + 5) / 10 * 10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_numbers_for_about() {
        assert_eq!(about(3), 3);
        assert_eq!(about(9), 9);
        assert_eq!(about(14), 10);
        assert_eq!(about(58), 60);
        assert_eq!(about(65), 70);
    }

    #[test]
    fn words_missing_from_the_count() {
        assert_eq!(words_missing(120, Some(60.0)), 60);
        assert_eq!(words_missing(120, Some(119.0)), 1);
        assert_eq!(words_missing(120, None), 120);
    }

    #[test]
    fn direction_from_the_count() {
        let both = Range { min: Some(50), max: Some(200) };
        assert!(matches!(direction(&both, Some(20.0)), Some(Direction::More(50))));
        assert!(matches!(direction(&both, Some(250.0)), Some(Direction::Fewer(200))));
        assert!(direction(&both, None).is_none());
        assert!(matches!(
            direction(&Range { min: None, max: Some(9) }, None),
            Some(Direction::Fewer(9))
        ));
    }
}
