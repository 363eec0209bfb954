//! Competency mastery from dated evidence: calculation methods, power law, BKT.
//!
//! Takes evidence records (JSON Lines, one dated rating of one competency for one student);
//! gives one `Estimate` per (student, competency).

pub mod bkt;
pub mod estimate;
pub mod record;

pub use estimate::{Estimate, Trend};
pub use record::{records_from_report, EvidenceRecord, EvidenceSource};
