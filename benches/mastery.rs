//! Mastery over a district-sized gradebook: 10,000 students × 40 competencies × about 2.5
//! records each (1,000,000 evidence records), every method, timed natively. Prints figures;
//! asserts nothing. Run with `cargo bench --bench mastery`.

use evident::mastery::bkt::{BktParams, SplitMix64};
use evident::mastery::{compute_mastery, EvidenceRecord, MasteryOptions, Method};
use std::time::Instant;

fn evidence(target: usize) -> Vec<EvidenceRecord> {
    let mut random = SplitMix64::new(2026);
    let mut records = Vec::with_capacity(target + 1000);
    let (students, competencies) = (10_000, 40);
    'fill: for round in 0..10 {
        for s in 0..students {
            for c in 0..competencies {
                // Rounds 0 and 1 give every pair two records; round 2 adds a third to half.
                if round >= 2 && random.next_f64() >= 0.5 {
                    continue;
                }
                let day = 1 + round * 9 + (random.next_f64() * 8.0) as usize;
                let value = (1.0 + (random.next_f64() * 4.0).floor()).min(4.0);
                records.push(EvidenceRecord {
                    student: format!("s-{s:05}"),
                    competency: format!("MATH.{c:02}"),
                    value,
                    at: format!("2026-{:02}-{:02}T10:00:00Z", 9 + day / 28, 1 + day % 28),
                    source: None,
                });
                if records.len() >= target {
                    break 'fill;
                }
            }
        }
    }
    records
}

fn main() {
    let records = evidence(1_000_000);
    println!("mastery: {} evidence records, 10,000 students × 40 competencies", records.len());
    let methods = [
        Method::DecayingAverage { weight: 0.65 },
        Method::WeightedAverage { weight: 0.65 },
        Method::NMastery { n: 2 },
        Method::Latest,
        Method::Highest,
        Method::Average,
        Method::Mode,
        Method::PowerLaw,
        Method::Bkt {
            params: BktParams::default(),
            fit: false,
            restarts: 1,
            seed: 0,
            mastered_at: 0.95,
        },
        Method::Bkt {
            params: BktParams::default(),
            fit: true,
            restarts: 5,
            seed: 0,
            mastered_at: 0.95,
        },
    ];
    for method in methods {
        let label = match &method {
            Method::Bkt { fit: true, .. } => "bkt (fitted, 5 restarts)".to_string(),
            other => other.name().to_string(),
        };
        let options = MasteryOptions { method, ..MasteryOptions::default() };
        let started = Instant::now();
        let estimates = compute_mastery(&records, &options);
        let seconds = started.elapsed().as_secs_f64();
        let mastered = estimates.iter().filter(|e| e.mastered).count();
        println!(
            "{label:>26}: {seconds:7.3} s  ({} estimates, {mastered} mastered)",
            estimates.len()
        );
    }
}
