//! A live scoring session: one student typing into one field of a submission. Built once
//! from a compiled rubric and the rest of the submission (ratings, other fields); each
//! `update(text)` re-scores with the new text of the typed field, analysing again only the
//! sentences the edit touched (see `evidence::LiveEvidence`), and keeps the report.

use super::{CompiledRubric, ScoreReport};
use crate::evidence::{LiveEvidence, Outcome, Shifts, Span};
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
    /// Moves of the report's spans not applied yet (see `edit_deferred`).
    unmoved: Shifts,
    respanned: Option<Vec<Respanned>>,
}

/// A met indicator of the report whose spans the last update changed: where it is in the
/// report (`criteria[criterion].met[met]`) and its spans before (moved by the edit).
#[derive(Debug, Clone, PartialEq)]
pub struct Respanned {
    pub criterion: usize,
    pub met: usize,
    pub before: Vec<Span>,
}

impl Session {
    /// A session over `base` (its ratings and other fields stay as given) where `field` is
    /// the text being typed; scored at once with the field's current text.
    pub fn new(rubric: Rc<CompiledRubric>, base: Submission, field: &str) -> Self {
        let live = rubric.matchers.live(&base, field);
        let outcomes = rubric.matchers.live_outcomes(&live, &base);
        let report = rubric.report(&base, &outcomes, &rubric.matchers.guards_live(&live));
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
            unmoved: Shifts::default(),
            respanned: None,
        }
    }

    /// Takes the whole new text of the field and returns the new report.
    pub fn update(&mut self, text: &str) -> &ScoreReport {
        let edit = self.live.update(&self.rubric.matchers, text);
        self.rescore(edit);
        self.move_report();
        &self.report
    }

    /// Takes an edit of the field as JS sees it (UTF-16 units `start..end` replaced by
    /// `inserted`, neither bound inside a surrogate pair) and returns the new report: the
    /// same as `update` with the edited text, without handing over the whole text.
    pub fn edit(&mut self, start: u32, end: u32, inserted: &str) -> &ScoreReport {
        self.edit_deferred(start, end, inserted);
        self.move_report();
        &self.report
    }

    /// `edit`, except that when no outcome changed in what it shows
    /// (`evidence_changed()` false) the report's spans are not moved yet: `report()` is
    /// then behind by the moves since it was last brought up to date (`move_report`), which
    /// a caller that keeps its own moved copy of the report (the JS binding) has no need of.
    pub(crate) fn edit_deferred(&mut self, start: u32, end: u32, inserted: &str) {
        let edit = self.live.edit(&self.rubric.matchers, start, end, inserted);
        self.rescore(edit);
    }

    /// Applies the moves of the report's spans that `edit_deferred` left.
    pub(crate) fn move_report(&mut self) {
        for (at, by) in self.unmoved.drain() {
            self.report.shift_spans(&self.field, at, by);
        }
    }

    fn rescore(&mut self, edit: crate::evidence::Edit) {
        let text = self.live.text();
        let (from, old_end, new_end) = edit.bytes;
        match self.submission.responses.get_mut(&self.field) {
            // The submission's copy had the old text: edited alike, in place.
            Some(Response::Text(current))
                if current.len() + new_end == text.len() + old_end
                    && current.is_char_boundary(from)
                    && current.is_char_boundary(old_end) =>
            {
                current.replace_range(from..old_end, &text[from..new_end]);
            }
            _ => {
                self.submission
                    .responses
                    .insert(self.field.clone(), Response::Text(text.to_string()));
            }
        }
        self.shift = (edit.at, edit.by);
        // Spans after the edit move with the text; the report is a function of the
        // outcomes (and the unchanged ratings), so outcomes that show the same, the usual
        // case, need no new report, and its spans (those of the met outcomes) are moved
        // when next needed.
        let mut update = self.rubric.matchers.update_outcomes(
            &self.live,
            &self.submission,
            &edit,
            &mut self.outcomes,
        );
        // What the integrity guards report can change with no outcome changing (a keyword
        // list of words that met nothing anyway).
        let guards = self.rubric.matchers.guards_live(&self.live);
        if self.rubric.integrity_notes(&guards) != self.report.integrity {
            update.shows_change = true;
            update.other_change = true;
        }
        self.moved = update.met_spans_moved;
        self.evidence_changed = update.shows_change;
        self.respanned = None;
        if self.moved {
            self.unmoved.push(edit.at, edit.by);
        }
        if !self.evidence_changed {
            self.changed = self.moved;
            return;
        }
        self.move_report();
        if update.other_change {
            let report = self.rubric.report(&self.submission, &self.outcomes, &guards);
            self.changed = self.moved || report != self.report;
            self.before = std::mem::replace(&mut self.report, report);
            return;
        }
        self.changed = true;
        // Only met indicators' evidence changed (a new occurrence of a phrase, the usual
        // case): levels and points stand, and just those span lists are replaced.
        let mut respanned = Vec::with_capacity(update.respanned.len());
        for i in update.respanned {
            let c = self.rubric.indicators[i].criterion;
            let met = self.rubric.criteria[c]
                .indicators
                .iter()
                .take_while(|&&k| k != i)
                .filter(|&&k| self.outcomes[k].met)
                .count();
            let Some(entry) = self.report.criteria.get_mut(c).and_then(|c| c.met.get_mut(met))
            else {
                continue;
            };
            let before = std::mem::replace(&mut entry.spans, self.outcomes[i].spans.clone());
            respanned.push(Respanned { criterion: c, met, before });
        }
        self.respanned = Some(respanned);
    }

    /// When the last update changed only the spans of indicators met before and after
    /// (levels, points and everything else stand): those entries of the report, with their
    /// spans before. None after any other update. `report_before()` is then not kept.
    pub fn respanned(&self) -> Option<&[Respanned]> {
        self.respanned.as_deref()
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
    /// whose `evidence_changed()` is true and `respanned()` None.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::CompiledRubric;

    /// A session whose report moves are deferred must, whenever it rebuilds the report,
    /// compare against (and give) what a session moving them on every edit has.
    #[test]
    fn deferred_report_moves_catch_up_when_the_report_is_rebuilt() {
        let rubric = Rc::new(
            CompiledRubric::from_json(include_str!("../../benches/browser/lab-rubric.json"))
                .expect("valid"),
        );
        let sentences: Vec<&str> = include_str!("../../benches/browser/lab-sentences.txt")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let text = sentences[..12].join(" ");
        let (mut deferred, mut eager) = [0, 1]
            .map(|_| {
                Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response")
            })
            .into();
        let middle = text[..text.len() / 2].rfind(". ").map_or(0, |i| i + 1) as u32;
        let typed = " Next time we measured 12.5 cm of stem, because the light was brighter.";
        let (mut rebuilt, mut moved) = (0, 0);
        for (i, c) in typed.char_indices() {
            let at = middle + i as u32;
            deferred.edit_deferred(at, at, &c.to_string());
            eager.edit(at, at, &c.to_string());
            assert_eq!(deferred.evidence_changed(), eager.evidence_changed());
            assert_eq!(deferred.report_moved(), eager.report_moved());
            moved += usize::from(deferred.report_moved());
            assert_eq!(deferred.respanned(), eager.respanned());
            if deferred.evidence_changed() {
                rebuilt += 1;
                if deferred.respanned().is_none() {
                    assert_eq!(
                        deferred.report_before(),
                        eager.report_before(),
                        "after typing {:?}",
                        &typed[..=i]
                    );
                }
                assert_eq!(deferred.report(), eager.report());
            }
        }
        assert!(rebuilt >= 3 && moved > rebuilt, "rebuilt {rebuilt}, moved {moved}");
        deferred.move_report();
        assert_eq!(deferred.report(), eager.report());
    }
}
