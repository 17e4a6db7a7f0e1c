//! Populations of known size, captured by lists with or without dependence, for the
//! coverage tests and the coverage example.

use concord_estimate::{CaptureHistories, History};
use rand::Rng;

/// How a population is captured: each person is on list `i` with probability `p[i]`,
/// except that for each `(a, b, q)` of `dependent` (with `a < b`), a person on list `a`
/// is on list `b` with probability `q` instead (positive dependence when `q > p[b]`).
pub struct Capture {
    pub p: Vec<f64>,
    pub dependent: Vec<(usize, usize, f64)>,
}

impl Capture {
    /// The capture histories of a population of `size` persons.
    pub fn histories(&self, size: usize, rng: &mut impl Rng) -> Option<CaptureHistories> {
        let names = (0..self.p.len())
            .map(|i| ((b'A' + i as u8) as char).to_string())
            .collect();
        let persons = (0..size).filter_map(|_| History::new(self.draw(rng)));
        CaptureHistories::from_memberships(names, persons).ok()
    }

    fn draw(&self, rng: &mut impl Rng) -> u16 {
        let mut bits = 0u16;
        for (i, &p) in self.p.iter().enumerate() {
            let p = self
                .dependent
                .iter()
                .find(|&&(a, b, _)| b == i && bits >> a & 1 == 1)
                .map_or(p, |&(_, _, q)| q);
            if rng.gen_bool(p) {
                bits |= 1 << i;
            }
        }
        bits
    }
}
