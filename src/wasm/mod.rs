//! The JavaScript binding (SPEC §3). It only converts: JS values in, the core's functions
//! called, JS values out, and every error thrown as one `EvidentError` with `message`,
//! `path` and `problems`. No panic crosses this boundary: inputs are validated by the core,
//! and the panic hook logs anything unexpected to the console.

use crate::error::Error;
use crate::feedback::FeedbackOptions;
use crate::rubric::model::Submission;
use crate::scoring::{CompiledRubric, Session};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub mod framework;
pub mod mastery;
mod feedback;
pub use feedback::{calibrate_rubric, feedback_once};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// An `Error` named `EvidentError`, carrying the JSON path of the first problem and every problem.
pub(crate) fn js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("EvidentError");
    let object: &JsValue = js.as_ref();
    let _ = js_sys::Reflect::set(object, &"path".into(), &error.path().into());
    let problems = js_sys::Array::new();
    for p in error.problems() {
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"path".into(), &p.path.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &p.message.as_str().into());
        problems.push(&item);
    }
    let _ = js_sys::Reflect::set(object, &"problems".into(), &problems);
    js.into()
}

/// A JS object or a JSON string, as JSON.
pub(crate) fn value_from_js(input: &JsValue, what: &'static str) -> Result<serde_json::Value, JsValue> {
    if let Some(text) = input.as_string() {
        return crate::json::parse_document(&text).map_err(js_error);
    }
    if input.is_undefined() || input.is_null() {
        return Err(js_error(Error::at(what, "", format!("expected a {what} (an object or a JSON string), found nothing"))));
    }
    serde_wasm_bindgen::from_value(input.clone())
        .map_err(|e| js_error(Error::at(what, "", format!("could not read the {what}: {e}"))))
}

/// Any serializable result, as a plain JS object.
///
/// Through JSON text and the engine's `JSON.parse`: one crossing of the boundary instead of
/// one per property, several times faster for large results (a class's estimates, a long
/// essay's spans). Non-finite numbers become `null`, as in any JSON.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error(Error::at("output", "", format!("could not convert the result: {e}"))))?;
    js_sys::JSON::parse(&text).map_err(|_| js_error(Error::at("output", "", "could not convert the result")))
}

/// A submission from JS (an object or a JSON string), validated.
pub(crate) fn submission_from_js(input: &JsValue) -> Result<Submission, JsValue> {
    let value = value_from_js(input, "submission")?;
    crate::rubric::parse_submission_value(&value).map_err(js_error)
}

/// A rubric from JS (an object or a JSON string), validated and compiled.
pub(crate) fn rubric_from_js(input: &JsValue) -> Result<CompiledRubric, JsValue> {
    let value = value_from_js(input, "rubric")?;
    let parsed = crate::rubric::parse_rubric_value(&value).map_err(js_error)?;
    CompiledRubric::new(parsed).map_err(js_error)
}

/// A rubric compiled once, ready to score submissions, give feedback and run live sessions.
#[wasm_bindgen]
pub struct Engine {
    compiled: Rc<CompiledRubric>,
}

#[wasm_bindgen]
impl Engine {
    /// Compiles a rubric (an object or a JSON string). Throws `EvidentError` naming the JSON
    /// path of every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(rubric: JsValue) -> Result<Engine, JsValue> {
        Ok(Engine { compiled: Rc::new(rubric_from_js(&rubric)?) })
    }

    /// The rubric as compiled, with every default filled in.
    #[wasm_bindgen(getter)]
    pub fn rubric(&self) -> Result<JsValue, JsValue> {
        to_js(&self.compiled.rubric)
    }

    /// Scores a submission → score report.
    pub fn score(&self, submission: JsValue) -> Result<JsValue, JsValue> {
        let submission = submission_from_js(&submission)?;
        let report = self.compiled.score(&submission).map_err(js_error)?;
        to_js(&report)
    }

    /// Advice on the rubric's quality: `{errors: [], advice: [...]}`.
    pub fn lint(&self) -> Result<JsValue, JsValue> {
        to_js(&LintResult { errors: Vec::new(), advice: crate::lint(&self.compiled.rubric) })
    }

    /// Formative feedback on a submission: goal, strengths with evidence, at most three next
    /// steps, progress. `options`: `{locale: "en" | "es", target: 3}` (both optional).
    pub fn feedback(&self, submission: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        feedback::feedback_js(&self.compiled, &submission, &options)
    }

    /// Agreement between the engine and teacher levels on sample work: JSON Lines text or a
    /// list of `{submission, teacher}` objects.
    pub fn calibrate(&self, samples: JsValue) -> Result<JsValue, JsValue> {
        feedback::calibrate_js(&self.compiled, &samples)
    }

    /// A live session on one field of a submission: `update(text)` per keystroke.
    /// `options`: `{field?, submission?, locale?, target?}`.
    pub fn session(&self, options: JsValue) -> Result<LiveSession, JsValue> {
        let options: SessionOptions = if options.is_undefined() || options.is_null() {
            SessionOptions::default()
        } else {
            let value = value_from_js(&options, "session options")?;
            SessionOptions::from_value(&value, &self.compiled).map_err(js_error)?
        };
        let session = Session::new(self.compiled.clone(), options.submission, &options.field);
        Ok(LiveSession { session, feedback: options.feedback, last: None, text: None })
    }
}


#[derive(Serialize)]
struct LintResult {
    errors: Vec<crate::Problem>,
    advice: Vec<crate::Advice>,
}

/// Lints a rubric without throwing: `{errors, advice}` (errors when it is not valid).
#[wasm_bindgen(js_name = lintRubric)]
pub fn lint_rubric(rubric: JsValue) -> Result<JsValue, JsValue> {
    let parsed = value_from_js(&rubric, "rubric").and_then(|v| crate::rubric::parse_rubric_value(&v).map_err(js_error));
    match parsed {
        Ok(r) => to_js(&LintResult { errors: Vec::new(), advice: crate::lint(&r) }),
        Err(js) => {
            let problems = js_sys::Reflect::get(&js, &"problems".into()).unwrap_or(JsValue::NULL);
            let result = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&result, &"errors".into(), &problems);
            let _ = js_sys::Reflect::set(&result, &"advice".into(), &js_sys::Array::new());
            Ok(result.into())
        }
    }
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

struct SessionOptions {
    field: String,
    submission: Submission,
    feedback: FeedbackOptions,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions { field: crate::rubric::model::default_field(), submission: Submission::default(), feedback: FeedbackOptions::default() }
    }
}

impl SessionOptions {
    fn from_value(value: &serde_json::Value, rubric: &CompiledRubric) -> Result<Self, Error> {
        let mut walk = crate::json::Walk::new();
        let mut options = SessionOptions::default();
        if let Some(mut f) = walk.object(value, "") {
            if let Some(field) = f.text(&mut walk, "field", false) {
                options.field = field.to_string();
            }
            if let Some(s) = f.get("submission") {
                match crate::rubric::parse_submission_value(s) {
                    Ok(sub) => options.submission = sub,
                    Err(e) => {
                        for p in e.problems() {
                            walk.problem(nested_path("submission", &p.path), p.message.clone());
                        }
                    }
                }
            }
            // locale and target are the feedback options, read and checked there.
            let mut feedback = serde_json::Map::new();
            for key in ["locale", "target"] {
                if let Some(v) = f.get(key) {
                    feedback.insert(key.to_string(), v.clone());
                }
            }
            match FeedbackOptions::from_value(&serde_json::Value::Object(feedback), rubric, "") {
                Ok(o) => options.feedback = o,
                Err(e) => e.problems().iter().for_each(|p| walk.problem(p.path.clone(), p.message.clone())),
            }
            f.finish(&mut walk);
        }
        walk.finish("session options")?;
        Ok(options)
    }
}

/// `inner` (a path inside the value at `outer`) as a path from the root.
fn nested_path(outer: &str, inner: &str) -> String {
    match inner.chars().next() {
        None => outer.to_string(),
        Some('[') => format!("{outer}{inner}"),
        Some(_) => format!("{outer}.{inner}"),
    }
}

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
}

// Builds the next result object from the previous one without converting what did not
// change: parts whose spans only moved with the edit are copied with those spans moved
// (the rule of `evidence::Span::shift`), untouched parts are shared, and only the parts
// named in `patch` (JSON: `report` without its criteria, `criteria` by index, `feedback`
// without its strengths, `strengths`) are parsed.
#[wasm_bindgen(inline_js = r#"
// Span arrays are shared between a criterion's `met` entry and the strength of the same
// indicator when equal (`share`), and moved once for both (`cache`).
function moveSpans(spans, field, at, by, cache) {
  const known = cache.get(spans);
  if (known) return known;
  // Spans come sorted by start: from the last back to the first before `at`.
  let out = spans;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s.start < at) break;
    if (s.field === field) {
      if (out === spans) out = spans.slice();
      out[i] = { field: s.field, start: Math.max(0, s.start + by), end: Math.max(0, s.end + by) };
    }
  }
  cache.set(spans, out);
  return out;
}
function moveEach(items, field, at, by, cache) {
  let out = items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const spans = moveSpans(item.spans, field, at, by, cache);
    if (spans !== item.spans) {
      if (out === items) out = items.slice();
      out[i] = { ...item, spans };
    }
  }
  return out;
}
function moveCriterion(c, field, at, by, cache) {
  const met = moveEach(c.met, field, at, by, cache);
  return met === c.met ? c : { ...c, met };
}
function sameSpans(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].field !== b[i].field) return false;
  }
  return true;
}
// Makes each strength use its indicator's `met` span array when the two are equal.
export function share(result) {
  const met = new Map();
  for (const c of result.report.criteria) for (const m of c.met) met.set(c.id + "\u0000" + m.indicator, m.spans);
  for (const s of result.feedback.strengths) {
    const spans = met.get(s.criterion + "\u0000" + s.indicator);
    if (spans && spans !== s.spans && sameSpans(spans, s.spans)) s.spans = spans;
  }
  return result;
}
function common(a, b, n, back) {
  // How many units a and b share from their starts (or ends), up to n: long slices
  // first (compared natively), then unit by unit.
  let k = 0;
  const la = a.length, lb = b.length;
  for (let step = 2048; step >= 16; step >>= 3) {
    while (k + step <= n && (back ? a.slice(la - k - step, la - k) === b.slice(lb - k - step, lb - k) : a.slice(k, k + step) === b.slice(k, k + step))) k += step;
  }
  if (back) while (k < n && a.charCodeAt(la - 1 - k) === b.charCodeAt(lb - 1 - k)) k++;
  else while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}
const low = (s, i) => i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00;
// Where b differs from a: [start, end in a, end in b], in UTF-16 units, never inside a
// surrogate pair.
export function editOf(a, b) {
  const n = Math.min(a.length, b.length);
  let p = b.startsWith(a) ? a.length : common(a, b, n, false);
  if (low(a, p) || low(b, p)) p -= 1;
  let s = common(a, b, n - p, true);
  if (low(a, a.length - s) || low(b, b.length - s)) s -= 1;
  return [p, a.length - s, b.length - s];
}
export function patchResult(previous, field, at, by, patchText) {
  const patch = patchText ? JSON.parse(patchText) : {};
  const cache = new Map();
  const old = previous.report;
  const changed = patch.criteria || {};
  const criteria = old.criteria.map((c, i) => (i in changed ? changed[i] : moveCriterion(c, field, at, by, cache)));
  const report = patch.report ? Object.assign(patch.report, { criteria }) : { ...old, criteria };
  let strengths = patch.strengths || moveEach(previous.feedback.strengths, field, at, by, cache);
  if (patch.strengthsAt) {
    if (strengths === previous.feedback.strengths) strengths = strengths.slice();
    for (const i in patch.strengthsAt) strengths[i] = patch.strengthsAt[i];
  }
  const feedback = patch.feedback ? Object.assign(patch.feedback, { strengths }) : { ...previous.feedback, strengths };
  const result = { report, feedback };
  return patchText ? share(result) : result;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = patchResult)]
    fn patch_result(previous: &JsValue, field: &str, at: u32, by: i32, patch: &str) -> JsValue;
    #[wasm_bindgen(js_name = editOf)]
    fn edit_of(previous: &js_sys::JsString, next: &js_sys::JsString) -> Vec<u32>;
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
            Some(previous) => match edit_of(previous, js)[..] {
                [start, end, new_end] => {
                    let inserted = String::from(js.slice(start, new_end));
                    self.session.edit(start, end, &inserted);
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
        let field = self.session.field().to_string();
        let moved = feedback.shift_spans(&field, at, by) | self.session.report_moved();
        if !self.session.evidence_changed() {
            let result = if moved { patch_result(&previous, &field, at, by32, "") } else { previous };
            self.last = Some((feedback, result.clone()));
            return Ok(result);
        }
        let fresh = crate::feedback::feedback(self.session.rubric(), self.session.report(), self.session.outcomes(), &self.feedback);
        let patch = live_patch(self.session.report_before(), self.session.report(), &feedback, &fresh)
            .map_err(|e| js_error(Error::at("output", "", format!("could not convert the result: {e}"))))?;
        let result = if patch.is_empty() && !moved { previous } else { patch_result(&previous, &field, at, by32, &patch) };
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
    /// The whole result converted afresh.
    fn convert_all(&mut self) -> Result<JsValue, JsValue> {
        let feedback = crate::feedback::feedback(self.session.rubric(), self.session.report(), self.session.outcomes(), &self.feedback);
        let result = share(&to_js(&LiveResult { report: self.session.report(), feedback: &feedback })?);
        self.last = Some((feedback, result.clone()));
        Ok(result)
    }
}

/// The parts of a live result that differ, beyond moved spans, between `before` (report and
/// feedback with their spans already moved) and `after`, as JSON for `patchResult`; empty
/// when none does.
fn live_patch(report_before: &crate::ScoreReport, report: &crate::ScoreReport, before: &crate::feedback::Feedback, after: &crate::feedback::Feedback) -> serde_json::Result<String> {
    use std::fmt::Write;
    let mut parts: Vec<String> = Vec::new();
    let same_head = report_before.criteria.len() == report.criteria.len() && {
        // Everything of the report but its criteria, compared without cloning them.
        report_before.head_clone() == report.head_clone()
    };
    if !same_head {
        parts.push(format!("\"report\":{}", serde_json::to_string(&report.head_clone())?));
    }
    let mut criteria = String::new();
    for (i, (old, new)) in report_before.criteria.iter().zip(&report.criteria).enumerate() {
        if old != new {
            let _ = write!(criteria, "{}\"{i}\":{}", if criteria.is_empty() { "" } else { "," }, serde_json::to_string(new)?);
        }
    }
    if !criteria.is_empty() {
        parts.push(format!("\"criteria\":{{{criteria}}}"));
    }
    if before.strengths.len() != after.strengths.len() {
        parts.push(format!("\"strengths\":{}", serde_json::to_string(&after.strengths)?));
    } else {
        let mut changed = String::new();
        for (i, (old, new)) in before.strengths.iter().zip(&after.strengths).enumerate() {
            if old != new {
                let _ = write!(changed, "{}\"{i}\":{}", if changed.is_empty() { "" } else { "," }, serde_json::to_string(new)?);
            }
        }
        if !changed.is_empty() {
            parts.push(format!("\"strengthsAt\":{{{changed}}}"));
        }
    }
    if before.head_clone() != after.head_clone() {
        parts.push(format!("\"feedback\":{}", serde_json::to_string(&after.head_clone())?));
    }
    Ok(if parts.is_empty() { String::new() } else { format!("{{{}}}", parts.join(",")) })
}

#[derive(Serialize)]
struct LiveResult<'a> {
    report: &'a crate::ScoreReport,
    feedback: &'a crate::feedback::Feedback,
}
