//! `all`: every inner check is met.

use super::{build_checks, walk_checks, Check, CheckRefs, CheckType};
use crate::evidence::outcome::{combine, Context};
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
pub struct All {
    pub checks: Vec<Check>,
}

impl CheckType for All {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs) {
        walk_checks(walk, f, true, refs);
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        Ok(All { checks: build_checks(&value["checks"])? })
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
        node(Compiled(c.nodes(&self.checks, field, path)))
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        a.first_of(&self.checks)
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthOther)
    }

    fn inner(&self) -> &[Check] {
        &self.checks
    }

    fn inner_mut(&mut self) -> &mut [Check] {
        &mut self.checks
    }
}

struct Compiled(Vec<Node>);

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let parts: Vec<Outcome> = self.0.iter().map(|c| c.run(ctx)).collect();
        let met = parts.iter().all(|o| o.met);
        let closeness = parts.iter().map(|o| o.closeness).sum::<f64>() / parts.len().max(1) as f64;
        let found = parts.iter().filter(|o| o.met).count() as f64;
        combine(met, closeness, found, parts)
    }

    fn reads(&self, reads: &mut Reads) {
        self.0.iter().for_each(|n| n.reads(reads));
    }
}
