//! The rubric language through the wasm binding, called as JavaScript calls it: a Spanish
//! live session on the bilingual CER rubric, the rubric as a Spanish page shows it, and the
//! integrity guards in a score report.
#![cfg(target_arch = "wasm32")]

use evident::wasm::Engine;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUBRIC: &str = include_str!("../examples/cer-lab.rubric.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn levels(report: &JsValue) -> Vec<f64> {
    Array::from(&get(report, "criteria"))
        .iter()
        .map(|c| get(&c, "level").as_f64().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn a_spanish_live_session_reads_spanish_phrases_and_shows_spanish_text() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric compiles");
    let mut live = engine.session(js(r#"{"locale": "es"}"#)).expect("session");
    // By hand: claim 3 ("Mi afirmación", luz + crezcan), evidence 4 (14 cm and 6 cm in one
    // sentence), reasoning 3 ("porque", "fotosíntesis").
    let text = "Mi afirmación es que la luz hace que las plantas crezcan más. Con luz crecieron 14 cm y sin luz 6 cm. Esto pasa porque usan la luz para la fotosíntesis.";
    let result = live.update(&JsValue::from_str(text)).expect("update");
    assert_eq!(levels(&get(&result, "report")), [3.0, 4.0, 3.0]);
    let goal = get(&get(&result, "feedback"), "goal");
    let first = Array::from(&get(&goal, "criteria")).get(0);
    assert_eq!(get(&first, "title").as_string().as_deref(), Some("Afirmación"));
    assert_eq!(get(&first, "lang").as_string().as_deref(), Some("es"));
    // The same words typed as English are not read as the Spanish phrases.
    let mut english = engine.session(js(r#"{"locale": "en"}"#)).expect("session");
    let result = english.update(&JsValue::from_str(text)).expect("update");
    assert_eq!(levels(&get(&result, "report"))[0], 1.0);
}

/// A page that switches its language mid-answer (`setOptions({locale})`) gets what a new
/// session in that language gives for the same text: the rubric's Spanish wording and level
/// labels with the Spanish messages (it used to keep the English rubric text: "Tu meta es
/// Proficient", "la parte de Evidence"), and the answer read with the Spanish phrases.
/// Typing goes on in the switched session.
#[wasm_bindgen_test]
fn switching_a_live_session_to_spanish_is_a_spanish_session() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric compiles");
    let text = "Mi afirmación es que la luz hace que las plantas crezcan más. Con luz crecieron 14 cm y sin luz 6 cm.";
    let mut live = engine.session(JsValue::UNDEFINED).expect("session");
    let result = live.update(&JsValue::from_str(text)).expect("update");
    assert_eq!(levels(&get(&result, "report"))[0], 1.0, "English phrases do not read Spanish");
    live.set_options(js(r#"{"locale": "es"}"#)).expect("set options");
    let switched = live.update(&JsValue::from_str(text)).expect("update");
    let mut spanish = engine.session(js(r#"{"locale": "es"}"#)).expect("session");
    let fresh = spanish.update(&JsValue::from_str(text)).expect("update");
    let json = |v: &JsValue| JSON::stringify(v).unwrap().as_string().unwrap();
    assert_eq!(json(&switched), json(&fresh));
    assert_eq!(levels(&get(&switched, "report")), [3.0, 4.0, 1.0]);
    let goal = get(&get(&switched, "feedback"), "goal");
    assert_eq!(
        get(&goal, "message").as_string().as_deref(),
        Some("Tu meta es Competente en cada parte.")
    );
    let more = format!("{text} Esto pasa porque usan la luz para la fotosíntesis.");
    let typed = live.update(&JsValue::from_str(&more)).expect("update");
    assert_eq!(levels(&get(&typed, "report")), [3.0, 4.0, 3.0]);
    // And back: English again.
    live.set_options(js(r#"{"locale": "en"}"#)).expect("set options");
    let back = live.update(&JsValue::from_str(&more)).expect("update");
    assert_eq!(levels(&get(&back, "report"))[0], 1.0);
}

#[wasm_bindgen_test]
fn the_rubric_as_a_spanish_page_shows_it() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric compiles");
    let es = engine.rubric_in("es").expect("rubric in es");
    assert_eq!(
        get(&es, "title").as_string().as_deref(),
        Some("Afirmación, evidencia, razonamiento: laboratorio de crecimiento de plantas")
    );
    // The default view is plain English text; the source keeps both languages.
    let en = engine.rubric().expect("rubric");
    assert_eq!(
        get(&en, "title").as_string().as_deref(),
        Some("Claim, evidence, reasoning: plant growth lab")
    );
    let source = engine.source().expect("source");
    assert!(get(&get(&source, "title"), "es").is_string());
}

#[wasm_bindgen_test]
fn a_keyword_list_is_reported_and_earns_nothing() {
    let engine = Engine::new(JsValue::from_str(RUBRIC)).expect("rubric compiles");
    let report = engine
        .score(js(r#"{"responses": {"response": "my claim light grow tall in our test data cm more than because photosynthesis"}}"#))
        .expect("score");
    assert_eq!(levels(&report), [1.0, 1.0, 1.0]);
    let note = Array::from(&get(&report, "integrity")).get(0);
    assert_eq!(get(&note, "keywordLists").as_f64(), Some(1.0));
}
