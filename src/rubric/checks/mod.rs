//! Indicator check types (SPEC §1 table), each in a file of its own.
//!
//! A check type is a struct (its JSON fields, with their serde and schema attributes) that
//! implements [`CheckType`]: how its JSON is validated with every problem located (`walk`),
//! built into the model (`build`), compiled for evidence (`compile`, to an
//! [`Evaluate`](crate::evidence::Evaluate) that gives its outcome and says what of the text
//! it reads), worded as a next step (`action`) and as a strength (`strength`), and what lint
//! and the off-task guard read of it (its phrases, its inner checks).
//!
//! **Adding a check type**: write `src/rubric/checks/<name>.rs` with the struct and its
//! `impl CheckType`, and add one line to the `checks!` list at the end of this file. The
//! list declares the module, makes the `Check` enum (the JSON `type` of each variant, in
//! the list's order in the schema and in the "unknown check type" message) and forwards
//! each of `Check`'s methods to the type.

use crate::evidence::{Compiler, Node};
use crate::feedback::actions::Action;
use crate::feedback::messages::Key;
use crate::json::{Fields, Walk};
use crate::rubric::build::Built;
use crate::rubric::localized::PhraseList;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// What a check type does, apart from its JSON shape.
pub(crate) trait CheckType: Sized {
    /// Validates the check's fields (its `type` already read), each problem at its path;
    /// the caller then reports the fields left unread.
    fn walk(walk: &mut Walk, f: &mut Fields, refs: &mut CheckRefs);

    /// The check, from JSON that `walk` found sound; where serde would refuse it
    /// (`"caseSensitive": null`), serde's message (see `rubric/build.rs`).
    fn build(value: &Value) -> Built<Self>;

    /// The check compiled for the field `field` of the compiler (`path`: the check's JSON
    /// path, for located errors).
    fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node;

    /// One concrete action toward meeting the check, for an indicator without a hint.
    fn action(&self, a: &Action) -> String;

    /// The key of the engine's sentence for the met check (an indicator without praise or
    /// label); `None` when the text shows nothing to praise.
    fn strength(&self) -> Option<Key>;

    /// The checks inside this one.
    fn inner(&self) -> &[Check] {
        &[]
    }

    fn inner_mut(&mut self) -> &mut [Check] {
        &mut []
    }

    /// Calls `f` on every phrase list of the check and its inner checks.
    fn visit_phrases(&mut self, f: &mut dyn FnMut(&mut PhraseList)) {
        inner::visit_phrases(self.inner_mut(), f)
    }

    /// Whether the check or an inner one stems its phrases.
    fn uses_stem(&self) -> bool {
        inner::uses_stem(self.inner())
    }

    /// The phrases that say what an answer should contain (the off-task guard's task
    /// words): not those of what an answer need not contain.
    fn content_phrases(&self, add: &mut dyn FnMut(&str)) {
        inner::content_phrases(self.inner(), add)
    }

    /// Phrase lists (with their path under `path`) made only of words too common to tell
    /// anything (lint).
    fn common_phrase_lists(&self, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        inner::common_phrase_lists(self.inner(), path, out)
    }

    /// The ids of the indicators (of the same criterion) this check counts.
    fn counted(&self) -> &[String] {
        &[]
    }
}

/// The default methods' work on inner checks, apart from the trait so that it is compiled
/// once rather than once per check type.
mod inner {
    use super::{Check, PhraseList};

    pub fn visit_phrases(checks: &mut [Check], f: &mut dyn FnMut(&mut PhraseList)) {
        checks.iter_mut().for_each(|c| c.visit_phrases(f));
    }

    pub fn uses_stem(checks: &[Check]) -> bool {
        checks.iter().any(Check::uses_stem)
    }

    pub fn content_phrases(checks: &[Check], add: &mut dyn FnMut(&str)) {
        checks.iter().for_each(|c| c.content_phrases(add));
    }

    pub fn common_phrase_lists(checks: &[Check], path: &str, out: &mut Vec<(String, Vec<String>)>) {
        for (i, c) in checks.iter().enumerate() {
            c.common_phrase_lists(&format!("{path}.checks[{i}]"), out);
        }
    }
}

/// What walking an indicator's check learned that only the criterion can judge: the
/// indicators named by `atLeast` checks' `of` (path, id).
#[derive(Debug, Default)]
pub(crate) struct CheckRefs {
    pub of: Vec<(String, String)>,
}

/// Validates a check at `path`.
pub(crate) fn walk_check(walk: &mut Walk, value: &Value, path: &str, refs: &mut CheckRefs) {
    let Some(mut f) = walk.object(value, path) else { return };
    let Some(kind) = f.str(walk, "type", true) else {
        f.finish(walk);
        return;
    };
    if !Check::walk_fields(kind, walk, &mut f, refs) {
        walk.problem(
            f.path_of("type"),
            super::parse::unknown_word("check type", kind, Check::TYPES),
        );
        return; // its other fields cannot be judged
    }
    f.finish(walk);
}

/// A combinator's `checks`, each walked; the number of checks when present.
pub(crate) fn walk_checks(
    walk: &mut Walk,
    f: &mut Fields,
    needed: bool,
    refs: &mut CheckRefs,
) -> Option<usize> {
    let checks = f.array(walk, "checks", needed)?;
    let base = f.path_of("checks");
    if checks.is_empty() {
        walk.problem(&base, "needs at least one check");
    }
    for (i, check) in checks.iter().enumerate() {
        walk_check(walk, check, &format!("{base}[{i}]"), refs);
    }
    Some(checks.len())
}

/// The fields of a check's JSON but its `type`, in sorted order (as serde reads them).
pub(crate) fn fields(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten().filter(|(k, _)| k.as_str() != "type")
}

/// A combinator's inner checks, built.
pub(crate) fn build_checks(value: &Value) -> Built<Vec<Check>> {
    match value {
        Value::Null => Err(super::build::null("a sequence")),
        v => super::build::items(v).iter().map(Check::build).collect(),
    }
}

/// The `CheckType` methods every combinator shares (a check made of the inner checks in its
/// `checks` field: `all`, `any`, `atLeast`, `together`): its action is its first inner
/// check's that is not met, its strength the general one.
macro_rules! combinator_methods {
    () => {
        #[inline(always)]
        fn action(&self, a: &Action) -> String {
            a.first_of(&self.checks)
        }

        fn strength(&self) -> Option<Key> {
            Some(Key::StrengthOther)
        }

        fn inner(&self) -> &[Check] {
            &self.checks
        }

        fn inner_mut(&mut self) -> &mut [Check] {
            &mut self.checks
        }
    };
}

/// Declares the check types: one `module { Type = "json type", … }` entry per file.
macro_rules! checks {
    ($($module:ident { $($variant:ident = $name:literal),+ $(,)? })*) => {
        $(pub mod $module;)*
        $($(pub use $module::$variant;)+)*

        /// An indicator's check (SPEC §1 table).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        #[serde(tag = "type")]
        pub enum Check {
            $($(#[serde(rename = $name)] $variant($module::$variant),)+)*
        }

        impl Check {
            /// Every check type's JSON name, in declaration order.
            pub const TYPES: &'static [&'static str] = &[$($($name,)+)*];

            /// Validates the fields of a check of type `kind`; `false` for an unknown type.
            pub(crate) fn walk_fields(
                kind: &str,
                walk: &mut Walk,
                f: &mut Fields,
                refs: &mut CheckRefs,
            ) -> bool {
                match kind {
                    $($($name => $module::$variant::walk(walk, f, refs),)+)*
                    _ => return false,
                }
                true
            }

            /// A check from JSON that `walk_check` found sound.
            pub(crate) fn build(value: &Value) -> Built<Check> {
                Ok(match value.get("type").and_then(Value::as_str).unwrap_or_default() {
                    $($($name => Check::$variant($module::$variant::build(value)?),)+)*
                    _ => return Err("unknown check type".to_string()),
                })
            }

            pub(crate) fn compile(&self, c: &mut Compiler, field: usize, path: &str) -> Node {
                match self {
                    $($(Check::$variant(x) => x.compile(c, field, path),)+)*
                }
            }

            pub(crate) fn action(&self, a: &Action) -> String {
                match self {
                    $($(Check::$variant(x) => x.action(a),)+)*
                }
            }

            pub(crate) fn strength(&self) -> Option<Key> {
                match self {
                    $($(Check::$variant(x) => x.strength(),)+)*
                }
            }

            /// The checks directly inside this one.
            pub fn inner(&self) -> &[Check] {
                match self {
                    $($(Check::$variant(x) => x.inner(),)+)*
                }
            }

            /// Calls `f` on every phrase list of the check and its inner checks.
            pub fn visit_phrases(&mut self, f: &mut dyn FnMut(&mut PhraseList)) {
                match self {
                    $($(Check::$variant(x) => x.visit_phrases(f),)+)*
                }
            }

            pub(crate) fn uses_stem(&self) -> bool {
                match self {
                    $($(Check::$variant(x) => x.uses_stem(),)+)*
                }
            }

            pub(crate) fn content_phrases(&self, add: &mut dyn FnMut(&str)) {
                match self {
                    $($(Check::$variant(x) => x.content_phrases(add),)+)*
                }
            }

            pub(crate) fn common_phrase_lists(
                &self,
                path: &str,
                out: &mut Vec<(String, Vec<String>)>,
            ) {
                match self {
                    $($(Check::$variant(x) => x.common_phrase_lists(path, out),)+)*
                }
            }

            pub(crate) fn counted(&self) -> &[String] {
                match self {
                    $($(Check::$variant(x) => x.counted(),)+)*
                }
            }
        }
    };
}

impl Check {
    /// This check and every check inside it, outermost first.
    pub fn each(&self, f: &mut dyn FnMut(&Check)) {
        f(self);
        self.inner().iter().for_each(|c| c.each(f));
    }
}

// The registration point: one line per file, in the order of the schema and of
// SPEC §1's table.
checks! {
    phrases { Phrases = "phrases" }
    count { WordCount = "wordCount", SentenceCount = "sentenceCount", ParagraphCount = "paragraphCount" }
    readability { Readability = "readability" }
    pattern { Pattern = "pattern" }
    number { Number = "number" }
    choice { Choice = "choice" }
    rating { Rating = "rating" }
    group { All = "all", Any = "any" }
    not { Not = "not" }
    at_least { AtLeast = "atLeast" }
    together { Together = "together" }
}
