//! CASE 1.0 import: the real CCSS ratio standards package, and one hand-made package per rule.

use evident::interop::case::{import_case, CaseImport};
use serde_json::json;

fn real_package() -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/case/ccss-math-6-rp.json");
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(_) => {
            println!("skipped: {path} is not there");
            None
        }
    }
}

fn competency<'a>(imported: &'a CaseImport, id: &str) -> &'a evident::framework::Competency {
    imported.framework.competency(id).unwrap_or_else(|| panic!("no competency {id}"))
}

const C: &str = "CCSS.Math.Content.";

#[test]
fn the_ccss_ratio_standards_map_to_a_framework() {
    let Some(text) = real_package() else { return };
    let imported = import_case(&text).unwrap();
    let f = &imported.framework;
    assert_eq!(f.id, "20c5134f-423d-4097-a971-3dd5152bf507");
    assert_eq!(f.title, "What Standards Could Be");
    // 16 CFItems, every one with a humanCodingScheme.
    assert_eq!(f.competencies.len(), 16);
    assert!(f.competencies.iter().all(|c| c.id.starts_with(C)));
    // 16 isChildOf: the two clusters point at the CFDocument (top level), 14 at items.
    assert_eq!(f.competencies.iter().filter(|c| c.parent.is_some()).count(), 14);
    assert_eq!(competency(&imported, &format!("{C}6.RP.A")).parent, None);
    assert_eq!(competency(&imported, &format!("{C}7.RP.A")).parent, None);
    assert_eq!(
        competency(&imported, &format!("{C}6.RP.A.1")).parent.as_deref(),
        Some(&*format!("{C}6.RP.A"))
    );
    assert_eq!(
        competency(&imported, &format!("{C}6.RP.A.3a")).parent.as_deref(),
        Some(&*format!("{C}6.RP.A.3"))
    );
    assert_eq!(
        competency(&imported, &format!("{C}7.RP.A.2d")).parent.as_deref(),
        Some(&*format!("{C}7.RP.A.2"))
    );
    let a3 = format!("{C}6.RP.A.3");
    assert_eq!(f.children_of(&a3).count(), 4);
    // 3 precedes: 6.RP.A.1 → 6.RP.A.2 and 6.RP.A.3 → 7.RP.A.3 mapped; the third leaves the file.
    assert_eq!(
        competency(&imported, &format!("{C}6.RP.A.2")).prerequisites,
        [format!("{C}6.RP.A.1")]
    );
    assert_eq!(
        competency(&imported, &format!("{C}7.RP.A.3")).prerequisites,
        [format!("{C}6.RP.A.3")]
    );
    assert_eq!(f.competencies.iter().map(|c| c.prerequisites.len()).sum::<usize>(), 2);
    assert_eq!(
        competency(&imported, &format!("{C}6.RP.A.1")).uri.as_deref(),
        Some("http://opensalt-staging.opened.com/uri/b6f61076-aa12-450b-8f9d-b86bc071f85e")
    );
    assert!(imported.rubrics.is_empty());

    // Unmapped: 16 exactMatchOf + 2 exemplar + 2 isRelatedTo + the precedes that leaves the file.
    let count =
        |needle: &str| imported.unmapped.iter().filter(|u| u.message.contains(needle)).count();
    assert_eq!(imported.unmapped.len(), 21);
    assert_eq!(count("`exactMatchOf` from"), 16);
    assert_eq!(count("`exemplar` from"), 2);
    assert_eq!(count("`isRelatedTo` from"), 2);
    let outside: Vec<_> =
        imported.unmapped.iter().filter(|u| u.message.starts_with("`precedes`")).collect();
    assert_eq!(outside.len(), 1);
    assert_eq!(
        outside[0].message,
        format!("`precedes` from `{C}6.RP.A.2` to a node outside this package (61a66013-f85c-59c7-bdba-a2c9030e1c21): only links between items of this package are mapped")
    );
    assert_eq!(outside[0].identifier.as_deref(), Some("74cf8429-f361-42a9-ad7b-c313ce9a38b9"));
    assert!(outside[0].path.starts_with("CFAssociations["));
}

fn package(
    items: serde_json::Value,
    associations: serde_json::Value,
    rubrics: serde_json::Value,
) -> String {
    json!({
        "CFDocument": {"identifier": "doc-1", "title": "Hand-made", "language": "es"},
        "CFItems": items, "CFAssociations": associations, "CFRubrics": rubrics
    })
    .to_string()
}

fn link(id: &str, kind: &str, from: &str, to: &str) -> serde_json::Value {
    json!({"identifier": id, "associationType": kind,
           "originNodeURI": {"identifier": from, "uri": format!("urn:{from}")},
           "destinationNodeURI": {"identifier": to, "uri": format!("urn:{to}")}})
}

#[test]
fn items_are_named_by_code_or_identifier() {
    let text = package(
        json!([
            {"identifier": "i1", "humanCodingScheme": "M.1", "fullStatement": "Add fractions with unlike denominators."},
            {"identifier": "i2", "fullStatement": "No code here."},
            {"identifier": "i3", "humanCodingScheme": "M.1", "fullStatement": "Same code as i1."},
            {"identifier": "i4", "humanCodingScheme": "M.4", "abbreviatedStatement": "Ratios", "fullStatement": "Understand ratio concepts."}
        ]),
        json!([]),
        json!([]),
    );
    let imported = import_case(&text).unwrap();
    let ids: Vec<&str> = imported.framework.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["M.1", "i2", "i3", "M.4"]);
    let m4 = competency(&imported, "M.4");
    assert_eq!(
        (m4.title.as_str(), m4.description.as_deref()),
        ("Ratios", Some("Understand ratio concepts."))
    );
    let notes: Vec<(&str, &str)> =
        imported.unmapped.iter().map(|u| (u.path.as_str(), u.message.as_str())).collect();
    assert_eq!(
        notes,
        [
            ("CFItems[1]", "item without a humanCodingScheme; named by its identifier"),
            ("CFItems[2]", "another item has the code `M.1`; this one is named by its identifier"),
        ]
    );
}

#[test]
fn links_map_to_parents_and_prerequisites_or_are_reported() {
    let items = json!([
        {"identifier": "u", "humanCodingScheme": "U", "fullStatement": "Unit"},
        {"identifier": "a", "humanCodingScheme": "A", "fullStatement": "First"},
        {"identifier": "b", "humanCodingScheme": "B", "fullStatement": "Second"},
        {"identifier": "c", "humanCodingScheme": "C", "fullStatement": "Third"}
    ]);
    let associations = json!([
        link("l0", "isChildOf", "u", "doc-1"),
        link("l1", "isChildOf", "a", "u"),
        link("l2", "isChildOf", "b", "u"),
        link("l3", "isChildOf", "b", "a"),
        link("l4", "precedes", "a", "b"),
        link("l5", "precedes", "b", "c"),
        link("l6", "precedes", "c", "a"),
        link("l7", "precedes", "a", "u"),
        link("l8", "isChildOf", "c", "elsewhere"),
        link("l9", "isPeerOf", "a", "c"),
        link("l10", "sameAs", "a", "c"),
        link("l11", "precedes", "u", "b")
    ]);
    let imported = import_case(&package(items, associations, json!([]))).unwrap();
    let a = competency(&imported, "A");
    let b = competency(&imported, "B");
    let c = competency(&imported, "C");
    assert_eq!(
        (a.parent.as_deref(), b.parent.as_deref(), c.parent.as_deref()),
        (Some("U"), Some("U"), None)
    );
    // A precedes B: A is a prerequisite of B; B precedes C likewise.
    assert_eq!(b.prerequisites, ["A"]);
    assert_eq!(c.prerequisites, ["B"]);
    assert!(a.prerequisites.is_empty());
    let notes: Vec<(&str, &str)> =
        imported.unmapped.iter().map(|u| (u.path.as_str(), u.message.as_str())).collect();
    assert_eq!(
        notes,
        [
            ("CFAssociations[3]", "`B` already has the parent `U`; an Evident competency has one parent"),
            ("CFAssociations[8]", "`isChildOf` from `C` to a node outside this package (elsewhere): only links between items of this package are mapped"),
            // C precedes A would make A need C, which needs B, which needs A.
            ("CFAssociations[6]", "`C` precedes `A`: this would close a cycle; skipped"),
            // U would require its own part A, whose mastery rolls up into U.
            ("CFAssociations[7]", "`A` precedes `U`: this would close a cycle; skipped"),
            // B would require U, the whole it is part of.
            ("CFAssociations[11]", "`B` is part of `U` and cannot require it; skipped"),
            ("CFAssociations[9]", "`isPeerOf` from `A` to `C` has no counterpart in an Evident framework"),
            ("CFAssociations[10]", "unknown association type `sameAs`"),
        ]
    );
}

#[test]
fn rubrics_map_criteria_levels_and_a_reported_mastery_choice() {
    let items = json!([{"identifier": "i1", "humanCodingScheme": "SCI.CER.1", "fullStatement": "State a claim."}]);
    let rubric = json!({
        "identifier": "r1", "title": "Argument", "description": "Claims and evidence",
        "CFRubricCriteria": [
            {"identifier": "crit-evidence", "description": "Uses data as evidence", "position": 2,
             "CFRubricCriterionLevels": [
                {"identifier": "e2", "quality": "Meets", "description": "Cites data.", "position": 2},
                {"identifier": "e1", "quality": "Below", "description": "No data.", "position": 1}]},
            {"identifier": "crit-claim", "category": "Claim", "description": "The claim answers the question",
             "weight": 2, "position": 1, "CFItemURI": {"identifier": "i1", "uri": "urn:i1"},
             "CFRubricCriterionLevels": [
                {"identifier": "c3", "quality": "Exceeds", "description": "Precise, qualified claim.", "score": 4, "position": 1},
                {"identifier": "c1", "quality": "Below", "description": "No claim.", "score": 0, "position": 3, "feedback": "Write one sentence that answers the question."},
                {"identifier": "c2", "quality": "Meets", "score": 2, "position": 2}]}
        ]
    });
    let broken = json!({"identifier": "r2", "title": "One level only",
        "CFRubricCriteria": [{"identifier": "x", "CFRubricCriterionLevels": [{"identifier": "x1", "score": 1}]}]});
    let outside = json!({"identifier": "r3", "title": "Outside",
        "CFRubricCriteria": [{"identifier": "y", "CFItemURI": {"identifier": "zz"}, "CFRubricCriterionLevels": [
            {"identifier": "y1", "score": 0}, {"identifier": "y2", "score": 1}]}, {"identifier": "empty"}]});
    let imported =
        import_case(&package(items, json!([]), json!([rubric, broken, outside]))).unwrap();
    assert_eq!(imported.rubrics.len(), 2);
    let r = &imported.rubrics[0];
    assert_eq!(
        (r.id.as_str(), r.title.as_str(), r.locale.as_str(), r.description.as_deref()),
        ("r1", "Argument", "es", Some("Claims and evidence"))
    );
    // Criteria by position: the claim (position 1) first.
    let claim = &r.criteria[0];
    assert_eq!(
        (claim.id.as_str(), claim.title.as_str(), claim.competency.as_deref(), claim.weight),
        ("crit-claim", "Claim", Some("SCI.CER.1"), 2.0)
    );
    assert_eq!(claim.description.as_deref(), Some("The claim answers the question"));
    // Levels by score, lowest first: value = rank, points = score, descriptor from the
    // description (the quality where there is none), student wording from the feedback.
    let levels: Vec<(f64, Option<f64>, &str)> =
        claim.levels.iter().map(|l| (l.value, l.points, l.descriptor.as_str())).collect();
    assert_eq!(
        levels,
        [
            (1.0, Some(0.0), "No claim."),
            (2.0, Some(2.0), "Meets"),
            (3.0, Some(4.0), "Precise, qualified claim.")
        ]
    );
    assert_eq!(
        claim.levels[0].student.as_deref(),
        Some("Write one sentence that answers the question.")
    );
    // No scores: ranked by position, no points; title from the description.
    let evidence = &r.criteria[1];
    assert_eq!(
        (evidence.title.as_str(), evidence.competency.as_deref()),
        ("Uses data as evidence", None)
    );
    let levels: Vec<(f64, Option<f64>, &str)> =
        evidence.levels.iter().map(|l| (l.value, l.points, l.descriptor.as_str())).collect();
    assert_eq!(levels, [(1.0, None, "No data."), (2.0, None, "Cites data.")]);
    // Scale: three ranks labelled by the first criterion's qualities; mastery the second highest.
    let labels: Vec<(f64, &str)> =
        r.scale.levels.iter().map(|l| (l.value, l.label.as_str())).collect();
    assert_eq!(labels, [(1.0, "Below"), (2.0, "Meets"), (3.0, "Exceeds")]);
    assert_eq!(r.scale.mastery, 2.0);
    // The imported rubric scores like any other.
    assert!(evident::CompiledRubric::new(r.clone()).is_ok());

    let notes: Vec<(&str, &str)> =
        imported.unmapped.iter().map(|u| (u.path.as_str(), u.message.as_str())).collect();
    assert_eq!(
        notes,
        [
            (
                "CFRubrics[0].CFRubricCriteria[0]",
                "levels without a score are ranked by position, lowest first"
            ),
            (
                "CFRubrics[0]",
                "CASE has no mastery level: level 2 “Meets” was chosen (the second highest)"
            ),
            ("CFRubrics[1]", "a rubric needs at least two levels; not imported"),
            (
                "CFRubrics[2].CFRubricCriteria[0].CFItemURI",
                "the criterion assesses an item outside this package (zz); no competency set"
            ),
            ("CFRubrics[2].CFRubricCriteria[1]", "criterion without levels; skipped"),
            (
                "CFRubrics[2]",
                "CASE has no mastery level: level 2 “Level 2” was chosen (the highest)"
            ),
        ]
    );
    assert_eq!(imported.rubrics[1].criteria.len(), 1);
}

#[test]
fn a_package_that_is_not_one_says_where() {
    let err =
        import_case(r#"{"CFItems": [{"identifier": "a"}, {"fullStatement": "x"}]}"#).unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(found, ["CFDocument: missing: expected an object"]);
    let err = import_case(r#"{"CFDocument": {"identifier": "d", "title": "t"}, "CFItems": [{"identifier": "a"}, {"fullStatement": "x"}]}"#).unwrap_err();
    assert_eq!(err.to_string(), "CFItems[1].identifier: missing: expected a string");
    let err = import_case(r#"{"CFDocument": {"identifier": "d", "title": "t"}}"#).unwrap_err();
    assert_eq!(err.to_string(), "competencies: a framework needs at least one competency");
}
