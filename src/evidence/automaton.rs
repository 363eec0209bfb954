//! A trie of phrases over word symbols, run once over a paragraph's words to find every
//! phrase of every indicator of a field together.
//!
//! A word of the text may match several phrase words at once (`measured` is the stem
//! `measur`, the wildcard `meas*` and the fuzzy `measurd`), so each position carries a
//! *set* of symbols. A deterministic Aho–Corasick automaton needs one symbol per position;
//! instead the run keeps the set of trie states alive after each word (the NFA view of the
//! same trie). The set is small: it only holds states of phrases that the last words began,
//! and it empties at the first word that matches no phrase word at all, which is most words.

/// Phrase alternatives as sequences of symbols, sharing prefixes.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenTrie {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    /// (symbol, child node), sorted by symbol.
    children: Vec<(u32, u32)>,
    /// Phrases that end here.
    outputs: Vec<u32>,
    /// Number of words from the root.
    depth: u32,
}

impl TokenTrie {
    pub(crate) fn new() -> Self {
        TokenTrie { nodes: vec![TrieNode::default()] }
    }

    /// Adds one alternative of `phrase`, spelled as symbols.
    pub(crate) fn insert(&mut self, symbols: &[u32], phrase: u32) {
        let mut node = 0usize;
        for &symbol in symbols {
            node = match self.nodes[node].children.binary_search_by_key(&symbol, |c| c.0) {
                Ok(i) => self.nodes[node].children[i].1 as usize,
                Err(i) => {
                    let child = self.nodes.len();
                    let depth = self.nodes[node].depth + 1;
                    self.nodes.push(TrieNode { depth, ..TrieNode::default() });
                    self.nodes[node].children.insert(i, (symbol, child as u32));
                    child
                }
            };
        }
        if !self.nodes[node].outputs.contains(&phrase) {
            self.nodes[node].outputs.push(phrase);
        }
    }

    fn child(&self, node: u32, symbol: u32) -> Option<u32> {
        let children = &self.nodes[node as usize].children;
        children.binary_search_by_key(&symbol, |c| c.0).ok().map(|i| children[i].1)
    }

    /// Runs over words given as their symbol sets, in order; calls `found(phrase, first, last)`
    /// with word indices for every occurrence of every phrase.
    pub(crate) fn run<'a>(
        &self,
        words: impl Iterator<Item = &'a [u32]>,
        mut found: impl FnMut(u32, usize, usize),
    ) {
        let mut active: Vec<u32> = Vec::new();
        let mut next: Vec<u32> = Vec::new();
        for (i, symbols) in words.enumerate() {
            next.clear();
            if !symbols.is_empty() {
                for &state in std::iter::once(&0).chain(active.iter()) {
                    for &symbol in symbols {
                        if let Some(child) = self.child(state, symbol) {
                            next.push(child);
                        }
                    }
                }
                super::order::sort_dedup(&mut next);
                for &n in &next {
                    let node = &self.nodes[n as usize];
                    for &phrase in &node.outputs {
                        found(phrase, i + 1 - node.depth as usize, i);
                    }
                }
            }
            std::mem::swap(&mut active, &mut next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_phrases_in_one_pass() {
        // Symbols: 1 "the", 2 "data", 3 "show", 4 "data*" (both 2 and 4 match "data").
        let mut trie = TokenTrie::new();
        trie.insert(&[1, 2, 3], 0); // "the data show"
        trie.insert(&[4], 1); // "data*"
        trie.insert(&[2, 3], 2); // "data show"
        let text: Vec<Vec<u32>> = vec![vec![1], vec![1], vec![2, 4], vec![3], vec![], vec![2, 4]];
        let mut hits = Vec::new();
        trie.run(text.iter().map(|s| s.as_slice()), |p, a, b| hits.push((p, a, b)));
        hits.sort();
        assert_eq!(hits, vec![(0, 1, 3), (1, 2, 2), (1, 5, 5), (2, 2, 3)]);
    }
}
