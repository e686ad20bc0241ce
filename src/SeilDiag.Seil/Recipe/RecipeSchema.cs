using SeilDiag.Seil.Semantics;
using SeilDiag.Diagnostics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>What a key is, as far as SeilDiag knows SEIL's keys.</summary>
public enum KeyStatus
{
    /// <summary>A key SeilDiag models and validates.</summary>
    Known,
    /// <summary>A key outside the modelled areas (filters, DHCP, ...): accepted without checks.</summary>
    Unmodelled,
    /// <summary>An older spelling of a known key (<see cref="KeyResolution.CurrentKey"/>); still takes effect.</summary>
    Moved,
    Unknown,
    /// <summary>A list index that is not a number ("encryption.a.algorithm").</summary>
    NonNumericIndex,
}

/// <param name="Segment">For Unknown / NonNumericIndex: the first offending segment; -1 = the whole key.</param>
/// <param name="Suggestion">For Unknown: the full key the user probably meant.</param>
/// <param name="CurrentKey">For Moved: the full current key.</param>
public sealed record KeyResolution(KeyStatus Status, SeilValueType? ValueType = null, int Segment = -1, int SegmentEnd = -1,
    string? Suggestion = null, string? CurrentKey = null);

/// <summary>
/// The seil8 keys SeilDiag knows (seil-reference.md §1.4–1.7): every <c>interface.ipsecN.*</c> key, routes,
/// the global <c>ike.*</c> parameters and interface addresses. Other areas of the config are accepted unchecked.
/// </summary>
public static class RecipeSchema
{
    // seil3 wrote "aes" for AES-128; seil8 wants the key length (IIJ's converter rewrites it to aes128).
    private static readonly Dictionary<string, ValueProblem> SeilThreeAes = new(StringComparer.Ordinal)
    {
        ["aes"] = new(new LocalizedText("'aes' is the seil3 spelling; seil8 names the key length: 'aes128'", "'aes' は seil3 の表記です。seil8 では鍵長を付けて 'aes128' と書きます"), "aes128"),
    };
    private static readonly SeilValueType Phase1Encryption = SeilValueType.Keywords(["aes128", "aes192", "aes256", "3des", "des"], SeilThreeAes);
    private static readonly SeilValueType Phase1Hash = SeilValueType.Keywords(SeilKeywords.Hashes);
    private static readonly SeilValueType DhGroups = SeilValueType.Keywords(SeilKeywords.DhGroups);
    // IIJ's converter refuses modp768 as a seil8 pfs-group.
    private static readonly SeilValueType PfsGroups = SeilValueType.Keywords("modp1024", "modp1536", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192");
    // seil8 rejects blowfish, cast128 and null in phase 2 (converter); "aes" is seil3 only.
    private static readonly SeilValueType Phase2Encryption = SeilValueType.Keywords(["aes128", "aes192", "aes256", "3des", "des"], SeilThreeAes);
    private static readonly SeilValueType Phase2Authentication = SeilValueType.Keywords(SeilKeywords.Integrities);
    private static readonly SeilValueType IdentifierType = SeilValueType.Keywords("address", "fqdn", "user-fqdn");
    // Lifetime bounds are not documented; 1 s .. 7 days catches 0 and typos with extra digits.
    private static readonly SeilValueType Lifetime = SeilValueType.RecipeTime(1, 7 * 24 * 3600);

    /// <summary>Top-level seil8 keys outside the modelled areas (so their keys are not reported as unknown).</summary>
    private static readonly HashSet<string> OtherTopLevel = new(StringComparer.Ordinal)
    {
        "hostname", "timezone", "filter", "nat", "nat6", "dns-forwarder", "dhcp", "dhcp6", "ntp", "syslog", "sshd", "telnetd",
        "httpd", "snmp", "resolver", "floatlink", "macfilter", "option", "arp", "ndp", "bridge", "appgw", "rtadvd", "upnp", "vrrp",
        "cbq", "monitor", "sntp", "login", "environment", "l2tp", "pppac", "ppp", "proxyarp", "qos", "router-advertisement",
        "sesame", "bgp", "ospf", "rip", "ripng", "event", "mail", "certificate", "sflow", "ipv6", "ipv4", "lldp",
        "password", "webapi", "miniupnpd", "hosts", "obs", "user", "interface-group", "route6", "rtsol", "keepalive",
    };

    private static readonly string[] ModelledTopLevel = ["interface", "route", "ike", "ipsec"];

    private static readonly SeilValueType CheckLevel = SeilValueType.Keywords("obey", "strict", "claim", "exact");

    internal static SchemaNode IpsecInterface { get; } = BuildIpsecInterface();

    private static readonly SchemaNode OtherInterface = BuildOtherInterface();
    private static readonly SchemaNode Route = BuildRoute();
    private static readonly SchemaNode Ike = BuildIke();
    private static readonly SchemaNode Ipsec = BuildIpsec();
    private static readonly SchemaNode SecurityAssociation = BuildSecurityAssociation();

    /// <summary>The key relative to <c>interface.ipsecN.</c> as the model and the editor name it.</summary>
    public static IEnumerable<string> IpsecKeys => Flatten(IpsecInterface, "");

    private static SchemaNode BuildIpsecInterface()
    {
        var root = new SchemaNode();
        root.Add("ipv4.source", SeilValueType.Ipv4Address);
        root.Add("ipv4.destination", SeilValueType.Ipv4Address);
        root.Add("ipv6.source", SeilValueType.Ipv6Address);
        root.Add("ipv6.destination", SeilValueType.Ipv6Address);
        root.Add("ipv4.address", SeilValueType.InterfaceAddress);
        root.Add("ipv4.remote", SeilValueType.Ipv4Address);
        root.Add("ipv6.address", SeilValueType.Text);
        root.Add("ipv6.forward", SeilValueType.Keywords("pass", "block"));
        root.Add("preshared-key", SeilValueType.Text);
        root.Add("mtu", SeilValueType.Integer(68, 65535));
        root.Add("tx-tos-set", SeilValueType.Text);
        // Generic interface keys that ipsec interfaces share (IIJ's converter writes them for any interface).
        root.Add("ipv4.tcp-mss", SeilValueType.Text);
        root.Add("ipv6.tcp-mss", SeilValueType.Text);
        root.Add("description", SeilValueType.Text);
        // 'disable' cannot be written on interface.ipsecN (IIJ's converter).
        root.Add("nat-traversal", SeilValueType.Keywords(["enable", "force"], new Dictionary<string, ValueProblem>
        {
            ["disable"] = new(new LocalizedText(
                "seil8 cannot disable NAT-T on interface.ipsecN; remove the line (with 'enable', NAT-T is used only when a NAT is detected)",
                "seil8 の interface.ipsecN では NAT-T を無効にできません。この行を削除してください (enable では NAT 検出時のみ NAT-T を使います)")),
        }));
        root.Add("ike.exchange-mode", SeilValueType.Keywords("main", "aggressive"));
        root.Add("ike.check-level", CheckLevel);
        root.Add("ike.initial-contact", SeilValueType.EnableDisable);
        root.Add("ike.dpd", SeilValueType.EnableDisable);
        root.Add("ike.prefer-new-phase1", SeilValueType.EnableDisable);
        root.Add("ike.responder-only", SeilValueType.EnableDisable);
        // RFC 2409: nonces are 8 to 256 bytes.
        root.Add("ike.nonce-size", SeilValueType.Integer(8, 256));
        foreach (var side in new[] { "my-identifier", "peers-identifier" })
        {
            root.Add($"ike.{side}.type", IdentifierType);
            root.Add($"ike.{side}.fqdn", SeilValueType.Text);
            root.Add($"ike.{side}.user-fqdn", SeilValueType.Text);
        }
        root.Add("ike.proposal.phase1.encryption.#.algorithm", Phase1Encryption);
        root.Add("ike.proposal.phase1.hash.#.algorithm", Phase1Hash);
        root.Add("ike.proposal.phase1.dh-group", DhGroups);
        root.Add("ike.proposal.phase1.lifetime", Lifetime);
        root.Add("ike.proposal.phase2.encryption.#.algorithm", Phase2Encryption);
        root.Add("ike.proposal.phase2.authentication.#.algorithm", Phase2Authentication);
        root.Add("ike.proposal.phase2.pfs-group", PfsGroups);
        root.Add("ike.proposal.phase2.lifetime-of-time", Lifetime);
        root.Add("ike.proposal.phase2.lifetime-of-byte", SeilValueType.Integer(0, long.MaxValue / 2));
        root.Add("ike.proposal.phase2.proxy-id.ipv4.local", SeilValueType.Ipv4Prefix);
        root.Add("ike.proposal.phase2.proxy-id.ipv4.remote", SeilValueType.Ipv4Prefix);
        root.Add("ike.proposal.phase2.proxy-id.ipv6.local", SeilValueType.Ipv6Prefix);
        root.Add("ike.proposal.phase2.proxy-id.ipv6.remote", SeilValueType.Ipv6Prefix);
        root.Add("ike.proposal.phase2.proxy-id.protocol", SeilValueType.Text);
        foreach (var key in new[] { "name-service", "my-node-id", "peer-node-id", "key", "my-address", "address-family" })
        {
            root.Add($"floatlink.{key}", SeilValueType.Text);
        }
        root.Add("dynamic-local-address", SeilValueType.Text);
        root.Add("dynamic-remote-address", SeilValueType.Text);
        // Older spellings (IIJ's converter wrote these before commit f6dc8dd / 46c1f2e; the seed uses responder-only).
        foreach (var moved in new[] { "responder-only", "nonce-size", "prefer-new-phase1", "dpd" })
        {
            var current = Find(root, "ike." + moved)!;
            var node = root.Add(moved, current.Value);
            node.MovedTo = "ike." + moved;
        }
        return root;
    }

    private static SchemaNode BuildOtherInterface()
    {
        var root = new SchemaNode { Open = true };
        root.Add("ipv4.address", SeilValueType.InterfaceAddress);
        return root;
    }

    private static SchemaNode BuildRoute()
    {
        var root = new SchemaNode();
        root.Add("ipv4.#.destination", SeilValueType.RouteDestination);
        root.Add("ipv4.#.gateway", SeilValueType.RouteGateway);
        root.Add("ipv4.#.distance", SeilValueType.Integer(1, 255));
        root.Add("ipv4.#.description", SeilValueType.Text);
        root.Add("ipv6.*");
        return root;
    }

    private static SchemaNode BuildIke()
    {
        var root = new SchemaNode();
        foreach (var flag in new[] { "auto-initiation", "exclusive-tail", "randomize-padding-length", "randomize-padding-value", "strict-padding-byte-check" })
        {
            root.Add(flag, SeilValueType.EnableDisable);
        }
        root.Add("dpd-interval", SeilValueType.RecipeTime(1, 3600));
        root.Add("dpd-maxfail", SeilValueType.Integer(1, 100));
        root.Add("interval", SeilValueType.Integer(1, 300));
        root.Add("maximum-padding-length", SeilValueType.Integer(0, 255));
        root.Add("nat-keepalive-interval", SeilValueType.RecipeTime(1, 3600));
        root.Add("per-send", SeilValueType.Integer(1, 10));
        root.Add("phase1-timeout", SeilValueType.RecipeTime(1, 3600));
        root.Add("phase2-timeout", SeilValueType.RecipeTime(1, 3600));
        root.Add("retry", SeilValueType.Integer(0, 100));
        AddPolicyPeer(root);
        return root;
    }

    /// <summary>
    /// Policy-based IPsec's <c>ike.peer.N.*</c> (seil-reference.md §1.6, from IIJ's converter): the routing-based peer
    /// settings without the <c>ike.</c> level, and one phase-1 proposal under <c>proposal.</c>.
    /// </summary>
    private static void AddPolicyPeer(SchemaNode ike)
    {
        const string peer = "peer.#.";
        ike.Add(peer + "address", SeilValueType.PeerAddress);
        ike.Add(peer + "exchange-mode", SeilValueType.Keywords("main", "aggressive"));
        ike.Add(peer + "check-level", CheckLevel);
        ike.Add(peer + "dpd", SeilValueType.EnableDisable);
        ike.Add(peer + "initial-contact", SeilValueType.EnableDisable);
        ike.Add(peer + "prefer-new-phase1", SeilValueType.EnableDisable);
        ike.Add(peer + "responder-only", SeilValueType.EnableDisable);
        ike.Add(peer + "nonce-size", SeilValueType.Integer(8, 256));
        // Unlike interface.ipsecN, a policy-based peer may disable NAT-T (the converter writes 'disable' for seil3's default).
        ike.Add(peer + "nat-traversal", SeilValueType.Keywords("enable", "disable", "force"));
        ike.Add(peer + "preshared-key", SeilValueType.Text);
        foreach (var side in new[] { "my-identifier", "peers-identifier" })
        {
            ike.Add($"{peer}{side}.type", IdentifierType);
            ike.Add($"{peer}{side}.fqdn", SeilValueType.Text);
            ike.Add($"{peer}{side}.user-fqdn", SeilValueType.Text);
        }
        ike.Add(peer + "proposal.encryption.#.algorithm", Phase1Encryption);
        ike.Add(peer + "proposal.hash.#.algorithm", Phase1Hash);
        ike.Add(peer + "proposal.dh-group", DhGroups);
        ike.Add(peer + "proposal.lifetime", Lifetime);
    }

    /// <summary>
    /// <c>ipsec.security-policy.N.*</c> (§1.6): the traffic selector and the phase-2 proposal of one policy. Other
    /// <c>ipsec.*</c> areas stay unmodelled (open); <c>ipsec.security-association.saN</c> is <see cref="SecurityAssociation"/>.
    /// </summary>
    private static SchemaNode BuildIpsec()
    {
        var root = new SchemaNode { Open = true };
        const string policy = "security-policy.#.";
        root.Add(policy + "security-association", SeilValueType.SaName);
        root.Add(policy + "source.address", SeilValueType.PolicySource);
        root.Add(policy + "source.port", SeilValueType.Port);
        root.Add(policy + "destination.address", SeilValueType.PolicyDestination);
        root.Add(policy + "destination.port", SeilValueType.Port);
        root.Add(policy + "protocol", SeilValueType.Text);
        root.Add(policy + "ike.proposal.encryption.#.algorithm", Phase2Encryption);
        root.Add(policy + "ike.proposal.authentication.#.algorithm", Phase2Authentication);
        root.Add(policy + "ike.proposal.pfs-group", PfsGroups);
        root.Add(policy + "ike.proposal.lifetime-of-time", Lifetime);
        return root;
    }

    /// <summary><c>ipsec.security-association.saN.*</c> (§1.6, SA-W2 manual): where the SA runs between.</summary>
    private static SchemaNode BuildSecurityAssociation()
    {
        var root = new SchemaNode();
        root.Add("address-type", SeilValueType.Keywords("static", "dynamic"));
        root.Add("local-address", SeilValueType.AddressOrInterface);
        root.Add("remote-address", SeilValueType.AnyAddress);
        root.Add("share-session", SeilValueType.EnableDisable);
        return root;
    }

    /// <summary>True for "sa0" .. "sa9999": the name[] index of <c>ipsec.security-association.sa[]</c>.</summary>
    public static bool IsSaName(string name) =>
        name.Length is > 2 and <= 6 && name.StartsWith("sa", StringComparison.Ordinal) && name[2..].All(char.IsAsciiDigit);

    private static SchemaNode? Find(SchemaNode root, string key)
    {
        var node = root;
        foreach (var segment in key.Split('.'))
        {
            if (!node.Named.TryGetValue(segment, out node!))
            {
                return null;
            }
        }
        return node;
    }

    private static IEnumerable<string> Flatten(SchemaNode node, string prefix)
    {
        if (node.Value is not null && node.MovedTo is null)
        {
            yield return prefix.TrimEnd('.');
        }
        foreach (var (name, child) in node.Named)
        {
            foreach (var key in Flatten(child, prefix + name + "."))
            {
                yield return key;
            }
        }
        if (node.Index is not null)
        {
            foreach (var key in Flatten(node.Index, prefix + "#."))
            {
                yield return key;
            }
        }
    }

    /// <summary>True for "ipsec0" .. "ipsec999".</summary>
    public static bool IsIpsecInterface(string name) =>
        name.Length > 5 && name.StartsWith("ipsec", StringComparison.Ordinal) && name[5..].All(char.IsAsciiDigit) && name.Length <= 9;

    public static KeyResolution Resolve(SeilKey key)
    {
        var segments = key.Segments.Select(s => s.Text).ToArray();
        var upper = Array.FindIndex(segments, s => s.Any(char.IsAsciiLetterUpper));
        if (upper >= 0)
        {
            var lastUpper = Array.FindLastIndex(segments, s => s.Any(char.IsAsciiLetterUpper));
            return new KeyResolution(KeyStatus.Unknown, Segment: upper, SegmentEnd: lastUpper, Suggestion: key.Text.ToLowerInvariant());
        }
        switch (segments[0])
        {
            case "interface" when segments.Length >= 3 && IsIpsecInterface(segments[1]):
                return Walk(IpsecInterface, segments, 2, $"interface.{segments[1]}.");
            case "interface" when segments.Length >= 3:
                return Walk(OtherInterface, segments, 2, $"interface.{segments[1]}.");
            case "interface":
                return new KeyResolution(KeyStatus.Unknown);
            case "route":
                return Walk(Route, segments, 1, "route.");
            case "ike":
                return Walk(Ike, segments, 1, "ike.");
            case "ipsec" when segments.Length >= 2 && segments[1] == "security-association":
                if (segments.Length < 4 || !IsSaName(segments[2]))
                {
                    return new KeyResolution(KeyStatus.Unknown, Segment: Math.Min(2, segments.Length - 1), SegmentEnd: Math.Min(2, segments.Length - 1));
                }
                return Walk(SecurityAssociation, segments, 3, $"ipsec.security-association.{segments[2]}.");
            case "ipsec":
                return Walk(Ipsec, segments, 1, "ipsec.");
        }
        if (OtherTopLevel.Contains(segments[0]))
        {
            return new KeyResolution(KeyStatus.Unmodelled);
        }
        var nearest = Suggestions.Nearest(segments[0], ModelledTopLevel, 2);
        return nearest is null
            ? new KeyResolution(KeyStatus.Unmodelled)
            : new KeyResolution(KeyStatus.Unknown, Segment: 0, SegmentEnd: 0, Suggestion: Replace(segments, 0, nearest));
    }

    private static KeyResolution Walk(SchemaNode root, string[] segments, int start, string prefix)
    {
        var node = root;
        for (var i = start; i < segments.Length; i++)
        {
            if (node.Open && !node.Named.ContainsKey(segments[i]))
            {
                return new KeyResolution(KeyStatus.Unmodelled);
            }
            var segment = segments[i];
            if (node.Named.TryGetValue(segment, out var child))
            {
                node = child;
                continue;
            }
            if (node.Index is not null)
            {
                if (segment.All(char.IsAsciiDigit))
                {
                    node = node.Index;
                    continue;
                }
                if (node.Named.Count == 0)
                {
                    return new KeyResolution(KeyStatus.NonNumericIndex, Segment: i, SegmentEnd: i);
                }
            }
            var nearest = Suggestions.Nearest(segment, node.Named.Keys);
            return new KeyResolution(KeyStatus.Unknown, Segment: i, SegmentEnd: i,
                Suggestion: nearest is null ? null : Replace(segments, i, nearest));
        }
        if (node.Open)
        {
            return new KeyResolution(KeyStatus.Unmodelled);
        }
        if (node.Value is null)
        {
            return new KeyResolution(KeyStatus.Unknown);
        }
        return node.MovedTo is { } moved
            ? new KeyResolution(KeyStatus.Moved, node.Value, CurrentKey: prefix + moved)
            : new KeyResolution(KeyStatus.Known, node.Value);
    }

    private static string Replace(string[] segments, int index, string replacement)
    {
        var copy = (string[])segments.Clone();
        copy[index] = replacement;
        return string.Join('.', copy);
    }
}
