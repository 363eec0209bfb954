//! The analysis of a field's text, one paragraph at a time: counts (words, sentences,
//! syllables), every phrase occurrence, regex match and number, with offsets local to the
//! paragraph. A paragraph's analysis depends on its text alone, which is what lets a live
//! session keep the analyses of the paragraphs an edit did not touch.

use super::phrases::PhraseSet;
use crate::text::numbers::{find_numbers, FoundNumber};
use crate::text::readability::{syllables, SyllableRules, TextCounts};
use crate::text::words::{paragraphs, sentence_count, utf16_len, words, Utf16Cursor};
use regex_lite::Regex;
use std::collections::HashMap;
use std::rc::Rc;

/// What the indicators reading one field look for in it.
#[derive(Debug, Clone)]
pub(crate) struct FieldProgram {
    pub name: String,
    pub phrases: PhraseSet,
    pub patterns: Vec<Regex>,
    pub wants_numbers: bool,
    pub wants_syllables: bool,
    pub syllable_rules: SyllableRules,
    pub decimal_comma: bool,
}

/// A phrase occurrence or regex match: which one, `[start, end)` in UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    pub id: u32,
    pub start: u32,
    pub end: u32,
}

/// One paragraph analysed; offsets are local to the paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ParagraphEvidence {
    pub counts: TextCounts,
    /// Sorted by phrase id, then position.
    pub phrase_hits: Vec<Hit>,
    /// Sorted by pattern id, then position.
    pub pattern_hits: Vec<Hit>,
    pub numbers: Vec<FoundNumber>,
}

/// Distinct words already seen in a field, each with the phrase symbols it matches and its
/// syllables, so a word is normalized, stemmed and compared once however often it appears.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    index: HashMap<String, u32>,
    entries: Vec<(Vec<u32>, u32)>,
}

/// Beyond this many distinct words the lexicon starts afresh, to bound a session's memory.
const LEXICON_LIMIT: usize = 200_000;

impl Lexicon {
    fn entry(&mut self, program: &FieldProgram, word: &str) -> u32 {
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        if self.entries.len() >= LEXICON_LIMIT {
            self.index.clear();
            self.entries.clear();
        }
        let symbols = if program.phrases.is_empty() { Vec::new() } else { program.phrases.symbols_of(word) };
        let count = if program.wants_syllables { syllables(word, program.syllable_rules) } else { 0 };
        let i = self.entries.len() as u32;
        self.entries.push((symbols, count));
        self.index.insert(word.to_string(), i);
        i
    }
}

impl FieldProgram {
    /// Analyses one paragraph.
    pub(crate) fn analyze(&self, text: &str, lexicon: &mut Lexicon) -> ParagraphEvidence {
        let tokens = words(text);
        let entries: Vec<u32> = tokens.iter().map(|w| lexicon.entry(self, w.text)).collect();
        let mut evidence = ParagraphEvidence {
            counts: TextCounts {
                words: tokens.len() as u32,
                sentences: sentence_count(text) as u32,
                syllables: entries.iter().map(|&e| lexicon.entries[e as usize].1).sum(),
            },
            ..ParagraphEvidence::default()
        };
        if !self.phrases.is_empty() {
            let symbol_sets = entries.iter().map(|&e| lexicon.entries[e as usize].0.as_slice());
            self.phrases.run(symbol_sets, |id, first, last| {
                evidence.phrase_hits.push(Hit { id, start: tokens[first].utf16_start, end: tokens[last].utf16_end });
            });
            evidence.phrase_hits.sort_unstable();
            evidence.phrase_hits.dedup();
        }
        for (id, regex) in self.patterns.iter().enumerate() {
            let mut cursor = Utf16Cursor::default();
            for m in regex.find_iter(text) {
                let start = cursor.advance_to(text, m.start());
                let end = cursor.advance_to(text, m.end());
                evidence.pattern_hits.push(Hit { id: id as u32, start, end });
            }
        }
        if self.wants_numbers {
            evidence.numbers = find_numbers(text, self.decimal_comma);
        }
        evidence
    }
}

/// A paragraph of a field: where it starts (bytes and UTF-16 units) and its analysis.
#[derive(Debug, Clone)]
pub(crate) struct PlacedParagraph {
    pub byte_start: usize,
    pub byte_len: usize,
    pub utf16_start: u32,
    pub evidence: Rc<ParagraphEvidence>,
}

/// A field's text analysed paragraph by paragraph, with totals.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldEvidence {
    pub paragraphs: Vec<PlacedParagraph>,
    pub counts: TextCounts,
}

impl FieldEvidence {
    /// Analyses a whole text; `reuse(byte_start, text)` may hand back an earlier analysis of
    /// the same paragraph text (a live session's cache) instead of analysing it again.
    pub(crate) fn build(
        program: &FieldProgram,
        text: &str,
        lexicon: &mut Lexicon,
        mut reuse: impl FnMut(usize, &str) -> Option<Rc<ParagraphEvidence>>,
    ) -> Self {
        let mut placed = Vec::new();
        let mut counts = TextCounts::default();
        let (mut byte, mut utf16) = (0usize, 0u32);
        for (start, paragraph) in paragraphs(text) {
            utf16 += utf16_len(&text[byte..start]);
            byte = start;
            let evidence = match reuse(start, paragraph) {
                Some(e) => e,
                None => Rc::new(program.analyze(paragraph, lexicon)),
            };
            counts.add(evidence.counts);
            placed.push(PlacedParagraph { byte_start: start, byte_len: paragraph.len(), utf16_start: utf16, evidence });
        }
        FieldEvidence { paragraphs: placed, counts }
    }

    /// Occurrences of one phrase, in text order, as field offsets.
    pub(crate) fn phrase_hits(&self, id: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.paragraphs.iter().flat_map(move |p| hits_of(&p.evidence.phrase_hits, id).map(move |h| (p.utf16_start + h.start, p.utf16_start + h.end)))
    }

    pub(crate) fn pattern_hits(&self, id: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.paragraphs.iter().flat_map(move |p| hits_of(&p.evidence.pattern_hits, id).map(move |h| (p.utf16_start + h.start, p.utf16_start + h.end)))
    }

    /// Every number of the field, with field offsets.
    pub(crate) fn numbers(&self) -> impl Iterator<Item = FoundNumber> + '_ {
        self.paragraphs.iter().flat_map(|p| {
            p.evidence.numbers.iter().map(move |n| FoundNumber {
                start: n.start + p.utf16_start,
                end: n.end + p.utf16_start,
                unit_end: n.unit_end + p.utf16_start,
                ..n.clone()
            })
        })
    }
}

fn hits_of(hits: &[Hit], id: u32) -> impl Iterator<Item = &Hit> {
    let from = hits.partition_point(|h| h.id < id);
    hits[from..].iter().take_while(move |h| h.id == id)
}
