//! The usual evidence line read without serde's general machinery, several times faster.
//!
//! Takes one line of evidence JSON Lines; gives its student, competency, value and `at`
//! borrowed from the line when the line is one flat object of the evidence keys (each once,
//! `source` checked and skipped) whose strings have no escapes. Anything else gives `None` and
//! goes the general way (serde, then the walker that names problems): this reader accepts
//! nothing that serde refuses, and a number it does not read exactly itself goes to serde's
//! own number reader, so both ways give the same records.

/// The fields of a line that mastery reads.
pub(super) struct Scanned<'a> {
    pub student: &'a str,
    pub competency: &'a str,
    pub value: f64,
    pub at: &'a str,
}

/// The line's record, or `None` when the line is not of the usual shape (not necessarily wrong).
pub(super) fn scan_line(line: &str) -> Option<Scanned<'_>> {
    let mut cursor = Cursor { bytes: line.as_bytes(), at: 0, line };
    let (mut student, mut competency, mut value, mut at, mut source) =
        (None, None, None, None, false);
    cursor.eat(b'{')?;
    loop {
        let key = cursor.string()?;
        cursor.eat(b':')?;
        match packed(key.as_bytes()) {
            STUDENT if student.is_none() => student = Some(cursor.string()?),
            COMPETENCY if competency.is_none() => competency = Some(cursor.string()?),
            VALUE if value.is_none() => value = Some(cursor.number()?),
            AT if at.is_none() => at = Some(cursor.string()?),
            SOURCE if !source => {
                source = true;
                cursor.source()?;
            }
            _ => return None,
        }
        if cursor.eat(b'}').is_some() {
            break;
        }
        cursor.eat(b',')?;
    }
    cursor.skip_whitespace();
    if cursor.at != cursor.bytes.len() {
        return None;
    }
    Some(Scanned { student: student?, competency: competency?, value: value?, at: at? })
}

// The keys as numbers: comparing numbers is much cheaper in WebAssembly than comparing
// strings (a call to a byte-by-byte `memcmp`).
type Packed = (usize, u64, u64);
const STUDENT: Packed = packed(b"student");
const COMPETENCY: Packed = packed(b"competency");
const VALUE: Packed = packed(b"value");
const AT: Packed = packed(b"at");
const SOURCE: Packed = packed(b"source");
const TASK: Packed = packed(b"task");
const RUBRIC: Packed = packed(b"rubric");
const CRITERION: Packed = packed(b"criterion");

/// A key as its length and its first and next eight bytes, each eight as one number: equal
/// for equal keys of up to 16 bytes, and longer keys, whose bytes are left out, are no key of
/// a record.
const fn packed(key: &[u8]) -> Packed {
    let (mut first, mut next, mut i) = (0u64, 0u64, 0);
    while i < key.len() && i < 16 {
        if i < 8 {
            first = first << 8 | key[i] as u64;
        } else {
            next = next << 8 | key[i] as u64;
        }
        i += 1;
    }
    (key.len(), first, next)
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
    line: &'a str,
}

impl<'a> Cursor<'a> {
    /// JSON's whitespace, as serde_json skips it.
    #[inline(always)]
    fn skip_whitespace(&mut self) {
        // Counted on a local slice: a loop on `self.at` itself would go through memory.
        self.at += self.bytes[self.at..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count();
    }

    /// `byte` after optional whitespace.
    #[inline(always)]
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Some(())
        } else {
            None
        }
    }

    /// A string without escapes or control characters (which JSON forbids unescaped).
    #[inline(always)]
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let length = plain_run(&self.bytes[start..]);
        if self.bytes.get(start + length) != Some(&b'"') {
            return None;
        }
        self.at = start + length + 1;
        // Both ends are at a `"`, so at character boundaries.
        self.line.get(start..start + length)
    }

    /// A number: a plain integer of up to 15 digits read here (exact in an f64, as serde
    /// reads it), any other form by serde_json itself.
    fn number(&mut self) -> Option<f64> {
        self.skip_whitespace();
        let start = self.at;
        self.at += self.bytes[start..]
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let token = &self.bytes[start..self.at];
        let plain = !token.is_empty()
            && token.len() <= 15
            && token.iter().all(u8::is_ascii_digit)
            && (token.len() == 1 || token[0] != b'0');
        if plain {
            Some(token.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64)
        } else {
            serde_json::from_str::<f64>(self.line.get(start..self.at)?).ok()
        }
    }

    /// `null` or an object of optional `task`, `rubric`, `criterion` strings (or nulls), as
    /// `EvidenceSource` accepts; skipped.
    fn source(&mut self) -> Option<()> {
        if self.null() {
            return Some(());
        }
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut seen = [false; 3];
        loop {
            let slot = match packed(self.string()?.as_bytes()) {
                TASK => 0,
                RUBRIC => 1,
                CRITERION => 2,
                _ => return None,
            };
            if std::mem::replace(&mut seen[slot], true) {
                return None;
            }
            self.eat(b':')?;
            if !self.null() {
                self.string()?;
            }
            if self.eat(b'}').is_some() {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    /// Consumes `null` after optional whitespace, if it is there.
    fn null(&mut self) -> bool {
        self.skip_whitespace();
        if self.bytes[self.at..].starts_with(b"null") {
            self.at += 4;
            true
        } else {
            false
        }
    }
}

/// How many bytes come before the first `"`, `\\` or control character (all of `bytes` when
/// there is none). Eight bytes at a time (SWAR): a byte `b` of a word is flagged where
/// `b - k` borrows and `b` had no high bit, which is exact for the lowest flagged byte; the
/// first special byte is the lowest byte flagged by any of the three tests.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, k: u64| word.wrapping_sub(ONES * k) & !word;
    let mut words = bytes.chunks_exact(8);
    for (i, chunk) in (&mut words).enumerate() {
        // Always 8 bytes; were it not, 0 would stop the run here and the caller would find
        // no closing quote: the line would only go the general way.
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        let special = (below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20))
            & HIGHS;
        if special != 0 {
            return i * 8 + (special.trailing_zeros() / 8) as usize;
        }
    }
    let done = bytes.len() - words.remainder().len();
    done + words
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(words.remainder().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::borrow::Cow;

    /// The serde reading the scanner must agree with (as in `table.rs`).
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Line<'a> {
        #[serde(borrow)]
        student: Cow<'a, str>,
        #[serde(borrow)]
        competency: Cow<'a, str>,
        value: f64,
        #[serde(borrow)]
        at: Cow<'a, str>,
        #[serde(default)]
        source: Option<crate::mastery::EvidenceSource>,
    }

    /// Student, competency, value and `at` of a line.
    type Fields = Option<(String, String, f64, String)>;

    fn both(line: &str) -> (Fields, Fields) {
        let scanned = scan_line(line)
            .map(|s| (s.student.to_string(), s.competency.to_string(), s.value, s.at.to_string()));
        let parsed = serde_json::from_str::<Line>(line).ok().map(|l| {
            (l.student.into_owned(), l.competency.into_owned(), l.value, l.at.into_owned())
        });
        (scanned, parsed)
    }

    #[test]
    fn reads_usual_lines_as_serde_does() {
        let lines = [
            r#"{"student":"s-00017","competency":"MATH.07","value":3,"at":"2026-09-10T10:00:00Z"}"#,
            r#" { "at" : "2026-11-20" , "value" : 2.5 , "competency" : "SCI.CER.1" , "student" : "Zoë Ñúñez" } "#,
            "{\"student\":\"s\",\t\"competency\":\"c\",\r\"value\":1e0,\"at\":\"x\"}",
            r#"{"student": "s", "competency": "c", "value": 0, "at": "x", "source": {"task": "lab-3", "rubric": null, "criterion": "claim"}}"#,
            r#"{"student": "s", "competency": "c", "value": -0, "at": "x", "source": null}"#,
            r#"{"student": "s", "competency": "c", "value": 3.000000000000000001, "at": "x", "source": {}}"#,
            r#"{"student": "s", "competency": "c", "value": 123456789012345, "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": 1234567890123456789, "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": 0.1e-2, "at": "x"}"#,
            r#"{"student": "", "competency": " ", "value": 4, "at": ""}"#,
        ];
        for line in lines {
            let (scanned, parsed) = both(line);
            assert!(scanned.is_some(), "{line}");
            assert_eq!(scanned, parsed, "{line}");
            let (s, p) = (scanned.unwrap().2, parsed.unwrap().2);
            assert_eq!(s.to_bits(), p.to_bits(), "{line}: the same number, sign of zero included");
        }
    }

    #[test]
    fn plain_runs_end_at_the_first_quote_backslash_or_control_character() {
        // Every position of the special byte, in and after the first 8-byte word, behind
        // plain ASCII and UTF-8 (bytes with the high bit set must not be flagged).
        for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for at in 0..20 {
                for filler in ["a", "é", "~"] {
                    let mut bytes: Vec<u8> = filler.repeat(20).into_bytes()[..at].to_vec();
                    bytes.push(special);
                    bytes.extend_from_slice(b"\"x\\y");
                    assert_eq!(plain_run(&bytes), at, "{special} at {at} after {filler}");
                }
            }
        }
        assert_eq!(plain_run(b"0123456789 !#$%&'()*+,-./ \x7f"), 27);
        assert_eq!(plain_run(b""), 0);
    }

    #[test]
    fn leaves_everything_else_to_serde() {
        // Serde refuses these: the scanner must too.
        let refused = [
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "student": "t"}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "sauce": {}}"#,
            r#"{"student": "s", "competency": "c", "value": 3}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x",}"#,
            r#"{"student": "s", "competency": "c", "value": 03, "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": 3., "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": +3, "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": "3", "at": "x"}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x"} x"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "source": {"tsk": "x"}}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "source": {"task": "a", "task": "b"}}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "source": {"task": 1}}"#,
            r#"{"student": "s", "competency": "c", "value": 3, "at": "x", "source": "lab"}"#,
            r#"{"student": "s", "competency": "c", "value": 1e999, "at": "x"}"#,
            "{\"student\": \"s\u{1}\", \"competency\": \"c\", \"value\": 3, \"at\": \"x\"}",
            "\u{feff}{\"student\": \"s\", \"competency\": \"c\", \"value\": 3, \"at\": \"x\"}",
            "[]",
            "{",
            "",
        ];
        for line in refused {
            let (scanned, parsed) = both(line);
            assert!(parsed.is_none(), "serde takes {line}");
            assert!(scanned.is_none(), "the scanner takes {line}");
        }
        // Serde takes these (escapes): the scanner leaves them to it.
        for line in [
            r#"{"student": "s-\u0031", "competency": "c", "value": 3, "at": "x"}"#,
            r#"{"stud\u0065nt": "s", "competency": "c", "value": 3, "at": "x"}"#,
        ] {
            let (scanned, parsed) = both(line);
            assert!(scanned.is_none() && parsed.is_some(), "{line}");
        }
    }
}
