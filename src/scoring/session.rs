//! A live scoring session: the rubric compiled once, the student's text re-scored on each
//! update (per keystroke in the browser).

use super::{CompiledRubric, ScoreReport};
use crate::evidence::Outcome;
use crate::rubric::model::{Response, Submission};
use std::rc::Rc;

pub struct Session {
    rubric: Rc<CompiledRubric>,
    submission: Submission,
    field: String,
    outcomes: Vec<Outcome>,
    report: ScoreReport,
}

impl Session {
    /// A session on `field` of `base` (whose ratings and other fields stay as they are).
    pub fn new(rubric: Rc<CompiledRubric>, base: Submission, field: &str) -> Self {
        let outcomes = rubric.matchers.evaluate(&base);
        let report = rubric.report(&base, &outcomes);
        Session { rubric, submission: base, field: field.to_string(), outcomes, report }
    }

    /// Re-scores with `text` as the field's new content.
    pub fn update(&mut self, text: &str) -> &ScoreReport {
        self.submission.responses.insert(self.field.clone(), Response::Text(text.to_string()));
        self.outcomes = self.rubric.matchers.evaluate(&self.submission);
        self.report = self.rubric.report(&self.submission, &self.outcomes);
        &self.report
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    pub fn report(&self) -> &ScoreReport {
        &self.report
    }

    pub fn rubric(&self) -> &CompiledRubric {
        &self.rubric
    }

    pub fn submission(&self) -> &Submission {
        &self.submission
    }
}
