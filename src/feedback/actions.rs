//! The engine's words for an indicator when the rubric gives none: an action built from the
//! check (next steps) and a sentence naming what was done (strengths).
//!
//! The outcome says what was measured (`found`: the word count, the grade estimate…) and,
//! for `allOf` phrases, which phrases are still `missing`, so actions can be exact: "Add
//! about 60 more words", "Use a word like “precipitation”".

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
pub(super) fn action(
    locale: Locale,
    indicator: &Indicator,
    criterion_title: &str,
    outcome: &Outcome,
) -> String {
    if let Some(hint) = indicator.hint.as_deref().filter(|h| !h.trim().is_empty()) {
        return hint.to_string();
    }
    from_check(locale, &indicator.check, indicator.label.as_deref(), criterion_title, Some(outcome))
}

/// The action for a check; `outcome` is `None` for the inner checks of `all`/`any`, whose
/// own outcomes are not kept.
fn from_check(
    locale: Locale,
    check: &Check,
    label: Option<&str>,
    title: &str,
    outcome: Option<&Outcome>,
) -> String {
    let found = outcome.map(|o| o.found);
    let say = |key: Key, args: &[(&str, &str)]| render(locale, key, args);
    let criterion = ("criterion", title);
    match check {
        Check::Phrases { any_of, all_of, min_count, .. } => {
            // allOf: only the phrases still missing (all of them when the outcome does not say).
            let missing: &[String] = match outcome {
                Some(o) if !all_of.is_empty() && !o.missing.is_empty() => &o.missing,
                _ => all_of,
            };
            if missing.len() > 1 {
                let list: Vec<String> =
                    missing.iter().map(|p| format!("“{}”", display_phrase(p))).collect();
                return say(Key::StepPhrasesAll, &[("phrases", &list.join(", "))]);
            }
            let list = if all_of.is_empty() { any_of } else { missing };
            let phrase = pick_phrase(list);
            if *min_count > 1 {
                say(Key::StepPhraseCount, &[("phrase", &phrase), ("count", &min_count.to_string())])
            } else if let Some(label) = label {
                say(Key::StepPhraseLabel, &[("phrase", &phrase), ("label", label)])
            } else {
                say(Key::StepPhrase, &[("phrase", &phrase), criterion])
            }
        }
        Check::WordCount(range) => match direction(range, found) {
            Some(Direction::More(min)) => {
                let count = about(words_missing(min, found)).to_string();
                match label {
                    Some(label) => {
                        say(Key::StepMoreWordsLabel, &[("count", &count), ("label", label)])
                    }
                    None => say(Key::StepMoreWords, &[("count", &count)]),
                }
            }
            Some(Direction::Fewer(max)) => say(Key::StepFewerWords, &[("count", &max.to_string())]),
            None => label_or(locale, label, title),
        },
        Check::SentenceCount(range) => match direction(range, found) {
            Some(Direction::More(min)) => {
                say(Key::StepMoreSentences, &[("count", &min.to_string())])
            }
            Some(Direction::Fewer(max)) => {
                say(Key::StepFewerSentences, &[("count", &max.to_string())])
            }
            None => label_or(locale, label, title),
        },
        Check::ParagraphCount(range) => match direction(range, found) {
            Some(Direction::More(min)) => {
                say(Key::StepMoreParagraphs, &[("count", &min.to_string())])
            }
            Some(Direction::Fewer(max)) => {
                say(Key::StepFewerParagraphs, &[("count", &max.to_string())])
            }
            None => label_or(locale, label, title),
        },
        // Below the minimum grade: richer; otherwise (above the maximum, or not measured:
        // students more often write too densely than too simply) plainer.
        Check::Readability { min_grade, max_grade } => {
            let below = match (found, min_grade) {
                (Some(grade), Some(min)) => grade < *min,
                (None, Some(_)) => max_grade.is_none(),
                _ => false,
            };
            say(if below { Key::StepRicher } else { Key::StepSimpler }, &[])
        }
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
            (Check::Phrases { any_of, all_of, .. }, _)
                if !any_of.is_empty() || !all_of.is_empty() =>
            {
                let list = if any_of.is_empty() { all_of } else { any_of };
                say(Key::StepAvoidPhrase, &[("phrase", &pick_phrase(list))])
            }
            (_, Some(label)) => say(Key::StepAvoidLabel, &[("label", label)]),
            (_, None) => say(Key::StepAvoid, &[criterion]),
        },
        // Named indicators are resolved to the most useful missing one by `next_steps`.
        Check::AtLeast { checks, .. } if checks.is_empty() => match label {
            Some(label) => say(Key::StepAddLabel, &[("label", label)]),
            None => say(Key::StepOther, &[criterion]),
        },
        Check::All { checks }
        | Check::Any { checks }
        | Check::AtLeast { checks, .. }
        | Check::Together { checks, .. } => match (label, checks.first()) {
            (Some(label), _) => say(Key::StepAddLabel, &[("label", label)]),
            (None, Some(first)) => from_check(locale, first, None, title, None),
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

/// Whether an unmet count check wants more or fewer, from the measured count. Without one
/// (an inner check of `all`/`any`), a one-sided range still says which way to go.
fn direction(range: &Range, found: Option<f64>) -> Option<Direction> {
    match (found, range.min, range.max) {
        (Some(n), Some(min), _) if n < min as f64 => Some(Direction::More(min)),
        (Some(n), _, Some(max)) if n > max as f64 => Some(Direction::Fewer(max)),
        (Some(_), _, _) => None,
        (None, Some(min), None) => Some(Direction::More(min)),
        (None, None, Some(max)) => Some(Direction::Fewer(max)),
        (None, _, _) => None,
    }
}

/// Words still missing below `min` (at least one; all of them when nothing was measured).
fn words_missing(min: u64, found: Option<f64>) -> u64 {
    let have = found.filter(|n| n.is_finite() && *n >= 0.0).map_or(0, |n| n.round() as u64);
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
pub(super) fn strength_message(
    locale: Locale,
    indicator: &Indicator,
    criterion_title: &str,
) -> Option<String> {
    if let Some(praise) = indicator.praise.as_deref().filter(|p| !p.trim().is_empty()) {
        return Some(praise.to_string());
    }
    if let Some(label) = indicator.label.as_deref() {
        return Some(render(locale, Key::StrengthLabel, &[("label", label)]));
    }
    let key = match &indicator.check {
        Check::Phrases { .. } => Key::StrengthPhrases,
        Check::WordCount(_) | Check::SentenceCount(_) | Check::ParagraphCount(_) => {
            Key::StrengthLength
        }
        Check::Readability { .. } => Key::StrengthReadable,
        Check::Pattern { .. } => Key::StrengthPattern,
        Check::Number { .. } => Key::StrengthNumber,
        Check::Choice { .. } => Key::StrengthChoice,
        Check::All { .. } | Check::Any { .. } | Check::AtLeast { .. } | Check::Together { .. } => {
            Key::StrengthOther
        }
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
    fn words_missing_from_the_count() {
        assert_eq!(words_missing(120, Some(60.0)), 60);
        assert_eq!(words_missing(120, Some(119.0)), 1);
        assert_eq!(words_missing(120, None), 120);
    }

    #[test]
    fn direction_from_the_count() {
        let both = Range { min: Some(50), max: Some(200) };
        assert!(matches!(direction(&both, Some(20.0)), Some(Direction::More(50))));
        assert!(matches!(direction(&both, Some(250.0)), Some(Direction::Fewer(200))));
        assert!(direction(&both, None).is_none());
        assert!(matches!(
            direction(&Range { min: None, max: Some(9) }, None),
            Some(Direction::Fewer(9))
        ));
    }

    #[test]
    fn phrases_shown_without_wildcards() {
        let list = vec!["measur*".to_string(), "because|since".to_string()];
        assert_eq!(pick_phrase(&list), "because");
        assert_eq!(pick_phrase(&["grow*|height".to_string()]), "grow…");
    }
}
