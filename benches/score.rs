//! Scoring speed: a full re-score of a lab report against a 6-criterion, 40-indicator
//! rubric (stemmed and fuzzy phrases, counts, readability, numbers, a pattern), and a live
//! session's update per keystroke (typing at the end, and editing in the middle), at 1,000,
//! 10,000 and 100,000 words. Prints medians and 95th percentiles; asserts nothing.
//!
//! `cargo bench --bench score`

#[path = "lab_text.rs"]
mod lab_text;

use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use lab_text::{lab_text, RUBRIC};
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e6;
    (at(0.5), at(0.95))
}

const TYPED: &str = " Next time we will measure the leaves too, because leaf area could matter.";

fn main() {
    let rubric = match CompiledRubric::from_json(RUBRIC) {
        Ok(r) => Rc::new(r),
        Err(e) => {
            eprintln!("benchmark rubric rejected: {e}");
            return;
        }
    };
    println!("rubric: {} criteria, {} indicators", rubric.criteria.len(), rubric.indicators.len());
    println!(
        "{:>8} {:>16} {:>22} {:>22}",
        "words", "full score µs", "type at end µs", "type in middle µs"
    );
    println!("{:>8} {:>16} {:>22} {:>22}", "", "median", "median / p95", "median / p95");
    // EVIDENT_BENCH_WORDS=1000 runs one size only (e.g. under a profiler).
    let sizes: Vec<usize> =
        match std::env::var("EVIDENT_BENCH_WORDS").ok().and_then(|w| w.parse().ok()) {
            Some(words) => vec![words],
            None => vec![1_000, 10_000, 100_000],
        };
    for words in sizes {
        let text = lab_text(words);
        let submission = Submission::of_text(text.clone());
        let runs = if words >= 100_000 {
            5
        } else if words >= 10_000 {
            20
        } else {
            200
        };
        let full: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(rubric.score(black_box(&submission)).ok());
                t.elapsed()
            })
            .collect();
        let (full_median, _) = stats(full);

        // Typing at the end: one update per character of TYPED.
        let mut session =
            Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
        let mut current = text.clone();
        let mut end_samples = Vec::new();
        for c in TYPED.chars() {
            current.push(c);
            let t = Instant::now();
            black_box(session.update(&current));
            // (The report brought up to date too, as `update` returned it before it said
            // what changed.)
            black_box(session.report());
            end_samples.push(t.elapsed());
        }
        let check = rubric.score(&Submission::of_text(current.clone())).ok();
        assert_eq!(check.as_ref(), Some(session.report()), "session and full score disagree");

        // Editing in the middle: insert TYPED one character at a time at the middle
        // sentence boundary.
        let middle = text[..text.len() / 2].rfind(". ").map_or(0, |i| i + 1);
        let mut session =
            Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
        let mut inserted = String::new();
        let mut middle_samples = Vec::new();
        for c in TYPED.chars() {
            inserted.push(c);
            let edited = format!("{}{}{}", &text[..middle], inserted, &text[middle..]);
            let t = Instant::now();
            black_box(session.update(&edited));
            black_box(session.report());
            middle_samples.push(t.elapsed());
        }
        let (end_median, end_p95) = stats(end_samples);
        let (mid_median, mid_p95) = stats(middle_samples);
        println!(
            "{:>8} {:>16.1} {:>11.1} / {:<8.1} {:>11.1} / {:<8.1}",
            words, full_median, end_median, end_p95, mid_median, mid_p95
        );
    }
}
