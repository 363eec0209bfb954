//! A mastery estimate for one student and one competency.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub student: String,
    pub competency: String,
    /// The method's value: on the evidence scale for score methods, a probability for `bkt`.
    pub value: f64,
    /// `value` placed on the scale (the scale level at or below it), with its label.
    pub level: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub mastered: bool,
    /// How many evidence records the estimate rests on.
    pub count: usize,
    pub trend: Trend,
    /// Time of the latest record (RFC 3339).
    pub last_at: String,
    /// Whether the latest evidence is older than the options' `staleAfterDays` (present only
    /// when that option is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale: Option<bool>,
}

/// Direction of the recent evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    Rising,
    Steady,
    Falling,
    /// Fewer than two records.
    Unknown,
}
