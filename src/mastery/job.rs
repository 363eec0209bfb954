//! Mastery over many records in steps, for a caller that must stay responsive.
//!
//! `compute_mastery` over a million records is one call of about a second in a browser: a
//! page's main thread would freeze for all of it. A `MasteryJob` takes the evidence in slices
//! (JSON Lines text, or a list of records), then does the work in steps, each as long as its
//! budget allows: read the records, check them against the scale and the calendar, order
//! them, fit BKT (one competency a step), estimate. Between steps the caller gives the thread
//! back (the JS driver `computeMasteryAsync` yields to the page). Run to the end it gives
//! exactly what `compute_mastery_table` and `check_evidence` give on the same evidence, errors
//! included; only the slicing of the work differs.

use super::compute::{Budget, EstimateRow, Estimator};
use super::jsonl::parse_record_values;
use super::options::MasteryOptions;
use super::record::EvidenceRecord;
use super::table::{EvidenceTable, TableReader};
use super::validate::{Checker, Origin};
use crate::error::{Error, Problem};
use serde_json::Value;
use std::mem;

/// The evidence a job owns once it starts: the table borrows names and times from it.
enum Input {
    Lines(String),
    List(Vec<EvidenceRecord>),
}

/// What a job is doing, for a progress bar: `done` of `total` units of `stage` (`total` is 0
/// while reading JSON Lines, whose record count is not known until the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// The stages of a job, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Checking,
    Estimating,
    Done,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Checking => "checking",
            Stage::Estimating => "estimating",
            Stage::Done => "done",
        }
    }
}

enum Work<'a> {
    Read(TableReader<'a>),
    Check(EvidenceTable<'a>, Checker<'a>),
    Estimate(EvidenceTable<'a>, Box<Estimator>),
    Done(EvidenceTable<'a>, Vec<EstimateRow>),
    /// Between two of the above while a step moves on, and after a failure.
    Gone,
}

self_cell::self_cell!(
    struct Running {
        owner: Input,
        #[not_covariant]
        dependent: Work,
    }
);

enum State {
    Collecting { text: String, records: Vec<EvidenceRecord>, problems: Vec<Problem> },
    Running(Running),
    Failed(Error),
}

/// Mastery estimates computed in steps: `push_text` or `push_records` the evidence, then call
/// `step` until it reports `Stage::Done` (or an error), then read `with_results`.
pub struct MasteryJob {
    options: MasteryOptions,
    now: f64,
    state: State,
}

impl MasteryJob {
    /// A job with these options; `now` (seconds since the epoch) is what evidence may not be
    /// dated after when the options have no `asOf`.
    pub fn new(options: MasteryOptions, now: f64) -> Self {
        let state =
            State::Collecting { text: String::new(), records: Vec::new(), problems: Vec::new() };
        MasteryJob { options, now, state }
    }

    /// Makes room for `bytes` more of text at once (a caller that knows the whole length saves
    /// the copies of a growing buffer, each longer than the last).
    pub fn reserve_text(&mut self, bytes: usize) {
        if let State::Collecting { text, .. } = &mut self.state {
            text.reserve(bytes);
        }
    }

    /// Appends a slice of JSON Lines text (slices may cut lines anywhere).
    pub fn push_text(&mut self, slice: &str) -> Result<(), Error> {
        match &mut self.state {
            State::Collecting { text, records, problems }
                if records.is_empty() && problems.is_empty() =>
            {
                text.push_str(slice);
                Ok(())
            }
            _ => Err(misuse("text can only be added before the first step, and not to a list")),
        }
    }

    /// Appends records `first..first + items.len()` of a list (each a JSON value as a caller
    /// holds it); a bad one is reported at the end of reading with its place in the whole list.
    pub fn push_records(&mut self, first: usize, items: &[Value]) -> Result<(), Error> {
        match &mut self.state {
            State::Collecting { text, records, problems } if text.is_empty() => {
                crate::limits::check_evidence_count(first + items.len(), "evidence")?;
                parse_record_values(items, first, records, problems);
                Ok(())
            }
            _ => Err(misuse("records can only be added before the first step, and not to text")),
        }
    }

    /// Does as much work as `out_of_time` allows (it is asked every few thousand records);
    /// gives where the job stands, or the evidence's problems (then the job is over).
    pub fn step(&mut self, out_of_time: &mut dyn FnMut() -> bool) -> Result<Progress, Error> {
        if let State::Collecting { .. } = self.state {
            self.start()?;
        }
        let (options, now) = (&self.options, self.now);
        let result = match &mut self.state {
            State::Running(running) => running.with_dependent_mut(|input, work| {
                work.step(input, options, now, &mut Budget::new(out_of_time))
            }),
            State::Failed(error) => return Err(error.clone()),
            State::Collecting { .. } => unreachable!("started above"),
        };
        if let Err(error) = &result {
            self.state = State::Failed(error.clone());
        }
        result
    }

    fn start(&mut self) -> Result<(), Error> {
        let State::Collecting { text, records, problems } = mem::replace(
            &mut self.state,
            State::Failed(misuse("the job stopped while it started")),
        ) else {
            return Ok(());
        };
        if !problems.is_empty() {
            let error = Error::invalid("evidence", problems);
            self.state = State::Failed(error.clone());
            return Err(error);
        }
        let input = if records.is_empty() { Input::Lines(text) } else { Input::List(records) };
        self.state = State::Running(Running::new(input, |input| {
            Work::Read(match input {
                Input::Lines(text) => TableReader::from_jsonl(text),
                Input::List(records) => TableReader::from_records(records),
            })
        }));
        Ok(())
    }

    /// Once done: the table and its estimates, sorted by student then competency.
    pub fn with_results<R>(
        &self,
        f: impl FnOnce(&EvidenceTable, &[EstimateRow], &MasteryOptions) -> R,
    ) -> Option<R> {
        let State::Running(running) = &self.state else { return None };
        running.with_dependent(|_, work| match work {
            Work::Done(table, rows) => Some(f(table, rows, &self.options)),
            _ => None,
        })
    }
}

impl<'a> Work<'a> {
    fn step(
        &mut self,
        input: &'a Input,
        options: &MasteryOptions,
        now: f64,
        budget: &mut Budget,
    ) -> Result<Progress, Error> {
        loop {
            let progress = match self {
                Work::Read(reader) => {
                    let done = reader.read(budget);
                    // Counted as they are read: a paste of ten million lines stops at the limit.
                    // (An error ends the job: `MasteryJob::step` keeps it.)
                    crate::limits::check_evidence_count(reader.rows(), "evidence")?;
                    if done {
                        let Work::Read(reader) = mem::replace(self, Work::Gone) else {
                            unreachable!()
                        };
                        let table = reader.finish()?;
                        let origin = match input {
                            Input::Lines(text) => Origin::Lines(text),
                            Input::List(_) => Origin::List,
                        };
                        *self = Work::Check(table, Checker::new(origin, options, now));
                        continue;
                    }
                    Progress { stage: Stage::Reading, done: reader.rows(), total: 0 }
                }
                Work::Check(table, checker) => {
                    if checker.check(table, budget) {
                        let Work::Check(table, checker) = mem::replace(self, Work::Gone) else {
                            unreachable!()
                        };
                        checker.finish()?;
                        *self = Work::Estimate(table, Box::default());
                        continue;
                    }
                    Progress {
                        stage: Stage::Checking,
                        done: checker.checked(),
                        total: table.rows.len(),
                    }
                }
                Work::Estimate(table, estimator) => {
                    if estimator.step(table, options, budget) {
                        let Work::Estimate(table, estimator) = mem::replace(self, Work::Gone)
                        else {
                            unreachable!()
                        };
                        *self = Work::Done(table, estimator.rows);
                        continue;
                    }
                    Progress {
                        stage: Stage::Estimating,
                        done: estimator.rows.len(),
                        total: estimator.groups(),
                    }
                }
                Work::Done(_, rows) => {
                    Progress { stage: Stage::Done, done: rows.len(), total: rows.len() }
                }
                Work::Gone => {
                    return Err(Error::at("evidence", "", "the job has already failed"));
                }
            };
            return Ok(progress);
        }
    }
}

fn misuse(message: &str) -> Error {
    Error::at("evidence", "", message)
}
