//! `all` and `any`: every inner check is met, or at least one. One file for the two, which
//! differ only in how they join their inner checks' outcomes.

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

// No doc comments: they would become the schema's descriptions of the checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct All {
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct Any {
    pub checks: Vec<Check>,
}

/// How a group joins its inner checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Met when every inner check is; as close as their mean closeness.
    All,
    /// Met when one inner check is; as close as the closest; its evidence is that of the
    /// inner checks met.
    Any,
}

/// The two types, with how each joins.
macro_rules! group_type {
    ($ty:ident, $join:expr) => {
        impl CheckType for $ty {
            #[inline(always)]
            fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs) {
                walk_checks(walk, f, true, refs);
            }

            #[inline(always)]
            fn build(value: &Value) -> Built<Self> {
                Ok($ty { checks: build_checks(&value["checks"])? })
            }

            #[inline(always)]
            fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
                node(Compiled { join: $join, nodes: c.nodes(&self.checks, field, path) })
            }

            combinator_methods!();
        }
    };
}

group_type!(All, Join::All);
group_type!(Any, Join::Any);

struct Compiled {
    join: Join,
    nodes: Vec<Node>,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let parts: Vec<Outcome> = self.nodes.iter().map(|c| c.run(ctx)).collect();
        let (met, closeness) = match self.join {
            Join::All => (
                parts.iter().all(|o| o.met),
                parts.iter().map(|o| o.closeness).sum::<f64>() / parts.len().max(1) as f64,
            ),
            Join::Any => {
                (parts.iter().any(|o| o.met), parts.iter().map(|o| o.closeness).fold(0.0, f64::max))
            }
        };
        let found = parts.iter().filter(|o| o.met).count() as f64;
        let parts = if self.join == Join::Any && met {
            parts.into_iter().filter(|o| o.met).collect()
        } else {
            parts
        };
        combine(met, closeness, found, parts)
    }

    fn reads(&self, reads: &mut Reads) {
        self.nodes.iter().for_each(|n| n.reads(reads));
    }
}
