//! Submission parsing: shape checks with JSON paths; checks against a rubric happen in scoring.

use super::model::Submission;
use crate::error::Error;
use crate::json::{parse_document, Walk};
use serde_json::Value;

/// Parses and validates a submission from JSON text.
pub fn parse_submission(text: &str) -> Result<Submission, Error> {
    crate::limits::check_text_size("submission", text.len(), Some(text))?;
    parse_submission_value(&parse_document(text)?)
}

/// Validates a submission already parsed as JSON, reporting every problem found.
pub fn parse_submission_value(value: &Value) -> Result<Submission, Error> {
    let mut walk = Walk::new();
    if let Some(mut f) = walk.object(value, "") {
        for key in ["rubric", "student", "task", "locale"] {
            f.text(&mut walk, key, false);
        }
        if let Some(at) = f.str(&mut walk, "submittedAt", false) {
            if crate::mastery::time::instant(at).is_none() {
                walk.problem(
                    f.path_of("submittedAt"),
                    format!("`{at}` is not a date-time like 2026-11-20T10:00:00Z"),
                );
            }
        }
        if let Some(responses) = f.object(&mut walk, "responses", false) {
            for (field, answer) in responses.entries() {
                let path = responses.path_of(field);
                match answer {
                    Value::String(_) => {}
                    Value::Array(items) => {
                        for (i, item) in items.iter().enumerate() {
                            if !item.is_string() {
                                walk.expected(
                                    &format!("{path}[{i}]"),
                                    "an option id (a string)",
                                    item,
                                );
                            }
                        }
                    }
                    other => walk.expected(
                        &path,
                        "the student's text or a list of chosen option ids",
                        other,
                    ),
                }
            }
        }
        if let Some(ratings) = f.object(&mut walk, "ratings", false) {
            for (criterion, rating) in ratings.entries() {
                let path = ratings.path_of(criterion);
                match rating {
                    Value::Array(items) => {
                        if items.is_empty() {
                            walk.problem(
                                &path,
                                "an empty list of ratings: leave the criterion out instead",
                            );
                        }
                        for (i, item) in items.iter().enumerate() {
                            walk_rating(&mut walk, item, &format!("{path}[{i}]"));
                        }
                    }
                    other => walk_rating(&mut walk, other, &path),
                }
            }
        }
        f.finish(&mut walk);
    }
    crate::limits::check_submission_value(&mut walk, value);
    walk.finish("submission")?;
    super::build::submission(value)
        .map_err(|e| Error::at("submission", "", format!("could not build the submission: {e}")))
}

fn walk_rating(walk: &mut Walk, value: &Value, path: &str) {
    let Some(mut f) = walk.object(value, path) else { return };
    f.number(walk, "value", true);
    if let Some(by) = f.str(walk, "by", false) {
        if !["teacher", "self", "peer"].contains(&by) {
            walk.problem(
                f.path_of("by"),
                super::parse::unknown_word("rater", by, &["teacher", "self", "peer"]),
            );
        }
    }
    f.str(walk, "comment", false);
    f.finish(walk);
}
