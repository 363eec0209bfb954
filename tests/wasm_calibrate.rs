//! `engine.calibrate(samples, { suggest: true })` and `applySuggestion` through the wasm
//! binding, called as JavaScript calls them.
#![cfg(target_arch = "wasm32")]

use evident::wasm::{apply_suggestion, Engine};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The class of tests/calibration_suggest.rs: level 1 needs "osmosis", level 2 also "uses
// energy"; three answers say "water diffusion" instead, which the teacher credits.
const RUBRIC: &str = r#"{"id": "membrane", "title": "Cell membrane", "locale": "en",
  "scale": {"levels": [{"value": 0, "label": "None"}, {"value": 1, "label": "Some"}, {"value": 2, "label": "All"}], "mastery": 2},
  "criteria": [{"id": "score", "title": "Processes",
    "levels": [{"value": 0, "descriptor": "None."}, {"value": 1, "descriptor": "Osmosis.", "requires": ["osmosis"]},
               {"value": 2, "descriptor": "Both.", "requires": ["osmosis", "energy"]}],
    "indicators": [{"id": "osmosis", "check": {"type": "phrases", "anyOf": ["osmosis"]}},
                   {"id": "energy", "check": {"type": "phrases", "anyOf": ["uses energy"]}}]}]}"#;

const SAMPLES: &str = r#"[
 {"submission": {"student": "s1", "responses": {"response": "Osmosis moves water. Active transport uses energy."}}, "teacher": {"score": 2}},
 {"submission": {"student": "s2", "responses": {"response": "Osmosis moves water."}}, "teacher": {"score": 1}},
 {"submission": {"student": "s3", "responses": {"response": "Water diffusion across the membrane."}}, "teacher": {"score": 1}},
 {"submission": {"student": "s4", "responses": {"response": "Water diffusion across the membrane happens. Pumping uses energy."}}, "teacher": {"score": 2}},
 {"submission": {"student": "s5", "responses": {"response": "Water diffusion is slow."}}, "teacher": {"score": 1}},
 {"submission": {"student": "s6", "responses": {"response": "Cells are small."}}, "teacher": {"score": 0}},
 {"submission": {"student": "s7", "responses": {"response": "The nucleus is big."}}, "teacher": {"score": 0}},
 {"submission": {"student": "s8", "responses": {"response": "Osmosis is a process."}}, "teacher": {"score": 1}}
]"#;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

#[wasm_bindgen_test]
fn suggestions_from_js_and_accepting_one() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric");
    // Without options: no suggestions key, as before.
    let plain = engine.calibrate(js(SAMPLES), JsValue::UNDEFINED).expect("calibrates");
    assert!(get(&plain, "suggestions").is_undefined());
    let report = engine
        .calibrate(js(SAMPLES), js(r#"{"suggest": true, "minSupport": 3}"#))
        .expect("calibrates");
    let list = Array::from(&get(&report, "suggestions"));
    let first = list.get(0);
    // Worked by hand in tests/calibration_suggest.rs: "water" meets `osmosis` on the three
    // answers, κ 0.4 → 1.
    assert_eq!(get(&get(&first, "edit"), "phrase").as_string().as_deref(), Some("water"));
    let after = get(&get(&first, "effect"), "trainingAfter").as_f64().unwrap();
    assert!((after - 1.0).abs() < 1e-9);
    // Text in, text out: only the phrase list changes.
    let edited = apply_suggestion(JsValue::from_str(RUBRIC), first.clone()).expect("applies");
    assert_eq!(
        edited.as_string().unwrap(),
        RUBRIC.replace(r#""anyOf": ["osmosis"]"#, r#""anyOf": ["osmosis", "water"]"#)
    );
    // Object in, object out; the edited rubric now agrees with the teacher.
    let object = apply_suggestion(js(RUBRIC), get(&first, "edit")).expect("applies");
    let engine = Engine::new(object).expect("edited rubric");
    let again = engine.calibrate(js(SAMPLES), JsValue::UNDEFINED).expect("calibrates");
    let kappa = get(&get(&again, "overall"), "kappa").as_f64().unwrap();
    assert!((kappa - 1.0).abs() < 1e-9);
}

#[wasm_bindgen_test]
fn bad_options_and_edits_throw_located_errors() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric");
    let err = engine.calibrate(js(SAMPLES), js(r#"{"suggest": "yes"}"#)).unwrap_err();
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("suggest"));
    let edit = js(
        r#"{"op": "addPhrase", "criterion": "score", "indicator": "nope", "phrase": "x", "locale": "en"}"#,
    );
    let err = apply_suggestion(JsValue::from_str(RUBRIC), edit).unwrap_err();
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("EvidentError"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("indicator"));
    let err = apply_suggestion(JsValue::from_str(RUBRIC), js(r#"{"op": "paint"}"#)).unwrap_err();
    assert_eq!(get(&err, "path").as_string().as_deref(), Some(""));
}
