namespace SeilDiag.Capture.Isakmp;

/// <summary>
/// Known Vendor ID payloads (MD5 hashes of vendor strings, as listed by Wireshark's packet-isakmp.c and the
/// RFCs). Matched by prefix because several vendors append version or capability bytes.
/// </summary>
public static class VendorIds
{
    private static readonly (byte[] Prefix, string Name)[] Known =
    [
        (Hex("4a131c81070358455c5728f20e95452f"), "RFC 3947 Negotiation of NAT-Traversal in the IKE"),
        (Hex("4485152d18b6bbcd0be8a8469579ddcc"), "draft-ietf-ipsec-nat-t-ike-00"),
        (Hex("16f6ca16e4a4066d83821a0f0aeaa862"), "draft-ietf-ipsec-nat-t-ike-01"),
        (Hex("cd60464335df21f87cfdb2fc68b6a448"), "draft-ietf-ipsec-nat-t-ike-02"),
        (Hex("90cb80913ebb696e086381b5ec427b1f"), "draft-ietf-ipsec-nat-t-ike-02\\n"),
        (Hex("7d9419a65310ca6f2c179d9215529d56"), "draft-ietf-ipsec-nat-t-ike-03"),
        (Hex("9909b64eed937c6573de52ace952fa6b"), "draft-ietf-ipsec-nat-t-ike-04"),
        (Hex("80d0bb3def54565ee84645d4c85ce3ee"), "draft-ietf-ipsec-nat-t-ike-05"),
        (Hex("4d1e0e136deafa34c4f3ea9f02ec7285"), "draft-ietf-ipsec-nat-t-ike-06"),
        (Hex("439b59f8ba676c4c7737ae22eab8f582"), "draft-ietf-ipsec-nat-t-ike-07"),
        (Hex("8f8d83826d246b6fc7a8a6a428c11de8"), "draft-ietf-ipsec-nat-t-ike-08"),
        (Hex("42ea5b6f898d9773a575df26e7dd19e1"), "draft-ietf-ipsec-nat-t-ike-09"),
        (Hex("c40fee00d5d39ddb1fc762e09b7cfea7"), "Testing NAT-T RFC"),
        (Hex("afcad71368a1f1c96b8696fc77570100"), "RFC 3706 DPD (Dead Peer Detection)"),
        (Hex("09002689dfd6b712"), "XAUTH"),
        (Hex("12f5f28c457168a9702d9fe274cc"), "Cisco Unity"),
        (Hex("4048b7d56ebce88525e7de7f00d6c2d3"), "Fragmentation"),
        (Hex("882fe56d6fd20dbc2251613b2ebe5beb"), "strongSwan"),
        (Hex("7003cbc1097dbe9c2600ba6983bc8b35"), "KAME/racoon"),
        (Hex("4f45"), "Openswan/Libreswan"),
        (Hex("1e2b516905991c7d7c96fcbfb587e461"), "Microsoft L2TP/IPsec VPN Client (MS NT5 ISAKMPOAKLEY)"),
        (Hex("1f07f70eaa6514d3b0fa96542a500100"), "Cisco Fragmentation"),
        (Hex("4865617274426561745f4e6f74696679"), "Heartbeat Notify"),
    ];

    /// <summary>The vendor's name, or null for an unknown Vendor ID.</summary>
    public static string? Name(ReadOnlySpan<byte> vid)
    {
        foreach (var (prefix, name) in Known)
        {
            if (vid.StartsWith(prefix) && (prefix.Length >= 8 || vid.Length <= 16))
            {
                return name;
            }
        }
        return null;
    }

    private static byte[] Hex(string s) => Convert.FromHexString(s);
}
