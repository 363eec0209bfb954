//! Random texts and edits for the property tests of the live session (`evidence_props`,
//! `rubric_language_props`): texts of words from a vocabulary joined by separators, edits
//! that delete and insert at a fraction of the text, applied by characters.

use proptest::prelude::*;

/// Up to `max_words` words of `vocabulary`, each followed by one of `separators`.
pub fn text(
    vocabulary: &'static [&'static str],
    separators: &'static [&'static str],
    max_words: usize,
) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(vocabulary), prop::sample::select(separators)),
        0..max_words,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// An edit: where (a fraction of the text), how many characters to delete (below
/// `max_delete`), what to insert (at most `max_insert` characters of such a text).
pub fn edit(
    vocabulary: &'static [&'static str],
    separators: &'static [&'static str],
    max_delete: usize,
    max_insert: usize,
) -> impl Strategy<Value = (f64, usize, String)> {
    (
        0.0..=1.0f64,
        0usize..max_delete,
        text(vocabulary, separators, 80).prop_map(move |t| t.chars().take(max_insert).collect()),
    )
}

/// `text` after the edit.
pub fn apply(text: &str, (at, delete, insert): &(f64, usize, String)) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = ((chars.len() as f64) * at) as usize;
    let end = (start + delete).min(chars.len());
    chars[..start]
        .iter()
        .copied()
        .chain(insert.chars())
        .chain(chars[end..].iter().copied())
        .collect()
}
