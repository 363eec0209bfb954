//! Evidence: each indicator's check evaluated against a submission, with the spans of text
//! that met it. `Indicators` is compiled once per rubric (phrases of a field gathered into
//! one matcher, regexes built, units and tolerances resolved) and evaluated per submission.
//!
//! Each check type compiles itself to an `Evaluate` node (in its file under
//! `src/rubric/checks/`). Text is read sentence by sentence within paragraphs
//! (`paragraph.rs`); a node's result comes from adding up the sentences, read through
//! `outcome::Context`. So phrases and regex matches stay
//! within a sentence, and a live session (`live.rs`) re-analyses only the sentences an
//! edit touched.

mod automaton;
pub(crate) mod guards;
mod live;
mod moves;
pub(crate) mod order;
pub(crate) mod outcome;
pub(crate) mod paragraph;
pub(crate) mod phrases;
pub(crate) mod prefilter;

pub use guards::is_common as is_common_word;
pub use live::{Edit, LiveEvidence};
pub use moves::{Byte, Frame, Local, Move, Shifts, Utf16};

use crate::error::{Error, Problem};
use crate::rubric::model::{Check, Rubric, Submission};
use crate::text::normalize::Normalization;
use crate::text::numbers::decimal_comma;
use crate::text::readability::{formula, syllable_rules, Formula};
use paragraph::{FieldEvidence, FieldProgram, Fresh, Lexicon};
use phrases::{PhraseOptions, PhraseSet};
use serde::Serialize;

/// A stretch of a response: `[start, end)` in UTF-16 code units of that field's text.
#[derive(Debug, Clone, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The field's name, shared between all spans of the field (cloning it costs no allocation).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub field: std::rc::Rc<str>,
    #[cfg_attr(feature = "schema", schemars(with = "u32"))]
    pub start: Utf16,
    #[cfg_attr(feature = "schema", schemars(with = "u32"))]
    pub end: Utf16,
}

/// An indicator's result.
///
/// - `met`: whether the check passes.
/// - `spans`: where the evidence is. For a met check, everything that met it; for an unmet
///   `phrases` or `number` check, what was found so far (1 of the 3 occurrences asked).
/// - `closeness` (0–1, 1 when met): how near an unmet indicator is to being met, which
///   feedback uses to rank next steps. Phrases `anyOf`: found / minCount; `allOf`: phrases
///   present / phrases; counts and readability: the value over the bound it misses (180 of
///   250 words → 0.72; 300 words against a max of 250 → 250/300); number: 0.5 when a number
///   with the right unit is off the tolerance, 0.75 when the value is right but the unit is
///   missing; `all`: the mean of its parts; `any`: the best part; `not`, `pattern`,
///   `choice`, `rating`: 0.
/// - `found`: the measured quantity: occurrences (anyOf), phrases present (allOf), the
///   count, the grade estimate, matching numbers, regex matches, chosen options matching,
///   the best rating (0 without one).
/// - `missing`: for `allOf`, the phrases (as written in the rubric) not found yet; for
///   `all`/`any`, those of their parts. Feedback can name them.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub met: bool,
    pub spans: Vec<Span>,
    pub closeness: f64,
    pub found: f64,
    pub missing: Vec<String>,
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        // Spans of one field share its name, so the pointers usually settle it.
        self.start == other.start
            && self.end == other.end
            && (std::rc::Rc::ptr_eq(&self.field, &other.field) || self.field == other.field)
    }
}

impl Outcome {
    /// Whether a report or feedback built from `self` equals one built from `other`: they
    /// read `met`, the spans of a met indicator (as evidence and strengths), and of an unmet
    /// one closeness, found and missing (to rank and word next steps), not its spans.
    pub fn shows_as(&self, other: &Outcome) -> bool {
        self.met == other.met
            && if self.met {
                self.spans == other.spans
            } else {
                self.closeness == other.closeness
                    && self.found == other.found
                    && self.missing == other.missing
            }
    }

    pub(crate) fn verdict(met: bool, closeness: f64, found: f64) -> Self {
        let closeness = if met {
            1.0
        } else if closeness.is_finite() {
            closeness.clamp(0.0, 0.99)
        } else {
            0.0
        };
        Outcome { met, spans: Vec::new(), closeness, found, missing: Vec::new() }
    }
}

/// A check compiled for evidence (by its type's `CheckType::compile`), ready to run against
/// analysed text.
pub(crate) trait Evaluate {
    /// The check's outcome on a field's evidence.
    fn run(&self, ctx: &outcome::Context) -> Outcome;

    /// Adds what of its field's evidence the check reads.
    fn reads(&self, reads: &mut Reads);

    /// Whether the check reads the text (and so earns nothing from an off-task answer).
    fn reads_text(&self) -> bool {
        true
    }
}

// Not `Debug` as a supertrait: every vtable would then carry its type's `Debug`, and with it
// the float formatting of the standard library (about 20 KB of the student wasm).
impl std::fmt::Debug for dyn Evaluate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Evaluate { .. }")
    }
}

/// A compiled check (shared: compiled once, never changed).
pub(crate) type Node = std::rc::Rc<dyn Evaluate>;

/// `check` as a `Node`.
pub(crate) fn node(check: impl Evaluate + 'static) -> Node {
    std::rc::Rc::new(check)
}

/// A check that is never met (in place of one that did not compile).
pub(crate) fn unmet() -> Node {
    struct Unmet;
    impl Evaluate for Unmet {
        fn run(&self, _ctx: &outcome::Context) -> Outcome {
            Outcome::verdict(false, 0.0, 0.0)
        }
        fn reads(&self, _reads: &mut Reads) {}
    }
    node(Unmet)
}

#[derive(Debug, Clone)]
struct CompiledIndicator {
    /// Index into `Indicators::fields`.
    field: usize,
    criterion: String,
    check: Node,
    reads: Reads,
    /// Judged after the others: it counts them.
    counts_others: bool,
}

/// What `Indicators::update_outcomes` found.
#[derive(Debug, Clone, Default)]
pub struct OutcomesUpdate {
    /// Some outcome changed in what a report or feedback shows (`Outcome::shows_as`),
    /// beyond moved spans.
    pub shows_change: bool,
    /// Indicators (rubric order) met before and after whose spans changed beyond moving.
    pub respanned: Vec<usize>,
    /// Some outcome changed otherwise (met or not, or how close an unmet one is).
    pub other_change: bool,
    /// Some span of an outcome that was met moved with the text (so did the report's).
    pub met_spans_moved: bool,
}

/// What of its field's evidence a check reads, so that an edit which changed none of it
/// leaves the check's outcome as it was (its spans moved).
#[derive(Debug, Clone, Default)]
pub(crate) struct Reads {
    /// Phrase ids (of the field's phrase set) whose plain occurrences the check reads.
    pub phrases: Vec<u32>,
    /// Phrases whose negated occurrences the check reads.
    pub negated: Vec<u32>,
    /// Pattern ids of the field's program.
    pub patterns: Vec<u32>,
    pub numbers: bool,
    /// Word and sentence counts, syllables.
    pub counts: bool,
    /// The raw text or paragraph layout (`choice` on a text field, paragraph counts).
    pub other: bool,
    /// Other indicators' outcomes (`atLeast` … `of`): the check is judged after them.
    pub outcomes: bool,
}

impl Reads {
    fn of(node: &Node) -> Self {
        let mut reads = Reads::default();
        node.reads(&mut reads);
        reads
    }

    /// Whether an edit with these changes may have changed what the check reads.
    fn touched_by(&self, changes: &paragraph::Changes) -> bool {
        let negated_base = changes.phrases.len() / 2;
        changes.guard
            || self.other
            || (self.counts && changes.counts)
            || (self.numbers && changes.numbers)
            || self
                .phrases
                .iter()
                .any(|&i| changes.phrases.get(i as usize).copied().unwrap_or(true))
            || self
                .negated
                .iter()
                .any(|&i| changes.phrases.get(i as usize + negated_base).copied().unwrap_or(true))
            || self
                .patterns
                .iter()
                .any(|&i| changes.patterns.get(i as usize).copied().unwrap_or(true))
    }
}

/// All indicators of a rubric, in rubric order (criteria, then their indicators), with
/// what each field's text must be searched for.
#[derive(Debug, Clone)]
pub struct Indicators {
    list: Vec<CompiledIndicator>,
    fields: Vec<FieldProgram>,
    formula: Formula,
    /// The off-task guard is on (and the task has words to be on).
    off_task_guard: bool,
    /// Per field, what each distinct word seen so far is to the rubric (its phrase-word
    /// symbols, syllables, …), kept between scores: a word is worked out once per rubric,
    /// not once per submission. Bounded (the lexicon starts afresh past its limit).
    lexicons: std::cell::RefCell<Vec<Lexicon>>,
}

impl Indicators {
    /// Compiles every indicator of a validated rubric (as localized for the scoring
    /// language: its `locale` is that language). A regex that does not build gives an
    /// error at its path (`criteria[1].indicators[0].check.regex`).
    pub fn compile(rubric: &Rubric) -> Result<Self, Error> {
        let mut compiler = Compiler {
            locale: &rubric.locale,
            guard_lists: rubric.integrity.keyword_lists,
            fields: Vec::new(),
            problems: Vec::new(),
            indicator_index: Vec::new(),
        };
        let mut list = Vec::new();
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            compiler.indicator_index = criterion
                .indicators
                .iter()
                .enumerate()
                .map(|(k, ind)| (ind.id.clone(), list.len() + k))
                .collect();
            for (i, indicator) in criterion.indicators.iter().enumerate() {
                let field = compiler.field(&indicator.field);
                let path = format!("criteria[{c}].indicators[{i}].check");
                let check = compiler.node(&indicator.check, field, &path);
                let reads = Reads::of(&check);
                list.push(CompiledIndicator {
                    field,
                    criterion: criterion.id.clone(),
                    counts_others: reads.outcomes,
                    check,
                    reads,
                });
            }
        }
        if !compiler.problems.is_empty() {
            return Err(Error::invalid("rubric", compiler.problems));
        }
        // The task is what its `description` asks: without one, a rubric does not say enough
        // about its task to call an answer off it.
        let vocabulary = if rubric.integrity.off_task && rubric.description.is_some() {
            task_vocabulary(rubric)
        } else {
            Vec::new()
        };
        let off_task_guard = vocabulary.len() >= TASK_VOCABULARY_MIN;
        if off_task_guard {
            let stem = crate::text::stemmer_for(&rubric.locale);
            let options = PhraseOptions {
                normalization: Normalization { case_sensitive: false, ignore_accents: true, stem },
                whole_word: true,
                fuzzy: crate::rubric::model::Fuzzy::Auto(crate::rubric::model::AutoFuzzy::Auto),
            };
            for field in &mut compiler.fields {
                for word in &vocabulary {
                    field.task.add(word, &options);
                }
            }
        }
        Ok(Indicators {
            list,
            fields: compiler.fields,
            formula: formula(&rubric.locale),
            off_task_guard,
            lexicons: std::cell::RefCell::new(Vec::new()),
        })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every field of a submission analysed, with the rubric's lexicons.
    fn field_evidence(&self, submission: &Submission) -> Vec<FieldEvidence> {
        let mut lexicons = self.lexicons.borrow_mut();
        lexicons.resize_with(self.fields.len(), Lexicon::default);
        self.fields
            .iter()
            .zip(lexicons.iter_mut())
            .map(|(program, lexicon)| {
                FieldEvidence::build(program, submission.text(&program.name), lexicon, &mut Fresh)
            })
            .collect()
    }

    /// Evaluates every indicator against a submission, in rubric order.
    pub fn evaluate(&self, submission: &Submission) -> Vec<Outcome> {
        let evidence = self.field_evidence(submission);
        self.outcomes(&evidence, submission)
    }

    /// What the integrity guards found in each field's text, by field name: sentences
    /// dropped as keyword lists, and whether the field is off task.
    pub(crate) fn guard_findings(&self, evidence: &[&FieldEvidence]) -> Vec<GuardFinding> {
        self.fields
            .iter()
            .zip(evidence)
            .map(|(program, e)| GuardFinding {
                field: program.name.to_string(),
                keyword_lists: e.counts.lists,
                off_task: self.off_task_guard && e.off_task(),
            })
            .collect()
    }

    /// Every indicator's outcome, and what the integrity guards found, in one analysis.
    pub fn evaluate_with_guards(
        &self,
        submission: &Submission,
    ) -> (Vec<Outcome>, Vec<GuardFinding>) {
        let evidence = self.field_evidence(submission);
        let outcomes = self.outcomes(&evidence, submission);
        (outcomes, self.guard_findings(&evidence.iter().collect::<Vec<_>>()))
    }

    /// Whether `notes` (a report's, in field order) say what the guards find in a live
    /// session's evidence now; compared without building the findings (once per keystroke).
    pub fn guards_match(
        &self,
        live: &LiveEvidence,
        notes: &[crate::scoring::IntegrityNote],
    ) -> bool {
        let mut notes = notes.iter();
        for (i, program) in self.fields.iter().enumerate() {
            let e = live.field(i);
            let off_task = self.off_task_guard && e.off_task();
            if !off_task && e.counts.lists == 0 {
                continue;
            }
            match notes.next() {
                Some(n)
                    if *n.field == *program.name
                        && n.off_task == off_task
                        && n.keyword_lists == e.counts.lists => {}
                _ => return false,
            }
        }
        notes.next().is_none()
    }

    /// The guards' findings on a live session's evidence.
    pub fn guards_live(&self, live: &LiveEvidence) -> Vec<GuardFinding> {
        let evidence: Vec<&FieldEvidence> = (0..self.fields.len()).map(|i| live.field(i)).collect();
        self.guard_findings(&evidence)
    }

    /// One indicator's outcome (its field's evidence given; `outcomes` those of the
    /// indicators it may count).
    fn judge(
        &self,
        ind: &CompiledIndicator,
        evidence: &FieldEvidence,
        submission: &Submission,
        outcomes: &[Outcome],
    ) -> Outcome {
        let name = &self.fields[ind.field].name;
        if self.off_task_guard && evidence.off_task() && ind.check.reads_text() {
            return Outcome::verdict(false, 0.0, 0.0);
        }
        let ctx = outcome::Context {
            submission,
            field: name,
            text: submission.text(name),
            criterion: &ind.criterion,
            evidence,
            formula: self.formula,
            outcomes,
            range: None,
        };
        ind.check.run(&ctx)
    }

    /// Brings `outcomes` (those of the live evidence before `edit`) up to date after the
    /// edit: outcomes of the typed field that read nothing the edit changed only have their
    /// spans moved; the others are evaluated again (those counting others last).
    pub fn update_outcomes(
        &self,
        live: &LiveEvidence,
        submission: &Submission,
        edit: &Edit,
        outcomes: &mut [Outcome],
    ) -> OutcomesUpdate {
        let mut update = OutcomesUpdate::default();
        let Some(typed) = live.typed() else { return update };
        let name = &self.fields[typed].name;
        let mut counting = false;
        if edit.changes.as_ref().is_some_and(|c| c.guard) {
            // The field went off task or came back: the report says so.
            update.shows_change = true;
            update.other_change = true;
        }
        for (i, (ind, outcome)) in self.list.iter().zip(outcomes.iter_mut()).enumerate() {
            if ind.field != typed {
                counting |= ind.counts_others;
                continue;
            }
            update.met_spans_moved |= edit.moved().spans(&mut outcome.spans, name) && outcome.met;
            if ind.counts_others {
                counting = true;
                continue;
            }
            if edit.changes.as_ref().is_some_and(|c| !ind.reads.touched_by(c)) {
                continue;
            }
            let fresh = self.judge(ind, live.field(typed), submission, &[]);
            record(&mut update, i, fresh, outcome);
        }
        if counting {
            for i in 0..self.list.len() {
                let ind = &self.list[i];
                if !ind.counts_others {
                    continue;
                }
                let fresh = self.judge(ind, live.field(ind.field), submission, outcomes);
                record(&mut update, i, fresh, &mut outcomes[i]);
            }
        }
        update
    }

    /// Every indicator's outcome from analysed fields (one per `fields` entry).
    fn outcomes(&self, evidence: &[FieldEvidence], submission: &Submission) -> Vec<Outcome> {
        let mut outcomes: Vec<Outcome> = self
            .list
            .iter()
            .map(|ind| {
                if ind.counts_others {
                    Outcome::verdict(false, 0.0, 0.0)
                } else {
                    self.judge(ind, &evidence[ind.field], submission, &[])
                }
            })
            .collect();
        for (i, ind) in self.list.iter().enumerate() {
            if ind.counts_others {
                outcomes[i] = self.judge(ind, &evidence[ind.field], submission, &outcomes);
            }
        }
        outcomes
    }
}

/// Puts a freshly judged outcome in place of the old one, noting what changed.
fn record(update: &mut OutcomesUpdate, i: usize, fresh: Outcome, outcome: &mut Outcome) {
    if !fresh.shows_as(outcome) {
        update.shows_change = true;
        if fresh.met && outcome.met {
            update.respanned.push(i);
        } else {
            update.other_change = true;
        }
    }
    *outcome = fresh;
}

/// What the integrity guards found in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardFinding {
    pub field: String,
    /// Sentences that were keyword lists (their evidence did not count).
    pub keyword_lists: u32,
    /// The field has words, none of them the task's: no evidence credit.
    pub off_task: bool,
}

/// The task's own content words: every word of the rubric's phrases (as localized) and
/// of its description, less the words too common to tell anything.
fn task_vocabulary(rubric: &Rubric) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        for alternative in text.split('|') {
            for chunk in alternative.split_whitespace() {
                let chunk = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '*');
                if chunk.chars().filter(|c| c.is_alphabetic()).count() < 3
                    || guards::is_common(chunk)
                {
                    continue;
                }
                let chunk = chunk.to_lowercase();
                if !words.contains(&chunk) {
                    words.push(chunk);
                }
            }
        }
    };
    if let Some(d) = &rubric.description {
        add(d);
    }
    for criterion in &rubric.criteria {
        for indicator in &criterion.indicators {
            indicator.check.content_phrases(&mut |p| add(p));
        }
    }
    words
}

/// Fewer content words than this and a rubric says too little about its task for the
/// off-task guard to judge an answer by.
const TASK_VOCABULARY_MIN: usize = 3;

/// Compiles a rubric's checks: each check type's `compile` adds what it needs found to its
/// field's program and gives its `Node`.
pub(crate) struct Compiler<'r> {
    locale: &'r str,
    guard_lists: bool,
    fields: Vec<FieldProgram>,
    /// Checks that did not compile (a regex), located.
    pub problems: Vec<Problem>,
    /// The current criterion's indicators: id → index in rubric order.
    indicator_index: Vec<(String, usize)>,
}

impl Compiler<'_> {
    fn field(&mut self, name: &str) -> usize {
        if let Some(i) = self.fields.iter().position(|f| &*f.name == name) {
            return i;
        }
        self.fields.push(FieldProgram {
            name: std::rc::Rc::from(name),
            phrases: PhraseSet::default(),
            patterns: Vec::new(),
            pattern_reach: crate::limits::current().pattern_reach as usize,
            wants_numbers: false,
            wants_syllables: false,
            syllable_rules: syllable_rules(self.locale),
            decimal_comma: decimal_comma(self.locale),
            negation: guards::NegationCues::for_locale(self.locale),
            guard_lists: self.guard_lists,
            task: PhraseSet::default(),
        });
        self.fields.len() - 1
    }

    /// What field `field`'s text is searched for.
    pub fn program(&mut self, field: usize) -> &mut FieldProgram {
        &mut self.fields[field]
    }

    /// The index (rubric order) of the current criterion's indicator `id`.
    pub fn indicator(&self, id: &str) -> Option<usize> {
        self.indicator_index.iter().find(|(i, _)| i == id).map(|(_, k)| *k)
    }

    /// A check compiled (`path`: its JSON path).
    pub fn node(&mut self, check: &Check, field: usize, path: &str) -> Node {
        check.compile(self, field, path)
    }

    /// A combinator's inner checks compiled (`path`: the combinator's).
    pub fn nodes(&mut self, checks: &[Check], field: usize, path: &str) -> Vec<Node> {
        checks
            .iter()
            .enumerate()
            .map(|(i, c)| self.node(c, field, &format!("{path}.checks[{i}]")))
            .collect()
    }
}
