//! `number`: a number in the answer equal to a value (within a tolerance), or within
//! `min` and `max`, with one of the units asked for; `minCount` of them.

use super::{fields, CheckRefs, CheckType};
use crate::evidence::outcome::Context;
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Num, Walk};
use crate::rubric::build::{count, number, Built};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
#[serde(rename_all = "camelCase")]
pub struct Number {
    /// The value asked for (with `tolerance`); without it any number within `min`/`max`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel_tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// How many such numbers (default 1).
    #[serde(default = "one_count")]
    pub min_count: u32,
}

fn one_count() -> u32 {
    1
}

impl CheckType for Number {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        let equals = f.number(walk, "equals", false);
        let min = f.number(walk, "min", false);
        let max = f.number(walk, "max", false);
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                walk.problem(f.path_of("max"), format!("max {} is below min {}", Num(b), Num(a)));
            }
        }
        if let (Some(e), Some(a), Some(b)) = (equals, min, max) {
            if e < a || e > b {
                walk.problem(
                    f.path_of("equals"),
                    format!("{} is outside min {} and max {}", Num(e), Num(a), Num(b)),
                );
            }
        }
        f.count(walk, "minCount", false, 1);
        if let Some(t) = f.number(walk, "tolerance", false) {
            if t < 0.0 {
                walk.problem(f.path_of("tolerance"), "must not be negative");
            }
        }
        if let Some(t) = f.number(walk, "relTolerance", false) {
            if !(0.0..=1.0).contains(&t) {
                walk.problem(
                    f.path_of("relTolerance"),
                    "must be a fraction between 0 and 1 (0.05 is 5%)",
                );
            }
        }
        f.text(walk, "unit", false);
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let opt_number = |v: &Value| if v.is_null() { None } else { Some(number(v)) };
        let mut min_count = 1;
        for (key, v) in fields(value) {
            if key == "minCount" {
                min_count = count(v)?;
            }
        }
        let unit = value.get("unit").and_then(Value::as_str).map(str::to_string);
        Ok(Number {
            equals: value.get("equals").and_then(opt_number),
            tolerance: value.get("tolerance").and_then(opt_number),
            rel_tolerance: value.get("relTolerance").and_then(opt_number),
            unit,
            min: value.get("min").and_then(opt_number),
            max: value.get("max").and_then(opt_number),
            min_count,
        })
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, _path: &str) -> Node {
        c.program(field).wants_numbers = true;
        let tolerance = self
            .tolerance
            .unwrap_or(0.0)
            .max(self.rel_tolerance.unwrap_or(0.0) * self.equals.unwrap_or(0.0).abs());
        let units = self
            .unit
            .iter()
            .flat_map(|u| u.split('|'))
            .map(|u| u.trim().to_lowercase())
            .filter(|u| !u.is_empty())
            .collect();
        node(Compiled {
            equals: self.equals,
            tolerance,
            min: self.min,
            max: self.max,
            units,
            min_count: self.min_count.max(1),
        })
    }

    // Never the expected value itself: that would hand over the answer.
    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        match &self.unit {
            Some(unit) => a.say(Key::StepNumberUnit, &[("unit", unit)]),
            None => a.say(Key::StepNumber, &[]),
        }
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthNumber)
    }
}

struct Compiled {
    equals: Option<f64>,
    tolerance: f64,
    min: Option<f64>,
    max: Option<f64>,
    units: Vec<String>,
    min_count: u32,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        let Compiled { equals, tolerance, min, max, ref units, min_count } = *self;
        let (mut spans, mut best) = (Vec::new(), 0.0f64);
        for n in ctx.evidence.numbers() {
            let end = if units.is_empty() { n.end } else { n.unit_end };
            if !ctx.inside((n.start, end)) {
                continue;
            }
            // Within tolerance up to a relative 1e-9, so 0.1 + 0.2 written as 0.3 is equal.
            let close = equals
                .is_none_or(|e| (n.value - e).abs() <= tolerance + 1e-9 * e.abs().max(1.0))
                && min.is_none_or(|m| n.value >= m)
                && max.is_none_or(|m| n.value <= m);
            let unit_ok = units.is_empty() || n.unit.as_ref().is_some_and(|u| units.contains(u));
            match (close, unit_ok) {
                (true, true) => spans.push(ctx.span((n.start, end))),
                (true, false) => best = best.max(0.75),
                (false, true) => best = best.max(0.5),
                (false, false) => {}
            }
        }
        let found = spans.len() as f64;
        let need = f64::from(min_count);
        let mut outcome = Outcome::verdict(found >= need, (found + best) / need, found);
        outcome.spans = spans;
        outcome
    }

    fn reads(&self, reads: &mut Reads) {
        reads.numbers = true;
    }
}
