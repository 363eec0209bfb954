//! The ASAP-SAS evaluation harness: how well Evident's rubrics in `examples/asap-sas/`
//! agree with the human score of record on real student answers.
//!
//! ```text
//! cargo run --release --example asap-sas [-- DATA_DIR] [--curve] [--set N]
//! ```
//!
//! DATA_DIR defaults to `../shared/data/asap-sas` (next to the repository). Without the data
//! the harness says so and exits 0. Per set it prints quadratic weighted kappa against
//! `Score1` on the held-out part (every fifth `Id`, see `data.rs`) and on the training
//! part, and the two human raters' agreement on the held-out part; then the means. With
//! `--curve` it also prints a learning curve: starting from the teacher's first rubric
//! (`setNN.seed.rubric.json`, written from the item rubric before any answer was read), it
//! calibrates on 50, 100 and 200 scored training answers, accepts `--suggest`'s edits
//! greedily, and reports held-out agreement after each.
//!
//! Only agreement figures about the held-out part leave this program; `--train-only` hides
//! even those (for authoring, so no choice is made by looking at them). Choices between
//! rubric versions are made with `--cv K [--baseline DIR]`: K folds of the training part
//! only, each fold's agreement for the rubrics here and in DIR side by side.
//! `--explain-train SET N` and `--dump-train SET` show training answers (never fold 0 of
//! `--cv 5`, so some answers stay unread by the author).

mod data;

use data::{Answer, SETS};
use evident::calibration::{quadratic_weighted_kappa, suggest, Sample, SuggestOptions};
use evident::{CompiledRubric, Submission};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let curve = args.iter().any(|a| a == "--curve");
    // While authoring: training figures only, so no choice is made by looking at held-out ones.
    let train_only = args.iter().any(|a| a == "--train-only");
    let only: Option<u32> =
        args.iter().position(|a| a == "--set").and_then(|i| args.get(i + 1)?.parse().ok());
    let dir_arg = args.iter().enumerate().find(|(i, a)| {
        !a.starts_with("--") && !is_set_value(&args, *i) && a.parse::<u32>().is_err()
    });
    let Some(dir) = data::locate(dir_arg.map(|(_, a)| a.as_str())) else {
        println!(
            "ASAP-SAS data not found (expected train.tsv in {}): skipped.",
            dir_arg.map_or("../shared/data/asap-sas", |(_, a)| a.as_str())
        );
        return std::process::ExitCode::SUCCESS;
    };
    let sets = match data::read(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    let rubrics = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/asap-sas");
    if let Some(i) = args.iter().position(|a| a == "--author") {
        let set: u32 = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(1);
        author(&sets, &rubrics, set);
        return std::process::ExitCode::SUCCESS;
    }
    if let Some(i) = args.iter().position(|a| a == "--dump-train") {
        let set: u32 = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(1);
        dump_train(&sets, &rubrics, set);
        return std::process::ExitCode::SUCCESS;
    }
    if let Some(i) = args.iter().position(|a| a == "--samples") {
        let set: u32 = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(1);
        let n: usize = args.get(i + 2).and_then(|a| a.parse().ok()).unwrap_or(200);
        return print_samples(&sets, &rubrics, set, n);
    }
    if let Some(i) = args.iter().position(|a| a == "--cv") {
        let k: u64 = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(5).max(2);
        let baseline = args.iter().position(|a| a == "--baseline").and_then(|i| args.get(i + 1));
        let with_suggest = args.iter().any(|a| a == "--with-suggest");
        cross_validate(&sets, &rubrics, only, k, baseline.map(Path::new), with_suggest);
        return std::process::ExitCode::SUCCESS;
    }
    if let Some(i) = args.iter().position(|a| a == "--explain-train") {
        let set: u32 = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(1);
        let limit: usize = args.get(i + 2).and_then(|a| a.parse().ok()).unwrap_or(20);
        explain_train(&sets, &rubrics, set, limit);
        return std::process::ExitCode::SUCCESS;
    }

    println!("Held-out agreement with Score1 (quadratic weighted kappa; held out: Id % 5 == 0)\n");
    println!(
        "| set | held-out answers | engine held-out | engine training | human–human held-out |"
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    let (mut held, mut train, mut human) = (Vec::new(), Vec::new(), Vec::new());
    for (set, split) in &sets {
        if only.is_some_and(|o| o != *set) {
            continue;
        }
        let top = top_score(*set);
        let path = rubric_path(&rubrics, *set, "rubric");
        let rubric = match load(&path) {
            Ok(r) => r,
            Err(e) => {
                println!("| {set} | {} | {e} | | |", split.held_out.len());
                continue;
            }
        };
        if train_only {
            let t = qwk_engine(&rubric, &split.train, top);
            println!("| {set} | (hidden) | (hidden) | {t:.3} | |");
            train.push(t);
            continue;
        }
        let h = qwk_engine(&rubric, &split.held_out, top);
        let t = qwk_engine(&rubric, &split.train, top);
        let hh = qwk_pairs(split.held_out.iter().map(|a| (a.score1, a.score2)), top);
        println!("| {set} | {} | {h:.3} | {t:.3} | {hh:.3} |", split.held_out.len());
        held.push(h);
        train.push(t);
        human.push(hh);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!("| mean | | **{:.3}** | {:.3} | {:.3} |", mean(&held), mean(&train), mean(&human));

    if curve {
        learning_curve(&sets, &rubrics, only, train_only);
    }
    std::process::ExitCode::SUCCESS
}

/// Authoring aid: training answers (never held-out ones) where the engine and `Score1`
/// differ, with the indicators met, in a fixed order (by the pile's hash).
fn explain_train(sets: &[(u32, data::Split)], rubrics: &Path, set: u32, limit: usize) {
    let Some((_, split)) = sets.iter().find(|(s, _)| *s == set) else { return };
    let rubric = match load(&rubric_path(rubrics, set, "rubric")) {
        Ok(r) => r,
        Err(e) => return println!("{e}"),
    };
    let top = top_score(set);
    let mut confusion = vec![vec![0u32; top as usize + 1]; top as usize + 1];
    let mut shown = 0;
    // Fold 0 of `--cv 5` is never shown, so cross-validation keeps answers no author has read.
    for answer in pile(&split.train).into_iter().filter(|a| fold(a.id, 5) != 0) {
        assert!(!data::is_held_out(answer.id), "only training answers are shown");
        let report = rubric.score(&Submission::of_text(answer.text.clone())).expect("valid");
        let engine = engine_score(&rubric, &answer.text, top);
        confusion[answer.score1 as usize][engine as usize] += 1;
        if engine != answer.score1 && shown < limit {
            shown += 1;
            let met: Vec<&str> = report
                .criteria
                .iter()
                .flat_map(|c| c.met.iter().map(|m| m.indicator.as_str()))
                .collect();
            println!(
                "#{} teacher {} engine {} met {:?}\n  {}\n",
                answer.id,
                answer.score1,
                engine,
                met,
                answer.text.replace('\n', " ")
            );
        }
    }
    println!("confusion (rows Score1, columns engine), training part: {confusion:?}");
}

/// Authoring aid: one JSON line per training answer outside fold 0 (id, teacher, engine,
/// indicators met, text), for reading phrases and errors with other tools.
fn dump_train(sets: &[(u32, data::Split)], rubrics: &Path, set: u32) {
    let Some((_, split)) = sets.iter().find(|(s, _)| *s == set) else { return };
    let rubric = match load(&rubric_path(rubrics, set, "rubric")) {
        Ok(r) => r,
        Err(e) => return println!("{e}"),
    };
    let top = top_score(set);
    for answer in split.train.iter().filter(|a| fold(a.id, 5) != 0) {
        assert!(!data::is_held_out(answer.id), "only training answers are shown");
        let report = rubric.score(&Submission::of_text(answer.text.clone())).expect("valid");
        let met: Vec<&str> = report
            .criteria
            .iter()
            .flat_map(|c| c.met.iter().map(|m| m.indicator.as_str()))
            .collect();
        let line = serde_json::json!({
            "id": answer.id,
            "teacher": answer.score1,
            "engine": report.total.round().clamp(0.0, top),
            "met": met,
            "text": answer.text,
        });
        println!("{line}");
    }
}

/// Authoring aid: `--suggest` on every training answer of a set, edits that also help the
/// held-out folds accepted one by one (each printed), the rubric file rewritten.
fn author(sets: &[(u32, data::Split)], rubrics: &Path, set: u32) {
    let Some((_, split)) = sets.iter().find(|(s, _)| *s == set) else { return };
    let path = rubric_path(rubrics, set, "rubric");
    let text = std::fs::read_to_string(&path).expect("the rubric");
    // Fold 0 of `--cv 5` stays unread here too.
    let pile: Vec<&Answer> =
        pile(&split.train).into_iter().filter(|a| fold(a.id, 5) != 0).collect();
    let Some((text, edits)) = suggested_edits(&text, &pile) else {
        return println!("set {set}: several criteria, scored only as a total: not calibrated");
    };
    for edit in &edits {
        println!("{edit}");
    }
    std::fs::write(&path, &text).expect("written");
}

/// `--suggest` on the given answers, its best edit accepted while one improves agreement on
/// them and on `suggest`'s own held-out folds by more than 0.002 (at most 15 edits). Gives
/// the rubric text and each accepted edit with its reason; `None` for a rubric of several
/// criteria (set 2), since the data has only the item's total and a sample needs a score per
/// criterion.
fn suggested_edits(text: &str, pile: &[&Answer]) -> Option<(String, Vec<String>)> {
    if CompiledRubric::from_json(text).ok()?.criteria.len() != 1 {
        return None;
    }
    let mut text = text.to_string();
    let mut edits = Vec::new();
    for _ in 0..15 {
        let rubric = CompiledRubric::from_json(&text).expect("valid");
        let samples = as_samples(&rubric, pile);
        let report = suggest(&rubric, &samples, &SuggestOptions::default());
        let Some(best) = report.suggestions.iter().find(|s| {
            s.effect.held_out_gain.is_some_and(|g| g > 0.002) && s.effect.training_gain > 0.002
        }) else {
            break;
        };
        edits.push(format!(
            "{}\n  {}",
            serde_json::to_string(&best.edit).unwrap_or_default(),
            best.why
        ));
        text = best.apply(&text).expect("applies");
    }
    Some((text, edits))
}

/// Whether `args[i]` is the value of a flag that takes one (not the data directory).
fn is_set_value(args: &[String], i: usize) -> bool {
    i > 0
        && matches!(
            args[i - 1].as_str(),
            "--set"
                | "--cv"
                | "--baseline"
                | "--author"
                | "--explain-train"
                | "--dump-train"
                | "--samples"
        )
}

/// The cross-validation fold of a training answer (`--cv K`): a hash of its id, independent
/// of the held-out split and of the calibration pile's order.
fn fold(id: u64, k: u64) -> u64 {
    (id.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 32) % k
}

/// K-fold cross-validation on the training part only, for choosing between rubric variants
/// without looking at the held-out part. The rubric is fixed (a teacher's edit, not a fitted
/// model), so each fold's figure is the agreement on answers of that fold; what decides is
/// whether a variant beats the `--baseline DIR` rubrics on most folds and on the mean, and in
/// fold 0, whose answers `--explain-train` never shows (the only answers an author has not
/// read). With `--with-suggest`, the `--author` procedure (accepting `--suggest`'s edits) is
/// cross-validated too: fitted on the other folds, judged on each fold.
fn cross_validate(
    sets: &[(u32, data::Split)],
    rubrics: &Path,
    only: Option<u32>,
    k: u64,
    baseline: Option<&Path>,
    with_suggest: bool,
) {
    println!("Training-only {k}-fold cross-validation (held-out answers are not read)\n");
    println!("| set | rubric | fold QWK (fold 0 never shown) | mean | sd |");
    println!("| --- | --- | --- | ---: | ---: |");
    let mut means: Vec<(f64, Option<f64>)> = Vec::new();
    for (set, split) in sets {
        if only.is_some_and(|o| o != *set) {
            continue;
        }
        let top = top_score(*set);
        let folds: Vec<Vec<Answer>> = (0..k)
            .map(|f| split.train.iter().filter(|a| fold(a.id, k) == f).cloned().collect())
            .collect();
        let per_fold = |path: &Path| -> Result<Vec<f64>, String> {
            let rubric = load(path)?;
            Ok(folds.iter().map(|answers| qwk_engine(&rubric, answers, top)).collect())
        };
        let stats = |v: &[f64]| {
            let m = v.iter().sum::<f64>() / v.len() as f64;
            let sd = (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt();
            (m, sd)
        };
        let show = |v: &[f64]| v.iter().map(|q| format!("{q:.3}")).collect::<Vec<_>>().join(" ");
        let current = match per_fold(&rubric_path(rubrics, *set, "rubric")) {
            Ok(v) => v,
            Err(e) => {
                println!("| {set} | {e} | | | |");
                continue;
            }
        };
        let (m, sd) = stats(&current);
        println!("| {set} | current | {} | {m:.3} | {sd:.3} |", show(&current));
        if with_suggest && rubric_criteria(&rubric_path(rubrics, *set, "rubric")) == 1 {
            // The fitted procedure cross-validated properly: `--suggest` edits accepted on the
            // other folds' answers, agreement on the fold.
            let text =
                std::fs::read_to_string(rubric_path(rubrics, *set, "rubric")).expect("read above");
            let mut tuned = Vec::new();
            let mut counts = Vec::new();
            for f in 0..k {
                let others: Vec<&Answer> =
                    pile(&split.train).into_iter().filter(|a| fold(a.id, k) != f).collect();
                let (edited, edits) = suggested_edits(&text, &others).expect("one criterion");
                let rubric = CompiledRubric::from_json(&edited).expect("edits keep it valid");
                tuned.push(qwk_engine(&rubric, &folds[f as usize], top));
                counts.push(edits.len().to_string());
            }
            let (tm, tsd) = stats(&tuned);
            let delta: Vec<f64> = tuned.iter().zip(&current).map(|(t, c)| t - c).collect();
            let wins = delta.iter().filter(|d| **d > 0.0).count();
            println!(
                "| {set} | current + `--suggest` fitted on the other folds (edits {}) | {} | {tm:.3} | {tsd:.3} |",
                counts.join("/"),
                show(&tuned)
            );
            println!(
                "| {set} | that − current ({wins}/{k} folds better) | {} | {:+.3} | |",
                delta.iter().map(|d| format!("{d:+.3}")).collect::<Vec<_>>().join(" "),
                tm - m
            );
        }
        let mut base_mean = None;
        if let Some(dir) = baseline {
            match per_fold(&rubric_path(dir, *set, "rubric")) {
                Ok(base) => {
                    let (bm, bsd) = stats(&base);
                    println!("| {set} | baseline | {} | {bm:.3} | {bsd:.3} |", show(&base));
                    let delta: Vec<f64> = current.iter().zip(&base).map(|(c, b)| c - b).collect();
                    let (dm, dsd) = stats(&delta);
                    let wins = delta.iter().filter(|d| **d > 0.0).count();
                    println!(
                        "| {set} | current − baseline ({wins}/{k} folds better) | {} | {dm:+.3} | {dsd:.3} |",
                        delta.iter().map(|d| format!("{d:+.3}")).collect::<Vec<_>>().join(" ")
                    );
                    base_mean = Some(bm);
                }
                Err(e) => println!("| {set} | baseline: {e} | | | |"),
            }
        }
        means.push((m, base_mean));
    }
    let n = means.len().max(1) as f64;
    let current: f64 = means.iter().map(|(m, _)| m).sum::<f64>() / n;
    print!("| mean | current | | {current:.3} | |");
    if means.iter().all(|(_, b)| b.is_some()) && baseline.is_some() {
        let base: f64 = means.iter().filter_map(|(_, b)| *b).sum::<f64>() / n;
        print!("\n| mean | baseline | | {base:.3} | |");
    }
    println!();
}

fn top_score(set: u32) -> f64 {
    SETS.iter().find(|(s, _)| *s == set).map_or(3.0, |(_, t)| *t)
}

fn rubric_path(dir: &Path, set: u32, kind: &str) -> PathBuf {
    dir.join(format!("set{set:02}.{kind}.json"))
}

fn rubric_criteria(path: &Path) -> usize {
    load(path).map_or(0, |r| r.criteria.len())
}

fn load(path: &Path) -> Result<CompiledRubric, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    CompiledRubric::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The engine's score of an answer: the report's `total`, rounded and kept on the item's
/// scale (a rubric whose total can leave the scale is reported as such by the count below).
fn engine_score(rubric: &CompiledRubric, text: &str, top: f64) -> f64 {
    let report = rubric.score(&Submission::of_text(text)).expect("a text submission is valid");
    report.total.round().clamp(0.0, top)
}

fn qwk_engine(rubric: &CompiledRubric, answers: &[Answer], top: f64) -> f64 {
    qwk_pairs(answers.iter().map(|a| (a.score1, engine_score(rubric, &a.text, top))), top)
}

/// QWK over the scores 0..=top.
fn qwk_pairs(pairs: impl Iterator<Item = (f64, f64)>, top: f64) -> f64 {
    let k = top as usize + 1;
    let mut counts = vec![vec![0u32; k]; k];
    for (a, b) in pairs {
        counts[(a as usize).min(k - 1)][(b as usize).min(k - 1)] += 1;
    }
    quadratic_weighted_kappa(&counts).unwrap_or(0.0)
}

/// A deterministic shuffle of the training answers (by a hash of the id), as a teacher would
/// score the first answers of a pile: the first `n` are the calibration samples.
fn pile(train: &[Answer]) -> Vec<&Answer> {
    let mut pile: Vec<&Answer> = train.iter().collect();
    pile.sort_by_key(|a| (a.id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 17, a.id));
    pile
}

fn learning_curve(
    sets: &[(u32, data::Split)],
    rubrics: &Path,
    only: Option<u32>,
    train_only: bool,
) {
    const SIZES: [usize; 3] = [50, 100, 200];
    println!(
        "\nLearning curve: held-out QWK from the teacher's first rubric (setNN.seed.rubric.json),"
    );
    println!("after accepting `--suggest` edits greedily from n scored training answers\n");
    println!(
        "| set | seed (0) | 50 | 100 | 200 | edits accepted (50/100/200) | one `suggest` on 200 |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); SIZES.len() + 1];
    for (set, split) in sets {
        if only.is_some_and(|o| o != *set) {
            continue;
        }
        let top = top_score(*set);
        let path = rubric_path(rubrics, *set, "seed.rubric");
        let Ok(seed_text) = std::fs::read_to_string(&path) else {
            // Set 2 has two criteria (conclusion, improvements) and the data only a total:
            // a teacher calibrating it would score the two parts, which ASAP did not.
            println!("| {set} | no first draft: scored in two parts, the data has only totals | | | | | |");
            continue;
        };
        let seed = match CompiledRubric::from_json(&seed_text) {
            Ok(r) => r,
            Err(e) => {
                println!("| {set} | {}: {e} | | | | | |", path.display());
                continue;
            }
        };
        let pile = pile(&split.train);
        // While authoring, the training answers after the first 200 stand in for held-out ones.
        let rest: Vec<Answer> = pile.iter().skip(200).map(|a| (*a).clone()).collect();
        let judged = if train_only { &rest } else { &split.held_out };
        let base = qwk_engine(&seed, judged, top);
        columns[0].push(base);
        let mut cells = Vec::new();
        let mut accepted = Vec::new();
        let mut time = 0.0;
        for (i, &n) in SIZES.iter().enumerate() {
            let samples = as_samples(&seed, &pile[..n.min(pile.len())]);
            let (text, edits, first_call) = greedy(&seed_text, &samples);
            if n == 200 {
                time = first_call;
            }
            let tuned =
                CompiledRubric::from_json(&text).expect("accepted edits keep a valid rubric");
            let q = qwk_engine(&tuned, judged, top);
            columns[i + 1].push(q);
            cells.push(format!("{q:.3}"));
            accepted.push(edits.to_string());
        }
        println!(
            "| {set} | {base:.3} | {} | {} | {:.0} ms |",
            cells.join(" | "),
            accepted.join("/"),
            time * 1000.0
        );
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let means: Vec<String> = columns.iter().map(|c| format!("{:.3}", mean(c))).collect();
    println!("| mean | {} | | |", means.join(" | "));
}

/// `--samples SET N`: the learning curve's first N training answers of SET (the teacher's
/// pile), as calibration samples in JSON Lines for the seed rubric, for a benchmark to time
/// `suggest` on elsewhere (the browser). Training answers only; nothing is written to disk.
fn print_samples(
    sets: &[(u32, data::Split)],
    rubrics: &Path,
    set: u32,
    n: usize,
) -> std::process::ExitCode {
    let Some((_, split)) = sets.iter().find(|(s, _)| *s == set) else {
        eprintln!("no set {set} in the data");
        return std::process::ExitCode::from(2);
    };
    let rubric = match load(&rubric_path(rubrics, set, "seed.rubric")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("set {set}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let pile = pile(&split.train);
    for sample in as_samples(&rubric, &pile[..n.min(pile.len())]) {
        let line =
            serde_json::json!({ "submission": sample.submission, "teacher": sample.teacher });
        println!("{line}");
    }
    std::process::ExitCode::SUCCESS
}

/// Training answers as calibration samples: the teacher's score is the level of the rubric's
/// only criterion.
fn as_samples(rubric: &CompiledRubric, answers: &[&Answer]) -> Vec<Sample> {
    let criterion = rubric.criteria[0].id.clone();
    answers
        .iter()
        .map(|a| {
            let mut submission = Submission::of_text(a.text.clone());
            submission.student = Some(format!("asap-{}", a.id));
            let mut teacher = BTreeMap::new();
            teacher.insert(criterion.clone(), a.score1);
            Sample { line: 0, submission, teacher, note: None }
        })
        .collect()
}

/// Accepts the best suggestion while one improves agreement on the samples and on their
/// held-out folds (at most 30 edits). Also gives the time of the first `suggest` call.
fn greedy(seed: &str, samples: &[Sample]) -> (String, usize, f64) {
    let mut text = seed.to_string();
    let mut accepted = 0;
    let mut first_call = 0.0;
    for round in 0..30 {
        let rubric = CompiledRubric::from_json(&text).expect("valid");
        let options = SuggestOptions::default();
        let started = Instant::now();
        let report = suggest(&rubric, samples, &options);
        if round == 0 {
            first_call = started.elapsed().as_secs_f64();
        }
        let Some(best) = report.suggestions.iter().find(|s| {
            s.effect.training_gain > 0.0 && s.effect.held_out_gain.is_none_or(|g| g > 0.0)
        }) else {
            break;
        };
        text = best.apply(&text).expect("a suggestion applies to its own rubric");
        accepted += 1;
    }
    (text, accepted, first_call)
}
