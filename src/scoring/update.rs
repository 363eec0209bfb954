//! What one update of a live session changed in its result: the reference of the format
//! the JS binding sends from `Session::update`/`Session::edit` to the result object it
//! keeps (`applyUpdate` in src/wasm/live.js applies it; `Update::apply` here does the
//! same to Rust values, and the tests hold both to fresh scores).
//!
//! A live result is `{report, feedback}` (a `ScoreReport` and, when the session gives
//! feedback, a `Feedback`). An update is JSON with a `kind`:
//!
//! - `{"kind": "unchanged"}`: nothing the result shows changed, not even where a span is.
//! - `{"kind": "moved", "at": 120, "by": 1}`: the result is the previous one with the spans
//!   of the typed field moved by the edit (`Move`: a span that starts at or after `at`
//!   moves by `by` UTF-16 units, each bound clamped at 0; any other stays).
//! - `{"kind": "respanned", …}`: moved (`move`, absent when no span moved), then some span
//!   lists spliced: levels, points, messages and everything else stand. Typing a new
//!   occurrence of a phrase already met does this.
//! - `{"kind": "rebuilt", …}`: moved, then the parts that changed beyond that replaced or
//!   spliced; every part not named stands (moved).
//!
//! The parts, applied in this order, after the move (every index is one of the previous
//! result, whose lists keep their length unless sent whole):
//!
//! | key | value |
//! |---|---|
//! | `move` | `{at, by}`: the move of every span of the previous result |
//! | `report` | the report without its criteria (`criteria: []`), when any of the rest changed |
//! | `criteria` | `[{criterion, score}]`: `report.criteria[criterion]` replaced by `score` |
//! | `metSpans` | `[{criterion, met, from, to, spans}]`: `report.criteria[criterion].met[met].spans` with its items `from..to` replaced by `spans` |
//! | `strengths` | `feedback.strengths` replaced whole (their number changed) |
//! | `replacedStrengths` | `[{strength, value}]`: `feedback.strengths[strength]` replaced |
//! | `strengthSpans` | `[{strength, from, to, spans}]`: `feedback.strengths[strength].spans` spliced |
//! | `feedback` | the feedback without its strengths (`strengths: []`), when any of the rest changed |
//!
//! A list absent is empty; `report`, `strengths` and `feedback` absent stand. A session
//! without feedback sends no strength or feedback part.

use super::{CriterionScore, Met, ScoreReport};
use crate::evidence::{Move, Span};
use crate::feedback::{Feedback, Strength};
use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// What one update of a live session changed in its result (see the module's doc).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Update {
    /// Nothing the result shows changed.
    Unchanged,
    /// Only spans moved with the text.
    Moved(Move),
    /// Spans moved, and some span lists changed: nothing else did.
    Respanned(Respans),
    /// Spans moved, and some parts changed beyond that.
    Rebuilt(Box<Rebuilt>),
}

/// Span lists that changed, beyond the move, in an update that changed nothing else.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Respans {
    #[serde(rename = "move", skip_serializing_if = "Option::is_none")]
    pub moved: Option<Move>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub met_spans: Vec<MetSplice>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub strength_spans: Vec<StrengthSplice>,
}

/// The parts of a result that changed beyond the move (see the module's doc for the order
/// they are applied in).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Rebuilt {
    #[serde(rename = "move", skip_serializing_if = "Option::is_none")]
    pub moved: Option<Move>,
    /// The report without its criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<ScoreReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<ReplacedCriterion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub met_spans: Vec<MetSplice>,
    /// All strengths, when their number changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strengths: Option<Vec<Strength>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replaced_strengths: Vec<ReplacedStrength>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub strength_spans: Vec<StrengthSplice>,
    /// The feedback without its strengths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

/// `report.criteria[criterion]` replaced by `score`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ReplacedCriterion {
    pub criterion: usize,
    pub score: CriterionScore,
}

/// `feedback.strengths[strength]` replaced by `value`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ReplacedStrength {
    pub strength: usize,
    pub value: Strength,
}

/// `report.criteria[criterion].met[met].spans` with its items `from..to` replaced by `spans`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct MetSplice {
    pub criterion: usize,
    pub met: usize,
    pub from: usize,
    pub to: usize,
    pub spans: Vec<Span>,
}

/// `feedback.strengths[strength].spans` with its items `from..to` replaced by `spans`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct StrengthSplice {
    pub strength: usize,
    pub from: usize,
    pub to: usize,
    pub spans: Vec<Span>,
}

/// `(from, to, spans)`: `old` with its items `from..to` replaced by `spans` is `new`.
pub(crate) fn splice(old: &[Span], new: &[Span]) -> (usize, usize, Vec<Span>) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix =
        old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    (prefix, old.len() - suffix, new[prefix..new.len() - suffix].to_vec())
}

impl Update {
    /// The update for a result that moved by `moved` (None: no span moved) and changed
    /// nothing else.
    pub(crate) fn moved(moved: Option<Move>) -> Update {
        moved.map_or(Update::Unchanged, Update::Moved)
    }

    /// Brings a previous result of the session up to date (what src/wasm/live.js does to
    /// the result object in JS): `field` is the typed field; `feedback` is needed when the
    /// session gives feedback.
    pub fn apply(
        &self,
        field: &str,
        report: &mut ScoreReport,
        mut feedback: Option<&mut Feedback>,
    ) {
        let (moved, parts) = match self {
            Update::Unchanged => return,
            Update::Moved(m) => (Some(*m), None),
            Update::Respanned(r) => (
                r.moved,
                Some(Rebuilt {
                    met_spans: r.met_spans.clone(),
                    strength_spans: r.strength_spans.clone(),
                    ..Rebuilt::default()
                }),
            ),
            Update::Rebuilt(r) => (r.moved, Some((**r).clone())),
        };
        if let Some(m) = moved {
            report.move_spans(field, m);
            if let Some(f) = feedback.as_deref_mut() {
                f.move_spans(field, m);
            }
        }
        let Some(parts) = parts else { return };
        if let Some(head) = parts.report {
            let criteria = std::mem::take(&mut report.criteria);
            *report = ScoreReport { criteria, ..head };
        }
        for r in parts.criteria {
            report.criteria[r.criterion] = r.score;
        }
        for s in parts.met_spans {
            report.criteria[s.criterion].met[s.met].spans.splice(s.from..s.to, s.spans);
        }
        let Some(feedback) = feedback else { return };
        if let Some(strengths) = parts.strengths {
            feedback.strengths = strengths;
        }
        for r in parts.replaced_strengths {
            feedback.strengths[r.strength] = r.value;
        }
        for s in parts.strength_spans {
            feedback.strengths[s.strength].spans.splice(s.from..s.to, s.spans);
        }
        if let Some(head) = parts.feedback {
            let strengths = std::mem::take(&mut feedback.strengths);
            *feedback = Feedback { strengths, ..head };
        }
    }
}

impl Rebuilt {
    /// The parts of a result that differ, beyond moved spans, between `before` (its spans
    /// already moved by `moved`) and `after`. A criterion or strength that differs only in
    /// some span lists is sent as splices of those lists; any other changed part whole.
    /// Every comparison is the types' derived `PartialEq` with the parts sent apart taken
    /// out (`same_but`), so a field added to a type is compared (and sent) with the rest.
    pub(crate) fn between(
        moved: Option<Move>,
        (report_before, report): (&mut ScoreReport, &mut ScoreReport),
        feedback: Option<(&mut Feedback, &mut Feedback)>,
    ) -> Rebuilt {
        let mut out = Rebuilt { moved, ..Rebuilt::default() };
        if report_before.criteria.len() != report.criteria.len()
            || !same_but(report_before, report, criteria)
        {
            out.report = Some(clone_but(report, criteria));
        }
        for (i, (old, new)) in
            report_before.criteria.iter_mut().zip(report.criteria.iter_mut()).enumerate()
        {
            if old == new {
                continue;
            }
            let same_but_spans = old.met.len() == new.met.len()
                && old.met.iter_mut().zip(new.met.iter_mut()).all(|(a, b)| same_but(a, b, spans))
                && same_but(old, new, |c| &mut c.met);
            if same_but_spans {
                for (j, (a, b)) in old.met.iter().zip(&new.met).enumerate() {
                    let (from, to, spans) = splice(&a.spans, &b.spans);
                    if from != to || !spans.is_empty() {
                        out.met_spans.push(MetSplice { criterion: i, met: j, from, to, spans });
                    }
                }
            } else {
                out.criteria.push(ReplacedCriterion { criterion: i, score: new.clone() });
            }
        }
        let Some((before, after)) = feedback else { return out };
        if before.strengths.len() != after.strengths.len() {
            out.strengths = Some(after.strengths.clone());
        } else {
            for (i, (old, new)) in
                before.strengths.iter_mut().zip(after.strengths.iter_mut()).enumerate()
            {
                if old == new {
                    continue;
                }
                if same_but(old, new, |s| &mut s.spans) {
                    let (from, to, spans) = splice(&old.spans, &new.spans);
                    out.strength_spans.push(StrengthSplice { strength: i, from, to, spans });
                } else {
                    out.replaced_strengths
                        .push(ReplacedStrength { strength: i, value: new.clone() });
                }
            }
        }
        if !same_but(before, after, strengths) {
            out.feedback = Some(clone_but(after, strengths));
        }
        out
    }

    /// Whether nothing changed beyond the move.
    pub(crate) fn is_empty(&self) -> bool {
        let Rebuilt {
            moved: _,
            report,
            criteria,
            met_spans,
            strengths,
            replaced_strengths,
            strength_spans,
            feedback,
        } = self;
        report.is_none()
            && criteria.is_empty()
            && met_spans.is_empty()
            && strengths.is_none()
            && replaced_strengths.is_empty()
            && strength_spans.is_empty()
            && feedback.is_none()
    }
}

// The parts of a result compared and sent apart.
fn criteria(r: &mut ScoreReport) -> &mut Vec<CriterionScore> {
    &mut r.criteria
}
fn spans(m: &mut Met) -> &mut Vec<Span> {
    &mut m.spans
}
fn strengths(f: &mut Feedback) -> &mut Vec<Strength> {
    &mut f.strengths
}

/// Whether `a` and `b` are equal but for their parts `part` (by `T`'s own `PartialEq`,
/// derived: every other field counts). The parts are taken out to compare, and put back.
fn same_but<T: PartialEq, P: Default>(
    a: &mut T,
    b: &mut T,
    part: impl Fn(&mut T) -> &mut P,
) -> bool {
    let (pa, pb) = (std::mem::take(part(a)), std::mem::take(part(b)));
    let same = a == b;
    (*part(a), *part(b)) = (pa, pb);
    same
}

/// `x` with its part `part` empty (a part sent apart), without cloning that part.
fn clone_but<T: Clone, P: Default>(x: &mut T, part: impl Fn(&mut T) -> &mut P) -> T {
    let taken = std::mem::take(part(x));
    let copy = x.clone();
    *part(x) = taken;
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Utf16;
    use std::rc::Rc;

    /// The JSON is what the module's doc says (and what src/wasm/live.js reads).
    #[test]
    fn updates_serialise_as_documented() {
        let json = |u: &Update| serde_json::to_string(u).expect("serialises");
        assert_eq!(json(&Update::Unchanged), r#"{"kind":"unchanged"}"#);
        assert_eq!(
            json(&Update::Moved(Move::new(Utf16(120), 1))),
            r#"{"kind":"moved","at":120,"by":1}"#
        );
        let span = Span { field: Rc::from("response"), start: Utf16(3), end: Utf16(8) };
        let respanned = Update::Respanned(Respans {
            moved: Some(Move::new(Utf16(2), -1)),
            met_spans: vec![MetSplice { criterion: 1, met: 0, from: 2, to: 3, spans: vec![span] }],
            strength_spans: vec![StrengthSplice { strength: 4, from: 0, to: 1, spans: vec![] }],
        });
        assert_eq!(
            json(&respanned),
            concat!(
                r#"{"kind":"respanned","move":{"at":2,"by":-1},"#,
                r#""metSpans":[{"criterion":1,"met":0,"from":2,"to":3,"spans":[{"field":"response","start":3,"end":8}]}],"#,
                r#""strengthSpans":[{"strength":4,"from":0,"to":1,"spans":[]}]}"#
            )
        );
        let strength = Strength {
            criterion: "claim".into(),
            indicator: "has-claim".into(),
            message: "You state a claim.".into(),
            lang: "en".into(),
            spans: vec![],
        };
        let rebuilt = Update::Rebuilt(Box::new(Rebuilt {
            replaced_strengths: vec![ReplacedStrength { strength: 0, value: strength }],
            ..Rebuilt::default()
        }));
        assert_eq!(
            json(&rebuilt),
            concat!(
                r#"{"kind":"rebuilt","replacedStrengths":[{"strength":0,"value":"#,
                r#"{"criterion":"claim","indicator":"has-claim","message":"You state a claim.","lang":"en","spans":[]}}]}"#
            )
        );
    }

    /// `evident schema live-update` describes the four kinds.
    #[cfg(all(feature = "full", feature = "schema"))]
    #[test]
    fn the_schema_names_the_four_kinds() {
        let schema = crate::interop::schema::schema_of("live-update").expect("a format");
        let text = schema.to_string();
        for kind in ["unchanged", "moved", "respanned", "rebuilt"] {
            assert!(text.contains(&format!("\"{kind}\"")), "{kind} in {text}");
        }
        for key in ["metSpans", "strengthSpans", "replacedStrengths", "criteria", "move"] {
            assert!(text.contains(&format!("\"{key}\"")), "{key} in {text}");
        }
    }
}
