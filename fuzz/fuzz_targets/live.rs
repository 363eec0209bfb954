//! The live session against a fresh full score after every edit. Input: a series of edits,
//! each `position, deleted, inserted` drawn from the bytes, applied to the CER lab answer
//! (seeded from `examples/cer-lab.submission.json`); after each, the session's report must
//! equal scoring the whole text afresh.
#![no_main]

use evident::rubric::model::Response;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

const RUBRIC: &str = include_str!("../../examples/cer-lab.rubric.json");

/// Pieces an edit inserts: words the rubric looks for, numbers, punctuation, non-ASCII
/// letters, every kind of space and line break.
const PIECES: [&str; 24] = [
    "light", "grow", "taller", "my claim", "because", "12.5 cm", "data", "than", ".", "!", "?",
    ",", " ", "\u{a0}", "\u{3000}", "\n", "\n\n", "Café", "niño", "🌱", "\u{301}", ")", "3", "the",
];

thread_local! {
    static COMPILED: Rc<CompiledRubric> =
        Rc::new(CompiledRubric::from_json(RUBRIC).expect("the example rubric is valid"));
}

fn full(rubric: &CompiledRubric, text: &str) -> evident::ScoreReport {
    let mut s = Submission::default();
    s.responses.insert("response".into(), Response::Text(text.into()));
    rubric.score(&s).expect("a text always scores")
}

fuzz_target!(|data: &[u8]| {
    COMPILED.with(|rubric| {
        let mut session = Session::new(Rc::clone(rubric), Submission::default(), "response");
        let mut text = String::new();
        for edit in data.chunks(3) {
            let &[at, cut, what] = edit else { break };
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let start = if chars.is_empty() { 0 } else { usize::from(at) % (chars.len() + 1) };
            let end = (start + usize::from(cut % 8)).min(chars.len());
            let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
            let (from, to) = (byte(start), byte(end));
            let inserted =
                PIECES[usize::from(what) % PIECES.len()].repeat(1 + usize::from(what / 64));
            text.replace_range(from..to, &inserted);
            session.update(&text);
            let live = session.report().clone();
            assert_eq!(live, full(rubric, &text), "text: {text:?}");
        }
    });
});
