//! Batch scoring from JS (issue 12 part 3): `engine.scoreLines(text)` scores JSON Lines, one
//! submission a line, and gives one result per non-blank line, good or bad, so that one bad
//! line does not hide the others' reports.

use super::{js_error, to_js, Engine};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One line's result: `{line, report}` or `{line, error: {message, path, problems}}`.
#[derive(Serialize)]
struct LineResult {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<crate::ScoreReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<LineError>,
}

#[derive(Serialize)]
struct LineError {
    message: String,
    path: String,
    problems: Vec<crate::Problem>,
}

#[wasm_bindgen]
impl Engine {
    /// Scores JSON Lines text, one submission a line → one `{line, report}` or
    /// `{line, error}` per non-blank line, in order (`line` counts from 1, blank lines
    /// included). An error's `path` and `message` start with `line N`. Throws only when
    /// `text` is not a string.
    #[wasm_bindgen(js_name = scoreLines)]
    pub fn score_lines(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let Some(text) = text.as_string() else {
            return Err(js_error(crate::Error::at(
                "submissions",
                "",
                "expected submissions as JSON Lines text (a string), one a line",
            )));
        };
        let results: Vec<LineResult> = crate::batch::score_lines(&self.compiled, &text)
            .map(|(line, outcome)| match outcome {
                Ok(report) => LineResult { line, report: Some(report), error: None },
                Err(error) => {
                    let problems = crate::batch::at_line(line, &error);
                    let message =
                        problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
                    let path = problems.first().map(|p| p.path.clone()).unwrap_or_default();
                    LineResult {
                        line,
                        report: None,
                        error: Some(LineError { message, path, problems }),
                    }
                }
            })
            .collect();
        to_js(&results)
    }
}
