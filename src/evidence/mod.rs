//! Evidence: each indicator's check evaluated against a submission, with the spans of text
//! that met it. `Indicators` is compiled once per rubric and evaluated per submission.

mod phrases;

use crate::error::Error;
use crate::rubric::model::{Check, Rater, Response, Rubric, Submission};
use crate::text::words;
use phrases::PhraseCheck;
use serde::Serialize;

/// A stretch of a response: `[start, end)` in UTF-16 code units of that field's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Span {
    pub field: String,
    pub start: u32,
    pub end: u32,
}

/// An indicator's result: met or not, where in the text, and how close it came (0–1),
/// which feedback uses to rank next steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub met: bool,
    pub spans: Vec<Span>,
    pub closeness: f64,
}

impl Outcome {
    fn verdict(met: bool, closeness: f64) -> Self {
        Outcome { met, spans: Vec::new(), closeness: if met { 1.0 } else { closeness.clamp(0.0, 0.99) } }
    }
}

/// A check ready to run: phrases pre-processed, everything else as written.
#[derive(Debug, Clone)]
enum Compiled {
    Phrases(PhraseCheck),
    Count { unit: CountUnit, min: Option<u64>, max: Option<u64> },
    Choice(Vec<String>),
    Rating { from: Rater, min: f64 },
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    /// Check types this build cannot evaluate yet are never met.
    Unsupported,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountUnit {
    Words,
    Sentences,
    Paragraphs,
}

#[derive(Debug, Clone)]
struct CompiledIndicator {
    field: String,
    criterion: String,
    check: Compiled,
}

/// All indicators of a rubric, in rubric order (criteria, then their indicators).
#[derive(Debug, Clone)]
pub struct Indicators {
    list: Vec<CompiledIndicator>,
}

impl Indicators {
    /// Compiles every indicator of an already validated rubric.
    pub fn compile(rubric: &Rubric) -> Result<Self, Error> {
        let mut list = Vec::new();
        for criterion in &rubric.criteria {
            for indicator in &criterion.indicators {
                list.push(CompiledIndicator {
                    field: indicator.field.clone(),
                    criterion: criterion.id.clone(),
                    check: compile(&indicator.check),
                });
            }
        }
        Ok(Indicators { list })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Evaluates every indicator against a submission, in rubric order.
    pub fn evaluate(&self, submission: &Submission) -> Vec<Outcome> {
        self.list
            .iter()
            .map(|ind| {
                let ctx = Context { submission, field: &ind.field, criterion: &ind.criterion };
                run(&ind.check, &ctx)
            })
            .collect()
    }
}

fn compile(check: &Check) -> Compiled {
    match check {
        Check::Phrases { .. } => Compiled::Phrases(PhraseCheck::new(check)),
        Check::WordCount(r) => Compiled::Count { unit: CountUnit::Words, min: r.min, max: r.max },
        Check::SentenceCount(r) => Compiled::Count { unit: CountUnit::Sentences, min: r.min, max: r.max },
        Check::ParagraphCount(r) => Compiled::Count { unit: CountUnit::Paragraphs, min: r.min, max: r.max },
        Check::Choice { any_of } => Compiled::Choice(any_of.clone()),
        Check::Rating { from, min } => Compiled::Rating { from: *from, min: *min },
        Check::All { checks } => Compiled::All(checks.iter().map(compile).collect()),
        Check::Any { checks } => Compiled::Any(checks.iter().map(compile).collect()),
        Check::Not { check } => Compiled::Not(Box::new(compile(check))),
        _ => Compiled::Unsupported,
    }
}

struct Context<'a> {
    submission: &'a Submission,
    field: &'a str,
    criterion: &'a str,
}

fn run(check: &Compiled, ctx: &Context) -> Outcome {
    match check {
        Compiled::Phrases(p) => p.run(ctx.submission.text(ctx.field), ctx.field),
        Compiled::Count { unit, min, max } => {
            let text = ctx.submission.text(ctx.field);
            let n = match unit {
                CountUnit::Words => words::words(text).len(),
                CountUnit::Sentences => words::sentence_count(text),
                CountUnit::Paragraphs => words::paragraph_count(text),
            } as u64;
            let below = min.is_some_and(|m| n < m);
            let above = max.is_some_and(|m| n > m);
            let closeness = match (below, min) {
                (true, Some(m)) => n as f64 / *m as f64,
                _ => 0.5,
            };
            Outcome::verdict(!below && !above, closeness)
        }
        Compiled::Choice(options) => {
            let chosen: &[String] = match ctx.submission.responses.get(ctx.field) {
                Some(Response::Choices(c)) => c,
                Some(Response::Text(t)) => std::slice::from_ref(t),
                None => &[],
            };
            Outcome::verdict(chosen.iter().any(|c| options.contains(c)), 0.0)
        }
        Compiled::Rating { from, min } => {
            let best = ctx
                .submission
                .ratings
                .get(ctx.criterion)
                .into_iter()
                .flat_map(|r| r.all())
                .filter(|r| r.by == *from)
                .map(|r| r.value)
                .fold(f64::NEG_INFINITY, f64::max);
            Outcome::verdict(best >= *min, 0.0)
        }
        Compiled::All(checks) => {
            let outcomes: Vec<Outcome> = checks.iter().map(|c| run(c, ctx)).collect();
            let met = outcomes.iter().all(|o| o.met);
            let closeness = outcomes.iter().map(|o| o.closeness).sum::<f64>() / outcomes.len().max(1) as f64;
            merge(met, closeness, outcomes)
        }
        Compiled::Any(checks) => {
            let outcomes: Vec<Outcome> = checks.iter().map(|c| run(c, ctx)).collect();
            let met = outcomes.iter().any(|o| o.met);
            let closeness = outcomes.iter().map(|o| o.closeness).fold(0.0, f64::max);
            let kept = outcomes.into_iter().filter(|o| o.met).collect();
            merge(met, closeness, kept)
        }
        Compiled::Not(inner) => {
            let o = run(inner, ctx);
            Outcome::verdict(!o.met, 0.0)
        }
        Compiled::Unsupported => Outcome::verdict(false, 0.0),
    }
}

fn merge(met: bool, closeness: f64, parts: Vec<Outcome>) -> Outcome {
    let mut outcome = Outcome::verdict(met, closeness);
    if met {
        outcome.spans = parts.into_iter().flat_map(|o| o.spans).collect();
        outcome.spans.sort_by_key(|s| (s.start, s.end));
        outcome.spans.dedup();
    }
    outcome
}
