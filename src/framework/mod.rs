//! Competency frameworks: the parent/prerequisite graph, roll-up of mastery from children
//! to parents, and next-step recommendations for a student.
//!
//! Takes a framework (JSON, `parse_framework`), mastery estimates and a task catalog;
//! gives rolled-up estimates (`roll_up`) and recommendations (`recommend`).

mod because;
pub mod catalog;
mod graph;
pub mod model;
mod parse;
pub mod recommend;
mod request;
mod rollup;
pub(crate) mod time;

pub use because::Locale;
pub use catalog::{parse_catalog, parse_catalog_value, Catalog, Task};
pub(crate) use graph::{reaches, Edge, Link};
pub use model::{Competency, Framework, Rollup};
pub(crate) use parse::link_problems;
pub use parse::{parse_framework, parse_framework_value};
pub use recommend::{
    recommend, Reason, RecommendOptions, Recommendation, Recommendations, StudentState, TaskRef,
};
pub use request::{estimates_from_value, recommend_request};
pub use rollup::roll_up;
