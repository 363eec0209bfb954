//! JSON Schema (2020-12) of Evident's formats, generated from the Rust types so that the
//! schema and the parser cannot drift apart.

use serde_json::Value;

/// The formats `schema_of` knows.
pub const FORMATS: [&str; 3] = ["rubric", "submission", "score-report"];

/// The JSON Schema of a format, by name.
pub fn schema_of(format: &str) -> Option<Value> {
    let schema = match format {
        "rubric" => schemars::schema_for!(crate::rubric::model::Rubric),
        "submission" => schemars::schema_for!(crate::rubric::model::Submission),
        "score-report" => schemars::schema_for!(crate::scoring::ScoreReport),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}
