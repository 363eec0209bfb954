//! The student-facing `because` of a recommendation, in English and Spanish. Short
//! sentences and everyday words (a grade 6 reader at most); about the student's own work
//! only, never a comparison with other students.

use serde::{Deserialize, Serialize};

/// Languages the messages exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    /// `en`, `es`, or a regional tag of either (`es-MX`); `None` otherwise.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        match tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }
}

/// Why a competency was recommended, in the detail the message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Ready, with no prerequisites and no evidence yet.
    StartHere,
    /// Ready: every prerequisite mastered, no evidence yet.
    Unlocked,
    /// Ready: some evidence, not mastered yet.
    Started,
    /// Not mastered, but the value is within the margin below mastery.
    Close,
    /// Not mastered, further off, but rising.
    Rising,
    /// Mastered, but the recent evidence falls.
    Falling,
    /// Mastered, but the latest evidence is below mastery.
    LatestBelow,
    /// Mastered, but the latest evidence is this many days old.
    Stale(i64),
    /// Mastered, but the mastery method marked the evidence as old.
    StaleFlagged,
}

/// The message for `why` about the competency titled `title`.
pub fn because(why: Why, title: &str, locale: Locale) -> String {
    match locale {
        Locale::En => match why {
            Why::StartHere => format!("“{title}” is a good place to start. You do not need to learn anything else first."),
            Why::Unlocked => format!("You have learned the skills that come before “{title}”. Now you are ready to start it."),
            Why::Started => format!("You have started “{title}”. You know the skills it builds on, so keep going."),
            Why::Close => format!("You are close to your goal in “{title}”. One more good try can get you there."),
            Why::Rising => format!("Your work on “{title}” keeps getting better. Keep going to reach your goal."),
            Why::Falling => format!("Your last tries at “{title}” went down a bit. Practice it again to keep it strong."),
            Why::LatestBelow => format!("Your last try at “{title}” was below your goal. A little practice will help."),
            Why::Stale(1) => format!("It has been 1 day since you last showed “{title}”. Practice it so you do not forget it."),
            Why::Stale(days) => format!("It has been {days} days since you last showed “{title}”. Practice it so you do not forget it."),
            Why::StaleFlagged => format!("You have not shown “{title}” for a while. Practice it so you do not forget it."),
        },
        Locale::Es => match why {
            Why::StartHere => format!("«{title}» es un buen lugar para empezar. No necesitas aprender nada antes."),
            Why::Unlocked => format!("Ya aprendiste lo que viene antes de «{title}». Ahora puedes empezar."),
            Why::Started => format!("Ya empezaste «{title}». Sabes lo que necesitas para seguir, así que sigue adelante."),
            Why::Close => format!("Estás cerca de tu meta en «{title}». Un buen intento más te puede llevar allí."),
            Why::Rising => format!("Tu trabajo en «{title}» mejora cada vez. Sigue así para llegar a tu meta."),
            Why::Falling => format!("Tus últimos intentos en «{title}» bajaron un poco. Practica otra vez para no perderlo."),
            Why::LatestBelow => format!("Tu último intento en «{title}» quedó debajo de tu meta. Un poco de práctica te ayudará."),
            Why::Stale(1) => format!("Hace 1 día que no muestras «{title}». Practica otra vez para no olvidarlo."),
            Why::Stale(days) => format!("Hace {days} días que no muestras «{title}». Practica otra vez para no olvidarlo."),
            Why::StaleFlagged => format!("Hace tiempo que no muestras «{title}». Practica otra vez para no olvidarlo."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Why; 9] = [
        Why::StartHere,
        Why::Unlocked,
        Why::Started,
        Why::Close,
        Why::Rising,
        Why::Falling,
        Why::LatestBelow,
        Why::Stale(45),
        Why::StaleFlagged,
    ];

    /// Vowel groups, with a silent final "e": a rough but standard syllable count.
    fn syllables(word: &str) -> usize {
        let w: Vec<char> =
            word.to_lowercase().chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let vowel = |c: char| "aeiouy".contains(c);
        let mut count = 0;
        let mut previous = false;
        for &c in &w {
            let v = vowel(c);
            if v && !previous {
                count += 1;
            }
            previous = v;
        }
        if w.len() > 2 && w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) && count > 1 {
            count -= 1;
        }
        count.max(1)
    }

    /// Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
    fn grade(text: &str) -> f64 {
        let sentences = text.matches(['.', '!', '?']).count().max(1) as f64;
        let words: Vec<&str> = text.split_whitespace().collect();
        let syl: usize = words.iter().map(|w| syllables(w)).sum();
        0.39 * words.len() as f64 / sentences + 11.8 * syl as f64 / words.len() as f64 - 15.59
    }

    #[test]
    fn english_messages_read_at_grade_six_or_below() {
        // A short, typical title, so that the grade measures our words and not the title's.
        for why in ALL {
            let text = because(why, "Claim", Locale::En);
            let g = grade(&text);
            assert!(g <= 6.0, "grade {g:.1} for {text}");
        }
    }

    #[test]
    fn spanish_messages_are_short_and_every_message_differs() {
        let mut seen = std::collections::BTreeSet::new();
        for locale in [Locale::En, Locale::Es] {
            for why in ALL {
                let text = because(why, "Afirmación", locale);
                assert!(text.contains("Afirmación"), "{text}");
                for sentence in text.split(['.', '!']).filter(|s| !s.trim().is_empty()) {
                    assert!(sentence.split_whitespace().count() <= 14, "long sentence: {sentence}");
                }
                assert!(seen.insert(text));
            }
        }
        assert!(because(Why::Stale(45), "x", Locale::Es).contains("45 días"));
        assert!(because(Why::Stale(1), "x", Locale::Es).contains("1 día que"));
        assert!(because(Why::Stale(1), "x", Locale::En).contains("1 day since"));
    }

    #[test]
    fn no_message_compares_with_others() {
        for locale in [Locale::En, Locale::Es] {
            for why in ALL {
                let text = because(why, "t", locale).to_lowercase();
                for word in [
                    "class",
                    "others",
                    "classmates",
                    "average",
                    "clase",
                    "compañeros",
                    "promedio",
                    "otros",
                ] {
                    assert!(!text.contains(word), "{text}");
                }
            }
        }
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
