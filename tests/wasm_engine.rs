//! The wasm binding, called as JavaScript calls it, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use evident::wasm::{lint_rubric, Engine};
use js_sys::{Array, JsString, Reflect, JSON};
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

#[wasm_bindgen_test]
fn scores_a_submission_given_as_a_js_object() {
    let engine = Engine::new(js(RUBRIC)).expect("rubric compiles");
    let submission = js(
        r#"{"student": "s-1", "responses": {"response": "My claim is that light makes bean plants grow taller."}}"#,
    );
    let report = engine.score(submission).expect("scores");
    // claim: has-claim ("my claim") and on-question ("light" + "grow*") are met, "qualified" is not → level 3.
    let claim = Array::from(&get(&report, "criteria")).get(0);
    assert_eq!(get(&claim, "id").as_string().as_deref(), Some("claim"));
    assert_eq!(get(&claim, "level").as_f64(), Some(3.0));
    assert_eq!(get(&claim, "label").as_string().as_deref(), Some("Proficient"));
    assert_eq!(get(&claim, "source").as_string().as_deref(), Some("auto"));
}

#[wasm_bindgen_test]
fn a_score_in_js_is_the_report_the_engine_writes() {
    // Two fields, several spans per indicator, one met indicator without spans (a count),
    // one unmet: the report JS gets equals the engine's own JSON of it.
    let rubric = r#"{"id": "two-part", "title": "Two-part answer", "kind": "checklist", "criteria": [
      {"id": "parts", "title": "Parts", "indicators": [
        {"id": "light", "points": 1, "check": {"type": "phrases", "anyOf": ["light", "lamp"]}},
        {"id": "grew", "points": 1, "field": "explain", "check": {"type": "phrases", "anyOf": ["grew", "taller"], "fuzzy": "auto"}},
        {"id": "long", "points": 1, "field": "explain", "check": {"type": "wordCount", "min": 5}},
        {"id": "dark", "points": 1, "check": {"type": "phrases", "anyOf": ["darkness"]}}]}]}"#;
    let submission = r#"{"responses": {
      "response": "Light, more light: the lamp gave the plants light. 🌱 Light!",
      "explain": "They grew tallr and grew again, so the ones in light grew."}}"#;
    let engine = Engine::new(JsValue::from_str(rubric)).expect("rubric compiles");
    let report = engine.score(js(submission)).expect("scores");
    let compiled = evident::CompiledRubric::from_json(rubric).expect("rubric compiles");
    let native = compiled
        .score(&evident::parse_submission(submission).expect("submission"))
        .expect("scores");
    let written = serde_json::to_string(&native).expect("report as JSON");
    assert!(written.contains(r#""field":"explain""#) && written.contains(r#""field":"response""#));
    let as_js = |v: &JsValue| String::from(JSON::stringify(v).expect("stringify"));
    assert_eq!(as_js(&report), as_js(&js(&written)));
}

#[wasm_bindgen_test]
fn spans_are_utf16_offsets_into_the_js_string() {
    let engine =
        Engine::new(JsValue::from_str(RUBRIC)).expect("rubric compiles from a JSON string");
    // An accented letter (1 UTF-16 unit, 2 UTF-8 bytes) and an emoji (2 units, 4 bytes) come before the evidence.
    let text = "Café 🌱 notes. My claim is that light helps.";
    let mut live = engine.session(JsValue::UNDEFINED).expect("session");
    let result = live.update(&JsValue::from_str(text)).expect("update");
    let claim = Array::from(&get(&get(&result, "report"), "criteria")).get(0);
    let met = Array::from(&get(&claim, "met"));
    let has_claim = met
        .iter()
        .find(|m| get(m, "indicator").as_string().as_deref() == Some("has-claim"))
        .expect("has-claim met");
    let span = Array::from(&get(&has_claim, "spans")).get(0);
    let (start, end) =
        (get(&span, "start").as_f64().unwrap() as u32, get(&span, "end").as_f64().unwrap() as u32);
    let sliced = JsString::from(text).substring(start, end);
    assert_eq!(String::from(sliced), "My claim");
}

#[wasm_bindgen_test]
fn a_bad_rubric_throws_evident_error_with_a_json_path() {
    let bad = RUBRIC.replacen(r#""points": 0"#, r#""points": "none""#, 1);
    let error = match Engine::new(JsValue::from_str(&bad)) {
        Ok(_) => panic!("a bad rubric must not compile"),
        Err(e) => e,
    };
    assert_eq!(get(&error, "name").as_string().as_deref(), Some("EvidentError"));
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("criteria[0].levels[0].points"));
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("expected a number, found a string"), "{message}");
    assert!(error.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn lint_rubric_reports_errors_without_throwing() {
    let result = lint_rubric(js(r#"{"id": "r", "title": "T", "kind": "holistc", "criteria": []}"#))
        .expect("no throw");
    let errors = Array::from(&get(&result, "errors"));
    let paths: Vec<String> = errors.iter().map(|e| get(&e, "path").as_string().unwrap()).collect();
    assert_eq!(paths, vec!["kind".to_string(), "criteria".to_string()]);
    let first = get(&errors.get(0), "message").as_string().unwrap();
    assert!(first.contains("did you mean `holistic`"), "{first}");
}

#[wasm_bindgen_test]
fn a_submission_with_a_wrong_type_is_a_located_error_not_a_panic() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    let error = engine.score(js(r#"{"responses": {"response": 42}}"#)).err().expect("must fail");
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("responses.response"));
}

#[wasm_bindgen_test]
fn live_updates_carry_feedback_in_the_chosen_language() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    // English writing, Spanish messages.
    let mut live = engine
        .session(js(r#"{"locale": "es", "target": 3, "submission": {"locale": "en"}}"#))
        .expect("session");
    let result =
        live.update(&JsValue::from_str("My claim is that light helps plants grow.")).unwrap();
    let feedback = get(&result, "feedback");
    let steps = Array::from(&get(&feedback, "nextSteps"));
    // Something is still missing (no data, no reasoning), and never more than three steps.
    assert!(steps.length() >= 1 && steps.length() <= 3, "{} next steps", steps.length());
    assert_eq!(get(&feedback, "locale").as_string().as_deref(), Some("es"));
    // The claim indicators are met, so there is praise tied to evidence.
    let strengths = Array::from(&get(&feedback, "strengths"));
    assert!(strengths.length() >= 1);
}

#[wasm_bindgen_test]
fn feedback_options_are_checked_with_paths() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    let submission = js(r#"{"responses": {"response": "My claim"}}"#);
    let error =
        engine.feedback(submission, js(r#"{"target": 7}"#)).err().expect("7 is not on the scale");
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("target"));
}

#[wasm_bindgen_test]
fn an_edit_that_changes_nothing_returns_the_same_result_object() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    let mut live = engine.session(JsValue::UNDEFINED).unwrap();
    let first = live.update(&JsValue::from_str("My claim is that light helps plants gro")).unwrap();
    // Finishing the word "grow" completes no new indicator: "gro" already failed and "grow"
    // is needed only with "light" by on-question... which it now meets, so the report changes.
    let second =
        live.update(&JsValue::from_str("My claim is that light helps plants grow")).unwrap();
    assert!(!js_sys::Object::is(&first, &second), "meeting on-question must give a new result");
    // A letter inside a word that matches nothing: same levels, same spans, same feedback.
    let third =
        live.update(&JsValue::from_str("My claim is that light helps plants grow.")).unwrap();
    let fourth =
        live.update(&JsValue::from_str("My claim is that light helps plants grow. Th")).unwrap();
    let fifth =
        live.update(&JsValue::from_str("My claim is that light helps plants grow. The")).unwrap();
    assert!(
        js_sys::Object::is(&fourth, &fifth),
        "typing inside a new word must not rebuild the result"
    );
    let _ = third;
}

/// Edits anywhere in a three-paragraph response with an emoji and accents (insertions,
/// deletions, new paragraphs, evidence typed and removed), replayed from a fixed seed: each
/// live result, built by moving and patching the previous one, must be exactly what scoring
/// and giving feedback on the whole text afresh gives, key order included; an earlier
/// result must not be altered by later updates.
#[wasm_bindgen_test]
fn patched_live_results_equal_fresh_scores_and_feedback() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    // English writing (the submission's `locale`), Spanish messages.
    let mut live =
        engine.session(js(r#"{"locale": "es", "submission": {"locale": "en"}}"#)).unwrap();
    let mut text: Vec<u16> = "Café 🌱 notes. My claim is that light helps plants grow taller.\n\nThe data show the plants in light grew 3.5 cm more. Because light gives energy for photosynthesis, they grew.\n\nIn conclusion, light matters.".encode_utf16().collect();
    let pieces = [
        "x",
        " light",
        ". ",
        "\n\n",
        "é",
        " because",
        " grew 4 cm",
        "In conclusion, ",
        " data show",
    ];
    let mut seed: u32 = 2026;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) as usize % n.max(1)
    };
    let first = live.update(&JsValue::from_str(&String::from_utf16_lossy(&text))).unwrap();
    let first_json = JSON::stringify(&first).unwrap();
    for step in 0..150 {
        // Cut only between UTF-16 units that are not inside a surrogate pair.
        let ok = |i: usize| i == 0 || i >= text.len() || !(0xDC00..0xE000).contains(&text[i]);
        let mut at = next(text.len() + 1);
        while !ok(at) {
            at -= 1;
        }
        let mut to = (at + next(6)).min(text.len());
        while !ok(to) {
            to += 1;
        }
        let insert: Vec<u16> = if next(3) == 0 {
            Vec::new()
        } else {
            pieces[next(pieces.len())].encode_utf16().collect()
        };
        let to = if insert.is_empty() {
            to
        } else if next(2) == 0 {
            at
        } else {
            to
        };
        text.splice(at..to, insert);
        let now = String::from_utf16_lossy(&text);
        let result = live.update(&JsValue::from_str(&now)).unwrap();
        let submission = Array::of1(&JsValue::from_str(&now));
        let submission = js(&format!(
            "{{\"locale\": \"en\", \"responses\": {{\"response\": {}}}}}",
            JSON::stringify(&submission.get(0)).unwrap()
        ));
        let fresh = js_sys::Object::new();
        Reflect::set(&fresh, &"report".into(), &engine.score(submission.clone()).unwrap()).unwrap();
        Reflect::set(
            &fresh,
            &"feedback".into(),
            &engine.feedback(submission, js(r#"{"locale": "es"}"#)).unwrap(),
        )
        .unwrap();
        assert_eq!(
            JSON::stringify(&result).unwrap(),
            JSON::stringify(&fresh).unwrap(),
            "step {step}: after editing units {at}..{to}"
        );
    }
    assert_eq!(
        JSON::stringify(&first).unwrap(),
        first_json,
        "the first result object must be left as it was"
    );
}

#[wasm_bindgen_test]
fn a_live_update_without_a_string_is_a_located_error() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    let mut live = engine.session(JsValue::UNDEFINED).unwrap();
    let error = live.update(&JsValue::from_f64(42.0)).err().expect("a number is not a text");
    assert_eq!(get(&error, "name").as_string().as_deref(), Some("EvidentError"));
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("expected the field's text as a string"), "{message}");
}

/// Edits next to and inside surrogate pairs: one emoji swapped for another (they share
/// their first UTF-16 unit), an emoji typed before evidence, and removed again.
#[wasm_bindgen_test]
fn edits_around_emoji_give_the_fresh_result() {
    let engine = Engine::new(js(RUBRIC)).unwrap();
    let mut live = engine.session(JsValue::UNDEFINED).unwrap();
    let texts = [
        "🌱 My claim is that light helps plants grow taller.",
        "🌲 My claim is that light helps plants grow taller.",
        "🌲🌱 My claim is that light helps plants grow taller.",
        "🌲🌱 My claim is that 🌞light helps plants grow taller.",
        "🌲🌱 My claim is that light helps plants grow taller.",
        "My claim is that light helps plants grow taller.",
    ];
    for text in texts {
        let result = live.update(&JsValue::from_str(text)).unwrap();
        let submission = js_sys::Object::new();
        let responses = js_sys::Object::new();
        Reflect::set(&responses, &"response".into(), &JsValue::from_str(text)).unwrap();
        Reflect::set(&submission, &"responses".into(), &responses).unwrap();
        let fresh = js_sys::Object::new();
        Reflect::set(&fresh, &"report".into(), &engine.score(submission.clone().into()).unwrap())
            .unwrap();
        Reflect::set(
            &fresh,
            &"feedback".into(),
            &engine.feedback(submission.into(), JsValue::UNDEFINED).unwrap(),
        )
        .unwrap();
        assert_eq!(JSON::stringify(&result).unwrap(), JSON::stringify(&fresh).unwrap(), "{text}");
    }
}
