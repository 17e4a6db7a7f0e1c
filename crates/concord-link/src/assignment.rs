//! From scored pairs to decisions: which records are the same person.
//!
//! Scores alone over-link: a person whose name is common scores high against several
//! look-alikes in a partner's list. Assignment keeps the best-supported links. Edges are
//! taken from the highest score down, and two records (or the groups they already belong
//! to) are joined only if the join keeps at most one record per party in a group — a
//! party is expected to hold each person once (deduplicate it first if it does not). For
//! two parties this is the greedy 1:1 assignment; for several parties it builds the
//! groups that multiple systems estimation needs (one person on three lists is one group
//! of three, history 1-1-1).
//!
//! For deduplication within one party the one-per-party rule is switched off, and groups
//! are the connected components of the links above the threshold.
//!
//! Greedy order has a useful property: whether an edge is accepted depends only on the
//! edges scored above it. So the links accepted at a low threshold, cut at any higher
//! threshold, are exactly what the higher threshold would have accepted, and evaluation
//! of many thresholds needs one assignment.

use std::cmp::Ordering;

/// A record: the index of its party and its index within that party's set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Record {
    pub party: u32,
    pub index: u32,
}

/// A scored pair of records.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: Record,
    pub b: Record,
    pub score: f32,
}

/// Whether a group may hold several records of one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// At most one record per party in a group (linkage across parties).
    OnePerParty,
    /// Any records (deduplication within a party).
    Any,
}

/// The links kept and the groups they make.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Accepted edges, highest score first.
    pub links: Vec<Edge>,
    /// Groups of two or more records, each sorted, in order of their first record.
    pub groups: Vec<Vec<Record>>,
}

/// Orders edges from the highest score down; ties by record, so that the result does not
/// depend on the order the edges came in.
fn by_score(x: &Edge, y: &Edge) -> Ordering {
    y.score.total_cmp(&x.score).then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
}

/// Accepts edges at or above `threshold`, from the highest score down, under `rule`.
pub fn assign(mut edges: Vec<Edge>, threshold: f32, rule: Rule) -> Assignment {
    edges.retain(|e| e.score >= threshold && e.a != e.b);
    edges.sort_unstable_by(by_score);
    let mut groups = Groups::default();
    let links: Vec<Edge> = edges.into_iter().filter(|e| groups.join(e.a, e.b, rule)).collect();
    Assignment {
        groups: components(&links),
        links,
    }
}

/// The groups (connected components) that `links` make.
pub fn components(links: &[Edge]) -> Vec<Vec<Record>> {
    let mut groups = Groups::default();
    for link in links {
        groups.join(link.a, link.b, Rule::Any);
    }
    groups.into_groups()
}

/// Union–find over records, remembering which parties each group holds.
#[derive(Default)]
struct Groups {
    index: std::collections::HashMap<Record, usize>,
    records: Vec<Record>,
    parent: Vec<usize>,
    parties: Vec<Vec<u32>>,
}

impl Groups {
    fn node(&mut self, record: Record) -> usize {
        *self.index.entry(record).or_insert_with(|| {
            self.records.push(record);
            self.parent.push(self.parent.len());
            self.parties.push(vec![record.party]);
            self.parent.len() - 1
        })
    }

    fn root(&mut self, mut n: usize) -> usize {
        while self.parent[n] != n {
            self.parent[n] = self.parent[self.parent[n]];
            n = self.parent[n];
        }
        n
    }

    /// Joins the groups of `a` and `b` if the rule allows; whether they were joined.
    fn join(&mut self, a: Record, b: Record, rule: Rule) -> bool {
        let (ra, rb) = (self.node(a), self.node(b));
        let (ra, rb) = (self.root(ra), self.root(rb));
        if ra == rb {
            return false;
        }
        if rule == Rule::OnePerParty && self.parties[ra].iter().any(|p| self.parties[rb].contains(p)) {
            return false;
        }
        let (small, large) = if self.parties[ra].len() < self.parties[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = large;
        let moved = std::mem::take(&mut self.parties[small]);
        self.parties[large].extend(moved);
        true
    }

    fn into_groups(mut self) -> Vec<Vec<Record>> {
        let mut by_root: std::collections::BTreeMap<usize, Vec<Record>> = Default::default();
        for n in 0..self.records.len() {
            let root = self.root(n);
            by_root.entry(root).or_default().push(self.records[n]);
        }
        let mut groups: Vec<Vec<Record>> = by_root
            .into_values()
            .filter(|g| g.len() > 1)
            .map(|mut g| {
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort_unstable();
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(party: u32, index: u32) -> Record {
        Record { party, index }
    }

    fn e(a: Record, b: Record, score: f32) -> Edge {
        Edge { a, b, score }
    }

    #[test]
    fn the_best_link_wins_and_a_record_is_linked_once_per_party() {
        // Left 0 scores high with both right 0 and right 1; right 1 is left 1's best.
        let edges = vec![
            e(r(0, 0), r(1, 0), 0.90),
            e(r(0, 0), r(1, 1), 0.95),
            e(r(0, 1), r(1, 1), 0.92),
            e(r(0, 1), r(1, 0), 0.85),
        ];
        let a = assign(edges, 0.8, Rule::OnePerParty);
        let pairs: Vec<_> = a.links.iter().map(|l| (l.a.index, l.b.index)).collect();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn edges_below_the_threshold_are_never_links() {
        let a = assign(vec![e(r(0, 0), r(1, 0), 0.79)], 0.8, Rule::OnePerParty);
        assert!(a.links.is_empty() && a.groups.is_empty());
    }

    #[test]
    fn three_parties_make_one_group_and_a_second_record_of_a_party_stays_out() {
        let edges = vec![
            e(r(0, 0), r(1, 0), 0.9),
            e(r(1, 0), r(2, 0), 0.9),
            e(r(0, 0), r(2, 0), 0.88),
            e(r(2, 1), r(0, 0), 0.87),
        ];
        let a = assign(edges, 0.5, Rule::OnePerParty);
        assert_eq!(a.groups, vec![vec![r(0, 0), r(1, 0), r(2, 0)]]);
        assert_eq!(a.links.len(), 2, "the third edge closes a group already joined");
    }

    #[test]
    fn deduplication_joins_records_of_one_party() {
        let edges = vec![
            e(r(0, 0), r(0, 1), 0.9),
            e(r(0, 1), r(0, 2), 0.85),
            e(r(0, 3), r(0, 4), 0.6),
        ];
        assert_eq!(
            assign(edges.clone(), 0.8, Rule::Any).groups,
            vec![vec![r(0, 0), r(0, 1), r(0, 2)]]
        );
        assert!(assign(edges, 0.8, Rule::OnePerParty).groups.is_empty());
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_of_the_edges() {
        let mut edges = vec![
            e(r(0, 0), r(1, 0), 0.9),
            e(r(0, 0), r(1, 1), 0.9),
            e(r(0, 1), r(1, 1), 0.9),
        ];
        let first = assign(edges.clone(), 0.5, Rule::OnePerParty);
        edges.reverse();
        assert_eq!(assign(edges, 0.5, Rule::OnePerParty), first);
    }

    #[test]
    fn links_cut_at_a_higher_threshold_are_what_that_threshold_accepts() {
        let edges: Vec<Edge> = (0..40u32)
            .map(|i| e(r(0, i % 7), r(1 + i % 2, (i * 5) % 11), 0.5 + (i % 10) as f32 / 20.0))
            .collect();
        let low = assign(edges.clone(), 0.5, Rule::OnePerParty);
        for t in [0.6, 0.7, 0.8, 0.9] {
            let cut: Vec<Edge> = low.links.iter().copied().filter(|l| l.score >= t).collect();
            assert_eq!(cut, assign(edges.clone(), t, Rule::OnePerParty).links, "{t}");
        }
    }
}
