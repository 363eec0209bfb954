//! What a check's `Evaluate::run` reads a field's analysed paragraphs through (totals and
//! hits added up, spans shifted to field offsets), and the verdicts check types share.

use super::paragraph::FieldEvidence;
use super::{Outcome, Span, Utf16};
use crate::rubric::model::Submission;
use crate::text::readability::Formula;

#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub submission: &'a Submission,
    pub field: &'a std::rc::Rc<str>,
    /// The field's text.
    pub text: &'a str,
    pub criterion: &'a str,
    pub evidence: &'a FieldEvidence,
    pub formula: Formula,
    /// Outcomes of the indicators an `atLeast` … `of` counts (judged before it).
    pub outcomes: &'a [Outcome],
    /// Inside `together`: only what lies within `[start, end)` of the field counts.
    pub range: Option<(u32, u32)>,
}

impl Context<'_> {
    pub(crate) fn span(&self, (start, end): (u32, u32)) -> Span {
        Span { field: self.field.clone(), start: Utf16(start), end: Utf16(end) }
    }

    pub(crate) fn inside(&self, (start, end): (u32, u32)) -> bool {
        self.range.is_none_or(|(a, b)| start >= a && end <= b)
    }

    /// The part of a list sorted by start that lies within the range.
    pub(crate) fn within<'h>(
        &self,
        hits: &'h [(u32, u32)],
    ) -> impl Iterator<Item = (u32, u32)> + 'h {
        let (a, b) = self.range.unwrap_or((0, u32::MAX));
        let from = hits.partition_point(|h| h.0 < a);
        hits[from..].iter().take_while(move |h| h.0 < b).filter(move |h| h.1 <= b).copied()
    }
}

/// `n` against optional bounds; closeness is the value over the bound it misses.
pub(crate) fn within(n: f64, min: Option<f64>, max: Option<f64>) -> Outcome {
    let below = min.is_some_and(|m| n < m);
    let above = max.is_some_and(|m| n > m);
    let closeness = match (below, above, min, max) {
        (true, _, Some(m), _) if m > 0.0 => n.max(0.0) / m,
        (_, true, _, Some(m)) if n > 0.0 => m.max(0.0) / n,
        _ => 0.0,
    };
    Outcome::verdict(!below && !above, closeness, n)
}

pub(crate) fn combine(met: bool, closeness: f64, found: f64, parts: Vec<Outcome>) -> Outcome {
    let mut outcome = Outcome::verdict(met, closeness, found);
    for part in parts {
        outcome.spans.extend(part.spans);
        outcome.missing.extend(part.missing);
    }
    in_reading_order(&mut outcome.spans);
    outcome
}

/// Sorts spans by position and drops repeats. One function for every caller, through the
/// engine's own sort (`order.rs`) of `(start, end, place)` keys: no sort of spans of its own
/// in the student wasm.
pub(crate) fn in_reading_order(spans: &mut Vec<Span>) {
    // Sorted by `(start, end)` and, for equal ones, by place: the stable order of the spans.
    let mut keys: Vec<(u32, u32, u32)> =
        spans.iter().enumerate().map(|(i, s)| (s.start.0, s.end.0, i as u32)).collect();
    if keys.windows(2).any(|w| w[0] > w[1]) {
        super::order::sort(&mut keys);
        *spans = keys.iter().map(|&(_, _, i)| spans[i as usize].clone()).collect();
    }
    spans.dedup();
}
