//! Agreement between two raters on an ordinal scale: exact and adjacent agreement, a
//! confusion matrix, and Cohen's quadratic weighted kappa.
//!
//! Kappa with quadratic weights `w(i, j) = (i − j)² / (k − 1)²` over the k categories (by
//! position, not value, as scikit-learn's `cohen_kappa_score(weights="quadratic")` does):
//! `κ = 1 − Σ w·O / Σ w·E`, where O is the observed proportion in each cell and E the
//! proportion expected by chance from the two raters' marginals. When Σ w·E is 0 (both
//! raters always gave the same single category) kappa is undefined and reported as `None`;
//! exact agreement still says how often they matched.

use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// How well the engine's levels agree with the teacher's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// Pairs compared (samples the teacher rated on this criterion).
    pub n: usize,
    /// Fraction (0–1) where the engine gave the teacher's level; `null` when `n` is 0.
    pub exact: Option<f64>,
    /// Fraction (0–1) within one level of the teacher's.
    pub adjacent: Option<f64>,
    /// Quadratic weighted kappa; `null` when undefined (see the module doc).
    pub kappa: Option<f64>,
    /// Mean of engine − teacher in level values: above 0, the engine is more generous.
    pub mean_difference: Option<f64>,
}

/// Counts of (teacher, engine) pairs: rows are the teacher's level, columns the engine's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Confusion {
    /// The level values, labelling both rows and columns.
    pub levels: Vec<f64>,
    /// The scale's label of each level value.
    pub labels: Vec<String>,
    pub counts: Vec<Vec<u32>>,
}

/// The position of `value` among `categories` (the nearest when it is not one of them).
fn position(categories: &[f64], value: f64) -> usize {
    let mut best = 0;
    for (i, c) in categories.iter().enumerate() {
        if (c - value).abs() < (categories[best] - value).abs() {
            best = i;
        }
    }
    best
}

/// Agreement and confusion matrix of `(teacher, engine)` pairs over ordered `categories`.
pub fn agreement(
    categories: &[f64],
    labels: Vec<String>,
    pairs: &[(f64, f64)],
) -> (Agreement, Confusion) {
    let k = categories.len();
    let mut counts = vec![vec![0u32; k]; k];
    let (mut exact, mut adjacent, mut difference) = (0usize, 0usize, 0.0);
    for &(teacher, engine) in pairs {
        if k == 0 {
            break;
        }
        let (t, e) = (position(categories, teacher), position(categories, engine));
        counts[t][e] += 1;
        exact += usize::from(t == e);
        adjacent += usize::from(t.abs_diff(e) <= 1);
        difference += engine - teacher;
    }
    let n = pairs.len();
    let fraction = |count: usize| (n > 0).then(|| count as f64 / n as f64);
    let agreement = Agreement {
        n,
        exact: fraction(exact),
        adjacent: fraction(adjacent),
        kappa: quadratic_weighted_kappa(&counts),
        mean_difference: (n > 0).then(|| difference / n as f64),
    };
    (agreement, Confusion { levels: categories.to_vec(), labels, counts })
}

/// Cohen's kappa with quadratic weights from a square confusion matrix (rows one rater,
/// columns the other). `None` with fewer than two categories, no pairs, or no expected
/// disagreement.
pub fn quadratic_weighted_kappa(counts: &[Vec<u32>]) -> Option<f64> {
    let k = counts.len();
    if k < 2 || counts.iter().any(|row| row.len() != k) {
        return None;
    }
    // With d = i − j the weights' common factor 1/(k − 1)² and the proportions' 1/n and 1/n²
    // cancel: κ = 1 − n·Σ d²·O_ij / Σ d²·r_i·c_j, all in whole numbers until one division.
    let n: u64 = counts.iter().flatten().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    let rows: Vec<u64> = counts.iter().map(|r| r.iter().map(|&c| u64::from(c)).sum()).collect();
    let cols: Vec<u64> = (0..k).map(|j| counts.iter().map(|r| u64::from(r[j])).sum()).collect();
    let (mut observed, mut expected) = (0u128, 0u128);
    for i in 0..k {
        for j in 0..k {
            let d2 = (i.abs_diff(j) as u128).pow(2);
            observed += d2 * u128::from(counts[i][j]);
            expected += d2 * u128::from(rows[i]) * u128::from(cols[j]);
        }
    }
    if expected == 0 {
        return None;
    }
    Some(1.0 - (u128::from(n) * observed) as f64 / expected as f64)
}
