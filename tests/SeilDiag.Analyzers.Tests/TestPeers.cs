using System.Net;
using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Analyzers.Tests;

/// <summary>An editor that records what the analyzers asked for; its edits insert a marker line so they can be applied.</summary>
internal sealed class RecordingEditor(SourceText document, string displayPrefix) : IConfigEditor
{
    public List<(string Op, string Key, string Value)> Calls { get; } = [];

    public string DisplayKey(string key) => displayPrefix + key;

    public IReadOnlyList<TextEdit> Set(string key, string value)
    {
        Calls.Add(("set", key, value));
        return [TextEdit.Insert(document, 0, $"{key}={value}\n")];
    }

    public IReadOnlyList<TextEdit> Remove(string key)
    {
        Calls.Add(("remove", key, ""));
        return [TextEdit.Insert(document, 0, $"-{key}\n")];
    }

    public IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values)
    {
        Calls.Add(("setlist", listKey, string.Join(",", values)));
        return [TextEdit.Insert(document, 0, $"{listKey}={string.Join(",", values)}\n")];
    }
}

/// <summary>
/// A hand-built end for unit tests. Unset values take the daemon's defaults (marked IsDefault like the
/// front-ends do); set values are located on their own line of a synthetic document so locations can be checked.
/// </summary>
internal sealed record PeerSpec
{
    public PeerVendor Vendor { get; init; }
    public string Name { get; init; } = "";
    public string Path { get; init; } = "";
    public string? Local { get; init; }
    public string? Remote { get; init; }
    public string? KeyExchange { get; init; }
    public ExchangeMode? Mode { get; init; }
    public AuthMethod? Auth { get; init; }
    public IkeIdentity? LocalId { get; init; }
    public IkeIdentity? RemoteId { get; init; }
    public string? Psk { get; init; }
    public bool PskKnown { get; init; } = true;
    public IReadOnlyList<Phase1Proposal>? Phase1 { get; init; }
    public IReadOnlyList<Phase2Proposal>? Phase2 { get; init; }
    public IReadOnlyList<ProxyId>? ProxyIds { get; init; }
    public Initiation? Initiation { get; init; }
    public TimeSpan? Phase1Lifetime { get; init; }
    public TimeSpan? Phase2Lifetime { get; init; }
    public CheckLevel? CheckLevel { get; init; }
    public bool? Dpd { get; init; }
    public NatTraversalMode? Nat { get; init; }
    public bool? AggressiveAllowed { get; init; }

    public static PeerSpec SeilEnd(string local = "10.0.0.1", string remote = "10.0.0.2", string path = "seil.conf") => new()
    {
        Vendor = PeerVendor.Seil, Name = "interface.ipsec0", Path = path, Local = local, Remote = remote, Psk = "seil-key",
        ProxyIds = [Proxy("192.168.1.0/24", "192.168.2.0/24")],
    };

    public static PeerSpec SwanEnd(string local = "10.0.0.2", string remote = "10.0.0.1", string path = "ipsec.conf", string name = "conn to-seil") => new()
    {
        // keyexchange=ikev1 as every SEIL peer needs (and the seed's conn %default sets).
        Vendor = PeerVendor.StrongSwan, Name = name, Path = path, Local = local, Remote = remote, Psk = "seil-key", KeyExchange = "ikev1",
        Phase1 = [P1("aes256", "sha256", "modp1536")],
        ProxyIds = [Proxy("192.168.2.0/24", "192.168.1.0/24")],
        Initiation = Model.Initiation.RespondOnly,
    };

    public static ProxyId Proxy(string local, string remote) => new(IPNetwork.Parse(local), IPNetwork.Parse(remote));

    public static Phase1Proposal P1(string enc, string hash, string group) =>
        new(IkeNames.CipherFromSeil(enc)!.Cipher, IkeNames.HashFromSeil(hash)!.Hash, IkeNames.GroupFromSeil(group)!.Group);

    public static Phase2Proposal P2(string enc, string integrity, string? pfs = null) =>
        new(IkeNames.CipherFromSeil(enc)!.Cipher, IkeNames.IntegrityFromSeil(integrity)!.Integrity, pfs is null ? DhGroup.None : IkeNames.GroupFromSeil(pfs)!.Group);

    /// <summary>SEIL (seil8) defaults: aes256/aes128/3des × sha256/sha1 with modp1536; ESP aes256/aes128/3des × hmac-sha256/hmac-sha1.</summary>
    public static IReadOnlyList<Phase1Proposal> SeilDefaultPhase1 { get; } =
        [.. from e in new[] { "aes256", "aes128", "3des" } from h in new[] { "sha256", "sha1" } select P1(e, h, "modp1536")];

    public static IReadOnlyList<Phase2Proposal> SeilDefaultPhase2 { get; } =
        [.. from e in new[] { "aes256", "aes128", "3des" } from i in new[] { "hmac-sha256", "hmac-sha1" } select P2(e, i)];

    /// <summary>A reduced strongSwan 5.9 default (what matters here: AES, SHA-1/SHA-2, MODP ≥ 2048, no MD5, no PFS in ESP).</summary>
    public static IReadOnlyList<Phase1Proposal> StrongSwanDefaultPhase1 { get; } =
        [.. from e in new[] { "aes128", "aes192", "aes256", "3des" } from h in new[] { "sha256", "sha384", "sha512", "sha1" } from g in new[] { "modp3072", "modp4096", "modp2048" } select P1(e, h, g)];

    public static IReadOnlyList<Phase2Proposal> StrongSwanDefaultPhase2 { get; } =
        [.. from e in new[] { "aes128", "aes192", "aes256" } from i in new[] { "hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1" } select P2(e, i)];

    public PeerConfig Build()
    {
        var text = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"{Name} line {i}")) + "\n";
        var document = new SourceText(Path, text);
        Location L(int line) => Location.OnLine(document, line);
        Located<T> At<T>(T value, int line) => Located<T>.At(value, L(line));
        var isSeil = Vendor == PeerVendor.Seil;
        var phase1Lifetime = Phase1Lifetime ?? (isSeil ? TimeSpan.FromSeconds(86400) : TimeSpan.FromHours(3));
        var phase1 = Phase1 is null
            ? Located<IReadOnlyList<Phase1Proposal>>.Default(isSeil ? SeilDefaultPhase1 : StrongSwanDefaultPhase1)
            : At(Phase1, 5);
        return new PeerConfig
        {
            Name = Name,
            Vendor = Vendor,
            Document = document,
            Definition = L(1),
            LocalAddress = Local is null ? Located<string?>.Default("%any") : At<string?>(Local, 2),
            RemoteAddress = Remote is null ? Located<string?>.Default("%any") : At<string?>(Remote, 3),
            KeyExchange = KeyExchange is null ? Located<string>.Default(isSeil ? "ikev1" : "ike") : At(KeyExchange, 4),
            ExchangeMode = Mode is null ? Located<ExchangeMode>.Default(ExchangeMode.Main) : At(Mode.Value, 6),
            AuthMethod = Auth is null ? Located<AuthMethod>.Default(AuthMethod.PreSharedKey) : At(Auth.Value, 7),
            LocalIdentity = LocalId is null ? Located<IkeIdentity?>.Default(null) : At<IkeIdentity?>(LocalId, 8),
            RemoteIdentity = RemoteId is null ? Located<IkeIdentity?>.Default(null) : At<IkeIdentity?>(RemoteId, 9),
            PreSharedKey = Psk is null ? Located<Secret?>.Default(null) : At<Secret?>(new Secret(Psk), 10),
            PreSharedKeyKnown = PskKnown,
            Phase1Proposals = phase1,
            Phase2Proposals = Phase2 is null
                ? Located<IReadOnlyList<Phase2Proposal>>.Default(isSeil ? SeilDefaultPhase2 : StrongSwanDefaultPhase2)
                : At(Phase2, 11),
            ProxyIds = ProxyIds is null ? Located<IReadOnlyList<ProxyId>>.Default([ProxyId.AnyToAny]) : At(ProxyIds, 12),
            Initiation = Initiation is null ? Located<Initiation>.Default(Model.Initiation.Start) : At(Initiation.Value, 13),
            Phase1Lifetime = Phase1Lifetime is null ? Located<TimeSpan>.Default(phase1Lifetime) : At(phase1Lifetime, 14),
            Phase2Lifetime = Phase2Lifetime is null ? Located<TimeSpan>.Default(isSeil ? TimeSpan.FromHours(8) : TimeSpan.FromHours(1)) : At(Phase2Lifetime.Value, 15),
            CheckLevel = !isSeil ? null : CheckLevel is null ? Located<CheckLevel>.Default(Model.CheckLevel.Obey) : At(CheckLevel.Value, 16),
            Dpd = Dpd is null ? Located<DpdSettings>.Default(new DpdSettings(isSeil, TimeSpan.FromSeconds(20))) : At(new DpdSettings(Dpd.Value, TimeSpan.FromSeconds(20)), 17),
            NatTraversal = Nat is null ? Located<NatTraversalMode>.Default(NatTraversalMode.Enable) : At(Nat.Value, 18),
            AggressivePskAllowed = AggressiveAllowed is null ? null : At(AggressiveAllowed.Value, 19),
            Editor = new RecordingEditor(document, isSeil ? "interface.ipsec0." : $"{Name}: "),
        };
    }
}

internal static class Run
{
    public static IkeModel Model(params PeerConfig[] peers)
    {
        var model = new IkeModel();
        model.Peers.AddRange(peers);
        model.Documents.AddRange(peers.Select(p => p.Document).Distinct());
        return model;
    }

    public static IReadOnlyList<Diagnostic> All(params PeerConfig[] peers) => AnalysisContext.Run(Model(peers), ConfigAnalyzers.All);

    public static IReadOnlyList<Diagnostic> Pair(PeerSpec a, PeerSpec b) => All(a.Build(), b.Build());

    public static IReadOnlyList<Diagnostic> Errors(this IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    public static IReadOnlyList<Diagnostic> OfRule(this IReadOnlyList<Diagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();

    public static Diagnostic Single(this IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        var found = diagnostics.OfRule(id);
        Assert.True(found.Count == 1, $"expected exactly one {id}, got {found.Count}: {string.Join(" | ", diagnostics.Select(d => d.ToString()))}");
        return found[0];
    }

    public static string Dump(this IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
