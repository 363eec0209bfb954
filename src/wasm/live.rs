//! A live session in JS: `engine.session()` → `update(text)` per keystroke. Only the edited
//! part of the text crosses into wasm (JS locates the edit); the result is the previous
//! result object with what changed patched in (src/wasm/live.js): parts that only moved
//! with the text have their spans moved in JS, span lists that gained or lost a few spans
//! are spliced, and only other changed parts are converted.

use super::{feedback, js_error, to_js, FeedbackOptions};
use crate::error::Error;
use crate::evidence::Span;
use crate::feedback::{Feedback, Strength};
use crate::scoring::{CriterionScore, Met, Respanned, ScoreReport, Session};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A live scoring session (from `engine.session()`).
#[wasm_bindgen]
pub struct LiveSession {
    session: Session,
    feedback: FeedbackOptions,
    /// The last result sent to JS, with the feedback it was built from (its spans kept
    /// moved along with the text, as the report's are).
    last: Option<(crate::feedback::Feedback, JsValue)>,
    /// The text of the last update, as JS gave it: the next update is compared with it in
    /// JS, and only the edited part is handed over.
    text: Option<js_sys::JsString>,
    /// The common start and end (UTF-16 units) of the last edit, where the next is looked for first.
    hint: (u32, u32),
    /// The field's name as a JS string (made once).
    field: JsValue,
    /// Moves of spans (`Session::shift`) not yet applied to the kept feedback.
    pending: crate::evidence::Shifts,
}

// Builds the next result object from the previous one without converting what did not
// change: parts whose spans only moved with the edit are copied with those spans moved
// (the rule of `evidence::shift_spans`), untouched parts are shared, and only the parts
// named in `patch` (JSON: `report` without its criteria, `criteria` by index, `feedback`
// without its strengths, `strengths`) are parsed.
#[wasm_bindgen(module = "/src/wasm/live.js")]
extern "C" {
    #[wasm_bindgen(js_name = patchResult)]
    fn patch_result(previous: &JsValue, field: &JsValue, at: u32, by: i32, patch: &str) -> JsValue;
    #[wasm_bindgen(js_name = editOf)]
    fn edit_of(
        previous: &js_sys::JsString,
        next: &js_sys::JsString,
        hint_start: u32,
        hint_end: u32,
    ) -> Vec<u32>;
    fn share(result: &JsValue) -> JsValue;
}

#[wasm_bindgen]
impl LiveSession {
    /// Re-scores with the field's new text → `{report, feedback}`. When the edit changed
    /// neither (most keystrokes inside a word), the previous result object is returned as
    /// is, so `result === previous` tells a caller there is nothing to redraw. Otherwise a
    /// new object, sharing with the previous one every part the edit left as it was.
    pub fn update(&mut self, text: &JsValue) -> Result<JsValue, JsValue> {
        let Some(js) = text.dyn_ref::<js_sys::JsString>().filter(|_| text.is_string()) else {
            return Err(js_error(Error::at("text", "", "expected the field's text as a string")));
        };
        match &self.text {
            Some(previous) => match edit_of(previous, js, self.hint.0, self.hint.1)[..] {
                [start, end, new_end] => {
                    self.hint = (start, js.length() - new_end);
                    let inserted = String::from(js.slice(start, new_end));
                    // (The report's spans are moved in the result object by JS.)
                    self.session.edit_deferred(start, end, &inserted);
                }
                _ => return Err(js_error(Error::at("text", "", "could not locate the edit"))),
            },
            None => {
                self.session.update(&String::from(js));
            }
        }
        self.text = Some(js.clone());
        let Some((mut feedback, previous)) = self.last.take() else {
            return self.convert_all();
        };
        let (at, by) = self.session.shift();
        let Ok(by32) = i32::try_from(by) else {
            return self.convert_all();
        };
        // The feedback's spans are those of the report's met indicators: they moved if and
        // only if the report's did. They are moved when next compared (few keystrokes change
        // what is shown), not on every keystroke.
        let moved = self.session.report_moved();
        if !self.session.evidence_changed() {
            if moved {
                self.pending.push(at, by);
            }
            let result =
                if moved { patch_result(&previous, &self.field, at, by32, "") } else { previous };
            self.last = Some((feedback, result.clone()));
            return Ok(result);
        }
        let field = self.session.field().to_string();
        self.pending.push(at, by);
        for (at, by) in self.pending.drain() {
            feedback.shift_spans(&field, at, by);
        }
        if let Some(respanned) = self.session.respanned() {
            // Only some met indicators' spans changed: so did their strengths' spans, and
            // nothing else of the report or feedback.
            let patch =
                respan_patch(self.session.report(), respanned, &mut feedback).map_err(|e| {
                    js_error(Error::at("output", "", format!("could not convert the result: {e}")))
                })?;
            let result = patch_result(&previous, &self.field, at, by32, &patch);
            self.last = Some((feedback, result.clone()));
            return Ok(result);
        }
        let fresh = crate::feedback::feedback(
            self.session.rubric(),
            self.session.report(),
            self.session.outcomes(),
            &self.feedback,
        );
        let patch =
            live_patch(self.session.report_before(), self.session.report(), &feedback, &fresh)
                .map_err(|e| {
                    js_error(Error::at("output", "", format!("could not convert the result: {e}")))
                })?;
        let result = if patch.is_empty() && !moved {
            previous
        } else {
            patch_result(&previous, &self.field, at, by32, &patch)
        };
        self.last = Some((fresh, result.clone()));
        Ok(result)
    }

    /// Changes the language or target of the feedback (`{locale, target}`) without a new session.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue) -> Result<(), JsValue> {
        self.feedback = feedback::options_from_js(self.session.rubric(), &options)?;
        self.last = None;
        Ok(())
    }
}

impl LiveSession {
    pub(super) fn new(session: Session, feedback: FeedbackOptions) -> Self {
        let field = JsValue::from_str(session.field());
        LiveSession {
            session,
            feedback,
            last: None,
            text: None,
            hint: (0, 0),
            field,
            pending: Default::default(),
        }
    }

    /// The whole result converted afresh.
    fn convert_all(&mut self) -> Result<JsValue, JsValue> {
        self.pending.clear();
        self.session.move_report();
        let feedback = crate::feedback::feedback(
            self.session.rubric(),
            self.session.report(),
            self.session.outcomes(),
            &self.feedback,
        );
        let result =
            share(&to_js(&LiveResult { report: self.session.report(), feedback: &feedback })?);
        self.last = Some((feedback, result.clone()));
        Ok(result)
    }
}

/// The parts of a live result that differ, beyond moved spans, between `before` (report and
/// feedback with their spans already moved) and `after`, as JSON for `patchResult`; empty
/// when none does. A criterion or strength that differs only in some span lists is sent as
/// splices of those lists (`[from, to, spans]`: spans `from..to` of the old list replaced);
/// any other changed part is sent whole.
fn live_patch(
    report_before: &ScoreReport,
    report: &ScoreReport,
    before: &Feedback,
    after: &Feedback,
) -> serde_json::Result<String> {
    let mut parts: Vec<String> = Vec::new();
    if report_before.criteria.len() != report.criteria.len()
        || report_before.head_clone() != report.head_clone()
    {
        parts.push(format!("\"report\":{}", serde_json::to_string(&report.head_clone())?));
    }
    let (mut whole, mut spliced) = (Entries::default(), Entries::default());
    for (i, (old, new)) in report_before.criteria.iter().zip(&report.criteria).enumerate() {
        if old == new {
            continue;
        }
        let old_spans: Vec<&[Span]> = old.met.iter().map(|m| m.spans.as_slice()).collect();
        let new_spans: Vec<&[Span]> = new.met.iter().map(|m| m.spans.as_slice()).collect();
        if old_spans.len() == new_spans.len() && without_spans(old) == without_spans(new) {
            let mut lists = Entries::default();
            for (j, (a, b)) in old_spans.iter().zip(&new_spans).enumerate() {
                if a != b {
                    lists.add(j, &splice(a, b)?);
                }
            }
            spliced.add(i, &lists.object());
        } else {
            whole.add(i, &serde_json::to_string(new)?);
        }
    }
    whole.put(&mut parts, "criteria");
    spliced.put(&mut parts, "criteriaSpans");
    if before.strengths.len() != after.strengths.len() {
        parts.push(format!("\"strengths\":{}", serde_json::to_string(&after.strengths)?));
    } else {
        let (mut whole, mut spliced) = (Entries::default(), Entries::default());
        for (i, (old, new)) in before.strengths.iter().zip(&after.strengths).enumerate() {
            if old == new {
                continue;
            }
            let bare = |s: &Strength| Strength {
                spans: Vec::new(),
                criterion: s.criterion.clone(),
                indicator: s.indicator.clone(),
                message: s.message.clone(),
                lang: s.lang.clone(),
            };
            if bare(old) == bare(new) {
                spliced.add(i, &splice(&old.spans, &new.spans)?);
            } else {
                whole.add(i, &serde_json::to_string(new)?);
            }
        }
        whole.put(&mut parts, "strengthsAt");
        spliced.put(&mut parts, "strengthsSpans");
    }
    if before.head_clone() != after.head_clone() {
        parts.push(format!("\"feedback\":{}", serde_json::to_string(&after.head_clone())?));
    }
    Ok(if parts.is_empty() { String::new() } else { format!("{{{}}}", parts.join(",")) })
}

/// The patch (as `live_patch` makes) for an update that changed only the span lists of
/// some met indicators (`Session::respanned`), which it also brings into `feedback` (the
/// last one sent, its spans moved): each list as a splice, in the report and in the
/// indicator's strength.
fn respan_patch(
    report: &ScoreReport,
    respanned: &[Respanned],
    feedback: &mut Feedback,
) -> serde_json::Result<String> {
    let (mut criteria, mut strengths) = (Vec::<(usize, Entries)>::new(), Entries::default());
    for r in respanned {
        let criterion = &report.criteria[r.criterion];
        let met = &criterion.met[r.met];
        let lists = match criteria.iter_mut().find(|(c, _)| *c == r.criterion) {
            Some((_, lists)) => lists,
            None => {
                criteria.push((r.criterion, Entries::default()));
                &mut criteria.last_mut().expect("just pushed").1
            }
        };
        lists.add(r.met, &splice(&r.before, &met.spans)?);
        if let Some((k, strength)) = feedback
            .strengths
            .iter_mut()
            .enumerate()
            .find(|(_, s)| s.criterion == criterion.id && s.indicator == met.indicator)
        {
            let spans = crate::feedback::strength_spans(&met.spans);
            strengths.add(k, &splice(&strength.spans, &spans)?);
            strength.spans = spans;
        }
    }
    let mut spliced = Entries::default();
    for (c, lists) in &criteria {
        spliced.add(*c, &lists.object());
    }
    let mut parts = Vec::new();
    spliced.put(&mut parts, "criteriaSpans");
    strengths.put(&mut parts, "strengthsSpans");
    Ok(format!("{{{}}}", parts.join(",")))
}

/// A criterion with its met entries' span lists emptied (what is left to compare).
fn without_spans(c: &CriterionScore) -> CriterionScore {
    CriterionScore {
        met: c
            .met
            .iter()
            .map(|m| Met { indicator: m.indicator.clone(), spans: Vec::new() })
            .collect(),
        missing: c.missing.clone(),
        ..c.head_clone()
    }
}

/// `[from, to, spans]`: `old` with its spans `from..to` replaced by `spans` is `new`.
fn splice(old: &[Span], new: &[Span]) -> serde_json::Result<String> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix =
        old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    Ok(format!(
        "[{},{},{}]",
        prefix,
        old.len() - suffix,
        serde_json::to_string(&new[prefix..new.len() - suffix])?
    ))
}

/// A JSON object built entry by entry (`"index": value`).
#[derive(Default)]
struct Entries(String);

impl Entries {
    fn add(&mut self, key: usize, json: &str) {
        use std::fmt::Write;
        let _ = write!(self.0, "{}\"{key}\":{json}", if self.0.is_empty() { "" } else { "," });
    }

    fn object(&self) -> String {
        format!("{{{}}}", self.0)
    }

    /// Adds `"name": {…}` to `parts` unless empty.
    fn put(&self, parts: &mut Vec<String>, name: &str) {
        if !self.0.is_empty() {
            parts.push(format!("\"{name}\":{}", self.object()));
        }
    }
}

#[derive(Serialize)]
struct LiveResult<'a> {
    report: &'a crate::ScoreReport,
    feedback: &'a crate::feedback::Feedback,
}
