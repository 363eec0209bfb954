//! Feedback and calibration through the wasm binding, called as JavaScript calls them.
#![cfg(target_arch = "wasm32")]

use evident::wasm::{calibrate_rubric, feedback_once};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUBRIC: &str = include_str!("../examples/cer-lab.rubric.json");
const SAMPLES: &str = include_str!("../examples/cer-lab.samples.jsonl");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

#[wasm_bindgen_test]
fn feedback_in_spanish_from_js_objects() {
    let submission = js(
        // Written in English (its `locale`), read with Spanish messages.
        r#"{"locale": "en", "responses": {"response": "I think the plants with more light grew taller. The data table shows 14 cm and 6 cm."}}"#,
    );
    let fb = feedback_once(JsValue::from_str(RUBRIC), submission, js(r#"{"locale": "es-MX"}"#))
        .expect("feedback");
    assert_eq!(get(&fb, "locale").as_string().as_deref(), Some("es"));
    let steps = Array::from(&get(&fb, "nextSteps"));
    assert!(steps.length() >= 1 && steps.length() <= 3);
    // Reasoning (level 1, no "because") is the only criterion below the target 3, so it comes first.
    assert_eq!(get(&steps.get(0), "criterion").as_string().as_deref(), Some("reasoning"));
    assert!(get(&steps.get(0), "reason").as_string().unwrap().starts_with("Esto ayuda"));
    assert_eq!(
        get(&get(&fb, "goal"), "message").as_string().as_deref(),
        Some("Tu meta es Proficient en cada parte.")
    );
}

#[wasm_bindgen_test]
fn a_target_off_the_scale_throws_with_its_path() {
    let err = feedback_once(
        JsValue::from_str(RUBRIC),
        js(r#"{"responses": {}}"#),
        js(r#"{"target": 7}"#),
    )
    .unwrap_err();
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("EvidentError"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("target"));
}

#[wasm_bindgen_test]
fn calibration_from_json_lines_and_from_an_array() {
    let from_text = calibrate_rubric(JsValue::from_str(RUBRIC), JsValue::from_str(SAMPLES))
        .expect("calibrates");
    let lines = SAMPLES.lines().filter(|l| !l.trim().is_empty()).count() as f64;
    assert_eq!(get(&from_text, "samples").as_f64(), Some(lines));
    let array = Array::new();
    for line in SAMPLES.lines().filter(|l| !l.trim().is_empty()) {
        array.push(&js(line));
    }
    let from_array = calibrate_rubric(JsValue::from_str(RUBRIC), array.into()).expect("calibrates");
    let kappa = |r: &JsValue| get(&get(r, "overall"), "kappa").as_f64();
    assert!(kappa(&from_text).is_some());
    assert_eq!(kappa(&from_text), kappa(&from_array));
    // A bad sample in an array is located by its index.
    let bad = js(r#"[{"submission": {"responses": {}}, "teacher": {"claim": 9}}]"#);
    let err = calibrate_rubric(JsValue::from_str(RUBRIC), bad).unwrap_err();
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("[0].teacher.claim"));
}
