//! Edit distance between words.

/// Levenshtein distance in characters (insertions, deletions, substitutions).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Which letters a word holds, as bits (a–z one each, other characters folded into the rest).
/// One edit adds or removes at most one letter, so it changes at most one bit, and a
/// substitution at most two: words within `k` edits differ in at most `2k` bits. Comparing
/// signatures rules out most pairs before any distance is computed.
pub fn signature(chars: &[char]) -> u64 {
    chars.iter().fold(0u64, |s, &c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + (c as u32) % 38,
        };
        s | 1 << bit
    })
}

/// Whether `a` and `b` are at most `k` edits apart (Levenshtein, in characters). Stops as
/// soon as every cell of a row exceeds `k`, and allocates nothing for words of up to 63
/// characters.
pub fn within(a: &[char], b: &[char], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    if a == b {
        return true;
    }
    let mut stack = [0usize; 64];
    let mut heap = Vec::new();
    let row: &mut [usize] = if b.len() < stack.len() {
        &mut stack[..=b.len()]
    } else {
        heap.resize(b.len() + 1, 0);
        &mut heap
    };
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cell = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            row[j + 1] = cell;
            least = least.min(cell);
            diagonal = above;
        }
        if least > k {
            return false;
        }
    }
    row[b.len()] <= k
}

#[cfg(test)]
mod tests {
    use super::{levenshtein, signature, within};

    #[test]
    fn counts_edits() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("evidence", "evidence"), 0);
        assert_eq!(levenshtein("hipótesis", "hipotesis"), 1);
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn bounded_check_agrees_with_the_distance() {
        let words = [
            "",
            "a",
            "evidence",
            "evidense",
            "evdence",
            "eviddence",
            "photosynthesis",
            "fotosíntesis",
            "fotosintesis",
            "measure",
            "measured",
            "measurement",
            "leaf",
            "leaves",
            "kitten",
            "sitting",
            "hipótesis",
            "hipotesis",
            "ab",
            "ba",
            "abc",
            "cab",
            &"x".repeat(70),
            &format!("{}y", "x".repeat(70)),
        ];
        for a in words {
            for b in words {
                let distance = levenshtein(a, b);
                let (ca, cb) = (chars(a), chars(b));
                for k in 0..=3 {
                    assert_eq!(within(&ca, &cb, k), distance <= k, "{a:?} {b:?} within {k}");
                    if distance <= k {
                        let bits = (signature(&ca) ^ signature(&cb)).count_ones() as usize;
                        assert!(bits <= 2 * k, "{a:?} {b:?}: {bits} bits apart within {k} edits");
                    }
                }
            }
        }
    }
}
