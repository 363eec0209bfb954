//! Rubric text and phrase lists in several languages (SPEC "Several languages").
//!
//! Any teacher- or student-facing string of a rubric may be written as a plain string (in
//! the rubric's own `locale`) or as an object keyed by locale, `{"en": "…", "es": "…"}`;
//! a `phrases` check's `anyOf`/`allOf` may be a list or an object of lists. After parsing,
//! each value holds the text of the rubric's default locale (so code that reads a rubric
//! reads `&str` and `&[String]` as before) and remembers its translations; a rubric
//! `localized` for a locale holds that locale's text where there is one, the default where
//! there is not, and each value says which locale it is in (`lang`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::ops::Deref;

/// A string of the rubric, with its translations.
#[derive(Debug, Clone, Default)]
pub struct Text {
    text: String,
    /// The locale `text` is in; empty until the rubric settles it (then the rubric's own).
    lang: String,
    /// As written in the rubric, when it was an object keyed by locale.
    by_locale: BTreeMap<String, String>,
}

/// A list of phrases, with lists per locale.
#[derive(Debug, Clone, Default)]
pub struct PhraseList {
    phrases: Vec<String>,
    lang: String,
    by_locale: BTreeMap<String, Vec<String>>,
}

impl Text {
    /// The locale this text is in (after the rubric settled or localized it).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the rubric gives this text in `locale` (a plain string counts as the
    /// rubric's own locale).
    pub fn has(&self, locale: &str) -> bool {
        if self.by_locale.is_empty() {
            same_language(&self.lang, locale)
        } else {
            pick(&self.by_locale, locale).is_some()
        }
    }

    /// The locales this text is written in.
    pub fn locales(&self) -> Vec<String> {
        if self.by_locale.is_empty() {
            vec![self.lang.clone()]
        } else {
            self.by_locale.keys().cloned().collect()
        }
    }

    pub(crate) fn settle(&mut self, default: &str) {
        self.choose(default, default);
    }

    /// Takes `locale`'s text where given, else the default's (else the first given).
    pub(crate) fn choose(&mut self, locale: &str, default: &str) {
        if self.by_locale.is_empty() {
            if self.lang.is_empty() {
                self.lang = default.to_string();
            }
            return;
        }
        let (lang, text) = pick(&self.by_locale, locale)
            .or_else(|| pick(&self.by_locale, default))
            .or_else(|| self.by_locale.iter().next())
            .map(|(l, t)| (l.clone(), t.clone()))
            .unwrap_or_default();
        self.lang = lang;
        self.text = text;
    }

    /// Drops the translations, keeping the chosen text (serialized as a plain string).
    pub(crate) fn flatten(&mut self) {
        self.by_locale.clear();
    }

    /// The map of translations as written (empty for a plain string).
    pub fn translations(&self) -> &BTreeMap<String, String> {
        &self.by_locale
    }
}

impl PhraseList {
    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn has(&self, locale: &str) -> bool {
        if self.by_locale.is_empty() {
            same_language(&self.lang, locale)
        } else {
            pick(&self.by_locale, locale).is_some()
        }
    }

    pub(crate) fn settle(&mut self, default: &str) {
        self.choose(default, default);
    }

    /// Whether no phrase is given in any locale.
    pub fn is_unset(&self) -> bool {
        self.phrases.is_empty() && self.by_locale.is_empty()
    }

    pub(crate) fn choose(&mut self, locale: &str, default: &str) {
        if self.by_locale.is_empty() {
            if self.lang.is_empty() {
                self.lang = default.to_string();
            }
            return;
        }
        let (lang, phrases) = pick(&self.by_locale, locale)
            .or_else(|| pick(&self.by_locale, default))
            .or_else(|| self.by_locale.iter().next())
            .map(|(l, p)| (l.clone(), p.clone()))
            .unwrap_or_default();
        self.lang = lang;
        self.phrases = phrases;
    }

    pub(crate) fn flatten(&mut self) {
        self.by_locale.clear();
    }

    /// Whether the lists are given by locale (an object) rather than as one list.
    pub fn translations_given(&self) -> bool {
        !self.by_locale.is_empty()
    }

    /// Every phrase list as written, by locale (a plain list under the settled locale).
    pub fn all_lists(&self) -> Vec<(&str, &[String])> {
        if self.by_locale.is_empty() {
            vec![(self.lang.as_str(), self.phrases.as_slice())]
        } else {
            self.by_locale.iter().map(|(l, p)| (l.as_str(), p.as_slice())).collect()
        }
    }
}

/// The entry for `locale`: the exact tag, else one of the same language (`es` for `es-MX`
/// and the reverse).
fn pick<'a, T>(map: &'a BTreeMap<String, T>, locale: &str) -> Option<(&'a String, &'a T)> {
    map.get_key_value(locale).or_else(|| map.iter().find(|(k, _)| same_language(k, locale)))
}

/// Whether two language tags name the same language (`es-MX` and `es`).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl Deref for PhraseList {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.phrases
    }
}

/// Texts are equal when written alike: the same translations, or the same plain string.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        if self.by_locale.is_empty() && other.by_locale.is_empty() {
            self.text == other.text
        } else {
            self.by_locale == other.by_locale
        }
    }
}

impl PartialEq for PhraseList {
    fn eq(&self, other: &PhraseList) -> bool {
        self.phrases == other.phrases && self.by_locale == other.by_locale
    }
}

impl Text {
    /// A text given in several languages (`[("en", "Beginning"), ("es", "Inicial")]`).
    /// Reads as the first until a rubric settles it on its own language.
    pub fn translated(texts: &[(&str, &str)]) -> Self {
        let (lang, text) = texts.first().copied().unwrap_or_default();
        // Inserted one by one: `collect` into a map would bring a sort of its own.
        let mut by_locale = BTreeMap::new();
        for (l, t) in texts {
            by_locale.insert(l.to_string(), t.to_string());
        }
        Text { text: text.to_string(), lang: lang.to_string(), by_locale }
    }
}

impl Text {
    /// A text as an object keyed by locale, before the rubric settles it.
    pub(crate) fn by_locale(by_locale: BTreeMap<String, String>) -> Self {
        Text { by_locale, ..Text::default() }
    }
}

impl PhraseList {
    /// Phrase lists as an object keyed by locale, before the rubric settles them.
    pub(crate) fn by_locale(by_locale: BTreeMap<String, Vec<String>>) -> Self {
        PhraseList { by_locale, ..PhraseList::default() }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text { text: s.to_string(), ..Text::default() }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text { text, ..Text::default() }
    }
}

impl From<Vec<String>> for PhraseList {
    fn from(phrases: Vec<String>) -> Self {
        PhraseList { phrases, ..PhraseList::default() }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum TextShape {
    /// In the rubric's own `locale`.
    Plain(String),
    /// By locale: `{"en": "…", "es": "…"}`.
    ByLocale(BTreeMap<String, String>),
}

#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum PhrasesShape {
    /// In the rubric's own `locale`.
    Plain(Vec<String>),
    /// By locale: `{"en": ["…"], "es": ["…"]}`.
    ByLocale(BTreeMap<String, Vec<String>>),
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match TextShape::deserialize(d)? {
            TextShape::Plain(text) => Text::from(text),
            TextShape::ByLocale(by_locale) => Text::by_locale(by_locale),
        })
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.by_locale.is_empty() {
            s.serialize_str(&self.text)
        } else {
            self.by_locale.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for PhraseList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match PhrasesShape::deserialize(d)? {
            PhrasesShape::Plain(phrases) => PhraseList::from(phrases),
            PhrasesShape::ByLocale(by_locale) => PhraseList::by_locale(by_locale),
        })
    }
}

impl Serialize for PhraseList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.by_locale.is_empty() {
            self.phrases.serialize(s)
        } else {
            self.by_locale.serialize(s)
        }
    }
}

#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use schemars::{JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Text {
        fn schema_name() -> Cow<'static, str> {
            "LocalizedText".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            TextShape::json_schema(g)
        }
    }

    impl JsonSchema for PhraseList {
        fn schema_name() -> Cow<'static, str> {
            "LocalizedPhrases".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            PhrasesShape::json_schema(g)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_by_locale_takes_the_asked_locale_then_the_default() {
        let mut t: Text = serde_json::from_str(r#"{"en": "Claim", "es": "Afirmación"}"#).unwrap();
        t.settle("en");
        assert_eq!((&*t, t.lang()), ("Claim", "en"));
        t.choose("es-MX", "en");
        assert_eq!((&*t, t.lang()), ("Afirmación", "es"));
        t.choose("fr", "en");
        assert_eq!((&*t, t.lang()), ("Claim", "en"));
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"Claim","es":"Afirmación"}"#);
    }

    #[test]
    fn a_plain_text_is_in_the_rubric_locale_and_stays_a_string() {
        let mut t: Text = serde_json::from_str(r#""Claim""#).unwrap();
        t.settle("en");
        t.choose("es", "en");
        assert_eq!((&*t, t.lang()), ("Claim", "en"));
        assert!(!t.has("es"));
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""Claim""#);
    }

    #[test]
    fn phrase_lists_by_locale() {
        let mut p: PhraseList =
            serde_json::from_str(r#"{"en": ["light"], "es": ["luz", "luminosidad"]}"#).unwrap();
        p.settle("en");
        assert_eq!(&*p, ["light".to_string()]);
        p.choose("es", "en");
        assert_eq!((p.len(), p.lang()), (2, "es"));
    }
}
