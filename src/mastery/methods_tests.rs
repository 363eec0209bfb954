//! Hand-worked examples for the calculation methods, and the examples Canvas publishes.

use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn decaying_average_matches_canvas_published_example() {
    // Canvas: 1,2,3,4,5 at 65 %: [1,2] → 1.65, [1.65,3] → 2.5275, [2.5275,4] → 3.484625,
    // [3.484625,5] → 0.35·3.484625 + 3.25 = 4.46961875 (Canvas shows 4.47).
    assert!(close(decaying_average(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.65), 4.46961875));
    // Three scores 2, 3, 4: 0.65·3 + 0.35·2 = 2.65, then 0.65·4 + 0.35·2.65 = 3.5275.
    assert!(close(decaying_average(&[2.0, 3.0, 4.0], 0.65), 3.5275));
    assert_eq!(decaying_average(&[3.0], 0.65), 3.0);
    // Weight 1 is "latest"; weight 0 keeps the first score.
    assert_eq!(decaying_average(&[1.0, 4.0, 2.0], 1.0), 2.0);
    assert_eq!(decaying_average(&[1.0, 4.0, 2.0], 0.0), 1.0);
}

#[test]
fn weighted_average_matches_canvas_legacy_example() {
    // Canvas (legacy "decaying average"): (5·0.65) + (mean(1,2,3,4)·0.35) = 3.25 + 0.875 = 4.125.
    assert!(close(weighted_average(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.65), 4.125));
    // A Canvas Community thread: latest 4.5 after scores averaging 5 → 0.65·4.5 + 0.35·5 = 4.675.
    assert!(close(weighted_average(&[5.0, 5.0, 4.5], 0.65), 4.675));
    assert_eq!(weighted_average(&[2.0], 0.65), 2.0);
}

#[test]
fn n_mastery_averages_the_scores_at_mastery() {
    // canvas-lms example: 1..5, mastery 3, n 3 → mean(3,4,5) = 4, mastered.
    assert_eq!(n_mastery(&[1.0, 2.0, 3.0, 4.0, 5.0], 3, 3.0, 2.0), (4.0, true));
    // n 4: only three scores reach 3, so not yet: mean(1..5) = 3 capped at 2 (the level below).
    assert_eq!(n_mastery(&[1.0, 2.0, 3.0, 4.0, 5.0], 4, 3.0, 2.0), (2.0, false));
    // Not yet and below the cap: mean(1, 2) = 1.5.
    assert_eq!(n_mastery(&[1.0, 2.0], 2, 3.0, 2.0), (1.5, false));
}

#[test]
fn latest_highest_average() {
    let scores = [2.0, 4.0, 3.0];
    assert_eq!(latest(&scores), 3.0);
    assert_eq!(highest(&scores), 4.0);
    assert_eq!(average(&scores), 3.0);
}

#[test]
fn mode_breaks_ties_toward_the_most_recent() {
    // 2 and 3 appear twice each; the last 2 is later than the last 3 → 2.
    assert_eq!(mode(&[2.0, 3.0, 3.0, 2.0]), 2.0);
    // A clear mode wins regardless of order.
    assert_eq!(mode(&[3.0, 3.0, 1.0, 3.0, 4.0]), 3.0);
    // All different: each appears once; the latest wins.
    assert_eq!(mode(&[1.0, 2.0, 4.0]), 4.0);
}

#[test]
fn power_law_by_hand() {
    // y = x exactly for 1, 2, 3: b = 1, a = 1 → value at x = 3 is 3.
    assert!(close(power_law(&[1.0, 2.0, 3.0], 1.0, 4.0), 3.0));
    // 2, 3, 3: ln x = 0, .693147, 1.098612 (mean .597253); ln y = .693147, 1.098612,
    // 1.098612 (mean .963457); b = .242164/.617268 = .392318; ln a = .963457 − .392318·.597253
    // = .729144; value = exp(.729144 + .392318·1.098612) = exp(1.160148) = 3.19041.
    assert!(close(power_law(&[2.0, 3.0, 3.0], 1.0, 4.0), 3.19041));
    // Flat scores stay flat.
    assert!(close(power_law(&[2.0, 2.0, 2.0, 2.0], 1.0, 4.0), 2.0));
    assert_eq!(power_law(&[3.0], 1.0, 4.0), 3.0);
}

#[test]
fn power_law_shifts_a_zero_on_a_zero_based_scale() {
    // Scale 0–4: shift 1, so 0, 1, 1 are fitted as 1, 2, 2: ln y = 0, .693147, .693147
    // (mean .462098); b = .413983/.617268 = .670670; ln a = .462098 − .670670·.597253 = .061538;
    // value = exp(.061538 + .670670·1.098612) − 1 = exp(.798350) − 1 = 1.22186.
    assert!(close(power_law(&[0.0, 1.0, 1.0], 0.0, 4.0), 1.22186));
    // 0, 2, 4 (fitted as 1, 3, 5) extrapolates to 4.174 at x = 3: kept at the top level 4.
    assert_eq!(power_law(&[0.0, 2.0, 4.0], 0.0, 4.0), 4.0);
    // A score below the scale (0 on a 1–4 scale) is raised to the lowest level first:
    // 0, 2 is fitted as 1, 2 → b = 1, a = 1 → 2.
    assert!(close(power_law(&[0.0, 2.0], 1.0, 4.0), 2.0));
}
