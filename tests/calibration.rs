//! Calibration: agreement numbers worked by hand and checked against the literature and
//! scikit-learn, sample validation with located errors, and the shipped sample class.

use evident::calibration::{agreement, calibrate_jsonl, parse_samples, quadratic_weighted_kappa};
use evident::CompiledRubric;

fn cer_lab() -> CompiledRubric {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cer-lab.rubric.json");
    CompiledRubric::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn kappa_of_the_two_reader_grant_example() {
    // The textbook example of Cohen's kappa (Wikipedia, "Cohen's kappa", worked example):
    // 50 grant proposals, two readers saying yes or no. Both yes 20, A yes / B no 5,
    // A no / B yes 10, both no 15. p_o = 35/50 = 0.7; A says yes 25/50, B 30/50, so
    // p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5 and κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    // With two categories the quadratic weights are 0 and 1, so weighted κ is the same;
    // scikit-learn's cohen_kappa_score(weights="quadratic") on these 50 pairs gives 0.4.
    let kappa = quadratic_weighted_kappa(&[vec![15, 10], vec![5, 20]]).unwrap();
    assert!(close(kappa, 0.4), "{kappa}");
}

#[test]
fn kappa_on_three_levels_by_hand_and_by_scikit_learn() {
    // teacher 1 2 3 1 2 3 1 3 2 2
    // engine  1 2 3 2 2 1 1 3 3 2
    // Weights (i − j)² / (3 − 1)². Squared differences: 0 0 0 1 0 4 0 0 1 0 → Σ = 6, so
    // observed weighted disagreement = 6 / 4 / 10 = 0.15. Marginals: teacher (3, 4, 3),
    // engine (3, 4, 3). Σ (i − j)² r_i c_j = 1·3·4 + 4·3·3 + 1·4·3 + 1·4·3 + 4·3·3 + 1·3·4 = 120,
    // expected = 120 / 4 / 100 = 0.3. κ = 1 − 0.15 / 0.3 = 0.5.
    // scikit-learn 1.x: cohen_kappa_score(teacher, engine, weights="quadratic") = 0.5.
    let teacher = [1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0, 3.0, 2.0, 2.0];
    let engine = [1.0, 2.0, 3.0, 2.0, 2.0, 1.0, 1.0, 3.0, 3.0, 2.0];
    let pairs: Vec<(f64, f64)> = teacher.into_iter().zip(engine).collect();
    let labels = vec!["Low".to_string(), "Mid".to_string(), "High".to_string()];
    let (a, confusion) = agreement(&[1.0, 2.0, 3.0], labels, &pairs);
    assert!(close(a.kappa.unwrap(), 0.5));
    assert_eq!(confusion.counts, vec![vec![2, 1, 0], vec![0, 3, 1], vec![1, 0, 2]]);
    assert!(close(a.exact.unwrap(), 0.7)); // 7 of 10 on the diagonal
    assert!(close(a.adjacent.unwrap(), 0.9)); // all but the (3, 1)
    assert!(close(a.mean_difference.unwrap(), 0.0)); // +1 −2 +1 = 0
}

#[test]
fn kappa_is_undefined_when_nobody_varies() {
    // Everyone at level 3 by both raters: no expected disagreement, κ = 0/0.
    let (a, _) = agreement(&[1.0, 2.0, 3.0, 4.0], vec![String::new(); 4], &[(3.0, 3.0); 5]);
    assert_eq!(a.kappa, None);
    assert_eq!(a.exact, Some(1.0));
    // The teacher always 3 but the engine always 2: κ = 1 − 1/1 = 0, not undefined.
    let (a, _) = agreement(&[1.0, 2.0, 3.0, 4.0], vec![String::new(); 4], &[(3.0, 2.0); 5]);
    assert_eq!(a.kappa, Some(0.0));
    // No pairs at all.
    let (a, _) = agreement(&[1.0, 2.0], vec![String::new(); 2], &[]);
    assert_eq!((a.n, a.exact, a.kappa), (0, None, None));
}

/// Six short answers whose engine levels on `claim` are plain to see, each with the level a
/// teacher gave. Line 3 also carries a teacher rating inside the submission, which must not
/// reach the engine's side.
const SIX: &str = r#"{"submission": {"student": "a", "task": "lab-3", "responses": {"response": "My claim is that light makes plants grow taller."}}, "teacher": {"claim": 3}}
{"submission": {"student": "b", "task": "lab-3", "responses": {"response": "My claim is that light makes plants grow taller in our test."}}, "teacher": {"claim": 3}}
{"submission": {"student": "c", "task": "lab-3", "responses": {"response": "Plants."}, "ratings": {"claim": {"value": 4, "by": "teacher"}}}, "teacher": {"claim": 1}}

{"submission": {"student": "d", "task": "lab-3", "responses": {"response": "I think light matters."}}, "teacher": {"claim": 3}}
{"submission": {"student": "e", "task": "lab-3", "responses": {"response": "The data show light helps plants grow."}}, "teacher": {"claim": 2}}
{"submission": {"student": "f", "task": "lab-3", "responses": {"response": "I claim plants grow tall with light because of photosynthesis, so light matters."}}, "teacher": {"claim": 4}, "note": "qualified in class discussion"}
"#;

#[test]
fn calibration_of_six_answers_worked_by_hand() {
    let report = calibrate_jsonl(&cer_lab(), SIX).unwrap();
    assert_eq!(report.samples, 6);
    let claim = &report.criteria[0];
    // Engine levels on claim from the indicators (has-claim, on-question, qualified):
    //   a: "My claim" + light/grow → 3      b: … + "in our test" → 4
    //   c: nothing → 1 (its teacher rating of 4 in the submission is ignored)
    //   d: "I think" + light, no grow/tall → 2   e: "The data show" + light/grow → 3
    //   f: "I claim" + light/grow, not qualified → 3
    // Pairs (teacher, engine): (3,3) (3,4) (1,1) (3,2) (2,3) (4,3).
    // Exact 2/6; adjacent 6/6; mean engine − teacher = (0 + 1 + 0 − 1 + 1 − 1) / 6 = 0.
    assert_eq!(claim.agreement.n, 6);
    assert!(close(claim.agreement.exact.unwrap(), 2.0 / 6.0));
    assert!(close(claim.agreement.adjacent.unwrap(), 1.0));
    assert!(close(claim.agreement.mean_difference.unwrap(), 0.0));
    // Rows teacher 1–4, columns engine 1–4.
    assert_eq!(
        claim.confusion.counts,
        vec![vec![1, 0, 0, 0], vec![0, 0, 1, 0], vec![0, 1, 1, 1], vec![0, 0, 1, 0]]
    );
    assert_eq!(claim.confusion.levels, vec![1.0, 2.0, 3.0, 4.0]);
    assert_eq!(claim.confusion.labels, vec!["Beginning", "Developing", "Proficient", "Advanced"]);
    // κ, weights (i − j)²/9, n = 6. Observed: four pairs one level apart → 4/9/6 = 24/324.
    // Both marginals are (1, 1, 3, 1); Σ (i − j)² r_i c_j = 22 + 8 + 18 + 16 = 64, so
    // expected = 64/9/36 = 64/324 and κ = 1 − 24/64 = 0.625.
    // scikit-learn: cohen_kappa_score([3,3,1,3,2,4], [3,4,1,2,3,3], weights="quadratic") = 0.625.
    assert!(close(claim.agreement.kappa.unwrap(), 0.625));
    // Disagreements: four of one level each, in file order (line 4 is blank, so d is line 5).
    let lines: Vec<(usize, &str, f64)> = claim
        .disagreements
        .iter()
        .map(|d| (d.line, d.student.as_deref().unwrap(), d.difference))
        .collect();
    assert_eq!(lines, vec![(2, "b", 1.0), (5, "d", -1.0), (6, "e", 1.0), (7, "f", -1.0)]);
    assert_eq!(claim.disagreements[0].task.as_deref(), Some("lab-3"));
    // The teacher rated nothing else: those criteria have no pairs and no numbers.
    assert_eq!(report.criteria[1].agreement.n, 0);
    assert_eq!(report.criteria[1].agreement.kappa, None);
    // Overall pools the same six pairs on the same four-level scale: the same numbers.
    assert!(close(report.overall.agreement.kappa.unwrap(), 0.625));
    assert_eq!(report.overall.disagreements.len(), 4);
    assert!(report
        .overall
        .disagreements
        .iter()
        .all(|d| d.total_difference == 1.0 && d.criteria.len() == 1));
}

#[test]
fn bad_samples_are_reported_with_line_and_path() {
    let text = r#"{"submission": {"responses": {"response": "My claim is…"}}, "teacher": {"claim": 3}}
{"submission": {"responses": {"response": 4}}, "teacher": {"claim": 5, "evidense": 2}}
not json
{"teacher": {}}
{"submission": {"rubric": "other", "responses": {}}, "teacher": {"reasoning": "high"}, "notes": "x"}"#;
    let err = parse_samples(text, &cer_lab()).unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        vec![
            "line 2: submission.responses.response: expected the student's text or a list of chosen option ids, found a number",
            "line 2: teacher.claim: 5 is not a level of criterion `claim` (1, 2, 3, 4)",
            "line 2: teacher.evidense: no criterion `evidense` in rubric `cer-lab`; did you mean `evidence`?",
            "line 3: not valid JSON at column 2: expected ident",
            "line 4: submission: missing: expected the student's submission (an object)",
            "line 4: teacher: give the teacher's level for at least one criterion",
            "line 5: submission.rubric: this submission is for rubric `other`, not `cer-lab`",
            "line 5: teacher.reasoning: expected the teacher's level (a number), found a string",
            "line 5: notes: unknown field; did you mean `note`?",
        ]
    );
    let empty = parse_samples("\n\n", &cer_lab()).unwrap_err();
    assert_eq!(empty.to_string(), "no samples: expected one JSON object a line");
}

#[test]
fn the_shipped_sample_class_gives_informative_agreement() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{dir}/examples/cer-lab.samples.jsonl")).unwrap();
    let rubric = cer_lab();
    let report = calibrate_jsonl(&rubric, &text).unwrap();
    assert!((12..=20).contains(&report.samples), "{} samples", report.samples);
    for criterion in &report.criteria {
        // Every sample is rated on every criterion; the confusion rows add up to the teacher's
        // own counts, read here straight from the file.
        assert_eq!(criterion.agreement.n, report.samples);
        let mut teacher_counts = [0u32; 4];
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let level = v["teacher"][&criterion.criterion].as_f64().unwrap();
            teacher_counts[level as usize - 1] += 1;
        }
        let rows: Vec<u32> = criterion.confusion.counts.iter().map(|r| r.iter().sum()).collect();
        assert_eq!(rows, teacher_counts.to_vec(), "{}", criterion.criterion);
        // Informative, not perfect: the engine misses some and gets many.
        let exact = criterion.agreement.exact.unwrap();
        assert!(exact > 0.4 && exact < 1.0, "{}: exact {exact}", criterion.criterion);
        assert!(criterion.disagreements.len() <= 5);
    }
    // On the samples as shipped, with the evidence matchers of this commit, the engine gives
    // κ claim 0.4448, evidence 0.5283, reasoning 0.8276, overall 0.5981 (exact 0.59, 0.65,
    // 0.88, 0.71); scikit-learn's cohen_kappa_score(weights="quadratic", labels=[1, 2, 3, 4])
    // on the pairs of the same confusion matrices gives the same four values. They move
    // whenever the matchers improve, so only their range is asserted here.
    let kappa = report.overall.agreement.kappa.unwrap();
    assert!(kappa > 0.3 && kappa < 1.0, "overall κ {kappa}");
    // The engine only finds phrases it was told about, so it is the stricter rater here.
    assert!(report.overall.agreement.mean_difference.unwrap() < 0.0);
}

#[test]
fn a_byte_order_mark_from_a_spreadsheet_export_is_skipped() {
    let text = "\u{feff}{\"submission\": {\"responses\": {\"response\": \"My claim is that light helps plants grow.\"}}, \"teacher\": {\"claim\": 3}}\r\n";
    let samples = parse_samples(text, &cer_lab()).unwrap();
    assert_eq!((samples.len(), samples[0].line, samples[0].teacher["claim"]), (1, 1, 3.0));
}
