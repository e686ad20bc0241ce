using FsCheck.Xunit;
using SeilDiag.Fixes;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>
/// Random SEIL-flavoured texts (fragments of keys, values, quotes, colons and line breaks in any order): the
/// front-end never throws, the tree reproduces the text, every diagnostic points into the text, and editor
/// edits never overlap.
/// </summary>
public class PropertyTests
{
    private static readonly string[] Fragments =
    [
        "interface.", "ipsec0.", "ipsec1.", "ike.", "proposal.", "phase1.", "phase2.", "encryption.", "authentication.", "0.", "100.", "algorithm",
        "dh-group", "lifetime", "proxy-id.ipv4.remote", "ipv4.destination", "responder-only", "preshared-key", ":", " : ", " ", "  ", "\t",
        "\"", "\\", "\n", "\r\n", "\r", "#", "!", "aes256", "aes", "modp1024", "10.0.0.1", "192.168.2.0/24", "/24", "::1", "8h", "1d",
        "route.ipv4.1.", "destination", "gateway", "ike peer add ", "address ", "interface ipsec0 tunnel ", "ike proposal add P ", "Interface.", "é", "本社",
    ];

    private static string Compose(int[] picks) =>
        string.Concat(picks.Select(p => Fragments[(int)((uint)p % (uint)Fragments.Length)]));

    [Property(MaxTest = 300)]
    public bool Parsing_never_throws_and_round_trips(int[] picks)
    {
        var text = Compose(picks ?? []);
        var source = SourceText.From(text);
        var document = SeilFrontEnd.Parse(source);
        var score = SeilFrontEnd.Score(source);
        return document.ToFullString() == text
               && score is >= 0 and <= 1
               && document.Diagnostics.All(d => d.Location?.Span is { } span && span.Start >= 0 && span.End <= text.Length);
    }

    [Property(MaxTest = 200)]
    public bool Editor_edits_apply_cleanly(int[] picks)
    {
        var text = "interface.ipsec0.ipv4.destination : 10.0.0.2\n" + Compose(picks ?? []);
        var document = SeilFrontEnd.Parse(SourceText.From(text));
        foreach (var peer in document.Peers)
        {
            var edits = peer.Editor.Set("ike.proposal.phase1.dh-group", "modp2048")
                .Concat(peer.Editor.SetList("ike.proposal.phase2.authentication", ["hmac-sha256", "hmac-sha1"]))
                .ToList();
            var result = FixApplier.Apply(text, edits);
            if (result.Skipped.Count > 0)
            {
                return false;
            }
            SeilFrontEnd.Parse(SourceText.From(result.NewText));
        }
        return true;
    }
}
