//! The rubric language for real rubrics (SPEC "Rubric language for real rubrics"): N of M,
//! together, negation, numbers without an exact value, texts and phrases by locale, and the
//! integrity guards, each on student writing with the expected result worked out by hand.

mod common;
use common::{evaluate, slices};
use evident::feedback::{feedback_for, FeedbackOptions, Locale};
use evident::{CompiledRubric, Submission};
use serde_json::json;

fn submission(text: &str, locale: Option<&str>) -> Submission {
    let mut s = Submission::of_text(text);
    s.locale = locale.map(str::to_string);
    s
}

/// "Any n of these five key elements": three levels requiring atLeast 1, 2 and 3 of them,
/// as ASAP item rubrics are written.
fn key_elements() -> CompiledRubric {
    let doc = json!({
        "id": "membrane", "title": "Cell membrane",
        "scale": {"levels": [{"value": 0, "label": "0"}, {"value": 1, "label": "1"},
                             {"value": 2, "label": "2"}, {"value": 3, "label": "3"}], "mastery": 2},
        "criteria": [{"id": "transport", "title": "Transport across the membrane",
          "levels": [
            {"value": 0, "points": 0, "descriptor": "No key element."},
            {"value": 1, "points": 1, "descriptor": "One key element.", "requires": ["one"]},
            {"value": 2, "points": 2, "descriptor": "Two key elements.", "requires": ["two"]},
            {"value": 3, "points": 3, "descriptor": "Three key elements.", "requires": ["three"]}],
          "indicators": [
            {"id": "osmosis", "check": {"type": "phrases", "anyOf": ["osmosis"]}},
            {"id": "diffusion", "check": {"type": "phrases", "anyOf": ["diffusion|diffuse*"]}},
            {"id": "active", "check": {"type": "phrases", "anyOf": ["active transport"]},
             "hint": "Name a process that uses energy, such as active transport."},
            {"id": "pumps", "check": {"type": "phrases", "anyOf": ["pump*"]}},
            {"id": "channels", "check": {"type": "phrases", "anyOf": ["channel*"]}},
            {"id": "one", "check": {"type": "atLeast", "n": 1, "of": ["osmosis", "diffusion", "active", "pumps", "channels"]}},
            {"id": "two", "check": {"type": "atLeast", "n": 2, "of": ["osmosis", "diffusion", "active", "pumps", "channels"]}},
            {"id": "three", "check": {"type": "atLeast", "n": 3, "of": ["osmosis", "diffusion", "active", "pumps", "channels"]}}]}]
    });
    CompiledRubric::from_json(&doc.to_string()).expect("valid rubric")
}

#[test]
fn n_of_m_counts_key_elements_and_points_to_the_text() {
    let rubric = key_elements();
    // Osmosis and pumps: two of five elements → level 2, 2 points.
    let text = "Osmosis moves water across the membrane. Proteins act as pumps that move ions.";
    let report = rubric.score(&Submission::of_text(text)).unwrap();
    assert_eq!((report.criteria[0].level, report.total), (2.0, 2.0));
    let two = report.criteria[0].met.iter().find(|m| m.indicator == "two").unwrap();
    let shown: Vec<String> = two.spans.iter().map(|s| common::slice(text, s)).collect();
    assert_eq!(shown, ["Osmosis", "pumps"], "the points are the elements' own words");
    // All five: level 3.
    let all = "Osmosis and diffusion need no energy; active transport uses pumps and channels.";
    assert_eq!(rubric.score(&Submission::of_text(all)).unwrap().total, 3.0);
    // None: level 0.
    assert_eq!(rubric.score(&Submission::of_text("The cell is small.")).unwrap().total, 0.0);
}

#[test]
fn n_of_m_next_step_names_the_most_useful_missing_element() {
    let rubric = key_elements();
    let text = "Osmosis moves water across the membrane. Proteins act as pumps that move ions.";
    let fb =
        feedback_for(&rubric, &Submission::of_text(text), &FeedbackOptions::default()).unwrap();
    // Level 2 of 3: the step toward 3 is one more element. Diffusion, active transport and
    // channels are all unstarted (closeness 0); active transport is the one with a hint.
    assert_eq!(fb.next_steps.len(), 1);
    assert_eq!(fb.next_steps[0].indicator, "active");
    assert_eq!(
        fb.next_steps[0].action,
        "Name a process that uses energy, such as active transport."
    );
}

#[test]
fn n_of_m_names_only_indicators_of_its_criterion() {
    let doc = json!({"id": "r", "title": "R", "criteria": [{"id": "c", "title": "C",
        "levels": [{"value": 1, "descriptor": "a"}, {"value": 2, "descriptor": "b", "requires": ["n"]}],
        "indicators": [
            {"id": "a", "check": {"type": "phrases", "anyOf": ["x"]}},
            {"id": "n", "check": {"type": "atLeast", "n": 3, "of": ["a", "b"]}}]}]});
    let err = CompiledRubric::from_json(&doc.to_string()).unwrap_err().to_string();
    assert!(err.contains("criteria[0].indicators[1].check.of[1]"), "{err}");
    assert!(err.contains("`b` is not an indicator of this criterion"), "{err}");
    assert!(
        err.contains("criteria[0].indicators[1].check.n: asks for 3 but names only 2"),
        "{err}"
    );
}

#[test]
fn negation_skips_denials_by_default() {
    let grow = |mode: &str| json!({"type": "phrases", "anyOf": ["grow*|grew"], "negation": mode});
    let checks = [json!({"type": "phrases", "anyOf": ["grow*|grew"]}), grow("any"), grow("only")];
    // "did not grow": "not" is one word before "grow".
    let o = evaluate("en", &checks, "The plants in the dark did not grow.");
    assert_eq!((o[0].met, o[1].met, o[2].met), (false, true, true));
    // The comma and "but" end the clause: "grew" is affirmed; "did not" has no phrase after it.
    let text = "The plants grew, but the ones in the dark did not.";
    let o = evaluate("en", &checks, text);
    assert_eq!((o[0].met, o[1].met, o[2].met), (true, true, false));
    assert_eq!(slices(text, &o[0]), ["grew"]);
    let es = [
        json!({"type": "phrases", "anyOf": ["crec*"]}),
        json!({"type": "phrases", "anyOf": ["crec*"], "negation": "only"}),
    ];
    let o = evaluate("es", &es, "Las plantas no crecieron en la oscuridad.");
    assert_eq!((o[0].met, o[1].met), (false, true));
}

#[test]
fn numbers_by_range_and_count() {
    let a = "Plants in light grew to 14 cm, but in the dark they grew only 6 cm.";
    let checks = [
        json!({"type": "number", "unit": "cm", "minCount": 2}),
        json!({"type": "number", "unit": "cm", "min": 10}),
        json!({"type": "number", "unit": "cm", "max": 10}),
        json!({"type": "number", "unit": "cm", "min": 20}),
        json!({"type": "number", "equals": 14, "unit": "cm"}),
    ];
    let o = evaluate("en", &checks, a);
    assert_eq!(slices(a, &o[0]), ["14 cm", "6 cm"]);
    assert_eq!(slices(a, &o[1]), ["14 cm"]);
    assert_eq!(slices(a, &o[2]), ["6 cm"]);
    assert!(!o[3].met);
    // 14 and 6 have the unit but neither is 20 or more: closeness (0 + 0.5) / 1.
    assert!((o[3].closeness - 0.5).abs() < 1e-9);
    assert!(o[4].met);
}

#[test]
fn together_in_one_sentence_or_a_window_of_words() {
    let compared = json!({"type": "together", "within": "sentence",
        "checks": [{"type": "number", "unit": "cm", "minCount": 2}]});
    let one = "Plants in light grew to 14 cm, but in the dark they grew only 6 cm.";
    let o = evaluate("en", std::slice::from_ref(&compared), one);
    assert!(o[0].met);
    assert_eq!(slices(one, &o[0]), ["14 cm", "6 cm"]);
    // The same two numbers in two sentences are not compared.
    let two = "Plants in light grew to 14 cm. In the dark they grew 6 cm.";
    assert!(!evaluate("en", std::slice::from_ref(&compared), two)[0].met);

    let near = |within: u32| {
        json!({"type": "together", "within": within, "checks": [
            {"type": "phrases", "anyOf": ["light"]}, {"type": "phrases", "anyOf": ["grew|taller"]}]})
    };
    // "light grew": words 3 and 4, two words apart from first to last.
    let close = "Plants in light grew taller.";
    assert!(evaluate("en", &[near(2)], close)[0].met);
    // "Light" is word 1 and "grew" word 12: twelve words from first to last.
    let far = "Light was on all day and after two weeks the plants grew.";
    let o = evaluate("en", &[near(11), near(12)], far);
    assert_eq!((o[0].met, o[1].met), (false, true));
    assert_eq!(slices(far, &o[1]), ["Light", "grew"]);
}

fn bilingual() -> CompiledRubric {
    let doc = json!({
        "id": "plants", "title": {"en": "Plant growth", "es": "Crecimiento de las plantas"},
        "description": {"en": "Does light make bean plants grow taller?",
                        "es": "¿La luz hace que las plantas de frijol crezcan más?"},
        "criteria": [{"id": "evidence", "title": {"en": "Evidence", "es": "Evidencia"},
          "levels": [
            {"value": 1, "points": 0, "descriptor": {"en": "No evidence yet.", "es": "Aún sin evidencia."}},
            {"value": 2, "points": 1, "descriptor": {"en": "Says what light did.", "es": "Dice qué hizo la luz."},
             "requires": ["light"]},
            {"value": 3, "points": 2, "descriptor": {"en": "Compares two measurements.", "es": "Compara dos medidas."},
             "requires": ["light", "compared"]}],
          "indicators": [
            {"id": "light", "check": {"type": "phrases", "stem": true,
               "anyOf": {"en": ["light"], "es": ["luz"]}},
             "hint": {"en": "Say what the light did.", "es": "Di qué hizo la luz."}},
            {"id": "compared", "check": {"type": "together", "checks": [
               {"type": "number", "unit": "cm", "minCount": 2}]},
             "hint": "Give both heights in one sentence."}]}]
    });
    CompiledRubric::from_json(&doc.to_string()).expect("valid rubric")
}

#[test]
fn a_spanish_answer_reaches_the_level_of_its_english_twin() {
    let rubric = bilingual();
    // (English, Spanish, level each reaches by hand.)
    let twins = [
        (
            "With more light the plant grew to 14 cm, and in the dark only 6 cm.",
            "Con más luz la planta creció 14 cm, y en la oscuridad solo 6 cm.",
            3.0,
        ),
        ("The plant in the light grew more.", "La planta con luz creció más.", 2.0),
        (
            "The plant grew 14 cm. The other grew 6 cm.",
            "La planta creció 14 cm. La otra creció 6 cm.",
            1.0,
        ),
        ("The plant did not get light.", "La planta no recibió luz.", 1.0),
    ];
    for (en, es, level) in twins {
        let en_level = rubric.score(&submission(en, Some("en"))).unwrap().criteria[0].level;
        let es_level = rubric.score(&submission(es, Some("es"))).unwrap().criteria[0].level;
        assert_eq!((en_level, es_level), (level, level), "{en} / {es}");
    }
    // Read as English, the Spanish answer finds none of the English phrases.
    let es = "La planta con luz creció más.";
    assert_eq!(rubric.score(&submission(es, None)).unwrap().criteria[0].level, 1.0);
}

#[test]
fn spanish_feedback_shows_the_rubric_in_spanish_and_says_where_it_falls_back() {
    let rubric = bilingual();
    let options = FeedbackOptions { locale: Locale::Es, target: Some(3.0) };
    let fb = feedback_for(&rubric, &submission("La planta creció.", None), &options).unwrap();
    let goal = &fb.goal.criteria[0];
    assert_eq!((goal.title.as_str(), goal.lang.as_str()), ("Evidencia", "es"));
    assert_eq!(goal.statement, "Compara dos medidas.");
    let step = &fb.next_steps[0];
    assert_eq!((step.action.as_str(), step.lang.as_str()), ("Di qué hizo la luz.", "es"));
    // With light named, the next step is the comparison, whose hint has no Spanish: it is
    // shown in English and says so.
    let fb =
        feedback_for(&rubric, &submission("La planta con luz creció.", None), &options).unwrap();
    let step = &fb.next_steps[0];
    assert_eq!(
        (step.action.as_str(), step.lang.as_str()),
        ("Give both heights in one sentence.", "en")
    );
    // (The rubric keeps the default scale, whose level 3 reads "Competente" in Spanish.)
    assert_eq!(step.reason, "Esto ayuda a que la parte de Evidencia llegue a Competente.");
}

#[test]
fn a_keyword_list_earns_nothing() {
    let doc = json!({"id": "r", "title": "Plants", "criteria": [{"id": "claim", "title": "Claim",
        "levels": [
            {"value": 1, "points": 0, "descriptor": "Not yet."},
            {"value": 2, "points": 1, "descriptor": "A claim about light.", "requires": ["claim", "light"]},
            {"value": 3, "points": 2, "descriptor": "Explained.", "requires": ["claim", "light", "growth", "reason", "science"]}],
        "indicators": [
            {"id": "claim", "check": {"type": "phrases", "anyOf": ["my claim|I claim"]}},
            {"id": "light", "check": {"type": "phrases", "anyOf": ["light"]}},
            {"id": "growth", "check": {"type": "phrases", "anyOf": ["grow*|grew|tall*"]}},
            {"id": "reason", "check": {"type": "phrases", "anyOf": ["because"]}},
            {"id": "science", "check": {"type": "phrases", "anyOf": ["photosynthesis"]}}]}]});
    let rubric = CompiledRubric::from_json(&doc.to_string()).unwrap();
    // Seven words, six separate occurrences in a row, no word left over: a list.
    let list = "my claim light grow tall because photosynthesis";
    let report = rubric.score(&Submission::of_text(list)).unwrap();
    assert_eq!(report.criteria[0].level, 1.0);
    assert_eq!(report.integrity[0].keyword_lists, 1);
    let fb =
        feedback_for(&rubric, &Submission::of_text(list), &FeedbackOptions::default()).unwrap();
    assert_eq!(
        fb.next_steps[0].action,
        "Write your ideas in full sentences. A list of words does not count."
    );
    // Written as a sentence, the same words count: 6 of its 13 words tie them together.
    let sentence = "My claim is that light makes the plants grow tall because of photosynthesis.";
    let report = rubric.score(&Submission::of_text(sentence)).unwrap();
    assert_eq!(report.criteria[0].level, 3.0);
    assert!(report.integrity.is_empty());
    // One word repeated is not evidence either.
    let repeated = "My claim: light light light light.";
    assert_eq!(rubric.score(&Submission::of_text(repeated)).unwrap().criteria[0].level, 1.0);
}

#[test]
fn common_words_a_rubric_looks_for_are_not_keywords() {
    // As ASAP set 10's rubric is written: a verb of prediction, a temperature word and the
    // place, where the verbs include "will" and "be".
    let doc = json!({"id": "r", "title": "Doghouse", "criteria": [{"id": "effect", "title": "Effect",
        "levels": [
            {"value": 1, "points": 0, "descriptor": "Not yet."},
            {"value": 2, "points": 1, "descriptor": "Says how the colour changes the temperature inside.",
             "requires": ["verb", "temperature", "place"]}],
        "indicators": [
            {"id": "verb", "check": {"type": "phrases", "anyOf": ["keep*|stay*|be|is|will|would"]}},
            {"id": "temperature", "check": {"type": "phrases", "anyOf": ["warm*|cool*|hot*|cold*"]}},
            {"id": "place", "check": {"type": "phrases", "anyOf": ["inside|dog house|doghouse"]}}]}]});
    let rubric = CompiledRubric::from_json(&doc.to_string()).unwrap();
    // A real five-word answer without a full stop: "will" and "be" are the words that make
    // it a sentence, so only "cooler" and "inside" are keywords and 3 of 5 words are left.
    let answer = "it will be cooler inside";
    let report = rubric.score(&Submission::of_text(answer)).unwrap();
    assert!(report.integrity.is_empty(), "{:?}", report.integrity);
    assert_eq!(report.criteria[0].level, 2.0);
    // A list of the rubric's words is still one: five separate occurrences, none common.
    let list = "keep warm cool hot inside doghouse";
    let report = rubric.score(&Submission::of_text(list)).unwrap();
    assert_eq!(report.integrity[0].keyword_lists, 1);
    assert_eq!(report.criteria[0].level, 1.0);
}

#[test]
fn an_answer_off_the_task_earns_no_evidence_and_is_asked_to_stay_on_it() {
    let doc = json!({"id": "r", "title": "Plants", "description": "Explain how light affects plant growth.",
        "criteria": [{"id": "evidence", "title": "Evidence", "levels": [
            {"value": 1, "points": 0, "descriptor": "None."},
            {"value": 2, "points": 1, "descriptor": "A measurement.", "requires": ["measured"]}],
          "indicators": [{"id": "measured", "check": {"type": "number", "unit": "cm"}}]}]});
    let rubric = CompiledRubric::from_json(&doc.to_string()).unwrap();
    // Task words: explain, light, affects, plant, growth. The pizza answer has none.
    let pizza = "My favourite pizza is 5 cm thick with lots of cheese.";
    let report = rubric.score(&Submission::of_text(pizza)).unwrap();
    assert_eq!(report.criteria[0].level, 1.0, "5 cm earns nothing off the task");
    assert!(report.integrity[0].off_task);
    let fb =
        feedback_for(&rubric, &Submission::of_text(pizza), &FeedbackOptions::default()).unwrap();
    assert_eq!(fb.next_steps[0].action, "Stay on the task: read the question again and answer it.");
    // One task word ("plant", stemmed from "plants") and the measurement counts.
    let on_task = "The plants were 5 cm taller.";
    let report = rubric.score(&Submission::of_text(on_task)).unwrap();
    assert_eq!(report.criteria[0].level, 2.0);
    assert!(report.integrity.is_empty());
}

#[test]
fn guards_can_be_switched_off() {
    let doc = json!({"id": "r", "title": "Plants", "description": "Explain how light affects plant growth.",
        "integrity": {"keywordLists": false, "offTask": false},
        "criteria": [{"id": "evidence", "title": "Evidence", "levels": [
            {"value": 1, "points": 0, "descriptor": "None."},
            {"value": 2, "points": 1, "descriptor": "A measurement.", "requires": ["measured"]}],
          "indicators": [{"id": "measured", "check": {"type": "number", "unit": "cm"}}]}]});
    let rubric = CompiledRubric::from_json(&doc.to_string()).unwrap();
    let report = rubric.score(&Submission::of_text("My pizza is 5 cm thick.")).unwrap();
    assert_eq!(report.criteria[0].level, 2.0);
}

#[test]
fn a_live_session_sees_a_sentence_split_between_two_measurements() {
    use evident::scoring::Session;
    use std::rc::Rc;
    let rubric = Rc::new(bilingual());
    let joined = "With light the plant grew 14 cm and in the dark 6 cm.";
    let mut session = Session::new(rubric.clone(), Submission::of_text(joined), "response");
    assert_eq!(session.report().criteria[0].level, 3.0);
    // A full stop between the two numbers: they move, none changes, but they are no
    // longer in one sentence.
    let split = "With light the plant grew 14 cm. And in the dark 6 cm.";
    session.update(split);
    assert_eq!(session.report().criteria[0].level, 2.0);
    assert_eq!(session.report(), &rubric.score(&Submission::of_text(split)).unwrap());
    session.update(joined);
    assert_eq!(session.report().criteria[0].level, 3.0);
}

#[test]
fn lint_warns_of_common_words_and_missing_translations() {
    let doc = json!({"id": "r", "title": {"en": "Plants", "es": "Plantas"},
        "criteria": [{"id": "c", "title": "Reasoning",
          "levels": [{"value": 1, "descriptor": "Not yet."},
                     {"value": 2, "descriptor": "Gives a reason.", "requires": ["so", "light"]}],
          "indicators": [
            {"id": "so", "check": {"type": "phrases", "anyOf": ["so", "the data"]}, "hint": "Say why."},
            {"id": "light", "check": {"type": "phrases", "anyOf": ["light", "so"]},
             "hint": {"en": "Name the light.", "es": "Nombra la luz."}}]}]});
    let rubric = evident::parse_rubric(&doc.to_string()).unwrap();
    let advice = evident::lint(&rubric);
    let common: Vec<&str> =
        advice.iter().filter(|a| a.code == "common-words").map(|a| a.path.as_str()).collect();
    // Only the list made of common words alone; "light" saves the second.
    assert_eq!(common, ["criteria[0].indicators[0].check.anyOf"]);
    let missing: Vec<&str> = advice
        .iter()
        .filter(|a| a.code == "missing-translation")
        .map(|a| a.path.as_str())
        .collect();
    // Spanish is given for the title and one hint: every other text lacks it.
    assert_eq!(
        missing,
        [
            "criteria[0].title",
            "criteria[0].levels[0].descriptor",
            "criteria[0].levels[1].descriptor",
            "criteria[0].indicators[0].hint"
        ]
    );
}
