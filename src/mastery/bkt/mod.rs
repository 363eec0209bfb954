//! Bayesian Knowledge Tracing: a two-state hidden Markov model of one skill (known / not yet
//! known) observed through right/wrong answers.
//!
//! Takes a skill's parameters and a student's answers in order; gives the probability that the
//! student knows the skill, before and after each answer. `fit` estimates the parameters from
//! many students' answers (EM with seeded restarts); `evaluate` measures one-step-ahead
//! predictions (AUC, RMSE, accuracy) the way pyBKT does.
//!
//! The model is the one of Corbett & Anderson (1995), "Knowledge tracing: modeling the
//! acquisition of procedural knowledge", *User Modeling and User-Adapted Interaction* 4,
//! with the forgetting transition of pyBKT (Badrinath, Wang & Pardos, 2021, "pyBKT: An
//! Accessible Python Library of Bayesian Knowledge Tracing Models", EDM):
//!
//! - `prior` = P(L₀), the chance the skill is known before the first answer;
//! - `learn` = P(T), the chance of moving from not known to known between two answers;
//! - `forget` = P(F), the chance of moving from known to not known (0 in classic BKT);
//! - `guess` = P(G), the chance of a right answer when the skill is not known;
//! - `slip` = P(S), the chance of a wrong answer when it is known.

mod evaluate;
mod fit;
mod random;
mod sequences;

pub use evaluate::{auc, evaluate, predict_sequences, rmse, Metrics};
pub use fit::{fit_skill, fit_skills, FitOptions, FitReport, SkillFit};
pub use random::{stream_seed, SplitMix64};
pub use sequences::{parse_responses_csv, Response, SkillSequences};

use serde::{Deserialize, Serialize};

/// The five parameters of one skill. All are probabilities in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BktParams {
    pub prior: f64,
    pub learn: f64,
    #[serde(default)]
    pub forget: f64,
    pub guess: f64,
    pub slip: f64,
}

impl Default for BktParams {
    /// Starting values used when nothing is given and nothing is fitted: a skill most students
    /// do not know yet (prior 0.3), learnt at a modest rate (0.1 a step), with guess 0.2 and
    /// slip 0.1, the ranges Corbett & Anderson report for tutor skills; no forgetting.
    fn default() -> Self {
        BktParams { prior: 0.3, learn: 0.1, forget: 0.0, guess: 0.2, slip: 0.1 }
    }
}

impl BktParams {
    /// P(right answer) when the skill is known with probability `p_known`:
    /// `P(L)·(1 − S) + (1 − P(L))·G`.
    pub fn p_correct(&self, p_known: f64) -> f64 {
        p_known * (1.0 - self.slip) + (1.0 - p_known) * self.guess
    }

    /// P(known | the answer), by Bayes' rule:
    /// right: `P(L)(1−S) / (P(L)(1−S) + (1−P(L))G)`;
    /// wrong: `P(L)S / (P(L)S + (1−P(L))(1−G))`.
    /// When the answer is impossible under the model (a zero denominator), `p_known` is kept.
    pub fn posterior(&self, p_known: f64, correct: bool) -> f64 {
        let (known, unknown) = if correct {
            (p_known * (1.0 - self.slip), (1.0 - p_known) * self.guess)
        } else {
            (p_known * self.slip, (1.0 - p_known) * (1.0 - self.guess))
        };
        let total = known + unknown;
        if total > 0.0 {
            known / total
        } else {
            p_known
        }
    }

    /// The chance of knowing at the next opportunity: `P(L)(1 − F) + (1 − P(L))T`.
    pub fn transition(&self, p_known: f64) -> f64 {
        p_known * (1.0 - self.forget) + (1.0 - p_known) * self.learn
    }

    /// One answer: the posterior after it, then the learning (or forgetting) transition.
    pub fn update(&self, p_known: f64, correct: bool) -> f64 {
        self.transition(self.posterior(p_known, correct))
    }

    /// P(known) after a whole sequence of answers, starting from `prior`.
    pub fn trace(&self, answers: impl IntoIterator<Item = bool>) -> f64 {
        answers.into_iter().fold(self.prior, |p, correct| self.update(p, correct))
    }

    /// P(known) after the sequence without the final transition (the state "as of" the last
    /// answer), which is what a mastery estimate reports.
    pub fn known_after(&self, answers: &[bool]) -> f64 {
        match answers.split_last() {
            None => self.prior,
            Some((&last, earlier)) => {
                let before = earlier.iter().fold(self.prior, |p, &c| self.update(p, c));
                self.posterior(before, last)
            }
        }
    }

    /// The belief before any answer: (1 − prior, prior).
    pub fn start(&self) -> Belief {
        Belief { unknown: 1.0 - self.prior, known: self.prior }
    }

    /// P(right answer) under a belief: `P(unknown)·G + P(known)·(1 − S)`.
    pub fn p_correct_of(&self, belief: Belief) -> f64 {
        belief.unknown * self.guess + belief.known * (1.0 - self.slip)
    }

    /// The belief after seeing an answer (Bayes' rule, as `posterior`).
    pub fn observe(&self, belief: Belief, correct: bool) -> Belief {
        let (unknown, known) = if correct {
            (belief.unknown * self.guess, belief.known * (1.0 - self.slip))
        } else {
            (belief.unknown * (1.0 - self.guess), belief.known * self.slip)
        };
        let total = unknown + known;
        if total > 0.0 {
            Belief { unknown: unknown / total, known: known / total }
        } else {
            belief
        }
    }

    /// The belief at the next opportunity (as `transition`).
    pub fn step(&self, belief: Belief) -> Belief {
        Belief {
            unknown: belief.unknown * (1.0 - self.learn) + belief.known * self.forget,
            known: belief.unknown * self.learn + belief.known * (1.0 - self.forget),
        }
    }

    /// Whether every parameter is a probability.
    pub fn is_valid(&self) -> bool {
        [self.prior, self.learn, self.forget, self.guess, self.slip]
            .iter()
            .all(|p| (0.0..=1.0).contains(p))
    }
}

/// P(not known) and P(known), each kept in its own number. Writing P(not known) as
/// `1 − P(known)` loses it once it falls below about 1e-16 (after a long run of right
/// answers), which pins the student at "known" and makes later wrong answers powerless; pyBKT
/// keeps both numbers for the same reason, and so do the fitting and the predictions here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Belief {
    pub unknown: f64,
    pub known: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classic() -> BktParams {
        BktParams { prior: 0.4, learn: 0.2, forget: 0.0, guess: 0.25, slip: 0.1 }
    }

    #[test]
    fn a_right_answer_raises_and_a_wrong_one_lowers_the_estimate() {
        let p = classic();
        // Right: 0.4·0.9 / (0.4·0.9 + 0.6·0.25) = 0.36 / 0.51 = 0.705882…
        assert!((p.posterior(0.4, true) - 0.36 / 0.51).abs() < 1e-12);
        // Wrong: 0.4·0.1 / (0.4·0.1 + 0.6·0.75) = 0.04 / 0.49 = 0.081632…
        assert!((p.posterior(0.4, false) - 0.04 / 0.49).abs() < 1e-12);
        // Then learning: 0.705882 + (1 − 0.705882)·0.2 = 0.764706
        assert!((p.update(0.4, true) - (0.36 / 0.51 + (1.0 - 0.36 / 0.51) * 0.2)).abs() < 1e-12);
        // P(correct) at the prior: 0.4·0.9 + 0.6·0.25 = 0.51
        assert!((p.p_correct(0.4) - 0.51).abs() < 1e-12);
    }

    #[test]
    fn forgetting_pulls_a_known_skill_back() {
        let p = BktParams { forget: 0.1, ..classic() };
        // 0.9·(1 − 0.1) + 0.1·0.2 = 0.81 + 0.02 = 0.83
        assert!((p.transition(0.9) - 0.83).abs() < 1e-12);
    }

    #[test]
    fn known_after_skips_the_last_transition() {
        let p = classic();
        // One right answer: the posterior 0.36/0.51 without the learning step.
        assert!((p.known_after(&[true]) - 0.36 / 0.51).abs() < 1e-12);
        assert_eq!(p.known_after(&[]), 0.4);
    }

    #[test]
    fn a_long_run_of_right_answers_does_not_pin_the_student_at_known() {
        let p = classic();
        let mut belief = p.start();
        // Each right answer multiplies P(not known) by about G/(1 − S)·(1 − T) = 0.25/0.9·0.8 =
        // 0.22, so 40 of them take it to about 0.6·0.22⁴⁰ ≈ 1e-26: far below 1e-16, not zero.
        for _ in 0..40 {
            belief = p.step(p.observe(belief, true));
        }
        assert!(belief.unknown > 0.0 && belief.unknown < 1e-16, "{}", belief.unknown);
        // Each wrong answer multiplies the odds of "not known" by about (1 − G)/S·(1 − T) =
        // 7.5·0.8 = 6; 6⁴⁰ ≈ 1e31, so 40 of them lift it back above one half.
        for _ in 0..40 {
            belief = p.step(p.observe(belief, false));
        }
        assert!(belief.unknown > 0.5, "{}", belief.unknown);
    }

    #[test]
    fn impossible_answers_keep_the_estimate() {
        let p = BktParams { prior: 1.0, learn: 0.0, forget: 0.0, guess: 0.0, slip: 0.0 };
        assert_eq!(p.posterior(1.0, false), 1.0);
    }
}
