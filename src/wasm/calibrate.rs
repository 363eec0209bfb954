//! The binding of `calibrate` with suggestions and of accepting a suggestion:
//! `engine.calibrate(samples, { suggest: true })` and `applySuggestion(rubric, edit)`.

use super::{js_error, to_js, value_from_js};
use crate::calibration::edit::{apply_to_text, apply_to_value, Edit};
use crate::calibration::{calibrate_jsonl_with, calibrate_with, parse_sample_list, SuggestOptions};
use crate::error::Error;
use crate::scoring::CompiledRubric;
use wasm_bindgen::prelude::*;

/// Agreement on samples (JSON Lines text or a list of `{submission, teacher}`), with
/// suggestions when `options` is `{suggest: true, folds?, maxSuggestions?, minSupport?}`.
pub(crate) fn calibrate_js(
    rubric: &CompiledRubric,
    samples: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let options = if options.is_undefined() || options.is_null() {
        None
    } else {
        SuggestOptions::from_value(&value_from_js(options, "options")?).map_err(js_error)?
    };
    if let Some(text) = samples.as_string() {
        return to_js(&calibrate_jsonl_with(rubric, &text, options.as_ref()).map_err(js_error)?);
    }
    let value = value_from_js(samples, "samples")?;
    let serde_json::Value::Array(items) = value else {
        return Err(js_error(Error::at(
            "samples",
            "",
            "expected JSON Lines text or a list of {submission, teacher} objects",
        )));
    };
    let parsed = parse_sample_list(&items, rubric).map_err(js_error)?;
    to_js(&calibrate_with(rubric, &parsed, options.as_ref()))
}

/// Accepts a suggestion: `rubric` (JSON text, or an object) with `edit` (a suggestion's
/// `edit`, or the suggestion itself) applied. Text in, text out with only the changed list
/// or number rewritten; an object in, a new object out. Throws `EvidentError` when the edit
/// does not fit the rubric.
#[wasm_bindgen(js_name = applySuggestion)]
pub fn apply_suggestion(rubric: JsValue, edit: JsValue) -> Result<JsValue, JsValue> {
    let mut edit_value = value_from_js(&edit, "edit")?;
    if let Some(inner) = edit_value.get("edit") {
        edit_value = inner.clone();
    }
    let edit: Edit = serde_json::from_value(edit_value)
        .map_err(|e| js_error(Error::at("edit", "", format!("not a rubric edit: {e}"))))?;
    if let Some(text) = rubric.as_string() {
        return Ok(JsValue::from_str(&apply_to_text(&text, &edit).map_err(js_error)?));
    }
    let value = value_from_js(&rubric, "rubric")?;
    to_js(&apply_to_value(&value, &edit).map_err(js_error)?)
}
