using SeilDiag.Ike;
using SeilDiag.Text;

namespace SeilDiag.Model;

/// <summary>Which daemon a configuration is for.</summary>
public enum PeerVendor
{
    /// <summary>IIJ SEIL (modified KAME racoon).</summary>
    Seil,
    StrongSwan,
}

/// <summary>Who starts the negotiation: SEIL responder-only / strongSwan auto=add only respond.</summary>
public enum Initiation
{
    /// <summary>Initiates on its own (SEIL default, strongSwan auto=start).</summary>
    Start,
    /// <summary>Initiates when traffic needs the tunnel (strongSwan auto=route, SEIL on demand).</summary>
    OnTraffic,
    /// <summary>Only answers (SEIL ike.responder-only: enable, strongSwan auto=add).</summary>
    RespondOnly,
    /// <summary>Not loaded at all (strongSwan auto=ignore).</summary>
    Ignore,
}

public enum NatTraversalMode
{
    Disable,
    /// <summary>Use NAT-T when a NAT is detected (the default on both daemons).</summary>
    Enable,
    /// <summary>Always encapsulate (SEIL nat-traversal: force, strongSwan forceencaps=yes).</summary>
    Force,
}

/// <summary>racoon's proposal_check / SEIL ike.check-level: how the responder treats the initiator's lifetime and PFS.</summary>
public enum CheckLevel
{
    /// <summary>Accept the initiator's values (seil8 default).</summary>
    Obey,
    /// <summary>Accept a shorter lifetime, refuse a longer one (seil3 default).</summary>
    Strict,
    /// <summary>Like strict, but answer with the own shorter lifetime (RESPONDER-LIFETIME).</summary>
    Claim,
    /// <summary>Lifetimes must be equal.</summary>
    Exact,
}

/// <summary>Dead peer detection as configured on one end.</summary>
public sealed record DpdSettings(bool Enabled, TimeSpan Interval, TimeSpan? Timeout = null, string? Action = null);

/// <summary>
/// One end's configuration of one tunnel, whatever the dialect: a SEIL interface.ipsecN (or seil3 peer) or a
/// strongSwan conn with %default and also= resolved. Every value remembers where it was set, or that it is
/// the daemon's default. This is the model the configuration analyzers compare.
/// </summary>
public sealed class PeerConfig
{
    /// <summary>The name users know it by: "interface.ipsec0", "peer 10.0.0.2", "conn to-seil".</summary>
    public required string Name { get; init; }

    public required PeerVendor Vendor { get; init; }

    /// <summary>The document this peer is defined in (fixes edit it).</summary>
    public required SourceText Document { get; init; }

    /// <summary>Where the peer is defined (the first line of the conn, the first interface.ipsecN line).</summary>
    public Diagnostics.Location? Definition { get; init; }

    /// <summary>Local tunnel endpoint: an address, or strongSwan's %any / %defaultroute / a host name.</summary>
    public Located<string?> LocalAddress { get; init; }

    public Located<string?> RemoteAddress { get; init; }

    /// <summary>ikev1, ikev2 or both ("ike"); SEIL routing-based IPsec here is IKEv1.</summary>
    public Located<string> KeyExchange { get; init; } = Located<string>.Default("ikev1");

    public Located<ExchangeMode> ExchangeMode { get; init; } = Located<ExchangeMode>.Default(Ike.ExchangeMode.Main);

    public Located<AuthMethod> AuthMethod { get; init; } = Located<AuthMethod>.Default(Ike.AuthMethod.PreSharedKey);

    public Located<IkeIdentity?> LocalIdentity { get; init; }

    /// <summary>The identity this end expects from the other; %any accepts every identity.</summary>
    public Located<IkeIdentity?> RemoteIdentity { get; init; }

    /// <summary>The PSK this end will use for the peer (selected from ipsec.secrets for strongSwan); null = none found.</summary>
    public Located<Secret?> PreSharedKey { get; init; }

    /// <summary>
    /// False when the secrets could not be looked at (strongSwan without its ipsec.secrets): then a null
    /// <see cref="PreSharedKey"/> means "unknown", not "missing", and PSK checks say "unverifiable".
    /// </summary>
    public bool PreSharedKeyKnown { get; init; } = true;

    /// <summary>Phase-1 transforms in preference order (SEIL: the cross product; strongSwan: ike= expanded, defaults appended unless strict).</summary>
    public Located<IReadOnlyList<Phase1Proposal>> Phase1Proposals { get; init; }

    /// <summary>Phase-2 transforms in preference order; a PFS group is part of each transform.</summary>
    public Located<IReadOnlyList<Phase2Proposal>> Phase2Proposals { get; init; }

    /// <summary>The Quick Mode IDs this end proposes / accepts (local side first).</summary>
    public Located<IReadOnlyList<ProxyId>> ProxyIds { get; init; }

    public Located<Initiation> Initiation { get; init; } = Located<Initiation>.Default(Model.Initiation.Start);

    public Located<TimeSpan> Phase1Lifetime { get; init; }

    public Located<TimeSpan> Phase2Lifetime { get; init; }

    public Located<long?> Phase2LifetimeBytes { get; init; }

    /// <summary>racoon's check-level; null for strongSwan (it accepts any lifetime).</summary>
    public Located<CheckLevel>? CheckLevel { get; init; }

    public Located<DpdSettings> Dpd { get; init; }

    public Located<NatTraversalMode> NatTraversal { get; init; } = Located<NatTraversalMode>.Default(NatTraversalMode.Enable);

    /// <summary>strongSwan only: charon.i_dont_care_about_security_and_use_aggressive_mode_psk from strongswan.conf (null = file not given).</summary>
    public Located<bool>? AggressivePskAllowed { get; init; }

    /// <summary>Turns semantic changes into text edits in this peer's own dialect.</summary>
    public required IConfigEditor Editor { get; init; }

    public override string ToString() => $"{Vendor} {Name}";
}
