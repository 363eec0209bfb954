//! `together`: every inner check is met inside one sentence, or within a window of words.

use super::{build_checks, fields, walk_checks, Check, CheckRefs, CheckType};
use crate::evidence::outcome::{in_reading_order, Context};
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{untagged, Built};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Every inner check is met inside one sentence, or within a window of words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct Together {
    pub checks: Vec<Check>,
    #[serde(default)]
    pub within: Within,
}

/// Where a `together` check's parts must be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Within {
    /// `"sentence"`: in one sentence.
    Sentence(SentenceWord),
    /// Within this many words (from the first word of the first part to the last word of
    /// the last).
    Words(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SentenceWord {
    Sentence,
}

impl Default for Within {
    fn default() -> Self {
        Within::Sentence(SentenceWord::Sentence)
    }
}

impl CheckType for Together {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs) {
        walk_checks(walk, f, true, refs);
        match f.get("within") {
            None => {}
            Some(Value::String(s)) if s == "sentence" => {}
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| (1..=1000).contains(&n)) => {}
            Some(_) => walk.problem(
                f.path_of("within"),
                "expected \"sentence\" or a number of words from 1 to 1000",
            ),
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let mut check = Together { checks: Vec::new(), within: Within::default() };
        for (key, v) in fields(value) {
            match key.as_str() {
                "checks" => check.checks = build_checks(v)?,
                "within" => {
                    check.within = match v {
                        Value::String(_) => Within::Sentence(SentenceWord::Sentence),
                        Value::Number(n) => Within::Words(n.as_u64().unwrap_or_default() as u32),
                        _ => return Err(untagged("Within")),
                    }
                }
                _ => {}
            }
        }
        Ok(check)
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
        node(Compiled {
            parts: c.nodes(&self.checks, field, path),
            words: match self.within {
                Within::Sentence(_) => None,
                Within::Words(n) => Some(n),
            },
        })
    }

    combinator_methods!();
}

/// Every part within one sentence (`words: None`) or a window of that many words.
struct Compiled {
    parts: Vec<Node>,
    words: Option<u32>,
}

impl Evaluate for Compiled {
    /// Every part met inside one stretch of the field: a sentence, or a window of `words`
    /// words that starts where some part's evidence starts. Met stretches give their spans;
    /// closeness is the share of parts met in the best stretch.
    fn run(&self, ctx: &Context) -> Outcome {
        let parts = &self.parts;
        let stretches = match self.words {
            None => sentences(ctx),
            Some(n) => windows(parts, n, ctx),
        };
        let (mut spans, mut best) = (Vec::new(), 0.0f64);
        let mut met_any = false;
        for range in stretches {
            let inner = Context { range: Some(range), ..*ctx };
            let outcomes: Vec<Outcome> = parts.iter().map(|p| p.run(&inner)).collect();
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

    fn reads(&self, reads: &mut Reads) {
        // Which sentence, or how many words apart: any change of counts may move them.
        reads.counts = true;
        self.parts.iter().for_each(|n| n.reads(reads));
    }
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
        parts.iter().flat_map(|p| p.run(ctx).spans.into_iter().map(|s| s.start.0)).collect();
    crate::evidence::order::sort_dedup(&mut starts);
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
