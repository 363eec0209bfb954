//! `rating`: a human rating of the criterion (by the teacher, the student, or a peer) of at
//! least `min`.

use super::{fields, CheckRefs, CheckType};
use crate::evidence::outcome::Context;
use crate::evidence::{node, Compiler, Evaluate, Node, Outcome, Reads};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::{number, rater, Built};
use crate::rubric::model::Rater;
use crate::rubric::parse::unknown_word;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

// No doc comment: it would become the schema's description of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(inline))]
pub struct Rating {
    pub from: Rater,
    pub min: f64,
}

impl CheckType for Rating {
    #[inline(always)]
    fn walk(walk: &mut Walk, f: &mut Fields, _refs: &mut CheckRefs) {
        if let Some(from) = f.str(walk, "from", true) {
            if !["teacher", "self", "peer"].contains(&from) {
                walk.problem(
                    f.path_of("from"),
                    unknown_word("rater", from, &["teacher", "self", "peer"]),
                );
            }
        }
        f.number(walk, "min", true);
    }

    #[inline(always)]
    fn build(value: &Value) -> Built<Self> {
        let mut check = Rating { from: Rater::default(), min: 0.0 };
        for (key, v) in fields(value) {
            match key.as_str() {
                "from" => check.from = rater(v)?,
                "min" => check.min = number(v),
                _ => {}
            }
        }
        Ok(check)
    }

    #[inline(always)]
    fn compile(&self, _c: &mut Compiler, _field: usize, _path: &str) -> Node {
        node(self.clone())
    }

    #[inline(always)]
    fn action(&self, a: &Action) -> String {
        let key = match self.from {
            Rater::Teacher => Key::StepRatingTeacher,
            Rater::Peer => Key::StepRatingPeer,
            Rater::SelfRating => Key::StepRatingSelf,
        };
        a.say(key, &[a.criterion()])
    }

    fn strength(&self) -> Option<Key> {
        None
    }
}

impl Evaluate for Rating {
    fn run(&self, ctx: &Context) -> Outcome {
        let best = ctx
            .submission
            .ratings
            .get(ctx.criterion)
            .into_iter()
            .flat_map(|r| r.all())
            .filter(|r| r.by == self.from)
            .map(|r| r.value)
            .fold(f64::NEG_INFINITY, f64::max);
        Outcome::verdict(best >= self.min, 0.0, if best.is_finite() { best } else { 0.0 })
    }

    fn reads(&self, _reads: &mut Reads) {}

    fn reads_text(&self) -> bool {
        false
    }
}
