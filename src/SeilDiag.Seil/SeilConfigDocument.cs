using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil;

/// <summary>
/// A parsed SEIL config (seil8 recipe or seil3 commands): the lossless line tree, what was wrong with it, the
/// IPsec peers it defines (one per <c>interface.ipsecN</c> / seil3 tunnel interface, and one per policy-based peer:
/// seil8 <c>ike.peer.N</c>, seil3 <c>ike peer add</c> without a tunnel interface) and its static routes.
/// </summary>
public sealed class SeilConfigDocument
{
    public required SourceText Text { get; init; }

    /// <summary>True for seil3 command syntax ("ike peer add ..."), false for seil8 recipe ("key: value").</summary>
    public required bool IsCommandSyntax { get; init; }

    /// <summary>One node per physical line; their full texts concatenate to the input.</summary>
    public required IReadOnlyList<SeilLine> Lines { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required IReadOnlyList<PeerConfig> Peers { get; init; }

    public required IReadOnlyList<SeilRoute> Routes { get; init; }

    /// <summary>The effective global IKE parameters (seil8 <c>ike.*</c>, seil3 <c>ike &lt;param&gt;</c>), by parameter name.</summary>
    public IReadOnlyDictionary<string, Located<string>> GlobalIke { get; init; } = new Dictionary<string, Located<string>>();

    /// <summary>The text of every line concatenated: equal to the input (the tree is lossless).</summary>
    public string ToFullString() => string.Concat(Lines.Select(l => l.ToFullString()));
}
