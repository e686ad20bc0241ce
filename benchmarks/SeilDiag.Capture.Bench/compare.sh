#!/bin/sh
# Same file, same keys, same run: SeilDiag's `run` (direct, then --read-ahead) against tshark's ESP decode + ICV
# check, each under /usr/bin/time (wall, user, sys, peak RSS), with the load average before each run.
#   compare.sh <dir made by `generate`> [runs] [other Bench dll to compare, e.g. a build of an older commit]
set -e
dir=$1; runs=${2:-3}; other=$3
here=$(cd "$(dirname "$0")" && pwd)
dll=$here/bin/Release/net10.0/SeilDiag.Capture.Bench.dll
profile=$(mktemp -d)
mkdir -p "$profile/wireshark"
cp "$dir/esp_sa" "$profile/wireshark/esp_sa"
printf 'esp.enable_encryption_decode: TRUE\nesp.enable_authentication_check: TRUE\n' > "$profile/wireshark/preferences"
fmt='wall %e s, user %U s, sys %S s, peak RSS %M KB'
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
i=1
while [ "$i" -le "$runs" ]; do
    echo "== run $i"
    if [ -n "$other" ]; then
        load; /usr/bin/time -f "other:      $fmt" dotnet "$other" run "$dir" 2>&1 | grep -v '^[0-9]* packets'
    fi
    load; /usr/bin/time -f "seildiag:   $fmt" dotnet "$dll" run "$dir" 2>&1 | grep -v '^[0-9]* packets'
    load; /usr/bin/time -f "read-ahead: $fmt" dotnet "$dll" run "$dir" --read-ahead 2>&1 | grep -v '^[0-9]* packets'
    load; XDG_CONFIG_HOME=$profile /usr/bin/time -f "tshark:     $fmt" tshark -r "$dir/esp-bench.pcap" -q -z 'io,stat,0,COUNT(esp.icv_good)esp.icv_good==1' 2>&1 | grep -E 'tshark:|\| +0' | sed 's/^/   tshark ICV-good count row: /; s/^   tshark ICV-good count row: tshark:/tshark:/'
    i=$((i + 1))
done
rm -rf "$profile"
