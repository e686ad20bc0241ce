using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Secrets;

/// <summary>ipsec.secrets with its includes: the entries in reading order, the documents read, and the problems found.</summary>
public sealed class SecretsDocument
{
    public required IReadOnlyList<SourceText> Documents { get; init; }

    public required IReadOnlyList<SecretEntry> Entries { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The entry charon would use as shared key of <paramref name="type"/> between the two identities (see <see cref="SecretSelection"/>).</summary>
    public SecretEntry? FindSharedKey(IkeIdentity me, IkeIdentity other, string type = "PSK") =>
        SecretSelection.Select(Entries, me, other, type);
}
