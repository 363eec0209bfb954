//! What makes a found phrase count: whether it stands in a negated clause ("the plant did
//! **not** grow"), and whether the sentence it stands in is writing at all or a list of
//! keywords; plus the common words that carry no meaning of the task (for the off-task
//! guard and for lint). All of it is decided per sentence, from the sentence's own words,
//! so a live session re-decides it only for the sentences an edit touched.

use crate::text::words::Word;

/// Words that make the rest of their clause negative, per language. A cue negates the
/// words after it in its clause, up to `NEGATION_REACH` words away. English contractions
/// ending in "n't" are cues too, and so are their apostrophe-less spellings students
/// type ("dont", "isnt").
const EN_CUES: &[&str] = &[
    "not", "no", "never", "without", "neither", "nor", "none", "nothing", "nobody", "nowhere",
    "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt",
    "shouldnt", "wouldnt", "wont", "hasnt", "havent", "hadnt", "lack", "lacks", "lacking",
];

const ES_CUES: &[&str] = &[
    "no", "nunca", "jamás", "jamas", "ni", "sin", "tampoco", "nada", "nadie", "ninguno", "ninguna",
    "ningún", "ningun", "ningunos", "ningunas",
];

/// Words that end a clause, so that a cue before them does not reach past them ("it is not
/// red **but** blue").
const EN_BREAKS: &[&str] = &["but", "however", "although", "though", "yet", "whereas", "instead"];
const ES_BREAKS: &[&str] = &["pero", "sino", "aunque", "mientras", "embargo"];

/// Cues that are not negations in this company ("not only … but also", "no matter").
const EN_NOT_NEGATING_NEXT: &[(&str, &str)] =
    &[("not", "only"), ("no", "matter"), ("not", "just"), ("no", "doubt")];
const ES_NOT_NEGATING_NEXT: &[(&str, &str)] = &[("no", "solo"), ("no", "sólo")];

/// How far back (in words) a cue reaches within its clause.
pub(crate) const NEGATION_REACH: usize = 6;

/// A language's cues (English for languages without a list of their own).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NegationCues {
    cues: &'static [&'static str],
    breaks: &'static [&'static str],
    not_negating: &'static [(&'static str, &'static str)],
    contractions: bool,
}

impl NegationCues {
    pub(crate) fn for_locale(locale: &str) -> Self {
        if crate::text::language(locale) == "es" {
            NegationCues {
                cues: ES_CUES,
                breaks: ES_BREAKS,
                not_negating: ES_NOT_NEGATING_NEXT,
                contractions: false,
            }
        } else {
            NegationCues {
                cues: EN_CUES,
                breaks: EN_BREAKS,
                not_negating: EN_NOT_NEGATING_NEXT,
                contractions: true,
            }
        }
    }

    /// What `word` is to negation, on its own: a cue, a clause break or neither. (Worked out
    /// once per distinct word: the lexicon keeps it.)
    pub(crate) fn role(&self, word: &str) -> WordRole {
        let w = lower(word);
        if (self.contractions && (w.ends_with("n't") || w.ends_with("n’t")))
            || self.cues.contains(&w.as_str())
        {
            WordRole::Cue
        } else if self.breaks.contains(&w.as_str()) {
            WordRole::Break
        } else {
            WordRole::Plain
        }
    }

    /// Whether the cue word `words[i]` negates here: not when the next word makes it
    /// something else ("not only", "no matter").
    fn negates_here(&self, words: &[Word], i: usize) -> bool {
        let w = lower(words[i].text);
        let next = words.get(i + 1).map(|n| lower(n.text));
        !self.not_negating.iter().any(|(cue, after)| w == *cue && next.as_deref() == Some(*after))
    }

    /// Whether the words `first..` (a phrase occurrence) stand in a negated clause of
    /// `sentence`: a cue at most `NEGATION_REACH` words before them, with no clause break
    /// (`,` `;` `:` or a word like "but") between the cue and them.
    #[cfg(test)]
    pub(crate) fn negates(&self, sentence: &str, words: &[Word], first: usize) -> bool {
        self.negates_with(sentence, words, first, |i| self.role(words[i].text))
    }

    /// `negates`, with each word's role given by `role(i)` (the lexicon keeps them).
    pub(crate) fn negates_with(
        &self,
        sentence: &str,
        words: &[Word],
        first: usize,
        role: impl Fn(usize) -> WordRole,
    ) -> bool {
        let mut i = first;
        let mut reach = NEGATION_REACH;
        while i > 0 && reach > 0 {
            let gap = &sentence[words[i - 1].byte_end..words[i].byte_start];
            if gap.contains([',', ';', ':', '(', ')', '—', '–']) {
                return false;
            }
            i -= 1;
            reach -= 1;
            match role(i) {
                WordRole::Break => return false,
                WordRole::Cue if self.negates_here(words, i) => return true,
                _ => {}
            }
        }
        false
    }
}

/// What a word is to negation on its own (see `NegationCues::role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum WordRole {
    #[default]
    Plain,
    Cue,
    Break,
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// Whether a sentence (its words, and which of them phrase occurrences cover) is a list of
/// keywords or one word repeated rather than writing:
/// - one word makes up half or more of a sentence of at least three words, or is written
///   three times in a row ("light light light");
/// - or at most a quarter of the sentence's words are not part of an occurrence of a rubric
///   phrase, and six or more separate occurrences follow each other with no other word
///   between them ("my claim light grow tall in our test data …"), or four or more when
///   the sentence does not end like one (no `.`, `!` or `?`). Occurrences made only of
///   common words ("will", "more than") are left out of this rule: neither keywords nor
///   the words between them, so that "it will be cooler inside" is a sentence whatever the
///   rubric looks for, and "light more than because photosynthesis" is still a list.
///
/// A written sentence dense with the task's words ("Light makes the plants grow taller",
/// "I believe our town should ban plastic bags for two reasons.") keeps the words that tie
/// them together and ends like a sentence, which is what the second rule looks for.
///
/// `words`: the sentence's words as ids, one per word with case aside (the lexicon's).
/// `covered[i]`: 0 for a word outside any occurrence, [`NEUTRAL`] for one inside occurrences
/// of common words only, else an occurrence group number (overlapping occurrences share
/// one), so adjacent groups are separate occurrences.
pub(crate) fn is_keyword_run(words: &[u32], covered: &[u32], ends_as_sentence: bool) -> bool {
    let n = words.len();
    if n >= 3 {
        let mut run = 1;
        for i in 1..n {
            run = if words[i] == words[i - 1] { run + 1 } else { 1 };
            if run >= 3 {
                return true;
            }
        }
        // One word half the sentence or more. A majority vote over all words but the last
        // leaves standing any word that is more than half of them; a word that is half of
        // the sentence either is that, or is the last word. Two counts settle it.
        let half = n.div_ceil(2);
        let count = |w: u32| words.iter().filter(|&&o| o == w).count();
        let (mut candidate, mut votes) = (words[0], 0usize);
        for &w in &words[..n - 1] {
            if votes == 0 {
                (candidate, votes) = (w, 1);
            } else if w == candidate {
                votes += 1;
            } else {
                votes -= 1;
            }
        }
        if count(candidate) >= half || count(words[n - 1]) >= half {
            return true;
        }
    }
    let counted = covered.iter().filter(|&&g| g != NEUTRAL).count();
    let uncovered = covered.iter().filter(|&&g| g == 0).count();
    if counted < 4 || uncovered * 4 > counted {
        return false;
    }
    let (mut longest, mut run, mut last) = (0, 0, 0);
    for &g in covered.iter().filter(|&&g| g != NEUTRAL) {
        if g == 0 {
            run = 0;
        } else if g != last {
            run += 1;
            longest = longest.max(run);
        }
        last = g;
    }
    longest >= if ends_as_sentence { 6 } else { 4 }
}

/// In `is_keyword_run`'s `covered`: a word only common-word occurrences cover.
pub(crate) const NEUTRAL: u32 = u32::MAX;

/// Whether a sentence ends with a full stop, question or exclamation mark (closing quotes
/// and brackets aside).
pub(crate) fn ends_as_sentence(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Words too common to tell anything about a task (function words and the like), English
/// and Spanish. A phrase made only of these is found in nearly every answer.
const EN_COMMON: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these",
    "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
    "did", "have", "has", "had", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us",
    "them", "my", "your", "his", "our", "their", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "about", "into", "up", "down", "out", "over", "not", "no", "yes", "can", "could",
    "will", "would", "should", "may", "might", "must", "what", "which", "who", "when", "where",
    "why", "how", "there", "here", "all", "some", "any", "more", "most", "very", "also", "just",
    "because", "data", "thing", "things", "get", "got", "make", "made", "like", "one", "two",
    "lot", "really", "well", "since", "too", "while", "under", "less", "use", "used", "your",
];

const ES_COMMON: &[&str] = &[
    "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "pero", "si", "que", "de",
    "del", "al", "en", "a", "con", "por", "para", "es", "son", "fue", "era", "ser", "estar",
    "está", "están", "esta", "este", "esto", "estos", "estas", "eso", "ese", "esa", "lo", "le",
    "les", "se", "su", "sus", "mi", "mis", "yo", "tú", "él", "ella", "nosotros", "ellos", "como",
    "más", "muy", "también", "porque", "no", "sí", "hay", "datos", "cosa", "cosas", "ya", "cuando",
    "donde", "qué", "cómo", "todo", "todos", "muy", "entonces",
];

/// Whether `word` is too common to tell anything about a task.
pub fn is_common(word: &str) -> bool {
    let w = lower(word);
    EN_COMMON.contains(&w.as_str()) || ES_COMMON.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    /// A sentence's words as ids, case aside (as the lexicon gives them).
    fn ids(sentence: &str) -> Vec<u32> {
        let mut seen: Vec<String> = Vec::new();
        let mut id = |w: &str| {
            let w = w.to_lowercase();
            match seen.iter().position(|s| *s == w) {
                Some(i) => i as u32,
                None => {
                    seen.push(w);
                    seen.len() as u32 - 1
                }
            }
        };
        words(sentence).iter().map(|w| id(w.text)).collect()
    }

    fn negated(sentence: &str, word: &str, locale: &str) -> bool {
        let ws = words(sentence);
        let i = ws.iter().position(|w| w.text == word).expect("word in sentence");
        NegationCues::for_locale(locale).negates(sentence, &ws, i)
    }

    #[test]
    fn negation_reaches_within_its_clause() {
        assert!(negated("The plant did not grow in the dark.", "grow", "en"));
        assert!(negated("It doesn't need light.", "light", "en"));
        assert!(negated("It doesnt need light.", "light", "en"));
        assert!(negated("There was no change in mass.", "change", "en"));
        // A comma or "but" closes the clause.
        assert!(!negated("It was not dark, so the plant grew.", "grew", "en"));
        assert!(!negated("It is not red but blue.", "blue", "en"));
        // "not only" does not negate.
        assert!(!negated("Not only light matters.", "light", "en"));
        // Too far back: more than six words.
        assert!(!negated(
            "No one in our class of twenty seven students saw osmosis.",
            "osmosis",
            "en"
        ));
        assert!(negated("La planta no creció sin luz.", "luz", "es"));
        assert!(negated("La planta no creció.", "creció", "es"));
        assert!(!negated("La planta creció, pero no mucho.", "creció", "es"));
    }

    #[test]
    fn keyword_lists_and_repeats_are_not_sentences() {
        let list = "my claim light grow tall in our test data cm more than because photosynthesis";
        let ws = ids(list);
        // Every word covered, by ten separate occurrences.
        let covered: Vec<u32> = vec![1, 1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 8, 9, 10];
        assert_eq!(ws.len(), covered.len());
        assert!(!ends_as_sentence(list));
        assert!(is_keyword_run(&ws, &covered, false));
        // With a full stop the same list is still six occurrences in a row.
        assert!(is_keyword_run(&ws, &covered, true));
        let sentence = "My claim is that light makes bean plants grow taller.";
        let ws = ids(sentence);
        // "my claim", "light", "plants", "grow", "taller": 4 words of 10 uncovered.
        let covered = vec![1, 1, 0, 0, 2, 0, 0, 3, 4, 5];
        assert!(!is_keyword_run(&ws, &covered, true));
        assert!(is_keyword_run(&ids("light light light"), &[1, 2, 3], false));
        assert!(is_keyword_run(&ids("osmosis is osmosis and osmosis"), &[1, 0, 2, 0, 3], true));
        assert!(!is_keyword_run(&ids("Light makes plants grow."), &[1, 0, 2, 3], true));
        // Common-word occurrences (N) are neither keywords nor glue: "it will be cooler
        // inside" has three words that count, too few for a list; the list above with
        // "in", "our", "more than" and "because" as common-word occurrences still is one
        // (eight occurrences in a row, "cm" the only word outside them).
        const N: u32 = NEUTRAL;
        assert!(!is_keyword_run(&ids("it will be cooler inside"), &[0, N, N, 1, 2], false));
        assert!(is_keyword_run(&ids("it will be cooler inside"), &[0, 1, 2, 3, 4], false));
        let covered = vec![1, 1, 2, 3, 4, N, N, 5, 6, 0, N, N, N, 7];
        assert!(is_keyword_run(&ids(list), &covered, false));
        assert!(is_keyword_run(&ids(list), &covered, true));
        // One word making up exactly half, wherever it stands, and in a long sentence too.
        let none = |n: usize| vec![0u32; n];
        assert!(is_keyword_run(&ids("light a Light b light c LIGHT d"), &none(8), true));
        assert!(is_keyword_run(&ids("a light b light c light d light"), &none(8), true));
        assert!(!is_keyword_run(&ids("a light b light c light d e"), &none(9), true));
        let long = ["osmosis and"; 40].join(" ");
        assert!(is_keyword_run(&ids(&long), &none(80), true));
        let long = ["osmosis and water"; 30].join(" ");
        assert!(!is_keyword_run(&ids(&long), &none(90), true));
        // A topic sentence dense with a rubric's phrases: "I believe", "should", "ban",
        // "plastic bags", "for two reasons" (two words of eleven left over, four
        // occurrences in a row) is a sentence: it ends like one.
        let topic = "I believe our town should ban plastic bags for two reasons.";
        assert!(ends_as_sentence(topic));
        let covered = [1, 1, 0, 0, 2, 3, 4, 4, 5, 5, 5];
        assert!(!is_keyword_run(&ids(topic), &covered, true));
        assert!(is_keyword_run(&ids(topic), &covered, false));
    }
}
