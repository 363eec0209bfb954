//! Each check's verdict from a field's analysed paragraphs: totals and hits added up,
//! spans shifted to field offsets.

use super::paragraph::FieldEvidence;
use super::{CountUnit, Node, Outcome, Span};
use crate::rubric::model::{Response, Submission};
use crate::text::readability::Formula;

pub(super) struct Context<'a> {
    pub submission: &'a Submission,
    pub field: &'a std::rc::Rc<str>,
    pub criterion: &'a str,
    pub evidence: &'a FieldEvidence,
    pub formula: Formula,
}

impl Context<'_> {
    fn span(&self, (start, end): (u32, u32)) -> Span {
        Span { field: self.field.clone(), start, end }
    }
}

pub(super) fn run(check: &Node, ctx: &Context) -> Outcome {
    match check {
        Node::Phrases { first, texts, all, min_count } => {
            phrases(*first, texts, *all, *min_count, ctx)
        }
        Node::Count { unit, min, max } => {
            let counts = ctx.evidence.counts;
            let n = match unit {
                CountUnit::Words => u64::from(counts.words),
                CountUnit::Sentences => u64::from(counts.sentences),
                CountUnit::Paragraphs => ctx.evidence.paragraphs.len() as u64,
            };
            let (min, max) = (min.map(|m| m as f64), max.map(|m| m as f64));
            within(n as f64, min, max)
        }
        Node::Readability { min, max } => {
            if ctx.evidence.counts.words == 0 {
                return Outcome::verdict(false, 0.0, 0.0);
            }
            within(ctx.evidence.counts.grade(ctx.formula), *min, *max)
        }
        Node::Pattern { id } => {
            let spans: Vec<Span> =
                ctx.evidence.pattern_hits(*id).iter().map(|&h| ctx.span(h)).collect();
            let mut outcome = Outcome::verdict(!spans.is_empty(), 0.0, spans.len() as f64);
            outcome.spans = spans;
            outcome
        }
        Node::Number { equals, tolerance, units } => {
            // Within tolerance up to a relative 1e-9, so 0.1 + 0.2 written as 0.3 is equal.
            let slack = tolerance + 1e-9 * equals.abs().max(1.0);
            let (mut spans, mut best) = (Vec::new(), 0.0f64);
            for n in ctx.evidence.numbers() {
                let close = (n.value - equals).abs() <= slack;
                let unit_ok =
                    units.is_empty() || n.unit.as_ref().is_some_and(|u| units.contains(u));
                match (close, unit_ok) {
                    (true, true) => spans.push(
                        ctx.span((n.start, if units.is_empty() { n.end } else { n.unit_end })),
                    ),
                    (true, false) => best = best.max(0.75),
                    (false, true) => best = best.max(0.5),
                    (false, false) => {}
                }
            }
            let mut outcome = Outcome::verdict(!spans.is_empty(), best, spans.len() as f64);
            outcome.spans = spans;
            outcome
        }
        Node::Choice(options) => {
            let chosen: &[String] = match ctx.submission.responses.get(&**ctx.field) {
                Some(Response::Choices(c)) => c,
                Some(Response::Text(t)) => std::slice::from_ref(t),
                None => &[],
            };
            let matching = chosen.iter().filter(|c| options.contains(c)).count();
            Outcome::verdict(matching > 0, 0.0, matching as f64)
        }
        Node::Rating { from, min } => {
            let best = ctx
                .submission
                .ratings
                .get(ctx.criterion)
                .into_iter()
                .flat_map(|r| r.all())
                .filter(|r| r.by == *from)
                .map(|r| r.value)
                .fold(f64::NEG_INFINITY, f64::max);
            Outcome::verdict(best >= *min, 0.0, if best.is_finite() { best } else { 0.0 })
        }
        Node::All(checks) => {
            let parts: Vec<Outcome> = checks.iter().map(|c| run(c, ctx)).collect();
            let met = parts.iter().all(|o| o.met);
            let closeness =
                parts.iter().map(|o| o.closeness).sum::<f64>() / parts.len().max(1) as f64;
            let found = parts.iter().filter(|o| o.met).count() as f64;
            combine(met, closeness, found, parts)
        }
        Node::Any(checks) => {
            let parts: Vec<Outcome> = checks.iter().map(|c| run(c, ctx)).collect();
            let met = parts.iter().any(|o| o.met);
            let closeness = parts.iter().map(|o| o.closeness).fold(0.0, f64::max);
            let found = parts.iter().filter(|o| o.met).count() as f64;
            let parts = if met { parts.into_iter().filter(|o| o.met).collect() } else { parts };
            combine(met, closeness, found, parts)
        }
        Node::Not(inner) => {
            let o = run(inner, ctx);
            Outcome::verdict(!o.met, 0.0, o.found)
        }
    }
}

/// `n` against optional bounds; closeness is the value over the bound it misses.
fn within(n: f64, min: Option<f64>, max: Option<f64>) -> Outcome {
    let below = min.is_some_and(|m| n < m);
    let above = max.is_some_and(|m| n > m);
    let closeness = match (below, above, min, max) {
        (true, _, Some(m), _) if m > 0.0 => n.max(0.0) / m,
        (_, true, _, Some(m)) if n > 0.0 => m.max(0.0) / n,
        _ => 0.0,
    };
    Outcome::verdict(!below && !above, closeness, n)
}

fn phrases(first: u32, texts: &[String], all: bool, min_count: u32, ctx: &Context) -> Outcome {
    let mut spans: Vec<(u32, u32)> = Vec::new();
    let mut missing = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        let before = spans.len();
        spans.extend_from_slice(ctx.evidence.phrase_hits(first + k as u32));
        if spans.len() == before {
            missing.push(text.clone());
        }
    }
    spans.sort_unstable();
    spans.dedup();
    let mut outcome = if all {
        let present = texts.len() - missing.len();
        let mut o = Outcome::verdict(
            missing.is_empty(),
            present as f64 / texts.len().max(1) as f64,
            present as f64,
        );
        o.missing = missing;
        o
    } else {
        Outcome::verdict(
            spans.len() >= min_count as usize,
            spans.len() as f64 / f64::from(min_count),
            spans.len() as f64,
        )
    };
    outcome.spans = spans.into_iter().map(|s| ctx.span(s)).collect();
    outcome
}

fn combine(met: bool, closeness: f64, found: f64, parts: Vec<Outcome>) -> Outcome {
    let mut outcome = Outcome::verdict(met, closeness, found);
    for part in parts {
        outcome.spans.extend(part.spans);
        outcome.missing.extend(part.missing);
    }
    outcome.spans.sort_by_key(|s| (s.start, s.end));
    outcome.spans.dedup();
    outcome
}
