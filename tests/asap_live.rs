//! A live session on the ASAP-SAS rubrics (examples/asap-sas) equals a full score, and its
//! feedback a fresh one, after random edits of real training answers: cuts, pastes of other
//! answers' text, paragraph and line breaks, negation cues, accents, no-break spaces, half as
//! whole texts and half as JS edits. Reads `../shared/data/asap-sas` (training part only) and
//! skips without it. `ASAP_LIVE_ROUNDS` and `ASAP_LIVE_SEED` run more or other edits.

#[path = "../examples/asap-sas/data.rs"]
mod data;
use evident::evidence::Utf16;
use evident::scoring::Session;
use evident::{feedback_for, CompiledRubric, FeedbackOptions, Submission};
use std::rc::Rc;

#[test]
fn live_sessions_on_the_asap_rubrics_equal_full_scores_after_random_edits() {
    let Some(dir) = data::locate(None) else {
        eprintln!("ASAP-SAS data not found at ../shared/data/asap-sas: skipped");
        return;
    };
    let sets = data::read(&dir).expect("train.tsv reads");
    let env = |name: &str| std::env::var(name).ok().and_then(|s| s.parse::<u64>().ok());
    let iters = env("ASAP_LIVE_ROUNDS").unwrap_or(8) as usize;
    let mut seed = env("ASAP_LIVE_SEED").unwrap_or(7);
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let bits = [
        "\n\n", "\n", " ", ". ", ", ", "not ", "no ", "3", "12.5 cm", "é", "ñ", "  ", "\u{a0}",
        "A", "the acid", "vinegar", "cell", "mRNA", "tRNA", "white", "warmer", "because",
    ];
    let options = FeedbackOptions::default();
    let mut checks = 0;
    for (set, split) in &sets {
        let path =
            format!("{}/examples/asap-sas/set{set:02}.rubric.json", env!("CARGO_MANIFEST_DIR"));
        let rubric =
            Rc::new(CompiledRubric::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap());
        let answers = &split.train;
        for _ in 0..iters {
            let mut text = answers[next(answers.len())].text.clone();
            let mut session =
                Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
            session.set_feedback(options);
            for step in 0..20 {
                let b: Vec<usize> =
                    (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                let at = b[next(b.len())];
                let i = b.partition_point(|&x| x < at);
                let span = if next(4) == 0 { 40 } else { 6 };
                let to = b[(i + next(span)).min(b.len() - 1)];
                let insert: String = match next(5) {
                    0 => String::new(),
                    1 => {
                        let o = &answers[next(answers.len())].text;
                        let ob: Vec<usize> =
                            (0..=o.len()).filter(|&i| o.is_char_boundary(i)).collect();
                        let s = ob[next(ob.len())];
                        let k = next(30);
                        let e = ob[(ob.partition_point(|&x| x < s) + k).min(ob.len() - 1)];
                        o[s..e].to_string()
                    }
                    _ => bits[next(bits.len())].to_string(),
                };
                let pick = next(3);
                let (remove, ins) = if pick == 0 { (at, insert) } else { (to, insert) };
                let edited = format!("{}{}{}", &text[..at], ins, &text[remove..]);
                if step % 2 == 0 {
                    session.update(&edited);
                } else {
                    let u = |x: usize| Utf16(text[..x].encode_utf16().count() as u32);
                    session.edit(u(at), u(remove), &ins);
                }
                let sub = Submission::of_text(edited.clone());
                let full = rubric.score(&sub).unwrap();
                assert_eq!(session.report(), &full, "set {set}: {text:?} -> {edited:?}");
                let fb = feedback_for(&rubric, &sub, &options).unwrap();
                assert_eq!(
                    session.feedback(),
                    Some(&fb),
                    "feedback set {set}: {text:?} -> {edited:?}"
                );
                checks += 1;
                text = edited;
            }
        }
    }
    assert_eq!(checks, sets.len() * iters * 20);
}
