//! Model selection: forward stepwise admission of two-way interactions, suited to sparse
//! tables (after SparseMSE's `stepwisefit`, Chan, Silverman & Vincent 2021).
//!
//! Start from main effects (independent lists). At each step, every interaction not yet
//! in the model gets a p-value: under the current model, the number of persons on both
//! of its lists is Poisson with mean the sum of the fitted counts of the cells holding
//! both, and the p-value is the smaller of its two tails. Interactions whose p-value is
//! below the threshold are candidates; each is checked for existence and
//! identifiability ([`crate::existence`]) and fitted. The candidate with the smallest
//! p-value is admitted if its model exists and also lowers the chosen criterion (AIC or
//! BIC) below the current model's. Selection stops when no candidate is admitted or the
//! most interactions allowed are in.
//!
//! So an interaction enters only when the overlaps support it twice over (a clear
//! departure from independence, and a better criterion), and never into a model whose
//! estimate does not exist.

use rayon::prelude::*;
use serde::Serialize;
use statrs::distribution::{Discrete, DiscreteCDF, Poisson};

use crate::existence::{check, Refusal};
use crate::fit::{fit, Fit};
use crate::history::CaptureHistories;
use crate::interval::{bootstrap, profile};
use crate::model::{all_pairs, Design, Model, Pair};
use crate::report::{warnings, Considered, Estimate, Fitted, Outcome};

/// How candidate models are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Criterion {
    /// Akaike's information criterion, `−2 log L + 2k`.
    #[default]
    Aic,
    /// The Bayesian information criterion, `−2 log L + k log(2^t − 1)`: the number of
    /// observable cells stands for the sample size, as in R's and statsmodels' BIC of
    /// a Poisson GLM fitted to every cell.
    Bic,
}

/// A parametric bootstrap to run on the chosen model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BootstrapOptions {
    pub replicates: usize,
    pub seed: u64,
}

/// What the estimation does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Options {
    pub criterion: Criterion,
    /// An interaction is a candidate only if its p-value is below this (SparseMSE's
    /// default 0.02).
    pub p_threshold: f64,
    /// Most interactions admitted; `None` for no limit beyond the lists' pairs.
    pub max_interactions: Option<usize>,
    /// Confidence level of the intervals.
    pub level: f64,
    pub bootstrap: Option<BootstrapOptions>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            criterion: Criterion::Aic,
            p_threshold: 0.02,
            max_interactions: None,
            level: 0.95,
            bootstrap: None,
        }
    }
}

/// Why no estimate could be made at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EstimateError {
    #[error("no person is on more than one list: estimation rests on the overlaps between lists, and there are none")]
    NoOverlap,
    #[error(
        "list {0} shares no person with any other list: it tells nothing about how much the lists miss; leave it out (or check the linkage)"
    )]
    IsolatedList(String),
    #[error("the main-effects model (independent lists), where selection starts, is refused: {0}")]
    MainEffects(Refusal),
    #[error("{0}")]
    Options(String),
}

/// Selects a model stepwise, fits it, and reports every model considered.
pub fn estimate(histories: &CaptureHistories, options: &Options) -> Result<Estimate, EstimateError> {
    check_options(options)?;
    if histories.cells().all(|(h, c)| c == 0 || h.bits().count_ones() == 1) {
        return Err(EstimateError::NoOverlap);
    }
    if let Some(list) = isolated_list(histories) {
        return Err(EstimateError::IsolatedList(list));
    }
    let lists = histories.list_count();
    let main = Model::main_effects(lists);
    let mut current = Step::new(histories, main.clone(), options).map_err(EstimateError::MainEffects)?;
    let mut models = vec![considered(histories, &main, 0, None, Ok(current.fitted.clone()))];
    let limit = options.max_interactions.unwrap_or(usize::MAX);
    let mut step = 1;
    while current.model.pairs().count() < limit {
        let (rows, next) = current.candidates(histories, options, step);
        models.extend(rows);
        match next {
            Some(next) => current = next,
            None => break,
        }
        step += 1;
    }
    let chosen = models.iter().rposition(|m| m.admitted).unwrap_or(0);
    let bootstrap = options.bootstrap.map(|b| {
        bootstrap(
            histories,
            &current.model,
            &current.design,
            &current.fit,
            b.replicates,
            b.seed,
            options.level,
        )
    });
    let mut estimate = Estimate::new(histories, options.clone(), models, chosen, bootstrap);
    estimate.warnings = warnings(histories, &estimate);
    Ok(estimate)
}

/// Fits one model with its profile interval (or says why it is refused).
pub fn evaluate(histories: &CaptureHistories, model: &Model, level: f64) -> Outcome {
    let design = Design::new(model, histories);
    match fit_design(&design, None).and_then(|fit| summarise(histories, model, &design, &fit, level)) {
        Ok(fitted) => Outcome::Fitted(fitted),
        Err(reason) => Outcome::refused(reason),
    }
}

/// Checks and fits a design.
pub(crate) fn fit_design(design: &Design, start: Option<&nalgebra::DVector<f64>>) -> Result<Fit, Refusal> {
    check(design)?;
    let fitted = fit(&design.x, &design.counts, start).map_err(|e| Refusal::Fit(e.to_string()))?;
    if fitted.beta[0].is_finite() && fitted.beta[0].exp().is_finite() {
        Ok(fitted)
    } else {
        Err(Refusal::Infinite)
    }
}

/// A list none of whose persons is on another list.
fn isolated_list(histories: &CaptureHistories) -> Option<String> {
    let lists = histories.list_count();
    (0..lists)
        .find(|&a| (0..lists).all(|b| a == b || histories.overlap(a, b) == 0))
        .map(|a| histories.lists()[a].clone())
}

fn check_options(options: &Options) -> Result<(), EstimateError> {
    if !(options.level > 0.0 && options.level < 1.0) {
        return Err(EstimateError::Options(format!(
            "the confidence level must be between 0 and 1, not {}",
            options.level
        )));
    }
    if !(options.p_threshold >= 0.0 && options.p_threshold <= 1.0) {
        return Err(EstimateError::Options(format!(
            "the p-value threshold must be from 0 to 1, not {}",
            options.p_threshold
        )));
    }
    match options.bootstrap {
        Some(b) if b.replicates < 100 => Err(EstimateError::Options(format!(
            "a bootstrap needs at least 100 replicates for a percentile interval, not {}",
            b.replicates
        ))),
        _ => Ok(()),
    }
}

/// The model admitted last, with its fit.
struct Step {
    model: Model,
    design: Design,
    fit: Fit,
    fitted: Fitted,
    score: f64,
}

impl Step {
    fn new(histories: &CaptureHistories, model: Model, options: &Options) -> Result<Self, Refusal> {
        let design = Design::new(&model, histories);
        let fit = fit_design(&design, None)?;
        let fitted = summarise(histories, &model, &design, &fit, options.level)?;
        Ok(Self {
            score: fitted.score(options.criterion),
            model,
            design,
            fit,
            fitted,
        })
    }

    /// This step's candidates as rows of the table, and the model admitted, if any.
    fn candidates(
        &self,
        histories: &CaptureHistories,
        options: &Options,
        step: usize,
    ) -> (Vec<Considered>, Option<Step>) {
        let mut tested: Vec<(Pair, f64)> = all_pairs(histories.list_count())
            .into_iter()
            .filter(|&p| !self.model.has(p))
            .map(|p| (p, self.p_value(histories, p)))
            .filter(|&(_, p)| p < options.p_threshold)
            .collect();
        tested.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let tried: Vec<(Pair, f64, Result<Step, Refusal>)> = tested
            .into_par_iter()
            .map(|(pair, p)| (pair, p, Step::new(histories, self.model.with(pair), options)))
            .collect();
        let admitted = tried
            .iter()
            .position(|(_, _, s)| s.as_ref().is_ok_and(|s| s.score < self.score));
        let rows = tried
            .iter()
            .enumerate()
            .map(|(i, (pair, p, s))| {
                let result = s.as_ref().map(|s| s.fitted.clone()).map_err(Clone::clone);
                let mut row = considered(histories, &self.model.with(*pair), step, Some((*pair, *p)), result);
                row.admitted = admitted == Some(i);
                row
            })
            .collect();
        let next = admitted
            .and_then(|i| tried.into_iter().nth(i))
            .and_then(|(_, _, s)| s.ok());
        (rows, next)
    }

    /// Two-sided Poisson p-value of the overlap of `pair` under the current model.
    fn p_value(&self, histories: &CaptureHistories, pair: Pair) -> f64 {
        let (a, b) = pair.lists();
        let observed = histories.overlap(a, b);
        let expected: f64 = self
            .design
            .cells
            .iter()
            .zip(self.fit.fitted.iter())
            .filter(|(h, _)| pair.within(**h))
            .map(|(_, m)| m)
            .sum();
        let Ok(poisson) = Poisson::new(expected) else {
            return 1.0;
        };
        let below = poisson.cdf(observed);
        let above = poisson.sf(observed) + poisson.pmf(observed);
        below.min(above).min(1.0)
    }
}

fn considered(
    histories: &CaptureHistories,
    model: &Model,
    step: usize,
    added: Option<(Pair, f64)>,
    result: Result<Fitted, Refusal>,
) -> Considered {
    Considered {
        step,
        terms: model.terms(histories.lists()),
        added: added.map(|(pair, _)| pair.name(histories.lists())),
        p_value: added.map(|(_, p)| p),
        admitted: step == 0,
        outcome: match result {
            Ok(fitted) => Outcome::Fitted(fitted),
            Err(reason) => Outcome::refused(reason),
        },
    }
}

/// The figures of a fitted model.
fn summarise(
    histories: &CaptureHistories,
    model: &Model,
    design: &Design,
    fit: &Fit,
    level: f64,
) -> Result<Fitted, Refusal> {
    let interval = profile(design, fit, level).map_err(|e| Refusal::Fit(format!("profile interval: {e}")))?;
    let parameters = model.parameters() as f64;
    let cells = ((1u64 << histories.list_count()) - 1) as f64;
    let unseen = fit.beta[0].exp();
    Ok(Fitted {
        deviance: fit.deviance,
        degrees_of_freedom: design.x.nrows() - design.x.ncols(),
        aic: -2.0 * fit.log_likelihood + 2.0 * parameters,
        bic: -2.0 * fit.log_likelihood + parameters * cells.ln(),
        unseen,
        total: histories.observed() as f64 + unseen,
        interval,
        infinite_terms: design.empty.iter().map(|p| p.name(histories.lists())).collect(),
    })
}
