//! Normalization of words before comparison: case folding and accent folding.
//!
//! Accent folding (a phrase check's `ignoreAccents`) removes diacritics from Latin letters:
//! `á→a`, `ü→u`, `ç→c`, and also `ñ→n`. Spanish treats ñ as a letter of its own, but the
//! option exists for students who type without accents (a keyboard without a Spanish layout,
//! a phone that did not autocorrect), and such a student writes `ano` for `año` just as they
//! write `fotosintesis` for `fotosíntesis`. A teacher who must tell *año* from *ano* leaves
//! `ignoreAccents` off (the default). Combining marks (U+0300–U+036F, text in NFD form) are
//! dropped, so decomposed and precomposed accents fold alike.

/// Folds the accents of a Latin letter; other characters come back as they are.
pub fn fold_char(c: char) -> Option<char> {
    let folded = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'í' | 'ì' | 'î' | 'ï' | 'ĩ' | 'ī' | 'į' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Į' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ú' | 'ù' | 'û' | 'ü' | 'ũ' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ř' => 'r',
        'Ř' => 'R',
        'ł' => 'l',
        'Ł' => 'L',
        '\u{0300}'..='\u{036F}' => return None,
        other => other,
    };
    Some(folded)
}

/// `text` without accents (see the module notes for what folds).
pub fn fold_accents(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars().filter_map(fold_char).collect()
}

/// How a word is normalized before comparison; one per distinct combination of a phrase
/// check's `caseSensitive`, `ignoreAccents` and `stem`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalization {
    pub case_sensitive: bool,
    pub ignore_accents: bool,
    pub stem: Option<crate::text::Algorithm>,
}

impl Normalization {
    /// The comparable form of a word: lowercased unless case-sensitive, stemmed when asked
    /// (the stemmer sees the lowercased word, or the word as written when case-sensitive),
    /// then accents folded when asked (after stemming, since Snowball knows the accents
    /// of its own language).
    pub fn apply(&self, word: &str) -> String {
        let mut out = if self.case_sensitive { word.to_string() } else { word.to_lowercase() };
        if let Some(algorithm) = self.stem {
            out = crate::text::Stemmer::create(algorithm).stem(&out).into_owned();
        }
        if self.ignore_accents {
            out = fold_accents(&out);
        }
        out
    }

    /// The same normalization without stemming (wildcard words compare with the word as
    /// written, not with its stem).
    pub fn unstemmed(self) -> Self {
        Normalization { stem: None, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spanish_and_decomposed_accents() {
        assert_eq!(fold_accents("fotosíntesis"), "fotosintesis");
        assert_eq!(fold_accents("Año pingüino"), "Ano pinguino");
        // "e" followed by U+0301 COMBINING ACUTE ACCENT is the NFD spelling of "é".
        assert_eq!(fold_accents("cafe\u{0301}"), "cafe");
    }

    #[test]
    fn normalizes_in_order() {
        let n = Normalization {
            case_sensitive: false,
            ignore_accents: true,
            stem: Some(crate::text::Algorithm::Spanish),
        };
        assert_eq!(n.apply("Fotosíntesis"), n.apply("fotosintesis"));
        let plain = Normalization { case_sensitive: true, ignore_accents: false, stem: None };
        assert_eq!(plain.apply("Data"), "Data");
    }
}
