using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.StrongSwan.Secrets;
using SeilDiag.StrongSwan.Settings;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan;

/// <summary>What <see cref="StrongSwanFrontEnd.Load"/> found: the peers, the problems, the documents read, and the parsed files.</summary>
public sealed class StrongSwanConfig
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>One peer per conn (not %default); auto=ignore conns are kept with Initiation = Ignore.</summary>
    public required IReadOnlyList<PeerConfig> Peers { get; init; }

    /// <summary>Every document read: ipsec.conf and its includes, ipsec.secrets and its includes, strongswan.conf and its includes.</summary>
    public required IReadOnlyList<SourceText> Documents { get; init; }

    /// <summary>The conns with %default and also= resolved, each setting with the line it came from.</summary>
    public required IReadOnlyList<StrongSwanConn> Conns { get; init; }

    /// <summary>ipsec.conf as sections and lines (includes followed).</summary>
    public required IpsecConfTree IpsecConf { get; init; }

    public SecretsDocument? Secrets { get; init; }

    public StrongSwanConfDocument? StrongSwanConf { get; init; }
}
