//! Handlers of `evident recommend`, `evident import-case` and `evident xapi`: read the
//! files, call the library, print JSON. Failures name the file and the JSON path.

use crate::cli::{load_rubric, print_json, read_input, Failure};
use evident::framework::{parse_catalog, parse_framework, recommend, Framework, RecommendOptions, StudentState};
use evident::interop::xapi::{submission_statements, XapiOptions};
use evident::mastery::{Estimate, EvidenceRecord, Trend};
use evident::Error;

pub struct RecommendArgs {
    pub framework: String,
    pub evidence: String,
    pub student: String,
    pub catalog: Option<String>,
    pub locale: String,
    pub as_of: Option<String>,
    pub stale_days: u32,
}

pub fn run_recommend(args: RecommendArgs) -> Result<(), Failure> {
    let framework = parse_framework(&read_input(&args.framework)?).map_err(|e| Failure::new(&args.framework, e))?;
    let catalog = match &args.catalog {
        Some(name) => Some(parse_catalog(&read_input(name)?, Some(&framework)).map_err(|e| Failure::new(name, e))?),
        None => None,
    };
    let evidence = parse_evidence(&read_input(&args.evidence)?).map_err(|e| Failure::new(&args.evidence, e))?;
    let estimates = estimate(&framework, &evidence);
    let options = RecommendOptions { locale: args.locale, as_of: args.as_of, stale_days: args.stale_days, ..RecommendOptions::default() };
    let state = StudentState { estimates: &estimates, evidence: &evidence };
    let result = recommend(&framework, &state, catalog.as_ref(), &args.student, &options).map_err(|e| Failure::new("options", e))?;
    print_json(&result);
    Ok(())
}

pub fn run_import_case(package: &str) -> Result<(), Failure> {
    let imported = evident::interop::case::import_case(&read_input(package)?).map_err(|e| Failure::new(package, e))?;
    print_json(&imported);
    Ok(())
}

pub fn run_xapi(rubric: &str, submission: &str, home_page: Option<String>) -> Result<(), Failure> {
    let compiled = load_rubric(rubric)?;
    let parsed = evident::rubric::parse_submission(&read_input(submission)?).map_err(|e| Failure::new(submission, e))?;
    let mut options = XapiOptions::default();
    if let Some(home_page) = home_page {
        options.home_page = home_page;
    }
    let statements = submission_statements(&compiled, &parsed, &options).map_err(|e| Failure::new(submission, e))?;
    print_json(&statements);
    Ok(())
}

/// Evidence JSON Lines: one record a line, blank lines skipped; every bad line reported
/// as `line N`.
fn parse_evidence(text: &str) -> Result<Vec<EvidenceRecord>, Error> {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<EvidenceRecord>(line) {
            Ok(r) => records.push(r),
            Err(e) => problems.push(evident::Problem::new(format!("line {}", n + 1), e.to_string())),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Error::invalid("evidence", problems))
    }
}

/// Latest-value estimates on the framework's scale: the mastery methods are not on this
/// branch yet (`evident::mastery::compute_mastery` replaces this when they are). The trend
/// compares the last two records.
fn estimate(framework: &Framework, evidence: &[EvidenceRecord]) -> Vec<Estimate> {
    let mut groups: std::collections::BTreeMap<(&str, &str), Vec<&EvidenceRecord>> = Default::default();
    for r in evidence {
        groups.entry((r.student.as_str(), r.competency.as_str())).or_default().push(r);
    }
    groups
        .into_iter()
        .filter_map(|((student, competency), mut records)| {
            records.sort_by(|a, b| a.at.cmp(&b.at));
            let last = *records.last()?;
            let trend = match records.len() {
                0 | 1 => Trend::Unknown,
                n => {
                    let before = records[n - 2].value;
                    if last.value > before {
                        Trend::Rising
                    } else if last.value < before {
                        Trend::Falling
                    } else {
                        Trend::Steady
                    }
                }
            };
            let level = framework.scale.floor(last.value);
            Some(Estimate {
                student: student.to_string(),
                competency: competency.to_string(),
                value: last.value,
                level: level.value,
                label: Some(level.label.clone()),
                mastered: last.value >= framework.scale.mastery,
                count: records.len(),
                trend,
                last_at: last.at.clone(),
                stale: None,
            })
        })
        .collect()
}
