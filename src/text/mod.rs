//! Text: segmentation into words, sentences and paragraphs with UTF-16 offsets,
//! normalization (case, accents), stemming, fuzzy distance, readability, numbers.

pub mod distance;
pub mod normalize;
pub mod numbers;
pub mod readability;
pub mod words;

use rust_stemmers::Algorithm;

/// The language part of a locale tag, lowercased (`es-MX` → `es`).
pub fn language(locale: &str) -> String {
    locale.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// The Snowball stemmer of a locale, if rust-stemmers has one.
pub fn stemmer_for(locale: &str) -> Option<Algorithm> {
    Some(match language(locale).as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Whether a Snowball stemmer exists for a locale (`en`, `es-MX`, …).
pub fn stemmer_available(locale: &str) -> bool {
    stemmer_for(locale).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemmers_by_locale() {
        assert!(stemmer_available("es-MX"));
        assert!(stemmer_available("EN"));
        assert!(stemmer_available("nb_NO"));
        assert!(!stemmer_available("ja"));
        let stem = |locale: &str, w: &str| {
            rust_stemmers::Stemmer::create(stemmer_for(locale).unwrap()).stem(w).into_owned()
        };
        // Snowball English: measured, measuring, measurement all reduce to "measur".
        assert_eq!(stem("en", "measured"), "measur");
        assert_eq!(stem("en", "measurement"), "measur");
        assert_eq!(stem("es", "fotosíntesis"), stem("es", "fotosintesis"));
    }
}
