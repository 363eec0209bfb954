//! The engine's own sorts (hits, spans, positions, symbols) through one small stable merge
//! sort, not the standard library's.
//!
//! Why: each element type sorted with `sort`/`sort_unstable` brings its own copy of the
//! standard sorts (sorting networks, pivot selection, heapsort fallback): 3–10 KB of wasm per
//! type, about 20 KB in the student build. This one is a few hundred bytes per type. Every
//! type sorted here has a total order in which equal elements are identical, so a stable sort
//! gives exactly what the unstable ones gave. The inputs are short or made of sorted runs
//! (hits of consecutive paragraphs, spans of consecutive parts), which the check for halves
//! already in order handles in linear time.

/// Below this length a slice is sorted by insertion.
const SHORT: usize = 16;

/// Sorts `items` in ascending order and drops repeats.
pub(crate) fn sort_dedup<T: Copy + Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

/// Sorts `items` in ascending order, stably.
pub(crate) fn sort<T: Copy + Ord>(items: &mut [T]) {
    if items.len() <= SHORT {
        insertion(items);
    } else if items.windows(2).any(|w| w[0] > w[1]) {
        let mut scratch = items.to_vec();
        merge_sort(items, &mut scratch);
    }
}

/// Top-down merge sort of `items`, with `scratch` (as long) as working space.
fn merge_sort<T: Copy + Ord>(items: &mut [T], scratch: &mut [T]) {
    let n = items.len();
    if n <= SHORT {
        insertion(items);
        return;
    }
    let mid = n / 2;
    merge_sort(&mut items[..mid], &mut scratch[..mid]);
    merge_sort(&mut items[mid..], &mut scratch[mid..]);
    if items[mid - 1] <= items[mid] {
        return; // the halves are already in order
    }
    scratch.copy_from_slice(items);
    let (left, right) = scratch.split_at(mid);
    let (mut i, mut j) = (0, 0);
    for slot in items.iter_mut() {
        // Ties take the left element first: stable.
        if j == right.len() || (i < left.len() && left[i] <= right[j]) {
            *slot = left[i];
            i += 1;
        } else {
            *slot = right[j];
            j += 1;
        }
    }
}

fn insertion<T: Copy + Ord>(items: &mut [T]) {
    for k in 1..items.len() {
        let item = items[k];
        let mut at = k;
        while at > 0 && items[at - 1] > item {
            items[at] = items[at - 1];
            at -= 1;
        }
        items[at] = item;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so that failures reproduce.
    fn numbers(seed: u64, n: usize, range: u32) -> Vec<u32> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % u64::from(range)) as u32
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_sort_at_every_length_and_shape() {
        for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 257, 1000, 5000] {
            for (seed, range) in [(1, 3), (2, 50), (3, 1_000_000)] {
                let random = numbers(seed + n as u64, n, range);
                // Pairs with many ties in the first item, as hits of one phrase are.
                let pairs: Vec<(u32, u32)> =
                    random.iter().zip(random.iter().rev()).map(|(&a, &b)| (a % 7, b)).collect();
                // Sorted runs one after another, as the hits of consecutive paragraphs are.
                let mut runs = random.clone();
                for chunk in runs.chunks_mut(40) {
                    chunk.sort_unstable();
                }
                let mut reversed = random.clone();
                reversed.sort_unstable_by(|a, b| b.cmp(a));
                for input in [random, runs, reversed] {
                    let (mut ours, mut std) = (input.clone(), input.clone());
                    sort_dedup(&mut ours);
                    std.sort_unstable();
                    std.dedup();
                    assert_eq!(ours, std, "n = {n}, range = {range}");
                }
                let (mut ours, mut std) = (pairs.clone(), pairs);
                sort(&mut ours);
                std.sort_unstable();
                assert_eq!(ours, std, "pairs, n = {n}, range = {range}");
            }
        }
    }

    #[test]
    fn keeps_equal_keys_in_their_first_order() {
        // Sorted by the first item only (the second is the original place): stable means the
        // places of equal keys stay increasing.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        struct Keyed(u32, u32);
        impl PartialOrd for Keyed {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for Keyed {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.cmp(&other.0)
            }
        }
        let keys = numbers(9, 2000, 10);
        let mut items: Vec<Keyed> =
            keys.iter().enumerate().map(|(i, &k)| Keyed(k, i as u32)).collect();
        sort(&mut items);
        for w in items.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1), "{w:?}");
        }
    }
}
