//! The analysis of a field's text, one sentence at a time: counts (words, sentences,
//! syllables), every phrase occurrence, regex match and number, with offsets local to the
//! sentence. Paragraphs (blocks between blank lines) are cut into sentences (UAX #29). A
//! sentence's analysis depends on its text alone, which is what lets a live session keep
//! the analyses of the paragraphs and sentences an edit did not touch; so phrases and
//! regex matches stay within one sentence.

use super::phrases::PhraseSet;
use super::{Local, Move, Utf16};
use crate::text::numbers::{find_numbers, FoundNumber};
use crate::text::readability::{syllables, SyllableRules, TextCounts};
use crate::text::words::{paragraphs, sentence_bounds, utf16_len, words, Utf16Cursor};
use regex_lite::Regex;
use std::collections::HashMap;
use std::rc::Rc;

/// What the indicators reading one field look for in it.
#[derive(Debug, Clone)]
pub(crate) struct FieldProgram {
    /// Shared by every span found in the field, so that a span costs no allocation.
    pub name: std::rc::Rc<str>,
    pub phrases: PhraseSet,
    /// Each regex with the quick test that may rule a sentence out before it runs.
    pub patterns: Vec<(Regex, Option<super::prefilter::Prefilter>)>,
    /// Characters of a sentence the patterns read (the `patternReach` limit when compiled).
    pub pattern_reach: usize,
    pub wants_numbers: bool,
    pub wants_syllables: bool,
    pub syllable_rules: SyllableRules,
    pub decimal_comma: bool,
    /// The negation cues of the scoring language.
    pub negation: super::guards::NegationCues,
    /// Whether sentences that are keyword lists lose their evidence.
    pub guard_lists: bool,
    /// The task's own vocabulary (one single-word phrase each), for the off-task guard;
    /// empty when the guard is off.
    pub task: PhraseSet,
}

/// A phrase occurrence or regex match: which one, `[start, end)` in UTF-16 units of its
/// paragraph (of its sentence, in the sentence's own analysis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    pub id: u32,
    pub start: Local,
    pub end: Local,
}

impl Hit {
    /// The hit of a sentence that starts `start` units into its paragraph, placed in the
    /// paragraph.
    fn after(self, start: u32) -> Hit {
        Hit { start: self.start.after(start), end: self.end.after(start), ..self }
    }

    /// `[start, end)` in the field, the paragraph starting at `paragraph`.
    fn in_field(self, paragraph: u32) -> (u32, u32) {
        (self.start.in_field(paragraph).0, self.end.in_field(paragraph).0)
    }
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
    /// (Hashed with Fx: the keys are short words, looked up for every word of every
    /// analysed sentence; SipHash's protection against chosen keys is not needed here.)
    index: HashMap<String, u32, rustc_hash::FxBuildHasher>,
    entries: Vec<LexiconEntry>,
}

#[derive(Debug, Clone)]
struct LexiconEntry {
    symbols: Vec<u32>,
    syllables: u32,
    on_task: bool,
    /// What the word is to negation (cue, clause break or neither).
    role: super::guards::WordRole,
    /// The entry of the word in lower case (its own when it is): the same word, case aside.
    fold: u32,
    /// A word too common to tell anything about a task ("will", "the"): an occurrence made
    /// only of such words does not make a sentence look like a keyword list.
    common: bool,
}

/// Beyond this many distinct words the lexicon starts afresh, to bound a session's memory.
const LEXICON_LIMIT: usize = 200_000;

impl Lexicon {
    /// Starts afresh when full. Called between sentences only, so that the entries a
    /// sentence's words point at stay valid while it is analysed.
    fn bound(&mut self) {
        if self.entries.len() >= LEXICON_LIMIT {
            self.index.clear();
            self.entries.clear();
        }
    }

    fn entry(&mut self, program: &FieldProgram, word: &str) -> u32 {
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        let lower = if word.is_ascii() {
            word.bytes().any(|b| b.is_ascii_uppercase()).then(|| word.to_ascii_lowercase())
        } else {
            Some(word.to_lowercase()).filter(|l| l != word)
        };
        let fold = lower.map(|l| self.entry(program, &l));
        let symbols =
            if program.phrases.is_empty() { Vec::new() } else { program.phrases.symbols_of(word) };
        let count =
            if program.wants_syllables { syllables(word, program.syllable_rules) } else { 0 };
        let on_task = !program.task.is_empty() && !program.task.symbols_of(word).is_empty();
        // Both are decided on the word in lower case: a word with capitals takes them from
        // its lower-case entry instead of lowercasing again.
        let (role, common) = match fold {
            Some(f) => (self.entries[f as usize].role, self.entries[f as usize].common),
            None if program.phrases.is_empty() => (super::guards::WordRole::Plain, false),
            None => {
                (program.negation.role(word), program.guard_lists && super::guards::is_common(word))
            }
        };
        let i = self.entries.len() as u32;
        let fold = fold.map_or(i, |f| self.entries[f as usize].fold);
        self.entries.push(LexiconEntry { symbols, syllables: count, on_task, role, fold, common });
        self.index.insert(word.to_string(), i);
        i
    }
}

impl FieldProgram {
    /// Analyses one sentence. A phrase occurrence in a negated clause is recorded under id
    /// `phrase + number of phrases` (see `FieldEvidence::negated_hits`); a sentence that is
    /// a keyword list (with the guard on) keeps its counts and loses its evidence.
    pub(crate) fn analyze(&self, text: &str, lexicon: &mut Lexicon) -> SentenceEvidence {
        let tokens = words(text);
        lexicon.bound();
        let entries: Vec<u32> = tokens.iter().map(|w| lexicon.entry(self, w.text)).collect();
        let entry = |e: u32| &lexicon.entries[e as usize];
        let mut evidence = SentenceEvidence {
            counts: TextCounts {
                words: tokens.len() as u32,
                // The text is one UAX #29 sentence already; it counts when it has a word
                // (as `sentence_count` counts), without segmenting it again.
                sentences: u32::from(!tokens.is_empty()),
                syllables: entries.iter().map(|&e| entry(e).syllables).sum(),
                on_task: entries.iter().filter(|&&e| entry(e).on_task).count() as u32,
                lists: 0,
            },
            ..SentenceEvidence::default()
        };
        if !self.phrases.is_empty() {
            let negated_base = self.phrases.len() as u32;
            // Which words occurrences cover, by occurrence group (for the keyword-list guard).
            let mut covered = vec![0u32; tokens.len()];
            let mut group = 0u32;
            let symbol_sets = entries.iter().map(|&e| entry(e).symbols.as_slice());
            self.phrases.run(symbol_sets, |id, first, last| {
                // Overlapping occurrences ("bean plants", "plants") are one group. An
                // occurrence of common words only ("will", "more than") is neither keyword
                // nor glue (`guards::NEUTRAL`): a written sentence keeps such words, and a
                // list of keywords may hold them too.
                if entries[first..=last].iter().all(|&e| entry(e).common) {
                    for c in &mut covered[first..=last] {
                        if *c == 0 {
                            *c = super::guards::NEUTRAL;
                        }
                    }
                } else {
                    let g = covered[first..=last]
                        .iter()
                        .copied()
                        .find(|&g| g != 0 && g != super::guards::NEUTRAL)
                        .unwrap_or_else(|| {
                            group += 1;
                            group
                        });
                    covered[first..=last].fill(g);
                }
                let negated =
                    self.negation.negates_with(text, &tokens, first, |i| entry(entries[i]).role);
                evidence.phrase_hits.push(Hit {
                    id: if negated { id + negated_base } else { id },
                    start: Local(tokens[first].utf16_start),
                    end: Local(tokens[last].utf16_end),
                });
            });
            super::order::sort_dedup(&mut evidence.phrase_hits);
            if self.guard_lists
                && super::guards::is_keyword_run(
                    &entries.iter().map(|&e| entry(e).fold).collect::<Vec<_>>(),
                    &covered,
                    super::guards::ends_as_sentence(text),
                )
            {
                evidence.phrase_hits.clear();
                evidence.counts.lists = 1;
                return evidence;
            }
        }
        // A pattern reads the sentence's first `pattern_reach` characters (in bytes at
        // least as many, so a shorter text is read whole without counting).
        let read = if text.len() <= self.pattern_reach || self.patterns.is_empty() {
            text
        } else {
            &text[..text.char_indices().nth(self.pattern_reach).map_or(text.len(), |(i, _)| i)]
        };
        for (id, (regex, prefilter)) in self.patterns.iter().enumerate() {
            let mut cursor = Utf16Cursor::default();
            let mut push = |m: regex_lite::Match| {
                let start = cursor.advance_to(text, m.start());
                let end = cursor.advance_to(text, m.end());
                evidence.pattern_hits.push(Hit {
                    id: id as u32,
                    start: Local(start),
                    end: Local(end),
                });
            };
            match prefilter {
                Some(p) => p.find_iter(regex, read).for_each(&mut push),
                None => regex.find_iter(read).for_each(&mut push),
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
/// the paragraph (so adding up a field visits paragraphs, not sentences). The gathering is
/// done when first needed: a live edit replaces a paragraph's evidence on every keystroke
/// and works from the edited sentences alone.
#[derive(Debug, Clone)]
pub(crate) struct ParagraphEvidence {
    pub sentences: Vec<PlacedSentence>,
    summary: std::cell::OnceCell<SentenceEvidence>,
}

impl ParagraphEvidence {
    pub(crate) fn new(sentences: Vec<PlacedSentence>) -> Self {
        ParagraphEvidence { sentences, summary: std::cell::OnceCell::new() }
    }

    /// Everything found in the paragraph, offsets local to it.
    pub(crate) fn summary(&self) -> &SentenceEvidence {
        self.summary.get_or_init(|| gather(&self.sentences))
    }
}

/// Everything found in some sentences of a paragraph, gathered with offsets local to the
/// paragraph: hits sorted by id, then position; numbers in text order.
fn gather(sentences: &[PlacedSentence]) -> SentenceEvidence {
    let mut summary = SentenceEvidence::default();
    for s in sentences {
        let e = &s.evidence;
        let at = s.utf16_start;
        summary.counts.add(e.counts);
        summary.phrase_hits.extend(e.phrase_hits.iter().map(|h| h.after(at)));
        summary.pattern_hits.extend(e.pattern_hits.iter().map(|h| h.after(at)));
        summary.numbers.extend(e.numbers.iter().map(|n| FoundNumber {
            start: n.start + at,
            end: n.end + at,
            unit_end: n.unit_end + at,
            ..n.clone()
        }));
    }
    super::order::sort(&mut summary.phrase_hits);
    super::order::sort(&mut summary.pattern_hits);
    summary
}

/// A paragraph of a field: where it starts and its analysis.
#[derive(Debug, Clone)]
pub(crate) struct PlacedParagraph {
    pub byte_start: usize,
    pub byte_len: usize,
    pub utf16_start: u32,
    pub utf16_len: u32,
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
    /// The sentences from byte `offset` of the paragraph at `start` (of length `len`) to
    /// its end, when the edit lies before `offset` and the old text had a sentence bound
    /// there: they are the old sentences, moved (`utf16` is where `offset` is in UTF-16).
    fn stable_tail(
        &mut self,
        _start: usize,
        _len: usize,
        _offset: usize,
        _utf16: u32,
    ) -> Option<Vec<PlacedSentence>> {
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
    pub(crate) fn build(
        program: &FieldProgram,
        text: &str,
        lexicon: &mut Lexicon,
        reuse: &mut impl Reuse,
    ) -> Self {
        let mut field = FieldEvidence {
            // Each phrase's plain occurrences, then each one's negated occurrences.
            phrases: vec![Vec::new(); 2 * program.phrases.len()],
            patterns: vec![Vec::new(); program.patterns.len()],
            ..FieldEvidence::default()
        };
        let (mut byte, mut utf16) = (0usize, 0u32);
        for (start, paragraph) in paragraphs(text) {
            utf16 += utf16_len(&text[byte..start]);
            byte = start;
            let evidence = match reuse.paragraph(start, paragraph) {
                Some(e) => e,
                None => Rc::new(ParagraphEvidence::new(sentences_of(
                    program, paragraph, start, lexicon, reuse,
                ))),
            };
            let summary = evidence.summary();
            field.counts.add(summary.counts);
            for h in &summary.phrase_hits {
                field.phrases[h.id as usize].push(h.in_field(utf16));
            }
            for h in &summary.pattern_hits {
                field.patterns[h.id as usize].push(h.in_field(utf16));
            }
            field.numbers.extend(summary.numbers.iter().map(|n| FoundNumber {
                start: n.start + utf16,
                end: n.end + utf16,
                unit_end: n.unit_end + utf16,
                ..n.clone()
            }));
            let utf16_len = utf16_len(paragraph);
            field.paragraphs.push(PlacedParagraph {
                byte_start: start,
                byte_len: paragraph.len(),
                utf16_start: utf16,
                utf16_len,
                evidence,
            });
        }
        field
    }

    /// Occurrences of one phrase outside negated clauses, in text order, as field offsets.
    pub(crate) fn phrase_hits(&self, id: u32) -> &[(u32, u32)] {
        self.phrases.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Occurrences of one phrase in negated clauses.
    pub(crate) fn negated_hits(&self, id: u32) -> &[(u32, u32)] {
        self.phrases.get(id as usize + self.phrases.len() / 2).map_or(&[], Vec::as_slice)
    }

    /// Whether the off-task guard holds the field back: it has words, none of the task's.
    pub(crate) fn off_task(&self) -> bool {
        self.counts.words > 0 && self.counts.on_task == 0
    }

    pub(crate) fn pattern_hits(&self, id: u32) -> &[(u32, u32)] {
        self.patterns.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Every number of the field, with field offsets.
    pub(crate) fn numbers(&self) -> &[FoundNumber] {
        &self.numbers
    }
}

/// What an edit inside one paragraph changed beyond moving offsets: which phrases' and
/// patterns' occurrences, the numbers, the counts. Offsets at or after the edit (`at`, in
/// UTF-16 units of the field) move by the change in length; an occurrence that only moved
/// is not a change.
#[derive(Debug, Clone, Default)]
pub(crate) struct Changes {
    pub phrases: Vec<bool>,
    pub patterns: Vec<bool>,
    pub numbers: bool,
    pub counts: bool,
    /// What the integrity guards find changed (every check of the field is judged again).
    pub guard: bool,
}

impl FieldEvidence {
    /// Puts paragraph `i`, analysed again after an edit (`edit`: UTF-16, field offsets)
    /// that changed the field's length by `by_bytes` bytes, in place
    /// of its old analysis: every later offset moves, and each phrase's and pattern's
    /// occurrences in the paragraph are replaced. Says what changed beyond offsets.
    pub(crate) fn splice(
        &mut self,
        i: usize,
        new: PlacedParagraph,
        edit: Move,
        by_bytes: isize,
    ) -> Changes {
        let by = edit.by;
        let old = std::mem::replace(&mut self.paragraphs[i], new);
        for p in &mut self.paragraphs[i + 1..] {
            p.byte_start = (p.byte_start as isize + by_bytes) as usize;
            p.utf16_start = edit.offset(p.utf16_start);
        }
        let new = Rc::clone(&self.paragraphs[i].evidence);
        // The sentences the edit left alone share their analysis with the old ones: those
        // before it in place, those after it moved by `by`. Only the sentences between are
        // compared and spliced in.
        let (olds, news) = (&old.evidence.sentences, &new.sentences);
        let kept = |a: &PlacedSentence, b: &PlacedSentence, by: i64| {
            Rc::ptr_eq(&a.evidence, &b.evidence)
                && i64::from(a.utf16_start) + by == i64::from(b.utf16_start)
        };
        let head = olds.iter().zip(news).take_while(|(a, b)| kept(a, b, 0)).count();
        let room = olds.len().min(news.len()) - head;
        let tail = olds
            .iter()
            .rev()
            .zip(news.iter().rev())
            .take(room)
            .take_while(|(a, b)| kept(a, b, by))
            .count();
        let (old_mid, new_mid) =
            (gather(&olds[head..olds.len() - tail]), gather(&news[head..news.len() - tail]));
        // The old middle sentences' stretch of the field (where their hits were).
        let base = old.utf16_start;
        let (lo, hi) = (
            base + olds.get(head).map_or(old.utf16_len, |s| s.utf16_start),
            base + olds.get(olds.len() - tail).map_or(old.utf16_len, |s| s.utf16_start),
        );
        let counts = old_mid.counts != new_mid.counts;
        let was_off = self.off_task();
        if counts {
            self.counts.sub(old_mid.counts);
            self.counts.add(new_mid.counts);
        }
        // What the integrity guards report changed: the field went off task or came back,
        // or a sentence became a keyword list or stopped being one.
        let guard = was_off != self.off_task() || old_mid.counts.lists != new_mid.counts.lists;
        let local = edit.within(Utf16(base));
        let phrases = splice_hits(
            &mut self.phrases,
            &old_mid.phrase_hits,
            &new_mid.phrase_hits,
            base,
            (lo, hi),
            edit,
        );
        let patterns = splice_hits(
            &mut self.patterns,
            &old_mid.pattern_hits,
            &new_mid.pattern_hits,
            base,
            (lo, hi),
            edit,
        );
        // Compared by the rule the list is moved by below: a number moves whole or not at all.
        let same_numbers = old_mid.numbers.len() == new_mid.numbers.len()
            && old_mid.numbers.iter().zip(&new_mid.numbers).all(|(o, n)| {
                let mut o = o.clone();
                shift_number(&mut o, local);
                o == *n
            });
        let from = self.numbers.partition_point(|n| n.start < lo);
        let to = self.numbers.partition_point(|n| n.start < hi);
        if same_numbers {
            for n in &mut self.numbers[from..] {
                shift_number(n, edit);
            }
        } else {
            let fresh = new_mid.numbers.iter().map(|n| FoundNumber {
                start: n.start + base,
                end: n.end + base,
                unit_end: n.unit_end + base,
                ..n.clone()
            });
            self.numbers.splice(from..to, fresh);
            let after = from + new_mid.numbers.len();
            for n in &mut self.numbers[after..] {
                shift_number(n, edit);
            }
        }
        Changes { phrases, patterns, numbers: !same_numbers, counts, guard }
    }
}

/// A number moved by the span-move rule (`Move::range`; its unit's end with it).
fn shift_number<F: super::Frame>(n: &mut FoundNumber, edit: Move<F>) {
    (_, n.unit_end) = edit.range((n.start, n.unit_end));
    (n.start, n.end) = edit.range((n.start, n.end));
}

/// One list per phrase (or pattern): an id whose occurrences in the edited stretch only
/// moved has its list's offsets moved; any other id has the stretch's part of its list
/// replaced. `old` and `new` are the stretch's hits (sorted by id, then position, offsets
/// local to the paragraph, which starts at `base`); the stretch was `lo..hi` of the field.
fn splice_hits(
    lists: &mut [Vec<(u32, u32)>],
    old: &[Hit],
    new: &[Hit],
    base: u32,
    (lo, hi): (u32, u32),
    edit: Move,
) -> Vec<bool> {
    let local = edit.within(Utf16(base));
    let mut changed = vec![false; lists.len()];
    let (mut o, mut n) = (0, 0);
    while o < old.len() || n < new.len() {
        let id = match (old.get(o), new.get(n)) {
            (Some(a), Some(b)) => a.id.min(b.id),
            (Some(a), None) => a.id,
            (None, Some(b)) => b.id,
            (None, None) => break,
        };
        let o_end = o + old[o..].iter().take_while(|h| h.id == id).count();
        let n_end = n + new[n..].iter().take_while(|h| h.id == id).count();
        let same = o_end - o == n_end - n
            && old[o..o_end]
                .iter()
                .zip(&new[n..n_end])
                .all(|(a, b)| local.stretch((a.start, a.end)) == (b.start, b.end));
        if !same {
            changed[id as usize] = true;
            let list = &mut lists[id as usize];
            let from = list.partition_point(|h| h.0 < lo);
            let to = list.partition_point(|h| h.0 < hi);
            list.splice(from..to, new[n..n_end].iter().map(|h| h.in_field(base)));
            // Everything after the stretch lay after the edit.
            for h in &mut list[from + (n_end - n)..] {
                *h = edit.range(*h);
            }
        }
        o = o_end;
        n = n_end;
    }
    // Every other list (occurrences in the paragraph only moved, or none there) moves alike
    // from the edit on.
    for (list, _) in lists.iter_mut().zip(&changed).filter(|(_, &c)| !c) {
        let from = list.partition_point(|h| h.0 < edit.at.0);
        for h in &mut list[from..] {
            *h = edit.range(*h);
        }
    }
    changed
}

/// The sentences (UAX #29) of a paragraph that starts at byte `start` of the field.
pub(crate) fn sentences_of(
    program: &FieldProgram,
    paragraph: &str,
    start: usize,
    lexicon: &mut Lexicon,
    reuse: &mut impl Reuse,
) -> Vec<PlacedSentence> {
    // Sentence segmentation is costly; after an edit, only the part from a little before
    // the edit is segmented again (a segment that starts at a sentence bound segments the
    // same as the whole paragraph does from there).
    let (mut out, resume) = reuse.stable_head(start, paragraph).unwrap_or_default();
    let (mut byte, mut utf16) = out.last().map_or((0, 0), |s| (s.byte_start, s.utf16_start));
    for (offset, sentence) in sentence_bounds(&paragraph[resume..]) {
        let offset = offset + resume;
        utf16 += utf16_len(&paragraph[byte..offset]);
        byte = offset;
        if let Some(rest) = reuse.stable_tail(start, paragraph.len(), offset, utf16) {
            out.extend(rest);
            break;
        }
        let evidence = match reuse.sentence(start + offset, sentence) {
            Some(e) => e,
            None => Rc::new(program.analyze(sentence, lexicon)),
        };
        out.push(PlacedSentence {
            byte_start: offset,
            byte_len: sentence.len(),
            utf16_start: utf16,
            evidence,
        });
    }
    out
}
