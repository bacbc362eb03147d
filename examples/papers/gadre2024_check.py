"""Cross-check of examples/papers/gadre2024.law in scipy (never a project dependency).

Refits the Chinchilla form L = E + A / N^alpha + B / D^beta on the prefixes of the RedPajama ladder
(Gadre et al. 2024, C4 validation loss) with the example's objective (Huber, delta 1e-3, on log
residuals) and its 72-start grid, and prints each prefix's prediction of every run of the next
model size, to compare with the rollout's table.

    python3 examples/papers/gadre2024_check.py [path/to/overtraining_loss_evals.csv]

scipy's least_squares with loss='huber' minimises twice the usual Huber loss (rho(z) = 2 sqrt(z) - 1
beyond the threshold), so its optimum is the same.
"""
import csv
import itertools
import sys

import numpy as np
from scipy.optimize import least_squares

PATH = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/overtraining/overtraining_loss_evals.csv"
VAL = "training/eval_data/c4_val/shard-{0000000..0000010}.tar"


def load():
    rows = [r for r in csv.DictReader(open(PATH)) if r["dataset"] == "rpj" and r["val_data"] == VAL]
    return (np.array([float(r["params"]) for r in rows]), np.array([float(r["tokens"]) for r in rows]),
            np.array([float(r["loss"]) for r in rows]))


def law(p, n, d):
    e, a, b, alpha, beta = p
    return e + a / n ** alpha + b / d ** beta


def fit(n, d, y):
    best = None
    # the example's grid, the first named parameter varying slowest
    for e, a, b, alpha, beta in itertools.product([1, 2], np.exp([3, 6, 9]), np.exp([3, 6, 9]), [0.2, 0.5],
                                                  [0.2, 0.5]):
        res = least_squares(lambda p: np.log(law(p, n, d)) - np.log(y), [e, a, b, alpha, beta], loss="huber",
                            f_scale=1e-3, bounds=([0, 0, 0, 0, 0], [np.inf, np.inf, np.inf, 2, 2]),
                            x_scale="jac", xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=20000)
        if best is None or res.cost < best.cost:
            best = res
    return best


def main():
    n, d, y = load()
    rungs = np.unique(n)
    for k in range(3, len(rungs)):
        train = n <= rungs[k - 1]
        res = fit(n[train], d[train], y[train])
        e, a, b, alpha, beta = res.x
        print(f"first {k} rungs ({train.sum()} rows): E {e:.6g} A {a:.6g} B {b:.6g} alpha {alpha:.6g} "
              f"beta {beta:.6g} objective {res.cost / 2:.10g}")
        test = n == rungs[k]
        for ni, di, yi in sorted(zip(n[test], d[test], y[test]), key=lambda t: t[1]):
            pred = law(res.x, ni, di)
            print(f"  N {ni:.6g} D {di:.6g} observed {yi:.6f} predicted {pred:.9f} rel. error "
                  f"{(pred - yi) / yi:+.4%}")


if __name__ == "__main__":
    main()
