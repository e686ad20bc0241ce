#!/usr/bin/env bash
# diagnose benchmark (issue #6): the largest lab folder under 1 s including process start; a case with a
# ~1 GB ESP capture and a ~1 GB charon log in memory under 300 MB and within 1.5x the slower front-end alone.
# The big inputs are made by the two front-end benchmarks (not committed):
#   dotnet run -c Release --project benchmarks/SeilDiag.Capture.Bench -- ...   -> /tmp/espbench1g/{esp-bench.pcap,esp_sa}
#   dotnet run -c Release --project benchmarks/SeilDiag.Logs.Bench -- ../shared/corpus/lab 1024 /tmp/seildiag-bench-1g.log
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=/tmp/seildiag-diagnose-bench
dotnet build src/SeilDiag.Cli -c Release -o "$bin" -v quiet -nologo >/dev/null
uptime
for i in 1 2 3; do /usr/bin/time -f "largest lab folder (10-lifetime-rekey): %e s wall" "$bin/seildiag" diagnose -q -f json -o /dev/null ../shared/corpus/lab/10-lifetime-rekey || true; done
# Without the capture the two logs are aligned to each other (log-to-log clock).
lab=../shared/corpus/lab/10-lifetime-rekey
for i in 1 2 3; do /usr/bin/time -f "same folder, configs and both logs, no capture: %e s wall" "$bin/seildiag" diagnose -q -f json -o /dev/null "$lab/seil.ipsec.conf" "$lab/remote.ipsec.conf" "$lab/seil-charon.log" "$lab/remote-charon.log" || true; done
if [ -f /tmp/espbench1g/esp-bench.pcap ] && [ -f /tmp/seildiag-bench-1g.log ]; then
  case=/tmp/seildiag-bigcase; mkdir -p "$case"
  ln -sf /tmp/espbench1g/esp-bench.pcap "$case/capture.pcap"; ln -sf /tmp/espbench1g/esp_sa "$case/esp_sa"; ln -sf /tmp/seildiag-bench-1g.log "$case/charon.log"
  /usr/bin/time -f "diagnose capture + log: %e s wall, %U+%S s CPU, %M KB peak" "$bin/seildiag" diagnose -q -f json -o /dev/null "$case" || true
  /usr/bin/time -f "explain log alone: %e s wall, %M KB peak" "$bin/seildiag" explain -q -f json -o /dev/null /tmp/seildiag-bench-1g.log || true
  /usr/bin/time -f "capture alone: %e s wall, %M KB peak" "$bin/seildiag" capture -q -f json -o /dev/null --keys /tmp/espbench1g /tmp/espbench1g/esp-bench.pcap || true
fi
