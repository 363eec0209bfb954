//! Feed back: what the work already does, one strength per met indicator, each tied to the
//! spans of text that show it. Criteria in rubric order, indicators in rubric order.

use super::actions::{indicator_models, strength_message};
use super::{Locale, Strength};
use crate::evidence::{Outcome, Span, Utf16};
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
    // Field by field (an indicator's spans are nearly always of one field), each field's
    // `(start, end)` pairs sorted as plain pairs: the order and the deduplication of sorting
    // whole spans, without a sort of spans of its own in the student wasm.
    let mut fields: Vec<&std::rc::Rc<str>> = Vec::new();
    for span in spans {
        if !fields.iter().any(|f| **f == span.field) {
            let at = fields.partition_point(|f| **f < span.field);
            fields.insert(at, &span.field);
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    for field in fields {
        let mut pairs: Vec<(Utf16, Utf16)> =
            spans.iter().filter(|s| s.field == *field).map(|s| (s.start, s.end)).collect();
        crate::evidence::order::sort_dedup(&mut pairs);
        out.extend(pairs.into_iter().map(|(start, end)| Span { field: field.clone(), start, end }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn strength_spans_come_in_reading_order_once_each() {
        let (response, notes) = (Rc::<str>::from("response"), Rc::<str>::from("notes"));
        let span = |field: &Rc<str>, start, end| Span {
            field: field.clone(),
            start: Utf16(start),
            end: Utf16(end),
        };
        // Another `Rc` of the same name counts as the same field.
        let response_again = Rc::<str>::from("response");
        let given = [
            span(&response, 40, 52),
            span(&notes, 9, 12),
            span(&response, 3, 8),
            span(&response_again, 40, 52),
            span(&response, 3, 5),
            span(&notes, 9, 12),
        ];
        let found: Vec<(String, u32, u32)> = strength_spans(&given)
            .iter()
            .map(|s| (s.field.to_string(), s.start.0, s.end.0))
            .collect();
        let expected =
            [("notes", 9, 12), ("response", 3, 5), ("response", 3, 8), ("response", 40, 52)];
        let expected: Vec<(String, u32, u32)> =
            expected.iter().map(|(f, a, b)| (f.to_string(), *a, *b)).collect();
        assert_eq!(found, expected);
    }
}
