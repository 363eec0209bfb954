//! A walker over `serde_json::Value` that records every problem with its JSON path.

use crate::error::{Error, Problem};
use serde_json::{Map, Value};

/// Parses JSON text; a syntax error names its line and column. A leading byte order mark
/// (which some editors on Windows write) is skipped.
pub fn parse_document(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        Error::Syntax(Problem::new(
            "",
            format!(
                "not valid JSON at line {} column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ),
        ))
    })
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// The JSON path of `key` inside the object at `path`.
pub fn key_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        // Quoted as JSON quotes it (serializing a `&str` cannot fail).
        (_, false) => format!("{path}[{}]", serde_json::to_string(key).unwrap_or_default()),
    }
}

/// The JSON path of item `index` of the array at `path`.
pub fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// What a JSON value is, in words, for "expected X, found Y".
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Collects the problems found during one walk over a document.
#[derive(Debug, Default)]
pub struct Walk {
    problems: Vec<Problem>,
}

impl Walk {
    pub fn new() -> Self {
        Walk::default()
    }

    pub fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    pub fn expected(&mut self, path: &str, what: &str, found: &Value) {
        self.problem(path, format!("expected {what}, found {}", kind_of(found)));
    }

    /// Opens `value` as an object, or records that it is not one.
    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<Fields<'v>> {
        match value {
            Value::Object(map) => Some(Fields { map, path: path.to_string(), known: Vec::new() }),
            other => {
                self.expected(path, "an object", other);
                None
            }
        }
    }

    /// Ends the walk: `Ok` when nothing was found wrong.
    pub fn finish(self, what: &'static str) -> Result<(), Error> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid(what, self.problems))
        }
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

/// The keys of one JSON object, read one by one; `finish` reports the keys nobody asked for.
#[derive(Debug)]
pub struct Fields<'v> {
    map: &'v Map<String, Value>,
    path: String,
    known: Vec<&'static str>,
}

impl<'v> Fields<'v> {
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn path_of(&self, key: &str) -> String {
        key_path(&self.path, key)
    }

    /// The raw value of `key`, marking the key as known. `null` counts as absent.
    pub fn get(&mut self, key: &'static str) -> Option<&'v Value> {
        self.known.push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(
        &mut self,
        walk: &mut Walk,
        key: &'static str,
        needed: bool,
        what: &str,
    ) -> Option<&'v Value> {
        let value = self.get(key);
        if value.is_none() && needed {
            walk.problem(self.path_of(key), format!("missing: expected {what}"));
        }
        value
    }

    pub fn str(&mut self, walk: &mut Walk, key: &'static str, needed: bool) -> Option<&'v str> {
        match self.required(walk, key, needed, "a string")? {
            Value::String(s) => Some(s.as_str()),
            other => {
                walk.expected(&self.path_of(key), "a string", other);
                None
            }
        }
    }

    /// A string that must not be empty or blank.
    pub fn text(&mut self, walk: &mut Walk, key: &'static str, needed: bool) -> Option<&'v str> {
        let s = self.str(walk, key, needed)?;
        if s.trim().is_empty() {
            walk.problem(self.path_of(key), "must not be empty");
            return None;
        }
        Some(s)
    }

    pub fn number(&mut self, walk: &mut Walk, key: &'static str, needed: bool) -> Option<f64> {
        match self.required(walk, key, needed, "a number")? {
            Value::Number(n) => n.as_f64(),
            other => {
                walk.expected(&self.path_of(key), "a number", other);
                None
            }
        }
    }

    /// A whole number of at least `min`.
    pub fn count(
        &mut self,
        walk: &mut Walk,
        key: &'static str,
        needed: bool,
        min: u64,
    ) -> Option<u64> {
        let value = self.required(walk, key, needed, "a whole number")?;
        match value.as_u64() {
            Some(n) if n >= min => Some(n),
            Some(_) => {
                walk.problem(self.path_of(key), format!("must be at least {min}"));
                None
            }
            None => {
                walk.expected(
                    &self.path_of(key),
                    &format!("a whole number of at least {min}"),
                    value,
                );
                None
            }
        }
    }

    pub fn bool(&mut self, walk: &mut Walk, key: &'static str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                walk.expected(&self.path_of(key), "true or false", other);
                None
            }
        }
    }

    pub fn array(
        &mut self,
        walk: &mut Walk,
        key: &'static str,
        needed: bool,
    ) -> Option<&'v [Value]> {
        match self.required(walk, key, needed, "a list")? {
            Value::Array(items) => Some(items.as_slice()),
            other => {
                walk.expected(&self.path_of(key), "a list", other);
                None
            }
        }
    }

    /// A list of strings; each non-string item is reported and skipped.
    pub fn strings(
        &mut self,
        walk: &mut Walk,
        key: &'static str,
        needed: bool,
    ) -> Option<Vec<(String, &'v str)>> {
        let items = self.array(walk, key, needed)?;
        let base = self.path_of(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push((index_path(&base, i), s.as_str())),
                other => walk.expected(&index_path(&base, i), "a string", other),
            }
        }
        Some(out)
    }

    pub fn object(
        &mut self,
        walk: &mut Walk,
        key: &'static str,
        needed: bool,
    ) -> Option<Fields<'v>> {
        let value = self.required(walk, key, needed, "an object")?;
        walk.object(value, &self.path_of(key))
    }

    /// Every key and value, for objects keyed by ids (`responses`, `ratings`).
    pub fn entries(&self) -> impl Iterator<Item = (&'v String, &'v Value)> {
        self.map.iter()
    }

    /// Reports each key that was never read, suggesting the known key it most resembles.
    pub fn finish(self, walk: &mut Walk) {
        for key in self.map.keys() {
            if self.known.iter().any(|k| k == key) {
                continue;
            }
            let message = match crate::json::did_you_mean(key, self.known.iter().copied()) {
                Some(close) => format!("unknown field; did you mean `{close}`?"),
                None => format!("unknown field; expected one of: {}", self.known.join(", ")),
            };
            walk.problem(self.path_of(key), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_quote_keys_that_are_not_plain() {
        assert_eq!(key_path("", "criteria"), "criteria");
        assert_eq!(key_path("criteria[2]", "levels"), "criteria[2].levels");
        assert_eq!(key_path("ratings", "my claim"), "ratings[\"my claim\"]");
        // Quotes and backslashes escaped as JSON escapes them.
        assert_eq!(key_path("responses", r#"a "b" \c"#), r#"responses["a \"b\" \\c"]"#);
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let doc = json!({"id": 3, "title": "", "levelz": [], "weight": "heavy"});
        let mut walk = Walk::new();
        let mut f = walk.object(&doc, "criteria[1]").unwrap();
        assert_eq!(f.str(&mut walk, "id", true), None);
        assert_eq!(f.text(&mut walk, "title", true), None);
        assert_eq!(f.array(&mut walk, "levels", true), None);
        assert_eq!(f.number(&mut walk, "weight", false), None);
        f.finish(&mut walk);
        let found: Vec<String> = walk.into_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec![
                "criteria[1].id: expected a string, found a number",
                "criteria[1].title: must not be empty",
                "criteria[1].levels: missing: expected a list",
                "criteria[1].weight: expected a number, found a string",
                "criteria[1].levelz: unknown field; did you mean `levels`?",
            ]
        );
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse_document("{\n  \"id\": \"x\",\n}").unwrap_err();
        assert!(err.to_string().starts_with("not valid JSON at line 3 column 1"), "{err}");
    }
}
