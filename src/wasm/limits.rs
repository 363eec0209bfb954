//! JS functions for the input limits (`crate::limits`): read them, change them.

use super::{js_error, to_js, value_from_js};
use wasm_bindgen::prelude::*;

/// The limits in force: `{depth, listItems, answerChars, criteria, indicators, phrases,
/// patternChars, patternRepeat, patternSize, patternReach, evidenceRecords}`.
#[wasm_bindgen(js_name = getLimits)]
pub fn get_limits() -> Result<JsValue, JsValue> {
    to_js(&crate::limits::current())
}

/// Changes some limits (`{indicators: 2000}`); the others keep their values. Returns the
/// limits now in force. Throws `EvidentError` naming a key that is unknown or not a whole
/// number from 1 up.
#[wasm_bindgen(js_name = setLimits)]
pub fn set_limits(changes: JsValue) -> Result<JsValue, JsValue> {
    let value = value_from_js(&changes, "limits")?;
    let limits = crate::limits::current().with_value(&value).map_err(js_error)?;
    crate::limits::set(limits);
    to_js(&limits)
}
