//! The result of an estimation: every model considered, the one chosen, intervals and
//! warnings; serialisable (for the API and the web UI) and printable as a text table.

use std::fmt;

use serde::Serialize;

use crate::existence::Refusal;
use crate::history::CaptureHistories;
use crate::interval::{Bootstrap, Interval};
use crate::selection::{Criterion, Options};

/// Lists smaller than this make a fragile estimate.
const SMALL_LIST: u64 = 10;
/// Fewer persons than this on two or more lists make the overlaps too sparse to trust.
const SPARSE_OVERLAPS: u64 = 20;
/// An unseen estimate above this many times the observed rests mostly on extrapolation.
const EXTRAPOLATION: f64 = 5.0;

/// A list and how many persons are on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListSize {
    pub name: String,
    pub persons: u64,
}

/// The figures of a fitted model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fitted {
    /// Deviance of the fit to the observed cells.
    pub deviance: f64,
    /// Cells fitted minus parameters fitted.
    pub degrees_of_freedom: usize,
    pub aic: f64,
    pub bic: f64,
    /// Estimated persons on no list.
    pub unseen: f64,
    /// Observed plus unseen.
    pub total: f64,
    /// Profile-likelihood interval for the total.
    pub interval: Interval,
    /// Interactions between lists that share nobody, fixed at −∞ (their cells at zero).
    pub infinite_terms: Vec<String>,
}

impl Fitted {
    /// The value of `criterion` (lower is better).
    pub fn score(&self, criterion: Criterion) -> f64 {
        match criterion {
            Criterion::Aic => self.aic,
            Criterion::Bic => self.bic,
        }
    }
}

/// A model's outcome: fitted, or refused and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    Fitted(Fitted),
    Refused { reason: Refusal, why: String },
}

impl Outcome {
    pub(crate) fn refused(reason: Refusal) -> Self {
        Self::Refused {
            why: reason.to_string(),
            reason,
        }
    }

    /// The figures, if fitted.
    pub fn fitted(&self) -> Option<&Fitted> {
        match self {
            Self::Fitted(f) => Some(f),
            Self::Refused { .. } => None,
        }
    }
}

/// One model considered during selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Considered {
    /// 0 for main effects; `k` for the candidates of the `k`-th step.
    pub step: usize,
    /// Its interactions, e.g. `["A:B"]` (main effects are always in).
    pub terms: Vec<String>,
    /// The interaction this candidate adds to the model admitted before it.
    pub added: Option<String>,
    /// That interaction's p-value under the model before it.
    pub p_value: Option<f64>,
    /// Whether selection admitted it (the main-effects model always is).
    pub admitted: bool,
    pub outcome: Outcome,
}

/// The whole result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub lists: Vec<ListSize>,
    /// Persons on at least one list.
    pub observed: u64,
    pub options: Options,
    pub models: Vec<Considered>,
    /// Index in `models` of the model chosen (the last one admitted).
    pub chosen: usize,
    pub bootstrap: Option<Bootstrap>,
    /// What makes the estimate less trustworthy, in plain words.
    pub warnings: Vec<String>,
}

impl Estimate {
    pub(crate) fn new(
        histories: &CaptureHistories,
        options: Options,
        models: Vec<Considered>,
        chosen: usize,
        bootstrap: Option<Bootstrap>,
    ) -> Self {
        Self {
            lists: (0..histories.list_count())
                .map(|l| ListSize {
                    name: histories.lists()[l].clone(),
                    persons: histories.list_size(l),
                })
                .collect(),
            observed: histories.observed(),
            options,
            models,
            chosen,
            bootstrap,
            warnings: Vec::new(),
        }
    }

    /// The chosen model's figures.
    pub fn chosen(&self) -> &Fitted {
        self.models[self.chosen]
            .outcome
            .fitted()
            .expect("only a fitted model is admitted")
    }
}

/// Warnings about the data and the chosen estimate.
pub(crate) fn warnings(histories: &CaptureHistories, estimate: &Estimate) -> Vec<String> {
    let mut warnings: Vec<String> = estimate
        .lists
        .iter()
        .filter(|l| l.persons < SMALL_LIST)
        .map(|l| {
            format!(
                "list {} has only {} person(s): any estimate leaning on it is fragile",
                l.name, l.persons
            )
        })
        .collect();
    if estimate.lists.len() == 2 {
        warnings.push(
            "with two lists their independence cannot be tested: the estimate assumes it (a third list would let the data say)"
                .into(),
        );
    }
    let lists = histories.lists();
    let disjoint: Vec<String> = crate::model::all_pairs(lists.len())
        .into_iter()
        .filter(|p| {
            let (a, b) = p.lists();
            histories.overlap(a, b) == 0
        })
        .map(|p| p.name(lists))
        .collect();
    if !disjoint.is_empty() {
        warnings.push(format!(
            "these pairs of lists share no person: {} (an interaction between them can only be fixed at −∞)",
            disjoint.join(", ")
        ));
    }
    let overlapping: u64 = histories
        .cells()
        .filter(|(h, _)| h.bits().count_ones() > 1)
        .map(|(_, c)| c)
        .sum();
    if overlapping < SPARSE_OVERLAPS {
        warnings.push(format!(
            "only {overlapping} person(s) are on more than one list: the overlaps are too sparse for a trustworthy estimate"
        ));
    }
    warnings.extend(estimate_warnings(estimate));
    warnings
}

fn estimate_warnings(estimate: &Estimate) -> Vec<String> {
    let chosen = estimate.chosen();
    let mut warnings = Vec::new();
    if chosen.interval.upper.is_none() {
        warnings.push("the profile interval has no upper end: the data do not bound the number unseen".into());
    }
    if chosen.unseen > EXTRAPOLATION * estimate.observed as f64 {
        warnings.push(format!(
            "the estimate of the unseen is {:.0} times the number observed: it rests mostly on the model's extrapolation",
            chosen.unseen / estimate.observed as f64
        ));
    }
    if let Some(b) = &estimate.bootstrap {
        if b.failed > 0 {
            warnings.push(format!(
                "{} of {} bootstrap replicates could not be refitted and were left out (first: {})",
                b.failed,
                b.replicates,
                b.first_failure.as_deref().unwrap_or("")
            ));
        }
        if b.infinite > 0 {
            warnings.push(format!(
                "{} of {} bootstrap replicates had an infinite estimate",
                b.infinite, b.replicates
            ));
        }
    }
    warnings
}

impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_header(f)?;
        self.write_table(f)?;
        self.write_choice(f)?;
        if !self.warnings.is_empty() {
            writeln!(f, "\nWarnings:")?;
            for w in &self.warnings {
                writeln!(f, "  - {w}")?;
            }
        }
        Ok(())
    }
}

impl Estimate {
    fn level_percent(&self) -> String {
        format!("{}%", self.options.level * 100.0)
    }

    fn write_header(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lists: Vec<String> = self.lists.iter().map(|l| format!("{} {}", l.name, l.persons)).collect();
        writeln!(
            f,
            "Multiple systems estimation: {} lists, {} persons observed ({})",
            self.lists.len(),
            self.observed,
            lists.join(", ")
        )?;
        writeln!(
            f,
            "Stepwise selection by {}, interactions admitted at p < {}; {} intervals by profile likelihood\n",
            match self.options.criterion {
                Criterion::Aic => "AIC",
                Criterion::Bic => "BIC",
            },
            self.options.p_threshold,
            self.level_percent()
        )
    }

    fn write_table(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:>4}  {:<24} {:>9} {:>10} {:>5} {:>10} {:>10} {:>10} {:>10}  {} interval",
            "step",
            "model",
            "p-value",
            "deviance",
            "df",
            "AIC",
            "BIC",
            "unseen",
            "total",
            self.level_percent()
        )?;
        for (i, m) in self.models.iter().enumerate() {
            let mark = if i == self.chosen {
                "=>"
            } else if m.admitted {
                " *"
            } else {
                "  "
            };
            let name = match &m.added {
                Some(pair) => format!("+ {pair}"),
                None => "main effects".to_string(),
            };
            let p = m.p_value.map_or("".to_string(), |p| format!("{p:.2e}"));
            write!(f, "{mark}{:>2}  {name:<24} {p:>9} ", m.step)?;
            match &m.outcome {
                Outcome::Fitted(x) => writeln!(
                    f,
                    "{:>10.2} {:>5} {:>10.2} {:>10.2} {:>10.1} {:>10.1}  {}",
                    x.deviance,
                    x.degrees_of_freedom,
                    x.aic,
                    x.bic,
                    x.unseen,
                    x.total,
                    show_interval(Some(x.interval))
                )?,
                Outcome::Refused { why, .. } => writeln!(f, "refused: {why}")?,
            }
        }
        writeln!(
            f,
            "(=> chosen; * admitted at an earlier step; each step's candidates add one interaction to the model admitted before)"
        )
    }

    fn write_choice(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = &self.models[self.chosen];
        let c = self.chosen();
        let terms = if m.terms.is_empty() {
            "main effects only".to_string()
        } else {
            format!("main effects + {}", m.terms.join(" + "))
        };
        writeln!(f, "\nChosen model: {terms}")?;
        writeln!(
            f,
            "Estimated total {:.0} ({} interval {}), of whom {:.0} on no list",
            c.total,
            self.level_percent(),
            show_interval(Some(c.interval)),
            c.unseen
        )?;
        if !c.infinite_terms.is_empty() {
            writeln!(
                f,
                "Interactions fixed at −∞ (lists sharing nobody): {}",
                c.infinite_terms.join(", ")
            )?;
        }
        if let Some(b) = &self.bootstrap {
            writeln!(
                f,
                "Parametric bootstrap ({} replicates, seed {}): {} interval {}",
                b.replicates,
                b.seed,
                self.level_percent(),
                show_interval(b.interval)
            )?;
        }
        Ok(())
    }
}

fn show_interval(interval: Option<Interval>) -> String {
    match interval {
        None => "not available".to_string(),
        Some(Interval { lower, upper: Some(u) }) => format!("{lower:.0}–{u:.0}"),
        Some(Interval { lower, upper: None }) => format!("{lower:.0}–unbounded"),
    }
}
