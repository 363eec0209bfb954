//! Suggested rubric edits, and applying one to a rubric's JSON.
//!
//! An edit is small and names what it changes by ids (`{"op": "addPhrase", "criterion":
//! "osmosis", "indicator": "osmosis", "phrase": "diffusion of water", "locale": "en"}`), so
//! a teacher can read it, and accepting it changes the rubric JSON and nothing else. Applied to
//! rubric *text*, only the changed list or number is rewritten: the teacher's layout, key
//! order and every other byte stay as they were.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// One edit of a rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Edit {
    /// Add a phrase to a `phrases` check's `anyOf` (the locale's list when it is per locale).
    /// `part` names the check inside an `any` check (`checks[part]`).
    #[serde(rename_all = "camelCase")]
    AddPhrase {
        criterion: String,
        indicator: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<usize>,
        phrase: String,
        locale: String,
    },
    /// Remove a phrase from a `phrases` check's `anyOf`.
    #[serde(rename_all = "camelCase")]
    RemovePhrase {
        criterion: String,
        indicator: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<usize>,
        phrase: String,
        locale: String,
    },
    /// Change how many of the named indicators an `atLeast` check needs (a cut point).
    #[serde(rename_all = "camelCase")]
    SetAtLeast { criterion: String, indicator: String, from: u32, n: u32 },
}

impl Edit {
    pub fn criterion(&self) -> &str {
        match self {
            Edit::AddPhrase { criterion, .. }
            | Edit::RemovePhrase { criterion, .. }
            | Edit::SetAtLeast { criterion, .. } => criterion,
        }
    }

    /// The check of an `any` the edit is in (`None`: the indicator's check itself).
    pub fn part(&self) -> Option<usize> {
        match self {
            Edit::AddPhrase { part, .. } | Edit::RemovePhrase { part, .. } => *part,
            Edit::SetAtLeast { .. } => None,
        }
    }

    pub fn indicator(&self) -> &str {
        match self {
            Edit::AddPhrase { indicator, .. }
            | Edit::RemovePhrase { indicator, .. }
            | Edit::SetAtLeast { indicator, .. } => indicator,
        }
    }
}

/// Where the edit lands: the indices of the criterion and the indicator, checked.
fn locate(rubric: &Value, edit: &Edit) -> Result<(usize, usize), Error> {
    let fail = |path: String, message: String| Error::at("edit", path, message);
    let criteria = rubric
        .get("criteria")
        .and_then(Value::as_array)
        .ok_or_else(|| fail("criteria".into(), "the rubric has no criteria list".into()))?;
    let c = criteria
        .iter()
        .position(|c| c.get("id").and_then(Value::as_str) == Some(edit.criterion()))
        .ok_or_else(|| {
            fail("criterion".into(), format!("no criterion `{}` in the rubric", edit.criterion()))
        })?;
    let indicators = criteria[c].get("indicators").and_then(Value::as_array);
    let i = indicators
        .and_then(|list| {
            list.iter().position(|i| i.get("id").and_then(Value::as_str) == Some(edit.indicator()))
        })
        .ok_or_else(|| {
            fail(
                "indicator".into(),
                format!("no indicator `{}` in criterion `{}`", edit.indicator(), edit.criterion()),
            )
        })?;
    Ok((c, i))
}

/// The check an edit changes, with its path for messages.
fn check_of(rubric: &Value, c: usize, i: usize) -> (&Value, String) {
    (
        &rubric["criteria"][c]["indicators"][i]["check"],
        format!("criteria[{c}].indicators[{i}].check"),
    )
}

/// Applies an edit to a rubric as a JSON value (JavaScript objects).
pub fn apply_to_value(rubric: &Value, edit: &Edit) -> Result<Value, Error> {
    let (c, i) = locate(rubric, edit)?;
    let default_locale = rubric.get("locale").and_then(Value::as_str).unwrap_or("en").to_string();
    let mut out = rubric.clone();
    let mut path = check_of(rubric, c, i).1;
    let mut check = &mut out["criteria"][c]["indicators"][i]["check"];
    if let Some(j) = edit.part() {
        if check.get("type").and_then(Value::as_str) != Some("any")
            || check["checks"].get(j).is_none()
        {
            return Err(Error::at("edit", path, format!("no check {j} in an `any` check here")));
        }
        path = format!("{path}.checks[{j}]");
        check = &mut check["checks"][j];
    }
    match edit {
        Edit::AddPhrase { phrase, locale, .. } | Edit::RemovePhrase { phrase, locale, .. } => {
            let list = phrase_list_mut(check, locale, &default_locale, &path)?;
            let at = list.iter().position(|p| p.as_str() == Some(phrase));
            match (edit, at) {
                (Edit::AddPhrase { .. }, None) => list.push(Value::String(phrase.clone())),
                (Edit::AddPhrase { .. }, Some(_)) => {}
                (_, Some(k)) => {
                    if list.len() == 1 {
                        return Err(Error::at(
                            "edit",
                            format!("{path}.anyOf"),
                            format!(
                                "`{phrase}` is the only phrase left; edit the indicator instead"
                            ),
                        ));
                    }
                    list.remove(k);
                }
                (_, None) => {
                    return Err(Error::at(
                        "edit",
                        format!("{path}.anyOf"),
                        format!("no phrase `{phrase}` to remove"),
                    ))
                }
            }
        }
        Edit::SetAtLeast { n, .. } => {
            if check.get("type").and_then(Value::as_str) != Some("atLeast") {
                return Err(Error::at("edit", path, "not an `atLeast` check"));
            }
            check["n"] = Value::from(*n);
        }
    }
    Ok(out)
}

fn phrase_list_mut<'v>(
    check: &'v mut Value,
    locale: &str,
    default_locale: &str,
    path: &str,
) -> Result<&'v mut Vec<Value>, Error> {
    if check.get("type").and_then(Value::as_str) != Some("phrases") {
        return Err(Error::at("edit", path, "not a `phrases` check"));
    }
    let any_of = check
        .get_mut("anyOf")
        .ok_or_else(|| Error::at("edit", format!("{path}.anyOf"), "the check has no `anyOf`"))?;
    if any_of.is_array() {
        if locale != default_locale {
            return Err(Error::at(
                "edit",
                format!("{path}.anyOf"),
                format!("the phrases are one list in `{default_locale}`, not `{locale}`"),
            ));
        }
        return Ok(any_of.as_array_mut().expect("an array"));
    }
    let map = any_of
        .as_object_mut()
        .ok_or_else(|| Error::at("edit", format!("{path}.anyOf"), "expected a list of phrases"))?;
    let list = map.entry(locale.to_string()).or_insert_with(|| Value::Array(Vec::new()));
    list.as_array_mut()
        .ok_or_else(|| Error::at("edit", format!("{path}.anyOf.{locale}"), "expected a list"))
}

/// Applies an edit to rubric JSON text, rewriting only the list or number it changes.
pub fn apply_to_text(text: &str, edit: &Edit) -> Result<String, Error> {
    let value = crate::json::parse_document(text)?;
    // Checked (and the result computed) on the value first: the text edit below only
    // re-expresses it.
    let edited = apply_to_value(&value, edit)?;
    let (c, i) = locate(&value, edit)?;
    let tree = Node::parse(text).ok_or_else(|| Error::at("edit", "", "not valid JSON"))?;
    let check = tree
        .get("criteria")
        .and_then(|n| n.at(c))
        .and_then(|n| n.get("indicators"))
        .and_then(|n| n.at(i))
        .and_then(|n| n.get("check"))
        .and_then(|n| match edit.part() {
            Some(j) => n.get("checks").and_then(|n| n.at(j)),
            None => Some(n),
        })
        .ok_or_else(|| Error::at("edit", "", "the check was not found in the text"))?;
    let new_check = &edited["criteria"][c]["indicators"][i]["check"];
    let new_check = match edit.part() {
        Some(j) => &new_check["checks"][j],
        None => new_check,
    };
    let (target, replacement) = match edit {
        Edit::SetAtLeast { n, .. } => {
            let node = check.get("n").ok_or_else(|| Error::at("edit", "n", "no `n`"))?;
            (node.span, n.to_string())
        }
        Edit::AddPhrase { .. } | Edit::RemovePhrase { .. } => {
            let any_of =
                check.get("anyOf").ok_or_else(|| Error::at("edit", "anyOf", "no anyOf"))?;
            match &any_of.kind {
                Kind::Array(_) => (any_of.span, inline_list(&new_check["anyOf"])),
                Kind::Object(_) => {
                    let locale = match edit {
                        Edit::AddPhrase { locale, .. } | Edit::RemovePhrase { locale, .. } => {
                            locale
                        }
                        Edit::SetAtLeast { .. } => unreachable!(),
                    };
                    match any_of.get(locale) {
                        Some(list) => (list.span, inline_list(&new_check["anyOf"][locale])),
                        None => {
                            // A new locale's list goes first in the object.
                            let at = any_of.span.0 + 1;
                            let entry = format!(
                                "{}: {}, ",
                                Value::String(locale.clone()),
                                inline_list(&new_check["anyOf"][locale])
                            );
                            ((at, at), entry)
                        }
                    }
                }
                Kind::Scalar => return Err(Error::at("edit", "anyOf", "expected a list")),
            }
        }
    };
    let mut out = String::with_capacity(text.len() + replacement.len());
    out.push_str(&text[..target.0]);
    out.push_str(&replacement);
    out.push_str(&text[target.1..]);
    Ok(out)
}

/// A list of strings on one line: `["a", "b"]`.
fn inline_list(value: &Value) -> String {
    let items: Vec<String> = value
        .as_array()
        .map(|a| a.iter().map(|v| serde_json::to_string(v).unwrap_or_default()).collect())
        .unwrap_or_default();
    format!("[{}]", items.join(", "))
}

/// Just enough of a JSON parser to know where each value is in the text (byte offsets).
struct Node {
    span: (usize, usize),
    kind: Kind,
}

enum Kind {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar,
}

impl Node {
    fn parse(text: &str) -> Option<Node> {
        let mut p = Parser { bytes: text.as_bytes(), text, at: 0 };
        p.skip_space();
        p.value()
    }

    fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, n)| n),
            _ => None,
        }
    }

    fn at(&self, index: usize) -> Option<&Node> {
        match &self.kind {
            Kind::Array(items) => items.get(index),
            _ => None,
        }
    }
}

struct Parser<'t> {
    bytes: &'t [u8],
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Option<Node> {
        let start = self.at;
        let kind = match *self.bytes.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip_space();
                    if self.bytes.get(self.at) == Some(&b'}') {
                        self.at += 1;
                        break;
                    }
                    let key_start = self.at;
                    self.string()?;
                    let key: String = serde_json::from_str(&self.text[key_start..self.at]).ok()?;
                    self.skip_space();
                    (self.bytes.get(self.at) == Some(&b':')).then_some(())?;
                    self.at += 1;
                    self.skip_space();
                    entries.push((key, self.value()?));
                    self.skip_space();
                    match self.bytes.get(self.at)? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                Kind::Object(entries)
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.bytes.get(self.at) == Some(&b']') {
                        self.at += 1;
                        break;
                    }
                    items.push(self.value()?);
                    self.skip_space();
                    match self.bytes.get(self.at)? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                Kind::Array(items)
            }
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            _ => {
                while self.at < self.bytes.len()
                    && !matches!(self.bytes[self.at], b',' | b']' | b'}')
                    && !self.bytes[self.at].is_ascii_whitespace()
                {
                    self.at += 1;
                }
                (self.at > start).then_some(())?;
                Kind::Scalar
            }
        };
        Some(Node { span: (start, self.at), kind })
    }

    fn string(&mut self) -> Option<()> {
        (self.bytes.get(self.at) == Some(&b'"')).then_some(())?;
        self.at += 1;
        loop {
            match *self.bytes.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUBRIC: &str = r#"{
  "id": "r", "title": "T", "locale": "en",
  "criteria": [ { "id": "c", "title": "C",
    "levels": [ {"value": 1, "descriptor": "d"}, {"value": 2, "descriptor": "e", "requires": ["two"]} ],
    "indicators": [
      {"id": "a", "check": {"type": "phrases", "anyOf": ["osmosis", "water \"moves\""]}},
      {"id": "b", "check": {"type": "phrases", "anyOf": {"en": ["pump"], "es": ["bomba"]}}},
      {"id": "two", "check": {"type": "atLeast", "n": 2, "of": ["a", "b"]}}
    ] } ]
}"#;

    fn add(indicator: &str, phrase: &str, locale: &str) -> Edit {
        Edit::AddPhrase {
            criterion: "c".into(),
            indicator: indicator.into(),
            part: None,
            phrase: phrase.into(),
            locale: locale.into(),
        }
    }

    #[test]
    fn adding_a_phrase_rewrites_only_its_list() {
        let out = apply_to_text(RUBRIC, &add("a", "diffusion of water", "en")).unwrap();
        // Worked by hand: the one list gets the phrase at its end, on one line; nothing else moves.
        let expected = RUBRIC.replace(
            r#"["osmosis", "water \"moves\""]"#,
            r#"["osmosis", "water \"moves\"", "diffusion of water"]"#,
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn a_per_locale_list_gets_the_phrase_of_its_locale() {
        let out = apply_to_text(RUBRIC, &add("b", "bombas", "es")).unwrap();
        assert_eq!(out, RUBRIC.replace(r#"["bomba"]"#, r#"["bomba", "bombas"]"#));
        let out = apply_to_text(RUBRIC, &add("b", "pompe", "fr")).unwrap();
        assert_eq!(
            out,
            RUBRIC.replace(r#"{"en": ["pump"]"#, r#"{"fr": ["pompe"], "en": ["pump"]"#)
        );
    }

    #[test]
    fn removing_a_phrase_and_moving_a_cut_point() {
        let remove = Edit::RemovePhrase {
            criterion: "c".into(),
            indicator: "a".into(),
            part: None,
            phrase: "osmosis".into(),
            locale: "en".into(),
        };
        let out = apply_to_text(RUBRIC, &remove).unwrap();
        assert_eq!(out, RUBRIC.replace(r#"["osmosis", "water"#, r#"["water"#));
        let cut =
            Edit::SetAtLeast { criterion: "c".into(), indicator: "two".into(), from: 2, n: 1 };
        let out = apply_to_text(RUBRIC, &cut).unwrap();
        assert_eq!(out, RUBRIC.replace(r#""n": 2"#, r#""n": 1"#));
    }

    #[test]
    fn edits_that_do_not_fit_say_where() {
        let e = apply_to_text(RUBRIC, &add("zz", "x", "en")).unwrap_err();
        assert_eq!(e.to_string(), "indicator: no indicator `zz` in criterion `c`");
        let e = apply_to_text(RUBRIC, &add("two", "x", "en")).unwrap_err();
        assert_eq!(e.to_string(), "criteria[0].indicators[2].check: not a `phrases` check");
        let e = apply_to_text(RUBRIC, &add("a", "x", "es")).unwrap_err();
        assert!(e.to_string().contains("one list in `en`"), "{e}");
    }
}
