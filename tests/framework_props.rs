//! Properties of recommendations over random frameworks and estimates.

use evident::framework::{
    parse_framework, recommend, roll_up, Reason, RecommendOptions, StudentState,
};
use evident::mastery::{Estimate, Trend};
use proptest::prelude::*;
use serde_json::json;

/// A framework of `n` competencies where each links only to earlier ones (so no cycle):
/// `links[i]` = (parent choice, prerequisite choices), each an index below i (or none).
fn framework_json(links: &[(Option<usize>, Vec<usize>)]) -> serde_json::Value {
    let competencies: Vec<serde_json::Value> = links
        .iter()
        .enumerate()
        .map(|(i, (parent, prerequisites))| {
            let mut c = json!({"id": format!("C{i:02}"), "title": format!("Competency {i}")});
            if let Some(p) = parent.filter(|p| *p < i) {
                c["parent"] = json!(format!("C{p:02}"));
            }
            let mut prereqs: Vec<String> =
                prerequisites.iter().filter(|p| **p < i).map(|p| format!("C{p:02}")).collect();
            prereqs.sort();
            prereqs.dedup();
            c["prerequisites"] = json!(prereqs);
            c
        })
        .collect();
    json!({"id": "random", "title": "Random", "competencies": competencies})
}

fn links() -> impl Strategy<Value = Vec<(Option<usize>, Vec<usize>)>> {
    prop::collection::vec(
        (prop::option::weighted(0.3, 0..12usize), prop::collection::vec(0..12usize, 0..3)),
        2..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn recommendations_respect_their_definitions(
        links in links(),
        values in prop::collection::vec(prop::option::of((1.0f64..4.0, 0..4u8)), 12),
    ) {
        let text = framework_json(&links).to_string();
        let framework = parse_framework(&text);
        // Links only to earlier competencies cannot form a cycle: it must parse, unless a
        // part requires the whole it is part of (also refused, with its own message).
        let framework = match framework {
            Ok(f) => f,
            Err(e) => {
                prop_assert!(e.problems().iter().all(|p| p.message.contains("cannot require it")), "{e}");
                return Ok(());
            }
        };
        let estimates: Vec<Estimate> = framework.competencies.iter().zip(&values).filter_map(|(c, v)| {
            let (value, trend) = (*v)?;
            let trend = [Trend::Rising, Trend::Steady, Trend::Falling, Trend::Unknown][trend as usize];
            Some(Estimate { student: "s".into(), competency: c.id.clone(), value, level: value.floor(), label: None,
                            mastered: value >= 3.0, count: 1, trend, last_at: "2026-10-01T09:00:00Z".into(), stale: None })
        }).collect();
        let options = RecommendOptions { as_of: Some("2026-11-20".into()), ..RecommendOptions::default() };
        let out = recommend(&framework, &StudentState { estimates: &estimates, evidence: &[] }, None, "s", &options).unwrap();
        let rolled = roll_up(&framework, &estimates);
        let mastered = |id: &str| rolled.iter().any(|e| e.competency == id && e.mastered);
        for pair in out.recommendations.windows(2) {
            prop_assert!(pair[0].score > pair[1].score || (pair[0].score == pair[1].score && pair[0].competency < pair[1].competency));
        }
        for r in &out.recommendations {
            prop_assert!(!framework.has_children(&r.competency));
            prop_assert!((0.0..=1.0).contains(&r.score));
            match r.reason {
                Reason::Reinforce => prop_assert!(mastered(&r.competency)),
                Reason::NearMastery => prop_assert!(!mastered(&r.competency)),
                Reason::Ready => {
                    prop_assert!(!mastered(&r.competency));
                    for p in framework.effective_prerequisites(&r.competency) {
                        prop_assert!(mastered(p), "{} is ready but {p} is not mastered", r.competency);
                    }
                }
            }
        }
        // Every leaf that is not mastered, has all prerequisites mastered and no estimate is listed.
        for c in &framework.competencies {
            let fresh = !framework.has_children(&c.id) && !estimates.iter().any(|e| e.competency == c.id);
            if fresh && framework.effective_prerequisites(&c.id).iter().all(|p| mastered(p)) {
                prop_assert!(out.recommendations.iter().any(|r| r.competency == c.id && r.reason == Reason::Ready));
            }
        }
    }

    #[test]
    fn closing_a_chain_of_prerequisites_is_always_reported_as_a_cycle(n in 2..10usize) {
        // C00 ← C01 ← … ← C(n-1), then C00 requires the last: one cycle through all of them.
        let mut links: Vec<(Option<usize>, Vec<usize>)> = (0..n).map(|i| (None, if i > 0 { vec![i - 1] } else { vec![] })).collect();
        links[0].1.clear();
        let mut doc = framework_json(&links);
        doc["competencies"][0]["prerequisites"] = json!([format!("C{:02}", n - 1)]);
        let err = parse_framework(&doc.to_string()).unwrap_err();
        let chain: Vec<String> = std::iter::once(0).chain((1..n).rev()).chain(std::iter::once(0)).map(|i| format!("C{i:02}")).collect();
        prop_assert_eq!(err.to_string(), format!("competencies[0].prerequisites[0]: cycle: {}", chain.join(" → ")));
    }
}
