//! The span-move rule: where offsets go after an edit. Written once here for every offset
//! the engine keeps (phrase and pattern hits, numbers, paragraph starts, the spans of
//! outcomes, reports and feedback) and once in JS (`moveSpans` in src/wasm/live.js, which
//! moves the spans of a result object already in JS); a wasm test runs both on random
//! spans and edits (tests/wasm_live.rs).

use super::Span;
use serde::Serialize;

/// An offset in UTF-16 code units from the start of a field's text: what JS string
/// indices, `Span`s and the live session's edits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Utf16(pub u32);

/// An offset in UTF-16 code units from the start of a paragraph (where a paragraph's
/// analysis keeps its hits, so that it stays valid wherever the paragraph moves). A
/// sentence's own analysis keeps its hits from the sentence's start, which is the same
/// until the sentence is placed in its paragraph (`after`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Local(pub u32);

/// An offset in bytes of a field's UTF-8 text (a char boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Byte(pub usize);

impl Local {
    /// This offset of a sentence that starts `start` units into its paragraph, as an
    /// offset of the paragraph.
    pub fn after(self, start: u32) -> Local {
        Local(self.0 + start)
    }

    /// This offset of a paragraph that starts at `paragraph` of its field, as an offset of
    /// the field.
    pub fn in_field(self, paragraph: u32) -> Utf16 {
        Utf16(paragraph + self.0)
    }
}

/// A unit of offsets a `Move` can be in: its frame.
pub trait Frame: Copy {
    fn units(self) -> u32;
    fn from_units(units: u32) -> Self;
}

impl Frame for Utf16 {
    fn units(self) -> u32 {
        self.0
    }
    fn from_units(units: u32) -> Self {
        Utf16(units)
    }
}

impl Frame for Local {
    fn units(self) -> u32 {
        self.0
    }
    fn from_units(units: u32) -> Self {
        Local(units)
    }
}

/// An edit's effect on the offsets of its field (`Move<Utf16>`), or of one paragraph
/// (`Move<Local>`): text from offset `at` on moved by `by` UTF-16 units (an insertion of
/// `by` units at `at`, or a deletion of `-by` units from `at`).
///
/// The rule: a stretch `[start, end)` that starts at or after `at` moves whole, each bound
/// clamped at `at` (an offset inside deleted text goes to where the deletion was, which is
/// the same place seen from the field or from a paragraph); any other stays (one that spans
/// the edit is then found changed, not moved).
/// `Span`s and a paragraph's hits carry their unit (`Utf16`, `Local`); the field's lists of
/// hits and numbers keep bare `u32`s of the move's frame (`range`, `offset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Move<F = Utf16> {
    /// Where the edit was.
    pub at: F,
    /// Change in length, in UTF-16 units.
    pub by: i64,
}

impl<F: Frame> Move<F> {
    pub fn new(at: F, by: i64) -> Self {
        Move { at, by }
    }

    /// An offset of the move's frame, moved alone (a paragraph's start).
    #[inline]
    pub fn offset(self, x: u32) -> u32 {
        if x >= self.at.units() {
            self.shifted(x)
        } else {
            x
        }
    }

    /// A stretch `[start, end)` of the move's frame, moved whole or not at all by its start.
    #[inline]
    pub fn range(self, (start, end): (u32, u32)) -> (u32, u32) {
        if start >= self.at.units() {
            (self.shifted(start), self.shifted(end))
        } else {
            (start, end)
        }
    }

    /// A stretch of the move's frame, typed, moved as `range` moves it.
    #[inline]
    pub fn stretch(self, (start, end): (F, F)) -> (F, F) {
        let (start, end) = self.range((start.units(), end.units()));
        (F::from_units(start), F::from_units(end))
    }

    /// `x` (at or after `at`) moved by `by`, clamped at `at`. (A moved offset lies in the
    /// edited text, whose length fits a `u32`.)
    #[inline]
    fn shifted(self, x: u32) -> u32 {
        (i64::from(x) + self.by).max(i64::from(self.at.units())) as u32
    }
}

impl Move<Utf16> {
    /// The same move seen from a paragraph that starts at `start` (at or before `at`).
    pub fn within(self, start: Utf16) -> Move<Local> {
        Move { at: Local(self.at.0 - start.0), by: self.by }
    }

    /// Moves the spans of `field` in a list sorted by start (as every list of spans the
    /// engine makes is): from the last back to the first that starts before `at`. Says
    /// whether any moved.
    pub fn spans(self, spans: &mut [Span], field: &str) -> bool {
        if self.by == 0 {
            return false;
        }
        let mut any = false;
        // The spans of a list share one field name: compare its text once per allocation.
        let mut known: Option<(*const u8, bool)> = None;
        for s in spans.iter_mut().rev() {
            if s.start < self.at {
                break;
            }
            let ptr = s.field.as_ptr();
            let ours = match known {
                Some((p, ours)) if p == ptr => ours,
                _ => {
                    let ours = &*s.field == field;
                    known = Some((ptr, ours));
                    ours
                }
            };
            if ours {
                (s.start, s.end) = self.stretch((s.start, s.end));
                any = true;
            }
        }
        any
    }
}

/// Moves of spans not applied yet, in order. Typing, where each insertion lands inside or
/// at the end of the text the last one inserted, adds up to a single move.
#[derive(Debug, Clone, Default)]
pub struct Shifts(Vec<Move>);

impl Shifts {
    pub fn push(&mut self, m: Move) {
        if m.by == 0 {
            return;
        }
        if let Some(last) = self.0.last_mut() {
            // Spans before `last.at` stay before `m.at` and are not moved by either; spans
            // from `last.at` on were moved to `last.at + last.by` or later, so at or after
            // `m.at`, and are moved by both.
            if last.by > 0
                && m.by > 0
                && last.at <= m.at
                && i64::from(m.at.0) <= i64::from(last.at.0) + last.by
            {
                last.by += m.by;
                return;
            }
        }
        self.0.push(m);
    }

    /// The moves in order, taken out (to be applied in turn).
    pub fn drain(&mut self) -> impl Iterator<Item = Move> + '_ {
        self.0.drain(..)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn moves(&self) -> &[Move] {
        &self.0
    }
}
