//! Evidence kept up to date while a student types into one field: the paragraphs and
//! sentences an edit left alone keep their analysis; only the edited sentences are analysed
//! again (and only the edited paragraphs are cut into sentences again).
//!
//! An edit is located by the longest common prefix and suffix of the old and new text. A
//! new paragraph (or sentence) lying wholly inside the common prefix, with an old one of
//! the same start and length, has the same text, so its old analysis is reused; likewise
//! inside the common suffix (shifted by the change in length). The distinct-word lexicon is kept too,
//! so even an edited paragraph only normalizes and stems words it has not seen before.

use super::paragraph::{
    sentences_of, Changes, FieldEvidence, Fresh, Lexicon, ParagraphEvidence, PlacedParagraph,
    PlacedSentence, Reuse, SentenceEvidence,
};
use super::{Byte, Indicators, Move, Outcome, Utf16};
use crate::rubric::model::Submission;
use crate::text::words::{paragraphs, utf16_len};
use std::rc::Rc;

/// Where an edit was: how it moved the field's offsets; and, when only one paragraph was
/// analysed again, what changed beyond that (None: the field was analysed again as a
/// whole, so anything may have changed).
#[derive(Debug, Clone)]
pub struct Edit {
    pub(crate) moved: Move,
    pub(crate) changes: Option<Changes>,
    /// The edit in bytes, so a copy of the old text can be brought up to date alike.
    pub(crate) bytes: ByteEdit,
}

/// An edit in bytes: the old text's `from..old_end` became the new text's `from..new_end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ByteEdit {
    pub from: Byte,
    pub old_end: Byte,
    pub new_end: Byte,
}

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
        let analysed = typed
            .map_or(0, |t| fields[t].paragraphs.iter().map(|p| p.evidence.sentences.len()).sum());
        LiveEvidence { fields, typed, lexicon, text: base.text(field).to_string(), analysed }
    }

    /// Every indicator's outcome from live evidence; `submission` supplies ratings and
    /// choices (its text of the live field is not read again).
    pub fn live_outcomes(&self, live: &LiveEvidence, submission: &Submission) -> Vec<Outcome> {
        self.outcomes(&live.fields, submission)
    }
}

impl Edit {
    /// How the edit moved the offsets of the field.
    pub fn moved(&self) -> Move {
        self.moved
    }
}

impl LiveEvidence {
    /// Takes the whole new text of the live field; says where the edit was and, when it
    /// stayed inside one paragraph, what it changed beyond moving offsets.
    pub fn update(&mut self, indicators: &Indicators, text: &str) -> Edit {
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let mut prefix = common_prefix(old, new);
        while !text.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let room = old.len().min(new.len()) - prefix;
        let mut suffix = common_suffix(old, new).min(room);
        while !text.is_char_boundary(text.len() - suffix) {
            suffix -= 1;
        }
        let at = self.utf16_at(Byte(prefix));
        let by = i64::from(utf16_len(&text[prefix..text.len() - suffix]))
            - i64::from(utf16_len(&self.text[prefix..self.text.len() - suffix]));
        let old_len = self.text.len();
        self.text.clear();
        self.text.push_str(text);
        self.apply(indicators, old_len, prefix, suffix, at, by)
    }

    /// Takes an edit given as JS sees it: UTF-16 units `start..end` of the text replaced by
    /// `inserted` (neither bound inside a surrogate pair).
    pub fn edit(
        &mut self,
        indicators: &Indicators,
        start: Utf16,
        end: Utf16,
        inserted: &str,
    ) -> Edit {
        let Byte(prefix) = self.byte_at(start);
        let Byte(cut) = self.byte_at(end).max(Byte(prefix));
        let (old_len, suffix) = (self.text.len(), self.text.len() - cut);
        // In place: only the text after the edit moves.
        self.text.replace_range(prefix..cut, inserted);
        let by = i64::from(utf16_len(inserted)) - i64::from(end.max(start).0 - start.0);
        self.apply(indicators, old_len, prefix, suffix, start, by)
    }

    /// The text of the live field.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte of the text at UTF-16 unit `unit` (counted from the nearest paragraph
    /// start before it; the text's end when past it).
    fn byte_at(&self, Utf16(unit): Utf16) -> Byte {
        let (mut byte, mut u) = (0, 0);
        if let Some(f) = self.typed {
            let paragraphs = &self.fields[f].paragraphs;
            if let Some(p) = paragraphs
                .partition_point(|p| p.utf16_start <= unit)
                .checked_sub(1)
                .map(|i| &paragraphs[i])
            {
                // A paragraph of one-byte characters maps units to bytes one to one.
                if p.byte_len == p.utf16_len as usize && unit <= p.utf16_start + p.utf16_len {
                    return Byte(p.byte_start + (unit - p.utf16_start) as usize);
                }
                (byte, u) = (p.byte_start, p.utf16_start);
            }
        }
        for c in self.text[byte..].chars() {
            if u >= unit {
                break;
            }
            u += c.len_utf16() as u32;
            byte += c.len_utf8();
        }
        Byte(byte)
    }

    /// The UTF-16 offset of byte `byte` of the text (a char boundary).
    fn utf16_at(&self, Byte(byte): Byte) -> Utf16 {
        let (start, unit) = self
            .typed
            .and_then(|f| {
                let paragraphs = &self.fields[f].paragraphs;
                let i = paragraphs.partition_point(|p| p.byte_start <= byte).checked_sub(1)?;
                Some((paragraphs[i].byte_start, paragraphs[i].utf16_start))
            })
            .unwrap_or((0, 0));
        Utf16(unit + utf16_len(&self.text[start..byte]))
    }

    /// Brings the evidence up to the new text (in `self.text` already): the old one was
    /// `old_len` bytes long, and its first `prefix` and last `suffix` bytes (UTF-16 offset
    /// `at`, length change `by`) are unchanged.
    fn apply(
        &mut self,
        indicators: &Indicators,
        old_len: usize,
        prefix: usize,
        suffix: usize,
        at: Utf16,
        by: i64,
    ) -> Edit {
        let text = self.text.as_str();
        let bytes = ByteEdit {
            from: Byte(prefix),
            old_end: Byte(old_len - suffix),
            new_end: Byte(text.len() - suffix),
        };
        let Some(f) = self.typed else {
            self.analysed = 0;
            return Edit {
                moved: Move::new(Utf16(u32::MAX), 0),
                changes: Some(Changes::default()),
                bytes,
            };
        };
        match Self::within_paragraph(
            &mut self.fields[f],
            &mut self.lexicon,
            &mut self.analysed,
            &indicators.fields[f],
            old_len,
            text,
            prefix,
            suffix,
            at,
            by,
        ) {
            Some(changes) => Edit { moved: Move::new(at, by), changes: Some(changes), bytes },
            None => {
                let old_paragraphs = std::mem::take(&mut self.fields[f].paragraphs);
                let mut earlier = Earlier {
                    old: &old_paragraphs,
                    prefix,
                    suffix,
                    new_len: text.len(),
                    old_len,
                    analysed: 0,
                };
                self.fields[f] = FieldEvidence::build(
                    &indicators.fields[f],
                    text,
                    &mut self.lexicon,
                    &mut earlier,
                );
                self.analysed = earlier.analysed;
                Edit { moved: Move::new(at, by), changes: None, bytes }
            }
        }
    }

    /// An edit that leaves every paragraph bound where it was (the edited text lies inside
    /// one paragraph, and the paragraph neither splits nor joins the next): only that
    /// paragraph is analysed again and spliced in. None when the edit is not of that kind.
    #[allow(clippy::too_many_arguments)]
    fn within_paragraph(
        field: &mut FieldEvidence,
        lexicon: &mut Lexicon,
        analysed: &mut usize,
        program: &super::paragraph::FieldProgram,
        old_len: usize,
        text: &str,
        prefix: usize,
        suffix: usize,
        at: Utf16,
        by: i64,
    ) -> Option<Changes> {
        let i = field.paragraphs.partition_point(|p| p.byte_start <= prefix).checked_sub(1)?;
        let start = field.paragraphs[i].byte_start;
        let by_bytes = text.len() as isize - old_len as isize;
        let end = match field.paragraphs.get(i + 1) {
            Some(next) if old_len - suffix >= next.byte_start => return None,
            Some(next) => (next.byte_start as isize + by_bytes) as usize,
            None => text.len(),
        };
        let window = &text[start..end];
        if end < text.len() {
            // The paragraph must still be followed by a blank line.
            let body = window.strip_suffix('\n')?;
            if !body.rsplit('\n').next().is_some_and(|line| line.trim().is_empty()) {
                return None;
            }
        }
        let mut pieces = paragraphs(window);
        let (0, paragraph) = pieces.next()? else { return None };
        if pieces.next().is_some() {
            return None;
        }
        let mut earlier = Earlier {
            old: &field.paragraphs,
            prefix,
            suffix,
            new_len: text.len(),
            old_len,
            analysed: 0,
        };
        let sentences = sentences_of(program, paragraph, start, lexicon, &mut earlier);
        *analysed = earlier.analysed;
        let placed = PlacedParagraph {
            byte_start: start,
            byte_len: paragraph.len(),
            utf16_start: field.paragraphs[i].utf16_start,
            utf16_len: utf16_len(paragraph),
            evidence: Rc::new(ParagraphEvidence::new(sentences)),
        };
        Some(field.splice(i, placed, Move::new(at, by), by_bytes))
    }

    /// The typed field, as an index of the indicators' fields.
    pub(crate) fn typed(&self) -> Option<usize> {
        self.typed
    }

    pub(crate) fn field(&self, i: usize) -> &FieldEvidence {
        &self.fields[i]
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

    fn stable_head(&mut self, start: usize, text: &str) -> Option<(Vec<PlacedSentence>, usize)> {
        if start >= self.prefix {
            return None;
        }
        let i = self.old.binary_search_by_key(&start, |p| p.byte_start).ok()?;
        let old = &self.old[i].evidence.sentences;
        let edit = (self.prefix - start).min(text.len());
        // A sentence bound depends on the text before it and on what follows it up to the
        // next letter (UAX #29 rules SB8–SB11 look ahead over spaces, digits, punctuation
        // to the next letter). So the latest old bound with a letter between it and the
        // edit stands, and so do all before it; segmenting resumes there. (The text before
        // the edit is the same in the old and new paragraph.)
        let starts_before = old.partition_point(|s| s.byte_start <= edit);
        let keep = (1..starts_before)
            .rev()
            .find(|&j| text[old[j].byte_start..edit].chars().any(is_letter))?;
        Some((old[..keep].to_vec(), old[keep].byte_start))
    }

    fn stable_tail(
        &mut self,
        start: usize,
        len: usize,
        offset: usize,
        utf16: u32,
    ) -> Option<Vec<PlacedSentence>> {
        if start + offset < self.new_len - self.suffix {
            return None;
        }
        let at = start + offset + self.old_len - self.new_len;
        let i = self.old.partition_point(|p| p.byte_start <= at).checked_sub(1)?;
        let p = &self.old[i];
        // The old paragraph must end where the new one does (the same text after the edit).
        if p.byte_start + p.byte_len + self.new_len != start + len + self.old_len {
            return None;
        }
        let sentences = &p.evidence.sentences;
        let j = sentences.binary_search_by_key(&(at - p.byte_start), |s| s.byte_start).ok()?;
        let (byte0, utf0) = (sentences[j].byte_start, sentences[j].utf16_start);
        Some(
            sentences[j..]
                .iter()
                .map(|s| PlacedSentence {
                    byte_start: s.byte_start - byte0 + offset,
                    byte_len: s.byte_len,
                    utf16_start: s.utf16_start - utf0 + utf16,
                    evidence: Rc::clone(&s.evidence),
                })
                .collect(),
        )
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

/// A letter as UAX #29 sentence rules see one (Upper or Lower; letters of other kinds are
/// not needed: without one, segmenting just resumes earlier).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c.is_lowercase() || c.is_uppercase()
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
