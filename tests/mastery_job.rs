//! `MasteryJob`: mastery in steps of bounded work gives exactly what the one-call path gives,
//! estimates and errors alike, however the evidence is sliced and however short the steps.

use evident::limits::{self, Limits};
use evident::mastery::bkt::SplitMix64;
use evident::mastery::{
    check_evidence, compute_mastery_table, parse_options, write_evidence_jsonl, Estimate,
    EvidenceRecord, EvidenceTable, MasteryJob, MasteryOptions, Origin, Stage,
};
use serde_json::Value;

/// 2026-12-01: after every record below.
const NOW: f64 = 1_796_083_200.0;

/// A class's gradebook: `students` × 6 competencies, 1–5 records per pair in shuffled time
/// order, some at the same instant, values on the default 1–4 scale (some 0: "not shown").
fn gradebook(students: usize, seed: u64) -> Vec<EvidenceRecord> {
    let mut random = SplitMix64::new(seed);
    let mut records = Vec::new();
    for s in 0..students {
        for c in 0..6 {
            let count = 1 + (random.next_f64() * 5.0) as usize;
            for _ in 0..count {
                let day = 1 + (random.next_f64() * 27.0) as usize;
                records.push(EvidenceRecord {
                    student: format!("s-{s:03}"),
                    competency: format!("SCI.{c}"),
                    value: (random.next_f64() * 5.0).floor().min(4.0),
                    at: format!("2026-10-{day:02}T10:00:00Z"),
                    source: None,
                });
            }
        }
    }
    // Interleave students, as a gradebook export ordered by assignment would.
    let n = records.len();
    for i in (1..n).rev() {
        let j = (random.next_f64() * (i + 1) as f64) as usize;
        records.swap(i, j.min(i));
    }
    records
}

fn one_call(text: &str, options: &MasteryOptions) -> Result<Vec<Estimate>, String> {
    let table = EvidenceTable::from_jsonl(text).map_err(|e| e.to_string())?;
    check_evidence(&table, Origin::Lines(text), options, NOW).map_err(|e| e.to_string())?;
    Ok(compute_mastery_table(&table, options))
}

/// Runs `job` to its end, asking `out_of_time` as a page's clock would; gives the estimates
/// and the number of steps.
fn run(
    job: &mut MasteryJob,
    out_of_time: &mut dyn FnMut() -> bool,
) -> Result<(Vec<Estimate>, usize), String> {
    let mut steps = 0;
    loop {
        steps += 1;
        let progress = job.step(out_of_time).map_err(|e| e.to_string())?;
        assert!(progress.total == 0 || progress.done <= progress.total, "{progress:?}");
        if progress.stage == Stage::Done {
            break;
        }
        assert!(steps < 1_000_000, "the job does not end");
    }
    let estimates = job
        .with_results(|table, rows, options| {
            rows.iter().map(|row| row.estimate(table, &options.scale)).collect()
        })
        .expect("results once done");
    Ok((estimates, steps))
}

/// The text in slices of these sizes, cut at character boundaries (mid-line, as a JS caller
/// cuts a string).
fn sliced_job(text: &str, options: &MasteryOptions, size: usize) -> MasteryJob {
    let mut job = MasteryJob::new(options.clone(), NOW);
    let mut from = 0;
    while from < text.len() {
        let mut to = (from + size).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        job.push_text(&text[from..to]).unwrap();
        from = to;
    }
    job
}

#[test]
fn short_steps_give_the_estimates_of_one_call_for_every_method() {
    let text = write_evidence_jsonl(&gradebook(600, 7));
    for options in [
        "{}",
        r#"{"method": "decayingAverage", "weight": 0.65, "staleAfterDays": 20}"#,
        r#"{"method": "nMastery", "n": 2}"#,
        r#"{"method": "powerLaw"}"#,
        r#"{"method": "bkt", "fit": true}"#,
    ] {
        let options = parse_options(options).unwrap();
        let expected = one_call(&text, &options).unwrap();
        assert!(expected.len() > 3000, "{}", expected.len());
        // A clock that is always out of time: every step does the least it can.
        let (found, steps) = run(&mut sliced_job(&text, &options, 997), &mut || true).unwrap();
        assert_eq!(found, expected);
        // About 10,000 records: reading, checking, ordering and estimating each take steps.
        assert!(steps >= 4, "{steps} steps");
        // With all the time in the world it is one step.
        let (found, steps) = run(&mut sliced_job(&text, &options, 1 << 20), &mut || false).unwrap();
        assert_eq!((found, steps), (expected, 1));
    }
}

#[test]
fn a_step_stops_when_its_time_is_up() {
    // 1,000 students × 6 × ~3 records: about 18,000 records, several blocks of lines.
    let text = write_evidence_jsonl(&gradebook(1000, 11));
    let options = parse_options("{}").unwrap();
    let mut job = sliced_job(&text, &options, 4096);
    // Out of time at the second question to the clock of each step.
    let mut asked;
    let mut stages = Vec::new();
    loop {
        asked = 0;
        let progress = job
            .step(&mut || {
                asked += 1;
                asked >= 2
            })
            .unwrap();
        stages.push(progress.stage);
        if progress.stage == Stage::Done {
            break;
        }
        // The step ended because the clock said so (asked twice), not before.
        assert_eq!(asked, 2, "{progress:?}");
    }
    for stage in [Stage::Reading, Stage::Checking, Stage::Estimating] {
        assert!(stages.contains(&stage), "{stages:?}");
    }
    assert!(stages.windows(2).all(|w| w[0] as u8 <= w[1] as u8), "{stages:?}");
}

#[test]
fn a_list_in_slices_gives_the_estimates_of_one_call() {
    let records = gradebook(40, 3);
    let options = parse_options(r#"{"method": "average"}"#).unwrap();
    let table = EvidenceTable::from_records(&records);
    let expected = compute_mastery_table(&table, &options);
    let values: Vec<Value> = records.iter().map(|r| serde_json::to_value(r).unwrap()).collect();
    let mut job = MasteryJob::new(options, NOW);
    for (i, slice) in values.chunks(100).enumerate() {
        job.push_records(i * 100, slice).unwrap();
    }
    let (found, _) = run(&mut job, &mut || true).unwrap();
    assert_eq!(found, expected);
}

#[test]
fn bad_evidence_gives_the_errors_of_one_call() {
    let options = parse_options("{}").unwrap();
    let mut lines: Vec<String> =
        write_evidence_jsonl(&gradebook(30, 5)).lines().map(str::to_string).collect();
    // A percent export on line 11, a future date on line 401.
    lines[10] =
        r#"{"student":"s-001","competency":"SCI.1","value":85,"at":"2026-10-02T10:00:00Z"}"#.into();
    lines[400] = r#"{"student":"s-002","competency":"SCI.2","value":3,"at":"9999-12-31"}"#.into();
    let text = lines.join("\n");
    let expected = one_call(&text, &options).unwrap_err();
    assert!(expected.contains("line 11: value: 85 is above the scale"), "{expected}");
    assert!(expected.contains("line 401: at:"), "{expected}");
    let found = run(&mut sliced_job(&text, &options, 333), &mut || true).unwrap_err();
    assert_eq!(found, expected);

    // A line that is not a record: the reading error, as one call gives it.
    lines[20] =
        r#"{"student": "s-1", "competency": "M.1", "value": "three", "at": "2026-10-01"}"#.into();
    let text = lines.join("\n");
    let expected = one_call(&text, &options).unwrap_err();
    assert!(expected.contains("line 21: value"), "{expected}");
    let mut job = sliced_job(&text, &options, 333);
    assert_eq!(run(&mut job, &mut || true).unwrap_err(), expected);
    // The job is over: another step says so again, and there are no results.
    assert_eq!(job.step(&mut || true).unwrap_err().to_string(), expected);
    assert!(job.with_results(|_, rows, _| rows.len()).is_none());

    // A bad record in the second slice of a list is named by its place in the whole list.
    let mut values: Vec<Value> =
        gradebook(10, 1).iter().map(|r| serde_json::to_value(r).unwrap()).collect();
    values[130]["value"] = Value::String("three".into());
    let mut job = MasteryJob::new(options, NOW);
    job.push_records(0, &values[..100]).unwrap();
    job.push_records(100, &values[100..]).unwrap();
    let error = run(&mut job, &mut || true).unwrap_err();
    assert!(error.contains("[130].value"), "{error}");
}

#[test]
fn too_many_records_stop_the_reading_at_the_limit() {
    let options = parse_options("{}").unwrap();
    let text = write_evidence_jsonl(&gradebook(800, 9));
    let rows = text.lines().count();
    let previous = limits::set(Limits { evidence_records: 1000, ..Limits::default() });
    let mut job = sliced_job(&text, &options, 1 << 16);
    let mut steps = 0;
    let error = loop {
        steps += 1;
        match job.step(&mut || true) {
            Ok(progress) => assert_eq!(progress.stage, Stage::Reading),
            Err(e) => break e.to_string(),
        }
    };
    limits::set(previous);
    assert!(rows > 4096 * 2, "{rows}");
    assert!(error.contains("evidenceRecords"), "{error}");
    // Refused after the first block of lines, not after reading all of them.
    assert_eq!(steps, 1);
}
