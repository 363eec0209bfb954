//! A live scoring session: one student typing into one field of a submission. Built once
//! from a compiled rubric and the rest of the submission (ratings, other fields); each
//! `update(text)` or `edit(…)` re-scores with the new text of the typed field, analysing
//! again only the sentences the edit touched (see `evidence::LiveEvidence`), and says what
//! changed in the result (report, and feedback when asked for) as an `Update`.

use super::update::{MetSplice, Rebuilt, Respans, StrengthSplice};
use super::{CompiledRubric, ScoreReport, Update};
use crate::evidence::{Byte, Edit, LiveEvidence, Outcome, Shifts, Utf16};
use crate::feedback::{Feedback, FeedbackOptions};
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
    /// The feedback on `report`, when asked for (`set_feedback`).
    feedback: Option<(FeedbackOptions, Feedback)>,
    /// Moves of the spans of `report` and `feedback` not applied yet: an update that only
    /// moved spans says so (`Update::Moved`) and leaves them here, as a caller that keeps
    /// its own copy of the result has no need of them; `report()` and `feedback()` apply
    /// them.
    unmoved: Shifts,
}

impl Session {
    /// A session over `base` (its ratings and other fields stay as given) where `field` is
    /// the text being typed; scored at once with the field's current text.
    pub fn new(rubric: Rc<CompiledRubric>, base: Submission, field: &str) -> Self {
        let live = rubric.matchers.live(&base, field);
        let outcomes = rubric.matchers.live_outcomes(&live, &base);
        let report = rubric.report(&base, &outcomes, &rubric.matchers.guards_live(&live));
        Session {
            rubric,
            submission: base,
            field: field.to_string(),
            live,
            outcomes,
            report,
            feedback: None,
            unmoved: Shifts::default(),
        }
    }

    /// Gives feedback with `options` from now on: the result of every update has it too.
    pub fn set_feedback(&mut self, options: FeedbackOptions) {
        self.catch_up();
        let feedback =
            crate::feedback::feedback(&self.rubric, &self.report, &self.outcomes, &options);
        self.feedback = Some((options, feedback));
    }

    /// Takes the whole new text of the field; says what changed in the result.
    pub fn update(&mut self, text: &str) -> Update {
        let edit = self.live.update(&self.rubric.matchers, text);
        self.rescore(edit)
    }

    /// Takes an edit of the field as JS sees it (UTF-16 units `start..end` replaced by
    /// `inserted`, neither bound inside a surrogate pair): the same as `update` with the
    /// edited text, without handing over the whole text.
    pub fn edit(&mut self, start: Utf16, end: Utf16, inserted: &str) -> Update {
        let edit = self.live.edit(&self.rubric.matchers, start, end, inserted);
        self.rescore(edit)
    }

    /// Applies the moves of spans left by updates that only moved them.
    fn catch_up(&mut self) {
        for m in self.unmoved.drain() {
            self.report.move_spans(&self.field, m);
            if let Some((_, feedback)) = &mut self.feedback {
                feedback.move_spans(&self.field, m);
            }
        }
    }

    fn rescore(&mut self, edit: Edit) -> Update {
        let text = self.live.text();
        let (Byte(from), Byte(old_end), Byte(new_end)) =
            (edit.bytes.from, edit.bytes.old_end, edit.bytes.new_end);
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
        if !self.rubric.matchers.guards_match(&self.live, &self.report.integrity) {
            update.shows_change = true;
            update.other_change = true;
        }
        // The feedback's spans are those of the report's met indicators: they moved if and
        // only if the report's did.
        let moved = update.met_spans_moved.then(|| edit.moved());
        if let Some(m) = moved {
            self.unmoved.push(m);
        }
        if !update.shows_change {
            return Update::moved(moved);
        }
        self.catch_up();
        if update.other_change {
            let guards = self.rubric.matchers.guards_live(&self.live);
            let report = self.rubric.report(&self.submission, &self.outcomes, &guards);
            let mut before = std::mem::replace(&mut self.report, report);
            let parts = match &mut self.feedback {
                Some((options, feedback)) => {
                    let fresh = crate::feedback::feedback(
                        &self.rubric,
                        &self.report,
                        &self.outcomes,
                        options,
                    );
                    let mut old = std::mem::replace(feedback, fresh);
                    let feedback = Some((&mut old, feedback));
                    Rebuilt::between(moved, (&mut before, &mut self.report), feedback)
                }
                None => Rebuilt::between(moved, (&mut before, &mut self.report), None),
            };
            return if parts.is_empty() {
                Update::moved(moved)
            } else {
                Update::Rebuilt(Box::new(parts))
            };
        }
        // Only met indicators' evidence changed (a new occurrence of a phrase, the usual
        // case): levels and points stand, and just those span lists are spliced, in the
        // report and in the indicators' strengths.
        let mut respans = Respans { moved, ..Respans::default() };
        for i in update.respanned {
            let c = self.rubric.indicators[i].criterion;
            let met = self.rubric.criteria[c]
                .indicators
                .iter()
                .take_while(|&&k| k != i)
                .filter(|&&k| self.outcomes[k].met)
                .count();
            let Some(criterion) = self.report.criteria.get_mut(c) else { continue };
            let Some(entry) = criterion.met.get_mut(met) else { continue };
            let (from, to, spans) = super::update::splice(&entry.spans, &self.outcomes[i].spans);
            if from == to && spans.is_empty() {
                continue; // (the same list)
            }
            entry.spans.clone_from(&self.outcomes[i].spans);
            respans.met_spans.push(MetSplice { criterion: c, met, from, to, spans });
            let Some((_, feedback)) = &mut self.feedback else { continue };
            if let Some((k, strength)) = feedback
                .strengths
                .iter_mut()
                .enumerate()
                .find(|(_, s)| s.criterion == criterion.id && s.indicator == entry.indicator)
            {
                let spans = crate::feedback::strength_spans(&entry.spans);
                let (from, to, new) = super::update::splice(&strength.spans, &spans);
                strength.spans = spans;
                respans.strength_spans.push(StrengthSplice { strength: k, from, to, spans: new });
            }
        }
        if respans.met_spans.is_empty() {
            return Update::moved(moved);
        }
        Update::Respanned(respans)
    }

    /// The report for the latest text.
    pub fn report(&mut self) -> &ScoreReport {
        self.catch_up();
        &self.report
    }

    /// The feedback for the latest text, when asked for (`set_feedback`).
    pub fn feedback(&mut self) -> Option<&Feedback> {
        self.catch_up();
        self.feedback.as_ref().map(|(_, f)| f)
    }

    /// The report and (when asked for) the feedback for the latest text.
    pub fn result(&mut self) -> (&ScoreReport, Option<&Feedback>) {
        self.catch_up();
        (&self.report, self.feedback.as_ref().map(|(_, f)| f))
    }

    /// Each indicator's outcome for the latest text, in rubric order.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
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

    /// Typing in the middle of a report with feedback: each update, applied to the previous
    /// result (`Update::apply`, what JS does), gives the session's result, which is what a
    /// session scoring every text afresh gives; and the updates are of every kind.
    #[test]
    fn updates_applied_to_the_previous_result_give_the_new_one() {
        let rubric = Rc::new(
            CompiledRubric::from_json(include_str!("../../benches/browser/lab-rubric.json"))
                .expect("valid"),
        );
        let sentences: Vec<&str> = include_str!("../../benches/browser/lab-sentences.txt")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let text = sentences[..12].join(" ");
        let options = FeedbackOptions::default();
        let mut session =
            Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
        session.set_feedback(options);
        let (report, feedback) = session.result();
        let (mut report, mut feedback) = (report.clone(), feedback.cloned().expect("asked for"));
        let middle = text[..text.len() / 2].rfind(". ").map_or(0, |i| i + 1) as u32;
        let typed = " Next time we measured 12.5 cm of stem, because the light was brighter.";
        let mut kinds = [0; 4];
        for (i, c) in typed.char_indices() {
            let at = Utf16(middle + i as u32);
            let update = session.edit(at, at, &c.to_string());
            kinds[match update {
                Update::Unchanged => 0,
                Update::Moved(_) => 1,
                Update::Respanned(_) => 2,
                Update::Rebuilt(_) => 3,
            }] += 1;
            update.apply("response", &mut report, Some(&mut feedback));
            let submission = session.submission().clone();
            let (now, now_feedback) = session.result();
            assert_eq!(&report, now, "after typing {:?}", &typed[..=i]);
            assert_eq!(Some(&feedback), now_feedback, "after typing {:?}", &typed[..=i]);
            assert_eq!(now, &rubric.score(&submission).expect("scores"));
            let fresh_feedback = crate::feedback::feedback_for(&rubric, &submission, &options);
            assert_eq!(now_feedback, fresh_feedback.ok().as_ref());
        }
        assert!(kinds.iter().skip(1).all(|&k| k > 0), "moved, respanned, rebuilt: {kinds:?}");
    }
}
