//! The engine's own student-facing sentences, one catalog per locale with the same keys.
//!
//! A template names its blanks in braces (`{label}`); `render` fills them. The rubric's text
//! that fills a blank (labels, titles, phrases) is used as written. Catalogs are `match`es
//! over `Key`, so a key missing from one locale does not compile; the tests check that both
//! catalogs use the same blanks, differ from each other, and read at grade 6 or below.

mod en;
mod es;

use super::Locale;

/// Declares `Key` and `Key::ALL` from one list, so that no key can escape the catalog tests.
macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every sentence the engine writes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($(#[$doc])* $name,)* }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];
        }
    };
}

keys! {
    /// `{level}`: the target level's label.
    GoalSummary,
    /// Every criterion is at its top level.
    GoalTopReached,
    /// `{criterion}`: a checklist criterion's goal (it has no level wording).
    GoalChecklist,
    /// `{criterion}`, `{level}`: why a next step matters.
    StepReason,
    /// Strengths, when the indicator has no `praise` of its own.
    StrengthLabel,
    StrengthPhrases,
    StrengthLength,
    StrengthReadable,
    StrengthPattern,
    StrengthNumber,
    StrengthChoice,
    StrengthOther,
    /// Next steps, when the indicator has no `hint` of its own.
    StepPhraseLabel,
    StepPhrase,
    StepPhraseCount,
    StepPhrasesAll,
    StepMoreWordsLabel,
    StepMoreWords,
    StepFewerWords,
    StepMoreSentences,
    StepFewerSentences,
    StepMoreParagraphs,
    StepFewerParagraphs,
    StepSimpler,
    StepRicher,
    StepPatternLabel,
    StepPattern,
    StepNumberUnit,
    StepNumber,
    StepChoice,
    StepRatingTeacher,
    StepRatingPeer,
    StepRatingSelf,
    StepAvoidPhrase,
    StepAvoidLabel,
    StepAvoid,
    StepAddLabel,
    StepOther,
    /// The answer uses none of the task's words (the off-task guard).
    StepOnTask,
    /// Some evidence was a list of keywords rather than sentences.
    StepSentences,
    /// The title of a step about the whole answer.
    TaskTitle,
    /// Why an integrity step matters.
    TaskReason,
}

/// The template of `key` in `locale`, blanks unfilled.
pub fn template(locale: Locale, key: Key) -> &'static str {
    match locale {
        Locale::En => en::template(key),
        Locale::Es => es::template(key),
    }
}

/// The sentence of `key` in `locale` with its blanks filled from `args` (`("label", "a claim")`).
/// A blank with no value is left out rather than shown in braces.
pub fn render(locale: Locale, key: Key, args: &[(&str, &str)]) -> String {
    let template = template(locale, key);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
                    out.push_str(value);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The blanks a template names, in order.
pub fn blanks(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogs_have_every_key_with_the_same_blanks() {
        for &key in Key::ALL {
            let (en, es) = (template(Locale::En, key), template(Locale::Es, key));
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{key:?} is empty");
            let (mut a, mut b) = (blanks(en), blanks(es));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{key:?}: the blanks differ between en and es");
            assert_ne!(en, es, "{key:?}: the Spanish catalog repeats the English text");
        }
    }

    #[test]
    fn render_fills_blanks_and_drops_unknown_ones() {
        let s = render(
            Locale::En,
            Key::StepMoreWordsLabel,
            &[("count", "60"), ("label", "a developed explanation")],
        );
        assert_eq!(s, "Add about 60 more words to give a developed explanation.");
        let s = render(
            Locale::Es,
            Key::StepMoreWordsLabel,
            &[("count", "60"), ("label", "una explicación completa")],
        );
        assert_eq!(s, "Agrega unas 60 palabras más para dar una explicación completa.");
        assert_eq!(blanks("a {x} b {y}"), vec!["x", "y"]);
    }
}
