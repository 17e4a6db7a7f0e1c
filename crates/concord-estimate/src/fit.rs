//! Maximum-likelihood fit of a Poisson log-linear model by iteratively reweighted least
//! squares (Newton's method for the canonical log link), with step-halving.

use nalgebra::{Cholesky, DMatrix, DVector};
use statrs::function::gamma::ln_gamma;

/// Relative change of the deviance below which the fit has converged. Far tighter than
/// R's `glm` (1e-8) so that estimates agree with other implementations to many digits.
const TOLERANCE: f64 = 1e-12;
/// Iterations before giving up: Newton converges in a handful when the MLE exists.
const MAX_ITERATIONS: usize = 100;
/// Halvings of one step before giving up.
const MAX_HALVINGS: usize = 30;
/// Largest linear predictor: beyond it `exp` overflows to no purpose.
const MAX_ETA: f64 = 500.0;

/// A fitted model.
#[derive(Debug, Clone)]
pub struct Fit {
    /// Coefficients, in the design's column order (the intercept first).
    pub beta: DVector<f64>,
    /// Fitted expected counts, one per row of the design.
    pub fitted: DVector<f64>,
    /// Deviance against the saturated model.
    pub deviance: f64,
    /// Poisson log-likelihood (with the `log y!` terms).
    pub log_likelihood: f64,
}

/// Why a fit has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FitError {
    #[error("the information matrix is singular: the parameters are not identifiable")]
    Singular,
    #[error("the fit did not converge in {MAX_ITERATIONS} iterations")]
    NoConvergence,
}

/// Fits `log E[y] = x β` to counts `y`, from `start` if given (a previous fit of a
/// nearby problem: much faster) or else from `μ = y + 0.1`, as R's `glm` starts.
pub fn fit(x: &DMatrix<f64>, y: &DVector<f64>, start: Option<&DVector<f64>>) -> Result<Fit, FitError> {
    let mut beta = match start {
        Some(beta) => beta.clone(),
        None => {
            let mu = y.map(|v| v + 0.1);
            weighted_step(x, y, &mu.map(f64::ln), &mu)?
        }
    };
    let mut objective = poisson_objective(x, y, &beta);
    for _ in 0..MAX_ITERATIONS {
        let eta = x * &beta;
        let mu = eta.map(|e| e.min(MAX_ETA).exp());
        let mut next = weighted_step(x, y, &eta, &mu)?;
        let mut next_objective = poisson_objective(x, y, &next);
        let mut halvings = 0;
        while worse(next_objective, objective) {
            halvings += 1;
            if halvings > MAX_HALVINGS {
                return Err(FitError::NoConvergence);
            }
            next = (&next + &beta) * 0.5;
            next_objective = poisson_objective(x, y, &next);
        }
        let change = (next_objective - objective).abs();
        beta = next;
        objective = next_objective;
        if change <= TOLERANCE * (objective.abs() + 0.1) {
            return Ok(finish(x, y, beta));
        }
    }
    Err(FitError::NoConvergence)
}

/// Whether a step lowered the objective (beyond round-off), or left the numbers.
fn worse(next: f64, current: f64) -> bool {
    next.is_nan() || next < current - 1e-12 * current.abs()
}

/// One IRLS step: the weighted least-squares solution for the working response.
fn weighted_step(
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    eta: &DVector<f64>,
    mu: &DVector<f64>,
) -> Result<DVector<f64>, FitError> {
    let mut weighted = x.clone();
    for (mut row, &m) in weighted.row_iter_mut().zip(mu.iter()) {
        row *= m;
    }
    // z = η + (y − μ)/μ, so X'Wz = X'(μη + y − μ).
    let rhs = x.tr_mul(&(mu.component_mul(eta) + y - mu));
    let information = x.tr_mul(&weighted);
    let cholesky = Cholesky::new(information).ok_or(FitError::Singular)?;
    let beta = cholesky.solve(&rhs);
    if beta.iter().all(|b| b.is_finite()) {
        Ok(beta)
    } else {
        Err(FitError::Singular)
    }
}

/// `Σ y η − μ`: the log-likelihood up to a constant, which each step must not lower.
fn poisson_objective(x: &DMatrix<f64>, y: &DVector<f64>, beta: &DVector<f64>) -> f64 {
    let eta = x * beta;
    eta.iter()
        .zip(y.iter())
        .map(|(&e, &v)| v * e - e.min(MAX_ETA).exp())
        .sum()
}

fn finish(x: &DMatrix<f64>, y: &DVector<f64>, beta: DVector<f64>) -> Fit {
    let fitted = (x * &beta).map(|e| e.min(MAX_ETA).exp());
    Fit {
        // Round-off can take a saturated fit's deviance a hair below zero.
        deviance: deviance(y, &fitted).max(0.0),
        log_likelihood: log_likelihood(y, &fitted),
        beta,
        fitted,
    }
}

/// `2 Σ y log(y/μ) − (y − μ)`, with `0 log 0 = 0`.
fn deviance(y: &DVector<f64>, mu: &DVector<f64>) -> f64 {
    2.0 * y
        .iter()
        .zip(mu.iter())
        .map(|(&v, &m)| if v > 0.0 { v * (v / m).ln() } else { 0.0 } - (v - m))
        .sum::<f64>()
}

fn log_likelihood(y: &DVector<f64>, mu: &DVector<f64>) -> f64 {
    y.iter()
        .zip(mu.iter())
        .map(|(&v, &m)| if v > 0.0 { v * m.ln() } else { 0.0 } - m - ln_gamma(v + 1.0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_saturated_two_cell_model_exactly() {
        let x = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 1.0, 1.0]);
        let y = DVector::from_vec(vec![10.0, 30.0]);
        let f = fit(&x, &y, None).unwrap();
        assert!((f.beta[0] - 10f64.ln()).abs() < 1e-9);
        assert!((f.beta[1] - 3f64.ln()).abs() < 1e-9);
        assert!(f.deviance.abs() < 1e-9);
    }
}
