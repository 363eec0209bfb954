//! Evidence spans through the wasm binding, checked the way a page uses them: by slicing
//! the original JS string (UTF-16) with `substring(start, end)`.
#![cfg(target_arch = "wasm32")]

use evident::wasm::Engine;
use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LAB: &str = include_str!("../benches/browser/lab-rubric.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

/// The texts of the spans of `indicator` in a report's `met[]`, sliced from `text` as JS does.
fn met_slices(report: &JsValue, indicator: &str, text: &JsString) -> Option<Vec<String>> {
    for criterion in Array::from(&get(report, "criteria")).iter() {
        for met in Array::from(&get(&criterion, "met")).iter() {
            if get(&met, "indicator").as_string().as_deref() == Some(indicator) {
                let spans = Array::from(&get(&met, "spans"));
                return Some(
                    spans
                        .iter()
                        .map(|s| {
                            let start = get(&s, "start").as_f64().expect("start") as u32;
                            let end = get(&s, "end").as_f64().expect("end") as u32;
                            String::from(text.substring(start, end))
                        })
                        .collect(),
                );
            }
        }
    }
    None
}

#[wasm_bindgen_test]
fn lab_spans_slice_the_js_string_after_emoji_and_accents() {
    let engine = Engine::new(JsValue::from_str(LAB)).expect("lab rubric compiles");
    let text = "🌱 Día 1 — My claim: light helps. We measured the plants; the light ones reached 12.5 cm, while the dark ones reached 7.2 cm.";
    let mut live = engine.session(JsValue::UNDEFINED).expect("session");
    let result = live.update(&JsValue::from_str(text)).expect("update");
    let report = get(&result, "report");
    let js_text = JsString::from(text);
    assert_eq!(met_slices(&report, "claim-stated", &js_text), Some(vec!["My claim".to_string()]));
    assert_eq!(met_slices(&report, "value-light", &js_text), Some(vec!["12.5 cm".to_string()]));
    assert_eq!(met_slices(&report, "value-dark", &js_text), Some(vec!["7.2 cm".to_string()]));
    assert_eq!(
        met_slices(&report, "unit-pattern", &js_text),
        Some(vec!["12.5 cm".to_string(), "7.2 cm".to_string()])
    );
    assert_eq!(met_slices(&report, "compares", &js_text), Some(vec!["while the".to_string()]));
}

#[wasm_bindgen_test]
fn spanish_numbers_stems_and_accents_through_a_live_edit() {
    let rubric = r#"{"id": "es-lab", "title": "Informe", "locale": "es",
      "criteria": [{"id": "c", "title": "Datos", "levels": [
        {"value": 1, "points": 0, "descriptor": "Aún no."},
        {"value": 2, "points": 1, "descriptor": "Datos.", "requires": ["medida", "foto", "crece"]}],
        "indicators": [
          {"id": "medida", "check": {"type": "number", "equals": 12.5, "unit": "cm"}},
          {"id": "foto", "check": {"type": "phrases", "anyOf": ["fotosíntesis"], "ignoreAccents": true}},
          {"id": "crece", "check": {"type": "phrases", "anyOf": ["crecer"], "stem": true}}]}]}"#;
    let engine = Engine::new(JSON::parse(rubric).expect("JSON")).expect("compiles");
    let mut live = engine.session(JsValue::UNDEFINED).expect("session");
    let first = "La planta crece por la fotosintesis y midió 12,5 cm.";
    let report = get(&live.update(&JsValue::from_str(first)).expect("update"), "report");
    let js_first = JsString::from(first);
    assert_eq!(met_slices(&report, "medida", &js_first), Some(vec!["12,5 cm".to_string()]));
    assert_eq!(met_slices(&report, "foto", &js_first), Some(vec!["fotosintesis".to_string()]));
    // An edit before the evidence (an emoji: two UTF-16 units) moves every span.
    let second = "😀 ¡Hola! La planta crece por la fotosintesis y midió 12,5 cm.";
    let report = get(&live.update(&JsValue::from_str(second)).expect("update"), "report");
    let js_second = JsString::from(second);
    assert_eq!(met_slices(&report, "medida", &js_second), Some(vec!["12,5 cm".to_string()]));
    assert_eq!(met_slices(&report, "crece", &js_second), Some(vec!["crece".to_string()]));
    assert_eq!(met_slices(&report, "foto", &js_second), Some(vec!["fotosintesis".to_string()]));
}
