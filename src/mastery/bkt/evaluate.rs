//! One-step-ahead prediction and its metrics, computed the way pyBKT's `evaluate` does.
//!
//! Takes fitted parameters and held-out answer sequences; predicts each answer from the state
//! before it (then updates on the answer, then applies the transition) and gives AUC, RMSE and
//! accuracy over every predicted answer of every skill that has parameters.

use super::fit::FitReport;
use super::sequences::SkillSequences;
use super::BktParams;
use serde::Serialize;
use std::collections::HashMap;

/// How well predictions match the answers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub auc: f64,
    pub rmse: f64,
    /// Share of answers on the right side of 0.5 (a prediction of 0.5 counts as "right").
    pub accuracy: f64,
    /// Answers predicted.
    pub count: usize,
}

/// Appends P(right) for every answer of every sequence, each made before the answer is seen.
pub fn predict_sequences(sequences: &SkillSequences, params: &BktParams, out: &mut Vec<f64>) {
    for s in 0..sequences.sequence_count() {
        let mut belief = params.start();
        for &answer in sequences.sequence(s) {
            out.push(params.p_correct_of(belief));
            belief = params.step(params.observe(belief, answer == 1));
        }
    }
}

/// Predicts the answers of each test skill that was fitted and measures the predictions.
/// Skills absent from `fitted` are left out, as pyBKT leaves out skills it was not trained on.
pub fn evaluate(fitted: &[FitReport], test: &[SkillSequences]) -> Metrics {
    let by_skill: HashMap<&str, &BktParams> =
        fitted.iter().map(|f| (f.skill.as_str(), &f.params)).collect();
    let mut predictions = Vec::new();
    let mut answers = Vec::new();
    for skill in test {
        let Some(params) = by_skill.get(skill.skill.as_str()) else { continue };
        predict_sequences(skill, params, &mut predictions);
        answers.extend_from_slice(&skill.answers);
    }
    let right = predictions.iter().zip(&answers).filter(|(&p, &a)| (p >= 0.5) == (a == 1)).count();
    Metrics {
        auc: auc(&answers, &predictions),
        rmse: rmse(&answers, &predictions),
        accuracy: if answers.is_empty() { f64::NAN } else { right as f64 / answers.len() as f64 },
        count: answers.len(),
    }
}

/// Area under the ROC curve, by ranks (the Mann–Whitney U statistic over n₁·n₀): the chance
/// that a random right answer got a higher prediction than a random wrong one, ties counting
/// one half (tied predictions share the average of their ranks). NaN when either class is
/// absent.
pub fn auc(labels: &[u8], scores: &[f64]) -> f64 {
    let mut order: Vec<usize> = (0..labels.len().min(scores.len())).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let positives = order.iter().filter(|&&i| labels[i] == 1).count() as f64;
    let negatives = order.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return f64::NAN;
    }
    let mut positive_rank_sum = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && scores[order[end]] == scores[order[start]] {
            end += 1;
        }
        // Ranks start+1 ..= end share their mean.
        let mean_rank = (start + 1 + end) as f64 / 2.0;
        let tied_positives = order[start..end].iter().filter(|&&i| labels[i] == 1).count() as f64;
        positive_rank_sum += mean_rank * tied_positives;
        start = end;
    }
    (positive_rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// Root mean squared error between 0/1 answers and predicted probabilities.
pub fn rmse(labels: &[u8], scores: &[f64]) -> f64 {
    let n = labels.len().min(scores.len());
    if n == 0 {
        return f64::NAN;
    }
    let sum: f64 = labels.iter().zip(scores).map(|(&y, &p)| (f64::from(y) - p).powi(2)).sum();
    (sum / n as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mastery::bkt::sequences::Response;

    #[test]
    fn auc_by_hand_with_ties() {
        // Scores 0.1(0) 0.4(1) 0.4(0) 0.8(1): pairs (pos, neg) = (0.4,0.1) win, (0.4,0.4) tie,
        // (0.8,0.1) win, (0.8,0.4) win → (3 + 0.5) / 4 = 0.875.
        assert_eq!(auc(&[0, 1, 0, 1], &[0.1, 0.4, 0.4, 0.8]), 0.875);
        assert_eq!(auc(&[1, 0], &[0.9, 0.2]), 1.0);
        assert_eq!(auc(&[1, 0], &[0.2, 0.9]), 0.0);
        assert!(auc(&[1, 1], &[0.2, 0.9]).is_nan());
    }

    #[test]
    fn rmse_by_hand() {
        // Errors 0.2 and 0.4: √((0.04 + 0.16) / 2) = √0.1
        assert!((rmse(&[1, 0], &[0.8, 0.4]) - 0.1f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn predicts_each_answer_before_seeing_it() {
        let p = BktParams { prior: 0.4, learn: 0.2, forget: 0.0, guess: 0.25, slip: 0.1 };
        let responses: Vec<Response> = [true, false]
            .iter()
            .enumerate()
            .map(|(t, &c)| Response {
                order: t as u64,
                student: "s".into(),
                skill: "k".into(),
                correct: c,
            })
            .collect();
        let data = SkillSequences::group(&responses);
        let mut out = Vec::new();
        predict_sequences(&data[0], &p, &mut out);
        // First: 0.4·0.9 + 0.6·0.25 = 0.51. Then P(L) = 0.36/0.51 = 0.70588, after learning
        // 0.70588 + 0.29412·0.2 = 0.76471, so 0.76471·0.9 + 0.23529·0.25 = 0.74706.
        assert!((out[0] - 0.51).abs() < 1e-12);
        let known = 0.36 / 0.51 + (1.0 - 0.36 / 0.51) * 0.2;
        assert!((out[1] - (known * 0.9 + (1.0 - known) * 0.25)).abs() < 1e-12);
        let fitted =
            vec![FitReport { skill: "k".into(), params: p, log_likelihood: 0.0, iterations: 0 }];
        let metrics = evaluate(&fitted, &data);
        assert_eq!(metrics.count, 2);
        // Right answer predicted 0.51 (≥ 0.5: right), wrong answer predicted 0.747 (wrong).
        assert_eq!(metrics.accuracy, 0.5);
        assert_eq!(metrics.auc, 0.0);
    }
}
