//! Errors that cross every surface (Rust, CLI, JS): each names the JSON path of the fault
//! and says, in a sentence a teacher could act on, what is wrong.

use serde::Serialize;
use std::fmt;

/// One thing wrong with an input, located by its JSON path (`criteria[2].levels[0].points`).
/// The path is empty when the fault is the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// What went wrong in an operation. Every variant carries at least one located problem.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The text is not JSON at all (the path is empty; the message has line and column).
    #[error("{0}")]
    Syntax(Problem),
    /// The JSON does not fit the format: every problem found, not only the first.
    #[error("{}", join(.problems))]
    Invalid { what: &'static str, problems: Vec<Problem> },
}

fn join(problems: &[Problem]) -> String {
    problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
}

impl Error {
    pub fn invalid(what: &'static str, problems: Vec<Problem>) -> Self {
        debug_assert!(!problems.is_empty());
        Error::Invalid { what, problems }
    }

    /// A single located problem.
    pub fn at(what: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::invalid(what, vec![Problem::new(path, message)])
    }

    /// Every problem, in document order.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Syntax(p) => std::slice::from_ref(p),
            Error::Invalid { problems, .. } => problems,
        }
    }

    /// The path of the first problem (what a JS caller reads as `error.path`).
    pub fn path(&self) -> &str {
        self.problems().first().map(|p| p.path.as_str()).unwrap_or("")
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
