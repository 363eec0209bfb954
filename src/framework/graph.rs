//! The link graph of a framework: each competency points at its prerequisites and at its
//! parent. A cycle in it means some competency could never become ready or mastered
//! (A needs B needs A; or A is part of B which is part of A; or A needs its own part B,
//! whose mastery rolls up into A). Used by the parser and by CASE import.

/// What kind of link an edge is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// `from` lists `to` among its prerequisites.
    Requires,
    /// `from` has `to` as its parent.
    PartOf,
}

/// One link, with the JSON path it was written at.
#[derive(Debug, Clone)]
pub struct Edge {
    pub to: usize,
    pub link: Link,
    pub path: String,
}

/// A cycle: the node indices in order (first == last) with the edges between them.
#[derive(Debug, Clone)]
pub struct Cycle {
    pub nodes: Vec<usize>,
    pub links: Vec<Link>,
    /// Path of the first edge of the cycle (from the node that comes first in the document).
    pub path: String,
}

impl Cycle {
    /// `A → B → C → A` when every link is a prerequisite; otherwise spelt out in words,
    /// `A requires B, which is part of A`.
    pub fn describe(&self, names: &[&str]) -> String {
        let name = |i: usize| names.get(i).copied().unwrap_or("?");
        if self.links.iter().all(|l| *l == Link::Requires) {
            let chain: Vec<&str> = self.nodes.iter().map(|&i| name(i)).collect();
            return format!("cycle: {}", chain.join(" → "));
        }
        let mut text = format!("cycle: {}", name(self.nodes[0]));
        for (k, link) in self.links.iter().enumerate() {
            let verb = match link {
                Link::Requires => "requires",
                Link::PartOf => "is part of",
            };
            let joiner = if k == 0 { " " } else { ", which " };
            text.push_str(&format!("{joiner}{verb} {}", name(self.nodes[k + 1])));
        }
        text
    }
}

/// Every cycle reachable by depth-first search from the nodes in document order; each
/// back edge gives one cycle, rotated to start at its earliest node.
pub fn find_cycles(edges: &[Vec<Edge>]) -> Vec<Cycle> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = edges.len();
    let mut mark = vec![Mark::New; n];
    let mut cycles = Vec::new();
    for start in 0..n {
        if mark[start] != Mark::New {
            continue;
        }
        // The DFS path as (node, next edge to try): edge `next - 1` is the one that left
        // each node, so a back edge to `path[j]` closes the cycle path[j..].
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        mark[start] = Mark::Open;
        while let Some(&(node, next)) = path.last() {
            let Some(edge) = edges[node].get(next) else {
                mark[node] = Mark::Done;
                path.pop();
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            match mark[edge.to] {
                Mark::New => {
                    mark[edge.to] = Mark::Open;
                    path.push((edge.to, 0));
                }
                Mark::Open => {
                    let j = path.iter().position(|s| s.0 == edge.to).unwrap_or(0);
                    // Each step: a node and the edge it leaves by (`next - 1` was taken).
                    let steps: Vec<(usize, usize)> =
                        path[j..].iter().map(|&(n, e)| (n, e.saturating_sub(1))).collect();
                    cycles.push(rotate(&steps, edges));
                }
                Mark::Done => {}
            }
        }
    }
    cycles
}

/// Builds the cycle from its steps (each a node and the edge it leaves by), starting at
/// the smallest node index.
fn rotate(steps: &[(usize, usize)], edges: &[Vec<Edge>]) -> Cycle {
    let first = steps.iter().enumerate().min_by_key(|(_, s)| s.0).map(|(k, _)| k).unwrap_or(0);
    let ordered: Vec<(usize, usize)> =
        steps[first..].iter().chain(steps[..first].iter()).copied().collect();
    let mut nodes: Vec<usize> = ordered.iter().map(|s| s.0).collect();
    nodes.push(ordered[0].0);
    let links = ordered.iter().map(|&(from, e)| edges[from][e].link).collect();
    let path = edges[ordered[0].0][ordered[0].1].path.clone();
    Cycle { nodes, links, path }
}

/// Whether `to` can be reached from `from` along the edges (a node reaches itself).
pub fn reaches(edges: &[Vec<Edge>], from: usize, to: usize) -> bool {
    let mut seen = vec![false; edges.len()];
    let mut todo = vec![from];
    while let Some(node) = todo.pop() {
        if node == to {
            return true;
        }
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        todo.extend(edges[node].iter().map(|e| e.to));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(to: usize, link: Link, path: &str) -> Edge {
        Edge { to, link, path: path.to_string() }
    }

    #[test]
    fn a_prerequisite_loop_is_reported_from_its_first_competency() {
        // 0 → 1 → 2 → 0, plus 3 → 0 which is not part of the loop.
        let edges = vec![
            vec![edge(1, Link::Requires, "c[0].p[0]")],
            vec![edge(2, Link::Requires, "c[1].p[0]")],
            vec![edge(0, Link::Requires, "c[2].p[0]")],
            vec![edge(0, Link::Requires, "c[3].p[0]")],
        ];
        let cycles = find_cycles(&edges);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].nodes, vec![0, 1, 2, 0]);
        assert_eq!(cycles[0].path, "c[0].p[0]");
        assert_eq!(cycles[0].describe(&["A", "B", "C", "D"]), "cycle: A → B → C → A");
    }

    #[test]
    fn a_cycle_found_late_still_starts_at_its_earliest_node() {
        // DFS from 0 reaches 1 → 2 → 1; the cycle is 1 → 2 → 1 and starts at 1.
        let edges = vec![
            vec![edge(1, Link::Requires, "a")],
            vec![edge(2, Link::PartOf, "b")],
            vec![edge(1, Link::Requires, "c")],
        ];
        let cycles = find_cycles(&edges);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].nodes, vec![1, 2, 1]);
        assert_eq!(cycles[0].path, "b");
        assert_eq!(cycles[0].describe(&["A", "B", "C"]), "cycle: B is part of C, which requires B");
    }

    #[test]
    fn self_links_and_acyclic_graphs() {
        let edges = vec![vec![edge(0, Link::Requires, "x")], vec![]];
        let cycles = find_cycles(&edges);
        assert_eq!(cycles[0].describe(&["A", "B"]), "cycle: A → A");
        let dag = vec![
            vec![edge(1, Link::Requires, "a"), edge(2, Link::Requires, "b")],
            vec![edge(2, Link::PartOf, "c")],
            vec![],
        ];
        assert!(find_cycles(&dag).is_empty());
        assert!(reaches(&dag, 0, 2));
        assert!(!reaches(&dag, 2, 0));
    }
}
