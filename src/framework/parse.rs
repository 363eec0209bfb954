//! Framework parsing: walk the JSON once, record every problem with its path (duplicate ids,
//! references to competencies that do not exist, cycles in the links), then build.

use super::graph::{find_cycles, Edge, Link};
use super::model::{Framework, Rollup, ROLLUP_NAMES};
use crate::error::{Error, Problem};
use crate::json::{did_you_mean, parse_document, Fields, Walk};
use serde_json::Value;
use std::collections::BTreeMap;

/// Parses and validates a framework from JSON text.
pub fn parse_framework(text: &str) -> Result<Framework, Error> {
    parse_framework_value(&parse_document(text)?)
}

/// Validates a framework already parsed as JSON, reporting every problem found.
pub fn parse_framework_value(value: &Value) -> Result<Framework, Error> {
    let mut walk = Walk::new();
    walk_framework(&mut walk, value);
    walk.finish("framework")?;
    serde_json::from_value(value.clone())
        .map_err(|e| Error::at("framework", "", format!("could not build the framework: {e}")))
}

/// A reference from one competency to another, to resolve once every id is known.
struct Reference {
    from: usize,
    id: String,
    link: Link,
    path: String,
}

fn walk_framework(walk: &mut Walk, value: &Value) {
    let Some(mut root) = walk.object(value, "") else { return };
    root.text(walk, "id", true);
    root.text(walk, "title", true);
    root.str(walk, "description", false);
    let rollup_path = root.path_of("rollup");
    if let Some(rule) = root.get("rollup") {
        walk_rollup(walk, rule, &rollup_path);
    }
    if let Some(scale) = root.object(walk, "scale", false) {
        walk_scale(walk, scale);
    }
    let mut ids: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut references: Vec<Reference> = Vec::new();
    if let Some(competencies) = root.array(walk, "competencies", true) {
        let base = root.path_of("competencies");
        if competencies.is_empty() {
            walk.problem(&base, "a framework needs at least one competency");
        }
        for (i, item) in competencies.iter().enumerate() {
            let path = format!("{base}[{i}]");
            let id = walk
                .object(item, &path)
                .and_then(|f| walk_competency(walk, f, i, &mut ids, &mut references));
            names.push(id.unwrap_or_default());
        }
    }
    root.finish(walk);

    let mut edges: Vec<Vec<Edge>> = vec![Vec::new(); names.len()];
    for reference in references {
        match ids.get(&reference.id) {
            Some(&(to, _)) => {
                edges[reference.from].push(Edge { to, link: reference.link, path: reference.path })
            }
            None => {
                let message = match did_you_mean(&reference.id, ids.keys().map(String::as_str)) {
                    Some(close) => {
                        format!("unknown competency `{}`; did you mean `{close}`?", reference.id)
                    }
                    None => format!("unknown competency `{}`", reference.id),
                };
                walk.problem(reference.path, message);
            }
        }
    }
    for problem in link_problems(&edges, &names) {
        walk.problem(problem.path, problem.message);
    }
}

/// Cycles, and competencies that require one of the competencies they are part of.
pub(crate) fn link_problems(edges: &[Vec<Edge>], names: &[String]) -> Vec<Problem> {
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut problems: Vec<Problem> =
        find_cycles(edges).iter().map(|c| Problem::new(&c.path, c.describe(&refs))).collect();
    // Requiring an ancestor is no cycle in the link graph, but the ancestor's mastery
    // rolls up from this competency, which could then never be ready.
    for (from, out) in edges.iter().enumerate() {
        for edge in out.iter().filter(|e| e.link == Link::Requires) {
            if is_ancestor(edges, edge.to, from) {
                problems.push(Problem::new(
                    &edge.path,
                    format!(
                        "`{}` is part of `{}` and cannot require it: `{}` is mastered through its parts",
                        refs[from], refs[edge.to], refs[edge.to]
                    ),
                ));
            }
        }
    }
    problems
}

fn is_ancestor(edges: &[Vec<Edge>], ancestor: usize, of: usize) -> bool {
    let mut current = of;
    for _ in 0..edges.len() {
        match edges[current].iter().find(|e| e.link == Link::PartOf) {
            Some(e) if e.to == ancestor => return true,
            Some(e) => current = e.to,
            None => return false,
        }
    }
    false
}

fn walk_competency(
    walk: &mut Walk,
    mut f: Fields,
    index: usize,
    ids: &mut BTreeMap<String, (usize, String)>,
    references: &mut Vec<Reference>,
) -> Option<String> {
    let id = f.text(walk, "id", true).map(str::to_string);
    if let Some(id) = &id {
        let path = f.path_of("id");
        if let Some((_, first)) = ids.get(id) {
            walk.problem(&path, format!("duplicate competency id `{id}` (first used at {first})"));
        } else {
            ids.insert(id.clone(), (index, path));
        }
    }
    f.text(walk, "title", true);
    f.str(walk, "description", false);
    f.text(walk, "uri", false);
    if let Some(parent) = f.text(walk, "parent", false) {
        references.push(Reference {
            from: index,
            id: parent.to_string(),
            link: Link::PartOf,
            path: f.path_of("parent"),
        });
    }
    if let Some(prerequisites) = f.strings(walk, "prerequisites", false) {
        let mut seen: Vec<&str> = Vec::new();
        for (path, p) in prerequisites {
            if seen.contains(&p) {
                walk.problem(&path, format!("`{p}` is listed twice"));
                continue;
            }
            seen.push(p);
            references.push(Reference {
                from: index,
                id: p.to_string(),
                link: Link::Requires,
                path,
            });
        }
    }
    let rollup_path = f.path_of("rollup");
    if let Some(rule) = f.get("rollup") {
        walk_rollup(walk, rule, &rollup_path);
    }
    f.finish(walk);
    id
}

fn walk_rollup(walk: &mut Walk, rule: &Value, path: &str) {
    if Rollup::from_json(rule).is_some() {
        return;
    }
    match rule {
        Value::String(name) => {
            let message = match did_you_mean(name, ROLLUP_NAMES) {
                Some(close) => format!("unknown roll-up rule `{name}`; did you mean `{close}`?"),
                None => format!("unknown roll-up rule `{name}`; expected \"allChildren\", \"average\" or {{\"atLeast\": n}}"),
            };
            walk.problem(path, message);
        }
        Value::Object(_) => {
            let Some(mut f) = walk.object(rule, path) else { return };
            f.count(walk, "atLeast", true, 1);
            f.finish(walk);
        }
        other => walk.expected(path, "\"allChildren\", \"average\" or {\"atLeast\": n}", other),
    }
}

/// The same checks as a rubric's scale: at least two levels going up, mastery one of them.
fn walk_scale(walk: &mut Walk, mut f: Fields) {
    let mut values: Vec<f64> = Vec::new();
    if let Some(levels) = f.array(walk, "levels", true) {
        let base = f.path_of("levels");
        if levels.len() < 2 {
            walk.problem(&base, "a scale needs at least two levels");
        }
        for (i, level) in levels.iter().enumerate() {
            let path = format!("{base}[{i}]");
            let Some(mut lf) = walk.object(level, &path) else { continue };
            let value = lf.number(walk, "value", true);
            lf.text(walk, "label", true);
            lf.finish(walk);
            if let Some(v) = value {
                if values.last().is_some_and(|&prev| v <= prev) {
                    walk.problem(
                        format!("{path}.value"),
                        format!(
                            "scale levels must go up: {v} comes after {}",
                            values[values.len() - 1]
                        ),
                    );
                }
                values.push(v);
            }
        }
    }
    if let Some(m) = f.number(walk, "mastery", true) {
        if !values.is_empty() && !values.contains(&m) {
            let list: Vec<String> = values.iter().map(f64::to_string).collect();
            walk.problem(
                f.path_of("mastery"),
                format!("{m} is not a level of the scale ({})", list.join(", ")),
            );
        }
    }
    f.finish(walk);
}
