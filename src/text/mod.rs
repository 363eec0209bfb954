//! Text: segmentation into words, sentences and paragraphs with UTF-16 offsets,
//! normalization (case, accents), stemming, fuzzy distance, readability.

pub mod distance;
pub mod words;

/// Whether a Snowball stemmer exists for a locale (`en`, `es-MX`, …).
pub fn stemmer_available(locale: &str) -> bool {
    let lang = locale.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    matches!(
        lang.as_str(),
        "ar" | "da" | "nl" | "en" | "fi" | "fr" | "de" | "el" | "hu" | "it" | "no" | "nb" | "pt" | "ro" | "ru" | "es" | "sv" | "ta" | "tr"
    )
}
