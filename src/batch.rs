//! Batch scoring (issue 12 part 3): submissions as JSON Lines, one report per line.
//!
//! Each non-blank line is one submission; each gives its report or its own located error
//! (`line 17: responses: expected an object, found a list`), and the lines after a bad one
//! are scored all the same. The CLI streams the lines (`evident score RUBRIC subs.jsonl`);
//! JS gets one result per line (`engine.scoreLines(text)`).

use crate::error::{Error, Problem};
use crate::scoring::{CompiledRubric, ScoreReport};

/// Scores one line of JSON Lines (a submission as JSON text).
pub fn score_line(rubric: &CompiledRubric, line: &str) -> Result<ScoreReport, Error> {
    let submission = crate::rubric::parse_submission(line)?;
    rubric.score(&submission)
}

/// One result per non-blank line of `text`: its 1-based line number, and the report or the
/// error (whose paths do not carry the line: see [`at_line`]).
pub fn score_lines<'a>(
    rubric: &'a CompiledRubric,
    text: &'a str,
) -> impl Iterator<Item = (usize, Result<ScoreReport, Error>)> + 'a {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(move |(i, line)| (i + 1, score_line(rubric, line)))
}

/// The problems of `error`, each located by `line N` before its path
/// (`line 17: responses: …`).
pub fn at_line(line: usize, error: &Error) -> Vec<Problem> {
    error
        .problems()
        .iter()
        .map(|p| {
            let path = if p.path.is_empty() {
                format!("line {line}")
            } else {
                format!("line {line}: {}", p.path)
            };
            Problem::new(path, p.message.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_scored_on_its_own() {
        let rubric =
            CompiledRubric::from_json(include_str!("../examples/argument.rubric.json")).unwrap();
        let text = "\u{feff}{\"responses\": {\"response\": \"School should start later because I am tired.\"}}\n\n{\"responses\": []}\nnot json\n";
        let results: Vec<_> = score_lines(&rubric, text).collect();
        assert_eq!(results.len(), 3);
        // Line 1: the same answer `tests/cli.rs` scores, total 6.
        assert_eq!(results[0].0, 1);
        assert_eq!(results[0].1.as_ref().unwrap().total, 6.0);
        // Line 2 is blank; line 3 has the wrong shape; line 4 is not JSON.
        assert_eq!(results[1].0, 3);
        let problems = at_line(3, results[1].1.as_ref().unwrap_err());
        assert_eq!(problems[0].path, "line 3: responses");
        assert_eq!(results[2].0, 4);
        let problems = at_line(4, results[2].1.as_ref().unwrap_err());
        assert!(
            problems[0].to_string().starts_with("line 4: not valid JSON at line 1"),
            "{problems:?}"
        );
    }
}
