using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Seil.Editing;
using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// Builds one <see cref="PeerConfig"/> per <c>interface.ipsecN</c> (routing-based) and per <c>ike.peer.N</c>
/// (policy-based, RecipePeerBuilder.Policy.cs) from the effective seil8 settings, filling every value the user left
/// out with the seil8 default (<see cref="SeilDefaults.Seil8"/>).
/// </summary>
internal sealed partial class RecipePeerBuilder(SourceText text, IReadOnlyList<SeilLine> lines, IReadOnlyDictionary<string, EffectiveSetting> settings, List<Diagnostic> diagnostics)
{
    private static readonly SeilDefaults Defaults = SeilDefaults.Seil8;

    public IReadOnlyList<PeerConfig> Build()
    {
        var interfaces = settings.Values
            .Where(s => s.Key.StartsWith("interface.", StringComparison.Ordinal))
            .Select(s => (Name: s.Line.Key.Segments[1].Text, s.Line.LineNumber))
            .Where(x => RecipeSchema.IsIpsecInterface(x.Name))
            .GroupBy(x => x.Name)
            .Select(g => (Name: g.Key, FirstLine: g.Min(x => x.LineNumber)))
            .OrderBy(x => x.FirstLine);
        // Each peer reads only its own settings (a config may have many interfaces and long lists).
        var byInterface = settings.Values
            .Where(s => s.Key.StartsWith("interface.", StringComparison.Ordinal))
            .GroupBy(s => s.Line.Key.Segments[1].Text)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EffectiveSetting>)[.. g]);
        return [.. interfaces.Select(i => BuildPeer(i.Name, i.FirstLine, byInterface[i.Name])), .. BuildPolicyPeers()];
    }

    private PeerConfig BuildPeer(string name, int firstLine, IReadOnlyList<EffectiveSetting> own)
    {
        var prefix = $"interface.{name}.";
        var peer = new PeerScope(text, settings, prefix, own);

        var source = peer.Get("ipv4.source") ?? peer.Get("ipv6.source");
        var destination = peer.Get("ipv4.destination") ?? peer.Get("ipv6.destination");
        var group = peer.Parse("ike.proposal.phase1.dh-group", v => IkeNames.GroupFromSeil(v)?.Group, DhGroup.Modp1536);
        var phase1Lifetime = peer.Parse("ike.proposal.phase1.lifetime", Time, Defaults.Phase1Lifetime);
        var pfs = peer.Parse("ike.proposal.phase2.pfs-group", v => IkeNames.GroupFromSeil(v)?.Group, DhGroup.None);

        var phase1Encryption = peer.List("ike.proposal.phase1.encryption", Defaults.Phase1Encryption, v => IkeNames.CipherFromSeil(v)?.Cipher);
        var phase1Hash = peer.List("ike.proposal.phase1.hash", Defaults.Phase1Hash, v => IkeNames.HashFromSeil(v)?.Hash);
        var phase2Encryption = peer.List("ike.proposal.phase2.encryption", Defaults.Phase2Encryption, v => IkeNames.CipherFromSeil(v)?.Cipher);
        var phase2Integrity = peer.List("ike.proposal.phase2.authentication", Defaults.Phase2Authentication, v => IkeNames.IntegrityFromSeil(v)?.Integrity);

        var phase1 = ProposalExpansion.Phase1(phase1Encryption.Values, phase1Hash.Values, group.Value, phase1Lifetime.Value);
        var phase1Where = FirstSet(phase1Encryption.Where, phase1Hash.Where, group.Where, phase1Lifetime.Where);
        var phase2 = ProposalExpansion.Phase2(phase2Encryption.Values, phase2Integrity.Values, pfs.Value);
        var phase2Where = FirstSet(phase2Encryption.Where, phase2Integrity.Where, pfs.Where);

        var dpdInterval = Global("ike.dpd-interval", Time, Defaults.DpdInterval);
        var dpdMaxFail = Global("ike.dpd-maxfail", v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, Defaults.DpdMaxFail);
        var dpd = peer.Parse("ike.dpd", v => v == "enable", true);

        return new PeerConfig
        {
            Name = $"interface.{name}",
            Vendor = PeerVendor.Seil,
            Document = text,
            Definition = Location.OnLine(text, firstLine),
            LocalAddress = source is null ? Located<string?>.Default(null) : Located<string?>.At(source.Value, peer.Where(source)),
            RemoteAddress = destination is null ? Located<string?>.Default(null) : Located<string?>.At(destination.Value, peer.Where(destination)),
            ExchangeMode = peer.Parse("ike.exchange-mode", v => v == "aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main, ExchangeMode.Main),
            LocalIdentity = Identity(peer, "ike.my-identifier", source),
            RemoteIdentity = Identity(peer, "ike.peers-identifier", destination),
            PreSharedKey = peer.Get("preshared-key") is { } psk
                ? Located<Secret?>.At(new Secret(psk.Value), peer.Where(psk))
                : Located<Secret?>.Default(null),
            Phase1Proposals = phase1Where is null ? Located<IReadOnlyList<Phase1Proposal>>.Default(phase1) : Located<IReadOnlyList<Phase1Proposal>>.At(phase1, phase1Where),
            Phase2Proposals = phase2Where is null ? Located<IReadOnlyList<Phase2Proposal>>.Default(phase2) : Located<IReadOnlyList<Phase2Proposal>>.At(phase2, phase2Where),
            ProxyIds = ProxyIds(peer),
            Initiation = Initiation(peer, "ike.responder-only"),
            Phase1Lifetime = phase1Lifetime,
            Phase2Lifetime = peer.Parse("ike.proposal.phase2.lifetime-of-time", Time, Defaults.Phase2Lifetime),
            Phase2LifetimeBytes = peer.Parse("ike.proposal.phase2.lifetime-of-byte", v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null, (long?)null),
            CheckLevel = peer.Parse("ike.check-level", v => Enum.Parse<CheckLevel>(v, ignoreCase: true), Defaults.CheckLevel),
            Dpd = new Located<DpdSettings>(new DpdSettings(dpd.Value, dpdInterval.Value, dpdInterval.Value * dpdMaxFail.Value), dpd.Where, dpd.IsDefault),
            NatTraversal = peer.Parse("nat-traversal", v => v == "force" ? NatTraversalMode.Force : NatTraversalMode.Enable, Defaults.NatTraversal),
            Editor = new RecipeEditor(text, lines, name),
        };
    }

    private static TimeSpan? Time(string value) => SeilTime.TryParseRecipe(value, out var time) ? time : null;

    private static Location? FirstSet(params Location?[] locations) =>
        locations.Where(l => l is not null).OrderBy(l => l!.Span!.Value.Start).FirstOrDefault();

    private Located<T> Global<T>(string key, Func<string, T?> parse, T fallback) where T : struct =>
        settings.TryGetValue(key, out var s) && s.IsValid && parse(s.Value) is { } v
            ? Located<T>.At(v, Location.InText(text, s.Line.ValueSpan))
            : Located<T>.Default(fallback);

    private Located<Initiation> Initiation(PeerScope peer, string responderOnlyKey)
    {
        var responderOnly = peer.Get(responderOnlyKey);
        if (responderOnly is { Value: "enable" })
        {
            return Located<Initiation>.At(Model.Initiation.RespondOnly, peer.Where(responderOnly));
        }
        if (settings.TryGetValue("ike.auto-initiation", out var auto) && auto is { IsValid: true, Value: "disable" })
        {
            return Located<Initiation>.At(Model.Initiation.RespondOnly, Location.InText(text, auto.Line.ValueSpan));
        }
        return responderOnly is null
            ? Located<Initiation>.Default(Model.Initiation.Start)
            : Located<Initiation>.At(Model.Initiation.Start, peer.Where(responderOnly));
    }

    private Located<IkeIdentity?> Identity(PeerScope peer, string side, EffectiveSetting? address)
    {
        var type = peer.Get($"{side}.type");
        switch (type?.Value ?? "address")
        {
            case "fqdn" or "user-fqdn":
                var kind = type!.Value == "fqdn" ? IdentityType.Fqdn : IdentityType.UserFqdn;
                if (peer.Get($"{side}.{type.Value}") is { } value)
                {
                    return Located<IkeIdentity?>.At(new IkeIdentity(kind, value.Value), peer.Where(value));
                }
                diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, peer.Where(type), type.Value, type.Line.Key.Text,
                    new LocalizedText($"'{peer.Prefix}{side}.{type.Value}' is not set", $"'{peer.Prefix}{side}.{type.Value}' が設定されていません")));
                return Located<IkeIdentity?>.At(null, peer.Where(type));
            default:
                var identity = address is not null && IPAddress.TryParse(address.Value, out var ip) ? IkeIdentity.Address(ip) : null;
                return type is null ? Located<IkeIdentity?>.Default(identity) : Located<IkeIdentity?>.At(identity, peer.Where(type));
        }
    }

    private static Located<IReadOnlyList<ProxyId>> ProxyIds(PeerScope peer)
    {
        var local = peer.Get("ike.proposal.phase2.proxy-id.ipv4.local");
        var remote = peer.Get("ike.proposal.phase2.proxy-id.ipv4.remote");
        // S4: with no proxy-id SEIL sends 0.0.0.0/0 <-> 0.0.0.0/0, protocol any; an unset side stays 0.0.0.0/0.
        if (local is null && remote is null)
        {
            return Located<IReadOnlyList<ProxyId>>.Default([ProxyId.AnyToAny]);
        }
        var pair = new ProxyId(Network(local) ?? ProxyId.AnyIPv4, Network(remote) ?? ProxyId.AnyIPv4);
        return Located<IReadOnlyList<ProxyId>>.At([pair], peer.Where(local ?? remote!));
    }

    private static IPNetwork? Network(EffectiveSetting? setting) =>
        setting is not null && SeilValues.TryParsePrefix(setting.Value, AddressFamily.InterNetwork, out var network, out _, out _) ? network : null;
}
