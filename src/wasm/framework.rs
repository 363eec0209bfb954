//! JS functions for frameworks, recommendations, CASE import and xAPI export. Conversion
//! only: each calls one core function and returns its result as a plain JS object.

use super::{js_error, to_js, value_from_js};
use crate::error::Error;
use crate::interop::xapi::{submission_statements, XapiOptions};
use wasm_bindgen::prelude::*;

/// Validates a framework (object or JSON string) → the framework with defaults filled in.
#[wasm_bindgen(js_name = parseFramework)]
pub fn parse_framework(framework: JsValue) -> Result<JsValue, JsValue> {
    let value = value_from_js(&framework, "framework")?;
    to_js(&crate::framework::parse_framework_value(&value).map_err(js_error)?)
}

/// Estimates with every parent's rolled-up estimate → estimates.
#[wasm_bindgen(js_name = rollUp)]
pub fn roll_up(framework: JsValue, estimates: JsValue) -> Result<JsValue, JsValue> {
    let framework =
        crate::framework::parse_framework_value(&value_from_js(&framework, "framework")?)
            .map_err(js_error)?;
    let estimates =
        crate::framework::estimates_from_value(&value_from_js(&estimates, "estimates")?)
            .map_err(js_error)?;
    to_js(&crate::framework::roll_up(&framework, &estimates))
}

/// Recommendations for `options.student` → `{student, framework, asOf?, recommendations}`;
/// with `null` estimates, computed from `options.evidence`.
#[wasm_bindgen]
pub fn recommend(
    framework: JsValue,
    estimates: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let framework = value_from_js(&framework, "framework")?;
    // `null`: compute them from `options.evidence`.
    let estimates = if estimates.is_null() || estimates.is_undefined() {
        serde_json::Value::Null
    } else {
        value_from_js(&estimates, "estimates")?
    };
    let options = value_from_js(&options, "options")?;
    to_js(&crate::framework::recommend_request(&framework, &estimates, &options).map_err(js_error)?)
}

/// A CASE 1.0 CFPackage → `{framework, rubrics, unmapped}`.
#[wasm_bindgen(js_name = importCase)]
pub fn import_case(package: JsValue) -> Result<JsValue, JsValue> {
    let value = value_from_js(&package, "CASE package")?;
    to_js(&crate::interop::case::import_case_value(&value).map_err(js_error)?)
}

/// xAPI 1.0.3 statements for a submission scored against a rubric → statements.
#[wasm_bindgen(js_name = xapiStatements)]
pub fn xapi_statements(
    rubric: JsValue,
    submission: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let compiled = super::rubric_from_js(&rubric)?;
    let submission = super::submission_from_js(&submission)?;
    let options: XapiOptions = if options.is_undefined() || options.is_null() {
        XapiOptions::default()
    } else {
        serde_json::from_value(value_from_js(&options, "xAPI options")?)
            .map_err(|e| js_error(Error::at("options", "", format!("bad xAPI options: {e}"))))?
    };
    to_js(&submission_statements(&compiled, &submission, &options).map_err(js_error)?)
}
