#!/usr/bin/env bash
# Lint benchmark (issue: "lint a 10,000-line SEIL config plus a 2,000-conn ipsec.conf under 1 s wall,
# including process start, on the 2-core machine"). Builds the CLI in Release, generates the inputs,
# and times whole runs of the real executable with hyperfine when available (else bash's time).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/seildiag-bench}
python3 benchmarks/lint/generate.py "$dir" >/dev/null
dotnet build src/SeilDiag.Cli -c Release -o "$dir/bin" -v quiet -nologo >/dev/null
wc -l "$dir/seil.conf" "$dir/ipsec.conf"
cmd="$dir/bin/seildiag lint --fail-on info -f json -o /dev/null $dir/seil.conf $dir/ipsec.conf"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs 10 -i "$cmd"
else
  for i in 1 2 3 4 5; do /usr/bin/time -f "%e s wall, %M KB peak" $cmd || true; done
fi
