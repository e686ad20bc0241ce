#!/usr/bin/env python3
"""Writes the lint benchmark inputs: a 10,000-line SEIL seil8 config and a 2,000-conn ipsec.conf.

The SEIL config holds many interface.ipsecN blocks (each a realistic routing-based peer with explicit
proposals, proxy-ids and a route) padded with ordinary interface/filter keys up to 10,000 lines.
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/seildiag-bench"
os.makedirs(out, exist_ok=True)

seil = []
n = 0
while len(seil) < 10000:
    a, b = divmod(n, 250)
    seil += [
        f"route.ipv4.{n}.destination: 172.{16 + a % 16}.{b}.0/24",
        f"route.ipv4.{n}.gateway: ipsec{n % 64}",
    ]
    if n < 64:
        p = f"interface.ipsec{n}"
        seil += [
            f"{p}.preshared-key: bench-psk-{n}",
            f"{p}.ipv4.source: 10.0.0.1",
            f"{p}.ipv4.destination: 10.1.{n}.2",
            f"{p}.ike.proposal.phase1.encryption.0.algorithm: aes256",
            f"{p}.ike.proposal.phase1.encryption.1.algorithm: aes128",
            f"{p}.ike.proposal.phase1.hash.0.algorithm: sha256",
            f"{p}.ike.proposal.phase1.dh-group: modp2048",
            f"{p}.ike.proposal.phase1.lifetime: 8h",
            f"{p}.ike.proposal.phase2.encryption.0.algorithm: aes256",
            f"{p}.ike.proposal.phase2.authentication.0.algorithm: hmac-sha256",
            f"{p}.ike.proposal.phase2.pfs-group: modp2048",
            f"{p}.ike.proposal.phase2.proxy-id.ipv4.local: 192.168.0.0/24",
            f"{p}.ike.proposal.phase2.proxy-id.ipv4.remote: 172.{16 + n // 250 % 16}.{n % 250}.0/24",
        ]
    n += 1
with open(os.path.join(out, "seil.conf"), "w") as f:
    f.write("\n".join(seil[:10000]) + "\n")

conf = ["config setup", "    uniqueids=yes", "", "conn %default", "    keyexchange=ikev1", "    authby=secret",
        "    ike=aes256-sha256-modp2048!", "    esp=aes256-sha256-modp2048!", ""]
for i in range(2000):
    conf += [
        f"conn site{i}",
        "    left=10.0.0.1",
        "    leftsubnet=192.168.0.0/24",
        f"    right=10.{2 + i // 250}.{i % 250}.2",
        f"    rightsubnet=172.{16 + i // 250 % 16}.{i % 250}.0/24",
        "    auto=start",
        "",
    ]
with open(os.path.join(out, "ipsec.conf"), "w") as f:
    f.write("\n".join(conf))
print(out)
