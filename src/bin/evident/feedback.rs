//! `evident feedback`: read the inputs, call the library, print JSON.

use crate::cli::{load_rubric, print_json, read_input, Failure};
use evident::feedback::{check_target, feedback_for, FeedbackOptions, Locale};
use evident::Error;

pub fn feedback(
    rubric: &str,
    submission: &str,
    locale: Option<&str>,
    target: Option<f64>,
) -> Result<(), Failure> {
    let compiled = load_rubric(rubric)?;
    if let Some(target) = target {
        check_target(&compiled, target)
            .map_err(|message| Failure::new("--target", Error::at("options", "", message)))?;
    }
    let text = read_input(submission)?;
    let parsed =
        evident::rubric::parse_submission(&text).map_err(|e| Failure::new(submission, e))?;
    let options = FeedbackOptions { locale: locale.map(Locale::parse).unwrap_or_default(), target };
    let feedback =
        feedback_for(&compiled, &parsed, &options).map_err(|e| Failure::new(submission, e))?;
    print_json(&feedback);
    Ok(())
}
