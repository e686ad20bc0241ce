using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Seil.Recipe;
using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Commands;

/// <summary>The seil3 objects that make up one routing-based tunnel (seil-reference.md §2.2, "How the pieces link together").</summary>
/// <param name="InterfaceName">The ipsecN of a routing-based tunnel; null for a policy-based peer.</param>
/// <param name="Tunnel">The <c>interface ipsecN tunnel</c> command; null for a policy-based peer.</param>
/// <param name="Policies">For a policy-based peer: the security policies that use its SA.</param>
internal sealed record Seil3Tunnel(
    string? InterfaceName, Seil3Command? Tunnel, Seil3Command Peer, Seil3Command? IkeProposal, Seil3Command? SecurityAssociation,
    Seil3Command? SaProposal, Seil3Command? PresharedKey, IReadOnlyList<Seil3Command> Policies)
{
    public string DisplayName => InterfaceName is null ? $"ike peer {Peer.Name!.Value}" : $"interface.{InterfaceName}";
}

/// <summary>
/// Builds a <see cref="PeerConfig"/> for each seil3 routing-based tunnel: <c>interface ipsecN tunnel A B</c> →
/// the <c>ike peer</c> whose address is B → its <c>ike proposal</c>; <c>ike preshared-key</c> for B (or the peer's
/// identifier); the <c>ipsec security-association</c> on ipsecN → its SA proposal. seil3 defaults apply.
/// </summary>
internal sealed class CommandPeerBuilder(SourceText text, IReadOnlyList<Seil3Command> commands, List<Diagnostic> diagnostics)
{
    private static readonly SeilDefaults Defaults = SeilDefaults.Seil3;

    public List<Seil3Tunnel> Tunnels { get; } = [];

    public IReadOnlyList<PeerConfig> Build()
    {
        var peers = new List<PeerConfig>();
        foreach (var tunnel in commands.Where(c => c.Kind == Seil3CommandKind.InterfaceTunnel && RecipeSchema.IsIpsecInterface(c.Name!.Value)))
        {
            var source = tunnel.Arguments[0];
            var destination = tunnel.Arguments[1];
            CheckAddress(source, "interface tunnel");
            CheckAddress(destination, "interface tunnel");
            var peer = commands.LastOrDefault(c => c.Kind == Seil3CommandKind.IkePeer && c.RawValue("address") == destination.Value);
            if (peer is null)
            {
                continue; // no IKE for this tunnel (manual keys, or the peer is missing): nothing to negotiate
            }
            var proposal = Find(peer, "proposals", Seil3CommandKind.IkeProposal, "ike proposal add");
            var sa = commands.LastOrDefault(c => c.Kind == Seil3CommandKind.SecurityAssociation && c.RawValue("tunnel-interface") == tunnel.Name!.Value);
            var saProposal = sa is null ? null : Find(sa, "ike", Seil3CommandKind.SaProposal, "ipsec security-association proposal add");
            var parts = new Seil3Tunnel(tunnel.Name!.Value, tunnel, peer, proposal, sa, saProposal, PresharedKeyCommand(peer, destination.Value), []);
            Tunnels.Add(parts);
            peers.Add(BuildPeer(parts, source, destination));
        }
        peers.AddRange(PolicyBasedPeers());
        return peers;
    }

    /// <summary>
    /// Policy-based IPsec: an <c>ike peer</c> not used by a tunnel interface, its SA (<c>tunnel A B</c> with B its
    /// address) and the security policies on that SA (their src/dst are the proxy-ids).
    /// </summary>
    private IEnumerable<PeerConfig> PolicyBasedPeers()
    {
        var used = Tunnels.Select(t => t.Peer).ToHashSet();
        foreach (var peer in commands.Where(c => c.Kind == Seil3CommandKind.IkePeer && !used.Contains(c)))
        {
            if (peer.Options.GetValueOrDefault("address") is not { Values.Count: 1 } address)
            {
                continue;
            }
            // A fixed peer is reached by "tunnel <local> <its address>"; a peer with "address dynamic" by "tunnel dynamic|auto".
            var sa = commands.LastOrDefault(c => c.Kind == Seil3CommandKind.SecurityAssociation
                                                 && c.Options.GetValueOrDefault("tunnel") is { } ends
                                                 && (ends.Values.Count == 2 ? ends.Values[1].Value == address.Value : address.Value == "dynamic"));
            var proposal = Find(peer, "proposals", Seil3CommandKind.IkeProposal, "ike proposal add");
            var saProposal = sa is null ? null : Find(sa, "ike", Seil3CommandKind.SaProposal, "ipsec security-association proposal add");
            var policies = sa is null
                ? []
                : commands.Where(c => c.Kind == Seil3CommandKind.SecurityPolicy && c.RawValue("security-association") == sa.Name?.Value).ToList();
            var parts = new Seil3Tunnel(null, null, peer, proposal, sa, saProposal, PresharedKeyCommand(peer, address.Value), policies);
            Tunnels.Add(parts);
            var local = sa?.Options["tunnel"] is { Values.Count: 2 } tunnel ? tunnel.Values[0] : null;
            yield return BuildPeer(parts, local, address.Values[0]);
        }
    }

    private Seil3Command? PresharedKeyCommand(Seil3Command peer, string address)
    {
        var peerIdentifier = peer.Option("peers-identifier") is { Values.Count: 2 } id ? id.Values[1].Value : address;
        return commands.LastOrDefault(c => c.Kind == Seil3CommandKind.IkePresharedKey && c.Arguments[0].Value == peerIdentifier);
    }

    private PeerConfig BuildPeer(Seil3Tunnel t, SeilToken? source, SeilToken destination)
    {
        var peer = t.Peer;
        var group = Value(t.IkeProposal, "dh-group", v => IkeNames.GroupFromSeil(v)?.Group, DhGroup.Modp1536);
        var phase1Lifetime = Value(t.IkeProposal, "lifetime-of-time", Time, Defaults.Phase1Lifetime);
        var encryption = List(t.IkeProposal, "encryption", Defaults.Phase1Encryption, v => IkeNames.CipherFromSeil(Aes(v))?.Cipher);
        var hash = List(t.IkeProposal, "hash", Defaults.Phase1Hash, v => IkeNames.HashFromSeil(v)?.Hash);
        var auth = Value(t.IkeProposal, "authentication", v => v == "rsa-signature" ? AuthMethod.RsaSignature : AuthMethod.PreSharedKey, AuthMethod.PreSharedKey);
        var phase1 = ProposalExpansion.Phase1(encryption.Values, hash.Values, group.Value, phase1Lifetime.Value, auth.Value);
        var phase1Where = encryption.Where ?? hash.Where ?? group.Where;

        var pfs = Value(t.SaProposal, "pfs-group", v => v == "none" ? DhGroup.None : IkeNames.GroupFromSeil(v)?.Group, DhGroup.None);
        var phase2Encryption = List(t.SaProposal, "encryption-algorithm", Defaults.Phase2Encryption, v => IkeNames.CipherFromSeil(Aes(v))?.Cipher);
        var phase2Integrity = List(t.SaProposal, "authentication-algorithm", Defaults.Phase2Authentication, v => IkeNames.IntegrityFromSeil(v)?.Integrity);
        var phase2 = ProposalExpansion.Phase2(phase2Encryption.Values, phase2Integrity.Values, pfs.Value);
        var phase2Where = phase2Encryption.Where ?? phase2Integrity.Where ?? pfs.Where;

        var dpdInterval = Global("dpd-interval", Time, Defaults.DpdInterval);
        var dpdMaxFail = Global("dpd-maxfail", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, Defaults.DpdMaxFail);
        // Not documented for seil3; the seil8 default (enable) is assumed.
        var dpd = Value(peer, "dpd", v => v == "enable", true);

        return new PeerConfig
        {
            Name = t.DisplayName,
            Vendor = PeerVendor.Seil,
            Document = text,
            Definition = Location.OnLine(text, (t.Tunnel ?? t.Peer).Line.LineNumber),
            LocalAddress = source is null ? Located<string?>.Default(null) : Located<string?>.At(source.Value, Where(source)),
            RemoteAddress = Located<string?>.At(destination.Value, Where(destination)),
            AuthMethod = auth,
            ExchangeMode = Value(peer, "exchange-mode", v => v == "aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main, ExchangeMode.Main),
            LocalIdentity = Identity(peer, "my-identifier", source),
            RemoteIdentity = Identity(peer, "peers-identifier", destination),
            PreSharedKey = PresharedKey(t),
            Phase1Proposals = phase1Where is null ? Located<IReadOnlyList<Phase1Proposal>>.Default(phase1) : Located<IReadOnlyList<Phase1Proposal>>.At(phase1, phase1Where),
            Phase2Proposals = phase2Where is null ? Located<IReadOnlyList<Phase2Proposal>>.Default(phase2) : Located<IReadOnlyList<Phase2Proposal>>.At(phase2, phase2Where),
            ProxyIds = t.Tunnel is null ? PolicyProxyIds(t.Policies) : ProxyIds(t.SecurityAssociation),
            Initiation = Initiation(peer),
            Phase1Lifetime = phase1Lifetime,
            Phase2Lifetime = Value(t.SaProposal, "lifetime-of-time", Time, Defaults.Phase2Lifetime),
            Phase2LifetimeBytes = Value(t.SaProposal, "lifetime-of-byte", v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null, (long?)null),
            CheckLevel = Value(peer, "check-level", v => Enum.Parse<CheckLevel>(v, ignoreCase: true), Defaults.CheckLevel),
            Dpd = new Located<DpdSettings>(new DpdSettings(dpd.Value, dpdInterval.Value, dpdInterval.Value * dpdMaxFail.Value), dpd.Where, dpd.IsDefault),
            NatTraversal = Value(peer, "nat-traversal", v => v switch { "force" => NatTraversalMode.Force, "enable" => NatTraversalMode.Enable, _ => NatTraversalMode.Disable }, Defaults.NatTraversal),
            Editor = new CommandEditor(text, t),
        };
    }

    /// <summary>seil3 "aes" is AES-128 (IIJ's converter rewrites it to aes128).</summary>
    private static string Aes(string value) => value == "aes" ? "aes128" : value;

    private static TimeSpan? Time(string value) => value != "system-default" && SeilTime.TryParseCommand(value, out var time) ? time : null;

    private Location Where(SeilToken token) => Location.InText(text, token.Span);

    private Seil3Command? Find(Seil3Command from, string option, Seil3CommandKind kind, string command)
    {
        if (from.Option(option) is not { } reference)
        {
            return null;
        }
        var name = reference.Value.Split(',')[0];
        var found = commands.LastOrDefault(c => c.Kind == kind && c.Name?.Value == name);
        if (found is null)
        {
            diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Where(reference.Values[^1]), reference.Value, $"{option}",
                new LocalizedText($"there is no '{command} {name}' in this config", $"この設定に '{command} {name}' がありません")));
        }
        return found;
    }

    private void CheckAddress(SeilToken token, string what)
    {
        if (Seil3Values.Address.Check(token.Value) is { } problem)
        {
            diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Where(token), token.Value, what, problem.Reason));
        }
    }

    private Located<T> Value<T>(Seil3Command? command, string option, Func<string, T> parse, T fallback) =>
        command?.Option(option) is { } o ? Located<T>.At(parse(o.Value), Where(o.Values[^1])) : Located<T>.Default(fallback);

    private Located<T> Value<T>(Seil3Command? command, string option, Func<string, T?> parse, T fallback) where T : struct =>
        command?.Option(option) is { } o && parse(o.Value) is { } v ? Located<T>.At(v, Where(o.Values[^1])) : Located<T>.Default(fallback);

    private ListValues<T> List<T>(Seil3Command? command, string option, IReadOnlyList<string> defaults, Func<string, T?> map) where T : struct
    {
        if (command?.Option(option) is { } o)
        {
            return new ListValues<T>([.. o.Value.Split(',').Select(map).Where(v => v is not null).Select(v => v!.Value)], Where(o.Values[^1]));
        }
        return new ListValues<T>([.. defaults.Select(d => map(d)!.Value)], null);
    }

    private Located<T> Global<T>(string parameter, Func<string, T?> parse, T fallback) where T : struct =>
        commands.LastOrDefault(c => c.Kind == Seil3CommandKind.IkeGlobal && c.Name!.Value == parameter)?.Option(parameter) is { } o
        && parse(o.Value) is { } v
            ? Located<T>.At(v, Where(o.Values[^1]))
            : Located<T>.Default(fallback);

    private Located<Initiation> Initiation(Seil3Command peer)
    {
        var responderOnly = peer.Option("responder-only");
        if (responderOnly is { Value: "on" })
        {
            return Located<Initiation>.At(Model.Initiation.RespondOnly, Where(responderOnly.Values[^1]));
        }
        var auto = commands.LastOrDefault(c => c.Kind == Seil3CommandKind.IkeGlobal && c.Name!.Value == "auto-initiation")?.Option("auto-initiation");
        if (auto is { Value: "disable" })
        {
            return Located<Initiation>.At(Model.Initiation.RespondOnly, Where(auto.Values[^1]));
        }
        return responderOnly is null
            ? Located<Initiation>.Default(Model.Initiation.Start)
            : Located<Initiation>.At(Model.Initiation.Start, Where(responderOnly.Values[^1]));
    }

    private Located<IkeIdentity?> Identity(Seil3Command peer, string option, SeilToken? address)
    {
        var addressIdentity = address is not null && IPAddress.TryParse(address.Value, out var ip) ? IkeIdentity.Address(ip) : null;
        if (peer.Option(option) is not { } o)
        {
            return Located<IkeIdentity?>.Default(addressIdentity);
        }
        return o.Values[0].Value switch
        {
            "fqdn" => Located<IkeIdentity?>.At(new IkeIdentity(IdentityType.Fqdn, o.Values[1].Value), Where(o.Values[1])),
            "user-fqdn" => Located<IkeIdentity?>.At(new IkeIdentity(IdentityType.UserFqdn, o.Values[1].Value), Where(o.Values[1])),
            _ => Located<IkeIdentity?>.At(addressIdentity, Where(o.Values[0])),
        };
    }

    private Located<Secret?> PresharedKey(Seil3Tunnel t)
    {
        if (t.PresharedKey is { } psk)
        {
            return Located<Secret?>.At(new Secret(psk.Arguments[1].Value), Where(psk.Arguments[1]));
        }
        return t.Peer.Option("preshared-key") is { } o
            ? Located<Secret?>.At(new Secret(o.Value), Where(o.Values[^1]))
            : Located<Secret?>.Default(null);
    }

    private Located<IReadOnlyList<ProxyId>> ProxyIds(Seil3Command? sa)
    {
        var local = sa?.Option("proxy-id-local");
        var remote = sa?.Option("proxy-id-remote");
        if (local is null && remote is null)
        {
            return Located<IReadOnlyList<ProxyId>>.Default([ProxyId.AnyToAny]);
        }
        var pair = new ProxyId(Network(local) ?? ProxyId.AnyIPv4, Network(remote) ?? ProxyId.AnyIPv4);
        return Located<IReadOnlyList<ProxyId>>.At([pair], Where((local ?? remote)!.Values[^1]));
    }

    /// <summary>One proxy-id per security policy: src is the local side, dst the remote; "any" is 0.0.0.0/0.</summary>
    private Located<IReadOnlyList<ProxyId>> PolicyProxyIds(IReadOnlyList<Seil3Command> policies)
    {
        var pairs = new List<ProxyId>();
        foreach (var policy in policies)
        {
            // An interface as src (e.g. "lan0") stands for its address, which a command config may not show.
            if (PolicySelectors.Network(policy.RawValue("src")) is { } local && PolicySelectors.Network(policy.RawValue("dst")) is { } remote)
            {
                // racoon sends the policy's protocol and ports in the Quick Mode IDs.
                pairs.Add(new ProxyId(local, remote, PolicySelectors.Protocol(policy.RawValue("protocol")),
                    PolicySelectors.Port(policy.RawValue("srcport")), PolicySelectors.Port(policy.RawValue("dstport"))));
            }
        }
        return pairs.Count == 0
            ? Located<IReadOnlyList<ProxyId>>.Default([ProxyId.AnyToAny])
            : Located<IReadOnlyList<ProxyId>>.At(pairs, Where(policies[0].Options["src"].Values[0]));
    }

    internal static IPNetwork? Network(Seil3Option? option) =>
        option is not null && option.Value != "any" && SeilValues.TryParsePrefix(option.Value, AddressFamily.InterNetwork, out var n, out _, out _) ? n : null;
}
