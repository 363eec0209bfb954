//! A live scoring session: one student typing into one field of a submission. Built once
//! from a compiled rubric and the rest of the submission (ratings, other fields); each
//! `update(text)` re-scores with the new text of the typed field, analysing again only the
//! sentences the edit touched (see `evidence::LiveEvidence`), and keeps the report.

use super::{CompiledRubric, ScoreReport};
use crate::evidence::{LiveEvidence, Outcome};
use crate::rubric::model::{Response, Submission};
use std::rc::Rc;

/// Scores a submission again on every edit of one of its fields.
#[derive(Debug, Clone)]
pub struct Session {
    rubric: Rc<CompiledRubric>,
    submission: Submission,
    field: String,
    live: LiveEvidence,
    outcomes: Vec<Outcome>,
    report: ScoreReport,
    changed: bool,
    evidence_changed: bool,
    moved: bool,
    shift: (u32, i64),
    before: ScoreReport,
}

impl Session {
    /// A session over `base` (its ratings and other fields stay as given) where `field` is
    /// the text being typed; scored at once with the field's current text.
    pub fn new(rubric: Rc<CompiledRubric>, base: Submission, field: &str) -> Self {
        let live = rubric.matchers.live(&base, field);
        let outcomes = rubric.matchers.live_outcomes(&live, &base);
        let report = rubric.report(&base, &outcomes);
        let before = report.clone();
        Session {
            rubric,
            submission: base,
            field: field.to_string(),
            live,
            outcomes,
            report,
            changed: true,
            evidence_changed: true,
            moved: false,
            shift: (u32::MAX, 0),
            before,
        }
    }

    /// Takes the whole new text of the field and returns the new report.
    pub fn update(&mut self, text: &str) -> &ScoreReport {
        let edit = self.live.update(&self.rubric.matchers, text);
        self.rescore(edit)
    }

    /// Takes an edit of the field as JS sees it (UTF-16 units `start..end` replaced by
    /// `inserted`, neither bound inside a surrogate pair) and returns the new report: the
    /// same as `update` with the edited text, without handing over the whole text.
    pub fn edit(&mut self, start: u32, end: u32, inserted: &str) -> &ScoreReport {
        let edit = self.live.edit(&self.rubric.matchers, start, end, inserted);
        self.rescore(edit)
    }

    fn rescore(&mut self, edit: crate::evidence::Edit) -> &ScoreReport {
        let text = self.live.text();
        let (from, old_end, new_end) = edit.bytes;
        match self.submission.responses.get_mut(&self.field) {
            // The submission's copy had the old text: edited alike, in place.
            Some(Response::Text(current)) if current.len() + new_end == text.len() + old_end && current.is_char_boundary(from) && current.is_char_boundary(old_end) => {
                current.replace_range(from..old_end, &text[from..new_end]);
            }
            _ => {
                self.submission.responses.insert(self.field.clone(), Response::Text(text.to_string()));
            }
        }
        self.shift = (edit.at, edit.by);
        // Spans after the edit move with the text; the report is a function of the
        // outcomes (and the unchanged ratings), so outcomes that show the same, the usual
        // case, need no new report.
        self.moved = self.report.shift_spans(&self.field, edit.at, edit.by);
        self.evidence_changed = self.rubric.matchers.update_outcomes(&self.live, &self.submission, &edit, &mut self.outcomes);
        if self.evidence_changed {
            let report = self.rubric.report(&self.submission, &self.outcomes);
            self.changed = self.moved || report != self.report;
            self.before = std::mem::replace(&mut self.report, report);
        } else {
            self.changed = self.moved;
        }
        &self.report
    }

    /// Whether the last update moved any span of the report (it was then kept, spans moved,
    /// or rebuilt from outcomes whose spans moved).
    pub fn report_moved(&self) -> bool {
        self.moved
    }

    /// Where the last edit was: spans of the field at or after UTF-16 offset `.0` moved by
    /// `.1` (see `evidence::shift_spans`).
    pub fn shift(&self) -> (u32, i64) {
        self.shift
    }

    /// The report before the last update, its spans moved by the edit: what the last
    /// update's report differs from beyond moved spans. Only meaningful after an update
    /// whose `evidence_changed()` is true.
    pub fn report_before(&self) -> &ScoreReport {
        &self.before
    }

    /// Each indicator's outcome for the latest text, in rubric order.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    pub fn report(&self) -> &ScoreReport {
        &self.report
    }

    /// Whether the last update changed the report (a level, a met indicator, a span): most
    /// keystrokes change nothing, and a binding may then skip sending the report again.
    /// (Outcomes may still have moved: a word count, a closeness.)
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Whether the last update changed any indicator's outcome in what a report or feedback
    /// shows (met, spans beyond their move with the text, and for an unmet indicator how
    /// close it is). When it did not, the report and feedback are the old ones with their
    /// spans moved (`shift`).
    pub fn evidence_changed(&self) -> bool {
        self.evidence_changed
    }

    /// The submission as last scored (the base with the latest text).
    pub fn submission(&self) -> &Submission {
        &self.submission
    }

    pub fn rubric(&self) -> &Rc<CompiledRubric> {
        &self.rubric
    }

    /// The field being typed.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// How many sentences the last update analysed afresh (the rest were reused).
    pub fn sentences_analysed(&self) -> usize {
        self.live.analysed()
    }
}
