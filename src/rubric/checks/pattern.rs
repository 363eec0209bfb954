//! `pattern`: a regular expression found in a sentence of the answer.

use super::{fields, CheckRefs, CheckType};
use crate::error::Problem;
use crate::evidence::outcome::Context;
use crate::evidence::{node, unmet, Compiler, Evaluate, Node, Outcome, Reads, Span};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{boolean, string, Built};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Largest compiled regex we accept, so that one rubric cannot exhaust a student's browser.
pub const REGEX_SIZE_LIMIT: usize = 256 * 1024;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
#[serde(rename_all = "camelCase")]
pub struct Pattern {
    pub regex: String,
    #[serde(default)]
    pub case_sensitive: bool,
}

fn regex(regex: &str, case_sensitive: bool) -> Result<regex_lite::Regex, regex_lite::Error> {
    regex_lite::RegexBuilder::new(regex)
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

impl CheckType for Pattern {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        let case_sensitive = f.bool(walk, "caseSensitive").unwrap_or(false);
        if let Some(regex) = f.text(walk, "regex", true) {
            let built = self::regex(regex, case_sensitive);
            if let Err(e) = built {
                walk.problem(
                    f.path_of("regex"),
                    format!("not a valid pattern: {}", first_line(&e.to_string())),
                );
            }
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let mut check = Pattern { regex: String::new(), case_sensitive: false };
        for (key, v) in fields(value) {
            match key.as_str() {
                "regex" => check.regex = string(v),
                "caseSensitive" => check.case_sensitive = boolean(v)?,
                _ => {}
            }
        }
        Ok(check)
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
        match regex(&self.regex, self.case_sensitive) {
            Ok(r) => {
                let program = c.program(field);
                let prefilter =
                    crate::evidence::prefilter::Prefilter::of(&self.regex, !self.case_sensitive);
                program.patterns.push((r, prefilter));
                node(Compiled { id: program.patterns.len() as u32 - 1 })
            }
            Err(e) => {
                c.problems.push(Problem::new(
                    format!("{path}.regex"),
                    format!("not a valid pattern: {}", first_line(&e.to_string())),
                ));
                unmet()
            }
        }
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        match a.label {
            Some(label) => a.say(Key::StepPatternLabel, &[("label", label)]),
            None => a.say(Key::StepPattern, &[a.criterion()]),
        }
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthPattern)
    }
}

/// Pattern `id` of the field's program.
struct Compiled {
    id: u32,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let spans: Vec<Span> =
            ctx.within(ctx.evidence.pattern_hits(self.id)).map(|h| ctx.span(h)).collect();
        let mut outcome = Outcome::verdict(!spans.is_empty(), 0.0, spans.len() as f64);
        outcome.spans = spans;
        outcome
    }

    fn reads(&self, reads: &mut Reads) {
        reads.patterns.push(self.id);
    }
}

/// The last non-blank line of a regex error (the one that says what is wrong).
fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}
