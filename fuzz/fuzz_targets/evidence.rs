//! Evidence → mastery: the fast reader (`EvidenceTable::from_jsonl`, which scans the usual
//! line shape without serde) against the general parser (`parse_evidence_jsonl`): the same
//! records or the same problems; then the same estimates from both, and the validation
//! against the scale never panics; and a `MasteryJob` in the shortest steps, over the text in
//! slices, gives what one call gives (estimates or errors). Seeds:
//! `examples/class.evidence.jsonl`.
#![no_main]

use evident::mastery::{self, EvidenceTable, MasteryJob, MasteryOptions, Stage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let general = mastery::parse_evidence_jsonl(text);
    let fast = EvidenceTable::from_jsonl(text);
    match (&general, &fast) {
        (Ok(records), Ok(table)) => {
            // The table keeps no sources (mastery does not read them).
            let mut expected = records.clone();
            for r in expected.iter_mut() {
                r.source = None;
            }
            assert_eq!(table.records(), expected);
            let options = MasteryOptions::default();
            let checked =
                mastery::check_evidence(table, mastery::Origin::Lines(text), &options, 1.8e9);
            let from_records = mastery::compute_mastery(records, &options);
            let from_table = mastery::compute_mastery_table(table, &options);
            assert_eq!(format!("{from_records:?}"), format!("{from_table:?}"));
            let expected = checked.map(|()| from_table);
            assert_eq!(format!("{:?}", in_steps(text, &options)), format!("{expected:?}"));
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.problems(), b.problems());
            let stepped = in_steps(text, &MasteryOptions::default());
            assert_eq!(stepped.map_err(|e| e.problems().to_vec()), Err(b.problems().to_vec()));
        }
        _ => panic!("the readers disagree: {general:?} / {fast:?}"),
    }
});

/// The text in slices of 7 bytes (at character boundaries), then steps that stop at every
/// look at the clock.
fn in_steps(
    text: &str,
    options: &MasteryOptions,
) -> Result<Vec<mastery::Estimate>, evident::Error> {
    let mut job = MasteryJob::new(options.clone(), 1.8e9);
    let mut from = 0;
    while from < text.len() {
        let mut to = (from + 7).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        job.push_text(&text[from..to])?;
        from = to;
    }
    while job.step(&mut || true)?.stage != Stage::Done {}
    Ok(job
        .with_results(|table, rows, options| {
            rows.iter().map(|row| row.estimate(table, &options.scale)).collect()
        })
        .expect("done"))
}
