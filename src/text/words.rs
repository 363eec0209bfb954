//! Words, sentences and paragraphs, by Unicode segmentation (UAX #29), with UTF-16 offsets.

use super::segment;

/// A word of a text, with its place both in bytes (for slicing in Rust) and in UTF-16 code
/// units (for a JS string, a textarea's `setSelectionRange`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    pub text: &'t str,
    pub byte_start: usize,
    pub byte_end: usize,
    pub utf16_start: u32,
    pub utf16_end: u32,
}

/// The words of `text` in order (segments that contain a letter or a digit), except that a
/// full stop run into a letter after a word of two or more letters ends that word
/// (see [`split_run_in_stops`]).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = if text.is_ascii() { ascii_words(text) } else { unicode_words(text) };
    split_run_in_stops(&mut out);
    out
}

/// UAX #29 keeps `cell.tRNA` or `concentration.Osmosis` one word (a full stop between two
/// letters joins them, WB6/7, for `e.g.` and `U.S.A.`). Students who leave out the space
/// after a full stop write two words there, so a word is split at a full stop that has two
/// letters before it and a letter after it: `cell.tRNA` → `cell`, `tRNA`; `e.g.`, `U.S.A.`
/// and `3.5` stay whole (one letter, or digits, before the stop). Sentences are not changed.
fn split_run_ins<'t>(word: Word<'t>, out: &mut Vec<Word<'t>>) {
    let t = word.text;
    // The letter that ends `t[..k]`, if it ends in one.
    let letter_before = |k: usize| t[..k].chars().next_back().filter(|c| c.is_alphabetic());
    let mut piece = 0;
    for (k, _) in t.match_indices('.') {
        let Some(last) = letter_before(k) else { continue };
        let letter_after = t[k + 1..].chars().next().is_some_and(char::is_alphabetic);
        if letter_after && letter_before(k - last.len_utf8()).is_some() {
            out.push(sub_word(word, piece, k));
            piece = k + 1;
        }
    }
    out.push(sub_word(word, piece, t.len()));
}

/// The part `from..to` (bytes within the word) of a word.
fn sub_word(word: Word<'_>, from: usize, to: usize) -> Word<'_> {
    let utf16_start = word.utf16_start + utf16_len(&word.text[..from]);
    Word {
        text: &word.text[from..to],
        byte_start: word.byte_start + from,
        byte_end: word.byte_start + to,
        utf16_start,
        utf16_end: utf16_start + utf16_len(&word.text[from..to]),
    }
}

/// Applies [`split_run_ins`] to the words that have a full stop inside (few have any).
fn split_run_in_stops(words: &mut Vec<Word<'_>>) {
    if !words.iter().any(|w| w.text.as_bytes()[1..].contains(&b'.')) {
        return;
    }
    let mut out = Vec::with_capacity(words.len() + 4);
    for &w in words.iter() {
        if w.text.as_bytes()[1..].contains(&b'.') {
            split_run_ins(w, &mut out);
        } else {
            out.push(w);
        }
    }
    *words = out;
}

/// `words` by the general segmenter, for a text that is not all ASCII.
fn unicode_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut utf16 = Utf16Cursor::default();
    let mut start = 0;
    for end in segment::word_bounds(text) {
        let (segment, at) = (&text[start..end], start);
        start = end;
        if !segment.chars().any(char::is_alphanumeric) {
            continue;
        }
        let utf16_start = utf16.advance_to(text, at);
        let utf16_end = utf16.advance_to(text, end);
        out.push(Word { text: segment, byte_start: at, byte_end: end, utf16_start, utf16_end });
    }
    out
}

/// `words` for an ASCII text, without the general segmenter (several times faster, which
/// matters on every keystroke). For ASCII, UAX #29 word bounds come down to: letters,
/// digits and `_` join (WB5, WB8–WB10, WB13a/b); `:` `.` `'` join two letters (WB6/7);
/// `,` `;` `.` `'` join two digits (WB11/12); everything else stands alone. A test checks
/// this against the general segmenter on random texts.
fn ascii_words(text: &str) -> Vec<Word<'_>> {
    let b = text.as_bytes();
    let joins = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    // About one word per six characters in prose; growing the list is what costs.
    let mut out = Vec::with_capacity(b.len() / 6 + 2);
    let mut i = 0;
    while i < b.len() {
        if !joins(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() {
            if joins(b[i]) {
                i += 1;
                continue;
            }
            let (before, mid, after) = (b[i - 1], b[i], b.get(i + 1).copied().unwrap_or(0));
            let letters = before.is_ascii_alphabetic()
                && after.is_ascii_alphabetic()
                && matches!(mid, b':' | b'.' | b'\'');
            let digits = before.is_ascii_digit()
                && after.is_ascii_digit()
                && matches!(mid, b',' | b';' | b'.' | b'\'');
            if letters || digits {
                i += 2;
            } else {
                break;
            }
        }
        if b[start..i].iter().any(u8::is_ascii_alphanumeric) {
            out.push(Word {
                text: &text[start..i],
                byte_start: start,
                byte_end: i,
                utf16_start: start as u32,
                utf16_end: i as u32,
            });
        }
    }
    out
}

/// The sentences (UAX #29 sentence bounds) of `text` with their byte offsets; an ASCII
/// text takes a direct path (the general segmenter classifies every character first, which
/// shows on every keystroke). Both take linear time, whatever runs of spaces or closing
/// marks the text holds.
pub fn sentence_bounds(text: &str) -> SentenceBounds<'_> {
    if text.is_ascii() {
        SentenceBounds::Ascii { text, start: 0 }
    } else {
        SentenceBounds::General { text, start: 0, ends: segment::sentence_bounds(text).into_iter() }
    }
}

/// The iterator of `sentence_bounds`.
pub enum SentenceBounds<'t> {
    Ascii {
        text: &'t str,
        start: usize,
    },
    /// Sentence ends (byte offsets, increasing) worked out in advance.
    General {
        text: &'t str,
        start: usize,
        ends: std::vec::IntoIter<usize>,
    },
}

impl<'t> Iterator for SentenceBounds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        match self {
            SentenceBounds::General { text, start, ends } => {
                let (from, end) = (*start, ends.next()?);
                *start = end;
                Some((from, &text[from..end]))
            }
            SentenceBounds::Ascii { text, start } => {
                let (text, from) = (*text, *start);
                if from >= text.len() {
                    return None;
                }
                let end = ascii_sentence_end(text.as_bytes(), from);
                *start = end;
                Some((from, &text[from..end]))
            }
        }
    }
}

/// Where the sentence of an ASCII text that starts at `from` ends, by UAX #29 rules SB3–SB11
/// (ASCII has no Extend, Format, OLetter or Sep characters). One pass: the context
/// "terminator, closing punctuation, spaces" is tracked going forward, and the look-ahead
/// of SB8 is remembered, so long runs of spaces cost linear time.
fn ascii_sentence_end(b: &[u8], from: usize) -> usize {
    let para = |c: u8| c == b'\r' || c == b'\n';
    let sp = |c: u8| matches!(c, b' ' | b'\t' | 0x0b | 0x0c);
    let close = |c: u8| matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}');
    let sa_term = |c: u8| matches!(c, b'.' | b'!' | b'?');
    // The terminator of a run "SATerm Close* Sp*" ending at i, and whether it has spaces.
    let (mut term, mut spaces) = (None::<u8>, false);
    // SB8's look-ahead, kept while it lies ahead: (where it was looked from, the first
    // letter, separator or terminator from there).
    let mut ahead: Option<(usize, Option<u8>)> = None;
    for i in from + 1..b.len() {
        let (before, here) = (b[i - 1], b[i]);
        if sa_term(before) {
            (term, spaces) = (Some(before), false);
        } else if term.is_some() && close(before) && !spaces {
        } else if term.is_some() && sp(before) {
            spaces = true;
        } else {
            term = None;
        }
        if before == b'\r' && here == b'\n' {
            continue; // SB3
        }
        if para(before) {
            return i; // SB4
        }
        if before == b'.' && here.is_ascii_digit() {
            continue; // SB6
        }
        if before == b'.' && i >= 2 && b[i - 2].is_ascii_alphabetic() && here.is_ascii_uppercase() {
            continue; // SB7
        }
        let Some(t) = term else { continue };
        if t == b'.' {
            // SB8: ATerm Close* Sp* × (not a letter, separator or terminator)* Lower.
            let found = match ahead {
                Some((at, found)) if at >= i => found,
                _ => {
                    let j = (i..b.len())
                        .find(|&j| b[j].is_ascii_alphabetic() || para(b[j]) || sa_term(b[j]));
                    let found = j.map(|j| b[j]);
                    ahead = Some((j.unwrap_or(b.len()), found));
                    found
                }
            };
            if found.is_some_and(|c| c.is_ascii_lowercase()) {
                continue;
            }
        }
        if matches!(here, b',' | b'-' | b':' | b';') || sa_term(here) {
            continue; // SB8a
        }
        if sp(here) || para(here) || (!spaces && close(here)) {
            continue; // SB9, SB10
        }
        return i; // SB11
    }
    b.len()
}

/// Converts increasing byte offsets of one text to UTF-16 offsets in a single pass.
#[derive(Debug, Default, Clone, Copy)]
pub struct Utf16Cursor {
    byte: usize,
    utf16: u32,
}

impl Utf16Cursor {
    /// The UTF-16 offset of byte offset `to` (which must not be behind the last one asked).
    pub fn advance_to(&mut self, text: &str, to: usize) -> u32 {
        if to > self.byte {
            self.utf16 += text[self.byte..to].chars().map(|c| c.len_utf16() as u32).sum::<u32>();
            self.byte = to;
        }
        self.utf16
    }
}

/// Length of a text in UTF-16 code units, counted from its UTF-8 bytes (every byte that
/// starts a character is one unit; a four-byte character is two).
pub fn utf16_len(text: &str) -> u32 {
    if text.is_ascii() {
        return text.len() as u32;
    }
    text.as_bytes().iter().map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0)).sum()
}

/// Number of sentences: UAX #29 sentence segments that contain a word.
pub fn sentence_count(text: &str) -> usize {
    sentence_bounds(text).filter(|(_, s)| s.chars().any(char::is_alphanumeric)).count()
}

/// Number of paragraphs: runs of non-blank lines separated by blank lines.
pub fn paragraph_count(text: &str) -> usize {
    paragraphs(text).count()
}

/// The paragraphs of a text as byte ranges (blocks separated by one or more blank lines).
pub fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                blocks.push((s, &text[s..end]));
            }
        } else {
            if start.is_none() {
                start = Some(offset);
            }
            end = offset + line.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push((s, &text[s..end]));
    }
    blocks.into_iter()
}

#[cfg(test)]
mod tests {
    /// A text of 1 to 2^(64 - shift) pieces picked by a linear congruential generator.
    fn random_text(seed: &mut u64, pieces: &[&str], shift: u32) -> String {
        let mut next = || {
            *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            *seed
        };
        let len = 1 + (next() >> shift) as usize;
        (0..len).map(|_| pieces[(next() >> 33) as usize % pieces.len()]).collect()
    }

    /// The ASCII path gives exactly the sentences the general segmenter gives.
    #[test]
    fn ascii_sentences_match_the_unicode_segmenter() {
        let pieces = [
            "a",
            "B",
            "7",
            " ",
            "  ",
            ".",
            "!",
            "?",
            "\"",
            "'",
            ")",
            "(",
            "]",
            ",",
            "-",
            ":",
            ";",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "e.g. the",
            "U.S. Army",
            "3.5",
            "Dr. Lee",
            "end.) Next",
            "x",
            "Why? because",
            "#",
            "_",
            "...",
            "\u{b}",
            "\u{c}",
        ];
        let mut seed: u64 = 4242;
        for _ in 0..30_000 {
            let text = random_text(&mut seed, &pieces, 59);
            let general: Vec<(usize, &str)> =
                unicode_segmentation::UnicodeSegmentation::split_sentence_bound_indices(
                    text.as_str(),
                )
                .collect();
            assert_eq!(super::sentence_bounds(&text).collect::<Vec<_>>(), general, "{text:?}");
        }
    }

    /// Long runs after a full stop (spaces, closing marks) are segmented like any text, in
    /// linear time. (unicode-segmentation 1.13 takes quadratic time on such runs: seconds
    /// for 20,000 spaces; so the comparison with it uses a short run.)
    #[test]
    fn long_runs_after_a_full_stop() {
        let short = format!("It grew.{}then {}x. Next.", " ".repeat(300), ")".repeat(300));
        let general: Vec<(usize, &str)> =
            unicode_segmentation::UnicodeSegmentation::split_sentence_bound_indices(short.as_str())
                .collect();
        assert_eq!(super::sentence_bounds(&short).collect::<Vec<_>>(), general);
        // A lower-case word after the full stop continues the sentence (SB8), so the first
        // sentence runs to "x. " and "Next." is the second.
        let long = format!("It grew.{}then {}x. Next.", " ".repeat(200_000), ")".repeat(1000));
        let split = long.len() - "Next.".len();
        assert_eq!(
            super::sentence_bounds(&long).collect::<Vec<_>>(),
            vec![(0, &long[..split]), (split, &long[split..])]
        );
    }

    /// Non-ASCII texts get exactly the sentences of unicode-segmentation: random texts of
    /// letters (ASCII and not), terminators, separators, spaces, closing marks and runs of
    /// them. (`segment.rs` compares every code point in context.)
    #[test]
    fn general_sentences_match_the_unicode_segmenter() {
        let pieces = [
            "a",
            "B",
            "é",
            "Ñ",
            "7",
            "ж",
            "中",
            ".",
            "!",
            "?",
            "。",
            ",",
            "-",
            ":",
            "\n",
            "\r\n",
            "\u{85}",
            "\u{2029}",
            " ",
            "   ",
            "\u{a0}\u{a0}\u{a0}",
            "\u{3000}\u{3000}\u{3000}",
            "\u{2003}\u{2003}\u{2003}",
            "\t",
            "\u{202f}",
            ")))",
            "\"",
            "'",
            "«",
            "»",
            "“",
            "”",
            "「",
            "」",
            "（",
            "）",
            "]]]",
            "\u{301}\u{301}\u{301}",
            "\u{200d}",
            "\u{ad}",
            "\u{feff}",
            "\u{fe0f}",
            "---",
            "***",
            "#",
            "€€€€",
            "\u{200b}\u{200b}\u{200b}",
            "e.g. ",
            "Dr. Lee",
            "3.5",
            "😀",
            "😀😀😀😀",
        ];
        let mut seed: u64 = 7;
        for _ in 0..30_000 {
            let text = random_text(&mut seed, &pieces, 59);
            let general: Vec<(usize, &str)> =
                unicode_segmentation::UnicodeSegmentation::split_sentence_bound_indices(
                    text.as_str(),
                )
                .collect();
            assert_eq!(super::sentence_bounds(&text).collect::<Vec<_>>(), general, "{text:?}");
        }
    }

    /// Long runs of every kind of space (and closing marks, and one combining mark) after a
    /// full stop in non-ASCII text: linear time (unicode-segmentation takes seconds to minutes;
    /// `benches/hostile.rs` prints the time), and the sentences a reader sees. "Café." and
    /// the run are one sentence (spaces and closing marks stay with the sentence they follow,
    /// UAX #29 SB9/SB10), "Light grows." is the second; three words.
    #[test]
    fn long_runs_of_any_space_after_non_ascii_text() {
        for run in [" ", "\u{a0}", "\u{3000}", "\u{2003}", "\t", ")", "\u{301}", " \u{301}"] {
            let text = format!("Café.{} Light grows.", run.repeat(100_000));
            let split = text.len() - "Light grows.".len();
            assert_eq!(
                super::sentence_bounds(&text).collect::<Vec<_>>(),
                vec![(0, &text[..split]), (split, &text[split..])],
                "{:?}",
                run
            );
            assert_eq!(sentence_count(&text), 2);
            assert_eq!(words(&text).len(), 3);
        }
    }

    /// The ASCII path gives exactly the words the general segmenter gives.
    #[test]
    fn ascii_words_match_the_unicode_segmenter() {
        let pieces = [
            "a", "B", "7", "_", ":", ".", "'", ",", ";", " ", "  ", "\n", "\r\n", "-", "\"",
            "e.g.", "3.5", "1,000", "don't", "x_y", "?", "!", "(", "\t", "U.S.", "1;2", "a:b",
        ];
        let mut seed: u64 = 99;
        for _ in 0..20_000 {
            let text = random_text(&mut seed, &pieces, 60);
            let mut general = Vec::new();
            let mut utf16 = super::Utf16Cursor::default();
            for (start, segment) in
                unicode_segmentation::UnicodeSegmentation::split_word_bound_indices(text.as_str())
            {
                if segment.chars().any(char::is_alphanumeric) {
                    let end = start + segment.len();
                    let (s, e) = (utf16.advance_to(&text, start), utf16.advance_to(&text, end));
                    general.push(super::Word {
                        text: segment,
                        byte_start: start,
                        byte_end: end,
                        utf16_start: s,
                        utf16_end: e,
                    });
                }
            }
            assert_eq!(super::ascii_words(&text), general, "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn words_carry_utf16_offsets() {
        // "é" is one UTF-16 unit but two bytes; "🧪" is two UTF-16 units and four bytes.
        let text = "Café 🧪 data, l'eau";
        let ws = words(text);
        let found: Vec<(&str, u32, u32)> =
            ws.iter().map(|w| (w.text, w.utf16_start, w.utf16_end)).collect();
        assert_eq!(found, vec![("Café", 0, 4), ("data", 8, 12), ("l'eau", 14, 19)]);
    }

    #[test]
    fn a_full_stop_run_into_a_word_splits_it() {
        // Two letters before the stop and a letter after: two words. One letter before
        // (e.g., U.S.A.) or digits (3.5) keep the word whole; so does a stop at the end.
        let text = "out of the cell.tRNA brings it, e.g. to the U.S.A. at 3.5 cm.Osmosis";
        let found: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(
            found,
            [
                "out", "of", "the", "cell", "tRNA", "brings", "it", "e.g", "to", "the", "U.S.A",
                "at", "3.5", "cm", "Osmosis"
            ]
        );
        // Offsets of the parts, in bytes and in UTF-16 ("é" is 2 bytes, 1 unit; "🧪" 4 and 2).
        let text = "🧪 café.Ósmosis";
        let ws = words(text);
        let found: Vec<(&str, usize, usize, u32, u32)> = ws
            .iter()
            .map(|w| (w.text, w.byte_start, w.byte_end, w.utf16_start, w.utf16_end))
            .collect();
        assert_eq!(found, [("café", 5, 10, 3, 7), ("Ósmosis", 11, 19, 8, 15)]);
        // Sentences are as before: no sentence break inside "cell.tRNA".
        assert_eq!(sentence_count("out of the cell.tRNA brings it."), 1);
    }

    #[test]
    fn utf16_length_from_bytes() {
        for text in ["", "plain", "Café 🧪 data", "año, pingüino 😀😀"] {
            assert_eq!(utf16_len(text) as usize, text.encode_utf16().count());
        }
    }

    #[test]
    fn counts_no_sentences_in_blank_text() {
        assert_eq!(sentence_count(""), 0);
        assert_eq!(sentence_count(" \n\n 🌱 "), 0);
    }

    #[test]
    fn counts_sentences_and_paragraphs() {
        let text = "The plant grew 4 cm. Why? Light.\n\n  \nSecond paragraph here.\nStill second.\n\nThird.";
        // The cat… / Why? / Light. / Second paragraph here. / Still second. / Third.
        assert_eq!(sentence_count(text), 6);
        assert_eq!(paragraph_count(text), 3);
        assert_eq!(words(text).len(), 13);
    }
}
