//! Handlers of `evident recommend`, `evident import-case` and `evident xapi`: read the
//! files, call the library, print JSON. Failures name the file and the JSON path.

use crate::cli::{load_rubric, print_json, read_input, Failure};
use evident::framework::{
    parse_catalog, parse_framework, recommend, RecommendOptions, StudentState,
};
use evident::interop::xapi::{submission_statements, XapiOptions};
use evident::mastery::{compute_mastery, parse_evidence_jsonl, parse_options_value};

pub struct RecommendArgs {
    pub framework: String,
    pub evidence: String,
    pub student: String,
    pub catalog: Option<String>,
    pub locale: String,
    pub as_of: Option<String>,
    pub stale_days: u32,
    /// The mastery method estimates are computed with (`decayingAverage` by default).
    pub method: String,
}

pub fn run_recommend(args: RecommendArgs) -> Result<(), Failure> {
    let framework = parse_framework(&read_input(&args.framework)?)
        .map_err(|e| Failure::new(&args.framework, e))?;
    let catalog = match &args.catalog {
        Some(name) => Some(
            parse_catalog(&read_input(name)?, Some(&framework))
                .map_err(|e| Failure::new(name, e))?,
        ),
        None => None,
    };
    let text = read_input(&args.evidence)?;
    let evidence = parse_evidence_jsonl(&text).map_err(|e| Failure::new(&args.evidence, e))?;
    // Estimates on the framework's scale, so that mastery means what the framework says.
    let mut mastery = parse_options_value(&serde_json::json!({ "method": args.method }))
        .map_err(|e| Failure::new("--method", e))?;
    mastery.scale = framework.scale.clone();
    let table = evident::mastery::EvidenceTable::from_records(&evidence);
    let origin = evident::mastery::Origin::Lines(&text);
    evident::mastery::check_evidence(&table, origin, &mastery, evident::mastery::now())
        .map_err(|e| Failure::new(&args.evidence, e))?;
    let estimates = compute_mastery(&evidence, &mastery);
    let options = RecommendOptions {
        locale: args.locale,
        as_of: args.as_of,
        stale_days: args.stale_days,
        ..RecommendOptions::default()
    };
    let state = StudentState { estimates: &estimates, evidence: &evidence };
    let result = recommend(&framework, &state, catalog.as_ref(), &args.student, &options)
        .map_err(|e| Failure::new("options", e))?;
    print_json(&result);
    Ok(())
}

pub fn run_import_case(package: &str) -> Result<(), Failure> {
    let imported = evident::interop::case::import_case(&read_input(package)?)
        .map_err(|e| Failure::new(package, e))?;
    print_json(&imported);
    Ok(())
}

pub fn run_xapi(rubric: &str, submission: &str, home_page: Option<String>) -> Result<(), Failure> {
    let compiled = load_rubric(rubric)?;
    let parsed = evident::rubric::parse_submission(&read_input(submission)?)
        .map_err(|e| Failure::new(submission, e))?;
    let mut options = XapiOptions::default();
    if let Some(home_page) = home_page {
        options.home_page = home_page;
    }
    let statements = submission_statements(&compiled, &parsed, &options).map_err(|e| {
        let source = if e.path() == "homePage" { "--home-page" } else { submission };
        Failure::new(source, e)
    })?;
    print_json(&statements);
    Ok(())
}
