//! The language rules of feedback: every engine sentence reads at grade 6 or below in both
//! locales, and no feedback on real student work grades, compares or praises the person.
//!
//! Readability is the engine's own estimate, `text::readability::grade_level` (Flesch–Kincaid
//! for English, Szigriszt–Pazos on the INFLESZ grade bands for Spanish).

use evident::feedback::messages::{render, template, Key};
use evident::feedback::{feedback_for, Feedback, FeedbackOptions, Locale};
use evident::{CompiledRubric, Submission};

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn grade_level(text: &str, locale: Locale) -> f64 {
    evident::text::readability::grade_level(text, locale.tag())
}

#[test]
fn the_estimate_agrees_with_a_worked_example() {
    // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables (Flesch–Kincaid):
    // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    assert!((grade_level("The cat sat on the mat.", Locale::En) - (-1.45)).abs() < 1e-9);
    // "La planta crece." la 1 + plan-ta 2 + cre-ce 2 = 5 syllables, 3 words, 1 sentence:
    // Szigriszt P = 206.835 − 62.3 × 5/3 − 3 = 100.00167; past the INFLESZ anchor P 80 →
    // grade 4 the slope of 80 → 65 (3 grades per 15 points) continues:
    // 4 − 20.00167/5 = −0.000333.
    assert!((grade_level("La planta crece.", Locale::Es) - (-0.000333)).abs() < 1e-6);
}

/// Short rubric text to fill the blanks with: what is measured is the engine's own words
/// (the rubric's titles and labels are the author's, used as written, and "Proficient" alone
/// would push a five-word sentence past grade 6).
fn fills(locale: Locale) -> Vec<(&'static str, &'static str)> {
    match locale {
        Locale::En => vec![
            ("label", "a claim"),
            ("criterion", "Claim"),
            ("phrase", "because"),
            ("phrases", "“light”, “grow”"),
            ("count", "60"),
            ("unit", "cm"),
            ("level", "Level 3"),
        ],
        Locale::Es => vec![
            ("label", "una afirmación"),
            ("criterion", "Datos"),
            ("phrase", "porque"),
            ("phrases", "“luz”, “crecer”"),
            ("count", "60"),
            ("unit", "cm"),
            ("level", "Nivel 3"),
        ],
    }
}

#[test]
fn every_engine_sentence_reads_at_grade_six_or_below() {
    // Readability formulas are built for passages: on a three-word sentence one long word
    // decides everything ("Incluiste una afirmación." scores grade 16 by Szigriszt). So each
    // catalog is read as one passage, as a student reads a feedback panel; English sentences,
    // where Flesch–Kincaid stays sensible on short text, must also pass one by one, and
    // Spanish ones must stay short (at most 15 words).
    let mut hard = Vec::new();
    for locale in Locale::ALL {
        let mut passage = Vec::new();
        for &key in Key::ALL {
            let text = render(locale, key, &fills(locale));
            assert!(!text.contains('{'), "{key:?} ({locale:?}) left a blank: {text}");
            let grade = grade_level(&text, locale);
            if locale == Locale::En && grade > 6.0 {
                hard.push(format!("{key:?} reads at grade {grade:.1}: {text}"));
            }
            for sentence in text.split_inclusive(['.', ':']) {
                if words(sentence).len() > 15 {
                    hard.push(format!(
                        "{key:?} ({locale:?}) has a sentence of more than 15 words: {text}"
                    ));
                }
            }
            passage.push(text);
        }
        let grade = grade_level(&passage.join(" "), locale);
        if grade > 6.0 {
            hard.push(format!("the {locale:?} catalog reads at grade {grade:.1}"));
        }
    }
    assert!(hard.is_empty(), "{}", hard.join("\n"));
}

/// Phrases that grade, compare with others, or praise the person instead of the work.
const BANNED: [(&str, Locale); 24] = [
    ("smart", Locale::En),
    ("clever", Locale::En),
    ("genius", Locale::En),
    ("talent", Locale::En),
    ("good job", Locale::En),
    ("great job", Locale::En),
    ("you are ", Locale::En),
    ("other students", Locale::En),
    ("classmates", Locale::En),
    ("than others", Locale::En),
    ("average", Locale::En),
    ("score", Locale::En),
    ("grade", Locale::En),
    ("%", Locale::En),
    ("inteligente", Locale::Es),
    ("talento", Locale::Es),
    ("buen trabajo", Locale::Es),
    ("eres ", Locale::Es),
    ("otros estudiantes", Locale::Es),
    ("tus compañeros", Locale::Es),
    ("promedio", Locale::Es),
    ("calificación", Locale::Es),
    ("nota ", Locale::Es),
    ("%", Locale::Es),
];

#[test]
fn no_catalog_sentence_grades_compares_or_praises_the_person() {
    for locale in Locale::ALL {
        for &key in Key::ALL {
            let text = template(locale, key).to_lowercase();
            for (phrase, _) in BANNED.iter().filter(|(_, l)| *l == locale) {
                assert!(!text.contains(phrase), "{key:?} ({locale:?}) says “{phrase}”: {text}");
            }
        }
    }
}

fn every_message(fb: &Feedback) -> Vec<String> {
    let mut out = vec![fb.goal.message.clone()];
    out.extend(fb.goal.criteria.iter().map(|g| g.statement.clone()));
    out.extend(fb.strengths.iter().map(|s| s.message.clone()));
    for step in &fb.next_steps {
        out.push(step.action.clone());
        out.push(step.reason.clone());
    }
    out
}

#[test]
fn feedback_on_the_sample_class_follows_the_rules_in_both_languages() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let rubric = CompiledRubric::from_json(
        &std::fs::read_to_string(format!("{dir}/examples/cer-lab.rubric.json")).unwrap(),
    )
    .unwrap();
    let samples = std::fs::read_to_string(format!("{dir}/examples/cer-lab.samples.jsonl")).unwrap();
    // The scale's labels in every language the rubric gives them.
    let labels: Vec<String> = rubric
        .rubric
        .scale
        .levels
        .iter()
        .flat_map(|l| l.label.translations().values().cloned().chain([l.label.to_string()]))
        .map(|l| l.to_lowercase())
        .collect();
    let mut checked = 0;
    for line in samples.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let submission: Submission = serde_json::from_value(value["submission"].clone()).unwrap();
        for locale in Locale::ALL {
            let fb = feedback_for(&rubric, &submission, &FeedbackOptions { locale, target: None })
                .unwrap();
            assert!(fb.next_steps.len() <= 3);
            // The rubric as the student reads it, in the feedback's language.
            let localized = rubric.in_locale(Some(locale.tag())).unwrap();
            let shown = localized.as_deref().unwrap_or(&rubric);
            // Each step names its criterion (or, from the integrity guards, the answer as a
            // whole) and gives one action (one or two sentences).
            for step in &fb.next_steps {
                assert!(
                    (step.criterion.is_empty() && step.indicator.is_empty())
                        || shown
                            .criteria
                            .iter()
                            .any(|c| c.id == step.criterion && *c.title == *step.title),
                    "{step:?}"
                );
                assert!(step.action.matches(['.', '?', '!']).count() <= 2, "{}", step.action);
            }
            for message in every_message(&fb) {
                let lower = message.to_lowercase();
                for (phrase, _) in BANNED.iter() {
                    assert!(!lower.contains(phrase), "“{phrase}” in: {message}");
                }
                // Not grade-only: take away the level labels and something about the task remains.
                let mut rest = lower.clone();
                for label in &labels {
                    rest = rest.replace(label.as_str(), "");
                }
                assert!(words(&rest).len() >= 3, "grade-only message: {message}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 24, "the sample class has 12 to 20 responses; checked {checked} feedbacks");
}
