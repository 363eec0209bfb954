//! `choice`: one of the options asked for chosen (a choice field), or given as the field's
//! text.

use super::{CheckRefs, CheckType};
use crate::evidence::outcome::Context;
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{items, string, Built};
use crate::rubric::model::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub any_of: Vec<String>,
}

impl CheckType for Choice {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        if let Some(options) = f.strings(walk, "anyOf", true) {
            if options.is_empty() {
                walk.problem(f.path_of("anyOf"), "needs at least one option id");
            }
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        Ok(Choice { any_of: items(&value["anyOf"]).iter().map(string).collect() })
    }

    #[inline(always)]
    fn compile(&self, _c: &mut Compiler, _field: usize, _path: &str) -> Node {
        node(Compiled(self.any_of.clone()))
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        a.say(Key::StepChoice, &[])
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthChoice)
    }
}

struct Compiled(Vec<String>);

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let chosen: &[String] = match ctx.submission.responses.get(&**ctx.field) {
            Some(Response::Choices(c)) => c,
            Some(Response::Text(t)) => std::slice::from_ref(t),
            None => &[],
        };
        let matching = chosen.iter().filter(|c| self.0.contains(c)).count();
        Outcome::verdict(matching > 0, 0.0, matching as f64)
    }

    fn reads(&self, reads: &mut Reads) {
        // The raw text, on a text field.
        reads.other = true;
    }

    fn reads_text(&self) -> bool {
        false
    }
}
