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
    let options = if options.is_undefined() || options.is_null() {
        mastery::MasteryOptions::default()
    } else {
        mastery::parse_options_value(&value_from_js(&options, "mastery options")?)
            .map_err(js_error)?
    };
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
  const { students, competencies, labels, lastAts } = JSON.parse(names);
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
    let names = Names {
        students: table.students.iter().map(|s| s.as_ref()).collect(),
        competencies: table.competencies.iter().map(|c| c.as_ref()).collect(),
        labels: scale.levels.iter().map(|l| l.label.as_str()).collect(),
        last_ats: last_ats.into_list(),
    };
    let names = serde_json::to_string(&names).map_err(|e| {
        js_error(crate::Error::at("output", "", format!("could not convert the result: {e}")))
    })?;
    Ok(estimates_from_columns(&names, &numbers, &ids))
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
