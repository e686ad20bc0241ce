#!/usr/bin/env bash
# Lint benchmark (issue: "lint a 10,000-line SEIL config plus a 2,000-conn ipsec.conf under 1 s wall,
# including process start, on the 2-core machine"). Generates the inputs, builds the CLI twice and times whole
# runs of the real executable with hyperfine when available (else bash's time):
#   bin/  dotnet build -c Release: IL only, everything JIT-compiled at start (what a `dotnet tool install` runs today)
#   r2r/  dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true: precompiled, most JIT work skipped
# Usage: benchmarks/lint/run.sh [DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/seildiag-bench}
runs=${2:-10}
python3 benchmarks/lint/generate.py "$dir" >/dev/null
# Build output goes to a log, shown when a build fails (e.g. another build holding obj/ of a shared project).
build() { "$@" >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; echo "build failed: $*" >&2; exit 1; }; }
build dotnet build src/SeilDiag.Cli -c Release -o "$dir/bin" -v quiet -nologo
build dotnet publish src/SeilDiag.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$dir/r2r" -v quiet -nologo
wc -l "$dir/seil.conf" "$dir/ipsec.conf"
printf 'conn a\n  left=1.1.1.1\n' >"$dir/tiny.conf"  # a trivial input: process start + JIT only
uptime
lint="lint --fail-on info -f json -o /dev/null"
cmds=()
for build in bin r2r; do
  cmds+=("$dir/$build/seildiag $lint $dir/seil.conf $dir/ipsec.conf")
done
for build in bin r2r; do
  for input in seil.conf ipsec.conf tiny.conf; do
    cmds+=("$dir/$build/seildiag $lint $dir/$input")
  done
done
if command -v hyperfine >/dev/null 2>&1; then
  # -i: lint exits non-zero when it finds something (--fail-on info); the time still counts.
  hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$dir/results.json" "${cmds[@]}" >/dev/null
  python3 - "$dir/results.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    words = r["command"].split()
    print(f"{r['median']*1000:7.0f} ms median  {r['min']*1000:5.0f}-{r['max']*1000:5.0f} ms  "
          f"{words[0].split('/')[-2]:3}  {' '.join(w.split('/')[-1] for w in words if w.endswith('.conf'))}")
PY
else
  for cmd in "${cmds[@]}"; do
    echo "$cmd"
    for _ in $(seq "$runs"); do /usr/bin/time -f "%e s wall, %M KB peak" $cmd >/dev/null || true; done
  done
fi
uptime
