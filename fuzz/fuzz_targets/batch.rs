//! JSON Lines batch scoring: any text against the CER rubric. Nothing may panic, and each
//! line's result is what scoring that line alone gives. Seeds: the example submissions.
#![no_main]

use evident::CompiledRubric;
use libfuzzer_sys::fuzz_target;

const RUBRIC: &str = include_str!("../../examples/cer-lab.rubric.json");

thread_local! {
    static COMPILED: CompiledRubric =
        CompiledRubric::from_json(RUBRIC).expect("the example rubric is valid");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    COMPILED.with(|rubric| {
        let lines: Vec<&str> = text.strip_prefix('\u{feff}').unwrap_or(text).lines().collect();
        for (number, result) in evident::batch::score_lines(rubric, text) {
            let alone = evident::batch::score_line(rubric, lines[number - 1]);
            assert_eq!(result.is_ok(), alone.is_ok(), "line {number}");
            if let (Ok(a), Ok(b)) = (&result, &alone) {
                assert_eq!(a, b);
            }
        }
    });
});
