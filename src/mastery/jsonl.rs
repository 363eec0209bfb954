//! Evidence as JSON Lines: one record a line, in and out.
//!
//! Takes text such as
//! `{"student": "s-17", "competency": "SCI.CER.1", "value": 3, "at": "2026-11-20T10:00:00Z"}`
//! per line (blank lines are skipped); gives the records, or every problem of every line with
//! its path (`line 3: value: expected a number, found a string`). Writing gives one compact
//! JSON object per line, each ending in a newline.

use super::record::EvidenceRecord;
use super::time::instant;
use crate::error::{Error, Problem};
use crate::json::Walk;
use serde_json::Value;

/// Parses evidence JSON Lines, reporting every bad line.
pub fn parse_evidence_jsonl(text: &str) -> Result<Vec<EvidenceRecord>, Error> {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::limits::check_evidence_count(text.lines().count(), "evidence")?;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match read_line_quickly(line).map_or_else(|| read_line_slowly(i + 1, line), Ok) {
            Ok(record) => records.push(record),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Error::invalid("evidence", problems))
    }
}

/// One line the slow way: the record, or every problem of the line, each path starting
/// with `line N`.
pub(super) fn read_line_slowly(number: usize, line: &str) -> Result<EvidenceRecord, Vec<Problem>> {
    let prefix = format!("line {number}");
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Err(vec![Problem::new(
                &prefix,
                format!(
                    "not valid JSON at column {}: {}",
                    e.column(),
                    e.to_string().split(" at line ").next().unwrap_or("")
                ),
            )]);
        }
    };
    parse_record_value(&value).map_err(|e| {
        e.problems()
            .iter()
            .map(|p| Problem::new(join(&prefix, &p.path), p.message.clone()))
            .collect()
    })
}

/// Fast path for the common case of a well-formed record: serde straight into the type.
/// Anything it rejects, or that it accepts but the walker would not, gives `None`: for the
/// slow way, which names every problem of the line.
pub(super) fn read_line_quickly(line: &str) -> Option<EvidenceRecord> {
    let record = serde_json::from_str::<EvidenceRecord>(line).ok()?;
    (is_sound(&record.student, &record.competency, record.value) && instant(&record.at).is_some())
        .then_some(record)
}

/// What the walker checks beyond the types, but the date-time: non-blank ids, a finite value.
pub(super) fn is_sound(student: &str, competency: &str, value: f64) -> bool {
    !student.trim().is_empty() && !competency.trim().is_empty() && value.is_finite()
}

fn join(prefix: &str, path: &str) -> String {
    if path.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}: {path}")
    }
}

/// Validates one evidence record (paths relative to the record).
pub fn parse_record_value(value: &Value) -> Result<EvidenceRecord, Error> {
    let mut walk = Walk::new();
    if let Some(mut f) = walk.object(value, "") {
        f.text(&mut walk, "student", true);
        f.text(&mut walk, "competency", true);
        if let Some(v) = f.number(&mut walk, "value", true) {
            if !v.is_finite() {
                walk.problem(f.path_of("value"), "must be a finite number");
            }
        }
        if let Some(at) = f.str(&mut walk, "at", true) {
            if instant(at).is_none() {
                walk.problem(
                    f.path_of("at"),
                    format!("`{at}` is not a date-time like 2026-11-20T10:00:00Z"),
                );
            }
        }
        if let Some(mut source) = f.object(&mut walk, "source", false) {
            for key in ["task", "rubric", "criterion"] {
                source.str(&mut walk, key, false);
            }
            source.finish(&mut walk);
        }
        f.finish(&mut walk);
    }
    walk.finish("evidence")?;
    serde_json::from_value(value.clone())
        .map_err(|e| Error::at("evidence", "", format!("could not build the record: {e}")))
}

/// Evidence given as a JSON list of records (as a JS caller holds it); paths like `[3].value`.
pub fn parse_records_value(value: &Value) -> Result<Vec<EvidenceRecord>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::at(
            "evidence",
            "",
            format!("expected a list of evidence records, found {}", crate::json::kind_of(value)),
        ));
    };
    let mut records = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    parse_record_values(items, 0, &mut records, &mut problems);
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Error::invalid("evidence", problems))
    }
}

/// Items `first..` of a list of records: each good one onto `records`, each problem of a bad
/// one onto `problems`, with its place in the whole list (`[17].value`).
pub fn parse_record_values(
    items: &[Value],
    first: usize,
    records: &mut Vec<EvidenceRecord>,
    problems: &mut Vec<Problem>,
) {
    for (i, item) in items.iter().enumerate() {
        match parse_record_value(item) {
            Ok(record) => records.push(record),
            Err(e) => {
                let base = crate::json::index_path("", first + i);
                problems.extend(e.problems().iter().map(|p| {
                    let path =
                        if p.path.is_empty() { base.clone() } else { format!("{base}.{}", p.path) };
                    Problem::new(path, p.message.clone())
                }));
            }
        }
    }
}

/// One compact JSON object per record, each line ending in `\n`.
pub fn write_evidence_jsonl(records: &[EvidenceRecord]) -> String {
    let mut out = String::with_capacity(records.len() * 120);
    for record in records {
        // Serializing plain strings and numbers cannot fail; skip defensively if it ever does.
        if let Ok(line) = serde_json::to_string(record) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let text = concat!(
            r#"{"student": "s-17", "competency": "SCI.CER.1", "value": 3, "at": "2026-11-20T10:00:00Z", "source": {"task": "lab-3", "rubric": "cer-lab", "criterion": "claim"}}"#,
            "\n\n",
            r#"{"student": "s-17", "competency": "SCI.CER.2", "value": 2.5, "at": "2026-11-21"}"#,
            "\n"
        );
        let records = parse_evidence_jsonl(text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].source.as_ref().and_then(|s| s.criterion.as_deref()), Some("claim"));
        assert_eq!(records[1].value, 2.5);
        // Round trip.
        assert_eq!(parse_evidence_jsonl(&write_evidence_jsonl(&records)).unwrap(), records);
    }

    #[test]
    fn a_list_of_records_reports_paths_by_index() {
        let list = serde_json::json!([
            {"student": "s-1", "competency": "M.1", "value": 3, "at": "2026-11-20T10:00:00Z"},
            {"student": "s-1", "competency": "M.1", "value": 3},
            "s-2"
        ]);
        let err = parse_records_value(&list).unwrap_err();
        let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec!["[1].at: missing: expected a string", "[2]: expected an object, found a string"]
        );
        assert_eq!(parse_records_value(&serde_json::json!([])).unwrap(), vec![]);
    }

    #[test]
    fn reports_every_bad_line_with_its_path() {
        let text = concat!(
            r#"{"student": "s-1", "competency": "M.1", "value": 3, "at": "2026-11-20T10:00:00Z"}"#,
            "\n",
            r#"{"student": "s-1", "competency": "M.1", "value": "three", "at": "2026-11-20T10:00:00Z"}"#,
            "\n",
            r#"{"student": "", "competency": "M.1", "value": 3, "at": "last Tuesday", "sauce": {}}"#,
            "\n",
            "{not json\n",
            r#"{"student": "s-1", "competency": "M.1", "value": 3, "at": "2026-11-20", "source": {"tsk": "x"}}"#,
            "\n",
            "[]\n",
        );
        let err = parse_evidence_jsonl(text).unwrap_err();
        let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            vec![
                "line 2: value: expected a number, found a string",
                "line 3: student: must not be empty",
                "line 3: at: `last Tuesday` is not a date-time like 2026-11-20T10:00:00Z",
                "line 3: sauce: unknown field; did you mean `source`?",
                "line 4: not valid JSON at column 2: key must be a string",
                "line 5: source.tsk: unknown field; did you mean `task`?",
                "line 6: expected an object, found a list",
            ]
        );
    }
}
