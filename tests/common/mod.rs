//! Helpers shared by the evidence, session and property tests: small rubrics built around
//! the checks under test, and span slicing in UTF-16 like a JS string.
#![allow(dead_code)]

use evident::evidence::{Outcome, Span};
use evident::{CompiledRubric, Submission};
use serde_json::{json, Value};

/// A one-criterion rubric whose indicators are `checks` (ids `i0`, `i1`, …); level 2 needs
/// all of them.
pub fn rubric(locale: &str, checks: &[Value]) -> CompiledRubric {
    let indicators: Vec<Value> = checks
        .iter()
        .enumerate()
        .map(|(i, check)| {
            let mut indicator = json!({"id": format!("i{i}"), "check": check});
            if let Some(field) = check.get("field") {
                // Tests put `field` beside the check for brevity; it belongs to the indicator.
                indicator["field"] = field.clone();
                indicator["check"].as_object_mut().map(|o| o.remove("field"));
            }
            indicator
        })
        .collect();
    let ids: Vec<String> = (0..checks.len()).map(|i| format!("i{i}")).collect();
    let doc = json!({
        "id": "t", "title": "Test", "locale": locale,
        "criteria": [{"id": "c", "title": "C", "levels": [
            {"value": 1, "points": 0, "descriptor": "Not yet."},
            {"value": 2, "points": 1, "descriptor": "Everything asked.", "requires": ids}],
          "indicators": indicators}]
    });
    match CompiledRubric::from_json(&doc.to_string()) {
        Ok(r) => r,
        Err(e) => panic!("test rubric rejected: {e}"),
    }
}

/// Outcomes of `checks` on one text response.
pub fn evaluate(locale: &str, checks: &[Value], text: &str) -> Vec<Outcome> {
    rubric(locale, checks).matchers.evaluate(&Submission::of_text(text))
}

/// The text a span covers, read as a JS string would (UTF-16 code units).
pub fn slice(text: &str, span: &Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[span.start.0 as usize..span.end.0 as usize])
}

pub fn slices(text: &str, outcome: &Outcome) -> Vec<String> {
    outcome.spans.iter().map(|s| slice(text, s)).collect()
}
