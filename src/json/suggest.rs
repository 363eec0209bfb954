//! "Did you mean" for misspelt keys and ids.

use crate::text::distance::levenshtein;

/// The closest candidate to `word`, if it is close enough to be a likely typo:
/// at most two edits, and fewer than half the word's letters.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let limit = 2.min(word.chars().count().saturating_sub(1) / 2 + 1);
    candidates
        .into_iter()
        .map(|c| (levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["descriptor", "points", "value", "requires", "student"];
        assert_eq!(did_you_mean("descripter", keys), Some("descriptor"));
        assert_eq!(did_you_mean("require", keys), Some("requires"));
        assert_eq!(did_you_mean("Points", keys), Some("points"));
        assert_eq!(did_you_mean("colour", keys), None);
        // one letter words are never "close" to anything longer than two letters
        assert_eq!(did_you_mean("v", keys), None);
    }
}
