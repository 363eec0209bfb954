//! Evidence checked against the scale and the calendar before it becomes mastery (issue 15).
//!
//! A record is refused, with its line (JSON Lines) or index (a list) and its path, when
//! - its value is off the scale: below `min(0, lowest level)` or above the highest level (0 is
//!   allowed on any scale whose levels are not below zero: right/wrong items give 0 and 1,
//!   and a teacher's "not shown" is 0). A value that looks like a percent (above the scale's
//!   top but at most 100, on a scale whose top is below 100) gets a message that says so:
//!   a gradebook export in percent must be converted to the scale, or read with a scale
//!   that is in percent;
//! - it is dated after `asOf` (mastery options) or, without one, after now, by more than a
//!   day (for clocks and time zones): evidence cannot come from the future, and a record
//!   dated 9999-12-31 would otherwise stay the latest for good.
//!
//! Offsets beyond ±23:59 are not dates at all: `time::instant` refuses them when the line is
//! read. A call holds at most `Limits::evidence_records` records.

use super::compute::Budget;
use super::options::MasteryOptions;
use super::table::EvidenceTable;
use super::time::instant;
use crate::error::{Error, Problem};

/// At most this many problems are listed; then one more says how many were left out.
pub const MAX_PROBLEMS: usize = 100;

/// A day, in seconds: how far past "now" a record may be dated.
const A_DAY: f64 = 86_400.0;

/// Where the rows of a table came from, to name a bad record's place.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'t> {
    /// JSON Lines text: the row's line number is counted from it (blank lines are skipped).
    Lines(&'t str),
    /// A list of records: paths are `[index].value`.
    List,
}

/// Seconds since the epoch, now (the wall clock; in wasm, JS's `Date.now()`).
pub fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() / 1000.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64())
    }
}

/// Checks every row of `table` against the scale of `options` and the calendar (`asOf`, or
/// `now`). `now` is a parameter so that tests fix it.
pub fn check_evidence(
    table: &EvidenceTable,
    origin: Origin,
    options: &MasteryOptions,
    now: f64,
) -> Result<(), Error> {
    crate::limits::check_evidence_count(table.rows.len(), "evidence")?;
    let mut checker = Checker::new(origin, options, now);
    checker.check(table, &mut Budget::unlimited());
    checker.finish()
}

/// `check_evidence` in steps of bounded work (the count of records is checked as they are
/// read): `check` goes on from the row where the last step stopped.
pub struct Checker<'t> {
    /// The lowest and highest values allowed; `None` when there is no scale to check against
    /// (an empty scale gives no estimates).
    range: Option<(f64, f64)>,
    /// The latest instant allowed, and what it is named after.
    latest: f64,
    after: &'static str,
    now: f64,
    problems: Vec<Problem>,
    left_out: usize,
    lines: LineNumbers<'t>,
    next: usize,
}

impl<'t> Checker<'t> {
    pub fn new(origin: Origin<'t>, options: &MasteryOptions, now: f64) -> Self {
        let values = options.scale.levels.iter().map(|l| l.value);
        let (lowest, highest) =
            values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let range =
            (lowest.is_finite() && highest.is_finite()).then_some((lowest.min(0.0), highest));
        let (latest, after) = match options.as_of.as_deref().and_then(instant) {
            Some(as_of) => (as_of + A_DAY, "asOf"),
            None => (now + A_DAY, "now"),
        };
        Checker {
            range,
            latest,
            after,
            now,
            problems: Vec::new(),
            left_out: 0,
            lines: LineNumbers::new(origin),
            next: 0,
        }
    }

    /// Checks rows while `budget` allows; `true` once every row is checked.
    pub fn check(&mut self, table: &EvidenceTable, budget: &mut Budget) -> bool {
        let Some((floor, highest)) = self.range else { return true };
        while self.next < table.rows.len() {
            let (i, row) = (self.next, &table.rows[self.next]);
            self.next += 1;
            let value_problem = if row.value < floor || row.value > highest {
                Some(off_scale(row.value, floor, highest))
            } else {
                None
            };
            let date_problem = (row.instant > self.latest).then(|| {
                format!(
                    "`{}` is after {}{}: evidence cannot come from the future",
                    row.at,
                    self.after,
                    match self.after {
                        "asOf" => String::new(),
                        _ => format!(" ({})", date_of(self.now)),
                    }
                )
            });
            if value_problem.is_some() || date_problem.is_some() {
                self.note(i, value_problem, date_problem);
            }
            if budget.spend(1) {
                return self.next == table.rows.len();
            }
        }
        true
    }

    /// Rows checked so far.
    pub fn checked(&self) -> usize {
        self.next
    }

    fn note(&mut self, row: usize, value: Option<String>, date: Option<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.left_out += usize::from(value.is_some()) + usize::from(date.is_some());
            return;
        }
        let place = self.lines.place(row);
        if let Some(message) = value {
            self.problems.push(Problem::new(place.path("value"), message));
        }
        if let Some(message) = date {
            self.problems.push(Problem::new(place.path("at"), message));
        }
    }

    /// Every problem found, or `Ok`.
    pub fn finish(mut self) -> Result<(), Error> {
        if self.left_out > 0 {
            self.problems.push(Problem::new(
                "",
                format!(
                    "and {} more problems like these (the first {MAX_PROBLEMS} are listed)",
                    self.left_out
                ),
            ));
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid("evidence", self.problems))
        }
    }
}

fn off_scale(value: f64, floor: f64, highest: f64) -> String {
    let range = format!("{} to {}", number(floor), number(highest));
    if value > highest && value <= 100.0 && highest < 100.0 && value >= 0.0 {
        format!(
            "{} is above the scale ({range}); it looks like a percent: convert it to the scale, \
             or give a scale in percent in the options",
            number(value)
        )
    } else {
        format!("{} is off the scale ({range})", number(value))
    }
}

fn number(x: f64) -> String {
    if x.abs() >= 1e15 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// `YYYY-MM-DD` of an instant (for messages).
fn date_of(seconds: f64) -> String {
    let days = (seconds / 86_400.0).floor() as i64;
    // H. Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A row's place: `line 17` or `[16]`.
struct Place(String, bool);

impl Place {
    fn path(&self, key: &str) -> String {
        if self.1 {
            format!("{}: {key}", self.0)
        } else {
            format!("{}.{key}", self.0)
        }
    }
}

/// Line numbers of rows, counted forward once (rows are asked for in order).
struct LineNumbers<'t> {
    lines: Option<std::iter::Enumerate<std::str::Lines<'t>>>,
    row: usize,
    line: usize,
}

impl<'t> LineNumbers<'t> {
    fn new(origin: Origin<'t>) -> Self {
        let lines = match origin {
            Origin::Lines(text) => Some(text.lines().enumerate()),
            Origin::List => None,
        };
        LineNumbers { lines, row: 0, line: 0 }
    }

    fn place(&mut self, row: usize) -> Place {
        let Some(lines) = &mut self.lines else { return Place(format!("[{row}]"), false) };
        // The row-th non-blank line (rows are in line order; no row is skipped when the
        // table was read without error).
        while self.row <= row {
            match lines.next() {
                Some((i, line)) if !line.trim().is_empty() => {
                    self.line = i + 1;
                    self.row += 1;
                }
                Some(_) => {}
                None => break,
            }
        }
        Place(format!("line {}", self.line), true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(lines: &[&str]) -> String {
        lines.join("\n")
    }

    const NOW: f64 = 1_795_651_200.0; // 2026-11-26T00:00:00Z (by `date -d 2026-11-26 +%s`)

    #[test]
    fn values_off_the_scale_are_refused_by_line() {
        let text = jsonl(&[
            r#"{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-20"}"#,
            "",
            r#"{"student": "s1", "competency": "C", "value": 85, "at": "2026-11-21"}"#,
            r#"{"student": "s2", "competency": "C", "value": 1e308, "at": "2026-11-21"}"#,
            r#"{"student": "s3", "competency": "C", "value": -1, "at": "2026-11-21"}"#,
            r#"{"student": "s3", "competency": "C", "value": 0, "at": "2026-11-21"}"#,
        ]);
        let table = EvidenceTable::from_jsonl(&text).unwrap();
        let e = check_evidence(&table, Origin::Lines(&text), &MasteryOptions::default(), NOW)
            .unwrap_err();
        let found: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
        // The default scale is 1–4, so the allowed range is 0 to 4; line 2 is blank.
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("line 3: value: 85 is above the scale (0 to 4)"), "{found:?}");
        assert!(found[0].contains("looks like a percent"), "{found:?}");
        assert!(found[1].starts_with("line 4: value: 1e308 is off the scale"), "{found:?}");
        assert_eq!(found[2], "line 5: value: -1 is off the scale (0 to 4)");
    }

    #[test]
    fn dates_after_now_or_as_of_are_refused() {
        let text = jsonl(&[
            r#"{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-26T20:00:00Z"}"#,
            r#"{"student": "s1", "competency": "C", "value": 3, "at": "9999-12-31"}"#,
        ]);
        let table = EvidenceTable::from_jsonl(&text).unwrap();
        // Now is 2026-11-26 00:00: 20:00 the same day is within a day; 9999 is not.
        let e = check_evidence(&table, Origin::Lines(&text), &MasteryOptions::default(), NOW)
            .unwrap_err();
        assert_eq!(
            e.problems()[0].to_string(),
            "line 2: at: `9999-12-31` is after now (2026-11-26): evidence cannot come from the future"
        );
        assert_eq!(e.problems().len(), 1);
        let options = MasteryOptions {
            as_of: Some("2026-11-20T00:00:00Z".into()),
            ..MasteryOptions::default()
        };
        let e = check_evidence(&table, Origin::List, &options, NOW).unwrap_err();
        assert_eq!(e.problems().len(), 2);
        assert!(e.problems()[0]
            .to_string()
            .starts_with("[0].at: `2026-11-26T20:00:00Z` is after asOf"));
    }

    #[test]
    fn offsets_beyond_a_day_are_not_dates() {
        assert!(instant("2026-11-20T10:00:00+99:99").is_none());
        assert!(instant("2026-11-20T10:00:00+24:00").is_none());
        assert!(instant("2026-11-20T10:00:00+23:59").is_some());
        assert!(instant("2026-11-20T10:00:00-12:60").is_none());
        let line = r#"{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-20T10:00:00+99:99"}"#;
        let e = EvidenceTable::from_jsonl(line).unwrap_err();
        assert_eq!(e.problems()[0].path, "line 1: at", "{e}");
    }

    #[test]
    fn problems_are_capped_with_a_count() {
        let line = r#"{"student": "s1", "competency": "C", "value": 50, "at": "2026-11-20"}"#;
        let text = vec![line; 250].join("\n");
        let table = EvidenceTable::from_jsonl(&text).unwrap();
        let e = check_evidence(&table, Origin::Lines(&text), &MasteryOptions::default(), NOW)
            .unwrap_err();
        assert_eq!(e.problems().len(), MAX_PROBLEMS + 1);
        assert_eq!(
            e.problems()[MAX_PROBLEMS].message,
            "and 150 more problems like these (the first 100 are listed)"
        );
        assert!(e.problems()[99].path.starts_with("line 100:"));
    }

    #[test]
    fn dates_in_messages() {
        assert_eq!(date_of(NOW), "2026-11-26");
        assert_eq!(date_of(0.0), "1970-01-01");
        assert_eq!(date_of(951_782_400.0), "2000-02-29");
    }
}
