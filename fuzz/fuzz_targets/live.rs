//! The live session against a fresh full score after every edit. Input: a first byte that
//! picks the rubric (the demo's CER rubric, or the benchmark's lab rubric with fuzzy phrases,
//! patterns and numbers), then a series of edits, each `position, deleted, inserted` drawn
//! from the bytes; after each, the session's report must equal scoring the whole text afresh.
#![no_main]

use evident::rubric::model::Response;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

const RUBRICS: [&str; 2] = [
    include_str!("../../examples/cer-lab.rubric.json"),
    include_str!("../../benches/browser/lab-rubric.json"),
];

/// Pieces an edit inserts: words the rubric looks for, numbers, punctuation, non-ASCII
/// letters, every kind of space and line break.
const PIECES: [&str; 27] = [
    "light", "grow", "taller", "my claim", "because", "12.5 cm", "data", "than", ".", "!", "?",
    ",", " ", "\u{a0}", "\u{3000}", "\n", "\n\n", "Café", "niño", "🌱", "\u{301}", ")", "3", "the",
    "photosynthesis", "p", "not",
];

thread_local! {
    static COMPILED: [Rc<CompiledRubric>; 2] = RUBRICS
        .map(|r| Rc::new(CompiledRubric::from_json(r).expect("the example rubrics are valid")));
}

fn full(rubric: &CompiledRubric, text: &str) -> evident::ScoreReport {
    let mut s = Submission::default();
    s.responses.insert("response".into(), Response::Text(text.into()));
    rubric.score(&s).expect("a text always scores")
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, data)) = data.split_first() else { return };
    COMPILED.with(|rubrics| {
        let rubric = &rubrics[usize::from(pick % 2)];
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
