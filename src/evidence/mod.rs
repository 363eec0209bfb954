//! Evidence: each indicator's check evaluated against a submission, with the spans of text
//! that met it. `Indicators` is compiled once per rubric (phrases of a field gathered into
//! one matcher, regexes built, units and tolerances resolved) and evaluated per submission.
//!
//! Text is read sentence by sentence within paragraphs (`paragraph.rs`); a check's result
//! comes from adding up the sentences (`outcome.rs`). So phrases and regex matches stay
//! within a sentence, and a live session (`live.rs`) re-analyses only the sentences an
//! edit touched.

mod automaton;
pub(crate) mod guards;
mod live;
mod moves;
pub(crate) mod order;
mod outcome;
mod paragraph;
mod phrases;
mod prefilter;

pub use guards::is_common as is_common_word;
pub use live::{Edit, LiveEvidence};
pub use moves::{Byte, Frame, Local, Move, Shifts, Utf16};

use crate::error::{Error, Problem};
use crate::rubric::model::{Check, Negation, Rater, Rubric, Submission, Within};
use crate::rubric::REGEX_SIZE_LIMIT;
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
    pub start: u32,
    pub end: u32,
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

    fn verdict(met: bool, closeness: f64, found: f64) -> Self {
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

/// A check ready to run against analysed text.
#[derive(Debug, Clone)]
enum Node {
    /// Phrase ids `first..first + texts.len()` of the field's phrase set.
    Phrases {
        first: u32,
        texts: Vec<String>,
        all: bool,
        min_count: u32,
        negation: Negation,
    },
    Count {
        unit: CountUnit,
        min: Option<u64>,
        max: Option<u64>,
    },
    Readability {
        min: Option<f64>,
        max: Option<f64>,
    },
    Pattern {
        id: u32,
    },
    Number {
        equals: Option<f64>,
        tolerance: f64,
        min: Option<f64>,
        max: Option<f64>,
        units: Vec<String>,
        min_count: u32,
    },
    Choice(Vec<String>),
    Rating {
        from: Rater,
        min: f64,
    },
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    /// At least `n` of the inline checks.
    AtLeast {
        n: u32,
        parts: Vec<Node>,
    },
    /// At least `n` of these indicators (indices in rubric order; none of them counts others).
    AtLeastOf {
        n: u32,
        of: Vec<usize>,
    },
    /// Every part within one sentence (`words: None`) or a window of that many words.
    Together {
        parts: Vec<Node>,
        words: Option<u32>,
    },
}

impl Node {
    /// Whether the check counts other indicators (and so is judged after them).
    fn counts_others(&self) -> bool {
        match self {
            Node::AtLeastOf { .. } => true,
            Node::All(nodes) | Node::Any(nodes) => nodes.iter().any(Node::counts_others),
            Node::AtLeast { parts, .. } | Node::Together { parts, .. } => {
                parts.iter().any(Node::counts_others)
            }
            Node::Not(inner) => inner.counts_others(),
            _ => false,
        }
    }

    /// Whether the check reads the text (and so earns nothing from an off-task answer).
    fn reads_text(&self) -> bool {
        !matches!(self, Node::Rating { .. } | Node::Choice(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountUnit {
    Words,
    Sentences,
    Paragraphs,
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
struct Reads {
    phrases: Vec<u32>,
    /// Phrases whose negated occurrences the check reads.
    negated: Vec<u32>,
    patterns: Vec<u32>,
    numbers: bool,
    counts: bool,
    /// The raw text or paragraph layout (`choice` on a text field, paragraph counts).
    other: bool,
}

impl Reads {
    fn of(node: &Node) -> Self {
        let mut reads = Reads::default();
        reads.add(node);
        reads
    }

    fn add(&mut self, node: &Node) {
        match node {
            Node::Phrases { first, texts, negation, .. } => {
                let ids = *first..*first + texts.len() as u32;
                // Negated occurrences are kept under the ids after every plain one's.
                if *negation != Negation::Only {
                    self.phrases.extend(ids.clone());
                }
                if *negation != Negation::Skip {
                    self.negated.extend(ids);
                }
            }
            Node::AtLeast { parts, .. } => parts.iter().for_each(|n| self.add(n)),
            // Which sentence, or how many words apart: any change of counts may move them.
            Node::Together { parts, .. } => {
                self.counts = true;
                parts.iter().for_each(|n| self.add(n));
            }
            Node::AtLeastOf { .. } => {}
            Node::Count { unit: CountUnit::Paragraphs, .. } | Node::Choice(_) => self.other = true,
            Node::Count { .. } | Node::Readability { .. } => self.counts = true,
            Node::Pattern { id } => self.patterns.push(*id),
            Node::Number { .. } => self.numbers = true,
            Node::Rating { .. } => {}
            Node::All(nodes) | Node::Any(nodes) => nodes.iter().for_each(|n| self.add(n)),
            Node::Not(inner) => self.add(inner),
        }
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
                    counts_others: check.counts_others(),
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
        outcome::run(&ind.check, &ctx)
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
            content_phrases(&indicator.check, &mut |p| add(p));
        }
    }
    words
}

/// The phrases of a check that say what an answer should contain: not those of a `not`
/// check or of a misconception list (`negation: only`), which name what it need not.
fn content_phrases(check: &Check, add: &mut dyn FnMut(&str)) {
    match check {
        Check::Phrases { any_of, all_of, negation, .. } if *negation != Negation::Only => {
            any_of.iter().chain(all_of.iter()).for_each(|p| add(p))
        }
        Check::All { checks }
        | Check::Any { checks }
        | Check::AtLeast { checks, .. }
        | Check::Together { checks, .. } => checks.iter().for_each(|c| content_phrases(c, add)),
        _ => {}
    }
}

/// Fewer content words than this and a rubric says too little about its task for the
/// off-task guard to judge an answer by.
const TASK_VOCABULARY_MIN: usize = 3;

struct Compiler<'r> {
    locale: &'r str,
    guard_lists: bool,
    fields: Vec<FieldProgram>,
    problems: Vec<Problem>,
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

    fn node(&mut self, check: &Check, field: usize, path: &str) -> Node {
        let program = &mut self.fields[field];
        match check {
            Check::Phrases {
                any_of,
                all_of,
                min_count,
                case_sensitive,
                whole_word,
                stem,
                fuzzy,
                ignore_accents,
                negation,
            } => {
                let (all, texts) = if all_of.is_empty() { (false, any_of) } else { (true, all_of) };
                // Phrases are stemmed by the stemmer of the language they are written in.
                let stem = if *stem { crate::text::stemmer_for(texts.lang()) } else { None };
                let normalization = Normalization {
                    case_sensitive: *case_sensitive,
                    ignore_accents: *ignore_accents,
                    stem,
                };
                let options =
                    PhraseOptions { normalization, whole_word: *whole_word, fuzzy: *fuzzy };
                let ids: Vec<u32> =
                    texts.iter().map(|t| program.phrases.add(t, &options)).collect();
                Node::Phrases {
                    first: ids.first().copied().unwrap_or(0),
                    texts: texts.to_vec(),
                    all,
                    min_count: (*min_count).max(1),
                    negation: *negation,
                }
            }
            Check::WordCount(r) => Node::Count { unit: CountUnit::Words, min: r.min, max: r.max },
            Check::SentenceCount(r) => {
                Node::Count { unit: CountUnit::Sentences, min: r.min, max: r.max }
            }
            Check::ParagraphCount(r) => {
                Node::Count { unit: CountUnit::Paragraphs, min: r.min, max: r.max }
            }
            Check::Readability { min_grade, max_grade } => {
                program.wants_syllables = true;
                Node::Readability { min: *min_grade, max: *max_grade }
            }
            Check::Pattern { regex, case_sensitive } => {
                let built = regex_lite::RegexBuilder::new(regex)
                    .case_insensitive(!case_sensitive)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build();
                match built {
                    Ok(r) => {
                        program
                            .patterns
                            .push((r, prefilter::Prefilter::of(regex, !case_sensitive)));
                        Node::Pattern { id: program.patterns.len() as u32 - 1 }
                    }
                    Err(e) => {
                        let line = e.to_string();
                        let message = line
                            .lines()
                            .rfind(|l| !l.trim().is_empty())
                            .unwrap_or("")
                            .trim()
                            .to_string();
                        self.problems.push(Problem::new(
                            format!("{path}.regex"),
                            format!("not a valid pattern: {message}"),
                        ));
                        Node::Any(Vec::new())
                    }
                }
            }
            Check::Number { equals, tolerance, rel_tolerance, unit, min, max, min_count } => {
                program.wants_numbers = true;
                let tolerance = tolerance
                    .unwrap_or(0.0)
                    .max(rel_tolerance.unwrap_or(0.0) * equals.unwrap_or(0.0).abs());
                let units = unit
                    .iter()
                    .flat_map(|u| u.split('|'))
                    .map(|u| u.trim().to_lowercase())
                    .filter(|u| !u.is_empty())
                    .collect();
                Node::Number {
                    equals: *equals,
                    tolerance,
                    min: *min,
                    max: *max,
                    units,
                    min_count: (*min_count).max(1),
                }
            }
            Check::Choice { any_of } => Node::Choice(any_of.clone()),
            Check::Rating { from, min } => Node::Rating { from: *from, min: *min },
            Check::All { checks } => Node::All(self.nodes(checks, field, path)),
            Check::Any { checks } => Node::Any(self.nodes(checks, field, path)),
            Check::Not { check } => {
                Node::Not(Box::new(self.node(check, field, &format!("{path}.check"))))
            }
            Check::AtLeast { n, of, checks } => {
                if of.is_empty() {
                    Node::AtLeast { n: *n, parts: self.nodes(checks, field, path) }
                } else {
                    let of = of
                        .iter()
                        .filter_map(|id| {
                            self.indicator_index.iter().find(|(i, _)| i == id).map(|(_, k)| *k)
                        })
                        .collect();
                    Node::AtLeastOf { n: *n, of }
                }
            }
            Check::Together { checks, within } => Node::Together {
                parts: self.nodes(checks, field, path),
                words: match within {
                    Within::Sentence(_) => None,
                    Within::Words(n) => Some(*n),
                },
            },
        }
    }

    fn nodes(&mut self, checks: &[Check], field: usize, path: &str) -> Vec<Node> {
        checks
            .iter()
            .enumerate()
            .map(|(i, c)| self.node(c, field, &format!("{path}.checks[{i}]")))
            .collect()
    }
}
