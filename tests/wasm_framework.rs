//! The framework, CASE and xAPI functions of the wasm binding, called as JavaScript calls
//! them, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use evident::wasm::framework::{import_case, parse_framework, recommend, roll_up, xapi_statements};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FRAMEWORK: &str = include_str!("../examples/science.framework.json");
const CATALOG: &str = include_str!("../examples/science.catalog.json");
const RUBRIC: &str = include_str!("../examples/cer-lab.rubric.json");
const SUBMISSION: &str = include_str!("../examples/cer-lab.submission.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

#[wasm_bindgen_test]
fn a_framework_with_a_cycle_throws_an_evident_error_with_the_path() {
    let ok = parse_framework(JsValue::from_str(FRAMEWORK)).expect("example parses");
    assert_eq!(Array::from(&get(&ok, "competencies")).length(), 9);
    let bad = js(r#"{"id": "f", "title": "t", "competencies": [
        {"id": "A", "title": "a", "prerequisites": ["B"]}, {"id": "B", "title": "b", "prerequisites": ["A"]}]}"#);
    let err = parse_framework(bad).expect_err("a cycle");
    assert_eq!(text(&err, "name").as_deref(), Some("EvidentError"));
    assert_eq!(text(&err, "path").as_deref(), Some("competencies[0].prerequisites[0]"));
    assert_eq!(
        text(&err, "message").as_deref(),
        Some("competencies[0].prerequisites[0]: cycle: A → B → A")
    );
}

#[wasm_bindgen_test]
fn recommends_from_estimates_given_as_js_objects() {
    // s-9 mastered SCI.INQ.1 (a question) and is close on SCI.INQ.2 (2.6, steady).
    let estimates = js(r#"[
        {"student": "s-9", "competency": "SCI.INQ.1", "value": 3.2, "mastered": true, "trend": "steady", "lastAt": "2026-11-02T09:00:00Z"},
        {"student": "s-9", "competency": "SCI.INQ.2", "value": 2.6, "mastered": false, "trend": "steady", "lastAt": "2026-11-09T09:00:00Z"}]"#);
    let options = js(&format!(r#"{{"student": "s-9", "locale": "es", "catalog": {CATALOG}}}"#));
    let out =
        recommend(JsValue::from_str(FRAMEWORK), estimates.clone(), options).expect("recommends");
    let list = Array::from(&get(&out, "recommendations"));
    // SCI.INQ.2: 0.4 below mastery → nearMastery, 0.7 + 0.2 × (1 − 0.4 / 0.5) = 0.74.
    let first = list.get(0);
    assert_eq!(text(&first, "competency").as_deref(), Some("SCI.INQ.2"));
    assert_eq!(text(&first, "reason").as_deref(), Some("nearMastery"));
    assert_eq!(get(&first, "score").as_f64(), Some(0.74));
    assert_eq!(text(&first, "because").as_deref(), Some("Estás cerca de tu meta en «Plan a fair test». Un buen intento más te puede llevar allí."));
    assert_eq!(
        text(&Array::from(&get(&first, "tasks")).get(0), "id").as_deref(),
        Some("fair-test-plan")
    );
    // SCI.CER.1 needs only SCI.INQ.1: ready, with no evidence.
    let ids: Vec<String> = list.iter().filter_map(|r| text(&r, "competency")).collect();
    assert_eq!(ids, ["SCI.INQ.2", "SCI.CER.1"]);

    let rolled = roll_up(JsValue::from_str(FRAMEWORK), estimates).expect("rolls up");
    let inq = Array::from(&rolled)
        .iter()
        .find(|e| text(e, "competency").as_deref() == Some("SCI.INQ"))
        .expect("SCI.INQ");
    // {"atLeast": 2}: one of three parts mastered → not yet; value (3.2 + 2.6) / 2 = 2.9.
    assert_eq!(get(&inq, "mastered").as_bool(), Some(false));
    assert!((get(&inq, "value").as_f64().unwrap() - 2.9).abs() < 1e-12);

    // Straight from evidence: SCI.INQ.1 2 then 3, latest → 3, mastered; nothing else.
    let options = js(r#"{"student": "s-9", "mastery": {"method": "latest"}, "evidence": [
        {"student": "s-9", "competency": "SCI.INQ.1", "value": 2, "at": "2026-10-01T09:00:00Z"},
        {"student": "s-9", "competency": "SCI.INQ.1", "value": 3, "at": "2026-10-08T09:00:00Z"}]}"#);
    let out = recommend(JsValue::from_str(FRAMEWORK), JsValue::NULL, options)
        .expect("recommends from evidence");
    let ids: Vec<String> = Array::from(&get(&out, "recommendations"))
        .iter()
        .filter_map(|r| text(&r, "competency"))
        .collect();
    assert_eq!(ids, ["SCI.CER.1", "SCI.INQ.2"]);

    let err = recommend(JsValue::from_str(FRAMEWORK), js("[]"), js(r#"{"locale": "en"}"#))
        .expect_err("no student");
    assert_eq!(text(&err, "path").as_deref(), Some("student"));
}

#[wasm_bindgen_test]
fn imports_a_case_package_and_writes_xapi_statements() {
    let package = js(r#"{"CFDocument": {"identifier": "d", "title": "Mini"},
        "CFItems": [{"identifier": "a", "humanCodingScheme": "A.1", "fullStatement": "First"},
                    {"identifier": "b", "humanCodingScheme": "A.2", "fullStatement": "Second"}],
        "CFAssociations": [{"identifier": "x", "associationType": "precedes",
                            "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "b"}},
                           {"identifier": "y", "associationType": "exactMatchOf",
                            "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "zz"}}]}"#);
    let imported = import_case(package).expect("imports");
    let second = Array::from(&get(&get(&imported, "framework"), "competencies")).get(1);
    assert_eq!(
        Array::from(&get(&second, "prerequisites")).get(0).as_string().as_deref(),
        Some("A.1")
    );
    assert_eq!(Array::from(&get(&imported, "unmapped")).length(), 1);

    let statements = xapi_statements(
        JsValue::from_str(RUBRIC),
        JsValue::from_str(SUBMISSION),
        js(r#"{"homePage": "https://school.example"}"#),
    )
    .expect("statements");
    let statements = Array::from(&statements);
    assert_eq!(statements.length(), 4);
    let scored = statements.get(0);
    assert_eq!(
        text(&get(&scored, "verb"), "id").as_deref(),
        Some("http://adlnet.gov/expapi/verbs/scored")
    );
    assert_eq!(
        text(&get(&get(&scored, "actor"), "account"), "homePage").as_deref(),
        Some("https://school.example")
    );
    let err = xapi_statements(
        JsValue::from_str(RUBRIC),
        JsValue::from_str(SUBMISSION),
        js(r#"{"homepage": "x"}"#),
    )
    .expect_err("unknown option");
    assert_eq!(text(&err, "name").as_deref(), Some("EvidentError"));
}
