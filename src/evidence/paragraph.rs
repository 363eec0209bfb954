//! The analysis of a field's text, one sentence at a time: counts (words, sentences,
//! syllables), every phrase occurrence, regex match and number, with offsets local to the
//! sentence. Paragraphs (blocks between blank lines) are cut into sentences (UAX #29). A
//! sentence's analysis depends on its text alone, which is what lets a live session keep
//! the analyses of the paragraphs and sentences an edit did not touch; so phrases and
//! regex matches stay within one sentence.

use super::phrases::PhraseSet;
use crate::text::numbers::{find_numbers, FoundNumber};
use crate::text::readability::{syllables, SyllableRules, TextCounts};
use crate::text::words::{paragraphs, utf16_len, words, Utf16Cursor};
use unicode_segmentation::UnicodeSegmentation;
use regex_lite::Regex;
use std::collections::HashMap;
use std::rc::Rc;

/// What the indicators reading one field look for in it.
#[derive(Debug, Clone)]
pub(crate) struct FieldProgram {
    /// Shared by every span found in the field, so that a span costs no allocation.
    pub name: std::rc::Rc<str>,
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

/// One sentence analysed; offsets are local to the sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SentenceEvidence {
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
    /// Analyses one sentence.
    pub(crate) fn analyze(&self, text: &str, lexicon: &mut Lexicon) -> SentenceEvidence {
        let tokens = words(text);
        let entries: Vec<u32> = tokens.iter().map(|w| lexicon.entry(self, w.text)).collect();
        let mut evidence = SentenceEvidence {
            counts: TextCounts {
                words: tokens.len() as u32,
                // The text is one UAX #29 sentence already; it counts when it has a word
                // (as `sentence_count` counts), without segmenting it again.
                sentences: u32::from(!tokens.is_empty()),
                syllables: entries.iter().map(|&e| lexicon.entries[e as usize].1).sum(),
            },
            ..SentenceEvidence::default()
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

/// A sentence of a paragraph: where it starts (bytes and UTF-16 units, relative to the
/// paragraph) and its analysis.
#[derive(Debug, Clone)]
pub(crate) struct PlacedSentence {
    pub byte_start: usize,
    pub byte_len: usize,
    pub utf16_start: u32,
    pub evidence: Rc<SentenceEvidence>,
}

/// A paragraph's sentences, and everything found in them gathered with offsets local to
/// the paragraph (so adding up a field visits paragraphs, not sentences).
#[derive(Debug, Clone)]
pub(crate) struct ParagraphEvidence {
    pub sentences: Vec<PlacedSentence>,
    pub summary: SentenceEvidence,
}

impl ParagraphEvidence {
    fn new(sentences: Vec<PlacedSentence>) -> Self {
        let mut summary = SentenceEvidence::default();
        for s in &sentences {
            let e = &s.evidence;
            let at = s.utf16_start;
            summary.counts.add(e.counts);
            summary.phrase_hits.extend(e.phrase_hits.iter().map(|h| Hit { start: h.start + at, end: h.end + at, ..*h }));
            summary.pattern_hits.extend(e.pattern_hits.iter().map(|h| Hit { start: h.start + at, end: h.end + at, ..*h }));
            summary.numbers.extend(e.numbers.iter().map(|n| FoundNumber { start: n.start + at, end: n.end + at, unit_end: n.unit_end + at, ..n.clone() }));
        }
        summary.phrase_hits.sort_unstable();
        summary.pattern_hits.sort_unstable();
        ParagraphEvidence { sentences, summary }
    }
}

/// A paragraph of a field: where it starts and its analysis.
#[derive(Debug, Clone)]
pub(crate) struct PlacedParagraph {
    pub byte_start: usize,
    pub byte_len: usize,
    pub evidence: Rc<ParagraphEvidence>,
}

/// A field's text analysed paragraph by paragraph and sentence by sentence, with totals
/// and every hit gathered by phrase and pattern in field offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldEvidence {
    pub paragraphs: Vec<PlacedParagraph>,
    pub counts: TextCounts,
    phrases: Vec<Vec<(u32, u32)>>,
    patterns: Vec<Vec<(u32, u32)>>,
    numbers: Vec<FoundNumber>,
}

/// Where a live session may find earlier analyses: a whole paragraph (by its byte start in
/// the new text and its text), or one sentence (by its byte start in the new text).
pub(crate) trait Reuse {
    fn paragraph(&mut self, start: usize, text: &str) -> Option<Rc<ParagraphEvidence>>;
    fn sentence(&mut self, start: usize, text: &str) -> Option<Rc<SentenceEvidence>>;
    /// The leading sentences of the paragraph at `start` whose bounds the edit cannot have
    /// moved, and the byte (relative to the paragraph) where segmenting must resume.
    fn stable_head(&mut self, _start: usize, _text: &str) -> Option<(Vec<PlacedSentence>, usize)> {
        None
    }
}

/// No earlier analysis: everything is analysed.
pub(crate) struct Fresh;

impl Reuse for Fresh {
    fn paragraph(&mut self, _: usize, _: &str) -> Option<Rc<ParagraphEvidence>> {
        None
    }
    fn sentence(&mut self, _: usize, _: &str) -> Option<Rc<SentenceEvidence>> {
        None
    }
}

impl FieldEvidence {
    /// Analyses a whole text, taking what `reuse` can give instead of analysing it again.
    pub(crate) fn build(program: &FieldProgram, text: &str, lexicon: &mut Lexicon, reuse: &mut impl Reuse) -> Self {
        let mut field = FieldEvidence {
            phrases: vec![Vec::new(); program.phrases.len()],
            patterns: vec![Vec::new(); program.patterns.len()],
            ..FieldEvidence::default()
        };
        let (mut byte, mut utf16) = (0usize, 0u32);
        for (start, paragraph) in paragraphs(text) {
            utf16 += utf16_len(&text[byte..start]);
            byte = start;
            let evidence = match reuse.paragraph(start, paragraph) {
                Some(e) => e,
                None => Rc::new(ParagraphEvidence::new(sentences_of(program, paragraph, start, lexicon, reuse))),
            };
            let summary = &evidence.summary;
            field.counts.add(summary.counts);
            for h in &summary.phrase_hits {
                field.phrases[h.id as usize].push((h.start + utf16, h.end + utf16));
            }
            for h in &summary.pattern_hits {
                field.patterns[h.id as usize].push((h.start + utf16, h.end + utf16));
            }
            field.numbers.extend(summary.numbers.iter().map(|n| FoundNumber {
                start: n.start + utf16,
                end: n.end + utf16,
                unit_end: n.unit_end + utf16,
                ..n.clone()
            }));
            field.paragraphs.push(PlacedParagraph { byte_start: start, byte_len: paragraph.len(), evidence });
        }
        field
    }

    /// Occurrences of one phrase, in text order, as field offsets.
    pub(crate) fn phrase_hits(&self, id: u32) -> &[(u32, u32)] {
        self.phrases.get(id as usize).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn pattern_hits(&self, id: u32) -> &[(u32, u32)] {
        self.patterns.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Every number of the field, with field offsets.
    pub(crate) fn numbers(&self) -> &[FoundNumber] {
        &self.numbers
    }
}

/// The sentences (UAX #29) of a paragraph that starts at byte `start` of the field.
fn sentences_of(program: &FieldProgram, paragraph: &str, start: usize, lexicon: &mut Lexicon, reuse: &mut impl Reuse) -> Vec<PlacedSentence> {
    // Sentence segmentation is costly; after an edit, only the part from a little before
    // the edit is segmented again (a segment that starts at a sentence bound segments the
    // same as the whole paragraph does from there).
    let (mut out, resume) = reuse.stable_head(start, paragraph).unwrap_or_default();
    let (mut byte, mut utf16) = out.last().map_or((0, 0), |s| (s.byte_start, s.utf16_start));
    for (offset, sentence) in paragraph[resume..].split_sentence_bound_indices() {
        let offset = offset + resume;
        utf16 += utf16_len(&paragraph[byte..offset]);
        byte = offset;
        let evidence = match reuse.sentence(start + offset, sentence) {
            Some(e) => e,
            None => Rc::new(program.analyze(sentence, lexicon)),
        };
        out.push(PlacedSentence { byte_start: offset, byte_len: sentence.len(), utf16_start: utf16, evidence });
    }
    out
}
