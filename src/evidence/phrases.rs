//! The `phrases` check: word sequences with `a|b` alternatives and `*` wildcards.

use super::{Outcome, Span};
use crate::rubric::model::Check;
use crate::text::words::{words, Word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    AnyOf,
    AllOf,
}

/// One alternative of a phrase: its words, each possibly with `*` wildcards.
#[derive(Debug, Clone)]
struct Alternative {
    words: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) struct PhraseCheck {
    mode: Mode,
    /// Each phrase with its alternatives.
    phrases: Vec<Vec<Alternative>>,
    min_count: usize,
    case_sensitive: bool,
}

impl PhraseCheck {
    pub(super) fn new(check: &Check) -> Self {
        let Check::Phrases { any_of, all_of, min_count, case_sensitive, .. } = check else {
            unreachable!("PhraseCheck::new takes a phrases check")
        };
        let (mode, list) = if all_of.is_empty() { (Mode::AnyOf, any_of) } else { (Mode::AllOf, all_of) };
        let fold = |s: &str| if *case_sensitive { s.to_string() } else { s.to_lowercase() };
        let phrases = list
            .iter()
            .map(|phrase| {
                phrase
                    .split('|')
                    .map(|alt| Alternative { words: alt.split_whitespace().map(fold).collect() })
                    .collect()
            })
            .collect();
        PhraseCheck { mode, phrases, min_count: *min_count as usize, case_sensitive: *case_sensitive }
    }

    pub(super) fn run(&self, text: &str, field: &str) -> Outcome {
        let tokens = words(text);
        let folded: Vec<String> = tokens.iter().map(|w| if self.case_sensitive { w.text.to_string() } else { w.text.to_lowercase() }).collect();
        let mut found_per_phrase: Vec<Vec<Span>> = Vec::with_capacity(self.phrases.len());
        for alternatives in &self.phrases {
            let mut spans = Vec::new();
            for alt in alternatives {
                let n = alt.words.len();
                if n == 0 || n > folded.len() {
                    continue;
                }
                for start in 0..=folded.len() - n {
                    if alt.words.iter().zip(&folded[start..start + n]).all(|(p, w)| glob(p, w)) {
                        spans.push(span(field, &tokens[start], &tokens[start + n - 1]));
                    }
                }
            }
            spans.sort_by_key(|s| (s.start, s.end));
            spans.dedup();
            found_per_phrase.push(spans);
        }
        match self.mode {
            Mode::AnyOf => {
                let spans: Vec<Span> = found_per_phrase.into_iter().flatten().collect();
                let met = spans.len() >= self.min_count;
                let closeness = spans.len() as f64 / self.min_count as f64;
                Outcome { met, closeness: if met { 1.0 } else { closeness.min(0.99) }, spans: if met { spans } else { Vec::new() } }
            }
            Mode::AllOf => {
                let present = found_per_phrase.iter().filter(|s| !s.is_empty()).count();
                let met = present == found_per_phrase.len();
                let closeness = present as f64 / found_per_phrase.len().max(1) as f64;
                let spans = if met { found_per_phrase.into_iter().flatten().collect() } else { Vec::new() };
                Outcome { met, closeness: if met { 1.0 } else { closeness.min(0.99) }, spans }
            }
        }
    }
}

fn span(field: &str, first: &Word, last: &Word) -> Span {
    Span { field: field.to_string(), start: first.utf16_start, end: last.utf16_end }
}

/// Whether `word` matches `pattern`, where `*` stands for any run of characters.
fn glob(pattern: &str, word: &str) -> bool {
    if !pattern.contains('*') {
        return pattern == word;
    }
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !word.starts_with(first) || word.len() < first.len() + last.len() || !word.ends_with(last) {
        return false;
    }
    let mut rest = &word[first.len()..word.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}
