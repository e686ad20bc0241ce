#!/bin/sh
# Same file, same keys, same run: SeilDiag's `run` against tshark's ESP decode + ICV check, each under
# /usr/bin/time (wall, user, sys, peak RSS), with the load average before each.
#   compare.sh <dir made by `generate`> [runs]
set -e
dir=$1; runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
dll=$here/bin/Release/net10.0/SeilDiag.Capture.Bench.dll
profile=$(mktemp -d)
mkdir -p "$profile/wireshark"
cp "$dir/esp_sa" "$profile/wireshark/esp_sa"
printf 'esp.enable_encryption_decode: TRUE\nesp.enable_authentication_check: TRUE\n' > "$profile/wireshark/preferences"
fmt='wall %e s, user %U s, sys %S s, peak RSS %M KB'
i=1
while [ "$i" -le "$runs" ]; do
    echo "== run $i, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "seildiag: $fmt" dotnet "$dll" run "$dir" 2>&1
    echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    XDG_CONFIG_HOME=$profile /usr/bin/time -f "tshark:   $fmt" tshark -r "$dir/esp-bench.pcap" -q -z 'io,stat,0,COUNT(esp.icv_good)esp.icv_good==1' 2>&1 | grep -E 'tshark:|\| +0|COUNT' | tail -2
    i=$((i + 1))
done
rm -rf "$profile"
