//! Evidence kept up to date while a student types into one field: the paragraphs and
//! sentences an edit left alone keep their analysis; only the edited sentences are analysed
//! again (and only the edited paragraphs are cut into sentences again).
//!
//! An edit is located by the longest common prefix and suffix of the old and new text. A
//! new paragraph (or sentence) lying wholly inside the common prefix, with an old one of
//! the same start and length, has the same text, so its old analysis is reused; likewise
//! inside the common suffix (shifted by the change in length). The distinct-word lexicon is kept too,
//! so even an edited paragraph only normalizes and stems words it has not seen before.

use super::paragraph::{FieldEvidence, Fresh, Lexicon, ParagraphEvidence, PlacedParagraph, PlacedSentence, Reuse, SentenceEvidence};
use super::{Indicators, Outcome};
use crate::rubric::model::Submission;
use std::rc::Rc;

/// The analysed fields of a submission, with one field live.
#[derive(Debug, Clone)]
pub struct LiveEvidence {
    fields: Vec<FieldEvidence>,
    /// The field being typed, as an index of the indicators' fields (None when no
    /// indicator reads it: its text then changes nothing).
    typed: Option<usize>,
    lexicon: Lexicon,
    text: String,
    /// Sentences analysed afresh by the last update (for tests and benchmarks).
    analysed: usize,
}

impl Indicators {
    /// Evidence for `base`, ready for `field` to be edited.
    pub fn live(&self, base: &Submission, field: &str) -> LiveEvidence {
        let mut lexicon = Lexicon::default();
        let typed = self.fields.iter().position(|p| &*p.name == field);
        let fields = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, program)| {
                let mut own = Lexicon::default();
                let lexicon = if Some(i) == typed { &mut lexicon } else { &mut own };
                FieldEvidence::build(program, base.text(&program.name), lexicon, &mut Fresh)
            })
            .collect::<Vec<_>>();
        let analysed = typed.map_or(0, |t| fields[t].paragraphs.iter().map(|p| p.evidence.sentences.len()).sum());
        LiveEvidence { fields, typed, lexicon, text: base.text(field).to_string(), analysed }
    }

    /// Every indicator's outcome from live evidence; `submission` supplies ratings and
    /// choices (its text of the live field is not read again).
    pub fn live_outcomes(&self, live: &LiveEvidence, submission: &Submission) -> Vec<Outcome> {
        self.outcomes(&live.fields, submission)
    }
}

impl LiveEvidence {
    /// Takes the whole new text of the live field.
    pub fn update(&mut self, indicators: &Indicators, text: &str) {
        let Some(f) = self.typed else {
            self.analysed = 0;
            return;
        };
        let old = std::mem::take(&mut self.text);
        let prefix = common_prefix(old.as_bytes(), text.as_bytes());
        let room = old.len().min(text.len()) - prefix;
        let suffix = common_suffix(old.as_bytes(), text.as_bytes()).min(room);
        let old_paragraphs = std::mem::take(&mut self.fields[f].paragraphs);
        let mut earlier = Earlier { old: &old_paragraphs, prefix, suffix, new_len: text.len(), old_len: old.len(), analysed: 0 };
        self.fields[f] = FieldEvidence::build(&indicators.fields[f], text, &mut self.lexicon, &mut earlier);
        self.analysed = earlier.analysed;
        self.text = text.to_string();
    }

    /// How many sentences the last update analysed afresh.
    pub fn analysed(&self) -> usize {
        self.analysed
    }
}

/// The previous analysis of the live field, and where the edit left the text unchanged.
struct Earlier<'a> {
    old: &'a [PlacedParagraph],
    prefix: usize,
    suffix: usize,
    new_len: usize,
    old_len: usize,
    analysed: usize,
}

impl Earlier<'_> {
    /// Where new bytes `start..start + len` were in the old text, if the edit left them alone.
    fn old_start(&self, start: usize, len: usize) -> Option<usize> {
        if start + len <= self.prefix {
            Some(start)
        } else if start >= self.new_len - self.suffix {
            Some(start + self.old_len - self.new_len)
        } else {
            None
        }
    }
}

impl Reuse for Earlier<'_> {
    fn paragraph(&mut self, start: usize, text: &str) -> Option<Rc<ParagraphEvidence>> {
        let at = self.old_start(start, text.len())?;
        let i = self.old.binary_search_by_key(&at, |p| p.byte_start).ok()?;
        let p = &self.old[i];
        (p.byte_len == text.len()).then(|| Rc::clone(&p.evidence))
    }

    fn stable_head(&mut self, start: usize, _text: &str) -> Option<(Vec<PlacedSentence>, usize)> {
        if start >= self.prefix {
            return None;
        }
        let i = self.old.binary_search_by_key(&start, |p| p.byte_start).ok()?;
        let old = &self.old[i].evidence.sentences;
        let edit = self.prefix - start;
        // Sentences that end before the edit keep their bounds, except the last two: a bound
        // depends on what follows it (up to the next letter), which may be edited text.
        let before = old.partition_point(|s| s.byte_start + s.byte_len <= edit);
        let keep = before.checked_sub(2).filter(|&k| k > 0)?;
        let head = old[..keep].to_vec();
        let resume = head.last().map(|s| s.byte_start + s.byte_len)?;
        Some((head, resume))
    }

    fn sentence(&mut self, start: usize, text: &str) -> Option<Rc<SentenceEvidence>> {
        let found = self.old_start(start, text.len()).and_then(|at| {
            let i = self.old.partition_point(|p| p.byte_start <= at).checked_sub(1)?;
            let p = &self.old[i];
            let relative = at - p.byte_start;
            let sentences = &p.evidence.sentences;
            let j = sentences.binary_search_by_key(&relative, |s| s.byte_start).ok()?;
            let s = &sentences[j];
            (s.byte_len == text.len()).then(|| Rc::clone(&s.evidence))
        });
        if found.is_none() {
            self.analysed += 1;
        }
        found
    }
}

/// Length of the common prefix in bytes, comparing blocks first (a memcmp each).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let (la, lb) = (a.len(), b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[la - i - BLOCK..la - i] == b[lb - i - BLOCK..lb - i] {
        i += BLOCK;
    }
    while i < n && a[la - i - 1] == b[lb - i - 1] {
        i += 1;
    }
    i
}
