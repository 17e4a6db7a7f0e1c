//! Capture histories from a linkage of several agencies' lists (`concord-link`): each
//! group of linked records is one person on the lists its records came from, and every
//! record left unlinked is a person on its own list only. Only encodings are needed, so
//! a coordinating node builds the histories without ever seeing a name.
//!
//! The linkage groups at most one record per list (its one-per-party rule): a list that
//! holds the same person twice should be deduplicated first, or that person counts twice.

use concord_link::assignment::Assignment;

use crate::history::{CaptureHistories, History, HistoryError};

/// The histories of `lists` (names, and how many records each holds) linked into
/// `assignment`'s groups.
pub fn histories(lists: &[(String, usize)], assignment: &Assignment) -> Result<CaptureHistories, HistoryError> {
    let mut unlinked: Vec<usize> = lists.iter().map(|(_, size)| *size).collect();
    let mut persons = Vec::new();
    for group in &assignment.groups {
        let mut bits = 0u16;
        for record in group {
            let party = record.party as usize;
            bits |= 1 << party;
            unlinked[party] = unlinked[party].saturating_sub(1);
        }
        persons.extend(History::new(bits).map(|h| (h, 1)));
    }
    persons.extend(
        unlinked
            .iter()
            .enumerate()
            .map(|(list, &n)| (History::new(1 << list).expect("one list"), n as u64)),
    );
    CaptureHistories::new(lists.iter().map(|(name, _)| name.clone()).collect(), persons)
}

#[cfg(test)]
mod tests {
    use concord_link::assignment::{assign, Edge, Record, Rule};

    use super::*;

    fn edge(a: (u32, u32), b: (u32, u32)) -> Edge {
        Edge {
            a: Record { party: a.0, index: a.1 },
            b: Record { party: b.0, index: b.1 },
            score: 0.9,
        }
    }

    #[test]
    fn a_person_on_three_lists_counts_once_with_history_1_1_1() {
        // Record 0 of each list is one person; record 1 of lists 0 and 1 another.
        let edges = vec![edge((0, 0), (1, 0)), edge((1, 0), (2, 0)), edge((0, 1), (1, 1))];
        let assignment = assign(edges, 0.5, Rule::OnePerParty);
        let lists = [("A".to_string(), 5), ("B".to_string(), 2), ("C".to_string(), 3)];
        let h = histories(&lists, &assignment).unwrap();
        assert_eq!(h.count(History::new(0b111).unwrap()), 1);
        assert_eq!(h.count(History::new(0b011).unwrap()), 1);
        assert_eq!(h.count(History::new(0b001).unwrap()), 3);
        assert_eq!(h.count(History::new(0b010).unwrap()), 0);
        assert_eq!(h.count(History::new(0b100).unwrap()), 2);
        assert_eq!(h.observed(), 7);
    }
}
