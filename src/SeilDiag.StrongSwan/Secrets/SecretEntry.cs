using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Secrets;

/// <summary>One selector of an ipsec.secrets entry (an identity the secret belongs to) and where it is written.</summary>
public sealed record SecretSelector(IkeIdentity Identity, string Text, TextSpan Span);

/// <summary>
/// One ipsec.secrets entry: "selectors : TYPE value". PSK, XAUTH and EAP values are decoded into a <see cref="Secret"/>;
/// other types (RSA, ECDSA, P12, PIN, ...) are kept as written but not interpreted. The value is never printed:
/// diagnostics point at <see cref="ValueLocation"/>.
/// </summary>
public sealed class SecretEntry
{
    public required SourceText Document { get; init; }

    public required int Line { get; init; }

    /// <summary>The selectors as written; empty for a selector-less entry (": PSK x"), which strongSwan treats as %any.</summary>
    public required IReadOnlyList<SecretSelector> Selectors { get; init; }

    /// <summary>The key type in upper case (PSK, RSA, XAUTH, ...).</summary>
    public required string Type { get; init; }

    public required TextSpan TypeSpan { get; init; }

    /// <summary>The raw value span (quotes included); empty span when no value was written.</summary>
    public required TextSpan ValueSpan { get; init; }

    /// <summary>The decoded shared secret for PSK/XAUTH/EAP/NTLM/PPK entries; null for key files and PINs.</summary>
    public Secret? Secret { get; init; }

    public Location ValueLocation => Location.InText(Document, ValueSpan);

    public Location Location => Location.OnLine(Document, Line);

    private IReadOnlyList<IkeIdentity>? _owners;

    /// <summary>The owners charon registers: the selectors, or %any when none are written (addresses in canonical form).</summary>
    public IReadOnlyList<IkeIdentity> Owners => _owners ??=
        Selectors.Count == 0 ? [IkeIdentity.AnyIdentity] : Selectors.Select(s => SecretSelection.Canonical(s.Identity)).ToList();

    public override string ToString() =>
        $"{Document.Path}:{Line}: {(Selectors.Count == 0 ? "(no selector)" : string.Join(' ', Selectors.Select(s => s.Text)))} : {Type} <redacted>";
}
