//! `readability`: the answer's grade estimate (by the formula of the rubric's language)
//! within `minGrade` and `maxGrade`.

use super::{CheckRefs, CheckType};
use crate::evidence::outcome::{within, Context};
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Num, Walk};
use crate::rubric::build::{number, Built};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
#[serde(rename_all = "camelCase")]
pub struct Readability {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_grade: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_grade: Option<f64>,
}

impl CheckType for Readability {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        let present = f.get("minGrade").is_some() || f.get("maxGrade").is_some();
        let min = f.number(walk, "minGrade", false);
        let max = f.number(walk, "maxGrade", false);
        match (min, max) {
            (Some(a), Some(b)) if a > b => walk.problem(
                f.path_of("maxGrade"),
                format!("maxGrade {} is below minGrade {}", Num(b), Num(a)),
            ),
            _ if !present => {
                walk.problem(f.path_of("minGrade"), "missing: give `minGrade`, `maxGrade` or both")
            }
            _ => {}
        }
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let opt_number = |v: &Value| if v.is_null() { None } else { Some(number(v)) };
        Ok(Readability {
            min_grade: value.get("minGrade").and_then(opt_number),
            max_grade: value.get("maxGrade").and_then(opt_number),
        })
    }

    #[inline(always)]
    fn compile(&self, c: &mut Compiler, field: usize, _path: &str) -> Node {
        c.program(field).wants_syllables = true;
        node(Compiled { min: self.min_grade, max: self.max_grade })
    }

    // Below the minimum grade: richer; otherwise (above the maximum, or not measured:
    // students more often write too densely than too simply) plainer.
    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        let below = match (a.found(), self.min_grade) {
            (Some(grade), Some(min)) => grade < min,
            (None, Some(_)) => self.max_grade.is_none(),
            _ => false,
        };
        a.say(if below { Key::StepRicher } else { Key::StepSimpler }, &[])
    }

    fn strength(&self) -> Option<Key> {
        Some(Key::StrengthReadable)
    }
}

struct Compiled {
    min: Option<f64>,
    max: Option<f64>,
}

impl Evaluate for Compiled {
    fn run(&self, ctx: &Context) -> Outcome {
        if ctx.evidence.counts.words == 0 {
            return Outcome::verdict(false, 0.0, 0.0);
        }
        within(ctx.evidence.counts.grade(ctx.formula), self.min, self.max)
    }

    fn reads(&self, reads: &mut Reads) {
        reads.counts = true;
    }
}
