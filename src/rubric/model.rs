//! The rubric and submission formats of SPEC §1, as Rust types.
//!
//! These types are built by serde only after `rubric::parse` has walked the JSON and found
//! nothing wrong, so they can assume well-formed input; they also generate the JSON Schema.

pub use super::checks::phrases::Negation;
pub use super::checks::together::{SentenceWord, Within};
pub use super::checks::Check;
pub use super::localized::{PhraseList, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A rubric: criteria, each with levels on a proficiency scale, and the machine-checkable
/// indicators that the levels require.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub kind: RubricKind,
    /// BCP 47 language of the rubric's own text; also picks the stemmer and readability formula.
    #[serde(default = "default_locale")]
    pub locale: String,
    /// What the task asks, shown to students above the rubric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default)]
    pub scale: Scale,
    pub criteria: Vec<Criterion>,
    /// Whether a student's own rating may decide a criterion's level (default: no).
    #[serde(default, skip_serializing_if = "is_false")]
    pub score_self: bool,
    /// Whether a human rating overrides automatic evidence (default: yes).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub ratings_override: bool,
    /// The integrity guards (all on unless switched off here).
    #[serde(default, skip_serializing_if = "Integrity::is_default")]
    pub integrity: Integrity,
}

/// Guards against evidence that is not writing (SPEC "Integrity guards"), each on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Integrity {
    /// Evidence found in a run of words that is not a sentence (a list of keywords, one
    /// word repeated) earns nothing.
    #[serde(default = "yes")]
    pub keyword_lists: bool,
    /// An answer that uses none of the task's own content words (those of the rubric's
    /// `description` and of its phrases) earns no evidence credit and is asked to stay on
    /// the task. Applies to rubrics with a `description`.
    #[serde(default = "yes")]
    pub off_task: bool,
}

impl Default for Integrity {
    fn default() -> Self {
        Integrity { keyword_lists: true, off_task: true }
    }
}

impl Integrity {
    fn is_default(&self) -> bool {
        *self == Integrity::default()
    }
}

fn default_locale() -> String {
    "en".to_string()
}
fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RubricKind {
    /// Several criteria, each scored on its own levels.
    #[default]
    Analytic,
    /// One criterion giving one overall level.
    Holistic,
    /// One "proficient" descriptor per criterion, with room for concerns and advanced work.
    SinglePoint,
    /// Indicators each worth points; no levels.
    Checklist,
}

/// The proficiency scale levels are placed on, and the level that counts as mastery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scale {
    pub levels: Vec<ScaleLevel>,
    pub mastery: f64,
}

impl Default for Scale {
    fn default() -> Self {
        let level = |value: f64, label: &str| ScaleLevel { value, label: Text::from(label) };
        Scale {
            levels: vec![
                level(1.0, "Beginning"),
                level(2.0, "Developing"),
                level(3.0, "Proficient"),
                level(4.0, "Advanced"),
            ],
            mastery: 3.0,
        }
    }
}

impl Scale {
    /// The label of the level `value` (empty when the scale has no such level).
    pub fn level_text(&self, value: f64) -> Text {
        self.levels.iter().find(|l| l.value == value).map(|l| l.label.clone()).unwrap_or_default()
    }

    pub fn label_of(&self, value: f64) -> Option<&str> {
        self.levels.iter().find(|l| l.value == value).map(|l| l.label.as_str())
    }

    /// The highest scale level at or below `value` (the lowest level when `value` is below all).
    pub fn floor(&self, value: f64) -> &ScaleLevel {
        self.levels.iter().rev().find(|l| l.value <= value + 1e-9).unwrap_or(&self.levels[0])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScaleLevel {
    pub value: f64,
    pub label: Text,
}

/// One criterion (a row of the rubric).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The competency this criterion gives evidence of (a framework id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    #[serde(default = "one")]
    pub weight: f64,
    /// Ascending levels (analytic and holistic rubrics).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// The one "proficient" descriptor of a single-point rubric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proficient: Option<PointDescriptor>,
    /// What counts as going beyond proficient in a single-point rubric (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advanced: Option<PointDescriptor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

fn one() -> f64 {
    1.0
}

/// A level of a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Level {
    /// A value of the scale.
    pub value: f64,
    /// Points before weighting (default: the value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    pub descriptor: Text,
    /// Student-facing ("I can…") wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<Text>,
    /// Indicator ids that must all be met to reach this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

impl Level {
    pub fn points(&self) -> f64 {
        self.points.unwrap_or(self.value)
    }
}

/// A single-point rubric's descriptor (proficient, or advanced).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PointDescriptor {
    pub descriptor: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

/// A machine-checkable piece of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub check: Check,
    /// The response this indicator reads (default `response`).
    #[serde(default = "default_field")]
    pub field: String,
    /// What a student could do to meet it (used in next steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Praise tied to the evidence, when met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub praise: Option<Text>,
    /// Checklist rubrics: what the indicator is worth (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// A short student-facing name ("a claim", "units on every number").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

pub fn default_field() -> String {
    "response".to_string()
}

/// Which edits a fuzzy phrase match allows per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Fuzzy {
    /// At most this many edits per word (0, 1 or 2).
    Edits(u8),
    /// `"auto"`: none up to 4 letters, one for 5–8, two beyond.
    Auto(AutoFuzzy),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AutoFuzzy {
    Auto,
}

impl Default for Fuzzy {
    fn default() -> Self {
        Fuzzy::Edits(0)
    }
}

impl Fuzzy {
    /// Edits allowed in a word of `letters` characters.
    pub fn edits_for(self, letters: usize) -> u8 {
        match self {
            Fuzzy::Edits(n) => n,
            Fuzzy::Auto(_) => match letters {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            },
        }
    }
}

/// Who gave a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Rater {
    #[default]
    Teacher,
    #[serde(rename = "self")]
    SelfRating,
    Peer,
}

/// `min` and `max`, either optional.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Range {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

impl Range {
    pub fn contains(&self, n: u64) -> bool {
        self.min.is_none_or(|m| n >= m) && self.max.is_none_or(|m| n <= m)
    }
}

/// One student's work on a task.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// RFC 3339 time of submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// The language the work is written in (default: the rubric's); picks the rubric's
    /// phrases, stemmer and wording of that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The student's answers by field (`response` for single-part tasks).
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// Human ratings by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, Ratings>,
}

impl Submission {
    /// A submission with one text response in the default field.
    pub fn of_text(text: impl Into<String>) -> Self {
        let mut responses = BTreeMap::new();
        responses.insert(default_field(), Response::Text(text.into()));
        Submission { responses, ..Submission::default() }
    }

    /// The text of a field ("" when absent or a choice).
    pub fn text(&self, field: &str) -> &str {
        match self.responses.get(field) {
            Some(Response::Text(t)) => t,
            _ => "",
        }
    }
}

/// A field's answer: free text, or the chosen option ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Response {
    Text(String),
    Choices(Vec<String>),
}

/// One rating or several, from different people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Ratings {
    One(Rating),
    Many(Vec<Rating>),
}

impl Ratings {
    pub fn all(&self) -> &[Rating] {
        match self {
            Ratings::One(r) => std::slice::from_ref(r),
            Ratings::Many(rs) => rs,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rating {
    pub value: f64,
    #[serde(default)]
    pub by: Rater,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Rubric {
    /// Settles every text and phrase list of the rubric on its own locale (done once after
    /// parsing).
    pub fn settle_locale(&mut self) {
        let default = self.locale.clone();
        self.visit_texts(&mut |t| t.settle(&default), &mut |p| p.settle(&default));
    }

    /// The rubric as read in `locale`: each text and phrase list in that locale where the
    /// rubric gives one, in the rubric's own locale where it does not (each says which).
    /// The result's `locale` is `locale`, so stemming of the rubric's own-locale phrases
    /// still follows each list's `lang`.
    pub fn localized(&self, locale: &str) -> Rubric {
        let mut rubric = self.clone();
        let default = self.locale.clone();
        // The default scale, left as the engine gives it, is read in the engine's languages.
        if rubric.scale == Scale::default() && super::localized::same_language(locale, "es") {
            let spanish = ["Inicial", "En desarrollo", "Competente", "Avanzado"];
            for (level, label) in rubric.scale.levels.iter_mut().zip(spanish) {
                level.label = Text::translated(&[("en", &level.label.to_string()), ("es", label)]);
            }
        }
        rubric
            .visit_texts(&mut |t| t.choose(locale, &default), &mut |p| p.choose(locale, &default));
        rubric.locale = locale.to_string();
        rubric
    }

    /// The rubric as read in `locale` with every text and phrase list a plain string or
    /// list (for displays that show one language; see `localized`).
    pub fn flattened(&self, locale: &str) -> Rubric {
        let mut rubric = self.localized(locale);
        rubric.visit_texts(&mut Text::flatten, &mut PhraseList::flatten);
        rubric.locale = self.locale.clone();
        rubric
    }

    /// Whether the rubric has text of its own in `locale` (any translation, or it is the
    /// rubric's own locale).
    pub fn speaks(&self, locale: &str) -> bool {
        if super::localized::same_language(&self.locale, locale) {
            return true;
        }
        let found = std::cell::Cell::new(false);
        let mut rubric = self.clone();
        rubric.visit_texts(&mut |t| found.set(found.get() | t.has(locale)), &mut |p| {
            found.set(found.get() | p.has(locale))
        });
        found.get()
    }

    /// Calls `text` on every teacher- or student-facing string and `phrases` on every
    /// phrase list of the rubric.
    pub fn visit_texts(
        &mut self,
        text: &mut dyn FnMut(&mut Text),
        phrases: &mut dyn FnMut(&mut PhraseList),
    ) {
        text(&mut self.title);
        self.description.iter_mut().for_each(&mut *text);
        for level in &mut self.scale.levels {
            text(&mut level.label);
        }
        for criterion in &mut self.criteria {
            text(&mut criterion.title);
            criterion.description.iter_mut().for_each(&mut *text);
            for level in &mut criterion.levels {
                text(&mut level.descriptor);
                level.student.iter_mut().for_each(&mut *text);
            }
            for point in criterion.proficient.iter_mut().chain(criterion.advanced.iter_mut()) {
                text(&mut point.descriptor);
                point.student.iter_mut().for_each(&mut *text);
            }
            for indicator in &mut criterion.indicators {
                for t in [&mut indicator.hint, &mut indicator.praise, &mut indicator.label] {
                    t.iter_mut().for_each(&mut *text);
                }
                indicator.check.visit_phrases(phrases);
            }
        }
    }
}
