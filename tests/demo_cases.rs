//! The demo's own task (examples/cer-lab.rubric.json) scored as a teacher would, on the five
//! answers that used to fool it: a keyword list, an answer about something else with a
//! measurement in it, a correct answer without the word "data", a Spanish answer, and
//! Spanish feedback. Levels worked out by hand from the rubric, in the comments.

use evident::{feedback_for, CompiledRubric, FeedbackOptions, Locale, Submission};

fn cer() -> CompiledRubric {
    CompiledRubric::from_json(include_str!("../examples/cer-lab.rubric.json")).expect("valid")
}

fn levels(rubric: &CompiledRubric, text: &str, locale: Option<&str>) -> Vec<(String, f64)> {
    let mut s = Submission::of_text(text);
    s.locale = locale.map(str::to_string);
    let report = rubric.score(&s).expect("scores");
    report.criteria.iter().map(|c| (c.id.clone(), c.level)).collect()
}

fn level_of(levels: &[(String, f64)], id: &str) -> f64 {
    levels.iter().find(|(c, _)| c == id).map(|(_, l)| *l).expect("criterion")
}

#[test]
fn a_keyword_list_earns_no_more_than_the_lowest_level() {
    // Fourteen words; all but "cm" are rubric phrases, in six and more occurrences in a row.
    let list = "my claim light grow tall in our test data cm more than because photosynthesis";
    let got = levels(&cer(), list, None);
    assert_eq!(
        got,
        [("claim".to_string(), 1.0), ("evidence".to_string(), 1.0), ("reasoning".to_string(), 1.0)]
    );
}

#[test]
fn an_answer_about_pizza_earns_no_evidence_credit() {
    // None of the task's words (light, bean, plant, grow, tall, data table, measure…): the
    // 5 cm is not evidence about plants.
    let pizza = "Pizza is my favourite food. A slice is about 5 cm wide.";
    let rubric = cer();
    assert_eq!(level_of(&levels(&rubric, pizza, None), "evidence"), 1.0);
    let fb =
        feedback_for(&rubric, &Submission::of_text(pizza), &FeedbackOptions::default()).unwrap();
    assert_eq!(fb.next_steps[0].action, "Stay on the task: read the question again and answer it.");
}

#[test]
fn a_correct_numeric_answer_reaches_proficient_evidence_without_the_word_data() {
    // Two measurements with units (data and measurement met) compared in one sentence
    // (comparison met): Advanced, above Proficient.
    let answer = "Plants in light grew to 14 cm, while in the dark they grew to 6 cm.";
    let evidence = level_of(&levels(&cer(), answer, None), "evidence");
    assert!(evidence >= 3.0, "evidence at {evidence}");
    assert_eq!(evidence, 4.0);
    // One measurement: data and measurement, no comparison: Proficient.
    let one = "The plant in light grew to 14 cm.";
    assert_eq!(level_of(&levels(&cer(), one, None), "evidence"), 3.0);
}

/// English answers and their Spanish translations, which must reach the same levels.
const TWINS: &[(&str, &str)] = &[
    (
        "My claim is that light makes bean plants grow taller. The plants in light grew to 14 cm, while in the dark they grew to 6 cm. This shows that plants need light because they use light energy for photosynthesis.",
        "Mi afirmación es que la luz hace que las plantas de frijol crezcan más altas. Las plantas con luz crecieron 14 cm, mientras que en la oscuridad crecieron 6 cm. Esto muestra que las plantas necesitan luz porque usan la energía de la luz para la fotosíntesis.",
    ),
    (
        "I think light helps plants grow. Our data table shows it.",
        "Creo que la luz ayuda a las plantas a crecer. Nuestra tabla de datos lo muestra.",
    ),
    (
        "The plants in the dark did not grow tall. The ones in light were taller than them, so light matters.",
        "Las plantas en la oscuridad no crecieron altas. Las que tenían luz fueron más altas que ellas, por eso la luz importa.",
    ),
    // The claim in the past tense only: "grew" (irregular, so no stem of "grow") and
    // "crecieron" (a form of "crec*") both answer the question.
    (
        "My claim is that plants in light grew 14 cm and in the dark 6 cm, because light gives energy for photosynthesis.",
        "Mi afirmación es que las plantas con luz crecieron 14 cm y en la oscuridad 6 cm, porque la luz da energía para la fotosíntesis.",
    ),
];

#[test]
fn spanish_answers_reach_the_levels_of_their_english_twins() {
    let rubric = cer();
    // The first twin by hand: claim 3 (a claim about light and growth, no conditions),
    // evidence 4 (two measurements compared in one sentence), reasoning 3 (a link and
    // a science idea, under 120 words).
    assert_eq!(
        levels(&rubric, TWINS[0].0, None),
        [("claim".to_string(), 3.0), ("evidence".to_string(), 4.0), ("reasoning".to_string(), 3.0)]
    );
    // The last by hand: claim 3 ("my claim", light and "grew"), evidence 4 (14 cm and 6 cm
    // compared in one sentence), reasoning 3 ("because" and photosynthesis).
    assert_eq!(
        levels(&rubric, TWINS[3].0, None),
        [("claim".to_string(), 3.0), ("evidence".to_string(), 4.0), ("reasoning".to_string(), 3.0)]
    );
    for (en, es) in TWINS {
        assert_eq!(levels(&rubric, en, Some("en")), levels(&rubric, es, Some("es")), "{es}");
    }
}

#[test]
fn spanish_feedback_shows_spanish_rubric_text() {
    let rubric = cer();
    let options = FeedbackOptions { locale: Locale::Es, target: None };
    let fb = feedback_for(&rubric, &Submission::of_text(TWINS[1].1), &options).unwrap();
    let titles: Vec<&str> = fb.goal.criteria.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Afirmación", "Evidencia", "Razonamiento"]);
    assert!(fb.goal.criteria.iter().all(|c| c.lang == "es"));
    assert_eq!(fb.goal.level.label, "Competente");
    for step in &fb.next_steps {
        assert_eq!(step.lang, "es");
        assert!(
            !step.reason.contains("Evidence") && !step.reason.contains("Developing"),
            "{}",
            step.reason
        );
    }
    assert!(fb.strengths.iter().all(|s| s.lang == "es"));
}

/// "The data show*" takes every tense in English; its Spanish twin does too ("muestran",
/// "muestra", "mostraron"): each of these states a claim (claim level 2 at least, by hand:
/// `has-claim` alone; none names light and growth).
#[test]
fn the_data_show_counts_as_a_claim_in_every_tense_in_both_languages() {
    let rubric = cer();
    for (text, locale) in [
        ("The data showed a difference.", "en"),
        ("The data shows a difference.", "en"),
        ("Los datos mostraron una diferencia.", "es"),
        ("Los datos muestran una diferencia.", "es"),
    ] {
        assert_eq!(level_of(&levels(&rubric, text, Some(locale)), "claim"), 2.0, "{text}");
    }
}
