//! Whether a model's estimate exists and is identifiable, checked before it is fitted.
//!
//! Three checks, in the order of Chan, Silverman & Vincent (2021) and their SparseMSE:
//!
//! 1. **Identifiability**: the design over the cells fitted has full column rank. If not,
//!    different parameters give the same expected counts and `θ₀` (the unseen) is not
//!    determined by the data: e.g. two lists with an interaction have 3 cells and 4
//!    parameters.
//! 2. **Existence** (Fienberg & Rinaldo 2012): a Poisson log-linear MLE exists if and only
//!    if some strictly positive table has the observed sufficient statistics `X'y`. This
//!    is a linear program: maximise `s` over `x = s·1 + z`, `z ≥ 0`, `s ≥ 0`, with
//!    `X'x = X'y`; the MLE exists iff the optimum `s` is positive. When every cell is
//!    observed the answer is plainly yes (`x = y`), and no program is solved.
//! 3. **Why not**: when the MLE does not exist there is a direction `d` along which the
//!    likelihood keeps rising (`x_c·d = 0` on observed cells, `≤ 0` on empty ones). A
//!    second program maximises its intercept part `d₀`: if it can be positive, the
//!    estimate of the unseen grows without bound; if not, some expected counts go to zero
//!    and the fit sits on the boundary, with parameters at ±∞ that the overlaps cannot
//!    pin down. Either way the model is refused, with that reason.
//!
//! Interactions between lists that share nobody are already fixed at −∞ by the design
//! (see [`crate::model`]): they are the one boundary case handled rather than refused.

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOutcome};
use nalgebra::DMatrix;
use serde::Serialize;

use crate::model::Design;

/// Optimum `s` above which a strictly positive table is taken to exist. Counts are whole
/// numbers, so a real optimum is far above this; below it is the solver's round-off.
const POSITIVE: f64 = 1e-7;
/// Singular values of `X'X` below this fraction of the largest count as zero.
const RANK_TOLERANCE: f64 = 1e-10;

/// Why a model was refused.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    #[error("not identifiable: {parameters} parameters but the {cells} cells fitted determine only {rank} of them")]
    NotIdentifiable {
        parameters: usize,
        cells: usize,
        rank: usize,
    },
    #[error("the estimate does not exist: these overlaps let the number unseen grow without bound")]
    Infinite,
    #[error(
        "the maximum-likelihood estimate does not exist: the overlaps would force some expected counts to zero (parameters at infinity), so the unseen number is not pinned down"
    )]
    Boundary,
    #[error("the fit failed: {0}")]
    Fit(String),
}

/// Checks a design before fitting it.
pub fn check(design: &Design) -> Result<(), Refusal> {
    check_rank(&design.x)?;
    if design.counts.iter().all(|&c| c > 0.0) || positive_table_exists(design)? {
        return Ok(());
    }
    Err(if unseen_can_grow(design)? {
        Refusal::Infinite
    } else {
        Refusal::Boundary
    })
}

fn check_rank(x: &DMatrix<f64>) -> Result<(), Refusal> {
    let parameters = x.ncols();
    let cells = x.nrows();
    let singular = x.tr_mul(x).singular_values();
    let largest = singular.max();
    let rank = singular.iter().filter(|&&s| s > largest * RANK_TOLERANCE).count();
    if rank < parameters {
        return Err(Refusal::NotIdentifiable {
            parameters,
            cells,
            rank,
        });
    }
    Ok(())
}

/// The Fienberg–Rinaldo program: is there a strictly positive table with the observed
/// sufficient statistics?
fn positive_table_exists(design: &Design) -> Result<bool, Refusal> {
    let x = &design.x;
    let statistics = x.tr_mul(&design.counts);
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let s = problem.add_var(1.0, (0.0, f64::INFINITY));
    let z: Vec<_> = (0..x.nrows())
        .map(|_| problem.add_var(0.0, (0.0, f64::INFINITY)))
        .collect();
    for (k, column) in x.column_iter().enumerate() {
        let mut terms = vec![(s, column.sum())];
        terms.extend(
            z.iter()
                .zip(column.iter())
                .filter(|(_, &v)| v != 0.0)
                .map(|(&v, &c)| (v, c)),
        );
        problem.add_constraint(terms.as_slice(), ComparisonOp::Eq, statistics[k]);
    }
    Ok(optimum(&problem)? > POSITIVE)
}

/// Whether a direction of recession can raise the intercept, i.e. the unseen estimate.
fn unseen_can_grow(design: &Design) -> Result<bool, Refusal> {
    let x = &design.x;
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let d: Vec<_> = (0..x.ncols())
        .map(|k| {
            let objective = if k == 0 { 1.0 } else { 0.0 };
            let upper = if k == 0 { 1.0 } else { f64::INFINITY };
            problem.add_var(objective, (f64::NEG_INFINITY, upper))
        })
        .collect();
    for (row, &count) in x.row_iter().zip(design.counts.iter()) {
        let terms: Vec<_> = d
            .iter()
            .zip(row.iter())
            .filter(|(_, &v)| v != 0.0)
            .map(|(&v, &c)| (v, c))
            .collect();
        let op = if count > 0.0 {
            ComparisonOp::Eq
        } else {
            ComparisonOp::Le
        };
        problem.add_constraint(terms.as_slice(), op, 0.0);
    }
    Ok(optimum(&problem)? > 0.5)
}

fn optimum(problem: &Problem) -> Result<f64, Refusal> {
    match problem.solve() {
        Ok(SolveOutcome::Solution(solution)) => Ok(solution.objective()),
        Ok(SolveOutcome::Interrupted(_)) => Err(Refusal::Fit("the existence check was interrupted".into())),
        Err(e) => Err(Refusal::Fit(format!("the existence check failed: {e}"))),
    }
}
