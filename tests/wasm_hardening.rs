//! Hostile JS objects against the wasm binding, in headless Chromium (issue 15): none of them
//! may trap the module, and engines and sessions made before keep working.
#![cfg(target_arch = "wasm32")]

use evident::wasm::mastery::compute_mastery;
use evident::wasm::{get_limits, set_limits, Engine};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUBRIC: &str = include_str!("../examples/cer-lab.rubric.json");
const ANSWER: &str =
    r#"{"responses": {"response": "My claim is that light makes bean plants grow taller."}}"#;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(target, &key.into(), value).expect("set");
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

/// `{"nested": {"nested": … 1}}`, `depth` objects deep.
fn deep_object(depth: usize) -> JsValue {
    let mut value = JsValue::from(1);
    for _ in 0..depth {
        let object = Object::new();
        set(&object, "nested", &value);
        value = object.into();
    }
    value
}

/// The claim criterion's level in a score report.
fn claim_level(report: &JsValue) -> Option<f64> {
    get(&Array::from(&get(report, "criteria")).get(0), "level").as_f64()
}

fn error_of(result: Result<JsValue, JsValue>) -> (String, String) {
    let error = result.expect_err("must be refused");
    assert_eq!(get(&error, "name").as_string().as_deref(), Some("EvidentError"));
    (
        get(&error, "path").as_string().unwrap_or_default(),
        get(&error, "message").as_string().unwrap(),
    )
}

/// A 5,000-deep object used to overflow the wasm stack ("memory access out of bounds") and
/// leave the module unusable until the page reloaded. Now each entry point refuses it with the
/// path where it goes too deep, and an engine and a session made before still work.
#[wasm_bindgen_test]
fn a_deep_object_is_refused_and_the_engine_keeps_working() {
    let engine = Engine::new(js(RUBRIC)).expect("rubric compiles");
    let mut session = engine.session(JsValue::UNDEFINED).expect("session");

    // As a rubric's description: refused at the 127th object, with its path.
    let rubric = js(RUBRIC);
    set(&rubric, "description", &deep_object(5_000));
    let (path, message) = error_of(Engine::new(rubric).map(|_| JsValue::NULL));
    // "description" then 126 ".nested": the object at depth 127 is the one refused.
    assert_eq!(path, format!("description{}", ".nested".repeat(126)));
    assert!(message.contains("nested more than 127 deep"), "{message}");

    // As a submission, feedback options, mastery evidence and options.
    let submission = js(ANSWER);
    set(&submission, "task", &deep_object(5_000));
    let (path, _) = error_of(engine.score(submission));
    assert!(path.starts_with("task.nested.nested"), "{path}");
    let (path, _) = error_of(engine.feedback(js(ANSWER), deep_object(5_000)));
    assert!(path.starts_with("nested.nested"), "{path}");
    let records = Array::new();
    records.push(&deep_object(5_000));
    let (path, _) = error_of(compute_mastery(records.into(), JsValue::UNDEFINED));
    assert!(path.starts_with("[0].nested"), "{path}");

    // The old engine, the old session and a new engine all still work: level 3 on the claim
    // ("my claim", "light" and "grow*" met, "qualified" not), as in wasm_engine.rs.
    assert_eq!(claim_level(&engine.score(js(ANSWER)).expect("old engine scores")), Some(3.0));
    let text = JsValue::from_str("My claim is that light makes bean plants grow taller.");
    let live = session.update(&text).expect("old session updates");
    assert_eq!(claim_level(&get(&live, "report")), Some(3.0));
    let fresh = Engine::new(js(RUBRIC)).expect("a new engine compiles");
    assert_eq!(claim_level(&fresh.score(js(ANSWER)).expect("scores")), Some(3.0));
}

/// A cycle is refused like a deep object (it is one, without end); so is a getter that throws.
#[wasm_bindgen_test]
fn cycles_and_throwing_getters_become_evident_errors() {
    let engine = Engine::new(js(RUBRIC)).expect("rubric compiles");
    let submission = js(ANSWER);
    set(&submission, "task", &submission);
    let (path, message) = error_of(engine.score(submission));
    assert!(path.starts_with("task.task.task"), "{path}");
    assert!(message.contains("nested more than"), "{message}");

    let submission = js(ANSWER);
    let descriptor = Object::new();
    set(&descriptor, "get", &js_sys::Function::new_no_args("throw new Error('boom')"));
    set(&descriptor, "enumerable", &JsValue::TRUE);
    Object::define_property(&submission.clone().into(), &"student".into(), &descriptor);
    let (path, message) = error_of(engine.score(submission));
    assert_eq!(path, "student");
    assert!(message.contains("could not be read: boom"), "{message}");
    assert_eq!(claim_level(&engine.score(js(ANSWER)).expect("scores")), Some(3.0));
}

/// NaN and Infinity are refused with their path (they used to become `null`, or be ignored);
/// `undefined` keys are left out, as `JSON.stringify` leaves them.
#[wasm_bindgen_test]
fn non_finite_numbers_are_refused_with_a_path() {
    let rubric = js(RUBRIC);
    let criterion = Array::from(&get(&rubric, "criteria")).get(0);
    set(&criterion, "weight", &JsValue::from(f64::NAN));
    let (path, message) = error_of(Engine::new(rubric).map(|_| JsValue::NULL));
    assert_eq!(path, "criteria[0].weight");
    assert!(message.contains("NaN is not a number JSON can hold"), "{message}");

    let engine = Engine::new(js(RUBRIC)).expect("rubric compiles");
    let options = js(r#"{"locale": "en"}"#);
    set(&options, "target", &JsValue::from(f64::INFINITY));
    let (path, _) = error_of(engine.feedback(js(ANSWER), options));
    assert_eq!(path, "target");

    let options = js(r#"{"method": "decayingAverage"}"#);
    set(&options, "weight", &JsValue::from(f64::NAN));
    let evidence = r#"{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-20"}"#;
    let (path, _) = error_of(compute_mastery(JsValue::from_str(evidence), options));
    assert_eq!(path, "weight");

    let submission = js(ANSWER);
    set(&submission, "student", &JsValue::UNDEFINED);
    assert_eq!(claim_level(&engine.score(submission).expect("scores")), Some(3.0));
}

/// A list of 10 million records used to run for 33 s and trap (`unreachable`); its length
/// alone now refuses it. Evidence off the scale is refused by its index.
#[wasm_bindgen_test]
fn ten_million_records_are_refused_by_their_length() {
    let records = Array::new_with_length(10_000_000);
    let (path, message) = error_of(compute_mastery(records.into(), JsValue::UNDEFINED));
    assert_eq!(path, "");
    assert!(message.contains("10000000 items") && message.contains("listItems"), "{message}");

    let records = js(r#"[{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-20"},
            {"student": "s1", "competency": "C", "value": 85, "at": "2026-11-21"}]"#);
    let (path, message) = error_of(compute_mastery(records, JsValue::UNDEFINED));
    assert_eq!(path, "[1].value");
    assert!(message.contains("looks like a percent"), "{message}");
}

/// Limits can be read and changed from JS; a rubric over a limit is refused with its path.
#[wasm_bindgen_test]
fn limits_are_configurable_from_js() {
    let before = get_limits().expect("limits");
    assert_eq!(get(&before, "indicators").as_f64(), Some(500.0));
    let changed = set_limits(js(r#"{"criteria": 2}"#)).expect("set");
    assert_eq!(get(&changed, "criteria").as_f64(), Some(2.0));
    // The CER rubric has three criteria.
    let (path, message) = error_of(Engine::new(js(RUBRIC)).map(|_| JsValue::NULL));
    assert_eq!(path, "criteria");
    assert!(message.contains("3 criteria; at most 2"), "{message}");
    set_limits(js(r#"{"criteria": 50}"#)).expect("set back");
    assert!(Engine::new(js(RUBRIC)).is_ok());
    let (path, _) = error_of(set_limits(js(r#"{"depth": 1000}"#)));
    assert_eq!(path, "depth");
}

/// A rubric object over the indicator limit is refused from its lists' lengths, before it is
/// converted (it would otherwise be written out as JSON and parsed first: 35–50 ms cold in
/// Chromium for 5,000 indicators). The NaN weight below is what the conversion would have
/// refused first; the count comes before it, with the parser's own message, by `new Engine`
/// and by `lintRubric` alike. As JSON text the same rubric gets the same error from the parser.
#[wasm_bindgen_test]
fn a_rubric_object_over_the_indicator_limit_is_refused_by_its_counts() {
    let rubric = js(RUBRIC);
    let criteria = Array::from(&get(&rubric, "criteria"));
    let indicators = Array::new();
    for i in 0..5_000 {
        indicators.push(&js(&format!(
            r#"{{"id": "i{i}", "check": {{"type": "phrases", "anyOf": ["word{i}"]}}}}"#
        )));
    }
    set(&criteria.get(1), "indicators", &indicators);
    set(&criteria.get(0), "weight", &JsValue::from(f64::NAN));
    let expected = "indicators in all criteria; at most 500 (limit `indicators`)";
    let (path, message) = error_of(Engine::new(rubric.clone()).map(|_| JsValue::NULL));
    assert_eq!(path, "criteria");
    assert!(message.contains(expected), "{message}");
    let lint = evident::wasm::lint_rubric(rubric.clone()).expect("lint result");
    let first = Array::from(&get(&lint, "errors")).get(0);
    assert!(get(&first, "message").as_string().unwrap().contains(expected));

    set(&criteria.get(0), "weight", &JsValue::from(1.0));
    let text = JSON::stringify(&rubric).expect("JSON text");
    let (path, message) = error_of(Engine::new(text.into()).map(|_| JsValue::NULL));
    assert_eq!(path, "criteria");
    assert!(message.contains(&format!("5006 {expected}")), "{message}");
}

/// A rubric or a submission over `textChars` is refused before it is parsed: a string by its
/// length before it is copied into wasm, an object by its JSON text.
#[wasm_bindgen_test]
fn json_over_text_chars_is_refused_as_text_and_as_an_object() {
    set_limits(js(r#"{"textChars": 20000}"#)).expect("set");
    let rubric = js(RUBRIC);
    set(&rubric, "description", &JsValue::from_str(&"word ".repeat(5_000)));
    let (path, message) = error_of(Engine::new(rubric.clone()).map(|_| JsValue::NULL));
    assert_eq!(path, "");
    assert!(message.ends_with("at most 20000 are read (limit `textChars`)"), "{message}");
    let text = JSON::stringify(&rubric).expect("JSON text");
    let (_, message) = error_of(Engine::new(text.into()).map(|_| JsValue::NULL));
    assert!(message.contains("a rubric of") && message.contains("`textChars`"), "{message}");
    let engine = Engine::new(js(RUBRIC)).expect("the rubric itself is within the limit");
    let answer = format!(r#"{{"responses": {{"response": "{}"}}}}"#, "light ".repeat(4_000));
    let (_, message) = error_of(engine.score(JsValue::from_str(&answer)));
    assert!(message.contains("a submission of 24") && message.contains("`textChars`"), "{message}");
    // Counted in characters, not UTF-16 units: 9,000 emoji are 18,000 units, and the
    // submission's JSON text is 9,031 characters, within 10,000; 9,980 emoji are 10,011
    // characters, over it; 20,000 (40,031 units, more than twice the limit) are refused
    // without being counted.
    set_limits(js(r#"{"textChars": 10000}"#)).expect("set");
    let emoji = |n: usize| format!(r#"{{"responses": {{"response": "{}"}}}}"#, "🌱".repeat(n));
    assert_eq!(emoji(9_000).chars().count(), 9_031);
    assert!(engine.score(JsValue::from_str(&emoji(9_000))).is_ok());
    let (_, message) = error_of(engine.score(JsValue::from_str(&emoji(9_980))));
    assert!(message.starts_with("a submission of 10011 characters of JSON"), "{message}");
    let (_, message) = error_of(engine.score(JsValue::from_str(&emoji(20_000))));
    assert!(message.starts_with("a submission of more than 10000 characters of JSON"), "{message}");
    set_limits(js(r#"{"textChars": 4000000}"#)).expect("set back");
    assert!(engine.score(JsValue::from_str(&answer)).is_ok());
}

/// `engine.scoreLines(text)`: one result per non-blank line; a bad line gets its located
/// error and the lines after it are scored (issue 12 part 3).
#[wasm_bindgen_test]
fn score_lines_gives_a_result_per_line() {
    let engine = Engine::new(js(RUBRIC)).expect("rubric compiles");
    let text = format!("{ANSWER}\n\n{{\"responses\": [1]}}\nnot json\n{ANSWER}\n");
    let results = Array::from(&engine.score_lines(JsValue::from_str(&text)).expect("scores"));
    assert_eq!(results.length(), 4);
    let lines: Vec<f64> = results.iter().map(|r| get(&r, "line").as_f64().unwrap()).collect();
    assert_eq!(lines, vec![1.0, 3.0, 4.0, 5.0]);
    assert_eq!(claim_level(&get(&results.get(0), "report")), Some(3.0));
    let error = get(&results.get(1), "error");
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("line 3: responses"));
    assert!(get(&results.get(1), "report").is_undefined());
    let error = get(&results.get(2), "error");
    assert!(get(&error, "message").as_string().unwrap().starts_with("line 4: not valid JSON"));
    assert_eq!(claim_level(&get(&results.get(3), "report")), Some(3.0));
    assert!(engine.score_lines(JsValue::from(3)).is_err());
}
