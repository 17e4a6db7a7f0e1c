//! Multiple systems estimation (MSE) for Concord: how many victims of trafficking no
//! agency has seen, from the way the agencies' lists overlap.
//!
//! Each agency knows only its own list of identified victims. If lists were independent
//! and every person equally likely to be listed, the share of one list's persons found
//! on another would tell how much of the population each list covers, and so how many
//! are on none. Log-linear models generalise this to several lists with dependence
//! between them; the overlaps decide which dependences the data support.
//!
//! The steps, one module each:
//! 1. [`history`]: capture histories, from a table or from linked lists ([`linkage`]:
//!    from a `concord-link` linkage of encodings, so no name is needed);
//! 2. [`model`]: main effects and two-way interactions, and their design matrices;
//! 3. [`existence`]: whether a model's estimate exists and is identifiable;
//! 4. [`fit`]: Poisson maximum likelihood by IRLS;
//! 5. [`selection`]: stepwise selection by AIC or BIC with p-value thresholds;
//! 6. [`interval`]: profile-likelihood and parametric-bootstrap intervals;
//! 7. [`report`]: the result, serialisable and printable.
//!
//! Pure computation: no I/O, no printing. `concord estimate` is the command line, and
//! `docs/estimation.md` explains the method and how to read the output.

pub mod existence;
pub mod fit;
pub mod history;
pub mod interval;
pub mod linkage;
pub mod model;
pub mod report;
pub mod selection;

pub use history::{CaptureHistories, History, HistoryError};
pub use model::{Model, Pair};
pub use report::Estimate;
pub use selection::{estimate, evaluate, BootstrapOptions, Criterion, EstimateError, Options};
