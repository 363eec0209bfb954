//! Evidence kept up to date while a student types into one field: the paragraphs an edit
//! left alone keep their analysis; only the edited ones are analysed again.
//!
//! An edit is located by the longest common prefix and suffix of the old and new text. A
//! new paragraph lying wholly inside the common prefix, with an old paragraph of the same
//! start and length, has the same text, so its old analysis is reused; likewise inside the
//! common suffix (shifted by the change in length). The distinct-word lexicon is kept too,
//! so even an edited paragraph only normalizes and stems words it has not seen before.

use super::paragraph::{FieldEvidence, Lexicon, ParagraphEvidence, PlacedParagraph};
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
    /// Paragraphs analysed afresh by the last update (for tests and benchmarks).
    analysed: usize,
}

impl Indicators {
    /// Evidence for `base`, ready for `field` to be edited.
    pub fn live(&self, base: &Submission, field: &str) -> LiveEvidence {
        let mut lexicon = Lexicon::default();
        let typed = self.fields.iter().position(|p| p.name == field);
        let fields = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, program)| {
                let mut own = Lexicon::default();
                let lexicon = if Some(i) == typed { &mut lexicon } else { &mut own };
                FieldEvidence::build(program, base.text(&program.name), lexicon, |_, _| None)
            })
            .collect::<Vec<_>>();
        let analysed = typed.map_or(0, |t| fields[t].paragraphs.len());
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
        let (new_len, old_len) = (text.len(), old.len());
        let mut analysed = 0;
        let reuse = |start: usize, paragraph: &str| -> Option<Rc<ParagraphEvidence>> {
            let end = start + paragraph.len();
            let old_start = if end <= prefix {
                start
            } else if start >= new_len - suffix {
                start + old_len - new_len
            } else {
                analysed += 1;
                return None;
            };
            let found = find(&old_paragraphs, old_start).filter(|p| p.byte_len == paragraph.len()).map(|p| Rc::clone(&p.evidence));
            if found.is_none() {
                analysed += 1;
            }
            found
        };
        self.fields[f] = FieldEvidence::build(&indicators.fields[f], text, &mut self.lexicon, reuse);
        self.analysed = analysed;
        self.text = text.to_string();
    }

    /// How many paragraphs the last update analysed afresh.
    pub fn analysed(&self) -> usize {
        self.analysed
    }
}

fn find(paragraphs: &[PlacedParagraph], byte_start: usize) -> Option<&PlacedParagraph> {
    paragraphs.binary_search_by_key(&byte_start, |p| p.byte_start).ok().map(|i| &paragraphs[i])
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
