//! The engine's words for an indicator when the rubric gives none: an action built from the
//! check (next steps) and a sentence naming what was done (strengths).
//!
//! The outcome says what was measured (`found`: the word count, the grade estimate…) and,
//! for `allOf` phrases, which phrases are still `missing`, so actions can be exact: "Add
//! about 60 more words", "Use a word like “precipitation”".

use super::messages::{render, Key};
use super::Locale;
use crate::evidence::Outcome;
use crate::rubric::model::{Check, Indicator};
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
    indicator.check.action(&Action {
        locale,
        label: indicator.label.as_deref(),
        title: criterion_title,
        outcome: Some(outcome),
    })
}

/// What a check type's `action` words its next step with.
pub(crate) struct Action<'a> {
    pub locale: Locale,
    /// The indicator's student-facing name, if the rubric gives one.
    pub label: Option<&'a str>,
    /// The criterion's title.
    pub title: &'a str,
    /// The indicator's outcome; `None` for the inner checks of `all`/`any`, whose own
    /// outcomes are not kept.
    pub outcome: Option<&'a Outcome>,
}

impl Action<'_> {
    /// The engine's sentence `key` with its blanks filled.
    pub fn say(&self, key: Key, args: &[(&str, &str)]) -> String {
        render(self.locale, key, args)
    }

    /// The measured quantity of the outcome (see `Outcome::found`).
    pub fn found(&self) -> Option<f64> {
        self.outcome.map(|o| o.found)
    }

    /// The `criterion` blank.
    pub fn criterion(&self) -> (&'static str, &str) {
        ("criterion", self.title)
    }

    /// "Add {label}", or a generic step for the criterion.
    pub fn label_or(&self) -> String {
        match self.label {
            Some(label) => self.say(Key::StepAddLabel, &[("label", label)]),
            None => self.say(Key::StepOther, &[self.criterion()]),
        }
    }

    /// A combinator's step: "Add {label}", or the first inner check's step, or a generic one.
    pub fn first_of(&self, checks: &[Check]) -> String {
        match (self.label, checks.first()) {
            (Some(_), _) | (None, None) => self.label_or(),
            (None, Some(first)) => first.action(&Action { label: None, outcome: None, ..*self }),
        }
    }
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
    let key = indicator.check.strength()?;
    Some(render(locale, key, &[("criterion", criterion_title)]))
}
