//! JS functions for mastery: estimates from evidence, evidence from a score report, evidence
//! JSON Lines. Conversion only: each calls one core function of `crate::mastery`.

use super::{js_error, to_js, value_from_js};
use crate::mastery::{self, Trend};
use serde::Serialize;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One estimate per student and competency → estimates, sorted by student then competency.
#[wasm_bindgen(js_name = computeMastery)]
pub fn compute_mastery(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // JSON Lines are read into a table that borrows from the text; a list is validated into
    // records first. Either way the estimates cross as columns (see `estimates_to_js`).
    let text = records.dyn_ref::<js_sys::JsString>().map(|text| {
        reserve_memory(text.length() as usize * 3);
        text_from_js(text)
    });
    let list = match text {
        Some(_) => Vec::new(),
        None => {
            mastery::parse_records_value(&value_from_js(&records, "evidence")?).map_err(js_error)?
        }
    };
    let table = match &text {
        Some(text) => mastery::EvidenceTable::from_jsonl(text).map_err(js_error)?,
        None => mastery::EvidenceTable::from_records(&list),
    };
    let options = parse_options(&options)?;
    let origin = match &text {
        Some(text) => mastery::Origin::Lines(text),
        None => mastery::Origin::List,
    };
    mastery::check_evidence(&table, origin, &options, mastery::now()).map_err(js_error)?;
    estimates_to_js(&mastery::estimate_rows(&table, &options), &table, &options.scale)
}

/// Grows the wasm memory in one step to hold `bytes` more, unless it already has that much
/// free. Reading evidence text and computing its estimates takes about twice the text's size
/// (83 MB of JSON Lines: about 170 MB); left to itself the allocator grows the memory in many
/// small steps as the table and the estimates grow, and in V8 the first call of a page then
/// spends most of its time in those growths and in the garbage collections they set off. The
/// block is freed at once: the allocator keeps the memory and serves what follows from it.
fn reserve_memory(bytes: usize) {
    let block = Vec::<u8>::with_capacity(bytes);
    // An allocation nothing reads may be optimised away; this one is wanted for its effect.
    std::hint::black_box(&block);
}

// The estimates are built in JS from a few flat arrays: hundreds of thousands of objects in
// one loop of the engine's own object literals, with each distinct name made into a JS string
// once. Several times faster than JSON text and `JSON.parse` (which `to_js` uses), and the
// objects are the same: the same keys in the same order, `label` and `stale` only when
// present, non-finite numbers as `null`.
#[wasm_bindgen(inline_js = r#"
const TRENDS = ["rising", "steady", "falling", "unknown"];
const finite = (n) => (Number.isFinite(n) ? n : null);
export function estimatesFromColumns(names, numbers, ids) {
  const parsed = JSON.parse(names);
  return estimatesChunk(parsed, parsed.lastAts, numbers, ids);
}
export function parseNames(names) {
  return JSON.parse(names);
}
export function estimatesChunk(names, lastAts, numbers, ids) {
  const { students, competencies, labels } = names;
  if (typeof lastAts === "string") lastAts = JSON.parse(lastAts);
  const estimates = new Array(numbers.length / 2);
  for (let i = 0, k = 0; i < estimates.length; i++, k += 6) {
    const flags = ids[k + 5];
    const estimate = { student: students[ids[k]], competency: competencies[ids[k + 1]], value: finite(numbers[2 * i]), level: finite(numbers[2 * i + 1]) };
    if (ids[k + 2] !== 0) estimate.label = labels[ids[k + 2] - 1];
    estimate.mastered = (flags & 1) !== 0;
    estimate.count = ids[k + 3];
    estimate.trend = TRENDS[(flags >> 1) & 3];
    estimate.lastAt = lastAts[ids[k + 4]];
    if ((flags & 24) !== 0) estimate.stale = (flags & 16) !== 0;
    estimates[i] = estimate;
  }
  return estimates;
}
const encoder = new TextEncoder();
export function encodeText(text, from, bytes, counts) {
  const { read, written } = encoder.encodeInto(from === 0 ? text : text.slice(from), bytes);
  counts[0] = read;
  counts[1] = written;
}
"#)]
extern "C" {
    /// `names`: JSON `{students, competencies, labels, lastAts}`; `numbers`: value and level of
    /// each estimate; `ids`: six numbers per estimate (student, competency, label + 1 or 0,
    /// count, lastAt, flags: 1 mastered, 2·trend, 8 stale false, 16 stale true).
    #[wasm_bindgen(js_name = estimatesFromColumns)]
    fn estimates_from_columns(names: &str, numbers: &[f64], ids: &[u32]) -> JsValue;

    /// `JSON.parse(names)`, kept by a job for its chunks of estimates.
    #[wasm_bindgen(js_name = parseNames)]
    fn parse_names(names: &str) -> JsValue;

    /// `estimatesFromColumns` with the names already parsed and the chunk's own `lastAts`
    /// (JSON text).
    #[wasm_bindgen(js_name = estimatesChunk)]
    fn estimates_chunk(names: &JsValue, last_ats: &str, numbers: &[f64], ids: &[u32]) -> JsValue;

    /// `text[from..]` as UTF-8 into `bytes` (as much as fits); `counts` ← [UTF-16 units read,
    /// bytes written].
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(text: &js_sys::JsString, from: u32, bytes: &mut [u8], counts: &mut [u32]);
}

/// A JS string as UTF-8, with the engine's `TextEncoder.encodeInto` (wasm-bindgen's own
/// conversion copies ASCII one character at a time in JS, slow on tens of megabytes).
fn text_from_js(text: &js_sys::JsString) -> String {
    let units = text.length() as usize;
    // One byte per UTF-16 unit fits ASCII exactly; other text takes another pass or two,
    // each given room for the worst case of what is left (3 bytes a unit).
    let mut bytes = vec![0u8; units];
    let (mut read, mut written) = (0usize, 0usize);
    let mut counts = [0u32; 2];
    while read < units {
        if bytes.len() - written < 4 {
            bytes.resize(written + (units - read) * 3, 0);
        }
        encode_text(text, read as u32, &mut bytes[written..], &mut counts);
        read += counts[0] as usize;
        written += counts[1] as usize;
        if counts[0] == 0 {
            bytes.resize(written + (units - read) * 3, 0);
        }
    }
    bytes.truncate(written);
    // encodeInto writes UTF-8 (lone surrogates as U+FFFD), as wasm-bindgen's conversion does.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Names<'a> {
    students: Vec<&'a str>,
    competencies: Vec<&'a str>,
    labels: Vec<&'a str>,
    last_ats: Vec<Cow<'a, str>>,
}

fn estimates_to_js(
    rows: &[mastery::EstimateRow],
    table: &mastery::EvidenceTable,
    scale: &crate::rubric::model::Scale,
) -> Result<JsValue, JsValue> {
    let columns = Columns::of(rows, table);
    let names = Names {
        students: table.students.iter().map(|s| s.as_ref()).collect(),
        competencies: table.competencies.iter().map(|c| c.as_ref()).collect(),
        labels: scale.levels.iter().map(|l| l.label.as_str()).collect(),
        last_ats: columns.last_ats,
    };
    Ok(estimates_from_columns(&json(&names)?, &columns.numbers, &columns.ids))
}

fn json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        js_error(crate::Error::at("output", "", format!("could not convert the result: {e}")))
    })
}

/// Estimates as flat columns (see `estimatesFromColumns`), with their `lastAt` texts.
struct Columns<'a> {
    numbers: Vec<f64>,
    ids: Vec<u32>,
    last_ats: Vec<Cow<'a, str>>,
}

impl<'a> Columns<'a> {
    fn of(rows: &[mastery::EstimateRow], table: &'a mastery::EvidenceTable) -> Self {
        let mut last_ats = mastery::Names::default();
        let mut numbers = Vec::with_capacity(rows.len() * 2);
        let mut ids = Vec::with_capacity(rows.len() * 6);
        for row in rows {
            let at_id = last_ats.id(Cow::Borrowed(table.rows[row.last as usize].at.as_ref()));
            let trend = match row.trend {
                Trend::Rising => 0,
                Trend::Steady => 1,
                Trend::Falling => 2,
                Trend::Unknown => 3,
            };
            let stale = match row.stale {
                None => 0,
                Some(false) => 8,
                Some(true) => 16,
            };
            numbers.extend([row.value, row.level]);
            ids.extend([
                row.student,
                row.competency,
                row.label.map_or(0, |l| l + 1),
                row.count,
                at_id,
                u32::from(row.mastered) | trend << 1 | stale,
            ]);
        }
        Columns { numbers, ids, last_ats: last_ats.into_list() }
    }
}

/// Mastery in steps, for a page that must stay responsive with a large gradebook (see
/// `mastery::MasteryJob`; `computeMasteryAsync` in `evident/full` drives it): the evidence
/// goes in slices, each `step` works for at most about the milliseconds it is given, and the
/// estimates come out in chunks. The same estimates and errors as `computeMastery`.
#[wasm_bindgen(js_name = MasteryJob)]
pub struct MasteryJobJs {
    job: mastery::MasteryJob,
    /// The parsed `{students, competencies, labels}` once the first chunk is taken.
    names: Option<JsValue>,
    /// Estimates taken so far.
    taken: usize,
}

#[wasm_bindgen(js_class = MasteryJob)]
impl MasteryJobJs {
    /// A job with mastery options (an object, JSON text, or nothing for the defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<MasteryJobJs, JsValue> {
        let options = parse_options(&options)?;
        Ok(MasteryJobJs {
            job: mastery::MasteryJob::new(options, mastery::now()),
            names: None,
            taken: 0,
        })
    }

    /// Makes room for text of `units` UTF-16 units in all (ASCII: as many bytes), before the
    /// first `pushText`.
    #[wasm_bindgen(js_name = reserveText)]
    pub fn reserve_text(&mut self, units: u32) {
        self.job.reserve_text(units as usize);
    }

    /// Appends a slice of evidence JSON Lines (slices may cut lines anywhere, but not a
    /// surrogate pair).
    #[wasm_bindgen(js_name = pushText)]
    pub fn push_text(&mut self, text: &js_sys::JsString) -> Result<(), JsValue> {
        self.job.push_text(&text_from_js(text)).map_err(js_error)
    }

    /// Appends records `first…` of a list: `items` is the slice of the list that starts there.
    #[wasm_bindgen(js_name = pushRecords)]
    pub fn push_records(&mut self, first: u32, items: JsValue) -> Result<(), JsValue> {
        let first = first as usize;
        let value = super::convert::json_from_js(&items, "evidence", &crate::limits::current())
            .map_err(|e| js_error(in_whole_list(e, first)))?;
        let serde_json::Value::Array(items) = value else {
            return Err(js_error(crate::Error::at(
                "evidence",
                "",
                format!(
                    "expected a list of evidence records, found {}",
                    crate::json::kind_of(&value)
                ),
            )));
        };
        self.job.push_records(first, &items).map_err(js_error)
    }

    /// Works for about `ms` milliseconds at most; gives `{stage, done, total}` (`stage`:
    /// "reading", "checking", "estimating" or "done"), or throws the evidence's problems.
    pub fn step(&mut self, ms: f64) -> Result<JsValue, JsValue> {
        let deadline = js_sys::Date::now() + ms;
        let progress = self.job.step(&mut || js_sys::Date::now() >= deadline).map_err(js_error)?;
        let object = js_sys::Object::new();
        for (key, value) in [
            ("stage", JsValue::from_str(progress.stage.name())),
            ("done", JsValue::from_f64(progress.done as f64)),
            ("total", JsValue::from_f64(progress.total as f64)),
        ] {
            js_sys::Reflect::set(&object, &key.into(), &value)?;
        }
        Ok(object.into())
    }

    /// Up to `max` more estimates, in order (an empty list once all are taken, or before the
    /// job is done).
    #[wasm_bindgen(js_name = takeEstimates)]
    pub fn take_estimates(&mut self, max: u32) -> Result<JsValue, JsValue> {
        let (taken, names) = (&mut self.taken, &mut self.names);
        self.job
            .with_results(|table, rows, options| {
                let chunk = &rows[*taken..(*taken + max as usize).min(rows.len())];
                *taken += chunk.len();
                if names.is_none() {
                    let list = Names {
                        students: table.students.iter().map(|s| s.as_ref()).collect(),
                        competencies: table.competencies.iter().map(|c| c.as_ref()).collect(),
                        labels: options.scale.levels.iter().map(|l| l.label.as_str()).collect(),
                        last_ats: Vec::new(),
                    };
                    *names = Some(parse_names(&json(&list)?));
                }
                let columns = Columns::of(chunk, table);
                let names = names.as_ref().expect("set above");
                Ok(estimates_chunk(
                    names,
                    &json(&columns.last_ats)?,
                    &columns.numbers,
                    &columns.ids,
                ))
            })
            .unwrap_or_else(|| Ok(js_sys::Array::new().into()))
    }
}

fn parse_options(options: &JsValue) -> Result<mastery::MasteryOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(mastery::MasteryOptions::default())
    } else {
        mastery::parse_options_value(&value_from_js(options, "mastery options")?).map_err(js_error)
    }
}

/// An error of a slice of a list, its paths (`[3].value`) moved to the slice's place in the
/// whole list (`[1003].value`).
fn in_whole_list(error: crate::Error, first: usize) -> crate::Error {
    let problems = error
        .problems()
        .iter()
        .map(|p| {
            let path = match p.path.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
                Some((index, rest)) if index.parse::<usize>().is_ok() => {
                    format!("[{}]{rest}", index.parse::<usize>().unwrap_or(0) + first)
                }
                _ => p.path.clone(),
            };
            crate::error::Problem::new(path, p.message.clone())
        })
        .collect();
    crate::Error::invalid("evidence", problems)
}

/// A score report → one evidence record per criterion with a competency.
#[wasm_bindgen(js_name = evidenceFromReport)]
pub fn evidence_from_report(report: JsValue) -> Result<JsValue, JsValue> {
    let value = value_from_js(&report, "score report")?;
    to_js(&mastery::records_from_report_value(&value).map_err(js_error)?)
}

/// Evidence JSON Lines → records (every bad line reported).
#[wasm_bindgen(js_name = parseEvidence)]
pub fn parse_evidence(jsonl: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = jsonl.as_string() else {
        return Err(js_error(crate::Error::at(
            "evidence",
            "",
            "expected evidence as JSON Lines text (a string)",
        )));
    };
    to_js(&mastery::parse_evidence_jsonl(&text).map_err(js_error)?)
}
