//! Feedback on real student writing against the shipped CER rubric and two small rubrics
//! built for ranking: the three parts (goal, strengths, next steps), the cap of three steps,
//! the ranking order worked out by hand, both locales, and the language rules.

use evident::feedback::{feedback_for, messages, Feedback, FeedbackOptions, Locale};
use evident::{CompiledRubric, Submission};

fn cer_lab() -> CompiledRubric {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cer-lab.rubric.json");
    let text =
        std::fs::read_to_string(path).expect("examples/cer-lab.rubric.json is part of the crate");
    CompiledRubric::from_json(&text).expect("the example rubric is valid")
}

fn give(rubric: &CompiledRubric, text: &str, locale: Locale, target: Option<f64>) -> Feedback {
    feedback_for(rubric, &Submission::of_text(text), &FeedbackOptions { locale, target })
        .expect("a valid submission")
}

const MIDDLING: &str = "I think the plants with more light grew taller. In our data table the plant in the window was 14 cm \
and the plant in the closet was 6 cm. This is because plants need light.";

#[test]
fn middling_answer_gets_goal_strengths_and_ranked_steps() {
    let fb = give(&cer_lab(), MIDDLING, Locale::En, None);
    // Levels by hand: claim 3 ("I think" + light/grew, not qualified), evidence 4 ("data",
    // "table", 14 cm and 6 cm compared in one sentence), reasoning 2 ("because", no science
    // idea).
    let progress: Vec<(&str, f64, f64, bool)> = fb
        .progress
        .iter()
        .map(|p| (p.criterion.as_str(), p.current.value, p.target.value, p.stretch))
        .collect();
    // Target 3 (the scale's mastery). Claim is already there: it stretches to 4. Evidence
    // is at the top, with nothing further.
    assert_eq!(
        progress,
        vec![
            ("claim", 3.0, 4.0, true),
            ("evidence", 4.0, 4.0, false),
            ("reasoning", 2.0, 3.0, false)
        ]
    );

    // Feed up: the scale target, and each criterion's target level in the rubric's words.
    assert_eq!(fb.goal.level.label, "Proficient");
    assert_eq!(fb.goal.message, "Your goal is Proficient in every part.");
    assert_eq!(fb.goal.criteria[2].statement, "I can use a science idea to explain my evidence.");
    assert_eq!(fb.goal.criteria[0].statement, "I can state a precise claim and say when it holds.");
    assert!(fb.goal.criteria[0].stretch && !fb.goal.criteria[2].stretch);

    // Feed back: the rubric's praise for each met indicator, in rubric order.
    let praised: Vec<(&str, &str)> =
        fb.strengths.iter().map(|s| (s.indicator.as_str(), s.message.as_str())).collect();
    assert_eq!(
        praised,
        vec![
            ("has-claim", "You stated a clear claim."),
            ("on-question", "Your claim answers the question about light and growth."),
            ("mentions-data", "You used your data."),
            ("measurement", "You gave measurements with units."),
            ("comparison", "You compared the conditions."),
            ("because", "You connected your evidence to your claim."),
        ]
    );

    // Feed forward, by hand (priority = weight × levels to go × (0.5 + 0.5 × closeness)):
    //   reasoning → 3 needs science-idea (no phrase found, closeness 0): 1 × 1 × 0.5 = 0.5
    //   claim     → 4 needs qualified (closeness 0), a stretch step:       1 × 1 × 0.5 = 0.5
    //   evidence is at its top level: no step.
    // Steps toward the target come before stretch steps, then by priority.
    let steps: Vec<(&str, &str, f64)> = fb
        .next_steps
        .iter()
        .map(|s| (s.criterion.as_str(), s.indicator.as_str(), s.priority))
        .collect();
    assert_eq!(steps, vec![("reasoning", "science-idea", 0.5), ("claim", "qualified", 0.5)]);
    assert_eq!(
        fb.next_steps[0].action,
        "Explain with a science idea: what do plants use light for?"
    );
    assert_eq!(fb.next_steps[0].reason, "This helps your Reasoning reach Proficient.");
    assert_eq!(fb.next_steps[1].toward.label, "Advanced");
}

#[test]
fn strengths_point_at_the_words_in_utf16_units() {
    // 🌱 is two UTF-16 units, so "I think" starts at 3 (🌱 = 0..2, space = 2).
    let text = "🌱 I think light helps plants grow. The data table shows 12 cm.";
    let fb = give(&cer_lab(), text, Locale::En, None);
    let claim =
        fb.strengths.iter().find(|s| s.indicator == "has-claim").expect("a claim was found");
    let spans: Vec<(u32, u32)> = claim.spans.iter().map(|s| (s.start.0, s.end.0)).collect();
    assert_eq!(spans, vec![(3, 10)]);
    assert!(claim.spans.iter().all(|s| &*s.field == "response"));
    // "12 cm": the text is ASCII after the emoji, so its UTF-16 offset is its byte offset − 2.
    let at = text.find("12 cm").unwrap() as u32 - 2;
    let unit =
        fb.strengths.iter().find(|s| s.indicator == "measurement").expect("a unit was found");
    assert_eq!(
        unit.spans.iter().map(|s| (s.start.0, s.end.0)).collect::<Vec<_>>(),
        vec![(at, at + 5)]
    );
}

#[test]
fn an_empty_answer_gets_one_step_per_criterion_and_no_strengths() {
    let fb = give(&cer_lab(), "", Locale::En, Some(4.0));
    assert!(fb.strengths.is_empty());
    // Target 4, everything at 1: three levels to go each; the next level (2) needs one
    // indicator each, none started (closeness 0):
    //   evidence 2 × 3 × 0.5 = 3.0; claim 1 × 3 × 0.5 = 1.5; reasoning 1 × 3 × 0.5 = 1.5
    // (claim before reasoning: rubric order breaks the tie).
    let steps: Vec<(&str, &str, f64)> = fb
        .next_steps
        .iter()
        .map(|s| (s.criterion.as_str(), s.indicator.as_str(), s.priority))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("evidence", "mentions-data", 3.0),
            ("claim", "has-claim", 1.5),
            ("reasoning", "because", 1.5)
        ]
    );
    // The step is the next level up (2), not the whole staircase to 4.
    assert!(fb.next_steps.iter().all(|s| s.toward.value == 2.0));
    assert!(fb.progress.iter().all(|p| p.levels_to_go == 3 && p.target.value == 4.0 && !p.stretch));
}

#[test]
fn top_of_every_criterion_means_no_steps_and_a_forward_looking_goal() {
    let text = "My claim is that bean plants grow taller with more light, at least for bean plants in our test. \
Our data table shows the window plant grew to 15.2 cm, while the closet plant only reached 4.1 cm. \
This happens because plants use light energy for photosynthesis. The leaves use chlorophyll to capture \
energy from light and make sugar, and the plant uses that sugar to build new cells and grow. The plant in \
the dark had no light energy, so it could only use the food stored inside the seed. When that food ran \
out it stopped growing and turned pale. This shows that light is needed for a bean plant to keep growing, \
and it explains why the plants by the window were the tallest ones in every group that we measured.";
    // Written in English, read with Spanish messages: the submission says its language.
    let mut submission = Submission::of_text(text);
    submission.locale = Some("en".into());
    let options = FeedbackOptions { locale: Locale::Es, target: None };
    let fb = feedback_for(&cer_lab(), &submission, &options).expect("a valid submission");
    assert!(
        fb.progress.iter().all(|p| p.current.value == 4.0 && p.levels_to_go == 0),
        "{:?}",
        fb.progress
    );
    assert!(fb.next_steps.is_empty());
    assert_eq!(fb.goal.message, messages::render(Locale::Es, messages::Key::GoalTopReached, &[]));
    assert_eq!(fb.strengths.len(), 9);
}

/// A water-cycle rubric whose indicators have no hints, so the engine writes every action,
/// and whose checks give partial closeness.
const WATER_CYCLE: &str = r#"{
  "id": "water-cycle", "title": "Explain the water cycle", "locale": "en",
  "criteria": [
    {"id": "detail", "title": "Detail", "weight": 1,
     "levels": [{"value": 1, "descriptor": "Very short."},
                {"value": 2, "descriptor": "Some detail.", "requires": ["long"]},
                {"value": 3, "descriptor": "Detail with an example.", "student": "I can give an example.", "requires": ["long", "example"]}],
     "indicators": [{"id": "long", "label": "more detail", "check": {"type": "wordCount", "min": 40}},
                    {"id": "example", "check": {"type": "phrases", "anyOf": ["for example", "such as"]}}]},
    {"id": "vocab", "title": "Science words", "weight": 2,
     "levels": [{"value": 1, "descriptor": "Few science words."},
                {"value": 2, "descriptor": "Names the three stages.", "requires": ["terms"]},
                {"value": 3, "descriptor": "Names the stages and the cycle.", "requires": ["terms", "cycle"]}],
     "indicators": [{"id": "terms", "check": {"type": "phrases", "allOf": ["evaporation", "condensation", "precipitation"]}},
                    {"id": "cycle", "check": {"type": "phrases", "anyOf": ["water cycle"]}}]},
    {"id": "order", "title": "Order", "weight": 1,
     "levels": [{"value": 1, "descriptor": "No order."},
                {"value": 2, "descriptor": "Uses order words.", "requires": ["sequence"]},
                {"value": 3, "descriptor": "Order words and paragraphs.", "requires": ["sequence", "paragraphs"]}],
     "indicators": [{"id": "sequence", "check": {"type": "phrases", "anyOf": ["first", "then", "finally"], "minCount": 2}},
                    {"id": "paragraphs", "check": {"type": "paragraphCount", "min": 2}}]},
    {"id": "close", "title": "Conclusion", "weight": 1,
     "levels": [{"value": 1, "descriptor": "No conclusion."},
                {"value": 2, "descriptor": "Sums up.", "requires": ["sum"]},
                {"value": 3, "descriptor": "Sums up with a cause.", "requires": ["sum", "cause"]}],
     "indicators": [{"id": "sum", "check": {"type": "phrases", "anyOf": ["in conclusion", "to sum up"]}, "hint": "End with one sentence that sums up the cycle."},
                    {"id": "cause", "check": {"type": "phrases", "anyOf": ["because"]}}]}
  ]
}"#;

#[test]
fn closeness_weight_and_distance_rank_the_steps_and_only_three_are_given() {
    let rubric = CompiledRubric::from_json(WATER_CYCLE).unwrap();
    // 11 words; two of the three stage words; one order word of the two needed.
    let text = "Water goes up by evaporation. Then it makes clouds by condensation.";
    let fb = give(&rubric, text, Locale::En, None);
    // All four criteria are at 1, target 3 (two levels to go). By hand:
    //   vocab:  terms, allOf 2 of 3 → closeness 2/3:   2 × 2 × (0.5 + 1/3)  = 3.333…
    //   order:  sequence, 1 of minCount 2 → 0.5:        1 × 2 × (0.5 + 0.25) = 1.5
    //   detail: long, 11 of 40 words → 0.275:           1 × 2 × (0.5 + 0.1375) = 1.275
    //   close:  sum, nothing yet → 0:                   1 × 2 × 0.5 = 1.0 — fourth, left out
    let steps: Vec<(&str, &str)> =
        fb.next_steps.iter().map(|s| (s.criterion.as_str(), s.indicator.as_str())).collect();
    assert_eq!(steps, vec![("vocab", "terms"), ("order", "sequence"), ("detail", "long")]);
    let priorities: Vec<f64> = fb.next_steps.iter().map(|s| s.priority).collect();
    for (got, want) in priorities.iter().zip([2.0 * 2.0 * (0.5 + 1.0 / 3.0), 1.5, 1.275]) {
        assert!((got - want).abs() < 1e-9, "{priorities:?}");
    }
    // No hints in the rubric: the engine builds each action from the check and what was
    // found: the one stage word missing; 40 − 11 = 29 words missing, said as "about 30".
    let actions: Vec<&str> = fb.next_steps.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "Use a word like “precipitation” in the Science words part.",
            "Use words like “first” at least 2 times.",
            "Add about 30 more words to give more detail.",
        ]
    );
    // The same in Spanish: engine words translated, the rubric's words (label, titles) as written.
    let es = give(&rubric, text, Locale::Es, None);
    let acciones: Vec<&str> = es.next_steps.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(
        acciones,
        vec![
            "Usa una palabra como “precipitation” en la parte de Science words.",
            "Usa palabras como “first” al menos 2 veces.",
            "Agrega unas 30 palabras más para dar more detail.",
        ]
    );
    assert_eq!(
        es.next_steps[0].reason,
        "Esto ayuda a que la parte de Science words llegue a Developing."
    );
    assert_eq!(es.goal.message, "Tu meta es Proficient en cada parte.");
    // With two stage words missing, the action lists just those two.
    let fb = give(&rubric, "Evaporation lifts water into the air.", Locale::En, None);
    let vocab = fb.next_steps.iter().find(|s| s.criterion == "vocab").expect("a vocab step");
    assert_eq!(vocab.action, "Use each of these words: “condensation”, “precipitation”.");
}

#[test]
fn one_criterion_can_fill_all_three_steps() {
    let rubric = CompiledRubric::from_json(
        r#"{"id": "summary", "title": "Summary", "kind": "holistic",
            "criteria": [{"id": "summary", "title": "Summary",
              "levels": [{"value": 1, "descriptor": "Not yet."},
                         {"value": 2, "descriptor": "A summary.", "requires": ["topic", "length", "order"]},
                         {"value": 3, "descriptor": "A summary with a source.", "requires": ["topic", "length", "order", "source"]}],
              "indicators": [
                {"id": "topic", "check": {"type": "phrases", "anyOf": ["photosynthesis"]}, "hint": "Name the process."},
                {"id": "length", "check": {"type": "wordCount", "min": 20}, "hint": "Write a few more sentences."},
                {"id": "order", "check": {"type": "phrases", "anyOf": ["first", "then"], "minCount": 2}, "hint": "Put the steps in order."},
                {"id": "source", "check": {"type": "phrases", "anyOf": ["according to"]}, "hint": "Name your source."}]}]}"#,
    )
    .unwrap();
    // 5 words, one order word. Level 1, target 3 (two levels to go); level 2 needs three
    // unmet indicators: order 0.5 → 2 × 0.75 = 1.5; length 5/20 → 2 × 0.625 = 1.25; topic → 1.0.
    // "source" belongs to level 3, a later step: not offered yet.
    let fb = give(&rubric, "Then the plant makes sugar.", Locale::En, None);
    let steps: Vec<(&str, f64)> =
        fb.next_steps.iter().map(|s| (s.indicator.as_str(), s.priority)).collect();
    assert_eq!(steps, vec![("order", 1.5), ("length", 1.25), ("topic", 1.0)]);
}

#[test]
fn options_are_read_and_checked_against_the_scale() {
    let rubric = cer_lab();
    let options = FeedbackOptions::from_value(
        &serde_json::json!({"locale": "es-MX", "target": 4}),
        &rubric,
        "options",
    )
    .unwrap();
    assert_eq!(options, FeedbackOptions { locale: Locale::Es, target: Some(4.0) });
    let err = FeedbackOptions::from_value(
        &serde_json::json!({"locale": 3, "target": 7, "goal": 1}),
        &rubric,
        "options",
    )
    .unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        vec![
            "options.locale: expected a string, found a number",
            "options.target: 7 is not a level of the scale; expected one of: 1 (Beginning), 2 (Developing), 3 (Proficient), 4 (Advanced)",
            "options.goal: unknown field; expected one of: locale, target",
        ]
    );
    // In the library itself a target between levels snaps up to the next level.
    let fb = give(&rubric, MIDDLING, Locale::En, Some(2.5));
    assert_eq!(fb.goal.level.value, 3.0);
}

#[test]
fn feedback_serializes_in_camel_case() {
    let fb = give(&cer_lab(), MIDDLING, Locale::Es, None);
    let json = serde_json::to_value(&fb).unwrap();
    for key in ["goal", "strengths", "nextSteps", "progress", "locale"] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["locale"], "es");
    assert!(json["progress"][0].get("levelsToGo").is_some());
}

#[test]
fn a_checklist_aims_at_the_next_scale_level_with_its_unmet_items() {
    let rubric = CompiledRubric::from_json(
        r#"{"id": "lab-notes", "title": "Lab notebook", "kind": "checklist",
            "criteria": [{"id": "notes", "title": "Notebook",
              "indicators": [
                {"id": "units", "check": {"type": "phrases", "anyOf": ["cm", "mm"]}, "praise": "Your numbers have units."},
                {"id": "table", "check": {"type": "phrases", "anyOf": ["table"]}},
                {"id": "graph", "check": {"type": "phrases", "anyOf": ["graph"]}, "hint": "Draw a graph of height by day."},
                {"id": "long", "check": {"type": "wordCount", "min": 20}}]}]}"#,
    )
    .unwrap();
    // 11 words; "cm" and "table" met: 2 of 4 points → 1 + 0.5 × 3 = 2.5 → level 2 (floor).
    let fb = give(&rubric, "My table shows the plant grew 12 cm in ten days.", Locale::En, None);
    assert_eq!(
        (fb.progress[0].current.value, fb.progress[0].target.value, fb.progress[0].levels_to_go),
        (2.0, 3.0, 1)
    );
    assert_eq!(fb.goal.criteria[0].statement, "Do each item on the Notebook list.");
    // Strengths: the praise where given, else the engine's sentence for a phrase check.
    let praised: Vec<&str> = fb.strengths.iter().map(|s| s.message.as_str()).collect();
    assert_eq!(praised, vec!["Your numbers have units.", "You used key words for Notebook."]);
    // Steps: long 11/20 → 1 × 1 × (0.5 + 0.275) = 0.775; graph (nothing) → 0.5.
    // 9 words missing: said exactly below ten.
    let steps: Vec<(&str, &str)> =
        fb.next_steps.iter().map(|s| (s.indicator.as_str(), s.action.as_str())).collect();
    assert_eq!(
        steps,
        vec![
            ("long", "Add about 9 more words: say what happened and why."),
            ("graph", "Draw a graph of height by day.")
        ]
    );
    assert!((fb.next_steps[0].priority - 0.775).abs() < 1e-9);
}
