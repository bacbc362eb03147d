#!/usr/bin/env bash
# Time to first answer: `./law -e 'print 1+1'` as a whole process (bash launcher, JVM, law),
# with the launcher's class-data-sharing archive and without it (LAW_CDS=0), and the JVM alone
# (`java -version`) as the floor.
# usage: bench/startup.sh [RUNS]   (default 20 runs each, after warm-up runs that build the jar
#                                   and the archive). Prints min and median wall time and the mean
#                                   CPU time (user + system) per run, in seconds; on a busy machine
#                                   the CPU time is the steadier figure.
# Uses hyperfine when installed (Debian: apt-get install hyperfine), else a loop of its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
law="$root/law"
"$law" -e 'print 1+1' >/dev/null                      # build the jar and the archive outside the timing
[ "$("$law" -e 'print 1+1')" = 2 ] || { echo "startup.sh: ./law -e 'print 1+1' did not print 2" >&2; exit 1; }

# min and median of the numbers on stdin, one a line
# stdin: lines "wall user system"; prints min and median wall and mean CPU
summary() { sort -g | awk '{ a[NR] = $1; cpu += $2 + $3 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
                         printf "min %.3f s  median %.3f s  CPU %.3f s  (%d runs)\n", a[1], m, cpu / NR, NR }'; }

measure() {   # $1: LAW_CDS value, then the command
  local cds="$1"
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    local csv
    csv="$(mktemp)"
    LAW_CDS="$cds" hyperfine -N -w 3 -r "$runs" --export-csv "$csv" "$*" >/dev/null 2>&1
    # columns: command, mean, stddev, median, user, system, min, max
    tail -n 1 "$csv" | awk -F, -v n="$runs" \
      '{ printf "min %.3f s  median %.3f s  CPU %.3f s  (%d runs)\n", $7, $4, $5 + $6, n }'
    rm -f "$csv"
  else
    for _ in 1 2 3; do LAW_CDS="$cds" bash -c "$*" >/dev/null 2>&1; done
    local TIMEFORMAT='%R %U %S'
    for _ in $(seq "$runs"); do
      { time LAW_CDS="$cds" bash -c "exec $*" >/dev/null 2>&1; } 2>&1
    done | summary
  fi
}

printf 'with the archive:     '; measure 1 "$law -e 'print 1+1'"
printf 'without (LAW_CDS=0):  '; measure 0 "$law -e 'print 1+1'"
printf 'the JVM alone:        '; measure 0 "java -Xshare:auto -version"
printf '(load average %s; %s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
