//! JSON Schema (2020-12) of Evident's formats, generated from the Rust types so that the
//! schema and the parser cannot drift apart.

use serde_json::Value;

/// The formats `schema_of` knows.
pub const FORMATS: [&str; 9] = [
    "rubric",
    "submission",
    "score-report",
    "feedback",
    "calibration-report",
    "evidence",
    "framework",
    "catalog",
    "live-update",
];

/// The JSON Schema of a format, by name.
pub fn schema_of(format: &str) -> Option<Value> {
    let schema = match format {
        "rubric" => schemars::schema_for!(crate::rubric::model::Rubric),
        "submission" => schemars::schema_for!(crate::rubric::model::Submission),
        "score-report" => schemars::schema_for!(crate::scoring::ScoreReport),
        "feedback" => schemars::schema_for!(crate::feedback::Feedback),
        "calibration-report" => schemars::schema_for!(crate::calibration::CalibrationReport),
        "evidence" => schemars::schema_for!(crate::mastery::EvidenceRecord),
        "framework" => schemars::schema_for!(crate::framework::Framework),
        "catalog" => schemars::schema_for!(crate::framework::Catalog),
        // What a live session's update changed (src/scoring/update.rs): the JSON the binding
        // hands to src/wasm/live.js.
        "live-update" => schemars::schema_for!(crate::scoring::Update),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}
