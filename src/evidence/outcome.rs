//! Each check's verdict from a field's analysed paragraphs: totals and hits added up,
//! spans shifted to field offsets.

use super::paragraph::FieldEvidence;
use super::{CountUnit, Node, Outcome, Span};
use crate::rubric::model::{Negation, Response, Submission};
use crate::text::readability::Formula;

#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
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
    fn span(&self, (start, end): (u32, u32)) -> Span {
        Span { field: self.field.clone(), start, end }
    }

    fn inside(&self, (start, end): (u32, u32)) -> bool {
        self.range.is_none_or(|(a, b)| start >= a && end <= b)
    }

    /// The part of a list sorted by start that lies within the range.
    fn within<'h>(&self, hits: &'h [(u32, u32)]) -> impl Iterator<Item = (u32, u32)> + 'h {
        let (a, b) = self.range.unwrap_or((0, u32::MAX));
        let from = hits.partition_point(|h| h.0 < a);
        hits[from..].iter().take_while(move |h| h.0 < b).filter(move |h| h.1 <= b).copied()
    }
}

pub(super) fn run(check: &Node, ctx: &Context) -> Outcome {
    match check {
        Node::Phrases { first, texts, all, min_count, negation } => {
            phrases(*first, texts, *all, *min_count, *negation, ctx)
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
                ctx.within(ctx.evidence.pattern_hits(*id)).map(|h| ctx.span(h)).collect();
            let mut outcome = Outcome::verdict(!spans.is_empty(), 0.0, spans.len() as f64);
            outcome.spans = spans;
            outcome
        }
        Node::Number { equals, tolerance, min, max, units, min_count } => {
            let (mut spans, mut best) = (Vec::new(), 0.0f64);
            for n in ctx.evidence.numbers() {
                let end = if units.is_empty() { n.end } else { n.unit_end };
                if !ctx.inside((n.start, end)) {
                    continue;
                }
                // Within tolerance up to a relative 1e-9, so 0.1 + 0.2 written as 0.3 is equal.
                let close = equals
                    .is_none_or(|e| (n.value - e).abs() <= tolerance + 1e-9 * e.abs().max(1.0))
                    && min.is_none_or(|m| n.value >= m)
                    && max.is_none_or(|m| n.value <= m);
                let unit_ok =
                    units.is_empty() || n.unit.as_ref().is_some_and(|u| units.contains(u));
                match (close, unit_ok) {
                    (true, true) => spans.push(ctx.span((n.start, end))),
                    (true, false) => best = best.max(0.75),
                    (false, true) => best = best.max(0.5),
                    (false, false) => {}
                }
            }
            let found = spans.len() as f64;
            let need = f64::from(*min_count);
            let mut outcome = Outcome::verdict(found >= need, (found + best) / need, found);
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
        Node::AtLeast { n, parts } => {
            let parts: Vec<Outcome> = parts.iter().map(|c| run(c, ctx)).collect();
            at_least(*n, parts.iter())
        }
        Node::AtLeastOf { n, of } => {
            let parts: Vec<Outcome> = of
                .iter()
                .filter_map(|&i| ctx.outcomes.get(i))
                .map(|o| {
                    let mut o = o.clone();
                    if ctx.range.is_some() {
                        o.spans.retain(|s| ctx.inside((s.start, s.end)));
                        o.met &= !o.spans.is_empty();
                    }
                    o
                })
                .collect();
            at_least(*n, parts.iter())
        }
        Node::Together { parts, words } => together(parts, *words, ctx),
    }
}

/// At least `n` of `parts` met; closeness counts the best unmet part's closeness as part
/// of one; spans are the met parts'.
fn at_least<'o>(n: u32, parts: impl Iterator<Item = &'o Outcome>) -> Outcome {
    let (mut met, mut best) = (0u32, 0.0f64);
    let mut spans = Vec::new();
    for p in parts {
        if p.met {
            met += 1;
            spans.extend(p.spans.iter().cloned());
        } else {
            best = best.max(p.closeness);
        }
    }
    let need = f64::from(n.max(1));
    let mut outcome = Outcome::verdict(met >= n, (f64::from(met) + best) / need, f64::from(met));
    in_reading_order(&mut spans);
    outcome.spans = spans;
    outcome
}

/// Every part met inside one stretch of the field: a sentence, or a window of `words`
/// words that starts where some part's evidence starts. Met stretches give their spans;
/// closeness is the share of parts met in the best stretch.
fn together(parts: &[Node], words: Option<u32>, ctx: &Context) -> Outcome {
    let stretches = match words {
        None => sentences(ctx),
        Some(n) => windows(parts, n, ctx),
    };
    let (mut spans, mut best) = (Vec::new(), 0.0f64);
    let mut met_any = false;
    for range in stretches {
        let inner = Context { range: Some(range), ..*ctx };
        let outcomes: Vec<Outcome> = parts.iter().map(|p| run(p, &inner)).collect();
        let met = outcomes.iter().filter(|o| o.met).count();
        if met == parts.len() {
            met_any = true;
            spans.extend(outcomes.into_iter().flat_map(|o| o.spans));
        } else {
            best = best.max(met as f64 / parts.len().max(1) as f64);
        }
    }
    let mut outcome = Outcome::verdict(met_any, best, if met_any { 1.0 } else { 0.0 });
    in_reading_order(&mut spans);
    outcome.spans = spans;
    outcome
}

/// The field's sentences as `[start, end)` stretches (within the range, if any).
fn sentences(ctx: &Context) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for p in &ctx.evidence.paragraphs {
        let ss = &p.evidence.sentences;
        for (k, s) in ss.iter().enumerate() {
            let start = p.utf16_start + s.utf16_start;
            let end = p.utf16_start + ss.get(k + 1).map_or(p.utf16_len, |n| n.utf16_start);
            if ctx.inside((start, end)) && s.evidence.counts.words > 0 {
                out.push((start, end));
            }
        }
    }
    out
}

/// Windows of `n` words, one starting at each word where some part's evidence starts.
fn windows(parts: &[Node], n: u32, ctx: &Context) -> Vec<(u32, u32)> {
    let mut starts: Vec<u32> =
        parts.iter().flat_map(|p| run(p, ctx).spans.into_iter().map(|s| s.start)).collect();
    super::order::sort_dedup(&mut starts);
    let mut out = Vec::new();
    let mut starts = starts.into_iter().peekable();
    for p in &ctx.evidence.paragraphs {
        let end = p.utf16_start + p.utf16_len;
        if starts.peek().is_none_or(|&s| s >= end) {
            continue;
        }
        let text = &ctx.text[p.byte_start..p.byte_start + p.byte_len];
        let words = crate::text::words::words(text);
        while let Some(&s) = starts.peek() {
            if s >= end {
                break;
            }
            starts.next();
            let local = s.saturating_sub(p.utf16_start);
            let first = words.partition_point(|w| w.utf16_end <= local);
            let Some(last) = words.get((first + n as usize - 1).min(words.len().saturating_sub(1)))
            else {
                continue;
            };
            out.push((s, p.utf16_start + last.utf16_end));
        }
    }
    out
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

fn phrases(
    first: u32,
    texts: &[String],
    all: bool,
    min_count: u32,
    negation: Negation,
    ctx: &Context,
) -> Outcome {
    let mut spans: Vec<(u32, u32)> = Vec::new();
    // The phrases not found, named only for `allOf` (an `anyOf` outcome names none).
    let mut missing = Vec::new();
    let mut absent = 0usize;
    for (k, text) in texts.iter().enumerate() {
        let before = spans.len();
        let id = first + k as u32;
        if negation != Negation::Only {
            spans.extend(ctx.within(ctx.evidence.phrase_hits(id)));
        }
        if negation != Negation::Skip {
            spans.extend(ctx.within(ctx.evidence.negated_hits(id)));
        }
        if spans.len() == before {
            absent += 1;
            if all {
                missing.push(text.clone());
            }
        }
    }
    super::order::sort_dedup(&mut spans);
    let mut outcome = if all {
        let present = texts.len() - absent;
        let mut o = Outcome::verdict(
            absent == 0,
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
    in_reading_order(&mut outcome.spans);
    outcome
}

/// Sorts spans by position and drops repeats. One function for every caller, through the
/// engine's own sort (`order.rs`) of `(start, end, place)` keys: no sort of spans of its own
/// in the student wasm.
fn in_reading_order(spans: &mut Vec<Span>) {
    // Sorted by `(start, end)` and, for equal ones, by place: the stable order of the spans.
    let mut keys: Vec<(u32, u32, u32)> =
        spans.iter().enumerate().map(|(i, s)| (s.start, s.end, i as u32)).collect();
    if keys.windows(2).any(|w| w[0] > w[1]) {
        super::order::sort(&mut keys);
        *spans = keys.iter().map(|&(_, _, i)| spans[i as usize].clone()).collect();
    }
    spans.dedup();
}
