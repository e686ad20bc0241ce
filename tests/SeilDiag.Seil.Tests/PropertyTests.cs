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
        // seil8 policy-based keys, so random configs reach the policy-based peer builder too.
        "peer.", "address", "ipsec.", "security-association.", "security-association", "sa0.", "sa0", "security-policy.", "source.address",
        "remote-address", "local-address", "address-type", "dynamic", "static", "pfs-group", "any", "ge1",
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

    [Property(MaxTest = 1000)]
    public bool Fast_path_agrees_with_the_grammar(int[] picks)
    {
        var line = Compose(picks ?? []).Replace("\r", "").Replace("\n", "");
        if (!Syntax.RecipeFastPath.TryParse(line, out var fast))
        {
            return true;
        }
        var slow = Sprache.ParserExtensions.TryParse(Syntax.RecipeLineGrammar.Line, line);
        return slow.WasSuccessful
               && fast.Segments.Select(s => (s.Value, s.Start, s.Length)).SequenceEqual(slow.Value.Segments.Select(s => (s.Value, s.Start, s.Length)))
               && (fast.ColonAt, fast.ValueStart, fast.ValueEnd, fast.Value, fast.IsQuoted)
                  == (slow.Value.ColonAt, slow.Value.ValueStart, slow.Value.ValueEnd, slow.Value.Value, slow.Value.IsQuoted);
    }

    [Property(MaxTest = 1000)]
    public bool Command_fast_path_agrees_with_the_grammar(int[] picks)
    {
        var line = Compose(picks ?? []).Replace("\r", "").Replace("\n", "");
        var fast = Syntax.CommandParser.SplitUnquoted(line);
        if (fast is null)
        {
            return true;
        }
        var slow = Syntax.CommandParser.ParseWithGrammar(line);
        return slow is not null && fast.Select(p => (p.Value, p.Start, p.Length)).SequenceEqual(slow.Select(p => (p.Value, p.Start, p.Length)));
    }

    [Fact]
    public void Fast_path_answers_for_the_seed_lines_and_agrees()
    {
        foreach (var line in new[]
                 {
                     "interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.local  : 192.168.1.0/24",
                     "interface.ge0.ipv4.address: 10.0.0.1/24 # seildiag-disable SD0002",
                     "  interface.ipsec0.ipv6.destination:\t2001:db8::2  ",
                     "route.ipv4.1.destination:   : 192.168.2.0/24",
                 })
        {
            Assert.True(Syntax.RecipeFastPath.TryParse(line, out var fast), line);
            var slow = Sprache.ParserExtensions.TryParse(Syntax.RecipeLineGrammar.Line, line);
            Assert.True(slow.WasSuccessful);
            Assert.Equal((fast.ColonAt, fast.ValueStart, fast.ValueEnd, fast.Value), (slow.Value.ColonAt, slow.Value.ValueStart, slow.Value.ValueEnd, slow.Value.Value));
        }
        Assert.False(Syntax.RecipeFastPath.TryParse("interface.ge0.description: \"quoted\"", out _));
        Assert.False(Syntax.RecipeFastPath.TryParse("interface.ge0..mtu: 1", out _));
    }

    [Property(MaxTest = 200)]
    public bool Editor_edits_apply_cleanly_one_operation_at_a_time(int[] picks)
    {
        var text = "interface.ipsec0.ipv4.destination : 10.0.0.2\n" + Compose(picks ?? []);
        var operations = new Func<Model.IConfigEditor, IReadOnlyList<Diagnostics.TextEdit>>[]
        {
            e => e.Set("ike.proposal.phase1.dh-group", "modp2048"),
            e => e.SetList("ike.proposal.phase2.authentication", ["hmac-sha256", "hmac-sha1"]),
            e => e.SetList("ike.proposal.phase1.encryption", ["aes128"]),
            e => e.Remove("ike.responder-only"),
        };
        foreach (var operation in operations)
        {
            var document = SeilFrontEnd.Parse(SourceText.From(text));
            var peer = document.Peers.FirstOrDefault(p => p.Name == "interface.ipsec0");
            if (peer is null)
            {
                return true; // the random tail can turn line 1 into a duplicate or error; nothing to edit then
            }
            var result = FixApplier.Apply(text, operation(peer.Editor));
            if (result.Skipped.Count > 0)
            {
                return false;
            }
            text = result.NewText;
        }
        return true;
    }
}
