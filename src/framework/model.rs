//! The framework format: competencies linked by `parent` (part of) and `prerequisites`
//! (learned before), and the rule by which children's mastery rolls up to a parent.
//!
//! Built only after `framework::parse` has walked the JSON and found nothing wrong, so the
//! types may assume every reference resolves and the links have no cycle.

use crate::rubric::model::Scale;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A set of competencies with parent and prerequisite links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The scale estimates are on: labels rolled-up values and sets the mastery threshold
    /// that the `average` rule and recommendations compare with (default 1–4, mastery 3).
    #[serde(default)]
    pub scale: Scale,
    /// How a parent's mastery follows from its children's (default `allChildren`).
    #[serde(default)]
    pub rollup: Rollup,
    pub competencies: Vec<Competency>,
}

/// One competency of a framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The competency this one is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Competencies to master before this one.
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// Overrides the framework's roll-up rule for this competency's children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup: Option<Rollup>,
    /// Where the competency is published (a CASE item's `uri`, for instance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// How mastery rolls up from children to their parent. A parent's `value` is always the
/// mean of its assessed children's values; the rule decides only whether it is `mastered`.
/// Evidence recorded on the parent itself counts as one more child.
///
/// - `"allChildren"`: every child is mastered (a child without evidence is not).
/// - `{"atLeast": n}`: at least `n` children are mastered.
/// - `"average"`: every child has evidence and the mean of their values reaches the
///   scale's mastery level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rollup {
    #[default]
    AllChildren,
    AtLeast(u32),
    Average,
}

/// The rule names accepted as plain strings.
pub const ROLLUP_NAMES: [&str; 2] = ["allChildren", "average"];

impl Rollup {
    /// Reads the JSON form; `None` when it is not one (the parser reports why).
    pub fn from_json(value: &Value) -> Option<Rollup> {
        match value {
            Value::String(s) if s == "allChildren" => Some(Rollup::AllChildren),
            Value::String(s) if s == "average" => Some(Rollup::Average),
            Value::Object(map) if map.len() == 1 => {
                let n = map.get("atLeast")?.as_u64()?;
                (n >= 1).then(|| Rollup::AtLeast(u32::try_from(n).unwrap_or(u32::MAX)))
            }
            _ => None,
        }
    }

    pub fn to_json(self) -> Value {
        match self {
            Rollup::AllChildren => json!("allChildren"),
            Rollup::Average => json!("average"),
            Rollup::AtLeast(n) => json!({ "atLeast": n }),
        }
    }
}

impl Serialize for Rollup {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Rollup {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rollup".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How mastery rolls up from children to their parent.",
            "oneOf": [
                {"type": "string", "enum": ROLLUP_NAMES},
                {"type": "object", "properties": {"atLeast": {"type": "integer", "minimum": 1}},
                 "required": ["atLeast"], "additionalProperties": false}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Rollup {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Rollup::from_json(&value).ok_or_else(|| {
            serde::de::Error::custom("expected \"allChildren\", \"average\" or {\"atLeast\": n}")
        })
    }
}

impl Framework {
    /// The competency with this id.
    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id == id)
    }

    /// Ids of the competencies whose parent is `id`, in document order.
    pub fn children_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.competencies
            .iter()
            .filter(move |c| c.parent.as_deref() == Some(id))
            .map(|c| c.id.as_str())
    }

    /// Whether any competency names `id` as its parent.
    pub fn has_children(&self, id: &str) -> bool {
        self.children_of(id).next().is_some()
    }

    /// The roll-up rule that applies to `id`'s children.
    pub fn rollup_of(&self, id: &str) -> Rollup {
        self.competency(id).and_then(|c| c.rollup).unwrap_or(self.rollup)
    }

    /// Prerequisites of `id` and of every competency it is part of: a competency inside
    /// a cluster needs what the cluster needs. Without duplicates, nearest first.
    pub fn effective_prerequisites(&self, id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut current = self.competency(id);
        let mut steps = 0;
        // The step bound guards against a parent cycle in a framework built by hand.
        while let Some(c) = current {
            for p in &c.prerequisites {
                if !out.contains(&p.as_str()) {
                    out.push(p.as_str());
                }
            }
            steps += 1;
            if steps > self.competencies.len() {
                break;
            }
            current = c.parent.as_deref().and_then(|p| self.competency(p));
        }
        out
    }
}
