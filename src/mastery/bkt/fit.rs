//! Fitting BKT parameters per skill by expectation–maximisation (Baum–Welch), as pyBKT does.
//!
//! Takes a skill's answer sequences and `FitOptions`; gives the parameters with the highest
//! log-likelihood over several seeded random restarts. Choices follow pyBKT 1.4 so that the
//! two give the same models on the same data:
//! - each restart draws prior ~ U(0, 1), learn ~ U(0, 0.4), guess ~ U(0, 0.4),
//!   slip ~ U(0, 0.3), and, with forgets, forget ~ U(0, 1) (otherwise forget stays 0: EM
//!   never moves a transition whose probability is 0);
//! - one set of the five parameters per skill;
//! - at most 100 iterations; stop when the log-likelihood changes by less than the tolerance
//!   (1e-3) after at least three iterations, keeping the parameters whose likelihood was
//!   measured; the restart with the highest log-likelihood wins (the first one on ties).
//!
//! (pyBKT's C++ E-step hands its log-likelihood back truncated to an integer, so in practice
//! it stops once the whole-number part stops changing; we compare the real values, which
//! costs a few more iterations and never stops earlier.)
//!
//! The E-step is a scaled forward pass that stores P(state) per answer, then a backward
//! pass that turns each forward message and the next smoothed state into expected transition
//! counts (the two-slice marginals) and smoothed states: one buffer per skill, no allocation
//! per step.

use super::random::{stream_seed, SplitMix64};
use super::sequences::SkillSequences;
use super::BktParams;

#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// Random restarts per skill (pyBKT's `num_fits`; its default is 5).
    pub restarts: usize,
    pub seed: u64,
    /// Fit a forgetting probability too (pyBKT's `forgets=True`).
    pub forgets: bool,
    pub tolerance: f64,
    pub max_iterations: usize,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions { restarts: 5, seed: 0, forgets: false, tolerance: 1e-3, max_iterations: 100 }
    }
}

/// The fitted parameters of one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct FitReport {
    pub skill: String,
    pub params: BktParams,
    /// Log-likelihood of the data under the kept parameters.
    pub log_likelihood: f64,
    /// EM iterations of the winning restart.
    pub iterations: usize,
}

/// Expected counts from one E-step: `transitions[from][to]`, `emissions[state][answer]`,
/// `initial[state]`, with state 0 = not known, 1 = known.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    transitions: [[f64; 2]; 2],
    emissions: [[f64; 2]; 2],
    initial: [f64; 2],
    log_likelihood: f64,
}

/// Fits every skill in turn.
pub fn fit_skills(skills: &[SkillSequences], options: &FitOptions) -> Vec<FitReport> {
    skills.iter().map(|s| fit_skill(s, options)).collect()
}

/// Fits one skill: the best of `options.restarts` EM runs.
pub fn fit_skill(sequences: &SkillSequences, options: &FitOptions) -> FitReport {
    let mut fit = SkillFit::new(sequences, options.clone());
    while !fit.step(sequences) {}
    fit.report(sequences)
}

/// `fit_skill` one EM iteration at a time, for a caller that must stay responsive: `step`
/// until it says it is done, then `report`. The same draws, iterations and result.
pub struct SkillFit {
    options: FitOptions,
    random: SplitMix64,
    alpha: Vec<[f64; 2]>,
    best: Option<(BktParams, f64, usize)>,
    /// Restarts begun so far.
    restarts: usize,
    run: Option<Run>,
}

/// One EM run in progress.
struct Run {
    params: BktParams,
    previous: f64,
    log_likelihood: f64,
    iterations: usize,
}

impl SkillFit {
    pub fn new(sequences: &SkillSequences, options: FitOptions) -> Self {
        SkillFit {
            random: SplitMix64::new(stream_seed(options.seed, &sequences.skill)),
            alpha: vec![[0.0; 2]; sequences.longest()],
            options,
            best: None,
            restarts: 0,
            run: None,
        }
    }

    /// One EM iteration (of the sequences `new` was given); `true` once every restart is done.
    pub fn step(&mut self, sequences: &SkillSequences) -> bool {
        let run = match &mut self.run {
            Some(run) => run,
            None if self.restarts < self.options.restarts.max(1) => {
                self.restarts += 1;
                let random = &mut self.random;
                let params = BktParams {
                    prior: random.next_f64(),
                    learn: random.next_f64() * 0.4,
                    guess: random.next_f64() * 0.4,
                    slip: random.next_f64() * 0.3,
                    forget: if self.options.forgets { random.next_f64() } else { 0.0 },
                };
                let run = Run {
                    params,
                    previous: f64::NEG_INFINITY,
                    log_likelihood: f64::NEG_INFINITY,
                    iterations: 0,
                };
                self.run.insert(run)
            }
            None => return true,
        };
        let counts = e_step(sequences, &run.params, &mut self.alpha);
        let i = run.iterations;
        run.iterations += 1;
        run.log_likelihood = counts.log_likelihood;
        let converged = i > 1 && (run.log_likelihood - run.previous).abs() < self.options.tolerance;
        if !converged {
            run.previous = run.log_likelihood;
            run.params = m_step(&counts, self.options.forgets);
        }
        if converged || run.iterations >= self.options.max_iterations.max(1) {
            let run = self.run.take().expect("a run in progress");
            if self.best.as_ref().is_none_or(|b| run.log_likelihood > b.1) {
                self.best = Some((run.params, run.log_likelihood, run.iterations));
            }
            return self.restarts >= self.options.restarts.max(1);
        }
        false
    }

    /// The best restart's parameters (or the defaults, if no step ran).
    pub fn report(self, sequences: &SkillSequences) -> FitReport {
        let (params, log_likelihood, iterations) =
            self.best.unwrap_or((BktParams::default(), f64::NEG_INFINITY, 0));
        FitReport { skill: sequences.skill.clone(), params, log_likelihood, iterations }
    }
}

/// New parameters from expected counts. A state never left (no counts) keeps pyBKT's choice:
/// from "not known" it learns for sure, from "known" it stays; an emission row with no counts
/// gives 0.5.
fn m_step(counts: &Counts, forgets: bool) -> BktParams {
    let ratio =
        |part: f64, whole: f64, otherwise: f64| if whole > 0.0 { part / whole } else { otherwise };
    let [[stay_unknown, learnt], [forgot, stay_known]] = counts.transitions;
    let [[unknown_wrong, unknown_right], [known_wrong, known_right]] = counts.emissions;
    BktParams {
        prior: ratio(counts.initial[1], counts.initial[0] + counts.initial[1], 0.5),
        learn: ratio(learnt, stay_unknown + learnt, 1.0),
        forget: if forgets { ratio(forgot, forgot + stay_known, 0.0) } else { 0.0 },
        guess: ratio(unknown_right, unknown_wrong + unknown_right, 0.5),
        slip: ratio(known_wrong, known_wrong + known_right, 0.5),
    }
}

fn e_step(sequences: &SkillSequences, p: &BktParams, alpha: &mut [[f64; 2]]) -> Counts {
    let mut counts = Counts::default();
    // P(answer | state) for answer 0 (wrong) and 1 (right).
    let emit_unknown = [1.0 - p.guess, p.guess];
    let emit_known = [p.slip, 1.0 - p.slip];
    let (learn, forget) = (p.learn, p.forget);
    let mut product = 1.0f64;
    for s in 0..sequences.sequence_count() {
        let answers = sequences.sequence(s);
        let len = answers.len();
        if len == 0 {
            continue;
        }
        // Forward: alpha[t] = P(state at t | answers up to t), scaled each step. Both states are
        // kept: after long runs of right answers P(not known) falls below the precision of
        // 1 − P(known), and computing it as a difference would pin the student at "known" for
        // good, so that later wrong answers could never bring the estimate down.
        let mut predicted = [1.0 - p.prior, p.prior];
        for (t, &answer) in answers.iter().enumerate() {
            if t > 0 {
                let [a0, a1] = alpha[t - 1];
                predicted = [a1 * forget + a0 * (1.0 - learn), a1 * (1.0 - forget) + a0 * learn];
            }
            let unknown = predicted[0] * emit_unknown[answer as usize];
            let known = predicted[1] * emit_known[answer as usize];
            let norm = known + unknown;
            if norm > 0.0 {
                alpha[t] = [unknown / norm, known / norm];
                product *= norm;
                // Fold the running product into the log only when it nears underflow.
                if product < 1e-250 {
                    counts.log_likelihood += product.ln();
                    product = 1.0;
                }
            } else {
                alpha[t] = predicted;
            }
        }
        // Backward: smoothed states and expected transitions.
        let [mut smoothed_unknown, mut smoothed_known] = alpha[len - 1];
        let last = answers[len - 1] as usize;
        counts.emissions[0][last] += smoothed_unknown;
        counts.emissions[1][last] += smoothed_known;
        for t in (0..len - 1).rev() {
            let [a0, a1] = alpha[t];
            let to_known = a1 * (1.0 - forget) + a0 * learn;
            let to_unknown = a1 * forget + a0 * (1.0 - learn);
            let r_known = if to_known > 0.0 { smoothed_known / to_known } else { 0.0 };
            let r_unknown = if to_unknown > 0.0 { smoothed_unknown / to_unknown } else { 0.0 };
            let stay_unknown = (1.0 - learn) * a0 * r_unknown;
            let learnt = learn * a0 * r_known;
            let forgot = forget * a1 * r_unknown;
            let stay_known = (1.0 - forget) * a1 * r_known;
            counts.transitions[0][0] += stay_unknown;
            counts.transitions[0][1] += learnt;
            counts.transitions[1][0] += forgot;
            counts.transitions[1][1] += stay_known;
            smoothed_unknown = stay_unknown + learnt;
            smoothed_known = forgot + stay_known;
            let answer = answers[t] as usize;
            counts.emissions[0][answer] += smoothed_unknown;
            counts.emissions[1][answer] += smoothed_known;
        }
        counts.initial[0] += smoothed_unknown;
        counts.initial[1] += smoothed_known;
    }
    counts.log_likelihood += product.ln();
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mastery::bkt::sequences::Response;

    /// Simulates students with known parameters, so that fitting can be checked against truth.
    fn simulate(truth: &BktParams, students: usize, length: usize, seed: u64) -> SkillSequences {
        let mut random = SplitMix64::new(seed);
        let mut responses = Vec::new();
        for s in 0..students {
            let mut known = random.next_f64() < truth.prior;
            for t in 0..length {
                let right = if known {
                    random.next_f64() >= truth.slip
                } else {
                    random.next_f64() < truth.guess
                };
                responses.push(Response {
                    order: t as u64,
                    student: s.to_string(),
                    skill: "fractions".into(),
                    correct: right,
                });
                known = if known {
                    random.next_f64() >= truth.forget
                } else {
                    random.next_f64() < truth.learn
                };
            }
        }
        SkillSequences::group(&responses).remove(0)
    }

    #[test]
    fn recovers_the_parameters_that_generated_the_data() {
        let truth = BktParams { prior: 0.3, learn: 0.15, forget: 0.0, guess: 0.2, slip: 0.1 };
        let data = simulate(&truth, 2000, 12, 11);
        let fitted = fit_skill(&data, &FitOptions { restarts: 5, ..FitOptions::default() }).params;
        // 24,000 answers: each parameter within a few hundredths of the truth.
        for (name, got, want) in [
            ("prior", fitted.prior, truth.prior),
            ("learn", fitted.learn, truth.learn),
            ("guess", fitted.guess, truth.guess),
            ("slip", fitted.slip, truth.slip),
        ] {
            assert!((got - want).abs() < 0.04, "{name}: fitted {got}, true {want}");
        }
        assert_eq!(fitted.forget, 0.0);
    }

    #[test]
    fn em_never_lowers_the_likelihood() {
        let truth = BktParams { prior: 0.4, learn: 0.1, forget: 0.05, guess: 0.25, slip: 0.15 };
        let data = simulate(&truth, 300, 10, 3);
        let mut alpha = vec![[0.0; 2]; data.longest()];
        let mut params = BktParams { prior: 0.5, learn: 0.3, forget: 0.2, guess: 0.3, slip: 0.2 };
        let mut last = f64::NEG_INFINITY;
        for _ in 0..30 {
            let counts = e_step(&data, &params, &mut alpha);
            assert!(counts.log_likelihood >= last - 1e-9, "{} < {last}", counts.log_likelihood);
            last = counts.log_likelihood;
            params = m_step(&counts, true);
        }
    }

    #[test]
    fn the_likelihood_of_one_answer_is_its_predicted_probability() {
        // One student, one right answer: P = prior(1−slip) + (1−prior)guess = 0.3·0.9 + 0.7·0.2 = 0.41.
        let data = SkillSequences::group(&[Response {
            order: 0,
            student: "a".into(),
            skill: "k".into(),
            correct: true,
        }])
        .remove(0);
        let p = BktParams { prior: 0.3, learn: 0.1, forget: 0.0, guess: 0.2, slip: 0.1 };
        let counts = e_step(&data, &p, &mut [[0.0; 2]]);
        assert!((counts.log_likelihood - 0.41f64.ln()).abs() < 1e-12);
        // The smoothed initial state is the posterior 0.27/0.41.
        assert!((counts.initial[1] - 0.27 / 0.41).abs() < 1e-12);
    }

    #[test]
    fn same_seed_same_fit() {
        let truth = BktParams { prior: 0.3, learn: 0.2, forget: 0.0, guess: 0.2, slip: 0.1 };
        let data = simulate(&truth, 200, 8, 5);
        let options = FitOptions { restarts: 3, seed: 9, ..FitOptions::default() };
        assert_eq!(fit_skill(&data, &options), fit_skill(&data, &options));
    }
}
