//! The `phrases` check on realistic student writing, English and Spanish: stems, accents,
//! typos, wildcards, alternatives, case, substrings; spans read back as UTF-16 slices.

mod common;
use common::{evaluate, slices};
use serde_json::json;

#[test]
fn stems_find_inflected_forms_after_emoji_and_accents() {
    let text = "🧪 Día 1 — We measured the stems. Measuring was hard, but each measurement was taken twice.";
    let check = json!({"type": "phrases", "anyOf": ["measure"], "stem": true, "minCount": 3});
    let o = &evaluate("en", &[check], text)[0];
    // Snowball English: measured, measuring, measurement → "measur", as does "measure".
    assert!(o.met);
    assert_eq!(slices(text, o), ["measured", "Measuring", "measurement"]);
    assert_eq!(o.found, 3.0);
}

#[test]
fn without_stem_only_the_written_form_counts() {
    let text = "We measured the stems and measured them again.";
    let check = json!({"type": "phrases", "anyOf": ["measure"], "minCount": 3});
    let o = &evaluate("en", &[check], text)[0];
    assert!(!o.met);
    assert_eq!(o.found, 0.0);
    let check = json!({"type": "phrases", "anyOf": ["measured"], "minCount": 3});
    let o = &evaluate("en", &[check], text)[0];
    // 2 of 3 occurrences: closeness 2/3.
    assert!(!o.met);
    assert!((o.closeness - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        slices(text, o),
        ["measured", "measured"],
        "partial finds keep their spans for feedback"
    );
}

#[test]
fn ignore_accents_forgives_missing_tildes_in_spanish() {
    let text =
        "La fotosintesis ocurre en las hojas. Sin luz no hay fotosíntesis, y la planta no crece.";
    // `negation: any`: the second occurrence stands after "Sin luz no hay", a negated clause,
    // which the default (`skip`) would not count; this test is about accents.
    let folded = json!({"type": "phrases", "anyOf": ["fotosíntesis"], "ignoreAccents": true,
                        "minCount": 2, "negation": "any"});
    let strict =
        json!({"type": "phrases", "anyOf": ["fotosíntesis"], "minCount": 2, "negation": "any"});
    let o = evaluate("es", &[folded, strict], text);
    assert!(o[0].met);
    assert_eq!(slices(text, &o[0]), ["fotosintesis", "fotosíntesis"]);
    assert!(!o[1].met);
    assert_eq!(slices(text, &o[1]), ["fotosíntesis"]);
    assert!((o[1].closeness - 0.5).abs() < 1e-9);
}

#[test]
fn spanish_stems_with_accents_folded() {
    // Snowball Spanish: "crecer", "crecieron" and "crece" → "crec"; the noun "crecimiento"
    // keeps its suffix ("crecimient"), so a teacher who wants it adds `crecimiento`.
    let text =
        "Las plantas crecieron más con luz. El crecimiento fue rápido y la planta crece cada día.";
    let check = json!({"type": "phrases", "anyOf": ["crecer"], "stem": true, "minCount": 2});
    let o = &evaluate("es", &[check], text)[0];
    assert!(o.met, "{o:?}");
    assert_eq!(slices(text, o), ["crecieron", "crece"]);
    // Accents: "fotosíntesis" and "fotosintesis" share the stem "fotosintesis" even without
    // ignoreAccents, because the Spanish stemmer drops the acute accent itself.
    // (`negation: any`: the second stands after "sin", which negates its clause.)
    let check = json!({"type": "phrases", "anyOf": ["fotosíntesis"], "stem": true, "minCount": 2,
                       "negation": "any"});
    let text = "La fotosintesis necesita luz; sin fotosíntesis no hay azúcar.";
    assert_eq!(slices(text, &evaluate("es", &[check], text)[0]), ["fotosintesis", "fotosíntesis"]);
}

#[test]
fn fuzzy_auto_forgives_typos_by_word_length() {
    // "hypotesis" is one deletion from "hypothesis" (10 letters: auto allows 2 edits).
    // "variabel" swaps two letters of "variable": Levenshtein counts that as 2 edits and an
    // 8-letter word gets 1, so it is not accepted.
    let text = "My hypotesis is that the variabel of light changes growth.";
    let check = json!({"type": "phrases", "allOf": ["hypothesis", "variable"], "fuzzy": "auto"});
    let o = &evaluate("en", &[check], text)[0];
    assert!(!o.met);
    assert_eq!(o.missing, ["variable"]);
    assert!((o.closeness - 0.5).abs() < 1e-9);
    assert_eq!(slices(text, o), ["hypotesis"]);
    // Short words get no edit under auto: "sal" is not "sol".
    let sol = json!({"type": "phrases", "anyOf": ["sol"], "fuzzy": "auto"});
    let o = &evaluate("es", std::slice::from_ref(&sol), "Añadimos sal al agua.")[0];
    assert!(!o.met);
    // With an explicit 1 it is.
    let sol1 = json!({"type": "phrases", "anyOf": ["sol"], "fuzzy": 1});
    assert!(evaluate("es", &[sol1], "Añadimos sal al agua.")[0].met);
}

#[test]
fn fuzzy_auto_measures_the_stem_it_compares() {
    // With `stem`, "pores" is compared as its stem "pore": four letters, so auto allows no
    // edit, and "More" (stem "more", one substitution away) is not a pore. Measured on the
    // written word (five letters, one edit) it was.
    let text = "More water moved in. The pores let water through, and each pore is small.";
    let check = json!({"type": "phrases", "anyOf": ["pores"], "stem": true, "fuzzy": "auto",
                       "minCount": 3});
    let o = &evaluate("en", &[check], text)[0];
    assert!(!o.met);
    assert_eq!(slices(text, o), ["pores", "pore"]);
    assert_eq!(o.found, 2.0);
    // "membranes" stems to "membran" (seven letters: one edit), so "membrains" (stem
    // "membrain", one insertion) still counts, and "membrane" itself of course.
    let text = "Water crosses the membrains. The membrane lets it in.";
    let check = json!({"type": "phrases", "anyOf": ["membranes"], "stem": true, "fuzzy": "auto",
                       "minCount": 2});
    let o = &evaluate("en", &[check], text)[0];
    assert!(o.met);
    assert_eq!(slices(text, o), ["membrains", "membrane"]);
}

#[test]
fn a_word_run_into_the_next_sentence_is_still_found() {
    // A missing space after a full stop: "cell.tRNA" and "concentration.Osmosis" are two
    // words each, so "tRNA" and "osmosis" are found; "e.g." stays one word.
    let text = "The mRNA leaves the cell.tRNA brings amino acids, e.g. from low concentration.Osmosis follows.";
    let check = json!({"type": "phrases", "anyOf": ["trna", "osmosis", "cell", "e.g", "g"]});
    let o = &evaluate("en", &[check], text)[0];
    assert!(o.met);
    assert_eq!(slices(text, o), ["cell", "tRNA", "e.g", "Osmosis"]);
    assert_eq!(o.found, 4.0);
}

#[test]
fn wildcards_and_alternatives_and_multiword_phrases() {
    let text = "The data shows that the colour changed. Our data show* nothing else.";
    let checks = [
        json!({"type": "phrases", "anyOf": ["the data show*"]}),
        json!({"type": "phrases", "allOf": ["colour|color", "chang*"]}),
    ];
    let o = evaluate("en", &checks, text);
    assert!(o[0].met);
    assert_eq!(slices(text, &o[0]), ["The data shows"]);
    assert!(o[1].met);
    assert_eq!(slices(text, &o[1]), ["colour", "changed"]);
}

#[test]
fn case_sensitive_and_substring_matching() {
    let text = "Photosynthesis needs light; DNA and dna differ here.";
    let checks = [
        json!({"type": "phrases", "anyOf": ["DNA"], "caseSensitive": true}),
        json!({"type": "phrases", "anyOf": ["photo"], "wholeWord": false}),
        json!({"type": "phrases", "anyOf": ["photo"]}),
    ];
    let o = evaluate("en", &checks, text);
    assert_eq!(slices(text, &o[0]), ["DNA"]);
    assert_eq!(slices(text, &o[1]), ["Photosynthesis"], "substring matches report the whole word");
    assert!(!o[2].met);
}

#[test]
fn phrases_do_not_cross_paragraphs_and_spans_are_field_offsets() {
    let text =
        "Mi conclusión es clara.\n\n¿Por qué? 🌱 Porque la luz\n\nayuda. Por eso la luz ayuda.";
    let check = json!({"type": "phrases", "anyOf": ["la luz ayuda", "mi conclusión"]});
    let o = &evaluate("es", &[check], text)[0];
    // "la luz" ends a paragraph and "ayuda" starts the next: that is not an occurrence.
    assert_eq!(slices(text, o), ["Mi conclusión", "la luz ayuda"]);
    assert_eq!(o.found, 2.0);
}

#[test]
fn many_indicators_share_one_pass_and_keep_their_own_results() {
    let text =
        "I claim that light helps growth. The data show taller plants in light, so light matters.";
    let checks = [
        json!({"type": "phrases", "anyOf": ["I claim", "my claim"]}),
        json!({"type": "phrases", "anyOf": ["light"], "minCount": 3}),
        json!({"type": "phrases", "anyOf": ["the data show*"]}),
        json!({"type": "phrases", "allOf": ["light", "grow*|tall*"]}),
        json!({"type": "phrases", "anyOf": ["because"]}),
    ];
    let o = evaluate("en", &checks, text);
    assert_eq!(slices(text, &o[0]), ["I claim"]);
    assert_eq!(o[1].found, 3.0);
    assert!(o[1].met);
    assert_eq!(slices(text, &o[2]), ["The data show"]);
    assert_eq!(slices(text, &o[3]), ["light", "growth", "taller", "light", "light"]);
    assert!(!o[4].met);
    assert_eq!(o[4].closeness, 0.0);
}
