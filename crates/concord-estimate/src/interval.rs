//! Confidence intervals for the total population.
//!
//! **Profile likelihood** (Cormack 1992): the unseen count `n₀` is treated as an unknown
//! cell of the complete table. For each value of `n₀` the model is fitted to the complete
//! table (observed cells plus the unseen cell counted `n₀`) and its deviance `G²(n₀)`
//! computed. `G²` is smallest at the estimate `n̂₀`, where it equals the deviance of the
//! fit to the observed cells; the interval is every `n₀` whose deviance is within the
//! χ²₁ quantile of that minimum (3.84 for 95%), plus the persons observed. The upper end
//! can be unbounded when the overlaps say little; it is then reported as such.
//!
//! **Parametric bootstrap**: counts are drawn as Poisson variates with the fitted means,
//! the same model is refitted to each replicate, and the interval is the percentiles of
//! the replicates' totals. Replicate `r` draws from ChaCha8 seeded with the seed, stream
//! `r`, so the result does not depend on the number of threads.

use nalgebra::{DMatrix, DVector};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson};
use rayon::prelude::*;
use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::existence::Refusal;
use crate::fit::{fit, Fit, FitError};
use crate::history::CaptureHistories;
use crate::model::{Design, Model};
use crate::selection::fit_design;

/// Beyond this many times the persons observed, an upper end is taken as unbounded.
const UNBOUNDED: f64 = 1e6;
/// Relative precision of the interval's ends.
const PRECISION: f64 = 1e-10;

/// A confidence interval for the total population; no upper end when the data do not
/// bound it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lower: f64,
    pub upper: Option<f64>,
}

/// The profile-likelihood interval at `level` (e.g. 0.95) of a fitted design.
pub fn profile(design: &Design, fitted: &Fit, level: f64) -> Result<Interval, FitError> {
    let observed = design.counts.sum();
    let unseen = fitted.beta[0].exp();
    let mut profile = Profile {
        critical: ChiSquared::new(1.0).expect("one degree of freedom").inverse_cdf(level),
        minimum: fitted.deviance,
        start: fitted.beta.clone(),
        complete: design.complete(unseen),
    };
    let lower = if profile.excess(0.0)? <= 0.0 {
        0.0
    } else {
        profile.root(0.0, unseen)?
    };
    let upper = profile.upper_end(unseen, observed)?;
    Ok(Interval {
        lower: observed + lower,
        upper: upper.map(|u| observed + u),
    })
}

/// The deviance of the complete table as a function of the unseen count.
struct Profile {
    critical: f64,
    minimum: f64,
    /// The last fit's coefficients: each fit starts from its neighbour's.
    start: DVector<f64>,
    complete: (DMatrix<f64>, DVector<f64>),
}

impl Profile {
    /// `G²(n₀) − G²(n̂₀) − χ²`: negative inside the interval.
    fn excess(&mut self, unseen: f64) -> Result<f64, FitError> {
        let (x, y) = &mut self.complete;
        let last = y.len() - 1;
        y[last] = unseen;
        let fitted = fit(x, y, Some(&self.start))?;
        self.start = fitted.beta;
        Ok(fitted.deviance - self.minimum - self.critical)
    }

    /// The upper end, searched by doubling from the estimate; `None` if unbounded.
    fn upper_end(&mut self, unseen: f64, observed: f64) -> Result<Option<f64>, FitError> {
        let (mut inside, mut outside) = (unseen, 2.0 * unseen + 10.0);
        while self.excess(outside)? <= 0.0 {
            if outside > UNBOUNDED * (observed + unseen) {
                return Ok(None);
            }
            inside = outside;
            outside *= 4.0;
        }
        self.root(inside, outside).map(Some)
    }

    /// The crossing between `a` and `b`, whose excesses have opposite signs, by regula
    /// falsi with the Illinois modification (superlinear, and never leaves the bracket).
    fn root(&mut self, mut a: f64, mut b: f64) -> Result<f64, FitError> {
        let (mut fa, mut fb) = (self.excess(a)?, self.excess(b)?);
        let mut side = 0i8;
        for _ in 0..200 {
            let c = (a * fb - b * fa) / (fb - fa);
            if (b - a).abs() <= PRECISION * (a.abs() + b.abs()) + 1e-12 {
                return Ok(c);
            }
            let fc = self.excess(c)?;
            if fc == 0.0 {
                return Ok(c);
            }
            if (fc > 0.0) == (fb > 0.0) {
                (b, fb) = (c, fc);
                if side == 1 {
                    fa /= 2.0;
                }
                side = 1;
            } else {
                (a, fa) = (c, fc);
                if side == -1 {
                    fb /= 2.0;
                }
                side = -1;
            }
        }
        Ok((a + b) / 2.0)
    }
}

/// What the parametric bootstrap found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bootstrap {
    pub replicates: usize,
    pub seed: u64,
    /// Percentile interval of the replicates' totals; `None` if fewer than half of the
    /// replicates gave a finite estimate.
    pub interval: Option<Interval>,
    /// Replicates whose estimate was infinite (counted at the top of the percentiles).
    pub infinite: usize,
    /// Replicates the model could not be refitted to (left out), with the first reason.
    pub failed: usize,
    pub first_failure: Option<String>,
}

/// Draws `replicates` tables from the fitted model, refits `model` to each, and takes
/// the percentile interval at `level`.
pub fn bootstrap(
    histories: &CaptureHistories,
    model: &Model,
    design: &Design,
    fitted: &Fit,
    replicates: usize,
    seed: u64,
    level: f64,
) -> Bootstrap {
    let outcomes: Vec<Result<f64, Refusal>> = (0..replicates)
        .into_par_iter()
        .map(|r| replicate(histories, model, design, fitted, seed, r as u64))
        .collect();
    let mut totals = Vec::with_capacity(replicates);
    let (mut infinite, mut failed, mut first_failure) = (0, 0, None);
    for outcome in outcomes {
        match outcome {
            Ok(total) => totals.push(total),
            Err(Refusal::Infinite) => {
                infinite += 1;
                totals.push(f64::INFINITY);
            }
            Err(other) => {
                failed += 1;
                first_failure.get_or_insert_with(|| other.to_string());
            }
        }
    }
    Bootstrap {
        replicates,
        seed,
        interval: percentile_interval(&mut totals, level),
        infinite,
        failed,
        first_failure,
    }
}

/// One replicate's total, or why it has none.
fn replicate(
    histories: &CaptureHistories,
    model: &Model,
    design: &Design,
    fitted: &Fit,
    seed: u64,
    stream: u64,
) -> Result<f64, Refusal> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    let counts = design.cells.iter().zip(fitted.fitted.iter()).map(|(&cell, &mean)| {
        let count = Poisson::new(mean).map_or(0.0, |p| p.sample(&mut rng));
        (cell, count as u64)
    });
    let drawn = CaptureHistories::new(histories.lists().to_vec(), counts)
        .map_err(|e| Refusal::Fit(format!("a replicate has no usable table: {e}")))?;
    let design = Design::new(model, &drawn);
    let start = (design.x.ncols() == fitted.beta.len()).then_some(&fitted.beta);
    let refit = fit_design(&design, start)?;
    Ok(design.counts.sum() + refit.beta[0].exp())
}

/// Percentiles (linear interpolation between order statistics) at `(1 ± level)/2`.
fn percentile_interval(totals: &mut [f64], level: f64) -> Option<Interval> {
    let finite = totals.iter().filter(|t| t.is_finite()).count();
    if totals.is_empty() || 2 * finite < totals.len() {
        return None;
    }
    totals.sort_by(f64::total_cmp);
    let tail = (1.0 - level) / 2.0;
    let upper = quantile(totals, 1.0 - tail);
    Some(Interval {
        lower: quantile(totals, tail),
        upper: upper.is_finite().then_some(upper),
    })
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let (below, above) = (sorted[h.floor() as usize], sorted[h.ceil() as usize]);
    if h.fract() == 0.0 || below == above {
        below
    } else {
        below + (h - h.floor()) * (above - below)
    }
}
