//! Competency mastery from dated evidence: calculation methods, power law, BKT.
//!
//! Takes evidence records (JSON Lines, one dated rating of one competency for one student)
//! and `MasteryOptions`; gives one `Estimate` per (student, competency), sorted by student
//! then competency. `methods` holds the score-based methods, `bkt` knowledge tracing
//! (prediction, update, EM fitting, evaluation), `compute` the rules shared by all methods,
//! `table` evidence in columns (interned names, instants read once) for large inputs.

pub mod bkt;
mod compute;
pub mod estimate;
mod job;
mod jsonl;
pub mod methods;
mod options;
pub mod record;
mod scan;
mod table;
pub mod time;
mod validate;

pub use compute::{
    compute_mastery, compute_mastery_table, estimate_rows, Budget, EstimateRow, Estimator,
};
pub use estimate::{Estimate, Trend};
pub use job::{MasteryJob, Progress, Stage};
pub use jsonl::{
    parse_evidence_jsonl, parse_record_value, parse_records_value, write_evidence_jsonl,
};
pub use options::{parse_options, parse_options_value, MasteryOptions, Method, METHODS};
pub use record::{records_from_report, records_from_report_value, EvidenceRecord, EvidenceSource};
#[cfg(target_arch = "wasm32")]
pub(crate) use table::Names;
pub use table::{EvidenceRow, EvidenceTable, TableReader};
pub use validate::{check_evidence, now, Checker, Origin};
