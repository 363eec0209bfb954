//! The JavaScript binding (SPEC §3). It only converts: JS values in, the core's functions
//! called, JS values out, and every error thrown as one `EvidentError` with `message`,
//! `path` and `problems`. No panic crosses this boundary: inputs are validated by the core,
//! and the panic hook logs anything unexpected to the console.

use crate::error::Error;
use crate::feedback::FeedbackOptions;
use crate::rubric::model::Submission;
use crate::scoring::CompiledRubric;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

mod batch;
#[cfg(feature = "full")]
mod calibrate;
#[cfg(feature = "full")]
pub use calibrate::apply_suggestion;
mod convert;
mod limits;
pub use limits::{get_limits, set_limits};
// Teacher and class pages only (the `full` build): mastery, frameworks, CASE, xAPI, calibration.
#[cfg(feature = "full")]
pub mod framework;
mod live;
#[cfg(feature = "full")]
pub mod mastery;
pub use live::LiveSession;
mod feedback;
#[cfg(feature = "full")]
pub use feedback::calibrate_rubric;
pub use feedback::feedback_once;

#[wasm_bindgen(start)]
fn start() {
    // Built with the immediate-abort panic strategy (scripts/build.sh with nightly), a panic
    // traps before any hook could run, so the hook and its formatting are left out.
    #[cfg(not(panic = "immediate-abort"))]
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

/// A JS object or a JSON string, as JSON, depth- and size-limited (see `convert`).
pub(crate) use convert::value_from_js;

/// Any serializable result, as a plain JS object.
///
/// Through JSON text and the engine's `JSON.parse`: one crossing of the boundary instead of
/// one per property, several times faster for large results (a class's estimates, a long
/// essay's spans). Non-finite numbers become `null`, as in any JSON.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&json_text(value)?)
        .map_err(|_| js_error(Error::at("output", "", "could not convert the result")))
}

/// A result as JSON text, or the binding's error when it cannot be written.
fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        js_error(Error::at("output", "", format!("could not convert the result: {e}")))
    })
}

#[wasm_bindgen(inline_js = r#"
export function reportWithSpans(json, fieldsJson, flat) {
  const report = JSON.parse(json);
  const fields = JSON.parse(fieldsJson);
  let k = 0;
  for (const criterion of report.criteria) {
    for (const met of criterion.met) {
      const spans = new Array(flat[k++]);
      for (let i = 0; i < spans.length; i++, k += 3) {
        spans[i] = { field: fields[flat[k]], start: flat[k + 1], end: flat[k + 2] };
      }
      met.spans = spans;
    }
  }
  return report;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = reportWithSpans)]
    fn report_with_spans(json: &str, fields: &str, flat: &[u32]) -> JsValue;
}

/// A score report as a plain JS object, the same as `to_js` makes, but with its spans (most
/// of a long answer's report) handed over as numbers, `[count, (field, start, end)…]` per
/// met indicator in report order, and made into objects in JS, instead of being written
/// as JSON text and parsed again (1,000 words against 40 keyword groups: 268 spans, about
/// 10.7 KB of the report's 13.7 KB of JSON).
pub(crate) fn report_to_js(mut report: crate::ScoreReport) -> Result<JsValue, JsValue> {
    let mut fields: Vec<std::rc::Rc<str>> = Vec::new();
    let mut flat: Vec<u32> = Vec::new();
    for met in report.criteria.iter_mut().flat_map(|c| c.met.iter_mut()) {
        flat.push(met.spans.len() as u32);
        for span in std::mem::take(&mut met.spans) {
            let field = match fields
                .iter()
                .position(|f| std::rc::Rc::ptr_eq(f, &span.field) || *f == span.field)
            {
                Some(i) => i,
                None => {
                    fields.push(span.field.clone());
                    fields.len() - 1
                }
            };
            flat.extend([field as u32, span.start.0, span.end.0]);
        }
    }
    Ok(report_with_spans(&json_text(&report)?, &json_text(&fields)?, &flat))
}

/// A submission from JS (an object or a JSON string), validated.
pub(crate) fn submission_from_js(input: &JsValue) -> Result<Submission, JsValue> {
    let value = convert::document_from_js(input, "submission").map_err(js_error)?;
    crate::rubric::parse_submission_value(&value).map_err(js_error)
}

/// A rubric from JS (an object or a JSON string), validated and compiled.
pub(crate) fn rubric_from_js(input: &JsValue) -> Result<CompiledRubric, JsValue> {
    let value = rubric_value_from_js(input)?;
    let parsed = crate::rubric::parse_rubric_value(&value).map_err(js_error)?;
    check_stemmer_in_build(&parsed.locale).map_err(js_error)?;
    CompiledRubric::new(parsed).map_err(js_error)
}

/// A rubric from JS as JSON, its counts checked first when it is an object (see
/// `convert::check_rubric_counts`).
fn rubric_value_from_js(input: &JsValue) -> Result<serde_json::Value, JsValue> {
    convert::check_rubric_counts(input).map_err(js_error)?;
    convert::document_from_js(input, "rubric").map_err(js_error)
}

/// The student build stems English and Spanish only: a rubric in another language with a
/// Snowball stemmer would score differently here than in the full build, so it is refused
/// with the way out rather than scored without stemming.
fn check_stemmer_in_build(locale: &str) -> Result<(), Error> {
    let language = crate::text::language(locale);
    if crate::text::STEMMER_LANGUAGES.contains(&language.as_str())
        && !crate::text::stemmer_available(locale)
    {
        return Err(Error::at(
            "rubric",
            "locale",
            format!(
                "this is the student build of Evident, which stems English and Spanish only; \
                 a rubric in \"{locale}\" needs the full build (import from \"evident/full\", \
                 or add data-evident-build=\"full\" to the page's script tag)"
            ),
        ));
    }
    Ok(())
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

    /// The rubric as compiled, with every default filled in, each text a plain string in
    /// the rubric's own language (see `rubricIn` and `source`).
    #[wasm_bindgen(getter)]
    pub fn rubric(&self) -> Result<JsValue, JsValue> {
        to_js(&self.compiled.rubric.flattened(&self.compiled.rubric.locale))
    }

    /// The rubric with each text in `locale` where the rubric gives it (its own language
    /// where not), as plain strings: what a page in that language shows.
    #[wasm_bindgen(js_name = rubricIn)]
    pub fn rubric_in(&self, locale: &str) -> Result<JsValue, JsValue> {
        to_js(&self.compiled.rubric.flattened(locale))
    }

    /// The rubric as written, texts by locale included (defaults filled in).
    #[wasm_bindgen(getter)]
    pub fn source(&self) -> Result<JsValue, JsValue> {
        to_js(&self.compiled.rubric)
    }

    /// Scores a submission → score report.
    pub fn score(&self, submission: JsValue) -> Result<JsValue, JsValue> {
        let submission = submission_from_js(&submission)?;
        let report = self.compiled.score(&submission).map_err(js_error)?;
        report_to_js(report)
    }

    /// Advice on the rubric's quality: `{errors: [], advice: [...]}`.
    #[cfg(feature = "full")]
    pub fn lint(&self) -> Result<JsValue, JsValue> {
        to_js(&LintResult { errors: Vec::new(), advice: crate::lint(&self.compiled.rubric) })
    }

    /// Formative feedback on a submission: goal, strengths with evidence, at most three next
    /// steps, progress. `options`: `{locale: "en" | "es", target: 3}` (both optional).
    pub fn feedback(&self, submission: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        feedback::feedback_js(&self.compiled, &submission, &options)
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
        // Work in another language the rubric is written in is read with that language's
        // phrases and wording.
        LiveSession::new(
            self.compiled.clone(),
            options.submission,
            &options.field,
            options.feedback,
        )
    }
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl Engine {
    /// Agreement between the engine and teacher levels on sample work: JSON Lines text or a
    /// list of `{submission, teacher}` objects. `options`: `{suggest: true}` adds suggested
    /// rubric edits (see `applySuggestion`). In the `full` build only (evident/full).
    pub fn calibrate(&self, samples: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        calibrate::calibrate_js(&self.compiled, &samples, &options)
    }
}

/// What `lintRubric` and `Engine.lint` give (teacher tools: the full build only).
#[cfg(feature = "full")]
#[derive(Serialize)]
struct LintResult {
    errors: Vec<crate::Problem>,
    advice: Vec<crate::Advice>,
}

/// Lints a rubric without throwing: `{errors, advice}` (errors when it is not valid).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = lintRubric)]
pub fn lint_rubric(rubric: JsValue) -> Result<JsValue, JsValue> {
    let parsed = rubric_value_from_js(&rubric)
        .and_then(|v| crate::rubric::parse_rubric_value(&v).map_err(js_error));
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
        SessionOptions {
            field: crate::rubric::model::default_field(),
            submission: Submission::default(),
            feedback: FeedbackOptions::default(),
        }
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
                Err(e) => e
                    .problems()
                    .iter()
                    .for_each(|p| walk.problem(p.path.clone(), p.message.clone())),
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

/// Test hook (not part of the API): traps on purpose, so that the JS loader's recovery can be
/// tested however the engine's own limits evolve. `kind` 0 panics (a trap with the panic
/// hook's message in the console); any other value overflows the stack, which leaves the
/// shadow stack pointer at the bottom unless the loader resets it.
#[doc(hidden)]
#[wasm_bindgen(js_name = __evidentTrap)]
pub fn trap_for_tests(kind: u32) -> u32 {
    #[allow(unconditional_recursion)]
    fn deep(n: u32, seen: &mut [u32; 64]) -> u32 {
        seen[(n % 64) as usize] = n;
        let mut local = [n; 64];
        local[(n % 64) as usize] = deep(std::hint::black_box(n + 1), &mut local);
        local.iter().fold(0u32, |a, b| a.wrapping_add(*b)).wrapping_add(seen[0])
    }
    if kind == 0 {
        panic!("deliberate panic (test hook)");
    }
    deep(0, &mut [0; 64])
}
