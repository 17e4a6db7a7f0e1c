//! Which agencies record the same individual.
//!
//! Case number `n` of every agency belongs to round `n`. In each round the agencies are
//! shuffled and split into groups of two or three; a group either shares that round (each
//! member's case `n` then records the same individual, generated from the group's own
//! stream) or not. Every member computes the same groups from the seed and the round, so
//! sharing needs no coordination and no stored population.

use crate::random::{self, Purpose};

/// The agencies (by index) in `me`'s group for round `round`, sorted; just `me` when
/// there is only one agency.
pub(crate) fn group(seed: u64, round: u64, agencies: usize, me: usize) -> Vec<usize> {
    let mut rng = random::stream(seed, Purpose::Partition, &[round]);
    let mut order: Vec<usize> = (0..agencies).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, random::below(&mut rng, i + 1));
    }
    let mut start = 0;
    while start < order.len() {
        let size = if random::chance(&mut rng, 0.25) { 3 } else { 2 };
        // A single agency left over joins the last group.
        let end = if order.len() - start <= size + 1 {
            order.len()
        } else {
            start + size
        };
        if order[start..end].contains(&me) {
            let mut members = order[start..end].to_vec();
            members.sort_unstable();
            return members;
        }
        start = end;
    }
    vec![me]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_a_group_sees_the_same_group() {
        for agencies in 1..9 {
            for round in 0..50 {
                for me in 0..agencies {
                    let members = group(9, round, agencies, me);
                    assert!(members.contains(&me));
                    assert_eq!(members.len() >= 2, agencies >= 2);
                    for &other in &members {
                        assert_eq!(group(9, round, agencies, other), members);
                    }
                }
            }
        }
    }
}
