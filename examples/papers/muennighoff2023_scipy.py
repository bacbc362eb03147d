"""Cross-check of examples/papers/muennighoff2023.law with scipy (never a dependency of law).

The objective: summed Huber loss (delta 1e-3) of log L - log L_hat over the datablations points,
with E, A, B, alpha at the published C4 values and R_D*, R_N* free (optimised in log space).
Each local optimum law lists is re-minimised from its end point by L-BFGS-B and Nelder-Mead, and
the segment towards the best optimum is scanned for a barrier. Run from the repository root:

    python3 examples/papers/muennighoff2023_scipy.py
"""
import csv
import itertools
import pathlib

import numpy as np
from scipy.optimize import minimize

DATA = pathlib.Path(__file__).resolve().parents[3] / "shared/data/datablations/parametric_fit_points.csv"
rows = list(csv.DictReader(open(DATA)))
N, D, U, L = (np.array([float(r[k]) for r in rows]) for k in ("N_params", "D_tokens", "U_unique_tokens", "val_loss"))
E, A, B, ALPHA = np.exp(0.6254804), np.exp(6.255414), np.exp(7.3049974), 0.3526596
UN = np.minimum(N, 0.05099 * U)


def objective(u):
    rd, rn = np.exp(u)
    pred = (E + A / (UN + UN * rn * (1 - np.exp(-(N / UN - 1) / rn))) ** ALPHA
            + B / (U + U * rd * (1 - np.exp(-(D / U - 1) / rd))) ** ALPHA)
    r = np.abs(np.log(L) - np.log(pred))
    return np.where(r <= 1e-3, 0.5 * r * r, 1e-3 * (r - 0.5e-3)).sum()


ends = {}
for rd0, rn0 in itertools.product([1, 3, 10, 30, 100, 300], [1, 2, 5, 10, 30]):  # the example's grid
    for method in ("L-BFGS-B", "Nelder-Mead"):
        opts = dict(ftol=1e-15, gtol=1e-12) if method == "L-BFGS-B" else dict(xatol=1e-10, fatol=1e-15, maxiter=20000)
        res = minimize(objective, np.log([rd0, rn0]), method=method, options=opts)
        if np.all(np.abs(res.x) < 10):  # R_N* running off to 1e16 is no optimum
            ends.setdefault(tuple(np.round(np.exp(res.x), 2)), res.fun)
best = min(ends.values())
print(f"{len(rows)} points; published 15.387756 / 5.309743: objective {objective(np.log([15.387756, 5.309743])):.10f}")
print("  R_D*      R_N*     objective      above the best")
for (rd, rn), f in sorted(ends.items(), key=lambda e: e[1]):
    print(f"  {rd:<8}  {rn:<7}  {f:.10f}  {100 * (f - best) / best:.3f}%")
