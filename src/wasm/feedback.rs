//! The binding of feedback and calibration: converts JS values, calls the core, converts
//! back. `Engine::feedback` (in `mod.rs`) is a one-line call to these; calibration is in
//! `calibrate.rs`.

use super::{js_error, rubric_from_js, submission_from_js, to_js, value_from_js};
use crate::feedback::{feedback_for, FeedbackOptions};
use crate::scoring::CompiledRubric;
use wasm_bindgen::prelude::*;

/// Feedback options from JS: `undefined`/`null` for the defaults, or `{locale, target}`
/// (an object or a JSON string); a target off the scale throws with path `target`.
pub(crate) fn options_from_js(
    rubric: &CompiledRubric,
    options: &JsValue,
) -> Result<FeedbackOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(FeedbackOptions::default());
    }
    let value = value_from_js(options, "options")?;
    FeedbackOptions::from_value(&value, rubric, "").map_err(js_error)
}

/// Scores a submission and gives feedback on it → `Feedback`.
pub(crate) fn feedback_js(
    rubric: &CompiledRubric,
    submission: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let submission = submission_from_js(submission)?;
    let options = options_from_js(rubric, options)?;
    to_js(&feedback_for(rubric, &submission, &options).map_err(js_error)?)
}

/// Feedback in one call, for pages that do not keep an `Engine`: compiles `rubric`, scores
/// `submission`, gives feedback with `options` (`{locale, target}`).
#[wasm_bindgen(js_name = feedbackOnce)]
pub fn feedback_once(
    rubric: JsValue,
    submission: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let compiled = rubric_from_js(&rubric)?;
    feedback_js(&compiled, &submission, &options)
}

#[cfg(feature = "full")]
/// Calibration in one call: compiles `rubric`, reads `samples` (JSON Lines text or an array).
#[wasm_bindgen(js_name = calibrateRubric)]
pub fn calibrate_rubric(rubric: JsValue, samples: JsValue) -> Result<JsValue, JsValue> {
    let compiled = rubric_from_js(&rubric)?;
    super::calibrate::calibrate_js(&compiled, &samples, &JsValue::UNDEFINED)
}
