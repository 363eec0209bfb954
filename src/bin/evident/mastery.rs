//! The mastery commands: `evident mastery` (estimates from evidence JSON Lines) and
//! `evident bkt-eval` (fit BKT on one response CSV, measure predictions on another).

use crate::cli::{print_json, read_input, Failure};
use evident::mastery::bkt::{self, FitOptions, SkillSequences};
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BktEvaluation {
    model: &'static str,
    restarts: usize,
    seed: u64,
    skills: usize,
    train_responses: usize,
    test_responses: usize,
    auc: f64,
    rmse: f64,
    accuracy: f64,
    fit_seconds: f64,
    evaluate_seconds: f64,
}

pub fn bkt_eval(train: &str, test: &str, forgets: bool, restarts: usize, seed: u64) -> Result<(), Failure> {
    let load = |name: &str| -> Result<Vec<SkillSequences>, Failure> {
        let text = read_input(name)?;
        let responses = bkt::parse_responses_csv(&text).map_err(|e| Failure::new(name, e))?;
        Ok(SkillSequences::group(&responses))
    };
    let train_skills = load(train)?;
    let test_skills = load(test)?;
    let options = FitOptions { restarts, seed, forgets, ..FitOptions::default() };
    let started = Instant::now();
    let fitted = bkt::fit_skills(&train_skills, &options);
    let fit_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let metrics = bkt::evaluate(&fitted, &test_skills);
    let evaluate_seconds = started.elapsed().as_secs_f64();
    print_json(&BktEvaluation {
        model: if forgets { "BKT + forgets" } else { "BKT" },
        restarts,
        seed,
        skills: fitted.len(),
        train_responses: train_skills.iter().map(|s| s.answers.len()).sum(),
        test_responses: metrics.count,
        auc: metrics.auc,
        rmse: metrics.rmse,
        accuracy: metrics.accuracy,
        fit_seconds,
        evaluate_seconds,
    });
    Ok(())
}
