#!/usr/bin/env bash
# Times Czech et al.'s five IsoFLOP experiments (examples/papers/czech2026.law, 1,323-start grids) as
# one whole `law run` process, with every start searched and with the grids screened
# (screen = grid_minima, written into a temporary copy of the example); both print their five
# objectives, which the example's expects check against scipy's.
# usage: bench/czech_bench.sh [SHARED_DIR] [RUNS]   (defaults ../shared, 5 runs each)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
runs="${2:-5}"
csv="$shared/data/isoflops/isoflops.csv"
spec="$root/examples/papers/czech2026.law"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed 's/^  start = grid/  screen = grid_minima\n  start = grid/' "$spec" > "$tmp/czech2026_screened.law"
data=()
for name in $(sed -n 's/^data \([a-z0-9_]*\) = .*/\1/p' "$spec"); do
  data+=(--data "$name=$csv")
done
"$root/law" --version >/dev/null 2>&1 || true          # build the jar outside the timing
now() { date +%s.%N; }
for variant in "$spec" "$tmp/czech2026_screened.law"; do
  "$root/law" run "${data[@]}" "$variant" | grep -c '^ok:' | sed "s|^|$(basename "$variant"): expects passed: |"
  for _ in $(seq "$runs"); do
    t0=$(now); "$root/law" run "${data[@]}" "$variant" >/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc -l
  done | sort -g | awk -v v="$(basename "$variant")" '{ a[NR] = $1 } END { printf "%s: median %.2f s (%d runs)\n", v, a[int((NR + 1) / 2)], NR }'
done
