//! The field's standards at the edges: 1EdTech CASE import, xAPI export, JSON Schema.

pub mod case;
pub mod xapi;

#[cfg(feature = "schema")]
pub mod schema;
