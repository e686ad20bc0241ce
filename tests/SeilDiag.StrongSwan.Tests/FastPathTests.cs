using FsCheck;
using FsCheck.Fluent;
using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>The span scanner for ordinary ipsec.conf lines gives exactly the Sprache grammar's tokens wherever it answers.</summary>
public class FastPathTests
{
    /// <summary>One line (no line break) made of the pieces the grammar cares about, often starting like a header or a parameter.</summary>
    private static Arbitrary<string> LineLikeText()
    {
        var starts = Gen.Elements("", "conn ", "config ", "ca ", "conn\t", "  ", "\t", "    ", " \t", "#", "  #", "include ", "  include ", "connx ", "version ");
        var fragments = Gen.Elements("conn", "setup", "%default", "also", "=", " = ", " ", "  ", "\t", "\"", "\\", "#", "@#", "@",
            "ike", "esp", "aes256-sha256-modp2048!", "left", "right_x", "a.b", "10.0.0.1", "/24", "auto", "add", "x", "é", "日本", ":", "{", "\v", "=x");
        return starts.SelectMany(start => Gen.ListOf(fragments).Select(parts => start + string.Concat(parts))).ToArbitrary();
    }

    private static bool Agrees(string lineText, out bool answered)
    {
        var text = SourceText.From(lineText + "\n", "ipsec.conf");
        var content = text.GetLineSpan(1);
        var tokens = new List<IpsecConfToken>();
        answered = text[content].Trim(' ', '\t').Length > 0
                   && IpsecConfFastPath.TryScan(text.Text.AsSpan(content.Start, content.Length), content.Start, tokens, out _);
        if (!answered)
        {
            return true;
        }
        var viaFastPath = IpsecConfLineParser.ParseLine(text, 1);
        var viaGrammar = IpsecConfLineParser.ParseLineWithGrammar(text, 1);
        return viaFastPath.Kind == viaGrammar.Kind
               && viaFastPath.Tokens.SequenceEqual(viaGrammar.Tokens)
               && viaFastPath.ErrorMessage is null && viaGrammar.ErrorMessage is null;
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Scanner_agrees_with_the_grammar() =>
        Prop.ForAll(LineLikeText(), line => Agrees(line.Replace("\r", "").Replace("\n", ""), out _));

    [Theory]
    [InlineData("conn site0")]
    [InlineData("conn %default # the defaults")]
    [InlineData("config setup")]
    [InlineData("ca strongswan#x")]
    [InlineData("    left=10.0.0.1")]
    [InlineData("\tike = aes256-sha256-modp2048!  # comment")]
    [InlineData("  leftsubnet=192.168.0.0/24,10.1.0.0/16 ")]
    [InlineData("  rightid=")]
    [InlineData("  rightid=   ")]
    [InlineData("  rightid= #none")]
    [InlineData("  also=a b\tc")]
    [InlineData("  esp=aes128#x")]
    [InlineData("# a comment")]
    [InlineData("   #indented comment")]
    public void Scanner_answers_ordinary_lines_like_the_grammar(string line)
    {
        Assert.True(Agrees(line, out var answered));
        Assert.True(answered, line);
    }

    [Theory]
    [InlineData("  leftid=\"CN=a b\"")]
    [InlineData("  leftid=@#0102")]
    [InlineData("include /etc/ipsec.d/*.conf")]
    [InlineData("  include x.conf")]
    [InlineData("conn a b")]
    [InlineData("connx a")]
    [InlineData("left=10.0.0.1")]
    [InlineData("  left 10.0.0.1")]
    [InlineData("version 2")]
    public void Scanner_leaves_the_rest_to_the_grammar(string line)
    {
        var text = SourceText.From(line, "ipsec.conf");
        var content = text.GetLineSpan(1);
        Assert.False(IpsecConfFastPath.TryScan(text.Text.AsSpan(content.Start, content.Length), content.Start, [], out _));
    }
}
