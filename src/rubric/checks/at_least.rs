//! `atLeast`: at least `n` of the named indicators of the same criterion (`of`), or of the
//! inline `checks`, are met.

use super::{build_checks, fields, walk_checks, Check, CheckRefs, CheckType};
use crate::evidence::outcome::{in_reading_order, Context};
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{count, strings, Built};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// At least `n` of the named indicators of the same criterion (`of`), or of the inline
/// `checks`, are met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct AtLeast {
    pub n: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub of: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

impl CheckType for AtLeast {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs) {
        let n = f.count(walk, "n", true, 1);
        let of = f.strings(walk, "of", false);
        let checks = walk_checks(walk, f, false, refs);
        let given = match (&of, checks) {
            (Some(_), Some(_)) => {
                walk.problem(f.path_of("checks"), "use either `of` or `checks`, not both");
                None
            }
            (Some(of), None) => {
                for (p, id) in of {
                    refs.of.push((p.clone(), id.to_string()));
                }
                Some(of.len())
            }
            (None, Some(k)) => Some(k),
            (None, None) => {
                walk.problem(
                    f.path_of("of"),
                    "missing: name the indicators to count in `of` (or give inline `checks`)",
                );
                None
            }
        };
        if let (Some(n), Some(m)) = (n, given) {
            if n as usize > m {
                walk.problem(f.path_of("n"), format!("asks for {n} but names only {m}"));
            }
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let mut check = AtLeast { n: 0, of: Vec::new(), checks: Vec::new() };
        for (key, v) in fields(value) {
            match key.as_str() {
                "n" => check.n = count(v)?,
                "of" => check.of = strings(v)?,
                "checks" => check.checks = build_checks(v)?,
                _ => {}
            }
        }
        Ok(check)
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
        if self.of.is_empty() {
            node(Inline { n: self.n, parts: c.nodes(&self.checks, field, path) })
        } else {
            let of = self.of.iter().filter_map(|id| c.indicator(id)).collect();
            node(Named { n: self.n, of })
        }
    }

    // Named indicators are resolved to the most useful missing one by `next_steps`.
    combinator_methods!();

    fn counted(&self) -> &[String] {
        &self.of
    }
}

/// At least `n` of the inline checks.
struct Inline {
    n: u32,
    parts: Vec<Node>,
}

impl Evaluate for Inline {
    fn run(&self, ctx: &Context) -> Outcome {
        let parts: Vec<Outcome> = self.parts.iter().map(|c| c.run(ctx)).collect();
        at_least(self.n, parts.iter())
    }

    fn reads(&self, reads: &mut Reads) {
        self.parts.iter().for_each(|n| n.reads(reads));
    }
}

/// At least `n` of these indicators (indices in rubric order; none of them counts others).
struct Named {
    n: u32,
    of: Vec<usize>,
}

impl Evaluate for Named {
    fn run(&self, ctx: &Context) -> Outcome {
        let parts: Vec<Outcome> = self
            .of
            .iter()
            .filter_map(|&i| ctx.outcomes.get(i))
            .map(|o| {
                let mut o = o.clone();
                if ctx.range.is_some() {
                    o.spans.retain(|s| ctx.inside((s.start.0, s.end.0)));
                    o.met &= !o.spans.is_empty();
                }
                o
            })
            .collect();
        at_least(self.n, parts.iter())
    }

    // Judged after the indicators it counts, whatever the edit.
    fn reads(&self, reads: &mut Reads) {
        reads.outcomes = true;
    }
}

/// At least `n` of `parts` met; closeness counts the best unmet part's closeness as part
/// of one; spans are the met parts'.
fn at_least<'o>(n: u32, parts: impl Iterator<Item = &'o Outcome>) -> Outcome {
    let (mut met, mut best) = (0u32, 0.0f64);
    let mut spans = Vec::new();
    for p in parts {
        if p.met {
            met += 1;
            spans.extend(p.spans.iter().cloned());
        } else {
            best = best.max(p.closeness);
        }
    }
    let need = f64::from(n.max(1));
    let mut outcome = Outcome::verdict(met >= n, (f64::from(met) + best) / need, f64::from(met));
    in_reading_order(&mut spans);
    outcome.spans = spans;
    outcome
}
