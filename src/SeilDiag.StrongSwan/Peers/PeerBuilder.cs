using System.Globalization;
using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.StrongSwan.Proposals;
using SeilDiag.StrongSwan.Secrets;
using SeilDiag.StrongSwan.Settings;

namespace SeilDiag.StrongSwan.Peers;

/// <summary>
/// Turns a resolved conn into the dialect-free <see cref="PeerConfig"/>, filling strongSwan 5.9's defaults where the
/// conn says nothing (ipsec.conf(5)): keyexchange=ike, authby=pubkey, auto=ignore, ikelifetime=3h, lifetime=1h,
/// rekeymargin=9m, dpdaction=none (no DPD in IKEv1), dpddelay=30s, dpdtimeout=150s, leftid/rightid = the addresses.
/// </summary>
public static class PeerBuilder
{
    public static readonly TimeSpan DefaultIkeLifetime = TimeSpan.FromHours(3);
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultRekeyMargin = TimeSpan.FromMinutes(9);
    public static readonly TimeSpan DefaultDpdDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultDpdTimeout = TimeSpan.FromSeconds(150);

    public static PeerConfig Build(StrongSwanConn conn, SecretsDocument? secrets, StrongSwanConfDocument? settings)
    {
        var left = conn.Get("left");
        var right = conn.Get("right");
        var localAddress = left is null ? Located<string?>.Default("%any") : Located<string?>.At(left.Value, left.Location);
        var remoteAddress = right is null ? Located<string?>.Default("%any") : Located<string?>.At(right.Value, right.Location);

        var localIdentity = Identity(conn.Get("leftid"), localAddress);
        var remoteIdentity = Identity(conn.Get("rightid"), remoteAddress);
        var auth = AuthMethodOf(conn);
        var ikeLifetime = Time(conn.Get("ikelifetime"), DefaultIkeLifetime);
        var lifetime = Time(conn.Get("lifetime"), DefaultLifetime);

        return new PeerConfig
        {
            Name = $"conn {conn.Name}",
            Vendor = PeerVendor.StrongSwan,
            Document = conn.Section.Header.Document,
            Definition = Location.OnLine(conn.Section.Header.Document, conn.Section.Header.Line),
            LocalAddress = localAddress,
            RemoteAddress = remoteAddress,
            KeyExchange = conn.Get("keyexchange") is { } kx ? Located<string>.At(kx.Value, kx.Location) : Located<string>.Default("ike"),
            ExchangeMode = conn.Get("aggressive") is { } aggressive
                ? Located<ExchangeMode>.At(aggressive.Value == "yes" ? ExchangeMode.Aggressive : ExchangeMode.Main, aggressive.Location)
                : Located<ExchangeMode>.Default(ExchangeMode.Main),
            AuthMethod = auth,
            LocalIdentity = localIdentity,
            RemoteIdentity = remoteIdentity,
            PreSharedKey = SelectPsk(secrets, localIdentity.Value, remoteIdentity.Value),
            PreSharedKeyKnown = secrets is not null,
            Phase1Proposals = Phase1(conn, auth.Value, ikeLifetime.Value),
            Phase2Proposals = Phase2(conn),
            ProxyIds = ProxyIds(conn, localAddress.Value, remoteAddress.Value),
            Initiation = InitiationOf(conn),
            Phase1Lifetime = ikeLifetime,
            Phase2Lifetime = lifetime,
            Phase2LifetimeBytes = conn.Get("lifebytes") is { } bytes && long.TryParse(bytes.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? Located<long?>.At(count, bytes.Location) : Located<long?>.Default(null),
            CheckLevel = null,
            Dpd = Dpd(conn),
            NatTraversal = conn.Get("forceencaps") is { Value: "yes" } force
                ? Located<NatTraversalMode>.At(NatTraversalMode.Force, force.Location)
                : Located<NatTraversalMode>.Default(NatTraversalMode.Enable),
            AggressivePskAllowed = settings?.AggressivePskAllowed,
            Editor = new IpsecConfEditor(conn),
        };
    }

    /// <summary>leftid/rightid, or the address when not set (%any when the address is %any or a host name).</summary>
    private static Located<IkeIdentity?> Identity(ConnSetting? id, Located<string?> address)
    {
        if (id is not null)
        {
            return Located<IkeIdentity?>.At(IdentityParser.Parse(id.Value), id.Location);
        }
        var ip = IdentityParser.TryAddress(address.Value?.Split(',')[0].Trim());
        return Located<IkeIdentity?>.Default(ip is null ? IkeIdentity.AnyIdentity : IkeIdentity.Address(ip));
    }

    private static Located<Secret?> SelectPsk(SecretsDocument? secrets, IkeIdentity? me, IkeIdentity? other)
    {
        if (secrets is null)
        {
            return Located<Secret?>.Default(null);
        }
        var entry = secrets.FindSharedKey(me ?? IkeIdentity.AnyIdentity, other ?? IkeIdentity.AnyIdentity);
        return entry is null ? Located<Secret?>.Default(null) : Located<Secret?>.At(entry.Secret, entry.ValueLocation);
    }

    private static Located<AuthMethod> AuthMethodOf(StrongSwanConn conn)
    {
        if (conn.Get("authby") is { } authby)
        {
            var method = authby.Value switch
            {
                "secret" or "psk" => AuthMethod.PreSharedKey,
                "xauthpsk" => AuthMethod.XauthInitPreShared,
                "xauthrsasig" => AuthMethod.XauthInitRsa,
                "ecdsasig" or "ecdsa" => AuthMethod.EcdsaSha256,
                _ => AuthMethod.RsaSignature,
            };
            return Located<AuthMethod>.At(method, authby.Location);
        }
        if (conn.Get("leftauth") is { } leftauth)
        {
            var method = leftauth.Value.StartsWith("psk", StringComparison.Ordinal) || leftauth.Value == "secret"
                ? AuthMethod.PreSharedKey : AuthMethod.RsaSignature;
            return Located<AuthMethod>.At(method, leftauth.Location);
        }
        // ipsec.conf(5): authby defaults to pubkey.
        return Located<AuthMethod>.Default(AuthMethod.RsaSignature);
    }

    private static Located<TimeSpan> Time(ConnSetting? setting, TimeSpan fallback) =>
        setting is not null && TimeValue.TryParse(setting.Value, out var value)
            ? Located<TimeSpan>.At(value, setting.Location)
            : Located<TimeSpan>.Default(fallback);

    private static Located<IReadOnlyList<Phase1Proposal>> Phase1(StrongSwanConn conn, AuthMethod auth, TimeSpan lifetime)
    {
        var ike = conn.Get("ike");
        if (ike is null)
        {
            return Located<IReadOnlyList<Phase1Proposal>>.Default(StrongSwanProposals.ToPhase1(StrongSwanProposals.Defaults(ProposalProtocol.Ike), auth, lifetime));
        }
        var list = StrongSwanProposals.ParseIke(ike.Value);
        return Located<IReadOnlyList<Phase1Proposal>>.At(StrongSwanProposals.ToPhase1(list.Effective, auth, lifetime), ike.Location);
    }

    private static Located<IReadOnlyList<Phase2Proposal>> Phase2(StrongSwanConn conn)
    {
        var esp = conn.Get("esp");
        if (esp is null)
        {
            return Located<IReadOnlyList<Phase2Proposal>>.Default(StrongSwanProposals.ToPhase2(StrongSwanProposals.Defaults(ProposalProtocol.Esp)));
        }
        var list = StrongSwanProposals.ParseEsp(esp.Value);
        return Located<IReadOnlyList<Phase2Proposal>>.At(StrongSwanProposals.ToPhase2(list.Effective), esp.Location);
    }

    /// <summary>
    /// leftsubnet × rightsubnet; a side without a subnet is its host address (/32 or /128). A "[protocol/port]" after a
    /// subnet goes into the proxy-id: the protocol of either side (charon uses one per selector pair), each side's port.
    /// </summary>
    private static Located<IReadOnlyList<ProxyId>> ProxyIds(StrongSwanConn conn, string? left, string? right)
    {
        var leftSubnet = conn.Get("leftsubnet");
        var rightSubnet = conn.Get("rightsubnet");
        var locals = Selectors(leftSubnet?.Value, left);
        var remotes = Selectors(rightSubnet?.Value, right);
        var pairs = locals.SelectMany(l => remotes.Select(r =>
            new ProxyId(l.Network, r.Network, l.Protocol != 0 ? l.Protocol : r.Protocol, l.Port, r.Port))).ToList();
        var where = leftSubnet ?? rightSubnet;
        return where is null
            ? Located<IReadOnlyList<ProxyId>>.Default(pairs)
            : Located<IReadOnlyList<ProxyId>>.At(pairs, where.Location);
    }

    private static List<SubnetSelector> Selectors(string? subnets, string? host)
    {
        var result = new List<SubnetSelector>();
        if (subnets is not null)
        {
            foreach (var item in subnets.Split(',').Select(s => s.Trim()))
            {
                if (SubnetSelector.TryParse(item, out var selector))
                {
                    result.Add(selector);
                }
            }
            return result;
        }
        if (host is not null && SubnetSelector.TryParse(host.Split(',')[0].Trim(), out var hostSelector))
        {
            result.Add(hostSelector);
        }
        return result;
    }

    private static Located<Initiation> InitiationOf(StrongSwanConn conn)
    {
        if (conn.Get("auto") is not { } auto)
        {
            // ipsec.conf(5): auto defaults to ignore — the conn is not even loaded.
            return Located<Initiation>.Default(Initiation.Ignore);
        }
        var initiation = auto.Value switch
        {
            "start" => Initiation.Start,
            "route" => Initiation.OnTraffic,
            "add" => Initiation.RespondOnly,
            _ => Initiation.Ignore,
        };
        return Located<Initiation>.At(initiation, auto.Location);
    }

    private static Located<DpdSettings> Dpd(StrongSwanConn conn)
    {
        var action = conn.Get("dpdaction");
        var delay = Time(conn.Get("dpddelay"), DefaultDpdDelay);
        var timeout = Time(conn.Get("dpdtimeout"), DefaultDpdTimeout);
        var actionValue = action?.Value ?? "none";
        var settings = new DpdSettings(actionValue != "none", delay.Value, timeout.Value, actionValue);
        return action is null ? Located<DpdSettings>.Default(settings) : Located<DpdSettings>.At(settings, action.Location);
    }
}
