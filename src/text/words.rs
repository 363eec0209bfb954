//! Words, sentences and paragraphs, by Unicode segmentation (UAX #29), with UTF-16 offsets.

use unicode_segmentation::UnicodeSegmentation;

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

/// The words of `text` in order (segments that contain a letter or a digit).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut utf16 = Utf16Cursor::default();
    for (start, segment) in text.split_word_bound_indices() {
        if !segment.chars().any(char::is_alphanumeric) {
            continue;
        }
        let end = start + segment.len();
        let utf16_start = utf16.advance_to(text, start);
        let utf16_end = utf16.advance_to(text, end);
        out.push(Word { text: segment, byte_start: start, byte_end: end, utf16_start, utf16_end });
    }
    out
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
    text.as_bytes().iter().map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0)).sum()
}

/// Number of sentences: UAX #29 sentence segments that contain a word.
pub fn sentence_count(text: &str) -> usize {
    // A plain loop: unicode-segmentation 1.13's `size_hint` for sentences underflows (and
    // panics in debug builds) on some texts, and `filter().count()` asks for it.
    let mut count = 0;
    for sentence in text.unicode_sentences() {
        if sentence.chars().any(char::is_alphanumeric) {
            count += 1;
        }
    }
    count
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
    use super::*;

    #[test]
    fn words_carry_utf16_offsets() {
        // "é" is one UTF-16 unit but two bytes; "🧪" is two UTF-16 units and four bytes.
        let text = "Café 🧪 data, l'eau";
        let ws = words(text);
        let found: Vec<(&str, u32, u32)> = ws.iter().map(|w| (w.text, w.utf16_start, w.utf16_end)).collect();
        assert_eq!(found, vec![("Café", 0, 4), ("data", 8, 12), ("l'eau", 14, 19)]);
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
