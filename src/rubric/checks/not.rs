//! `not`: the inner check is not met (a misconception, a phrase to avoid).

use super::phrases::pick_phrase;
use super::{walk_check, Check, CheckRefs, CheckType};
use crate::evidence::outcome::Context;
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::Built;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct Not {
    pub check: Box<Check>,
}

impl CheckType for Not {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs) {
        let inner_path = f.path_of("check");
        match f.get("check") {
            Some(inner) => walk_check(walk, inner, &inner_path, refs),
            None => walk.problem(inner_path, "missing: expected the check to negate"),
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        Ok(Not { check: Box::new(Check::build(&value["check"])?) })
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
        node(Compiled(c.node(&self.check, field, &format!("{path}.check"))))
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        match (self.check.as_ref(), a.label) {
            (Check::Phrases(p), _) if !p.any_of.is_empty() || !p.all_of.is_empty() => {
                let list = if p.any_of.is_empty() { &p.all_of } else { &p.any_of };
                a.say(Key::StepAvoidPhrase, &[("phrase", &pick_phrase(list))])
            }
            (_, Some(label)) => a.say(Key::StepAvoidLabel, &[("label", label)]),
            (_, None) => a.say(Key::StepAvoid, &[a.criterion()]),
        }
    }

    fn strength(&self) -> Option<Key> {
        None
    }

    fn inner(&self) -> &[Check] {
        std::slice::from_ref(&*self.check)
    }

    fn inner_mut(&mut self) -> &mut [Check] {
        std::slice::from_mut(&mut *self.check)
    }

    // What an answer must not contain says nothing of what the task is about.
    fn content_phrases(&self, _add: &mut dyn FnMut(&str)) {}

    // Common words are fine to avoid.
    fn common_phrase_lists(&self, _path: &str, _out: &mut Vec<(String, Vec<String>)>) {}
}

struct Compiled(Node);

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let o = self.0.run(ctx);
        Outcome::verdict(!o.met, 0.0, o.found)
    }

    fn reads(&self, reads: &mut Reads) {
        self.0.reads(reads);
    }
}
