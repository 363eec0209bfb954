//! The engine's words for an indicator when the rubric gives none: an action built from the
//! check (next steps) and a sentence naming what was done (strengths).
//!
//! Outcomes do not carry the measured counts, so "how many more words" is read back from
//! closeness, which a count check sets to `count / min` when below its minimum.

use super::messages::{render, Key};
use super::Locale;
use crate::evidence::Outcome;
use crate::rubric::model::{Check, Indicator, Range, Rater};
use crate::scoring::CompiledRubric;

/// The rubric's indicators in compiled order (criteria, then their indicators).
pub(super) fn indicator_models(rubric: &CompiledRubric) -> Vec<&Indicator> {
    rubric.rubric.criteria.iter().flat_map(|c| c.indicators.iter()).collect()
}

/// One concrete action toward meeting `indicator`: its hint, or a message from its check.
pub(super) fn action(locale: Locale, indicator: &Indicator, criterion_title: &str, outcome: &Outcome) -> String {
    if let Some(hint) = indicator.hint.as_deref().filter(|h| !h.trim().is_empty()) {
        return hint.to_string();
    }
    from_check(locale, &indicator.check, indicator.label.as_deref(), criterion_title, outcome.closeness)
}

fn from_check(locale: Locale, check: &Check, label: Option<&str>, title: &str, closeness: f64) -> String {
    let say = |key: Key, args: &[(&str, &str)]| render(locale, key, args);
    let criterion = ("criterion", title);
    match check {
        Check::Phrases { any_of, all_of, min_count, .. } => {
            if all_of.len() > 1 {
                let list: Vec<String> = all_of.iter().map(|p| format!("“{}”", display_phrase(p))).collect();
                return say(Key::StepPhrasesAll, &[("phrases", &list.join(", "))]);
            }
            let list = if all_of.is_empty() { any_of } else { all_of };
            let phrase = pick_phrase(list);
            if *min_count > 1 {
                say(Key::StepPhraseCount, &[("phrase", &phrase), ("count", &min_count.to_string())])
            } else if let Some(label) = label {
                say(Key::StepPhraseLabel, &[("phrase", &phrase), ("label", label)])
            } else {
                say(Key::StepPhrase, &[("phrase", &phrase), criterion])
            }
        }
        Check::WordCount(range) => match direction(range, closeness) {
            Some(Direction::More(min)) => {
                let count = about(words_missing(min, closeness)).to_string();
                match label {
                    Some(label) => say(Key::StepMoreWordsLabel, &[("count", &count), ("label", label)]),
                    None => say(Key::StepMoreWords, &[("count", &count)]),
                }
            }
            Some(Direction::Fewer(max)) => say(Key::StepFewerWords, &[("count", &max.to_string())]),
            None => label_or(locale, label, title),
        },
        Check::SentenceCount(range) => match direction(range, closeness) {
            Some(Direction::More(min)) => say(Key::StepMoreSentences, &[("count", &min.to_string())]),
            Some(Direction::Fewer(max)) => say(Key::StepFewerSentences, &[("count", &max.to_string())]),
            None => label_or(locale, label, title),
        },
        Check::ParagraphCount(range) => match direction(range, closeness) {
            Some(Direction::More(min)) => say(Key::StepMoreParagraphs, &[("count", &min.to_string())]),
            Some(Direction::Fewer(max)) => say(Key::StepFewerParagraphs, &[("count", &max.to_string())]),
            None => label_or(locale, label, title),
        },
        // Without the measured grade we cannot tell which side of a two-sided range the text
        // fell on; students more often write too densely than too simply.
        Check::Readability { min_grade: Some(_), max_grade: None } => say(Key::StepRicher, &[]),
        Check::Readability { .. } => say(Key::StepSimpler, &[]),
        Check::Pattern { .. } => match label {
            Some(label) => say(Key::StepPatternLabel, &[("label", label)]),
            None => say(Key::StepPattern, &[criterion]),
        },
        // Never the expected value itself: that would hand over the answer.
        Check::Number { unit: Some(unit), .. } => say(Key::StepNumberUnit, &[("unit", unit)]),
        Check::Number { .. } => say(Key::StepNumber, &[]),
        Check::Choice { .. } => say(Key::StepChoice, &[]),
        Check::Rating { from, .. } => match from {
            Rater::Teacher => say(Key::StepRatingTeacher, &[criterion]),
            Rater::Peer => say(Key::StepRatingPeer, &[criterion]),
            Rater::SelfRating => say(Key::StepRatingSelf, &[criterion]),
        },
        Check::Not { check } => match (check.as_ref(), label) {
            (Check::Phrases { any_of, all_of, .. }, _) if !any_of.is_empty() || !all_of.is_empty() => {
                let list = if any_of.is_empty() { all_of } else { any_of };
                say(Key::StepAvoidPhrase, &[("phrase", &pick_phrase(list))])
            }
            (_, Some(label)) => say(Key::StepAvoidLabel, &[("label", label)]),
            (_, None) => say(Key::StepAvoid, &[criterion]),
        },
        Check::All { checks } | Check::Any { checks } => match (label, checks.first()) {
            (Some(label), _) => say(Key::StepAddLabel, &[("label", label)]),
            (None, Some(first)) => from_check(locale, first, None, title, 0.0),
            (None, None) => say(Key::StepOther, &[criterion]),
        },
    }
}

fn label_or(locale: Locale, label: Option<&str>, title: &str) -> String {
    match label {
        Some(label) => render(locale, Key::StepAddLabel, &[("label", label)]),
        None => render(locale, Key::StepOther, &[("criterion", title)]),
    }
}

enum Direction {
    More(u64),
    Fewer(u64),
}

/// Whether an unmet count check wants more or fewer. A count below its minimum has
/// closeness `count / min`; any other miss has 0.5, so with both bounds a closeness of
/// exactly 0.5 cannot be placed and gets no direction.
fn direction(range: &Range, closeness: f64) -> Option<Direction> {
    match (range.min, range.max) {
        (Some(min), None) => Some(Direction::More(min)),
        (None, Some(max)) => Some(Direction::Fewer(max)),
        (Some(min), Some(max)) => {
            if (closeness - 0.5).abs() > 1e-9 {
                Some(Direction::More(min))
            } else if min == 0 || max == 0 {
                Some(Direction::Fewer(max))
            } else {
                None
            }
        }
        (None, None) => None,
    }
}

/// Words still missing below `min`, from closeness = count / min (at least one).
fn words_missing(min: u64, closeness: f64) -> u64 {
    let have = (closeness.clamp(0.0, 1.0) * min as f64).round() as u64;
    min.saturating_sub(have).max(1)
}

/// A round number for "about N": exact below 10, then to the nearest ten.
fn about(n: u64) -> u64 {
    if n < 10 {
        n
    } else {
        (n + 5) / 10 * 10
    }
}

/// A phrase to show a student: the first one without a wildcard, first alternative, as written.
fn pick_phrase(list: &[String]) -> String {
    list.iter()
        .find(|p| !first_alternative(p).contains('*'))
        .or(list.first())
        .map(|p| display_phrase(p))
        .unwrap_or_default()
}

fn first_alternative(phrase: &str) -> &str {
    phrase.split('|').next().unwrap_or(phrase).trim()
}

/// `measur*|weigh` → `measur…`: a wildcard shown as an ellipsis, other alternatives dropped.
fn display_phrase(phrase: &str) -> String {
    first_alternative(phrase).replace('*', "…")
}

/// The engine's sentence for a met indicator without `praise`; `None` when nothing specific
/// can be said (a `not` check or a rating is not something the text shows).
pub(super) fn strength_message(locale: Locale, indicator: &Indicator, criterion_title: &str) -> Option<String> {
    if let Some(praise) = indicator.praise.as_deref().filter(|p| !p.trim().is_empty()) {
        return Some(praise.to_string());
    }
    if let Some(label) = indicator.label.as_deref() {
        return Some(render(locale, Key::StrengthLabel, &[("label", label)]));
    }
    let key = match &indicator.check {
        Check::Phrases { .. } => Key::StrengthPhrases,
        Check::WordCount(_) | Check::SentenceCount(_) | Check::ParagraphCount(_) => Key::StrengthLength,
        Check::Readability { .. } => Key::StrengthReadable,
        Check::Pattern { .. } => Key::StrengthPattern,
        Check::Number { .. } => Key::StrengthNumber,
        Check::Choice { .. } => Key::StrengthChoice,
        Check::All { .. } | Check::Any { .. } => Key::StrengthOther,
        Check::Rating { .. } | Check::Not { .. } => return None,
    };
    Some(render(locale, key, &[("criterion", criterion_title)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_numbers_for_about() {
        assert_eq!(about(3), 3);
        assert_eq!(about(9), 9);
        assert_eq!(about(14), 10);
        assert_eq!(about(58), 60);
        assert_eq!(about(65), 70);
    }

    #[test]
    fn words_missing_from_closeness() {
        // 60 of 120 words: closeness 0.5, 60 missing.
        assert_eq!(words_missing(120, 0.5), 60);
        // 119 of 120 is clamped by evidence to 0.99: 118.8 rounds to 119, one missing.
        assert_eq!(words_missing(120, 0.99), 1);
        assert_eq!(words_missing(120, 0.0), 120);
    }

    #[test]
    fn phrases_shown_without_wildcards() {
        let list = vec!["measur*".to_string(), "because|since".to_string()];
        assert_eq!(pick_phrase(&list), "because");
        assert_eq!(pick_phrase(&["grow*|height".to_string()]), "grow…");
    }
}
