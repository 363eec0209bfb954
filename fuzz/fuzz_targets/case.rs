//! CASE 1.0 import: any package text. Nothing may panic; an imported framework's rubrics
//! compile or are refused with located errors. Seeds: `tests/` CASE packages if any, and
//! small hand-written packages in `fuzz/seeds/case/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(imported) = evident::interop::case::import_case(text) {
        let _ = serde_json::to_string(&imported);
    }
});
