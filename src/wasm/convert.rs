//! JS values → JSON, with the limits JSON text has (SPEC §3, issue 15).
//!
//! Every object a JS caller hands the engine (rubric, submission, options, evidence, catalog,
//! framework, CASE package…) comes in through [`value_from_js`]. A string is parsed as JSON
//! text; anything else is first walked in JS, where a hostile object cannot hurt the wasm:
//!
//! - nesting deeper than [`Limits::depth`] (the depth JSON text may have) is refused with the
//!   JSON path where it goes too deep, before anything recursive runs in wasm (a 2,000-deep
//!   object used to overflow the wasm stack and leave the module unusable for the page);
//! - a list longer than [`Limits::list_items`] is refused by its length alone, before it is read;
//! - `NaN` and `Infinity`, which JSON cannot hold, are refused with their path;
//! - a getter or a `Proxy` that throws, or a cycle, becomes an `EvidentError`, never a JS
//!   exception unwinding through wasm frames.
//!
//! What passes is turned into JSON text by the engine's own `JSON.stringify` and parsed by
//! `serde_json`, whose recursion limit stays as a second guard. One crossing of the boundary
//! instead of one per property. The rules are those of `JSON.stringify`: `toJSON` is used
//! (a `Date` becomes its ISO text), `undefined` and functions are left out of objects and are
//! `null` in lists.

use crate::error::Error;
use crate::limits::Limits;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const PLAIN = /^[\p{Alphabetic}\p{N}_-]+$/u; // as `json::key_path` (char::is_alphanumeric)
class Refused { constructor(path, message) { this.path = path; this.message = message; } }
function keyPath(path, key) {
  if (typeof key === "number") return `${path}[${key}]`;
  if (key !== "" && PLAIN.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
// → JSON text, or {path, message} for the first value that breaks a limit or cannot be read.
export function checkedJson(value, maxDepth, maxItems) {
  // The keys down to the value being read; its path is written only for an error (building
  // it for every key cost a 5,000-indicator rubric most of its 40–58 ms cold refusal).
  const keys = [];
  const here = () => keys.reduce(keyPath, "");
  function walk(v, depth) {
    if (v !== null && typeof v === "object" && typeof v.toJSON === "function") v = v.toJSON();
    switch (typeof v) {
      case "number":
        if (!Number.isFinite(v)) throw new Refused(here(), `${v} is not a number JSON can hold; expected a finite number`);
        return;
      case "bigint":
        throw new Refused(here(), "expected a number, found a BigInt");
      case "object": {
        if (v === null) return;
        if (depth >= maxDepth) throw new Refused(here(), `nested more than ${maxDepth} deep (the limit for any input, as for JSON text)`);
        if (Array.isArray(v)) {
          const n = v.length;
          if (n > maxItems) throw new Refused(here(), `a list of ${n} items; at most ${maxItems} are read in one call (Limits.listItems)`);
          for (let i = 0; i < n; i++) { keys.push(i); walk(v[i], depth + 1); keys.pop(); }
        } else {
          for (const key of Object.keys(v)) { keys.push(key); walk(v[key], depth + 1); keys.pop(); }
        }
        return;
      }
      default:
        return; // strings, booleans; undefined, functions and symbols as JSON.stringify has them
    }
  }
  try {
    walk(value, 0);
    const text = JSON.stringify(value);
    return text === undefined ? new Refused("", "expected a value, found nothing JSON can hold") : text;
  } catch (e) {
    if (e instanceof Refused) return e;
    let message;
    try { message = String(e && e.message !== undefined ? e.message : e); } catch { message = "an exception"; }
    return new Refused(here(), `could not be read: ${message}`);
  }
}
// [criteria, indicators in all criteria] of a rubric object, read before it is converted, or
// null when it has no list of criteria, has a toJSON of its own or cannot be read (the
// conversion then says why).
export function rubricCounts(value, maxItems) {
  try {
    if (typeof value.toJSON === "function") return null;
    const criteria = value.criteria;
    if (!Array.isArray(criteria) || criteria.length > maxItems) return null;
    let indicators = 0;
    for (let i = 0; i < criteria.length; i++) {
      const c = criteria[i];
      const list = c !== null && typeof c === "object" ? c.indicators : undefined;
      if (Array.isArray(list)) indicators += list.length;
    }
    return new Float64Array([criteria.length, indicators]);
  } catch {
    return null;
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = checkedJson)]
    fn checked_json(value: &JsValue, max_depth: u32, max_items: u32) -> JsValue;
    #[wasm_bindgen(js_name = rubricCounts)]
    fn rubric_counts(value: &JsValue, max_items: u32) -> Option<Vec<f64>>;
}

/// A rubric handed over as a JS object with more criteria or indicators than the limits
/// allow is refused from its lists' lengths, before it is written out as JSON and parsed
/// (5,000 indicators took 35–50 ms to be refused that way in Chromium, cold, most of it the
/// parse). The same error as the parser's own count check.
pub(crate) fn check_rubric_counts(input: &JsValue) -> Result<(), Error> {
    if input.is_string() || !input.is_object() {
        return Ok(());
    }
    let limits = crate::limits::current();
    if let Some([criteria, indicators]) = rubric_counts(input, limits.list_items).as_deref() {
        let mut walk = crate::json::Walk::new();
        crate::limits::check_rubric_counts(&mut walk, *criteria as usize, *indicators as usize);
        walk.finish("rubric")?;
    }
    Ok(())
}

/// A JS object or a JSON string, as JSON, within the current [`Limits`].
pub(crate) fn value_from_js(
    input: &JsValue,
    what: &'static str,
) -> Result<serde_json::Value, JsValue> {
    value_from_js_within(input, what, &crate::limits::current())
}

/// A JS object or a JSON string, as JSON, within `limits`. Errors are `EvidentError`s located
/// by JSON path.
pub(crate) fn value_from_js_within(
    input: &JsValue,
    what: &'static str,
    limits: &Limits,
) -> Result<serde_json::Value, JsValue> {
    json_from_js(input, what, limits).map_err(super::js_error)
}

pub(crate) fn json_from_js(
    input: &JsValue,
    what: &'static str,
    limits: &Limits,
) -> Result<serde_json::Value, Error> {
    json_from_js_sized(input, what, limits, false)
}

/// A rubric or a submission from JS as JSON: its JSON text (as given, or as the object's)
/// is refused beyond `textChars` before it is parsed (a string by its length, before it is
/// copied into wasm).
pub(crate) fn document_from_js(
    input: &JsValue,
    what: &'static str,
) -> Result<serde_json::Value, Error> {
    json_from_js_sized(input, what, &crate::limits::current(), true)
}

fn json_from_js_sized(
    input: &JsValue,
    what: &'static str,
    limits: &Limits,
    sized: bool,
) -> Result<serde_json::Value, Error> {
    if let Some(string) = input.dyn_ref::<js_sys::JsString>().filter(|_| input.is_string()) {
        if sized {
            let units = string.length() as usize;
            let limit = limits.text_chars as usize;
            if units > limit && units / 2 <= limit {
                // Over the limit in UTF-16 units, perhaps not in characters (one outside
                // the BMP, an emoji, is two units): counted. Beyond twice the limit every
                // text is over it, and is refused without being copied.
                let text = String::from(string);
                crate::limits::check_text_size(what, units, Some(&text))?;
                return crate::json::parse_document(&text);
            }
            crate::limits::check_text_size(what, units, None)?;
        }
        return crate::json::parse_document(&String::from(string));
    }
    if input.is_undefined() || input.is_null() {
        return Err(Error::at(
            what,
            "",
            format!("expected a {what} (an object or a JSON string), found nothing"),
        ));
    }
    let checked = checked_json(input, limits.depth, limits.list_items);
    match checked.as_string() {
        Some(text) => {
            if sized {
                crate::limits::check_text_size(what, text.len(), Some(&text))?;
            }
            crate::json::parse_document(&text)
        }
        None => {
            let read = |key: &str| {
                js_sys::Reflect::get(&checked, &key.into()).ok().and_then(|v| v.as_string())
            };
            let message = read("message").unwrap_or_else(|| "could not be read".to_string());
            Err(Error::at(what, read("path").unwrap_or_default(), message))
        }
    }
}
