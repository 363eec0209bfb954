//! Evidence in columns, for mastery over many records at once.
//!
//! Takes evidence records, or evidence JSON Lines read straight in; gives one row per record
//! with the student and the competency as numbers into lists of distinct names, the value,
//! the instant of `at` (read once) and `at` as written. Read from JSON Lines, names and times
//! borrow from the text: no `String` per field, which is most of the cost of a million
//! records in WebAssembly. A line is read by `scan` when it has the usual shape, else by serde,
//! else the slow way that names every problem: a bad line is reported exactly as
//! `parse_evidence_jsonl` reports it.

use super::compute::Budget;
use super::jsonl::{is_sound, read_line_quickly, read_line_slowly};
use super::record::EvidenceRecord;
use super::scan::scan_line;
use super::time::instant;
use crate::error::{Error, Problem};
use std::borrow::Cow;
use std::collections::HashMap;
use std::iter::Enumerate;
use std::str::Lines;

/// Evidence records as rows, with names interned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvidenceTable<'a> {
    /// Distinct student ids, in first-seen order.
    pub students: Vec<Cow<'a, str>>,
    /// Distinct competency ids, in first-seen order.
    pub competencies: Vec<Cow<'a, str>>,
    /// One row per record, in input order.
    pub rows: Vec<EvidenceRow<'a>>,
}

/// One evidence record; `student` and `competency` index the table's name lists.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow<'a> {
    pub student: u32,
    pub competency: u32,
    pub value: f64,
    /// Seconds since the epoch; `-inf` for a time that is not RFC 3339 (only records built in
    /// code can have one: parsed evidence is checked).
    pub instant: f64,
    pub at: Cow<'a, str>,
}

impl<'a> EvidenceTable<'a> {
    /// The records as rows (names and times borrowed from them).
    pub fn from_records(records: &'a [EvidenceRecord]) -> Self {
        let mut reader = TableReader::from_records(records);
        reader.read(&mut Budget::unlimited());
        reader.builder.finish()
    }

    /// Evidence JSON Lines as rows, or every problem of every bad line with its path
    /// (`line 3: value: expected a number, found a string`), as `parse_evidence_jsonl` gives.
    pub fn from_jsonl(text: &'a str) -> Result<Self, Error> {
        let mut reader = TableReader::from_jsonl(text);
        reader.read(&mut Budget::unlimited());
        reader.finish()
    }

    /// The records back, without their sources (which mastery does not read).
    pub fn records(&self) -> Vec<EvidenceRecord> {
        self.rows
            .iter()
            .map(|row| EvidenceRecord {
                student: self.students[row.student as usize].to_string(),
                competency: self.competencies[row.competency as usize].to_string(),
                value: row.value,
                at: row.at.to_string(),
                source: None,
            })
            .collect()
    }
}

/// `EvidenceTable::from_jsonl` or `from_records` in steps of bounded work: `read` goes on
/// where the last step stopped.
pub struct TableReader<'a> {
    builder: Builder<'a>,
    source: Source<'a>,
    problems: Vec<Problem>,
}

enum Source<'a> {
    Lines(Enumerate<Lines<'a>>),
    Records(std::slice::Iter<'a, EvidenceRecord>),
}

impl<'a> TableReader<'a> {
    pub fn from_jsonl(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        TableReader {
            // About 80 bytes a record in typical evidence: a guess that saves most regrowing.
            builder: Builder::with_capacity(text.len() / 80),
            source: Source::Lines(text.lines().enumerate()),
            problems: Vec::new(),
        }
    }

    pub fn from_records(records: &'a [EvidenceRecord]) -> Self {
        TableReader {
            builder: Builder::with_capacity(records.len()),
            source: Source::Records(records.iter()),
            problems: Vec::new(),
        }
    }

    /// Reads while `budget` allows; `true` once everything is read.
    pub fn read(&mut self, budget: &mut Budget) -> bool {
        match &mut self.source {
            Source::Lines(lines) => loop {
                if !self.builder.read_block(lines, &mut self.problems) {
                    return true;
                }
                if budget.spend(BLOCK) {
                    return false;
                }
            },
            Source::Records(records) => {
                for record in records.by_ref() {
                    self.builder.push(
                        Cow::Borrowed(&record.student),
                        Cow::Borrowed(&record.competency),
                        record.value,
                        Cow::Borrowed(&record.at),
                        instant(&record.at),
                    );
                    if budget.spend(1) {
                        return records.len() == 0;
                    }
                }
                true
            }
        }
    }

    /// Rows read so far.
    pub fn rows(&self) -> usize {
        self.builder.rows.len()
    }

    /// The table, or every problem of every bad line with its path
    /// (`line 3: value: expected a number, found a string`), as `parse_evidence_jsonl` gives.
    pub fn finish(self) -> Result<EvidenceTable<'a>, Error> {
        if self.problems.is_empty() {
            Ok(self.builder.finish())
        } else {
            Err(Error::invalid("evidence", self.problems))
        }
    }
}

/// Lines read by one call of `Builder::read_block`.
const BLOCK: usize = 1024;

struct Builder<'a> {
    students: Names<'a>,
    competencies: Names<'a>,
    rows: Vec<EvidenceRow<'a>>,
}

impl<'a> Builder<'a> {
    fn with_capacity(rows: usize) -> Self {
        Builder {
            students: Names::default(),
            competencies: Names::default(),
            rows: Vec::with_capacity(rows),
        }
    }

    /// Reads up to a block of lines; `false` once there are none left. In blocks so that the
    /// loop is a function called many times: a WebAssembly engine swaps in optimised code
    /// only between calls, never in the middle of a running loop.
    #[inline(never)]
    fn read_block(
        &mut self,
        lines: &mut Enumerate<Lines<'a>>,
        problems: &mut Vec<Problem>,
    ) -> bool {
        for _ in 0..BLOCK {
            let Some((i, line)) = lines.next() else { return false };
            if line.trim().is_empty() {
                continue;
            }
            // The usual line, read without allocating; then serde's reading, as
            // `parse_evidence_jsonl` does; then the slow way, which names every problem.
            if let Some(s) = scan_line(line) {
                if let Some(at) =
                    instant(s.at).filter(|_| is_sound(s.student, s.competency, s.value))
                {
                    self.push(
                        Cow::Borrowed(s.student),
                        Cow::Borrowed(s.competency),
                        s.value,
                        Cow::Borrowed(s.at),
                        Some(at),
                    );
                    continue;
                }
            }
            match read_line_quickly(line).map_or_else(|| read_line_slowly(i + 1, line), Ok) {
                Ok(record) => {
                    let at = instant(&record.at);
                    self.push(
                        Cow::Owned(record.student),
                        Cow::Owned(record.competency),
                        record.value,
                        Cow::Owned(record.at),
                        at,
                    );
                }
                Err(found) => problems.extend(found),
            }
        }
        true
    }

    fn push(
        &mut self,
        student: Cow<'a, str>,
        competency: Cow<'a, str>,
        value: f64,
        at: Cow<'a, str>,
        instant: Option<f64>,
    ) {
        let student = self.students.id(student);
        let competency = self.competencies.id(competency);
        self.rows.push(EvidenceRow {
            student,
            competency,
            value,
            instant: instant.unwrap_or(f64::NEG_INFINITY),
            at,
        });
    }

    fn finish(self) -> EvidenceTable<'a> {
        EvidenceTable {
            students: self.students.into_list(),
            competencies: self.competencies.into_list(),
            rows: self.rows,
        }
    }
}

/// Distinct names in first-seen order, with a number each.
#[derive(Default)]
pub(crate) struct Names<'a> {
    list: Vec<Cow<'a, str>>,
    /// Keyed by the rustc hash (a few operations per word, several times faster than the
    /// default SipHash on short ids; its weakness to crafted collisions does not matter:
    /// the evidence is the caller's own, hashed on the caller's machine).
    ids: HashMap<Cow<'a, str>, u32, rustc_hash::FxBuildHasher>,
    /// The last name looked up: evidence often comes one student at a time.
    last: Option<u32>,
}

impl<'a> Names<'a> {
    /// The number of `name`, given it if new.
    pub(crate) fn id(&mut self, name: Cow<'a, str>) -> u32 {
        if let Some(last) = self.last {
            if self.list[last as usize] == name {
                return last;
            }
        }
        let id = match self.ids.get(name.as_ref()) {
            Some(&id) => id,
            None => {
                let id = self.list.len() as u32;
                self.list.push(name.clone());
                self.ids.insert(name, id);
                id
            }
        };
        self.last = Some(id);
        id
    }

    /// The names, numbered by their place.
    pub(crate) fn into_list(self) -> Vec<Cow<'a, str>> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::super::jsonl::parse_evidence_jsonl;
    use super::*;

    #[test]
    fn reads_the_same_records_as_parse_evidence_jsonl() {
        let text = concat!(
            r#"{"student": "s-17", "competency": "SCI.CER.1", "value": 3, "at": "2026-11-20T10:00:00Z", "source": {"task": "lab-3", "rubric": "cer-lab", "criterion": "claim"}}"#,
            "\n\n",
            // An escape in a name: read the slow way, the same record.
            r#"{"student": "s-\u0031", "competency": "SCI.CER.2", "value": 2.5, "at": "2026-11-21"}"#,
            "\r\n",
            r#"{"student": "s-17", "competency": "SCI.CER.2", "value": 1, "at": "2026-11-22T08:00:00+02:00"}"#,
        );
        let table = EvidenceTable::from_jsonl(text).unwrap();
        let records: Vec<EvidenceRecord> = parse_evidence_jsonl(text)
            .unwrap()
            .into_iter()
            .map(|r| EvidenceRecord { source: None, ..r })
            .collect();
        assert_eq!(table.records(), records);
        // s-17 and s-1 (written with an escape), two competencies.
        assert_eq!((table.students.len(), table.competencies.len()), (2, 2));
        assert_eq!(table.rows[1].student, 1);
        assert_eq!(table.rows[2].student, 0);
        // 08:00+02:00 is 06:00Z.
        assert_eq!(table.rows[2].instant, instant("2026-11-22T06:00:00Z").unwrap());
        assert_eq!(table.rows[2].at, "2026-11-22T08:00:00+02:00");
    }

    #[test]
    fn reports_bad_lines_as_parse_evidence_jsonl_does() {
        let text = concat!(
            r#"{"student": "s-1", "competency": "M.1", "value": 3, "at": "2026-11-20T10:00:00Z"}"#,
            "\n",
            r#"{"student": "s-1", "competency": "M.1", "value": "three", "at": "2026-11-20T10:00:00Z"}"#,
            "\n",
            r#"{"student": " ", "competency": "M.1", "value": 3, "at": "last Tuesday", "sauce": {}}"#,
            "\n",
            "{not json\n",
            r#"{"student": "s-1", "competency": "M.1", "value": 3, "at": "2026-11-20", "source": {"tsk": "x"}}"#,
            "\n",
            "[]\n",
        );
        let expected = parse_evidence_jsonl(text).unwrap_err();
        let found = EvidenceTable::from_jsonl(text).unwrap_err();
        assert_eq!(found.to_string(), expected.to_string());
        assert_eq!(found.problems(), expected.problems());
        assert_eq!(found.problems().len(), 7);
    }

    #[test]
    fn names_are_numbered_in_first_seen_order() {
        let records = vec![
            EvidenceRecord {
                student: "b".into(),
                competency: "M.2".into(),
                value: 1.0,
                at: "2026-09-01".into(),
                source: None,
            },
            EvidenceRecord {
                student: "a".into(),
                competency: "M.1".into(),
                value: 2.0,
                at: "not a time".into(),
                source: None,
            },
            EvidenceRecord {
                student: "b".into(),
                competency: "M.1".into(),
                value: 3.0,
                at: "2026-09-02".into(),
                source: None,
            },
        ];
        let table = EvidenceTable::from_records(&records);
        assert_eq!(table.students, vec!["b", "a"]);
        assert_eq!(table.competencies, vec!["M.2", "M.1"]);
        let ids: Vec<(u32, u32)> = table.rows.iter().map(|r| (r.student, r.competency)).collect();
        assert_eq!(ids, vec![(0, 0), (1, 1), (0, 1)]);
        assert_eq!(table.rows[1].instant, f64::NEG_INFINITY);
        assert_eq!(table.records(), records);
    }
}
