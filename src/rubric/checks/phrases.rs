//! `phrases`: words or phrases in the answer: any of a list (`anyOf`, at least `minCount`
//! occurrences) or all of it (`allOf`), matched with the options the rubric gives (case,
//! whole words, stems, fuzzy, accents) and with occurrences in a negated clause skipped,
//! counted, or the only ones counted.

use super::{fields, CheckRefs, CheckType};
use crate::evidence::outcome::Context;
use crate::evidence::phrases::PhraseOptions;
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{boolean, count, null, phrases, untagged, Built};
use crate::rubric::localized::PhraseList;
use crate::rubric::model::{AutoFuzzy, Fuzzy};
use crate::rubric::parse::{localized_strings, unknown_word};
use crate::text::normalize::Normalization;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
#[serde(rename_all = "camelCase")]
pub struct Phrases {
    #[serde(default, skip_serializing_if = "PhraseList::is_unset")]
    pub any_of: PhraseList,
    #[serde(default, skip_serializing_if = "PhraseList::is_unset")]
    pub all_of: PhraseList,
    #[serde(default = "one_count")]
    pub min_count: u32,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default = "yes")]
    pub whole_word: bool,
    #[serde(default)]
    pub stem: bool,
    #[serde(default)]
    pub fuzzy: Fuzzy,
    #[serde(default)]
    pub ignore_accents: bool,
    /// Occurrences in a negated clause: skipped (default), counted, or the only ones.
    #[serde(default, skip_serializing_if = "Negation::is_skip")]
    pub negation: Negation,
}

fn one_count() -> u32 {
    1
}

fn yes() -> bool {
    true
}

/// How a `phrases` check treats occurrences in a negated clause ("there is **no** claim").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Negation {
    /// They do not count (the default).
    #[default]
    Skip,
    /// They count like any other.
    Any,
    /// Only they count (to find misconceptions stated as denials).
    Only,
}

impl Negation {
    fn is_skip(&self) -> bool {
        *self == Negation::Skip
    }
}

impl CheckType for Phrases {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        let any = localized_strings(walk, f, "anyOf");
        let all = localized_strings(walk, f, "allOf");
        match (&any, &all) {
            (None, None) => {
                walk.problem(f.path_of("anyOf"), "missing: a phrases check needs `anyOf` or `allOf`")
            }
            (Some(_), Some(_)) => {
                walk.problem(f.path_of("allOf"), "use either `anyOf` or `allOf`, not both")
            }
            _ => {}
        }
        for list in [any, all] {
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

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let mut check = Phrases {
            any_of: PhraseList::default(),
            all_of: PhraseList::default(),
            min_count: 1,
            case_sensitive: false,
            whole_word: true,
            stem: false,
            fuzzy: Fuzzy::default(),
            ignore_accents: false,
            negation: Negation::default(),
        };
        for (key, v) in fields(value) {
            match key.as_str() {
                "anyOf" => check.any_of = phrases(v)?,
                "allOf" => check.all_of = phrases(v)?,
                "minCount" => check.min_count = count(v)?,
                "caseSensitive" => check.case_sensitive = boolean(v)?,
                "wholeWord" => check.whole_word = boolean(v)?,
                "stem" => check.stem = boolean(v)?,
                "ignoreAccents" => check.ignore_accents = boolean(v)?,
                "fuzzy" => {
                    check.fuzzy = match v {
                        Value::String(_) => Fuzzy::Auto(AutoFuzzy::Auto),
                        Value::Number(n) => Fuzzy::Edits(n.as_u64().unwrap_or_default() as u8),
                        _ => return Err(untagged("Fuzzy")),
                    }
                }
                "negation" => {
                    check.negation = match v.as_str() {
                        Some("any") => Negation::Any,
                        Some("only") => Negation::Only,
                        Some(_) => Negation::Skip,
                        None => return Err(null("string or map")),
                    }
                }
                _ => {}
            }
        }
        Ok(check)
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, _path: &str) -> Node {
        let program = c.program(field);
        let (all, texts) =
            if self.all_of.is_empty() { (false, &self.any_of) } else { (true, &self.all_of) };
        // Phrases are stemmed by the stemmer of the language they are written in.
        let stem = if self.stem { crate::text::stemmer_for(texts.lang()) } else { None };
        let normalization = Normalization {
            case_sensitive: self.case_sensitive,
            ignore_accents: self.ignore_accents,
            stem,
        };
        let options = PhraseOptions { normalization, whole_word: self.whole_word, fuzzy: self.fuzzy };
        let ids: Vec<u32> = texts.iter().map(|t| program.phrases.add(t, &options)).collect();
        node(Compiled {
            first: ids.first().copied().unwrap_or(0),
            texts: texts.to_vec(),
            all,
            min_count: self.min_count.max(1),
            negation: self.negation,
        })
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        let Phrases { any_of, all_of, min_count, .. } = self;
        // allOf: only the phrases still missing (all of them when the outcome does not say).
        let missing: &[String] = match a.outcome {
            Some(o) if !all_of.is_empty() && !o.missing.is_empty() => &o.missing,
            _ => all_of,
        };
        if missing.len() > 1 {
            let list: Vec<String> =
                missing.iter().map(|p| format!("“{}”", display_phrase(p))).collect();
            return a.say(Key::StepPhrasesAll, &[("phrases", &list.join(", "))]);
        }
        let list = if all_of.is_empty() { any_of } else { missing };
        let phrase = pick_phrase(list);
        if *min_count > 1 {
            a.say(Key::StepPhraseCount, &[("phrase", &phrase), ("count", &min_count.to_string())])
        } else if let Some(label) = a.label {
            a.say(Key::StepPhraseLabel, &[("phrase", &phrase), ("label", label)])
        } else {
            a.say(Key::StepPhrase, &[("phrase", &phrase), a.criterion()])
        }
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthPhrases)
    }

    fn visit_phrases(&mut self, f: &mut dyn FnMut(&mut PhraseList)) {
        f(&mut self.any_of);
        f(&mut self.all_of);
    }

    fn uses_stem(&self) -> bool {
        self.stem
    }

    fn content_phrases(&self, add: &mut dyn FnMut(&str)) {
        if self.negation != Negation::Only {
            self.any_of.iter().chain(self.all_of.iter()).for_each(|p| add(p))
        }
    }

    fn common_phrase_lists(&self, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        if self.negation == Negation::Only {
            return;
        }
        for (key, list) in [("anyOf", &self.any_of), ("allOf", &self.all_of)] {
            for (lang, phrases) in list.all_lists() {
                let common: Vec<String> = phrases
                    .iter()
                    .filter(|p| {
                        p.split(|c: char| c == '|' || c.is_whitespace())
                            .filter(|w| !w.is_empty())
                            .all(crate::evidence::is_common_word)
                    })
                    .cloned()
                    .collect();
                if !phrases.is_empty() && common.len() == phrases.len() {
                    let at = if list.translations_given() {
                        format!("{path}.{key}.{lang}")
                    } else {
                        format!("{path}.{key}")
                    };
                    out.push((at, common));
                }
            }
        }
    }
}

/// Phrase ids `first..first + texts.len()` of the field's phrase set.
struct Compiled {
    first: u32,
    texts: Vec<String>,
    all: bool,
    min_count: u32,
    negation: Negation,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let Compiled { first, ref texts, all, min_count, negation } = *self;
        let mut spans: Vec<(u32, u32)> = Vec::new();
        // The phrases not found, named only for `allOf` (an `anyOf` outcome names none).
        let mut missing = Vec::new();
        let mut absent = 0usize;
        for (k, text) in texts.iter().enumerate() {
            let before = spans.len();
            let id = first + k as u32;
            if negation != Negation::Only {
                spans.extend(ctx.within(ctx.evidence.phrase_hits(id)));
            }
            if negation != Negation::Skip {
                spans.extend(ctx.within(ctx.evidence.negated_hits(id)));
            }
            if spans.len() == before {
                absent += 1;
                if all {
                    missing.push(text.clone());
                }
            }
        }
        crate::evidence::order::sort_dedup(&mut spans);
        let mut outcome = if all {
            let present = texts.len() - absent;
            let mut o = Outcome::verdict(
                absent == 0,
                present as f64 / texts.len().max(1) as f64,
                present as f64,
            );
            o.missing = missing;
            o
        } else {
            Outcome::verdict(
                spans.len() >= min_count as usize,
                spans.len() as f64 / f64::from(min_count),
                spans.len() as f64,
            )
        };
        outcome.spans = spans.into_iter().map(|s| ctx.span(s)).collect();
        outcome
    }

    fn reads(&self, reads: &mut Reads) {
        let ids = self.first..self.first + self.texts.len() as u32;
        // Negated occurrences are kept under the ids after every plain one's.
        if self.negation != Negation::Only {
            reads.phrases.extend(ids.clone());
        }
        if self.negation != Negation::Skip {
            reads.negated.extend(ids);
        }
    }
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

/// A phrase to show a student: the first one without a wildcard, first alternative, as written.
pub(crate) fn pick_phrase(list: &[String]) -> String {
    list.iter()
        .find(|p| !first_alternative(p).contains('*'))
        .or(list.first())
        .map(|p| display_phrase(p))
        .unwrap_or_default()
}

fn first_alternative(phrase: &str) -> &str {
    phrase.split('|').next().unwrap_or(phrase).trim()
}

/// `measur*|weigh` → `measur…`: a wildcard shown as an ellipsis, other alternatives dropped.
fn display_phrase(phrase: &str) -> String {
    first_alternative(phrase).replace('*', "…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_shown_without_wildcards() {
        let list = vec!["measur*".to_string(), "because|since".to_string()];
        assert_eq!(pick_phrase(&list), "because");
        assert_eq!(pick_phrase(&["grow*|height".to_string()]), "grow…");
    }
}
