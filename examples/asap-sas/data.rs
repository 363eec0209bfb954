//! Reading ASAP-SAS `train.tsv` (read at run time from `../shared/data/asap-sas`, never
//! copied into the repository) and the held-out split.
//!
//! **The split.** Every answer whose `Id` is a multiple of 5 is held out: it is never printed,
//! searched or used to choose a phrase; only the evaluation harness scores it, and only its
//! agreement figures leave the harness. Rubrics and suggestions are made from the training
//! part (`Id % 5 != 0`) alone. The split is fixed by id, so it never depends on file order.
//!
//! Shared by the `asap-sas` example (the harness), `tests/asap.rs`, `tests/asap_live.rs` and
//! the segmenter's test on real answers (`src/text/segment.rs`) through `#[path]`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The five prompts and their top score.
pub const SETS: [(u32, f64); 5] = [(1, 3.0), (2, 3.0), (5, 3.0), (6, 3.0), (10, 2.0)];

/// Whether an answer is in the held-out part.
pub fn is_held_out(id: u64) -> bool {
    id % 5 == 0
}

/// One scored answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub id: u64,
    pub set: u32,
    pub score1: f64,
    pub score2: f64,
    /// The student's text with `^p` turned into a paragraph break.
    pub text: String,
}

/// Both parts of one set.
pub struct Split {
    pub train: Vec<Answer>,
    pub held_out: Vec<Answer>,
}

/// The data directory given, or `../shared/data/asap-sas` from the crate root; `None` when
/// `train.tsv` is not there.
pub fn locate(arg: Option<&str>) -> Option<PathBuf> {
    let dir = match arg {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/asap-sas"),
    };
    dir.join("train.tsv").is_file().then_some(dir)
}

/// The data set's texts lost many line breaks: a list typed one item a line arrives as
/// `…requires energyPassive transport…` or `…lower concentration.Osmosis…`, one "word" to
/// any reader. A line break is put back where a sentence's end runs into a capital
/// (`n.O`), and where two or more lower-case letters run into a capitalised word
/// (`yPa`); `mRNA`, `tRNA` or `McDonald` are left alone (one lower-case letter before the
/// capital, or a capital after the run). A numbered list loses its breaks the same way
/// (`…the ribosome2. tRNA…`): a break is put before a one-digit item number glued to a
/// lower-case word (`e2.` or `e2)`). Every answer, held out or not, is read the same way.
pub fn restore_breaks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let lower = |c: Option<char>| c.is_some_and(|c| c.is_lowercase());
        let upper = |c: Option<char>| c.is_some_and(|c| c.is_uppercase());
        let sentence_end = matches!(c, '.' | '!' | '?' | ':' | ';')
            && i > 0
            && chars[i - 1].is_alphabetic()
            && upper(next);
        let run_into_capital =
            c.is_lowercase() && i > 0 && chars[i - 1].is_lowercase() && upper(next) && lower(after);
        let glued_number = c.is_lowercase()
            && i > 0
            && chars[i - 1].is_lowercase()
            && next.is_some_and(|d| d.is_ascii_digit())
            && matches!(after, Some('.' | ')'));
        if sentence_end || run_into_capital || glued_number {
            out.push('\n');
        }
    }
    out
}

/// Reads `train.tsv` (tab-separated, CSV quoting) and splits each set by id.
pub fn read(dir: &Path) -> Result<Vec<(u32, Split)>, String> {
    let path = dir.join("train.tsv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .flexible(false)
        .from_path(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| format!("{}: no column `{name}`", path.display()))
    };
    let (id_col, set_col, s1_col, s2_col, text_col) = (
        column("Id")?,
        column("EssaySet")?,
        column("Score1")?,
        column("Score2")?,
        column("EssayText")?,
    );
    let mut sets: Vec<(u32, Split)> =
        SETS.iter().map(|&(s, _)| (s, Split { train: Vec::new(), held_out: Vec::new() })).collect();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{}: row {}: {e}", path.display(), row + 2))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let number = |i: usize, name: &str| {
            field(i)
                .parse::<f64>()
                .map_err(|_| format!("{}: row {}: {name} is not a number", path.display(), row + 2))
        };
        let id = number(id_col, "Id")? as u64;
        let set = number(set_col, "EssaySet")? as u32;
        let Some((_, split)) = sets.iter_mut().find(|(s, _)| *s == set) else { continue };
        let answer = Answer {
            id,
            set,
            score1: number(s1_col, "Score1")?,
            score2: number(s2_col, "Score2")?,
            text: restore_breaks(&record.get(text_col).unwrap_or("").replace("^p", "\n\n")),
        };
        if is_held_out(id) {
            split.held_out.push(answer);
        } else {
            split.train.push(answer);
        }
    }
    for (_, split) in &mut sets {
        split.train.sort_by_key(|a| a.id);
        split.held_out.sort_by_key(|a| a.id);
        let vocabulary = Vocabulary::of(&split.train);
        for answer in split.train.iter_mut().chain(split.held_out.iter_mut()) {
            answer.text = vocabulary.rejoin(&answer.text);
        }
    }
    Ok(sets)
}

/// How often each word (a run of letters, lower-cased) occurs in a set's training answers.
pub struct Vocabulary(std::collections::HashMap<String, usize>);

impl Vocabulary {
    pub fn of(answers: &[Answer]) -> Self {
        let mut counts = std::collections::HashMap::new();
        for a in answers {
            for w in letter_runs(&a.text) {
                *counts.entry(w.1.to_lowercase()).or_insert(0) += 1;
            }
        }
        Vocabulary(counts)
    }

    fn count(&self, w: &str) -> usize {
        self.0.get(&w.to_lowercase()).copied().unwrap_or(0)
    }

    /// Many of set 10's answers have a space put in at a fixed width (`dogho use`,
    /// `te mperature`, `coo ler`): two letter runs one space apart are joined when the
    /// joined word is a word of the training answers (3 times or more) and more than five
    /// times as common as the rarer part (`in side` → `inside`; `a lot` stays, `alot`
    /// being rarer than five times `lot`). The counts come from the training answers only;
    /// every answer, held out or not, is repaired the same way.
    pub fn rejoin(&self, text: &str) -> String {
        let runs = letter_runs(text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for pair in runs.windows(2) {
            let ((p1, a), (p2, b)) = (pair[0], pair[1]);
            if p2 != p1 + a.len() + 1 || &text[p1 + a.len()..p2] != " " {
                continue;
            }
            let joined = format!("{a}{b}");
            let whole = self.count(&joined);
            if whole >= 3 && whole > 5 * self.count(a).min(self.count(b)) {
                out.push_str(&text[copied..p1 + a.len()]);
                copied = p2;
            }
        }
        out.push_str(&text[copied..]);
        out
    }
}

/// The runs of letters of a text with their byte offsets.
fn letter_runs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}
