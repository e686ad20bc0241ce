using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Seil.Editing;
using SeilDiag.Seil.Semantics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// seil8 policy-based IPsec (seil-reference.md §1.6): one peer per <c>ike.peer.N</c>. Its SA is the
/// <c>ipsec.security-association.saK</c> whose remote-address is the peer's address (address-type dynamic for a peer
/// with address dynamic); its traffic is every <c>ipsec.security-policy.M</c> on that SA, each one proxy-id
/// (source = local, destination = remote). Phase 1 is the peer's <c>proposal.*</c>; phase 2 is per policy in seil8,
/// and the model takes the first policy's (in index order): the editor writes phase-2 fixes to every policy of the
/// peer, so a fixed config has one phase-2 proposal again. seil8 defaults apply as for interface.ipsecN.
/// </summary>
internal sealed partial class RecipePeerBuilder
{
    private sealed record Entry(string Name, string Prefix, int FirstLine, IReadOnlyList<EffectiveSetting> Settings);

    private IEnumerable<PeerConfig> BuildPolicyPeers()
    {
        var peers = Entries("ike.peer.", IsIndex);
        var associations = Entries("ipsec.security-association.", RecipeSchema.IsSaName);
        var policies = Entries("ipsec.security-policy.", IsIndex)
            .OrderBy(p => p.Name, Comparer<string>.Create(ProposalExpansion.CompareIndex)).ToList();
        ReportDanglingAssociations(policies, associations);
        // Indexed once, so a hub with thousands of peers stays linear: SAs by the peer they lead to, policies by SA.
        var associationsByPeer = associations
            .Select(a => (Key: PeerKeyOf(a), Association: a)).Where(x => x.Key is not null)
            .ToLookup(x => x.Key!, x => x.Association, StringComparer.Ordinal);
        var policiesByAssociation = policies
            .Select(p => (Sa: settings.GetValueOrDefault(p.Prefix + "security-association"), Policy: p)).Where(x => x.Sa is { IsValid: true })
            .ToLookup(x => x.Sa!.Value, x => x.Policy, StringComparer.Ordinal);
        return [.. peers.Select(p => BuildPolicyPeer(p, associationsByPeer, policiesByAssociation))];
    }

    private static bool IsIndex(string name) => name.Length > 0 && name.All(char.IsAsciiDigit);

    /// <summary>A policy naming an SA the config does not define protects nothing: say so at the name.</summary>
    private void ReportDanglingAssociations(IReadOnlyList<Entry> policies, IReadOnlyList<Entry> associations)
    {
        var defined = associations.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if (settings.GetValueOrDefault(policy.Prefix + "security-association") is { IsValid: true } reference && !defined.Contains(reference.Value))
            {
                diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, reference.Line.ValueSpan), reference.Value, reference.Key,
                    new LocalizedText($"there is no 'ipsec.security-association.{reference.Value}' in this config",
                        $"この設定に 'ipsec.security-association.{reference.Value}' がありません")));
            }
        }
    }

    /// <summary>The settings under <paramref name="head"/> grouped by the segment after it, in order of first appearance.</summary>
    private List<Entry> Entries(string head, Func<string, bool> isName)
    {
        var groups = new Dictionary<string, List<EffectiveSetting>>(StringComparer.Ordinal);
        foreach (var setting in settings.Values)
        {
            if (!setting.Key.StartsWith(head, StringComparison.Ordinal))
            {
                continue;
            }
            var dot = setting.Key.IndexOf('.', head.Length);
            if (dot < 0 || !isName(setting.Key[head.Length..dot]))
            {
                continue;
            }
            var name = setting.Key[head.Length..dot];
            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
            }
            list.Add(setting);
        }
        return [.. groups
            .Select(g => new Entry(g.Key, head + g.Key + ".", g.Value.Min(s => s.Line.LineNumber), g.Value))
            .OrderBy(e => e.FirstLine)];
    }

    private PeerConfig BuildPolicyPeer(Entry entry, ILookup<string, Entry> associationsByPeer, ILookup<string, Entry> policiesByAssociation)
    {
        var peer = new PeerScope(text, settings, entry.Prefix, entry.Settings);
        var address = peer.Get("address");
        var mine = address is null ? [] : associationsByPeer[Canonical(address.Value)].ToList();
        var association = mine.Count > 0 ? new PeerScope(text, settings, mine[0].Prefix, mine[0].Settings) : null;
        var policies = mine.SelectMany(a => policiesByAssociation[a.Name])
            .OrderBy(p => p.Name, Comparer<string>.Create(ProposalExpansion.CompareIndex)).ToList();
        var firstPolicy = policies.Count > 0 ? new PeerScope(text, settings, policies[0].Prefix, policies[0].Settings) : null;

        var source = association?.Get("local-address");
        var group = peer.Parse("proposal.dh-group", v => IkeNames.GroupFromSeil(v)?.Group, DhGroup.Modp1536);
        var phase1Lifetime = peer.Parse("proposal.lifetime", Time, Defaults.Phase1Lifetime);
        var phase1Encryption = peer.List("proposal.encryption", Defaults.Phase1Encryption, v => IkeNames.CipherFromSeil(v)?.Cipher);
        var phase1Hash = peer.List("proposal.hash", Defaults.Phase1Hash, v => IkeNames.HashFromSeil(v)?.Hash);
        var phase1 = ProposalExpansion.Phase1(phase1Encryption.Values, phase1Hash.Values, group.Value, phase1Lifetime.Value);
        var phase1Where = FirstSet(phase1Encryption.Where, phase1Hash.Where, group.Where, phase1Lifetime.Where);

        var pfs = Policy(firstPolicy, "ike.proposal.pfs-group", v => IkeNames.GroupFromSeil(v)?.Group, DhGroup.None);
        var phase2Encryption = firstPolicy?.List("ike.proposal.encryption", Defaults.Phase2Encryption, v => IkeNames.CipherFromSeil(v)?.Cipher)
                               ?? new ListValues<Cipher>([.. Defaults.Phase2Encryption.Select(v => IkeNames.CipherFromSeil(v)!.Cipher)], null);
        var phase2Integrity = firstPolicy?.List("ike.proposal.authentication", Defaults.Phase2Authentication, v => IkeNames.IntegrityFromSeil(v)?.Integrity)
                              ?? new ListValues<IntegrityAlgorithm>([.. Defaults.Phase2Authentication.Select(v => IkeNames.IntegrityFromSeil(v)!.Integrity)], null);
        var phase2 = ProposalExpansion.Phase2(phase2Encryption.Values, phase2Integrity.Values, pfs.Value);
        var phase2Where = FirstSet(phase2Encryption.Where, phase2Integrity.Where, pfs.Where);

        var dpdInterval = Global("ike.dpd-interval", Time, Defaults.DpdInterval);
        var dpdMaxFail = Global("ike.dpd-maxfail", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, Defaults.DpdMaxFail);
        var dpd = peer.Parse("dpd", v => v == "enable", true);

        return new PeerConfig
        {
            Name = entry.Prefix.TrimEnd('.'),
            Vendor = PeerVendor.Seil,
            Document = text,
            Definition = Location.OnLine(text, entry.FirstLine),
            LocalAddress = source is null ? Located<string?>.Default(null) : Located<string?>.At(source.Value, association!.Where(source)),
            RemoteAddress = address is null ? Located<string?>.Default(null) : Located<string?>.At(address.Value, peer.Where(address)),
            ExchangeMode = peer.Parse("exchange-mode", v => v == "aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main, ExchangeMode.Main),
            LocalIdentity = Identity(peer, "my-identifier", source),
            RemoteIdentity = Identity(peer, "peers-identifier", address),
            PreSharedKey = peer.Get("preshared-key") is { } psk
                ? Located<Secret?>.At(new Secret(psk.Value), peer.Where(psk))
                : Located<Secret?>.Default(null),
            Phase1Proposals = phase1Where is null ? Located<IReadOnlyList<Phase1Proposal>>.Default(phase1) : Located<IReadOnlyList<Phase1Proposal>>.At(phase1, phase1Where),
            Phase2Proposals = phase2Where is null ? Located<IReadOnlyList<Phase2Proposal>>.Default(phase2) : Located<IReadOnlyList<Phase2Proposal>>.At(phase2, phase2Where),
            ProxyIds = PolicyProxyIds(policies),
            Initiation = PolicyInitiation(peer, association),
            Phase1Lifetime = phase1Lifetime,
            Phase2Lifetime = Policy(firstPolicy, "ike.proposal.lifetime-of-time", Time, Defaults.Phase2Lifetime),
            Phase2LifetimeBytes = Located<long?>.Default(null),
            CheckLevel = peer.Parse("check-level", v => Enum.Parse<CheckLevel>(v, ignoreCase: true), Defaults.CheckLevel),
            Dpd = new Located<DpdSettings>(new DpdSettings(dpd.Value, dpdInterval.Value, dpdInterval.Value * dpdMaxFail.Value), dpd.Where, dpd.IsDefault),
            NatTraversal = peer.Parse("nat-traversal", v => v switch { "force" => NatTraversalMode.Force, "disable" => NatTraversalMode.Disable, _ => NatTraversalMode.Enable }, Defaults.NatTraversal),
            Editor = new RecipePolicyEditor(text, lines, entry.Prefix, [.. policies.Select(p => p.Prefix)], mine.Count > 0 ? mine[0].Prefix : null),
        };
    }

    /// <summary>
    /// The peer address an SA leads to, as <see cref="Canonical"/> writes it: its remote-address, or "dynamic" for
    /// address-type dynamic (it serves the peer with address dynamic); null when it names neither.
    /// </summary>
    private string? PeerKeyOf(Entry association)
    {
        if (settings.GetValueOrDefault(association.Prefix + "address-type") is { IsValid: true, Value: "dynamic" })
        {
            return "dynamic";
        }
        return settings.GetValueOrDefault(association.Prefix + "remote-address") is { IsValid: true } remote ? Canonical(remote.Value) : null;
    }

    /// <summary>One spelling per address ("2001:db8::1" and "2001:DB8:0::1" are one peer); "dynamic" stays itself.</summary>
    private static string Canonical(string address) => IPAddress.TryParse(address, out var ip) ? ip.ToString() : address;

    private static Located<T> Policy<T>(PeerScope? policy, string key, Func<string, T?> parse, T fallback) where T : struct =>
        policy is null ? Located<T>.Default(fallback) : policy.Parse(key, parse, fallback);

    /// <summary>An SA with address-type dynamic only waits for the peer (SA-W2 manual); otherwise as interface.ipsecN.</summary>
    private Located<Initiation> PolicyInitiation(PeerScope peer, PeerScope? association)
    {
        var initiation = Initiation(peer, "responder-only");
        if (initiation.Value == Model.Initiation.Start && association?.Get("address-type") is { Value: "dynamic" } dynamic)
        {
            return Located<Initiation>.At(Model.Initiation.RespondOnly, association.Where(dynamic));
        }
        return initiation;
    }

    /// <summary>One proxy-id per security policy: source is the local side, destination the remote; "any" is 0.0.0.0/0.</summary>
    private Located<IReadOnlyList<ProxyId>> PolicyProxyIds(IReadOnlyList<Entry> policies)
    {
        var pairs = new List<ProxyId>();
        Location? where = null;
        foreach (var policy in policies)
        {
            var scope = new PeerScope(text, settings, policy.Prefix, policy.Settings);
            var source = scope.Get("source.address");
            var destination = scope.Get("destination.address");
            // An interface as source (e.g. "ge1") stands for its network, which this check does not resolve.
            if (PolicySelectors.Network(source?.Value) is not { } local || PolicySelectors.Network(destination?.Value) is not { } remote)
            {
                continue;
            }
            pairs.Add(new ProxyId(local, remote, PolicySelectors.Protocol(scope.Get("protocol")?.Value),
                PolicySelectors.Port(scope.Get("source.port")?.Value), PolicySelectors.Port(scope.Get("destination.port")?.Value)));
            where ??= scope.Where(source!);
        }
        return where is null
            ? Located<IReadOnlyList<ProxyId>>.Default([ProxyId.AnyToAny])
            : Located<IReadOnlyList<ProxyId>>.At(pairs, where);
    }
}
