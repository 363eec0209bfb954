//! `evident calibrate RUBRIC SAMPLES [--suggest] [--accept N]…`: agreement with a teacher's
//! levels, the edits that would improve it, and the rubric with chosen edits accepted.

use crate::cli::{print_json, read_input, Failure};
use evident::calibration::{calibrate_jsonl_with, SuggestOptions};
use evident::Error;

pub struct CalibrateFlags {
    pub suggest: bool,
    pub folds: Option<usize>,
    pub max: Option<usize>,
    pub min_support: Option<usize>,
    /// 1-based numbers of suggestions to accept: the edited rubric is printed instead.
    pub accept: Vec<usize>,
}

pub fn calibrate(rubric: &str, samples: &str, flags: CalibrateFlags) -> Result<(), Failure> {
    let rubric_text = read_input(rubric)?;
    let compiled = load_rubric_text(rubric, &rubric_text)?;
    let text = read_input(samples)?;
    let mut options = None;
    if flags.suggest || !flags.accept.is_empty() {
        let mut o = SuggestOptions::default();
        if let Some(f) = flags.folds {
            o.folds = f.min(20);
        }
        if let Some(m) = flags.max {
            o.max_suggestions = m.max(1);
        }
        o.min_support = flags.min_support;
        if let Some(&top) = flags.accept.iter().max() {
            o.max_suggestions = o.max_suggestions.max(top);
        }
        options = Some(o);
    }
    let report = calibrate_jsonl_with(&compiled, &text, options.as_ref())
        .map_err(|e| Failure::new(samples, e))?;
    if flags.accept.is_empty() {
        print_json(&report);
        return Ok(());
    }
    // Accept the chosen suggestions in order: each edits the rubric text as it stands.
    let list = report.suggestions.unwrap_or_default();
    let mut edited = rubric_text;
    for &n in &flags.accept {
        let Some(s) = n.checked_sub(1).and_then(|i| list.get(i)) else {
            return Err(Failure::new(
                "--accept",
                Error::at("options", "", format!("no suggestion {n}: there are {}", list.len())),
            ));
        };
        edited = s.apply(&edited).map_err(|e| Failure::new(rubric, e))?;
    }
    print!("{edited}");
    if !edited.ends_with('\n') {
        println!();
    }
    Ok(())
}

fn load_rubric_text(name: &str, text: &str) -> Result<evident::CompiledRubric, Failure> {
    evident::CompiledRubric::from_json(text).map_err(|e| Failure::new(name, e))
}
