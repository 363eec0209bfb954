//! The live session: a student types into the response of a lab report; every update must
//! give the same report as scoring the whole submission, and reuse what the edit left alone.

#[path = "../benches/lab_text.rs"]
mod lab_text;

use evident::evidence::Utf16;
use evident::rubric::model::{Rater, Rating, Ratings, Response};
use evident::scoring::{Session, Update};
use evident::{CompiledRubric, Submission};
use std::rc::Rc;

fn lab() -> Rc<CompiledRubric> {
    Rc::new(CompiledRubric::from_json(lab_text::RUBRIC).expect("the lab rubric is valid"))
}

fn full(rubric: &CompiledRubric, base: &Submission, text: &str) -> evident::ScoreReport {
    let mut s = base.clone();
    s.responses.insert("response".into(), Response::Text(text.into()));
    rubric.score(&s).expect("scores")
}

#[test]
fn typing_a_report_keystroke_by_keystroke_matches_full_scores() {
    let rubric = lab();
    let mut base = Submission::default();
    base.ratings.insert(
        "conclusion".into(),
        Ratings::One(Rating { value: 2.0, by: Rater::SelfRating, comment: None }),
    );
    let mut session = Session::new(Rc::clone(&rubric), base.clone(), "response");
    assert_eq!(session.report(), &full(&rubric, &base, ""));
    let target = lab_text::lab_text(120);
    let mut typed = String::new();
    for (i, c) in target.chars().enumerate() {
        typed.push(c);
        session.update(&typed);
        let report = session.report().clone();
        if i % 37 == 0 || i + 1 == target.chars().count() {
            assert_eq!(report, full(&rubric, &base, &typed), "after {i} characters");
        }
    }
    // The self rating (2) meets `self-check` whatever the text says.
    let self_check =
        rubric.indicators.iter().position(|i| i.id == "self-check").expect("indicator");
    assert!(session.outcomes()[self_check].met);
}

#[test]
fn an_edit_in_the_middle_reanalyses_one_sentence_and_shifts_later_spans() {
    let rubric = lab();
    let text = "I claim that light matters.\n\nThe plants in the light reached 12.5 cm. The dark ones did not.\n\nIn conclusion, light helps.";
    let mut session = Session::new(Rc::clone(&rubric), Submission::default(), "response");
    session.update(text);
    // Insert "🌞 Día 3: " (a surrogate pair and an accent) at the start of the second
    // paragraph's first sentence: later spans must move by its 10 UTF-16 units.
    let at = text.find("The plants").expect("present");
    let edited = format!("{}🌞 Día 3: {}", &text[..at], &text[at..]);
    session.update(&edited);
    assert_eq!(session.sentences_analysed(), 1, "only the edited sentence is analysed again");
    assert_eq!(session.report(), &full(&rubric, &Submission::default(), &edited));
    let value_light =
        rubric.indicators.iter().position(|i| i.id == "value-light").expect("indicator");
    let span = &session.outcomes()[value_light].spans[0];
    let units: Vec<u16> = edited.encode_utf16().collect();
    assert_eq!(
        String::from_utf16_lossy(&units[span.start.0 as usize..span.end.0 as usize]),
        "12.5 cm"
    );
    let sums_up = rubric.indicators.iter().position(|i| i.id == "sums-up").expect("indicator");
    let span = &session.outcomes()[sums_up].spans[0];
    assert_eq!(
        String::from_utf16_lossy(&units[span.start.0 as usize..span.end.0 as usize]),
        "In conclusion"
    );
}

#[test]
fn deleting_everything_and_pasting_back() {
    let rubric = lab();
    let text = lab_text::lab_text(400);
    let mut session =
        Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
    assert_eq!(session.report(), &full(&rubric, &Submission::default(), &text));
    session.update("");
    assert_eq!(session.report(), &full(&rubric, &Submission::default(), ""));
    let report = session.report();
    assert_eq!(
        report.total,
        0.0 + report.criteria.iter().map(|c| c.points * c.weight).sum::<f64>()
    );
    session.update(&text);
    assert_eq!(session.report(), &full(&rubric, &Submission::default(), &text));
}

#[test]
fn a_field_no_indicator_reads_changes_nothing() {
    let rubric = lab();
    let mut session =
        Session::new(Rc::clone(&rubric), Submission::of_text("I claim light matters."), "notes");
    let before = session.report().clone();
    session.update("In conclusion, light helps. I claim it again.");
    assert_eq!(session.report(), &before);
    assert_eq!(session.sentences_analysed(), 0);
}

#[test]
fn keystrokes_that_change_no_evidence_say_so() {
    let rubric = lab();
    let mut session = Session::new(Rc::clone(&rubric), Submission::default(), "response");
    let update = session.update("My claim is that light");
    assert!(
        matches!(update, Update::Rebuilt(_)),
        "`my claim` and `light` are new evidence: {update:?}"
    );
    assert_eq!(
        session.update("My claim is that light h"),
        Update::Unchanged,
        "a half-typed word meets nothing new and moves no span"
    );
    assert!(matches!(
        session.update("My claim is that light helps plants grow taller"),
        Update::Rebuilt(_)
    ));
    // Typing before the evidence moves its spans: that is a change too.
    let update = session.update("So, My claim is that light helps plants grow taller");
    assert!(matches!(update, Update::Moved(m) if m.at == Utf16(0) && m.by == 4), "{update:?}");
    assert_eq!(
        session.report(),
        &full(
            &rubric,
            &Submission::default(),
            "So, My claim is that light helps plants grow taller"
        )
    );
}

/// Edits everywhere in one long paragraph, including where sentence bounds are subtle
/// ("e.g. the", "3.5 cm.", a letterless sentence, a lower-case word after a full stop): after
/// each edit and its undo, the live session must equal a full score of the same text.
#[test]
fn edits_anywhere_in_a_long_paragraph_match_a_full_score() {
    use evident::{CompiledRubric, Submission};
    use std::rc::Rc;
    let rubric = Rc::new(
        CompiledRubric::from_json(
            &std::fs::read_to_string(format!(
                "{}/examples/cer-lab.rubric.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        )
        .unwrap(),
    );
    let base = "My claim is that light helps. The data show growth, e.g. the tall plants grew 3.5 cm. \
                Dr. Lee measured them. 12. 4 cm! while the others grew less. Why? Because light gives energy \
                for photosynthesis. In our test the plants in light grew taller than the plants in the dark. \
                This shows light matters.";
    let mut session =
        evident::scoring::Session::new(Rc::clone(&rubric), Submission::of_text(base), "response");
    let boundaries: Vec<usize> = (0..=base.len()).filter(|&i| base.is_char_boundary(i)).collect();
    for &at in &boundaries {
        for insert in ["x", " the", ". ", "? Then", "\n\n", "A"] {
            let edited = format!("{}{}{}", &base[..at], insert, &base[at..]);
            session.update(&edited);
            let live = session.report().clone();
            let full = rubric.score(&Submission::of_text(edited.as_str())).unwrap();
            assert_eq!(live, full, "after inserting {insert:?} at byte {at}");
            session.update(base);
            let back = session.report().clone();
            assert_eq!(
                back,
                rubric.score(&Submission::of_text(base)).unwrap(),
                "after undoing {insert:?} at byte {at}"
            );
        }
    }
}

/// Random edits of a several-paragraph report (insertions, deletions, replacements, new
/// paragraphs, blank lines, accents), replayed from a fixed seed, half of them given as
/// whole texts and half as UTF-16 edits: after each, the session's report and feedback
/// equal a full score's, and so does the previous result with the update applied
/// (`Update::apply`, as JS applies it); when the update says only spans moved, the report
/// is the previous one with its spans moved (the rule written out again here).
#[test]
fn random_edits_across_paragraphs_match_full_scores_and_feedback() {
    use evident::{feedback, feedback_for, FeedbackOptions};
    let rubric = lab();
    let options = FeedbackOptions::default();
    let pieces = [
        "x",
        " the",
        ". ",
        "? Then",
        "\n\n",
        "\n",
        "A",
        "é",
        " plants",
        " 3.5 cm",
        " light",
        "photosynthesis ",
        "  ",
        "In conclusion, ",
    ];
    let mut text = lab_text::lab_text(300);
    let mut session =
        Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
    session.set_feedback(options);
    let (first, first_feedback) = session.result();
    let (mut applied, mut applied_feedback) = (first.clone(), first_feedback.cloned().unwrap());
    let mut kinds = [0; 4];
    let mut seed: u64 = 0x5eed_2026;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for step in 0..600 {
        let boundaries: Vec<usize> =
            (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let at = boundaries[next(boundaries.len())];
        let cut_to = boundaries[boundaries.partition_point(|&b| b < at)
            + next(8).min(boundaries.len() - 1 - boundaries.partition_point(|&b| b < at))];
        let (remove, insert) = match next(3) {
            0 => (at, pieces[next(pieces.len())]),
            1 => (cut_to, ""),
            _ => (cut_to, pieces[next(pieces.len())]),
        };
        let edited = format!("{}{}{}", &text[..at], insert, &text[remove..]);
        let before = session.report().clone();
        // Half the edits come as JS gives them: UTF-16 units replaced by new text.
        let update = if step % 2 == 0 {
            session.update(&edited)
        } else {
            let units = |b: usize| Utf16(text[..b].encode_utf16().count() as u32);
            session.edit(units(at), units(remove), insert)
        };
        let report = session.report().clone();
        assert_eq!(
            session.submission().text("response"),
            edited,
            "step {step}: the session's text"
        );
        let sub = Submission::of_text(edited.as_str());
        assert_eq!(
            report,
            full(&rubric, &Submission::default(), &edited),
            "step {step}: report after editing at byte {at}"
        );
        let fresh_feedback = feedback_for(&rubric, &sub, &options).unwrap();
        let live_feedback = feedback(&rubric, &report, session.outcomes(), &options);
        assert_eq!(live_feedback, fresh_feedback, "step {step}: feedback");
        assert_eq!(
            session.feedback(),
            Some(&fresh_feedback),
            "step {step}: the session's feedback"
        );
        update.apply("response", &mut applied, Some(&mut applied_feedback));
        assert_eq!(applied, report, "step {step}: the previous report with {update:?}");
        assert_eq!(applied_feedback, fresh_feedback, "step {step}: the previous feedback updated");
        kinds[match update {
            Update::Unchanged => 0,
            Update::Moved(_) => 1,
            Update::Respanned(_) => 2,
            Update::Rebuilt(_) => 3,
        }] += 1;
        if let Update::Unchanged = update {
            assert_eq!(before, report, "step {step}: an unchanged update");
        }
        if let Update::Moved(m) = update {
            let (Utf16(from), by) = (m.at, m.by);
            let mut moved = before.clone();
            for c in &mut moved.criteria {
                for m in &mut c.met {
                    for s in &mut m.spans {
                        // Whole, from the edit on; an offset in deleted text goes to
                        // where the deletion was.
                        if &*s.field == "response" && s.start.0 >= from {
                            s.start.0 = (i64::from(s.start.0) + by).max(i64::from(from)) as u32;
                            s.end.0 = (i64::from(s.end.0) + by).max(i64::from(from)) as u32;
                        }
                    }
                }
            }
            assert_eq!(moved, report, "step {step}: an unchanged update is the old report moved");
        }
        text = edited;
    }
    assert!(kinds.iter().all(|&k| k > 10), "updates of each kind: {kinds:?}");
}

/// A space typed between a number and its unit, and a letter typed inside the unit: the
/// number's span (which runs to the end of its unit) must end where a full score ends it.
#[test]
fn edits_between_a_number_and_its_unit_move_the_end_of_its_span() {
    let rubric = lab();
    let base = "The plants in light grew 12.5 cm in two weeks.";
    let mut session = Session::new(Rc::clone(&rubric), Submission::of_text(base), "response");
    let unit = base.find("cm").expect("unit");
    for edited in [
        format!("{} {}", &base[..unit], &base[unit..]),
        format!("{}  {}", &base[..unit], &base[unit..]),
        base.to_string(),
        format!("{}c{}", &base[..unit + 1], &base[unit + 1..]),
        base.to_string(),
    ] {
        session.update(&edited);
        let live = session.report().clone();
        assert_eq!(
            live,
            full(&rubric, &Submission::default(), &edited),
            "after editing to {edited:?}"
        );
    }
}

/// Moves kept for later (`Shifts`, which adds typing's moves up into one) must put spans
/// where the moves applied one at a time do: typing runs, backspacing, the cursor moved a
/// character or elsewhere, random starts and lengths; spans of another field stay.
#[test]
fn moves_added_up_put_spans_where_moves_one_by_one_do() {
    use evident::evidence::{Move, Shifts, Span};
    let (ours, other): (Rc<str>, Rc<str>) = (Rc::from("response"), Rc::from("notes"));
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut added_up = 0;
    for _ in 0..300 {
        // (A list holds the spans of one field, as the engine's lists do.)
        let field = if next(8) == 0 { &other } else { &ours };
        let mut spans: Vec<Span> = (0..40)
            .map(|_| {
                let start = next(400) as u32;
                Span {
                    field: Rc::clone(field),
                    start: Utf16(start),
                    end: Utf16(start + 1 + next(12) as u32),
                }
            })
            .collect();
        spans.sort_by_key(|s| s.start);
        let (mut one_by_one, mut shifts) = (spans.clone(), Shifts::default());
        let mut cursor = next(400) as u32;
        let moves = 1 + next(30);
        for _ in 0..moves {
            let by: i64 = match next(10) {
                0 => {
                    cursor = next(420) as u32;
                    1
                }
                1 | 2 => -1,
                3 => 0,
                // The cursor moved a character either way first.
                4 => {
                    cursor = (cursor + 1).min(420);
                    1
                }
                5 => {
                    cursor = cursor.saturating_sub(1);
                    1
                }
                _ => 1 + next(2) as i64,
            };
            let at = if by < 0 { cursor.saturating_sub(1) } else { cursor };
            Move::new(Utf16(at), by).spans(&mut one_by_one, "response");
            shifts.push(Move::new(Utf16(at), by));
            cursor = (i64::from(at) + by.max(0)) as u32;
        }
        added_up += usize::from(shifts.moves().len() < moves as usize);
        let added = shifts.moves().to_vec();
        for m in shifts.drain() {
            m.spans(&mut spans, "response");
        }
        assert_eq!(spans, one_by_one, "after {added:?}");
    }
    assert!(added_up > 100, "typing runs were added up into fewer moves only {added_up} times");
}

/// Typing new occurrences of phrases that are already met changes only those indicators'
/// span lists: the session says which (`Update::Respanned`), as splices of the lists moved
/// by the edit, and its report is the previous one with the spans moved and those lists
/// spliced, which is also the full score of the text.
#[test]
fn new_occurrences_of_met_phrases_replace_only_their_span_lists() {
    let rubric = lab();
    let text = lab_text::lab_text(400);
    let middle = text[..text.len() / 2].rfind(". ").map_or(0, |i| i + 1);
    let mut session =
        Session::new(Rc::clone(&rubric), Submission::of_text(text.clone()), "response");
    let typed = " Next time we will measure the leaves again, because the light data could matter.";
    let (mut respanned, mut lists) = (0, 0);
    for (i, c) in typed.char_indices() {
        let previous = session.report().clone();
        let at = Utf16((middle + i) as u32);
        let update = session.edit(at, at, &c.to_string());
        let edited =
            format!("{}{}{}", &text[..middle], &typed[..i + c.len_utf8()], &text[middle..]);
        assert_eq!(
            session.report(),
            &full(&rubric, &Submission::default(), &edited),
            "after {:?}",
            &typed[..=i]
        );
        let Update::Respanned(changed) = update else { continue };
        respanned += 1;
        lists += changed.met_spans.len();
        let mut expected = previous;
        expected.move_spans("response", evident::evidence::Move::new(at, 1));
        for r in &changed.met_spans {
            let entry = &mut expected.criteria[r.criterion].met[r.met];
            let now = &session.report().criteria[r.criterion].met[r.met].spans;
            assert_ne!(&entry.spans, now, "a list said to change did");
            // The splice keeps what the lists share at either end.
            assert_eq!(entry.spans[..r.from], now[..r.from]);
            assert_eq!(entry.spans[r.to..], now[now.len() - (entry.spans.len() - r.to)..]);
            entry.spans.splice(r.from..r.to, r.spans.iter().cloned());
            assert_eq!(&entry.spans, now);
        }
        assert_eq!(&expected, session.report(), "nothing else changed after {:?}", &typed[..=i]);
    }
    assert!(respanned >= 5 && lists >= respanned, "{respanned} updates changed {lists} span lists");
}

/// A deletion that takes the start of a word at the start of a paragraph, leaving a word the
/// rubric still reads ("12.5 p|hotosynthesis" → "hotosynthesis", a misspelling the fuzzy
/// phrase accepts): the occurrence starts where the deletion was, in the session's report
/// as in a full score. (Offsets in deleted text used to go to 0 of the paragraph in one
/// place and to 0 of the field in another, and the report kept a span one unit too early.)
#[test]
fn deleting_the_start_of_a_word_at_a_paragraph_start_places_its_occurrence_at_the_deletion() {
    let rubric = lab();
    for before in
        ["Plants grew.\n\n12.5 photosynthesis, I think", "Plants grew.\n \n12.5 photosynthesis"]
    {
        let mut session =
            Session::new(Rc::clone(&rubric), Submission::of_text(before.to_string()), "response");
        let after = before.replacen("12.5 p", "", 1);
        session.update(&after);
        let report = session.report();
        assert_eq!(
            report,
            &full(&rubric, &Submission::default(), &after),
            "{before:?} → {after:?}"
        );
        let at = after.find("hotosynthesis").expect("the word") as u32;
        let spans = report
            .criteria
            .iter()
            .flat_map(|c| &c.met)
            .find(|m| m.indicator == "science-idea")
            .map(|m| m.spans.clone())
            .expect("the science idea is met by the misspelt word");
        assert_eq!((spans[0].start, spans[0].end), (Utf16(at), Utf16(at + 13)));
    }
}
