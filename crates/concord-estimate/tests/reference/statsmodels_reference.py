"""Reference values for concord-estimate, computed with statsmodels' Poisson GLM.

An independent implementation of the fits the Rust crate makes: statsmodels
(statsmodels.genmod.GLM, family Poisson, its own IRLS) fits each model; scipy's brentq
finds the profile-likelihood interval ends; scipy's linprog is not needed because the
models here are chosen to exist. Run it from this folder:

    pip install statsmodels
    python3 statsmodels_reference.py > statsmodels_reference.json

Definitions (the same as docs/estimation.md):
- cells: every history on at least one list, zero counts included, except the cells
  holding both lists of an interaction whose lists share nobody (that interaction is
  fixed at -inf and has no column, as in SparseMSE);
- unseen = exp(intercept); total = observed + unseen;
- AIC = -2 llf + 2k and BIC = -2 llf + k log(2^t - 1), k counting the -inf interactions;
- profile interval (Cormack 1992): n0 such that the deviance of the model fitted to the
  complete table (the unseen cell counted n0) exceeds the observed fit's deviance by at
  most the 95% chi-squared(1) quantile; total = observed + n0.
"""

import itertools
import json
import math
import sys
import warnings

import numpy as np
import statsmodels.api as sm
import statsmodels
from scipy.optimize import brentq
from scipy.stats import chi2

warnings.simplefilter("ignore")

# (data file, interactions by list names); each model is fitted as given.
MODELS = [
    ("uk2013_5lists.csv", []),
    ("uk2013_5lists.csv", ["LA:NG", "LA:PFNCA", "NG:GO", "NG:GP", "PFNCA:GP", "GO:GP"]),
    ("uk2013_5lists.csv", ["LA:NG", "LA:GP"]),  # LA and GP share nobody: LA:GP is -inf
    ("korea_3lists.csv", []),
    ("korea_3lists.csv", ["b:c"]),
    ("kosovo_4lists.csv", []),
    ("kosovo_4lists.csv", ["EXH:ABA", "EXH:OSCE", "EXH:HRW", "ABA:OSCE", "OSCE:HRW"]),
    ("western_us_5lists.csv", []),
    ("western_us_5lists.csv", ["A:E"]),
    ("netherlands_2010_2015_5lists.csv", []),
    ("netherlands_2010_2015_5lists.csv", ["IO:K", "IO:P", "IO:Z", "K:R", "P:R", "P:Z"]),
    ("new_orleans_5lists_n185.csv", []),
    ("new_orleans_5lists_n185.csv", ["A:BEFG"]),
]


def read(path):
    with open(path) as f:
        lines = [l.strip().split(",") for l in f if l.strip()]
    names = lines[0][:-1]
    t = len(names)
    counts = {}
    for row in lines[1:]:
        bits = tuple(int(v) for v in row[:t])
        counts[bits] = counts.get(bits, 0) + int(row[t])
    return names, counts


def design(names, counts, interactions):
    t = len(names)
    pairs = [tuple(names.index(n) for n in term.split(":")) for term in interactions]
    overlap = lambda p: sum(c for h, c in counts.items() if h[p[0]] and h[p[1]])
    empty = [p for p in pairs if overlap(p) == 0]
    fitted = [p for p in pairs if overlap(p) > 0]
    cells = [h for h in itertools.product([0, 1], repeat=t)
             if any(h) and not any(h[a] and h[b] for a, b in empty)]
    rows = [[1.0] + [float(v) for v in h] + [float(h[a] * h[b]) for a, b in fitted] for h in cells]
    y = np.array([counts.get(h, 0) for h in cells], dtype=float)
    return np.array(rows), y, len(pairs)


def fit(x, y):
    return sm.GLM(y, x, family=sm.families.Poisson()).fit(tol=1e-13, maxiter=200)


def profile(x, y, result, level=0.95):
    n0_hat = math.exp(result.params[0])
    critical = chi2.ppf(level, 1)
    complete_x = np.vstack([x, [1.0] + [0.0] * (x.shape[1] - 1)])

    def excess(n0):
        r = fit(complete_x, np.append(y, n0))
        return r.deviance - result.deviance - critical

    lower = 0.0 if excess(0.0) <= 0 else brentq(excess, 0.0, n0_hat, xtol=1e-9, rtol=1e-13)
    hi = 2 * n0_hat + 10
    while excess(hi) <= 0:
        hi *= 4
    upper = brentq(excess, n0_hat, hi, xtol=1e-9, rtol=1e-13)
    return lower, upper


def main():
    out = []
    for path, interactions in MODELS:
        names, counts = read("../data/" + path)
        x, y, n_inter = design(names, counts, interactions)
        r = fit(x, y)
        k = 1 + len(names) + n_inter
        cells = 2 ** len(names) - 1
        observed = float(y.sum())
        lower, upper = profile(x, y, r)
        out.append({
            "data": path,
            "interactions": interactions,
            "deviance": r.deviance,
            "aic": -2 * r.llf + 2 * k,
            "bic": -2 * r.llf + k * math.log(cells),
            "unseen": math.exp(r.params[0]),
            "total": observed + math.exp(r.params[0]),
            "profile_lower": observed + lower,
            "profile_upper": observed + upper,
        })
    json.dump({"statsmodels": statsmodels.__version__, "models": out}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
