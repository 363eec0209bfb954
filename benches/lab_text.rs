//! The benchmark's student text, shared with tests: a lab report of about `words` words
//! built from `benches/browser/lab-sentences.txt`, six sentences a paragraph, taking
//! sentence `(7 × i) mod n` as the i-th (benches/browser/bench.mjs builds the same text).

#![allow(dead_code)]
pub const RUBRIC: &str = include_str!("browser/lab-rubric.json");
pub const SENTENCES: &str = include_str!("browser/lab-sentences.txt");

pub fn lab_text(words: usize) -> String {
    let sentences: Vec<&str> = SENTENCES.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut text = String::new();
    let (mut count, mut i) = (0, 0);
    while count < words {
        if i > 0 {
            text.push_str(if i % 6 == 0 { "\n\n" } else { " " });
        }
        let sentence = sentences[(7 * i) % sentences.len()];
        count += sentence.split_whitespace().count();
        text.push_str(sentence);
        i += 1;
    }
    text
}
