#!/usr/bin/env python3
"""Anchor for law's bootstrap timings: the Chinchilla Approach 3 fit of
../shared/bench/anchor_chinchilla_scipy.py (scipy L-BFGS-B, analytic gradient, sum of
huber(1e-3) on log residuals, LSE parameterisation), bootstrapped by resampling the 235 points
with replacement (as integer weights, as law does).
  --replicates R            R replicates, each refitted from the point estimate (law's bootstrap = R)
  --replicates R --grid     each replicate refitted from the whole 1,024-start grid and the best
                            kept (OLMo-core's model-ladder analysis; law's restarts = all)
usage: anchor_bootstrap_scipy.py CSV [--replicates R] [--grid] [--seed S]"""
import argparse, csv, itertools, time
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber

p = argparse.ArgumentParser()
p.add_argument("csv"); p.add_argument("--replicates", type=int, default=4000)
p.add_argument("--grid", action="store_true"); p.add_argument("--seed", type=int, default=42)
a = p.parse_args()
rows = list(csv.DictReader(open(a.csv)))
N = np.array([float(r["Model Size"]) for r in rows]); C = np.array([float(r["Training FLOP"]) for r in rows])
L = np.array([float(r["loss"]) for r in rows]); D = C / (6 * N)
keep = np.argsort(L)[:-5]
lN, lD, lL = np.log(N[keep]), np.log(D[keep]), np.log(L[keep])
delta = 1e-3

def fg(x, w):
    aa, bb, ee, al, be = x
    t = np.stack([aa - al * lN, bb - be * lD, np.full_like(lN, ee)])
    m = t.max(0); e = np.exp(t - m); s = e.sum(0); r = m + np.log(s) - lL
    sm = e / s
    dh = w * np.clip(r, -delta, delta)
    g = np.array([np.sum(dh * sm[0]), np.sum(dh * sm[1]), np.sum(dh * sm[2]),
                  np.sum(dh * sm[0] * -lN), np.sum(dh * sm[1] * -lD)])
    return np.sum(w * huber(delta, r)), g

def best_of(starts, w):
    best = None
    for x0 in starts:
        r = minimize(fg, x0, args=(w,), jac=True, method="L-BFGS-B")
        if best is None or r.fun < best.fun:
            best = r
    return best

# 4 x 4 x 4 x 4 x 4 = 1,024 starts, as in bench/chinchilla_boot_grid.law: log A, log B in 0..24 by 8,
# log E in -1..0.5 by 0.5, alpha and beta in 0..1.5 by 0.5
grid = list(itertools.product([0, 8, 16, 24], [0, 8, 16, 24], [-1, -0.5, 0, 0.5],
                              [0, 0.5, 1, 1.5], [0, 0.5, 1, 1.5]))
ones = np.ones_like(lN)
point = best_of(grid, ones).x
rng = np.random.default_rng(a.seed)
t0 = time.time(); est = []
for b in range(a.replicates):
    w = np.bincount(rng.integers(0, len(lN), len(lN)), minlength=len(lN)).astype(float)
    est.append((best_of(grid, w) if a.grid else best_of([point], w)).x)
dt = time.time() - t0
est = np.array(est)
lo, hi = np.percentile(np.exp(est[:, 0]), [2.5, 97.5])
print(f"replicates={a.replicates} grid={'1024' if a.grid else 'none'} seconds={dt:.2f}")
print(f"A 95% percentile interval ({lo:.1f}, {hi:.1f})")
