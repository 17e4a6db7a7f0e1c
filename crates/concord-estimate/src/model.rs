//! Log-linear models of capture histories: main effects and chosen two-way interactions,
//! and their design matrices over the observable cells.
//!
//! The model for the expected count of history `h` is
//! `log μ_h = θ₀ + Σ_{i∈h} θ_i + Σ_{(i,j)∈model, i,j∈h} θ_ij`. The persons on no list have
//! `log μ₀ = θ₀`, so the estimate of the unseen is `exp(θ̂₀)`.
//!
//! An interaction between two lists that share no person at all is a parameter whose
//! maximum-likelihood value is −∞ (Chan, Silverman & Vincent 2021): the extended MLE
//! fixes the expected count of every history holding both lists at zero. The design
//! then leaves those cells out and has no column for the interaction, as SparseMSE does;
//! the interaction still counts as a parameter for AIC and BIC.

use std::collections::BTreeSet;

use nalgebra::{DMatrix, DVector};

use crate::history::{CaptureHistories, History};

/// A two-way interaction: lists `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pair {
    a: u8,
    b: u8,
}

impl Pair {
    /// The interaction of two different lists, in either order.
    pub fn new(x: usize, y: usize) -> Option<Self> {
        let (a, b) = (x.min(y), x.max(y));
        (a != b && b < crate::history::MAX_LISTS).then_some(Self { a: a as u8, b: b as u8 })
    }

    /// The two lists, smaller first.
    pub fn lists(self) -> (usize, usize) {
        (self.a as usize, self.b as usize)
    }

    /// Whether a person with this history is on both lists.
    pub fn within(self, history: History) -> bool {
        history.contains(self.a as usize) && history.contains(self.b as usize)
    }

    /// `A:B`, with the lists' names.
    pub fn name(self, lists: &[String]) -> String {
        format!("{}:{}", lists[self.a as usize], lists[self.b as usize])
    }
}

/// Every interaction between `lists` lists, in order.
pub fn all_pairs(lists: usize) -> Vec<Pair> {
    (0..lists)
        .flat_map(|a| (a + 1..lists).filter_map(move |b| Pair::new(a, b)))
        .collect()
}

/// Main effects of every list plus a set of two-way interactions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Model {
    lists: usize,
    pairs: BTreeSet<Pair>,
}

impl Model {
    /// Independent lists: main effects only.
    pub fn main_effects(lists: usize) -> Self {
        Self {
            lists,
            pairs: BTreeSet::new(),
        }
    }

    /// Main effects plus these interactions.
    pub fn with_pairs(lists: usize, pairs: impl IntoIterator<Item = Pair>) -> Self {
        Self {
            lists,
            pairs: pairs.into_iter().collect(),
        }
    }

    /// This model with one more interaction.
    pub fn with(&self, pair: Pair) -> Self {
        let mut model = self.clone();
        model.pairs.insert(pair);
        model
    }

    /// The interactions, in order.
    pub fn pairs(&self) -> impl Iterator<Item = Pair> + '_ {
        self.pairs.iter().copied()
    }

    /// Whether the model has this interaction.
    pub fn has(&self, pair: Pair) -> bool {
        self.pairs.contains(&pair)
    }

    /// Number of lists.
    pub fn lists(&self) -> usize {
        self.lists
    }

    /// Parameters: intercept, one main effect per list, one per interaction (those fixed
    /// at −∞ included, as SparseMSE counts them for AIC).
    pub fn parameters(&self) -> usize {
        1 + self.lists + self.pairs.len()
    }

    /// The interactions' names, e.g. `["A:B", "B:C"]`.
    pub fn terms(&self, lists: &[String]) -> Vec<String> {
        self.pairs().map(|p| p.name(lists)).collect()
    }
}

/// A model laid out over the cells it is fitted to.
#[derive(Debug, Clone)]
pub struct Design {
    /// The cells fitted: every observable history except those holding an empty pair.
    pub cells: Vec<History>,
    /// Their observed counts.
    pub counts: DVector<f64>,
    /// One row per cell; columns: intercept, main effects, then the non-empty pairs.
    pub x: DMatrix<f64>,
    /// Interactions of the model between lists that share no person (fixed at −∞).
    pub empty: Vec<Pair>,
}

impl Design {
    /// The design of `model` for these histories.
    pub fn new(model: &Model, histories: &CaptureHistories) -> Self {
        let (empty, fitted): (Vec<Pair>, Vec<Pair>) = model.pairs().partition(|p| {
            let (a, b) = p.lists();
            histories.overlap(a, b) == 0
        });
        let cells: Vec<(History, u64)> = histories
            .cells()
            .filter(|(h, _)| !empty.iter().any(|p| p.within(*h)))
            .collect();
        let columns = 1 + model.lists() + fitted.len();
        let x = DMatrix::from_fn(cells.len(), columns, |row, column| {
            entry(cells[row].0, column, model.lists(), &fitted)
        });
        Self {
            counts: DVector::from_iterator(cells.len(), cells.iter().map(|(_, c)| *c as f64)),
            cells: cells.into_iter().map(|(h, _)| h).collect(),
            x,
            empty,
        }
    }

    /// The design of the complete table: these cells plus the unseen one, counted
    /// `unseen` (for the profile likelihood, which treats the unseen count as unknown).
    pub fn complete(&self, unseen: f64) -> (DMatrix<f64>, DVector<f64>) {
        let rows = self.x.nrows();
        let mut x = self.x.clone().insert_row(rows, 0.0);
        x[(rows, 0)] = 1.0;
        let y = self.counts.clone().insert_row(rows, unseen);
        (x, y)
    }
}

/// The design entry of a history for a column.
fn entry(history: History, column: usize, lists: usize, pairs: &[Pair]) -> f64 {
    let on = match column {
        0 => true,
        c if c <= lists => history.contains(c - 1),
        c => pairs[c - 1 - lists].within(history),
    };
    f64::from(u8::from(on))
}
