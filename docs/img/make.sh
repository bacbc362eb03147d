#!/usr/bin/env bash
# Redraws the pictures in docs/img from docs/img/figures.law (law.plot.DocsImagesTest checks them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./law run -q --allow-path ../shared docs/img/figures.law
