//! The field's standards at the edges: 1EdTech CASE import, xAPI export, JSON Schema.

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
