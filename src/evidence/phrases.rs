//! The phrases of every `phrases` check on one field, compiled into word patterns and a
//! token trie, so a paragraph is matched against all of them in one pass.
//!
//! Each distinct word of the text is looked up once (the `Lexicon` caches it): it is
//! normalized once per normalization in use (case, accents, stem), then mapped to the set
//! of phrase-word patterns (symbols) it matches: exact words by hash lookup, wildcard and
//! fuzzy words by a scan of those patterns only. The trie then runs over the symbol sets.
//!
//! Phrase semantics:
//! - `a|b`: alternatives; each alternative is a sequence of words, split like the text
//!   (Unicode word boundaries, so `cause-and-effect` is three words).
//! - `*` stands for any run of letters within one word (`measur*`). Wildcard words compare
//!   with the word as written (case and accents folded as asked), not with its stem.
//! - `stem`: both sides are reduced by the Snowball stemmer of the rubric's locale
//!   (`measured`, `measuring`, `measurement` → `measur`).
//! - `fuzzy`: edits allowed per phrase word, for `"auto"` by its letters counted after
//!   normalization (so with `stem`, stems are compared and measured: `pores` → `pore`, four
//!   letters, no edit). Wildcard words are never fuzzy.
//! - `wholeWord: false`: each phrase word may match inside a longer word (`photo` in
//!   `photosynthesis`); spans then cover the whole words. Such words are not fuzzy.
//! - A phrase never runs across a sentence break (nor a paragraph break).

use super::automaton::TokenTrie;
use crate::rubric::model::Fuzzy;
use crate::text::distance::{signature, within};
use crate::text::normalize::Normalization;
use crate::text::words::words;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// How one phrases check wants its phrases compared.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseOptions {
    pub normalization: Normalization,
    pub whole_word: bool,
    pub fuzzy: Fuzzy,
}

#[derive(Debug, Clone, PartialEq)]
enum WordPattern {
    Exact {
        norm: usize,
        text: String,
    },
    /// The word split at its `*`s: starts with the first part, ends with the last, holds the
    /// middle ones in order.
    Glob {
        norm: usize,
        parts: Vec<String>,
    },
    Fuzzy {
        norm: usize,
        text: String,
        edits: u8,
    },
}

/// A fuzzy phrase word as the comparison needs it: characters, length and letter signature
/// worked out once, so a word of the text is compared only with those of about its length
/// and letters, and without allocating.
#[derive(Debug, Clone)]
struct FuzzyWord {
    symbol: u32,
    norm: usize,
    chars: Box<[char]>,
    signature: u64,
    edits: u8,
}

/// Every phrase of one field, ready to match.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    norms: Vec<Normalization>,
    patterns: Vec<WordPattern>,
    /// Per normalization: normalized word → exact-pattern symbols.
    exact: Vec<HashMap<String, Vec<u32>, FxBuildHasher>>,
    /// Wildcard symbols (each compared with every word).
    scanned: Vec<u32>,
    /// Fuzzy symbols, ready to compare with a word.
    fuzzy: Vec<FuzzyWord>,
    trie: TokenTrie,
    phrases: u32,
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet {
            norms: Vec::new(),
            patterns: Vec::new(),
            exact: Vec::new(),
            scanned: Vec::new(),
            fuzzy: Vec::new(),
            trie: TokenTrie::new(),
            phrases: 0,
        }
    }
}

impl PhraseSet {
    pub(crate) fn is_empty(&self) -> bool {
        self.phrases == 0
    }

    /// Number of phrases (ids run from 0).
    pub(crate) fn len(&self) -> usize {
        self.phrases as usize
    }

    /// Adds a phrase (with its `|` alternatives) and returns its id.
    pub(crate) fn add(&mut self, phrase: &str, options: &PhraseOptions) -> u32 {
        let id = self.phrases;
        self.phrases += 1;
        for alternative in phrase.split('|') {
            let mut symbols = Vec::new();
            for chunk in alternative.split_whitespace() {
                if chunk.contains('*') {
                    let glob = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '*');
                    let norm = self.norm_id(options.normalization.unstemmed());
                    let n = self.norms[norm];
                    let mut parts: Vec<String> = glob.split('*').map(|p| n.apply(p)).collect();
                    if !options.whole_word {
                        parts.insert(0, String::new());
                        parts.push(String::new());
                    }
                    symbols.push(self.symbol(WordPattern::Glob { norm, parts }));
                    continue;
                }
                for word in words(chunk) {
                    let pattern = self.word_pattern(word.text, options);
                    symbols.push(self.symbol(pattern));
                }
            }
            if !symbols.is_empty() {
                self.trie.insert(&symbols, id);
            }
        }
        id
    }

    fn word_pattern(&mut self, word: &str, options: &PhraseOptions) -> WordPattern {
        if !options.whole_word {
            let norm = self.norm_id(options.normalization.unstemmed());
            let text = self.norms[norm].apply(word);
            return WordPattern::Glob { norm, parts: vec![String::new(), text, String::new()] };
        }
        let norm = self.norm_id(options.normalization);
        let text = self.norms[norm].apply(word);
        // `"auto"` measures the word as compared: with `stem`, its stem ("pores" → "pore",
        // four letters, no edit, so "more" does not match it).
        let edits = options.fuzzy.edits_for(text.chars().filter(|c| c.is_alphabetic()).count());
        if edits > 0 {
            WordPattern::Fuzzy { norm, text, edits }
        } else {
            WordPattern::Exact { norm, text }
        }
    }

    fn norm_id(&mut self, n: Normalization) -> usize {
        match self.norms.iter().position(|m| *m == n) {
            Some(i) => i,
            None => {
                self.norms.push(n);
                self.exact.push(HashMap::default());
                self.norms.len() - 1
            }
        }
    }

    fn symbol(&mut self, pattern: WordPattern) -> u32 {
        if let Some(i) = self.patterns.iter().position(|p| *p == pattern) {
            return i as u32;
        }
        let symbol = self.patterns.len() as u32;
        match &pattern {
            WordPattern::Exact { norm, text } => {
                self.exact[*norm].entry(text.clone()).or_default().push(symbol)
            }
            WordPattern::Glob { .. } => self.scanned.push(symbol),
            WordPattern::Fuzzy { norm, text, edits } => {
                let chars: Box<[char]> = text.chars().collect();
                let signature = signature(&chars);
                self.fuzzy.push(FuzzyWord { symbol, norm: *norm, chars, signature, edits: *edits });
            }
        }
        self.patterns.push(pattern);
        symbol
    }

    /// The symbols (phrase-word patterns) a word of the text matches, sorted.
    pub(crate) fn symbols_of(&self, word: &str) -> Vec<u32> {
        // Each normalization of the word, made when first needed.
        let mut forms: Vec<Option<String>> = vec![None; self.norms.len()];
        let mut out = Vec::new();
        for (norm, table) in self.exact.iter().enumerate() {
            if !table.is_empty() {
                let form = forms[norm].get_or_insert_with(|| self.norms[norm].apply(word));
                if let Some(symbols) = table.get(form.as_str()) {
                    out.extend_from_slice(symbols);
                }
            }
        }
        for &symbol in &self.scanned {
            if let WordPattern::Glob { norm, parts } = &self.patterns[symbol as usize] {
                if glob(parts, forms[*norm].get_or_insert_with(|| self.norms[*norm].apply(word))) {
                    out.push(symbol);
                }
            }
        }
        if !self.fuzzy.is_empty() {
            // Each normalized form as characters with its signature, made when first needed.
            let mut letters: Vec<Option<(Vec<char>, u64)>> = vec![None; self.norms.len()];
            for f in &self.fuzzy {
                let (chars, sig) = letters[f.norm].get_or_insert_with(|| {
                    let form = forms[f.norm].get_or_insert_with(|| self.norms[f.norm].apply(word));
                    let chars: Vec<char> = form.chars().collect();
                    let sig = signature(&chars);
                    (chars, sig)
                });
                let k = f.edits as usize;
                if chars.len().abs_diff(f.chars.len()) <= k
                    && (*sig ^ f.signature).count_ones() as usize <= 2 * k
                    && within(chars, &f.chars, k)
                {
                    out.push(f.symbol);
                }
            }
        }
        super::order::sort_dedup(&mut out);
        out
    }

    /// Runs the trie over a paragraph's words (as symbol sets); `found(phrase, first, last)`.
    pub(crate) fn run<'a>(
        &self,
        words: impl Iterator<Item = &'a [u32]>,
        found: impl FnMut(u32, usize, usize),
    ) {
        self.trie.run(words, found);
    }
}

/// Whether `word` fits a wildcard split into parts (`measur*` → ["measur", ""]).
fn glob(parts: &[String], word: &str) -> bool {
    let (first, last) = (&parts[0], &parts[parts.len() - 1]);
    if word.len() < first.len() + last.len()
        || !word.starts_with(first.as_str())
        || !word.ends_with(last.as_str())
    {
        return false;
    }
    let mut rest = &word[first.len()..word.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle.as_str()) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::model::AutoFuzzy;

    fn options(stem: bool, fuzzy: Fuzzy, ignore_accents: bool, whole_word: bool) -> PhraseOptions {
        let stem = if stem { Some(crate::text::Algorithm::English) } else { None };
        PhraseOptions {
            normalization: Normalization { case_sensitive: false, ignore_accents, stem },
            whole_word,
            fuzzy,
        }
    }

    #[test]
    fn word_patterns() {
        let mut set = PhraseSet::default();
        set.add("measure", &options(true, Fuzzy::Edits(0), false, true));
        set.add("evidence", &options(false, Fuzzy::Auto(AutoFuzzy::Auto), false, true));
        set.add("photo", &options(false, Fuzzy::Edits(0), false, false));
        set.add("hypothes*", &options(false, Fuzzy::Edits(0), true, true));
        assert_eq!(set.symbols_of("Measurements").len(), 1);
        // "evidense": one substitution in an 8-letter word, which "auto" allows.
        assert_eq!(set.symbols_of("evidense").len(), 1);
        assert_eq!(set.symbols_of("photosynthesis").len(), 1);
        assert_eq!(set.symbols_of("Hypothèses").len(), 1);
        assert!(set.symbols_of("measles").is_empty());
    }
}
