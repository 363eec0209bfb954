//! Full-score speed on the side-by-side task of `benches/browser/keywords.mjs`, natively: a
//! lab report of 1,000 words against 40 keyword groups with fuzzy matching
//! (`benches/browser/keyword-rubric.json`), split into what a score does: the indicators
//! evaluated, the report built, the report written as JSON (what the wasm binding hands to
//! JS). Prints medians; asserts nothing.
//!
//! `cargo bench --bench keywords`

#[path = "lab_text.rs"]
mod lab_text;

use evident::{CompiledRubric, Submission};
use lab_text::lab_text;
use std::hint::black_box;
use std::time::Instant;

const RUBRIC: &str = include_str!("browser/keyword-rubric.json");

fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let rubric = match CompiledRubric::from_json(RUBRIC) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("benchmark rubric rejected: {e}");
            return;
        }
    };
    let words: usize =
        std::env::var("EVIDENT_BENCH_WORDS").ok().and_then(|w| w.parse().ok()).unwrap_or(1_000);
    let runs: usize =
        std::env::var("EVIDENT_BENCH_RUNS").ok().and_then(|w| w.parse().ok()).unwrap_or(500);
    let submission = Submission::of_text(lab_text(words));
    let report = match rubric.score(&submission) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("benchmark submission rejected: {e}");
            return;
        }
    };
    let met = report.criteria.iter().map(|c| c.met.len()).sum::<usize>();
    let spans = report.criteria.iter().flat_map(|c| &c.met).map(|m| m.spans.len()).sum::<usize>();
    let json = serde_json::to_string(&report).unwrap_or_default();
    println!(
        "{words} words, 40 fuzzy keyword groups: {met} met, {spans} spans, report JSON {} bytes",
        json.len()
    );
    let score = median_us(runs, || {
        black_box(rubric.score(black_box(&submission)).ok());
    });
    let with_json = median_us(runs, || {
        let report = rubric.score(black_box(&submission)).ok();
        black_box(report.map(|r| serde_json::to_string(&r).ok()));
    });
    println!("full score            {score:>9.1} µs (median of {runs})");
    println!("full score + JSON     {with_json:>9.1} µs");
}
