//! The span-move rule is written twice, in Rust (`evidence::Move`) and in JS (`moveSpans`
//! in src/wasm/live.js, which moves the spans of a result object already in JS): both, run
//! on the same random lists of spans and edits in Chromium, must put every span in the
//! same place.
#![cfg(target_arch = "wasm32")]

use evident::evidence::{Move, Span, Utf16};
use js_sys::JSON;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/src/wasm/live.js")]
extern "C" {
    #[wasm_bindgen(js_name = moveSpans)]
    fn move_spans_js(spans: &JsValue, field: &str, at: u32, by: f64) -> JsValue;
}

#[wasm_bindgen_test]
fn rust_and_js_move_spans_alike_on_random_edits() {
    let fields: [Rc<str>; 2] = [Rc::from("response"), Rc::from("notes")];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let (mut moved, mut clamped, mut kept) = (0, 0, 0);
    for round in 0..2_000 {
        // Lists of one field (as the engine's are), now and then mixed, sorted by start;
        // spans of every length, empty ones and ones that overlap included.
        let mixed = next(6) == 0;
        let own = &fields[usize::from(next(8) == 0)];
        let mut spans: Vec<Span> = (0..next(12))
            .map(|_| {
                let start = next(300) as u32;
                let field = if mixed { &fields[next(2) as usize] } else { own };
                Span {
                    field: Rc::clone(field),
                    start: Utf16(start),
                    end: Utf16(start + next(40) as u32),
                }
            })
            .collect();
        spans.sort_by_key(|s| s.start);
        // An edit near the spans: insertions, and deletions over the starts of spans or over
        // whole spans.
        let at = next(320) as u32;
        let by = match next(4) {
            0 => -(next(400) as i64),
            1 => -(next(4) as i64),
            _ => next(50) as i64 - 5,
        };
        let json = serde_json::to_string(&spans).expect("spans");
        let list = JSON::parse(&json).expect("JSON");
        let from_js = move_spans_js(&list, "response", at, by as f64);
        let mut from_rust = spans.clone();
        Move::new(Utf16(at), by).spans(&mut from_rust, "response");
        assert_eq!(
            JSON::stringify(&from_js).expect("stringify").as_string().expect("text"),
            serde_json::to_string(&from_rust).expect("spans"),
            "round {round}: {json} moved at {at} by {by}"
        );
        assert_eq!(
            JSON::stringify(&list).expect("stringify").as_string().expect("text"),
            json,
            "round {round}: the list given to JS is left as it was"
        );
        moved += usize::from(from_rust != spans);
        kept += usize::from(from_rust == spans && !spans.is_empty());
        // A span that started in the deleted text now starts where the deletion was.
        clamped += usize::from(
            from_rust.iter().zip(&spans).any(|(m, s)| s.start.0 > at && m.start.0 == at),
        );
    }
    // The cases the rule tells apart all came up.
    assert!(
        moved > 500 && kept > 300 && clamped > 50,
        "{moved} moved, {kept} kept, {clamped} clamped"
    );
}
