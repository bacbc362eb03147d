#!/usr/bin/env bash
# Times the 4,500-start Chinchilla fit as a whole `law run` process (JVM start included) against
# scipy's L-BFGS-B anchor on the same machine, the same grid screened (screen = grid_minima), then a
# 4,000-resample bootstrap of the same fit.
# usage: bench/fit_bench.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
csv="$shared/data/chinchilla/svg_extracted_data.csv"
"$root/law" --version >/dev/null 2>&1 || true          # build the jar outside the timing
now() { date +%s.%N; }
t0=$(now); "$root/law" run --data runs="$csv" "$root/bench/chinchilla_fit.law"; t1=$(now)
ours=$(echo "$t1 - $t0" | bc -l)
t6=$(now); "$root/law" run --data runs="$csv" "$root/bench/chinchilla_fit_screened.law" | grep 'starts:'; t7=$(now)
boot="$(mktemp --suffix=.law)"
sed 's/^  residual = log$/  residual = log\n  bootstrap = 4000\n  seed = 42/' "$root/bench/chinchilla_fit.law" > "$boot"
t2=$(now); "$root/law" run --data runs="$csv" "$boot" | tail -3; t3=$(now)
rm -f "$boot"
# numpy slowed by OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE on some processors: unset for the anchor alone
t4=$(now); env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$shared/bench/anchor_chinchilla_scipy.py" "$csv"; t5=$(now)
scipy=$(echo "$t5 - $t4" | bc -l)
printf 'law run (4500 starts, JVM included): %.2f s\n' "$ours"
printf 'law run, screen = grid_minima:        %.2f s\n' "$(echo "$t7 - $t6" | bc -l)"
printf 'law run with bootstrap = 4000:        %.2f s\n' "$(echo "$t3 - $t2" | bc -l)"
printf 'scipy L-BFGS-B anchor (process):      %.2f s\n' "$scipy"
printf 'ratio scipy / law:                    %.1fx\n' "$(echo "$scipy / $ours" | bc -l)"
