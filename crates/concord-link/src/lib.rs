//! Privacy-preserving record linkage for Concord: agencies find out that they hold records
//! of the same person without either revealing a name.
//!
//! The pipeline, one module per step:
//! 1. [`normalise`]: names from many scripts to one folded Latin form;
//! 2. [`schema`] and [`key`]: what is encoded, how, and under which secret key;
//! 3. [`encoding`]: a person record to a keyed Bloom filter;
//! 4. [`encodings`]: sets of filters and their binary and text forms;
//! 5. [`similarity`]: Sørensen–Dice of whole filters with SIMD kernels chosen at run
//!    time, to find candidates;
//! 6. [`blocking`]: locality-sensitive hashing that keeps large linkages far below n×m;
//! 7. [`weights`]: the probability that a candidate is one person, under Fellegi–Sunter
//!    weights estimated from the linkage's candidates (and [`scoring`], the older
//!    hand-weighted score);
//! 8. [`assignment`]: pairs and groups from scores;
//! 9. [`matching`]: the whole linkage, steps 5 to 8;
//! 10. [`evaluation`]: precision, recall and F1 against known truth.
//!
//! No I/O happens here beyond `Read`/`Write` given by the caller; the `concord link`
//! commands are the thin layer that opens files. See `docs/linkage.md`.

pub mod assignment;
pub mod blocking;
pub mod encoding;
pub mod encodings;
pub mod evaluation;
pub mod filter;
pub mod key;
pub mod matching;
pub mod normalise;
pub mod schema;
pub mod scoring;
pub mod similarity;
pub mod weights;
