//! Evidence → mastery: the fast reader (`EvidenceTable::from_jsonl`, which scans the usual
//! line shape without serde) against the general parser (`parse_evidence_jsonl`): the same
//! records or the same problems; then the same estimates from both, and the validation
//! against the scale never panics. Seeds: `examples/class.evidence.jsonl`.
#![no_main]

use evident::mastery::{self, EvidenceTable, MasteryOptions};
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
            let _ = mastery::check_evidence(table, mastery::Origin::Lines(text), &options, 1.8e9);
            let from_records = mastery::compute_mastery(records, &options);
            let from_table = mastery::compute_mastery_table(table, &options);
            assert_eq!(format!("{from_records:?}"), format!("{from_table:?}"));
        }
        (Err(a), Err(b)) => assert_eq!(a.problems(), b.problems()),
        _ => panic!("the readers disagree: {general:?} / {fast:?}"),
    }
});
