//! JS functions for mastery: estimates from evidence, evidence from a score report, evidence
//! JSON Lines. Conversion only: each calls one core function of `crate::mastery`.

use super::{js_error, to_js, value_from_js};
use crate::mastery;
use wasm_bindgen::prelude::*;

/// Evidence records given as a list, or as JSON Lines text.
fn records_from_js(records: &JsValue) -> Result<Vec<mastery::EvidenceRecord>, JsValue> {
    match records.as_string() {
        Some(text) => mastery::parse_evidence_jsonl(&text).map_err(js_error),
        None => mastery::parse_records_value(&value_from_js(records, "evidence")?).map_err(js_error),
    }
}

/// One estimate per student and competency → estimates, sorted by student then competency.
#[wasm_bindgen(js_name = computeMastery)]
pub fn compute_mastery(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let records = records_from_js(&records)?;
    let options = if options.is_undefined() || options.is_null() {
        mastery::MasteryOptions::default()
    } else {
        mastery::parse_options_value(&value_from_js(&options, "mastery options")?).map_err(js_error)?
    };
    to_js(&mastery::compute_mastery(&records, &options))
}

/// A score report → one evidence record per criterion with a competency.
#[wasm_bindgen(js_name = evidenceFromReport)]
pub fn evidence_from_report(report: JsValue) -> Result<JsValue, JsValue> {
    let value = value_from_js(&report, "score report")?;
    to_js(&mastery::records_from_report_value(&value).map_err(js_error)?)
}

/// Evidence JSON Lines → records (every bad line reported).
#[wasm_bindgen(js_name = parseEvidence)]
pub fn parse_evidence(jsonl: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = jsonl.as_string() else {
        return Err(js_error(crate::Error::at("evidence", "", "expected evidence as JSON Lines text (a string)")));
    };
    to_js(&mastery::parse_evidence_jsonl(&text).map_err(js_error)?)
}
