//! Rubrics and submissions are built from their checked JSON by hand, not by serde (to keep
//! serde's generated code out of the student wasm). Nothing a caller sees may differ from
//! what `serde_json::from_value` built: here every example rubric and submission, and one
//! rubric using every field, is built both ways, as written and with each value in turn
//! replaced by `null`, by a number too big for a count, or by another shape. Where the
//! walk accepts the document, the two results must be equal: the same model, or the same
//! "could not build" message.

use evident::rubric::{parse_rubric_value, parse_submission_value};
use evident::{Rubric, Submission};
use serde_json::{json, Value};
use std::path::Path;

/// Every place in `doc` (object values and list items), as paths of keys and indices.
fn places(doc: &Value, at: Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                let mut path = at.clone();
                path.push(Step::Key(k.clone()));
                out.push(path.clone());
                places(v, path, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut path = at.clone();
                path.push(Step::Index(i));
                out.push(path.clone());
                places(v, path, out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(doc: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(doc, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// What the old path gave where the walk found nothing wrong: serde's model, settled on
/// the rubric's locale, or serde's message.
fn by_serde_rubric(doc: &Value) -> Result<String, String> {
    match serde_json::from_value::<Rubric>(doc.clone()) {
        Ok(mut rubric) => {
            rubric.settle_locale();
            Ok(format!("{rubric:?}"))
        }
        Err(e) => Err(format!("could not build the rubric: {e}")),
    }
}

fn by_serde_submission(doc: &Value) -> Result<String, String> {
    match serde_json::from_value::<Submission>(doc.clone()) {
        Ok(submission) => Ok(format!("{submission:?}")),
        Err(e) => Err(format!("could not build the submission: {e}")),
    }
}

/// Builds every variant of `doc` both ways; gives (variants the walk accepted, of which
/// serde could not build).
fn compare<T: std::fmt::Debug>(
    doc: &Value,
    ours: impl Fn(&Value) -> Result<T, evident::Error>,
    theirs: impl Fn(&Value) -> Result<String, String>,
) -> (usize, usize) {
    let mut variants = vec![doc.clone()];
    let mut paths = Vec::new();
    places(doc, Vec::new(), &mut paths);
    for path in &paths {
        for replacement in [
            Value::Null,
            json!(4_294_967_296u64),
            json!(2),
            json!("auto"),
            json!(true),
            json!([]),
            json!({}),
        ] {
            let mut variant = doc.clone();
            *at(&mut variant, path) = replacement;
            variants.push(variant);
        }
    }
    let (mut accepted, mut unbuilt) = (0, 0);
    for variant in &variants {
        let ours = match ours(variant) {
            Ok(built) => Ok(format!("{built:?}")),
            Err(e) if e.to_string().starts_with("could not build") => Err(e.to_string()),
            Err(_) => continue, // the walk found a problem: not built either way
        };
        accepted += 1;
        unbuilt += ours.is_err() as usize;
        assert_eq!(ours, theirs(variant), "built differently from serde: {variant}");
    }
    (accepted, unbuilt)
}

fn examples(suffix: &str) -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["examples", "examples/asap-sas", "www/data", "benches/browser"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(suffix) {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push(serde_json::from_str(&text).unwrap());
            }
        }
    }
    found
}

/// One rubric that uses every field of the format.
fn every_field() -> Value {
    serde_json::from_str(
        r#"{
        "id": "all", "title": {"en": "All", "es": "Todo"}, "kind": "analytic", "locale": "en",
        "description": "Explain what light does to plants.",
        "scale": {"levels": [{"value": 1, "label": "One"}, {"value": 2, "label": {"en": "Two"}},
                             {"value": 3, "label": "Three"}], "mastery": 2},
        "scoreSelf": true, "ratingsOverride": false,
        "integrity": {"keywordLists": false, "offTask": true},
        "criteria": [{
            "id": "c", "title": "C", "description": {"en": "d"}, "competency": "sci.1", "weight": 2.5,
            "levels": [
                {"value": 1, "points": 0, "descriptor": "x", "student": "I x", "requires": []},
                {"value": 2, "points": 1.5, "descriptor": {"en": "y"}, "student": {"en": "I y"},
                 "requires": ["p", "n"]}],
            "indicators": [
                {"id": "p", "field": "response", "hint": "h", "praise": {"en": "good"}, "points": 2,
                 "label": "a claim",
                 "check": {"type": "phrases", "anyOf": {"en": ["light"], "es": ["luz"]}, "minCount": 2,
                           "caseSensitive": true, "wholeWord": false, "stem": true, "fuzzy": "auto",
                           "ignoreAccents": true, "negation": "only"}},
                {"id": "q", "check": {"type": "phrases", "allOf": ["grow", "tall"], "fuzzy": 1,
                                      "negation": "any"}},
                {"id": "w", "check": {"type": "wordCount", "min": 5, "max": 500}},
                {"id": "s", "check": {"type": "sentenceCount", "min": 1}},
                {"id": "g", "check": {"type": "paragraphCount", "max": 3}},
                {"id": "r", "check": {"type": "readability", "minGrade": 3.5, "maxGrade": 9}},
                {"id": "t", "check": {"type": "pattern", "regex": "\\d+ ?cm", "caseSensitive": true}},
                {"id": "n", "check": {"type": "number", "equals": 12, "tolerance": 0.5, "relTolerance": 0.1,
                                      "unit": "cm", "min": 1, "max": 20, "minCount": 2}},
                {"id": "h", "field": "choice", "check": {"type": "choice", "anyOf": ["a", "b"]}},
                {"id": "k", "check": {"type": "rating", "from": "peer", "min": 3}},
                {"id": "a", "check": {"type": "all", "checks": [
                    {"type": "not", "check": {"type": "phrases", "anyOf": ["no"]}},
                    {"type": "any", "checks": [{"type": "wordCount", "min": 1}]}]}},
                {"id": "l", "check": {"type": "atLeast", "n": 1, "of": ["p", "q"]}},
                {"id": "m", "check": {"type": "atLeast", "n": 1, "checks": [{"type": "sentenceCount", "min": 1}]}},
                {"id": "o", "check": {"type": "together", "within": 12, "checks": [
                    {"type": "phrases", "anyOf": ["light"]}, {"type": "rating", "from": "self", "min": 1}]}},
                {"id": "u", "check": {"type": "together", "within": "sentence", "checks": [
                    {"type": "phrases", "anyOf": ["plant"]}]}}
            ]
        }]
    }"#,
    )
    .unwrap()
}

fn single_point() -> Value {
    json!({"id": "sp", "title": "SP", "kind": "singlePoint", "locale": "es-MX",
        "criteria": [{"id": "c", "title": "C",
            "proficient": {"descriptor": "ok", "student": "yo", "requires": ["i"]},
            "advanced": {"descriptor": {"es": "más"}, "requires": []},
            "indicators": [{"id": "i", "check": {"type": "phrases", "anyOf": ["luz"]}}]}]})
}

fn checklist() -> Value {
    json!({"id": "cl", "title": "CL", "kind": "checklist", "criteria": [{"id": "c", "title": "C",
        "indicators": [{"id": "i", "points": 3, "check": {"type": "phrases", "anyOf": ["x"]}}]}]})
}

#[test]
fn rubrics_are_built_as_serde_built_them() {
    let mut docs = examples(".rubric.json");
    assert!(docs.len() >= 10, "example rubrics not found");
    docs.extend([every_field(), single_point(), checklist()]);
    let (mut accepted, mut unbuilt) = (0, 0);
    for doc in &docs {
        let (a, u) = compare(doc, parse_rubric_value, by_serde_rubric);
        accepted += a;
        unbuilt += u;
    }
    // Enough variants got past the walk, both built and refused by serde, to mean something.
    eprintln!("rubrics: {accepted} variants built, {unbuilt} of them refused by serde");
    assert!(accepted > 2_000 && unbuilt > 50, "accepted {accepted}, not built {unbuilt}");
}

#[test]
fn submissions_are_built_as_serde_built_them() {
    let mut docs = Vec::new();
    for name in
        ["cer-lab.submission.json", "cer-lab.submission-peer.json", "cer-lab.submission-early.json"]
    {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name),
        );
        docs.push(serde_json::from_str::<Value>(&text.unwrap()).unwrap());
    }
    docs.push(json!({"rubric": "r", "student": "s", "task": "t", "locale": "es",
        "submittedAt": "2026-11-21T14:30:00Z",
        "responses": {"response": "Hola", "choice": ["a", "b"]},
        "ratings": {"c": {"value": 2, "by": "self", "comment": "ok"}, "d": [{"value": 1}, {"value": 3, "by": "teacher"}]}}));
    let (mut accepted, mut unbuilt) = (0, 0);
    for doc in &docs {
        let (a, u) = compare(doc, parse_submission_value, by_serde_submission);
        accepted += a;
        unbuilt += u;
    }
    eprintln!("submissions: {accepted} variants built, {unbuilt} of them refused by serde");
    assert!(accepted > 50 && unbuilt > 3, "accepted {accepted}, not built {unbuilt}");
}

/// The one message a caller can meet, spelled out (not only compared with serde's).
#[test]
fn a_null_the_walk_lets_through_gives_serde_message() {
    let mut doc = checklist();
    doc["scoreSelf"] = Value::Null;
    let err = parse_rubric_value(&doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not build the rubric: invalid type: null, expected a boolean"
    );
    let mut doc = checklist();
    doc["criteria"][0]["indicators"][0]["check"]["stem"] = Value::Null;
    let err = parse_rubric_value(&doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not build the rubric: invalid type: null, expected a boolean"
    );
}
