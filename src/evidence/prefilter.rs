//! A quick test that rules a sentence out before a regex runs on it, and tells the regex
//! where to start searching (regex-lite has no prefilter of its own, and its PikeVM costs
//! tens of nanoseconds a byte).
//!
//! From the pattern's leading atom only: when every match must begin with `min` characters
//! in a set of ASCII bytes (`\d+…`, `[A-Z]{6,}`, `cm…`), a sentence without a run of `min`
//! such bytes cannot match, and the regex is not run. Anything this reading does not fully
//! understand (a top-level `|`, a group, an anchor, a flag, a non-ASCII character, an
//! escape other than `\d`, a quantifier that allows zero) gives no prefilter: the regex
//! then always runs. So the test is conservative: it may let through a sentence that does
//! not match, never rule out one that does.

/// Bytes a match must start with, and how many in a row.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    set: [bool; 128],
    min: usize,
}

impl Prefilter {
    /// The prefilter of a pattern, if its leading atom allows one.
    pub(crate) fn of(pattern: &str, case_insensitive: bool) -> Option<Prefilter> {
        if has_top_level_alternation(pattern) {
            return None;
        }
        let bytes = pattern.as_bytes();
        let mut set = [false; 128];
        let rest = match *bytes.first()? {
            b'\\' if bytes.get(1) == Some(&b'd') => {
                set[usize::from(b'0')..=usize::from(b'9')].fill(true);
                &bytes[2..]
            }
            b'[' => {
                let end = class(&bytes[1..], &mut set)?;
                &bytes[1 + end..]
            }
            c if c.is_ascii_alphanumeric() || c == b' ' => {
                set[usize::from(c)] = true;
                &bytes[1..]
            }
            _ => return None,
        };
        if case_insensitive {
            for c in b'a'..=b'z' {
                let upper = c.to_ascii_uppercase();
                let either = set[usize::from(c)] || set[usize::from(upper)];
                set[usize::from(c)] = either;
                set[usize::from(upper)] = either;
            }
        }
        let min = match rest.first() {
            Some(b'?' | b'*') => return None,
            Some(b'{') => {
                let digits: Vec<u8> =
                    rest[1..].iter().copied().take_while(u8::is_ascii_digit).collect();
                std::str::from_utf8(&digits).ok()?.parse::<usize>().ok().filter(|&n| n > 0)?
            }
            _ => 1,
        };
        Some(Prefilter { set, min })
    }

    /// Whether a match may be in `text`: it holds a run of `min` bytes of the set.
    #[cfg(test)]
    fn may_match(&self, text: &str) -> bool {
        self.next_start(text, 0).is_some()
    }

    /// The first byte at or after `from` where a match may start: `min` bytes of the set
    /// in a row begin there.
    fn next_start(&self, text: &str, from: usize) -> Option<usize> {
        let mut run = 0;
        for (i, &b) in text.as_bytes().iter().enumerate().skip(from) {
            if b < 128 && self.set[usize::from(b)] {
                run += 1;
                if run >= self.min {
                    return Some(i + 1 - self.min);
                }
            } else {
                run = 0;
            }
        }
        None
    }

    /// The matches of `regex` in `text`, as `regex.find_iter` gives them, searching only
    /// from where a match may start (no match starts before the first such place, and
    /// none is empty, so the leftmost match found from there is the leftmost overall).
    pub(crate) fn find_iter<'r, 't>(
        &'r self,
        regex: &'r regex_lite::Regex,
        text: &'t str,
    ) -> impl Iterator<Item = regex_lite::Match<'t>> + 'r
    where
        't: 'r,
    {
        let mut from = 0;
        std::iter::from_fn(move || {
            let start = self.next_start(text, from)?;
            let m = regex.find_at(text, start)?;
            from = m.end().max(m.start() + 1);
            Some(m)
        })
    }
}

/// Reads a bracket class after its `[` (plain characters, ranges of them, `\d`); gives the
/// index just past its `]`, or None for anything else (a negation, another escape, a
/// non-ASCII character, a nested class).
fn class(bytes: &[u8], set: &mut [bool; 128]) -> Option<usize> {
    let mut i = 0;
    if bytes.first() == Some(&b'^') {
        return None;
    }
    while let Some(&c) = bytes.get(i) {
        match c {
            b']' if i > 0 => return Some(i + 1),
            b'\\' if bytes.get(i + 1) == Some(&b'd') => {
                set[usize::from(b'0')..=usize::from(b'9')].fill(true);
                i += 2;
            }
            b'\\' | b'[' | 128.. => return None,
            _ if bytes.get(i + 1) == Some(&b'-')
                && bytes.get(i + 2).is_some_and(|&e| e != b']' && e != b'\\' && e < 128) =>
            {
                let end = bytes[i + 2];
                if end < c {
                    return None;
                }
                set[usize::from(c)..=usize::from(end)].fill(true);
                i += 3;
            }
            _ => {
                set[usize::from(c)] = true;
                i += 1;
            }
        }
    }
    None
}

/// Whether `|` appears outside every group and class (then a match may start with either side).
fn has_top_level_alternation(pattern: &str) -> bool {
    let (mut depth, mut in_class, mut escaped) = (0i32, false, false);
    for c in pattern.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth <= 0 => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::Prefilter;

    #[test]
    fn leading_atoms_give_a_set_and_a_run_length() {
        let units = Prefilter::of(r"\d+([.,]\d+)?\s?(cm|mm)\b", true).expect("digits lead");
        assert!(units.may_match("the plant grew 3 cm"));
        assert!(!units.may_match("the plant grew three centimetres"));
        let shouting = Prefilter::of("[A-Z]{6,}", false).expect("a class with a count");
        assert!(shouting.may_match("this is AMAZING"));
        assert!(
            !shouting.may_match("The NASA data show it. Light ANDRE."),
            "no run of six capitals"
        );
        let cm = Prefilter::of("cm", true).expect("a literal");
        assert!(cm.may_match("3 CM"));
    }

    #[test]
    fn patterns_it_does_not_understand_get_none() {
        for pattern in [
            "a|b", "(cm|mm)", r"\bword", "^The", "x?y", "a*", "[^a]b", r"[\w]+", "(?i)cm", "é+",
            ".+", r"\w+", "{2}",
        ] {
            assert!(Prefilter::of(pattern, false).is_none(), "{pattern}");
        }
    }

    /// Soundness: on varied text, whenever the regex finds a match the prefilter lets it through.
    #[test]
    fn never_rules_out_a_sentence_that_matches() {
        let patterns = [
            r"\d+([.,]\d+)?\s?(cm|mm)\b",
            "[A-Z]{6,}",
            "[a-c]{2}x",
            "cm",
            r"[\d.]+%",
            "q{3}",
            "Te[sx]t",
            "st",
            "k+",
        ];
        let words = [
            "3", "3.5", "cm", "CM", "mm", "ABCDEFG", "abx", "ccx", "TEXT", "Test", "qqq", "q",
            "50%", "e.g.", "é", "🌱", " ", ".", "AB", "ſ", "\u{212A}", "Teſt",
        ];
        let mut seed: u64 = 7;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(words[(seed >> 33) as usize % words.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            for p in patterns {
                for ci in [false, true] {
                    let regex =
                        regex_lite::RegexBuilder::new(p).case_insensitive(ci).build().unwrap();
                    if let Some(filter) = Prefilter::of(p, ci) {
                        if regex.is_match(&text) {
                            assert!(filter.may_match(&text), "{p} (ci {ci}) matches {text:?}");
                        }
                        let all: Vec<(usize, usize)> =
                            regex.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                        let filtered: Vec<(usize, usize)> =
                            filter.find_iter(&regex, &text).map(|m| (m.start(), m.end())).collect();
                        assert_eq!(filtered, all, "{p} (ci {ci}) on {text:?}");
                    }
                }
            }
        }
    }
}
