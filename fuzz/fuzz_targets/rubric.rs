//! Rubric parse + compile + score: any rubric text and any answer. Input: rubric JSON, a NUL
//! byte, the answer (seeds: `examples/*.rubric.json` with an answer). Nothing may panic; a
//! valid rubric scores the answer into a report whose numbers are finite, and lints.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (rubric, answer) = text.split_once('\0').unwrap_or((&text, ""));
    let Ok(compiled) = evident::CompiledRubric::from_json(rubric) else { return };
    let _ = evident::lint(&compiled.rubric);
    let mut submission = evident::Submission::default();
    for criterion in &compiled.rubric.criteria {
        for i in &criterion.indicators {
            submission
                .responses
                .insert(i.field.clone(), evident::rubric::model::Response::Text(answer.into()));
        }
    }
    if let Ok(report) = compiled.score(&submission) {
        assert!(report.total.is_finite() && report.max.is_finite(), "{report:?}");
        let options = evident::FeedbackOptions::default();
        let _ = evident::feedback_for(&compiled, &submission, &options);
    }
});
