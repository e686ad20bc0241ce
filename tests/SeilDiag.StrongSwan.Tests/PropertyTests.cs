using FsCheck;
using FsCheck.Fluent;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>Whatever the text, the front-end answers with diagnostics, never an exception, and loses no byte of ipsec.conf.</summary>
public class PropertyTests
{
    /// <summary>Lines made of the characters ipsec.conf syntax cares about, so the grammar's corners are hit often.</summary>
    private static Arbitrary<string> ConfLikeText()
    {
        var fragments = Gen.Elements("conn", "config", "setup", "ca", "include", "%default", "also", "=", " ", "\t", "\"", "\\", "#", "@#", "\n", "\r\n", "\r",
            "ike", "esp", "aes256", "-", "sha256", "modp1536", "!", ",", "left", "right", "10.0.0.1", "/24", "auto", "add", "x", "é", ":", "PSK", "{", "}");
        return Gen.ListOf(fragments).Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnyTextLoadsAndRoundTrips() =>
        Prop.ForAll(ConfLikeText(), text =>
        {
            var config = StrongSwanFrontEnd.Load(SourceText.From(text, "ipsec.conf"), SourceText.From(text, "ipsec.secrets"), SourceText.From(text, "strongswan.conf"), _ => null);
            var roundTrip = config.IpsecConf.Documents[0].ToFullString();
            var located = config.Diagnostics.All(d => d.Location is { Span: { } span } && span.End <= text.Length);
            _ = StrongSwanFrontEnd.ScoreIpsecConf(SourceText.From(text)) + StrongSwanFrontEnd.ScoreSecrets(SourceText.From(text)) + StrongSwanFrontEnd.ScoreStrongSwanConf(SourceText.From(text));
            return roundTrip == text && located;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnyProposalStringParsesWithoutException() =>
        Prop.ForAll(ConfLikeText(), text =>
        {
            var ike = Proposals.StrongSwanProposals.ParseIke(text);
            var esp = Proposals.StrongSwanProposals.ParseEsp(text);
            return ike.Errors.All(e => e.Offset >= 0 && e.Offset + e.Length <= text.Length + 1)
                   && esp.Errors.All(e => e.Offset >= 0 && e.Offset + e.Length <= text.Length + 1);
        });
}
