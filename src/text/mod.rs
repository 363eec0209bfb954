//! Text: segmentation into words, sentences and paragraphs with UTF-16 offsets,
//! normalization (case, accents), stemming, fuzzy distance, readability, numbers.

pub mod distance;
pub mod normalize;
pub mod numbers;
pub mod readability;
mod segment;
mod segment_tables;
pub mod words;

use std::borrow::Cow;

/// A Snowball stemming algorithm. A copyable handle on pagefind_stem's (which derives nothing):
/// the student build has English and Spanish, `all-stemmers` (in `full`) every language here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Algorithm(u8);

#[allow(non_upper_case_globals)]
impl Algorithm {
    #[cfg(feature = "all-stemmers")]
    pub const Arabic: Algorithm = Algorithm(0);
    #[cfg(feature = "all-stemmers")]
    pub const Danish: Algorithm = Algorithm(1);
    #[cfg(feature = "all-stemmers")]
    pub const Dutch: Algorithm = Algorithm(2);
    pub const English: Algorithm = Algorithm(3);
    #[cfg(feature = "all-stemmers")]
    pub const Finnish: Algorithm = Algorithm(4);
    #[cfg(feature = "all-stemmers")]
    pub const French: Algorithm = Algorithm(5);
    #[cfg(feature = "all-stemmers")]
    pub const German: Algorithm = Algorithm(6);
    #[cfg(feature = "all-stemmers")]
    pub const Greek: Algorithm = Algorithm(7);
    #[cfg(feature = "all-stemmers")]
    pub const Hungarian: Algorithm = Algorithm(8);
    #[cfg(feature = "all-stemmers")]
    pub const Italian: Algorithm = Algorithm(9);
    #[cfg(feature = "all-stemmers")]
    pub const Norwegian: Algorithm = Algorithm(10);
    #[cfg(feature = "all-stemmers")]
    pub const Portuguese: Algorithm = Algorithm(11);
    #[cfg(feature = "all-stemmers")]
    pub const Romanian: Algorithm = Algorithm(12);
    #[cfg(feature = "all-stemmers")]
    pub const Russian: Algorithm = Algorithm(13);
    pub const Spanish: Algorithm = Algorithm(14);
    #[cfg(feature = "all-stemmers")]
    pub const Swedish: Algorithm = Algorithm(15);
    #[cfg(feature = "all-stemmers")]
    pub const Tamil: Algorithm = Algorithm(16);
    #[cfg(feature = "all-stemmers")]
    pub const Turkish: Algorithm = Algorithm(17);
}

/// Stems words with one algorithm (the calls of rust-stemmers' `Stemmer`, which this replaced).
pub struct Stemmer(pagefind_stem::Stemmer);

impl Stemmer {
    pub fn create(algorithm: Algorithm) -> Stemmer {
        let snowball = match algorithm.0 {
            #[cfg(feature = "all-stemmers")]
            0 => pagefind_stem::Algorithm::Arabic,
            #[cfg(feature = "all-stemmers")]
            1 => pagefind_stem::Algorithm::Danish,
            #[cfg(feature = "all-stemmers")]
            2 => pagefind_stem::Algorithm::Dutch,
            3 => pagefind_stem::Algorithm::English,
            #[cfg(feature = "all-stemmers")]
            4 => pagefind_stem::Algorithm::Finnish,
            #[cfg(feature = "all-stemmers")]
            5 => pagefind_stem::Algorithm::French,
            #[cfg(feature = "all-stemmers")]
            6 => pagefind_stem::Algorithm::German,
            #[cfg(feature = "all-stemmers")]
            7 => pagefind_stem::Algorithm::Greek,
            #[cfg(feature = "all-stemmers")]
            8 => pagefind_stem::Algorithm::Hungarian,
            #[cfg(feature = "all-stemmers")]
            9 => pagefind_stem::Algorithm::Italian,
            #[cfg(feature = "all-stemmers")]
            10 => pagefind_stem::Algorithm::Norwegian,
            #[cfg(feature = "all-stemmers")]
            11 => pagefind_stem::Algorithm::Portuguese,
            #[cfg(feature = "all-stemmers")]
            12 => pagefind_stem::Algorithm::Romanian,
            #[cfg(feature = "all-stemmers")]
            13 => pagefind_stem::Algorithm::Russian,
            14 => pagefind_stem::Algorithm::Spanish,
            #[cfg(feature = "all-stemmers")]
            15 => pagefind_stem::Algorithm::Swedish,
            #[cfg(feature = "all-stemmers")]
            16 => pagefind_stem::Algorithm::Tamil,
            #[cfg(feature = "all-stemmers")]
            17 => pagefind_stem::Algorithm::Turkish,
            // Only the constants above make an `Algorithm`, and each has its arm.
            _ => pagefind_stem::Algorithm::English,
        };
        Stemmer(pagefind_stem::Stemmer::create(snowball))
    }

    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.0.stem(word)
    }
}

/// The language part of a locale tag, lowercased (`es-MX` → `es`).
pub fn language(locale: &str) -> String {
    locale.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// The Snowball stemmer of a locale, if this build has one (`en` and `es` always; the other
/// languages with the `all-stemmers` feature, which `full` turns on).
pub fn stemmer_for(locale: &str) -> Option<Algorithm> {
    Some(match language(locale).as_str() {
        #[cfg(feature = "all-stemmers")]
        "ar" => Algorithm::Arabic,
        #[cfg(feature = "all-stemmers")]
        "da" => Algorithm::Danish,
        #[cfg(feature = "all-stemmers")]
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        #[cfg(feature = "all-stemmers")]
        "fi" => Algorithm::Finnish,
        #[cfg(feature = "all-stemmers")]
        "fr" => Algorithm::French,
        #[cfg(feature = "all-stemmers")]
        "de" => Algorithm::German,
        #[cfg(feature = "all-stemmers")]
        "el" => Algorithm::Greek,
        #[cfg(feature = "all-stemmers")]
        "hu" => Algorithm::Hungarian,
        #[cfg(feature = "all-stemmers")]
        "it" => Algorithm::Italian,
        #[cfg(feature = "all-stemmers")]
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        #[cfg(feature = "all-stemmers")]
        "pt" => Algorithm::Portuguese,
        #[cfg(feature = "all-stemmers")]
        "ro" => Algorithm::Romanian,
        #[cfg(feature = "all-stemmers")]
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        #[cfg(feature = "all-stemmers")]
        "sv" => Algorithm::Swedish,
        #[cfg(feature = "all-stemmers")]
        "ta" => Algorithm::Tamil,
        #[cfg(feature = "all-stemmers")]
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// The languages that have a Snowball stemmer in the `all-stemmers` build.
pub const STEMMER_LANGUAGES: [&str; 20] = [
    "ar", "da", "nl", "en", "fi", "fr", "de", "el", "hu", "it", "no", "nb", "nn", "pt", "ro", "ru",
    "es", "sv", "ta", "tr",
];

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
        assert_eq!(stemmer_available("nb_NO"), cfg!(feature = "all-stemmers"));
        assert!(!stemmer_available("ja"));
        let stem = |locale: &str, w: &str| {
            Stemmer::create(stemmer_for(locale).unwrap()).stem(w).into_owned()
        };
        // Snowball English: measured, measuring, measurement all reduce to "measur".
        assert_eq!(stem("en", "measured"), "measur");
        assert_eq!(stem("en", "measurement"), "measur");
        assert_eq!(stem("es", "fotosíntesis"), stem("es", "fotosintesis"));
    }
}
