# Cross-check: the five IsoFLOP experiments of Czech et al. 2026 fitted with the Chinchilla form,
# huber(1e-3) on linear residuals, the 1,323-start grid, L-BFGS-B with analytic gradients.
import csv, sys, itertools, numpy as np
from scipy.optimize import minimize
path = sys.argv[1]
EXP = ["ml_scalefit__massivetext__chinchilla", "llama_3__raw_loss", "marin_202603__comma__llama_2",
       "marin_202603__dclm__llama_2", "marin_202603__nemotron__llama_2"]
rows = list(csv.DictReader(open(path)))
delta = 1e-3
def huber(r):
    a = np.abs(r); return np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))
def dhuber(r):
    return np.clip(r, -delta, delta)
grid = list(itertools.product([0, 2.5, 5], [0.1, 1, 10], [0.1, 1, 10], np.geomspace(0.01, 1, 7), np.geomspace(0.01, 1, 7)))
bounds = [(0, 5), (0, None), (0, None), (0.01, 1), (0.01, 1)]
for e in EXP:
    sel = [r for r in rows if r["experiment"] == e]
    N = np.array([float(r["params"]) for r in sel]) / 1e6
    D = np.array([float(r["tokens"]) for r in sel]) / 1e9
    L = np.array([float(r["loss"]) for r in sel])
    lN, lD = np.log(N), np.log(D)
    def fg(p):
        E, A, B, a, b = p
        tn = np.exp(-a * lN); td = np.exp(-b * lD)
        r = E + A * tn + B * td - L
        d = dhuber(r)
        return huber(r).sum(), np.array([d.sum(), (d * tn).sum(), (d * td).sum(), -(d * A * tn * lN).sum(), -(d * B * td * lD).sum()])
    best = None
    for s in grid:
        res = minimize(fg, np.array(s, float), jac=True, method="L-BFGS-B", bounds=bounds,
                       options=dict(maxiter=10000, ftol=1e-15, gtol=1e-12))
        if best is None or res.fun < best.fun:
            best = res
    print(e, len(sel), "objective %.10g" % best.fun, " ".join("%.6g" % x for x in best.x))
