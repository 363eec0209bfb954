//! 1EdTech CASE 1.0 import: a CFPackage (CFDocument, CFItems, CFAssociations, CFRubrics)
//! becomes an Evident framework and Evident rubrics, with a list of everything that could
//! not be mapped, so that nothing is dropped silently.
//!
//! Mapping: a competency per CFItem, its id the item's `humanCodingScheme` (the item's
//! `identifier` when it has none, or when another item has the same code); `isChildOf` sets
//! the parent (pointing at the CFDocument means a top-level competency); `A precedes B`
//! makes A a prerequisite of B. A CFRubric becomes a rubric: its CFRubricCriteria (by
//! `position`) the criteria, each CFRubricCriterionLevel a level whose value is its rank
//! (by `score`, or by `position` when a level has no score), points its `score`, descriptor
//! its `description` (or `quality`), student wording its `feedback`; the scale's labels are
//! the levels' `quality`. CASE has no mastery level: the second-highest level is chosen
//! (the highest on a two-level scale) and the choice reported.

use crate::error::Error;
use crate::framework::{
    link_problems, parse_framework_value, reaches, Competency, Edge, Framework, Link, Rollup,
};
use crate::json::{parse_document, Walk};
use crate::rubric::model::{Rubric, Scale};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

mod rubric;

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseImport {
    pub framework: Framework,
    pub rubrics: Vec<Rubric>,
    pub unmapped: Vec<Unmapped>,
}

/// Something in the package that has no place in the result, or a choice made for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unmapped {
    /// JSON path in the package (`CFAssociations[12]`).
    pub path: String,
    /// The CASE identifier of the thing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    pub message: String,
}

/// CASE 1.0/1.1 association types; others are reported as unknown.
const ASSOCIATION_TYPES: [&str; 10] = [
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
];

pub fn import_case(text: &str) -> Result<CaseImport, Error> {
    import_case_value(&parse_document(text)?)
}

pub fn import_case_value(package: &Value) -> Result<CaseImport, Error> {
    let mut walk = Walk::new();
    let mut unmapped = Vec::new();
    let doc = check_package(&mut walk, package);
    walk.finish("CASE package")?;
    let (doc_id, title, language) = doc.unwrap_or_default();
    let mut items = Items::default();
    for (i, item) in list(package, "CFItems").iter().enumerate() {
        items.add(item, &format!("CFItems[{i}]"), &mut unmapped);
    }
    let associations = list(package, "CFAssociations");
    // Parents first, so that a `precedes` that contradicts the tree can be recognized.
    for pass in ["isChildOf", "precedes"] {
        for (k, a) in associations.iter().enumerate() {
            if text(a, "associationType") == Some(pass) {
                items.link(a, &format!("CFAssociations[{k}]"), &doc_id, &mut unmapped);
            }
        }
    }
    for (k, a) in associations.iter().enumerate() {
        let path = format!("CFAssociations[{k}]");
        let id = text(a, "identifier").map(str::to_string);
        match text(a, "associationType") {
            Some("isChildOf" | "precedes") => {}
            Some(kind) if ASSOCIATION_TYPES.contains(&kind) => {
                let message = format!(
                    "`{kind}` from {} to {} has no counterpart in an Evident framework",
                    items.describe(a, "originNodeURI"),
                    items.describe(a, "destinationNodeURI")
                );
                unmapped.push(Unmapped { path, identifier: id, message });
            }
            Some(kind) => unmapped.push(Unmapped {
                path,
                identifier: id,
                message: format!("unknown association type `{kind}`"),
            }),
            None => unmapped.push(Unmapped {
                path,
                identifier: id,
                message: "association without an `associationType`".to_string(),
            }),
        }
    }
    let names: Vec<String> = items.competencies.iter().map(|c| c.id.clone()).collect();
    debug_assert!(link_problems(&items.edges, &names).is_empty());
    let framework = Framework {
        id: doc_id,
        title,
        description: text(&package["CFDocument"], "description").map(str::to_string),
        scale: Scale::default(),
        rollup: Rollup::AllChildren,
        competencies: items.competencies.clone(),
    };
    let value = serde_json::to_value(&framework).map_err(|e| {
        Error::at("CASE package", "", format!("could not build the framework: {e}"))
    })?;
    let framework = parse_framework_value(&value)?;
    let mut rubrics = Vec::new();
    for (r, rubric) in list(package, "CFRubrics").iter().enumerate() {
        let path = format!("CFRubrics[{r}]");
        if let Some(rubric) = rubric::map_rubric(
            rubric,
            &path,
            &language,
            &items.by_identifier,
            &names,
            &mut unmapped,
        ) {
            rubrics.push(rubric);
        }
    }
    Ok(CaseImport { framework, rubrics, unmapped })
}

/// Reads the CFDocument: (identifier, title, language). Records a problem when the package
/// is not one.
fn check_package(walk: &mut Walk, package: &Value) -> Option<(String, String, String)> {
    let mut root = walk.object(package, "")?;
    let mut doc = root.object(walk, "CFDocument", true)?;
    let id = doc.text(walk, "identifier", true);
    let title = doc.text(walk, "title", true);
    let language = doc.str(walk, "language", false).unwrap_or("en");
    for key in ["CFItems", "CFAssociations", "CFRubrics"] {
        if let Some(items) = root.array(walk, key, false) {
            for (i, item) in items.iter().enumerate() {
                let path = format!("{key}[{i}]");
                if let Some(mut f) = walk.object(item, &path) {
                    f.text(walk, "identifier", true);
                }
            }
        }
    }
    Some((id?.to_string(), title?.to_string(), language.to_string()))
}

fn list<'v>(package: &'v Value, key: &str) -> &'v [Value] {
    package.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// A non-blank string field.
pub(super) fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// The competencies built so far, and how to find them by CASE identifier.
#[derive(Default)]
struct Items {
    competencies: Vec<Competency>,
    by_identifier: BTreeMap<String, usize>,
    edges: Vec<Vec<Edge>>,
}

impl Items {
    fn add(&mut self, item: &Value, path: &str, unmapped: &mut Vec<Unmapped>) {
        let Some(identifier) = text(item, "identifier") else { return };
        let mut note = |message: String| {
            unmapped.push(Unmapped {
                path: path.to_string(),
                identifier: Some(identifier.to_string()),
                message,
            })
        };
        if self.by_identifier.contains_key(identifier) {
            note("a second item with the same identifier; skipped".to_string());
            return;
        }
        let id = match text(item, "humanCodingScheme") {
            Some(code) if self.competencies.iter().any(|c| c.id == code) => {
                note(format!(
                    "another item has the code `{code}`; this one is named by its identifier"
                ));
                identifier.to_string()
            }
            Some(code) => code.to_string(),
            None => {
                note("item without a humanCodingScheme; named by its identifier".to_string());
                identifier.to_string()
            }
        };
        let full = text(item, "fullStatement");
        let (title, description) = match (text(item, "abbreviatedStatement"), full) {
            (Some(short), _) => (short.to_string(), full.map(str::to_string)),
            (None, Some(full)) => (full.to_string(), None),
            (None, None) => {
                note("item without a fullStatement; titled by its code".to_string());
                (id.clone(), None)
            }
        };
        self.by_identifier.insert(identifier.to_string(), self.competencies.len());
        self.edges.push(Vec::new());
        self.competencies.push(Competency {
            id,
            title,
            description,
            parent: None,
            prerequisites: Vec::new(),
            rollup: None,
            uri: text(item, "uri").map(str::to_string),
        });
    }

    fn node(&self, association: &Value, end: &str) -> Option<usize> {
        let node = association.get(end)?;
        self.by_identifier.get(text(node, "identifier")?).copied()
    }

    /// `CCSS.Math.Content.6.RP.A.1`, or "a node outside this package (identifier)".
    fn describe(&self, association: &Value, end: &str) -> String {
        match self.node(association, end) {
            Some(i) => format!("`{}`", self.competencies[i].id),
            None => {
                let node = association.get(end).unwrap_or(&Value::Null);
                let id = text(node, "identifier")
                    .or_else(|| text(node, "uri"))
                    .unwrap_or("no identifier");
                format!("a node outside this package ({id})")
            }
        }
    }

    /// Maps one `isChildOf` or `precedes`, or reports why not.
    fn link(&mut self, a: &Value, path: &str, doc_id: &str, unmapped: &mut Vec<Unmapped>) {
        let kind = text(a, "associationType").unwrap_or("");
        let mut skip = |message: String| {
            unmapped.push(Unmapped {
                path: path.to_string(),
                identifier: text(a, "identifier").map(str::to_string),
                message,
            })
        };
        let destination = a.get("destinationNodeURI").and_then(|d| text(d, "identifier"));
        let (Some(origin), Some(target)) =
            (self.node(a, "originNodeURI"), self.node(a, "destinationNodeURI"))
        else {
            if kind == "isChildOf"
                && destination == Some(doc_id)
                && self.node(a, "originNodeURI").is_some()
            {
                return; // a top-level item: no parent
            }
            skip(format!(
                "`{kind}` from {} to {}: only links between items of this package are mapped",
                self.describe(a, "originNodeURI"),
                self.describe(a, "destinationNodeURI")
            ));
            return;
        };
        let (from, to, link) = match kind {
            "isChildOf" => (origin, target, Link::PartOf),
            _ => (target, origin, Link::Requires), // A precedes B: B requires A
        };
        let (from_id, to_id) =
            (self.competencies[from].id.clone(), self.competencies[to].id.clone());
        if reaches(&self.edges, to, from) {
            let (a, b) = (&self.competencies[origin].id, &self.competencies[target].id);
            skip(format!("`{a}` {kind} `{b}`: this would close a cycle; skipped"));
            return;
        }
        match link {
            Link::PartOf => {
                if let Some(parent) = &self.competencies[from].parent {
                    skip(format!("`{from_id}` already has the parent `{parent}`; an Evident competency has one parent"));
                    return;
                }
                self.competencies[from].parent = Some(to_id);
            }
            Link::Requires => {
                if self.is_ancestor(to, from) {
                    skip(format!(
                        "`{from_id}` is part of `{to_id}` and cannot require it; skipped"
                    ));
                    return;
                }
                if self.competencies[from].prerequisites.contains(&to_id) {
                    skip(format!("`{to_id}` already precedes `{from_id}`"));
                    return;
                }
                self.competencies[from].prerequisites.push(to_id);
            }
        }
        self.edges[from].push(Edge { to, link, path: path.to_string() });
    }

    fn is_ancestor(&self, ancestor: usize, of: usize) -> bool {
        let mut current = of;
        for _ in 0..self.competencies.len() {
            match self.edges[current].iter().find(|e| e.link == Link::PartOf) {
                Some(e) if e.to == ancestor => return true,
                Some(e) => current = e.to,
                None => return false,
            }
        }
        false
    }
}
