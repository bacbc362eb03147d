#!/usr/bin/env bash
# Time to first answer: `./law -e 'print 1+1'` as a whole process (bash launcher, JVM, law),
# with the launcher's class-data-sharing archive and without it (LAW_CDS=0).
# usage: bench/startup.sh [RUNS]   (default 20 runs each, after warm-up runs that build the jar
#                                   and the archive). Prints min and median wall time in seconds.
# Uses hyperfine when installed (Debian: apt-get install hyperfine), else a loop of its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
law="$root/law"
"$law" -e 'print 1+1' >/dev/null                      # build the jar and the archive outside the timing
[ "$("$law" -e 'print 1+1')" = 2 ] || { echo "startup.sh: ./law -e 'print 1+1' did not print 2" >&2; exit 1; }

# min and median of the numbers on stdin, one a line
summary() { sort -g | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
                                             printf "min %.3f s  median %.3f s  (%d runs)\n", a[1], m, NR }'; }

measure() {   # $1: LAW_CDS value
  if command -v hyperfine >/dev/null 2>&1; then
    local csv
    csv="$(mktemp)"
    LAW_CDS="$1" hyperfine -N -w 3 -r "$runs" --export-csv "$csv" "$law -e 'print 1+1'" >/dev/null 2>&1
    # columns: command, mean, stddev, median, user, system, min, max
    tail -n 1 "$csv" | awk -F, -v n="$runs" '{ printf "min %.3f s  median %.3f s  (%d runs)\n", $7, $4, n }'
    rm -f "$csv"
  else
    for _ in 1 2 3; do LAW_CDS="$1" "$law" -e 'print 1+1' >/dev/null; done
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=$(date +%s%N); LAW_CDS="$1" "$law" -e 'print 1+1' >/dev/null; t1=$(date +%s%N)
      echo "($t1 - $t0) / 1000000000" | bc -l
    done | summary
  fi
}

printf 'with the archive:    '; measure 1
printf 'without (LAW_CDS=0): '; measure 0
printf '(load average %s; %s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
