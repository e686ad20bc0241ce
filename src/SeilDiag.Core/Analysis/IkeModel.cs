using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Analysis;

/// <summary>
/// Everything the front-ends found, in one place: the documents, the configured peers of every dialect, and
/// (from logs and captures) the observed IKE SAs. Analyzers read only this model, never the front-ends.
/// </summary>
public sealed class IkeModel
{
    public List<SourceText> Documents { get; } = [];

    public List<PeerConfig> Peers { get; } = [];

    public List<ObservedIkeSa> ObservedSas { get; } = [];
}
