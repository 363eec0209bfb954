//! The task catalog: tasks a teacher can assign, each naming the competencies it gives
//! evidence for. Recommendations list the catalog's tasks for each competency.
//!
//! ```json
//! {"title": "Grade 7 science tasks",
//!  "tasks": [{"id": "lab-3", "title": "Plant growth lab", "competencies": ["SCI.CER.1", "SCI.CER.2"],
//!             "rubric": "cer-lab", "description": "…", "url": "https://…"}]}
//! ```

use super::model::Framework;
use crate::error::Error;
use crate::json::{did_you_mean, parse_document, Walk};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Catalog {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub title: String,
    /// Competencies the task gives evidence for.
    pub competencies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The rubric the task is scored with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Catalog {
    /// Tasks that give evidence for `competency`: the most focused first (fewest
    /// competencies), then by id.
    pub fn tasks_for(&self, competency: &str) -> Vec<&Task> {
        let mut tasks: Vec<&Task> =
            self.tasks.iter().filter(|t| t.competencies.iter().any(|c| c == competency)).collect();
        tasks.sort_by(|a, b| {
            a.competencies.len().cmp(&b.competencies.len()).then_with(|| a.id.cmp(&b.id))
        });
        tasks
    }
}

/// Parses and validates a catalog; with a framework, every competency must be one of its ids.
pub fn parse_catalog(text: &str, framework: Option<&Framework>) -> Result<Catalog, Error> {
    parse_catalog_value(&parse_document(text)?, framework)
}

pub fn parse_catalog_value(value: &Value, framework: Option<&Framework>) -> Result<Catalog, Error> {
    let mut walk = Walk::new();
    if let Some(mut root) = walk.object(value, "") {
        root.text(&mut walk, "id", false);
        root.text(&mut walk, "title", false);
        if let Some(tasks) = root.array(&mut walk, "tasks", true) {
            let base = root.path_of("tasks");
            let mut ids: BTreeMap<&str, String> = BTreeMap::new();
            for (i, task) in tasks.iter().enumerate() {
                let path = format!("{base}[{i}]");
                let Some(mut f) = walk.object(task, &path) else { continue };
                if let Some(id) = f.text(&mut walk, "id", true) {
                    match ids.get(id) {
                        Some(first) => walk.problem(
                            f.path_of("id"),
                            format!("duplicate task id `{id}` (first used at {first})"),
                        ),
                        None => {
                            ids.insert(id, f.path_of("id"));
                        }
                    }
                }
                f.text(&mut walk, "title", true);
                f.str(&mut walk, "description", false);
                f.text(&mut walk, "rubric", false);
                f.text(&mut walk, "url", false);
                if let Some(competencies) = f.strings(&mut walk, "competencies", true) {
                    if competencies.is_empty() {
                        walk.problem(
                            f.path_of("competencies"),
                            "a task needs at least one competency it gives evidence for",
                        );
                    }
                    if let Some(framework) = framework {
                        for (path, id) in competencies {
                            if framework.competency(id).is_none() {
                                let ids = framework.competencies.iter().map(|c| c.id.as_str());
                                let message = match did_you_mean(id, ids) {
                                    Some(close) => format!("`{id}` is not a competency of framework `{}`; did you mean `{close}`?", framework.id),
                                    None => format!("`{id}` is not a competency of framework `{}`", framework.id),
                                };
                                walk.problem(path, message);
                            }
                        }
                    }
                }
                f.finish(&mut walk);
            }
        }
        root.finish(&mut walk);
    }
    walk.finish("catalog")?;
    serde_json::from_value(value.clone())
        .map_err(|e| Error::at("catalog", "", format!("could not build the catalog: {e}")))
}
