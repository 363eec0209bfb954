//! Readability: syllable counting per language and a grade-level estimate per locale.
//!
//! - English (and every locale without a formula of its own): Flesch–Kincaid grade,
//!   `0.39 × words/sentences + 11.8 × syllables/words − 15.59`.
//! - Spanish: the Szigriszt–Pazos perspicuity `P = 206.835 − 62.3 × syllables/words −
//!   words/sentences`, placed on grades through the INFLESZ bands (Barrio-Cantalejo et al.,
//!   2008), which name the school stage each band suits: P 80 and above *muy fácil*
//!   (primaria), 65–80 *bastante fácil* (end of primaria), 55–65 *normal* (ESO, grades 7–10),
//!   40–55 *algo difícil* (bachillerato, grades 11–12), below 40 *muy difícil* (university).
//!   The grade is linear between the anchors P 80 → 4, 65 → 7, 55 → 10, 40 → 12, 20 → 16,
//!   and continues the nearest slope beyond them, so it reads like a US grade level.
//!
//! Syllables: English counts vowel groups with corrections for a silent final `e` and `-ed`;
//! Spanish counts vowel nuclei, joining diphthongs (a weak vowel i/u/ü beside another vowel)
//! and splitting hiatus (two strong vowels a/e/o, or an accented í/ú); other languages count
//! vowel groups.

use super::words::{sentence_count, words};

/// Which syllable counter and grade formula a locale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    FleschKincaid,
    SzigrisztInflesz,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyllableRules {
    English,
    Spanish,
    VowelGroups,
}

/// The syllable rules of a locale.
pub fn syllable_rules(locale: &str) -> SyllableRules {
    match super::language(locale).as_str() {
        "en" => SyllableRules::English,
        "es" => SyllableRules::Spanish,
        _ => SyllableRules::VowelGroups,
    }
}

pub fn formula(locale: &str) -> Formula {
    match super::language(locale).as_str() {
        "es" => Formula::SzigrisztInflesz,
        _ => Formula::FleschKincaid,
    }
}

/// Syllables of one word (at least 1 for a word with a letter; digits count as one).
pub fn syllables(word: &str, rules: SyllableRules) -> u32 {
    let lower = word.to_lowercase();
    let n = match rules {
        SyllableRules::English => english(&lower),
        SyllableRules::Spanish => spanish(&lower),
        SyllableRules::VowelGroups => vowel_groups(&lower, is_vowel),
    };
    n.max(1)
}

fn is_vowel(c: char) -> bool {
    matches!(super::normalize::fold_char(c), Some('a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

fn vowel_groups(word: &str, vowel: fn(char) -> bool) -> u32 {
    let mut count = 0;
    let mut previous = false;
    for c in word.chars() {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    count
}

fn english(word: &str) -> u32 {
    let mut word = word;
    while let Some(stem) = word.strip_suffix("'s") {
        word = stem;
    }
    let word = word.trim_end_matches('\'');
    let mut count = vowel_groups(word, |c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let consonant = |c: char| c.is_alphabetic() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    if n >= 3 && count > 1 {
        // A silent final e ("make", "phase"), but "table", "people" keep theirs.
        if chars[n - 1] == 'e'
            && consonant(chars[n - 2])
            && !(chars[n - 2] == 'l' && consonant(chars[n - 3]))
        {
            count -= 1;
        } else if chars[n - 1] == 'd'
            && chars[n - 2] == 'e'
            && !matches!(chars[n - 3], 't' | 'd')
            && consonant(chars[n - 3])
        {
            // "-ed" is silent after most consonants ("measured", "jumped") but not in "wanted".
            count -= 1;
        } else if chars[n - 1] == 's'
            && chars[n - 2] == 'e'
            && consonant(chars[n - 3])
            && !matches!(chars[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h')
        {
            // "makes", "phases"? "-es" after s/x/z/ch/sh/ge/ce is a syllable; otherwise silent.
            count -= 1;
        }
    }
    count
}

fn spanish(word: &str) -> u32 {
    #[derive(Clone, Copy, PartialEq)]
    enum V {
        Strong,
        Weak,
        StressedWeak,
        No,
    }
    let kind = |c: char| match c {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => V::Strong,
        'i' | 'u' | 'ü' => V::Weak,
        'í' | 'ú' => V::StressedWeak,
        _ => V::No,
    };
    let chars: Vec<char> = word.chars().collect();
    let mut count = 0;
    let mut previous = V::No;
    for (i, &c) in chars.iter().enumerate() {
        let mut k = kind(c);
        // "y" is a vowel at the end of a word ("hoy", "muy") or alone ("y").
        if c == 'y' && i + 1 == chars.len() {
            k = if previous == V::No { V::Strong } else { V::Weak };
        }
        let new_nucleus = match (previous, k) {
            (_, V::No) => false,
            (V::No, _) => true,
            (V::Strong, V::Strong) => true,
            (V::StressedWeak, _) | (_, V::StressedWeak) => true,
            _ => false,
        };
        if new_nucleus {
            count += 1;
        }
        previous = k;
    }
    count
}

/// Counts behind a grade estimate, additive over paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextCounts {
    pub words: u32,
    pub sentences: u32,
    pub syllables: u32,
    /// Words that belong to the task's own vocabulary (the off-task guard).
    pub on_task: u32,
    /// Sentences found to be keyword lists rather than writing (their evidence dropped).
    pub lists: u32,
}

impl TextCounts {
    pub fn of(text: &str, locale: &str) -> Self {
        let rules = syllable_rules(locale);
        let ws = words(text);
        TextCounts {
            words: ws.len() as u32,
            sentences: sentence_count(text) as u32,
            syllables: ws.iter().map(|w| syllables(w.text, rules)).sum(),
            ..TextCounts::default()
        }
    }

    pub fn add(&mut self, other: TextCounts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
        self.on_task += other.on_task;
        self.lists += other.lists;
    }

    /// Takes away counts added earlier (a part of the text that changed).
    pub fn sub(&mut self, other: TextCounts) {
        self.words -= other.words;
        self.sentences -= other.sentences;
        self.syllables -= other.syllables;
        self.on_task -= other.on_task;
        self.lists -= other.lists;
    }

    /// The grade estimate of these counts under a locale's formula (0 for a text without words).
    pub fn grade(&self, formula: Formula) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = f64::from(self.words);
        let per_sentence = words / f64::from(self.sentences.max(1));
        let per_word = f64::from(self.syllables) / words;
        match formula {
            Formula::FleschKincaid => 0.39 * per_sentence + 11.8 * per_word - 15.59,
            Formula::SzigrisztInflesz => inflesz_grade(206.835 - 62.3 * per_word - per_sentence),
        }
    }
}

/// Grade of a Szigriszt–Pazos perspicuity, by the INFLESZ anchors of the module notes.
fn inflesz_grade(p: f64) -> f64 {
    const ANCHORS: [(f64, f64); 5] =
        [(80.0, 4.0), (65.0, 7.0), (55.0, 10.0), (40.0, 12.0), (20.0, 16.0)];
    let segment = ANCHORS.windows(2).find(|w| p >= w[1].0).unwrap_or(&ANCHORS[3..5]);
    let ((p0, g0), (p1, g1)) = (segment[0], segment[1]);
    g0 + (p - p0) * (g1 - g0) / (p1 - p0)
}

/// The grade-level estimate of a text for a locale (see the module notes for the formulas).
pub fn grade_level(text: &str, locale: &str) -> f64 {
    TextCounts::of(text, locale).grade(formula(locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables() {
        for (w, n) in [
            ("measured", 2),
            ("wanted", 2),
            ("table", 2),
            ("make", 1),
            ("photosynthesis", 5),
            ("the", 1),
            ("data", 2),
            ("people", 2),
            ("boxes", 2),
            ("plants", 1),
        ] {
            assert_eq!(syllables(w, SyllableRules::English), n, "{w}");
        }
    }

    #[test]
    fn spanish_syllables() {
        // fo-to-sín-te-sis 5; ai-re 2; pa-ís 2 (hiatus by the accent); cie-lo 2;
        // le-ón 2 (two strong vowels); buey 1 (triphthong); ca-mi-ón 3; hoy 1; y 1.
        for (w, n) in [
            ("fotosíntesis", 5),
            ("aire", 2),
            ("país", 2),
            ("cielo", 2),
            ("león", 2),
            ("buey", 1),
            ("camión", 2),
            ("hoy", 1),
            ("y", 1),
            ("agua", 2),
        ] {
            assert_eq!(syllables(w, SyllableRules::Spanish), n, "{w}");
        }
    }

    #[test]
    fn flesch_kincaid_by_hand() {
        // "The cat sat on the mat. The dog ran." 9 words, 2 sentences, 9 syllables:
        // 0.39 × 4.5 + 11.8 × 1 − 15.59 = 1.755 + 11.8 − 15.59 = −2.035.
        let g = grade_level("The cat sat on the mat. The dog ran.", "en");
        assert!((g - -2.035).abs() < 1e-9, "{g}");
    }

    #[test]
    fn inflesz_by_hand() {
        // "La planta crece con la luz del sol." 8 words, 1 sentence; syllables
        // la 1, plan-ta 2, cre-ce 2, con 1, la 1, luz 1, del 1, sol 1 = 10.
        // P = 206.835 − 62.3 × 1.25 − 8 = 120.96; above 80 the slope of 80→65 (0.2 grade a
        // point) continues: 4 − 40.96 × 0.2 = −4.19.
        let g = grade_level("La planta crece con la luz del sol.", "es");
        assert!((g - (4.0 - (120.96 - 80.0) * 0.2)).abs() < 1e-6, "{g}");
        assert!((inflesz_grade(55.0) - 10.0).abs() < 1e-9);
        assert!((inflesz_grade(47.5) - 11.0).abs() < 1e-9);
        assert!((inflesz_grade(10.0) - 18.0).abs() < 1e-9);
    }
}
