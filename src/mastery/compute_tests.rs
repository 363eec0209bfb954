//! Estimates worked out by hand from small, realistic evidence sets.

use super::*;
use crate::mastery::bkt::BktParams;
use crate::mastery::options::{MasteryOptions, Method};

fn record(student: &str, competency: &str, value: f64, at: &str) -> EvidenceRecord {
    EvidenceRecord {
        student: student.into(),
        competency: competency.into(),
        value,
        at: at.into(),
        source: None,
    }
}

fn options(method: Method) -> MasteryOptions {
    MasteryOptions { method, ..MasteryOptions::default() }
}

#[test]
fn decaying_average_orders_by_time_and_sorts_the_output() {
    let records = vec![
        record("s-2", "M.1", 3.0, "2026-09-03T10:00:00Z"),
        record("s-2", "M.1", 2.0, "2026-09-01T10:00:00Z"),
        record("s-1", "M.2", 1.0, "2026-09-05T10:00:00Z"),
        record("s-2", "M.1", 4.0, "2026-09-02T10:00:00Z"),
    ];
    let estimates = compute_mastery(&records, &MasteryOptions::default());
    assert_eq!(estimates.len(), 2);
    // s-1 sorts first. One record of 1: value 1, "Beginning", trend unknown.
    let first = &estimates[0];
    assert_eq!(
        (first.student.as_str(), first.competency.as_str(), first.value, first.level),
        ("s-1", "M.2", 1.0, 1.0)
    );
    assert_eq!(
        (first.label.as_deref(), first.mastered, first.count, first.trend),
        (Some("Beginning"), false, 1, Trend::Unknown)
    );
    // s-2 in time order 2, 4, 3: D = 2 → 0.65·4 + 0.35·2 = 3.3 → 0.65·3 + 0.35·3.3 = 3.105.
    let second = &estimates[1];
    assert!((second.value - 3.105).abs() < 1e-9);
    assert_eq!(
        (second.level, second.label.as_deref(), second.mastered),
        (3.0, Some("Proficient"), true)
    );
    // Latest 3 against mean(2, 4) = 3: steady.
    assert_eq!(second.trend, Trend::Steady);
    assert_eq!(
        (second.count, second.last_at.as_str(), second.stale),
        (3, "2026-09-03T10:00:00Z", None)
    );
}

#[test]
fn equal_times_keep_input_order_and_offsets_are_respected() {
    let same = "2026-09-01T10:00:00Z";
    let forward = vec![record("s", "M", 2.0, same), record("s", "M", 4.0, same)];
    let backward = vec![record("s", "M", 4.0, same), record("s", "M", 2.0, same)];
    assert_eq!(compute_mastery(&forward, &options(Method::Latest))[0].value, 4.0);
    assert_eq!(compute_mastery(&backward, &options(Method::Latest))[0].value, 2.0);
    // 10:00+02:00 is 08:00Z, so the 09:00Z record is the latest although it sorts first as text.
    let offsets = vec![
        record("s", "M", 2.0, "2026-09-01T09:00:00Z"),
        record("s", "M", 4.0, "2026-09-01T10:00:00+02:00"),
    ];
    let estimate = &compute_mastery(&offsets, &options(Method::Latest))[0];
    assert_eq!((estimate.value, estimate.last_at.as_str()), (2.0, "2026-09-01T09:00:00Z"));
    // Latest 2 against earlier mean 4: lower by 2 > 0.25 → falling.
    assert_eq!(estimate.trend, Trend::Falling);
}

#[test]
fn n_mastery_not_yet_stays_below_the_mastery_level() {
    let records = vec![record("s", "M", 4.0, "2026-09-01"), record("s", "M", 4.0, "2026-09-02")];
    let estimate = &compute_mastery(&records, &options(Method::NMastery { n: 3 }))[0];
    // Two scores at mastery, three needed: mean 4 capped at 2 ("Developing"), not mastered.
    assert_eq!((estimate.value, estimate.level, estimate.mastered), (2.0, 2.0, false));
    let estimate = &compute_mastery(&records, &options(Method::NMastery { n: 2 }))[0];
    assert_eq!((estimate.value, estimate.level, estimate.mastered), (4.0, 4.0, true));
}

#[test]
fn bkt_traces_right_answers_and_places_the_probability_on_the_scale() {
    let params = BktParams { prior: 0.3, learn: 0.1, forget: 0.0, guess: 0.2, slip: 0.1 };
    let method = Method::Bkt { params, fit: false, restarts: 1, seed: 0, mastered_at: 0.95 };
    // Scores 3 and 4 are both at mastery → right, right.
    let records = vec![record("s", "M", 3.0, "2026-09-01"), record("s", "M", 4.0, "2026-09-08")];
    let estimate = &compute_mastery(&records, &options(method))[0];
    // Right: 0.3·0.9 / (0.27 + 0.7·0.2) = 0.658537; learn: + 0.341463·0.1 = 0.692683;
    // right: 0.623415 / (0.623415 + 0.307317·0.2) = 0.910256 < 0.95, not mastered.
    assert!((estimate.value - 0.910256).abs() < 1e-6, "{}", estimate.value);
    assert!(!estimate.mastered);
    // Level: 1 + 0.910256/0.95·(3 − 1) = 2.916, kept below mastery → 2.
    assert_eq!(estimate.level, 2.0);
    // 0.692683 before the last answer, 0.910256 after: rising.
    assert_eq!(estimate.trend, Trend::Rising);
}

#[test]
fn bkt_reaches_mastery_after_a_run_of_right_answers() {
    let method = Method::Bkt {
        params: BktParams::default(),
        fit: false,
        restarts: 1,
        seed: 0,
        mastered_at: 0.95,
    };
    let records: Vec<EvidenceRecord> =
        (1..=5).map(|d| record("s", "M", 3.0, &format!("2026-09-0{d}"))).collect();
    let estimate = &compute_mastery(&records, &options(method))[0];
    assert!(estimate.value >= 0.95 && estimate.mastered, "{}", estimate.value);
    assert_eq!((estimate.level, estimate.label.as_deref()), (3.0, Some("Proficient")));
}

#[test]
fn stale_evidence_is_flagged_against_the_latest_record() {
    let records =
        vec![record("s-1", "M", 3.0, "2026-09-01"), record("s-2", "M", 3.0, "2026-11-01")];
    let opts = MasteryOptions { stale_after_days: Some(30.0), ..MasteryOptions::default() };
    let estimates = compute_mastery(&records, &opts);
    // 2026-09-01 is 61 days before 2026-11-01, the latest record: stale; s-2 is 0 days old.
    assert_eq!((estimates[0].stale, estimates[1].stale), (Some(true), Some(false)));
    let opts = MasteryOptions {
        stale_after_days: Some(30.0),
        as_of: Some("2026-09-15".into()),
        ..MasteryOptions::default()
    };
    assert_eq!(compute_mastery(&records, &opts)[0].stale, Some(false));
}

#[test]
fn every_method_gives_a_value_for_every_group() {
    let records = vec![
        record("s", "M", 2.0, "2026-09-01"),
        record("s", "M", 3.0, "2026-09-02"),
        record("s", "M", 3.0, "2026-09-03"),
    ];
    for (method, want) in [
        (Method::Latest, 3.0),
        (Method::Highest, 3.0),
        (Method::Average, 8.0 / 3.0),
        (Method::Mode, 3.0),
        // 0.65·3 + 0.35·mean(2, 3) = 1.95 + 0.875 = 2.825
        (Method::WeightedAverage { weight: 0.65 }, 2.825),
        // See methods_tests: 2, 3, 3 → 3.19041.
        (Method::PowerLaw, 3.19041),
    ] {
        let name = method.name();
        let value = compute_mastery(&records, &options(method))[0].value;
        assert!((value - want).abs() < 1e-4, "{name}: {value} != {want}");
    }
}
