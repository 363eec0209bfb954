//! Feed back: what the work already does, one strength per met indicator, each tied to the
//! spans of text that show it. Criteria in rubric order, indicators in rubric order.

use super::actions::{indicator_models, strength_message};
use super::{Locale, Strength};
use crate::evidence::{Outcome, Span};
use crate::scoring::CompiledRubric;

pub(super) fn strengths(
    rubric: &CompiledRubric,
    outcomes: &[Outcome],
    locale: Locale,
) -> Vec<Strength> {
    let models = indicator_models(rubric);
    let mut out = Vec::new();
    for criterion in &rubric.criteria {
        for &i in &criterion.indicators {
            let (Some(outcome), Some(model)) = (outcomes.get(i), models.get(i)) else { continue };
            if !outcome.met {
                continue;
            }
            // Nothing specific to say (a `not` check, a rating) is better than vague praise.
            let Some(message) = strength_message(locale, model, &criterion.title) else { continue };
            let lang = match (&model.praise, &model.label) {
                (Some(t), _) | (None, Some(t)) => t.lang().to_string(),
                _ => locale.tag().to_string(),
            };
            out.push(Strength {
                criterion: criterion.id.clone(),
                indicator: model.id.clone(),
                message,
                lang,
                spans: strength_spans(&outcome.spans),
            });
        }
    }
    out
}

/// A strength's spans from its indicator's: in reading order (field, then position), so a
/// UI can walk the highlights from the top of the text.
pub fn strength_spans(spans: &[Span]) -> Vec<Span> {
    let mut spans = spans.to_vec();
    spans.sort_by(|a, b| (&a.field, a.start, a.end).cmp(&(&b.field, b.start, b.end)));
    spans.dedup();
    spans
}
