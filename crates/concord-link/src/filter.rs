//! Bloom filters of one length, kept together in one buffer.
//!
//! Similarity kernels walk thousands of filters per millisecond, so a set keeps every filter's
//! 64-bit words back to back in a single `Vec<u64>` (no per-filter allocation, no pointer
//! chasing) and keeps each filter's population count beside it: the Dice coefficient needs
//! both counts for every pair, and computing them once per filter instead of once per pair
//! halves the work of a comparison.

/// Bloom filters of one length, stored contiguously (one allocation), with each filter's population count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterSet {
    bits: usize,
    words: Vec<u64>,
    counts: Vec<u32>,
}

impl FilterSet {
    /// Shortest supported filter, in bits.
    pub const MIN_BITS: usize = 64;
    /// Longest supported filter, in bits.
    pub const MAX_BITS: usize = 8192;

    /// An empty set of filters of `bits` bits.
    ///
    /// # Panics
    /// Unless `bits` is a multiple of 64 between [`Self::MIN_BITS`] and [`Self::MAX_BITS`].
    pub fn new(bits: usize) -> Self {
        Self::with_capacity(bits, 0)
    }

    /// An empty set of filters of `bits` bits with room for `filters` filters.
    ///
    /// # Panics
    /// Unless `bits` is a multiple of 64 between [`Self::MIN_BITS`] and [`Self::MAX_BITS`].
    pub fn with_capacity(bits: usize, filters: usize) -> Self {
        assert!(
            (Self::MIN_BITS..=Self::MAX_BITS).contains(&bits) && bits.is_multiple_of(64),
            "a filter length must be a multiple of 64 bits from {} to {}, not {bits}",
            Self::MIN_BITS,
            Self::MAX_BITS
        );
        Self {
            bits,
            words: Vec::with_capacity(filters * (bits / 64)),
            counts: Vec::with_capacity(filters),
        }
    }

    /// Length of every filter in bits.
    pub fn bits(&self) -> usize {
        self.bits
    }

    /// Length of every filter in 64-bit words.
    pub fn words_per_filter(&self) -> usize {
        self.bits / 64
    }

    /// Number of filters.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether the set holds no filter.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Appends a filter and records its population count.
    ///
    /// # Panics
    /// If `filter` is not [`Self::words_per_filter`] words long.
    pub fn push(&mut self, filter: &[u64]) {
        assert_eq!(
            filter.len(),
            self.words_per_filter(),
            "a filter of this set must be {} words ({} bits) long",
            self.words_per_filter(),
            self.bits
        );
        self.words.extend_from_slice(filter);
        self.counts.push(filter.iter().map(|w| w.count_ones()).sum());
    }

    /// The words of filter `i`.
    ///
    /// # Panics
    /// If `i` is out of bounds.
    pub fn get(&self, i: usize) -> &[u64] {
        let w = self.words_per_filter();
        &self.words[i * w..(i + 1) * w]
    }

    /// Number of set bits of filter `i`.
    ///
    /// # Panics
    /// If `i` is out of bounds.
    pub fn count(&self, i: usize) -> u32 {
        self.counts[i]
    }

    /// The words of all filters, filter after filter.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// The population count of every filter, in order.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::FilterSet;

    #[test]
    fn stores_filters_back_to_back_with_their_counts() {
        let mut set = FilterSet::with_capacity(128, 2);
        set.push(&[0b1011, 0]);
        set.push(&[u64::MAX, 1]);
        assert_eq!((set.len(), set.words_per_filter(), set.bits()), (2, 2, 128));
        assert_eq!(set.get(1), &[u64::MAX, 1]);
        assert_eq!(set.counts(), &[3, 65]);
        assert_eq!(set.count(0), 3);
        assert_eq!(set.words(), &[0b1011, 0, u64::MAX, 1]);
    }

    #[test]
    #[should_panic(expected = "multiple of 64")]
    fn rejects_a_length_that_is_not_whole_words() {
        FilterSet::new(100);
    }

    #[test]
    #[should_panic(expected = "multiple of 64")]
    fn rejects_a_length_beyond_the_maximum() {
        FilterSet::new(FilterSet::MAX_BITS + 64);
    }

    #[test]
    #[should_panic(expected = "must be 2 words")]
    fn rejects_a_filter_of_another_length() {
        FilterSet::new(128).push(&[1]);
    }
}
