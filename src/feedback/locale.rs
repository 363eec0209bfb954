//! The language feedback is written in. Only the engine's own messages are translated; the
//! rubric's text (hints, praise, labels, level wording) is always used as the author wrote it.

use serde::{Deserialize, Serialize};

/// A language the engine has a message catalog for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase", from = "String")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    /// Every locale with a catalog, for tests and documentation.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// Reads a BCP 47 tag by its language subtag: `es`, `es-MX`, `ES_ar` are Spanish.
    /// A language without a catalog falls back to English rather than failing: a student
    /// should always get feedback.
    pub fn parse(tag: &str) -> Locale {
        let language = tag.trim().split(['-', '_']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("es") {
            Locale::Es
        } else {
            Locale::En
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }
}

impl From<String> for Locale {
    fn from(tag: String) -> Self {
        Locale::parse(&tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language_subtag_and_falls_back_to_english() {
        assert_eq!(Locale::parse("es"), Locale::Es);
        assert_eq!(Locale::parse("es-MX"), Locale::Es);
        assert_eq!(Locale::parse("ES_ar"), Locale::Es);
        assert_eq!(Locale::parse("en-GB"), Locale::En);
        assert_eq!(Locale::parse("fr"), Locale::En);
        assert_eq!(Locale::parse(""), Locale::En);
        // "est" (Estonian) is not Spanish just because it starts with "es".
        assert_eq!(Locale::parse("et"), Locale::En);
        assert_eq!(Locale::parse("est"), Locale::En);
    }
}
