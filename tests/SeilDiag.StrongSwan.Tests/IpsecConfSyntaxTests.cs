using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class IpsecConfSyntaxTests
{
    [SkippableFact]
    public void SeedArticleIpsecConfBlocksParseWithoutErrorsAndRoundTrip()
    {
        var blocks = TestInputs.SeedBlocks("ipsec.conf");
        Assert.True(blocks.Count >= 5, $"expected the article's ipsec.conf blocks, found {blocks.Count}");
        foreach (var block in blocks)
        {
            var text = SourceText.From(block, "seed-ipsec.conf");
            var config = StrongSwanFrontEnd.Load(text, readFile: _ => null);
            Assert.DoesNotContain(config.Diagnostics, d => d.Id is "SD0001" or "SD0002" or "SD0003" or "SD0004");
            Assert.Equal(block, config.IpsecConf.Documents[0].ToFullString());
            var seil = Assert.Single(config.Conns);
            Assert.Equal("seil", seil.Name);
            // authby/keyexchange come from conn %default in the article.
            Assert.Equal("secret", seil.Value("authby"));
            Assert.Equal("%default", seil.Get("keyexchange")!.From.Name);
        }
    }

    [SkippableFact]
    public void EveryLabIpsecConfParsesWithoutErrorsAndRoundTripsByteForByte()
    {
        var count = 0;
        foreach (var path in TestInputs.LabConfs())
        {
            var text = TestInputs.Read(path);
            var config = StrongSwanFrontEnd.Load(text, readFile: _ => null);
            Assert.True(config.Diagnostics.All(d => d.Id is not ("SD0001" or "SD0002" or "SD0003" or "SD0004")),
                path + ": " + string.Join("; ", config.Diagnostics));
            Assert.Equal(File.ReadAllText(path), config.IpsecConf.Documents[0].ToFullString());
            Assert.Single(config.Peers);
            count++;
        }
        Assert.True(count >= 30, $"expected the lab's 30+ ipsec.conf files, found {count}");
    }

    [Fact]
    public void TokensCoverEveryLineExactlyInOrder()
    {
        const string text = "config setup\r\n  uniqueids = yes # trailing\r\n\r\n# comment\r\nconn \"a b\"\r\n\tleftid=\"C=JP, O=IIJ\"   # dn\r\n\tike=aes256-sha256-modp1536!\r\n\tesp=\r\n";
        var document = IpsecConfDocument.Parse(SourceText.From(text));
        var position = 0;
        foreach (var token in document.Lines.SelectMany(l => l.Tokens))
        {
            Assert.Equal(position, token.Span.Start);
            position = token.Span.End;
        }
        Assert.Equal(text.Length, position);
        Assert.Equal(text, document.ToFullString());
    }

    [Fact]
    public void ParameterWithBlanksAroundEqualsQuotedValueAndTrailingComment()
    {
        var document = IpsecConfDocument.Parse(SourceText.From("conn x\n    leftid = \"C=JP, CN=seil\"  # the DN\n    right=10.0.0.1#no blank\n"));
        var leftid = document.Lines[1];
        Assert.Equal(IpsecConfLineKind.Parameter, leftid.Kind);
        Assert.Equal("leftid", leftid.Key);
        Assert.Equal("C=JP, CN=seil", leftid.Value);
        Assert.True(leftid.ValueIsQuoted);
        Assert.Equal("C=JP, CN=seil", document.Text[leftid.ValueSpan]);
        Assert.Equal("# the DN", leftid.Text(IpsecConfTokenKind.Comment));
        var right = document.Lines[2];
        Assert.Equal("10.0.0.1", right.Value);
        Assert.Equal("#no blank", right.Text(IpsecConfTokenKind.Comment));
    }

    [Fact]
    public void EmptyValueResetsAndHasAnEmptySpanAfterTheEqualsSign()
    {
        var document = IpsecConfDocument.Parse(SourceText.From("conn x\n\tesp=\n"));
        var line = document.Lines[1];
        Assert.Equal(IpsecConfLineKind.Parameter, line.Kind);
        Assert.Equal("", line.Value);
        Assert.Null(line.RawValueSpan);
        Assert.Equal(new TextSpan(12, 0), line.ValueSpan);
    }

    [Theory]
    [InlineData("leftsubnet=10.0.0.0/8\n")]
    [InlineData("  conn indented\n")]
    [InlineData("conn two names\n")]
    [InlineData("\tjust words without equals\n")]
    public void MalformedLinesAreKeptAsErrorLines(string line)
    {
        var text = "conn ok\n\tleft=10.0.0.1\n" + line + "conn after\n\tright=10.0.0.2\n";
        var document = IpsecConfDocument.Parse(SourceText.From(text));
        var error = Assert.Single(document.Lines, l => l.Kind == IpsecConfLineKind.Error);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.ErrorMessage);
        Assert.Equal(text, document.ToFullString());
        Assert.Equal(2, document.Lines.Count(l => l.Kind == IpsecConfLineKind.SectionHeader));
    }
}

public class IpsecConfLexerDetailTests
{
    [Fact]
    public void EscapedQuoteInsideAQuotedValue()
    {
        var document = IpsecConfDocument.Parse(SourceText.From("conn a\n\trightid=\"CN=say \\\"hi\\\"\" # c\n"));
        var line = document.Lines[1];
        Assert.Equal(IpsecConfLineKind.Parameter, line.Kind);
        Assert.Equal("CN=say \"hi\"", line.Value);
        Assert.Equal("# c", line.Text(IpsecConfTokenKind.Comment));
    }

    [Fact]
    public void IndentedIncludeIsAnInclude()
    {
        var files = new Dictionary<string, string>
        {
            ["/etc/ipsec.conf"] = "conn a\n\tleft=10.0.0.2\n\tinclude a.more\n",
            ["/etc/a.more"] = "\tright=10.0.0.1\n",
        };
        var config = StrongSwanFrontEnd.Load(SourceText.From(files["/etc/ipsec.conf"], "/etc/ipsec.conf"), null, null, TestInputs.Files(files));
        Assert.Empty(config.Diagnostics);
        Assert.Equal("/etc/a.more", config.Conns.Single().Get("right")!.Location.Path);
    }
}
