//! The score-based calculation methods: each turns one student's scores on one competency,
//! oldest first, into one value on the same scale.
//!
//! Takes the scores in time order (never empty: callers skip empty groups); gives the value.
//! Each function documents its formula, its edge cases and where the definition comes from.
//! Values outside the scale are used as given (a 0/1 right/wrong score is a legitimate
//! input); only the power law, which takes logarithms, needs a floor (see `power_law`).

/// Canvas "Decaying Average" (the current method, `standard_decaying_average` in Canvas's
/// API): the first score starts the average, then each later score counts `weight` and the
/// average so far `1 − weight`:
///
/// `D₁ = s₁`, `Dₖ = w·sₖ + (1 − w)·Dₖ₋₁`, value `Dₙ`.
///
/// So with n scores the latest weighs `w`, the one before `w(1−w)`, …, the first `(1−w)ⁿ⁻¹`.
/// Canvas documents the example 1, 2, 3, 4, 5 at 65 % → 1.65, 2.5275, 3.4846, 4.4696 (shown
/// rounded to 4.47). One score: that score. Canvas accepts weights of 50–99 %; any weight
/// in [0, 1] works here (0 keeps the first score, 1 is `latest`).
///
/// Source: Instructure, "Canvas Outcomes: New and Updated Proficiency Calculations" (Canvas
/// Community product blog, 2023), and the worked example in canvas-lms's rollup tests.
pub fn decaying_average(scores: &[f64], weight: f64) -> f64 {
    let mut iter = scores.iter();
    let first = iter.next().copied().unwrap_or(f64::NAN);
    iter.fold(first, |average, &score| weight * score + (1.0 - weight) * average)
}

/// Canvas's older "Decaying Average", renamed "Weighted Average" in 2023: the latest score
/// counts `weight`, the plain mean of all earlier scores `1 − weight`:
///
/// `value = w·sₙ + (1 − w)·mean(s₁ … sₙ₋₁)`; one score: that score.
///
/// Canvas's example: scores 1, 2, 3, 4, 5 at 65 % → 0.65·5 + 0.35·2.5 = 4.125 (4.13).
/// Source: Canvas Admin Guide, "What calculation methods are available for outcomes?" (it
/// notes that this "simplified approach" is not the traditional decaying average).
pub fn weighted_average(scores: &[f64], weight: f64) -> f64 {
    match scores.split_last() {
        None => f64::NAN,
        Some((&latest, [])) => latest,
        Some((&latest, earlier)) => weight * latest + (1.0 - weight) * mean(earlier),
    }
}

/// Canvas "n Number of Times": mastery needs at least `n` scores at or above the mastery
/// threshold; the value is the mean of those scores (scores below mastery are not used).
///
/// Canvas shows no score at all until `n` scores reach mastery. An estimate needs a value, so
/// until then we report the mean of all scores, capped just below mastery at the highest
/// scale level under it (`cap`), so that the level shown never claims mastery that the
/// method has not granted. `None` is returned for "not yet" alongside that value.
///
/// Example (canvas-lms tests): scores 1, 2, 3, 4, 5, mastery 3, n = 3 → mean(3, 4, 5) = 4;
/// with n = 4 there is no mastery yet.
/// Source: Canvas Admin Guide, "What calculation methods are available for outcomes?".
pub fn n_mastery(scores: &[f64], n: usize, mastery: f64, cap: f64) -> (f64, bool) {
    let at_mastery: Vec<f64> = scores.iter().copied().filter(|&s| s >= mastery).collect();
    if at_mastery.len() >= n.max(1) {
        (mean(&at_mastery), true)
    } else {
        (mean(scores).min(cap), false)
    }
}

/// The latest score (Canvas "Most Recent Score").
pub fn latest(scores: &[f64]) -> f64 {
    scores.last().copied().unwrap_or(f64::NAN)
}

/// The highest score (Canvas "Highest Score").
pub fn highest(scores: &[f64]) -> f64 {
    scores.iter().copied().fold(f64::NAN, f64::max)
}

/// The arithmetic mean of all scores.
pub fn average(scores: &[f64]) -> f64 {
    mean(scores)
}

/// The most frequent score. Ties go to the tied score given most recently, the rule that
/// standards-based gradebooks publish (e.g. Educate SIS, "How Educate calculates
/// standards-based grading": "If more than one score appears the same number of times, the
/// Mode will reflect the more recently scored assignment"); it also agrees with mastery
/// grading's preference for recent evidence. Scores are compared exactly.
///
/// Example: 2, 3, 3, 2 → 2 and 3 both appear twice; 2 was given last → 2.
pub fn mode(scores: &[f64]) -> f64 {
    let mut best = f64::NAN;
    let mut best_count = 0;
    let mut best_last = 0;
    for (i, &candidate) in scores.iter().enumerate() {
        let count = scores.iter().filter(|&&s| s == candidate).count();
        let last = scores.iter().rposition(|&s| s == candidate).unwrap_or(i);
        if count > best_count || (count == best_count && last > best_last) {
            best = candidate;
            best_count = count;
            best_last = last;
        }
    }
    best
}

/// Marzano's power law of learning: fit `y = a·xᵇ` to the scores by least squares on
/// logarithms, with x = 1 … n the order of the evidence, and report the fitted value at the
/// latest point, x = n:
///
/// `b = Σ(ln xᵢ − L̄x)(ln yᵢ − L̄y) / Σ(ln xᵢ − L̄x)²`, `ln a = L̄y − b·L̄x`, value `a·nᵇ`.
///
/// A score of 0 (or below) has no logarithm. Clamping it to a small ε would let one zero
/// dominate the fit (ln 0.01 ≈ −4.6 against ln 4 ≈ 1.4), so instead the scores are shifted so
/// that the lowest level of the scale becomes 1 (`shift = 1 − lowest`, 0 on the default 1–4
/// scale, where this is exactly Marzano's fit; 1 on a 0–4 scale), scores below the lowest
/// level are raised to it, the curve is fitted to `y + shift`, and the shift is taken off the
/// result. The value is kept within the scale (`lowest ..= highest`): a steep rise may
/// extrapolate above the top level, which the scale cannot show. One score: that score.
///
/// Source: R. J. Marzano, *Transforming Classroom Grading* (ASCD, 2000), ch. 5, and
/// PowerSchool, "What is the Power Law?" (PowerTeacher Pro standards calculation).
pub fn power_law(scores: &[f64], lowest: f64, highest: f64) -> f64 {
    let n = scores.len();
    if n == 0 {
        return f64::NAN;
    }
    if n == 1 {
        return scores[0];
    }
    let shift = 1.0 - lowest;
    let (slope, intercept) = power_law_fit(scores, lowest, shift);
    let value = (intercept + slope * (n as f64).ln()).exp() - shift;
    value.clamp(lowest, highest.max(lowest))
}

/// The exponent `b` and `ln a` of the power-law fit of `power_law` (with at least two scores).
pub fn power_law_fit(scores: &[f64], lowest: f64, shift: f64) -> (f64, f64) {
    let n = scores.len() as f64;
    let xs = || (1..=scores.len()).map(|x| (x as f64).ln());
    let ys = || scores.iter().map(|&y| (y.max(lowest) + shift).ln());
    let mean_x = xs().sum::<f64>() / n;
    let mean_y = ys().sum::<f64>() / n;
    let (mut covariance, mut variance) = (0.0, 0.0);
    for (x, y) in xs().zip(ys()) {
        covariance += (x - mean_x) * (y - mean_y);
        variance += (x - mean_x) * (x - mean_x);
    }
    let slope = if variance > 0.0 { covariance / variance } else { 0.0 };
    (slope, mean_y - slope * mean_x)
}

pub(crate) fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        f64::NAN
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
#[path = "methods_tests.rs"]
mod tests;
