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
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<Vec<SkillParams>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SkillParams {
    skill: String,
    #[serde(flatten)]
    params: bkt::BktParams,
    log_likelihood: f64,
    iterations: usize,
}

/// Flags of `evident bkt-eval`.
pub struct BktEvalFlags {
    pub forgets: bool,
    pub restarts: usize,
    pub seed: u64,
    /// Only these skills (all when empty).
    pub skills: Vec<String>,
    /// Print each skill's fitted parameters too.
    pub params: bool,
}

pub fn bkt_eval(train: &str, test: &str, flags: BktEvalFlags) -> Result<(), Failure> {
    let BktEvalFlags { forgets, restarts, seed, .. } = flags;
    let load = |name: &str| -> Result<Vec<SkillSequences>, Failure> {
        let text = read_input(name)?;
        let mut responses = bkt::parse_responses_csv(&text).map_err(|e| Failure::new(name, e))?;
        if !flags.skills.is_empty() {
            responses.retain(|r| flags.skills.contains(&r.skill));
        }
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
        params: flags.params.then(|| {
            fitted
                .iter()
                .map(|f| SkillParams {
                    skill: f.skill.clone(),
                    params: f.params,
                    log_likelihood: f.log_likelihood,
                    iterations: f.iterations,
                })
                .collect()
        }),
    });
    Ok(())
}

/// Flags of `evident mastery` that shape `MasteryOptions`.
pub struct MasteryFlags {
    pub method: String,
    pub weight: Option<f64>,
    pub n: Option<u64>,
    pub options: Option<String>,
    pub stale_after_days: Option<f64>,
    pub framework: Option<String>,
}

pub fn mastery(evidence: &str, flags: MasteryFlags) -> Result<(), Failure> {
    // Options: a JSON file (`--options`) first, then the flags on top of it.
    let mut value = match &flags.options {
        Some(name) => {
            evident::json::parse_document(&read_input(name)?).map_err(|e| Failure::new(name, e))?
        }
        None => serde_json::json!({}),
    };
    if let Some(object) = value.as_object_mut() {
        if flags.options.is_none() || flags.method != "decayingAverage" {
            object.insert("method".into(), flags.method.clone().into());
        }
        if let Some(weight) = flags.weight {
            object.insert("weight".into(), weight.into());
        }
        if let Some(n) = flags.n {
            object.insert("n".into(), n.into());
        }
        if let Some(days) = flags.stale_after_days {
            object.insert("staleAfterDays".into(), days.into());
        }
    }
    let scale_given = value.get("scale").is_some();
    let mut options = evident::mastery::parse_options_value(&value)
        .map_err(|e| Failure::new(flags.options.as_deref().unwrap_or("options"), e))?;
    // With a framework, estimates are on the framework's scale (unless the options set one)
    // and every parent competency gets its rolled-up estimate too.
    let framework = match &flags.framework {
        Some(name) => {
            let framework = evident::framework::parse_framework(&read_input(name)?)
                .map_err(|e| Failure::new(name, e))?;
            if !scale_given {
                options.scale = framework.scale.clone();
            }
            Some(framework)
        }
        None => None,
    };
    let text = read_input(evidence)?;
    // Read into a table that borrows names and times from the text: no `String` per field.
    let table = evident::mastery::EvidenceTable::from_jsonl(&text)
        .map_err(|e| Failure::new(evidence, e))?;
    // Values off the scale and dates from the future are refused, by line.
    let origin = evident::mastery::Origin::Lines(&text);
    evident::mastery::check_evidence(&table, origin, &options, evident::mastery::now())
        .map_err(|e| Failure::new(evidence, e))?;
    let estimates = evident::mastery::compute_mastery_table(&table, &options);
    match framework {
        Some(framework) => print_json(&evident::framework::roll_up(&framework, &estimates)),
        None => print_json(&estimates),
    }
    Ok(())
}
