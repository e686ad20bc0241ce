using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>
/// The fast paths added for throughput must give what the general code gives: the charon "NN[GRP]" fast path vs the
/// tail search (3-digit threads, levels, a tail not followed by a space), the plain-digit IKE_SA id vs int.TryParse,
/// and the shared (cached) proposal and payload lists vs a fresh parse.
/// </summary>
public sealed class HotPathTests
{
    [Theory]
    [InlineData("Jan 01 00:00:00 09[IKE] <to-seil|12> sending DPD request", 9, "IKE", -1, "to-seil", 12)]
    [InlineData("Jan 01 00:00:00 31[IKE1] <seil-a|3> sending DPD request", 31, "IKE", 1, "seil-a", 3)]
    [InlineData("Jan 01 00:00:00 105[IKE] <7> sending DPD request", 105, "IKE", -1, null, 7)]
    [InlineData("Jan 01 00:00:00 09[XYZ] <a|b|+42> sending DPD request", 9, "XYZ", -1, "a|b", 42)]
    [InlineData("Jan 01 00:00:00 09[IKE] <a|12x> sending DPD request", 9, "IKE", -1, "a", 0)]
    [InlineData("Jan 01 00:00:00 09[IKE] <a|12345678901> sending DPD request", 9, "IKE", -1, "a", 0)]
    public void CharonTailAndIkeSaId(string line, int thread, string group, int level, string? conn, int id)
    {
        var p = LinePrefixParser.Parse(line, new YearTracker());
        Assert.Equal(LogDaemon.Charon, p.Daemon);
        Assert.Equal(LogFormat.CharonFile, p.Format);
        Assert.Equal(thread, p.Thread);
        Assert.Equal(group, p.Group);
        Assert.Equal(level, p.Level);
        Assert.Equal(conn, p.ConnName);
        Assert.Equal(id, p.UniqueId);
        Assert.Equal("sending DPD request", line[p.MessageStart..]);
    }

    [Fact]
    public void TailGluedToTextIsNotACharonTail()
    {
        // "09[IKE]x" is not a tail (the fast path must fall back to the search, which rejects it too).
        var p = LinePrefixParser.Parse("Jan 01 00:00:00 09[IKE]x sending DPD request", new YearTracker());
        Assert.NotEqual(LogDaemon.Charon, p.Daemon);
    }

    [SkippableFact]
    public void SharedProposalListsEqualAFreshParse()
    {
        var path = SharedFiles.Require("corpus", "lab", "03-phase1-dh-mismatch", "remote-charon.log");
        var lists = File.ReadLines(path)
            .Select(l => l.IndexOf("proposals: ", StringComparison.Ordinal) is var i and >= 0 ? l[(i + "proposals: ".Length)..] : null)
            .OfType<string>().ToList();
        Assert.NotEmpty(lists);
        foreach (var text in lists)
        {
            var first = LogGrammar.ParseProposals(text);
            // A copy of the text (another string instance) must hit the same entry and give the same proposals.
            var again = LogGrammar.ParseProposals(new string(text.AsSpan()));
            Assert.Same(first, again);
            Assert.Equal(LogGrammar.ParseProposalsGrammar(text).Select(p => p.ToString()), first.Select(p => p.ToString()));
        }
    }

    [Fact]
    public void SharedPayloadListsKeepNotifiesPerList()
    {
        Assert.True(LogGrammar.TryMessageSummary("INFORMATIONAL_V1 request 3 [ HASH N(DPD) ]", out var dpd));
        Assert.True(LogGrammar.TryMessageSummary("ID_PROT response 0 [ SA V V V ]", out var sa));
        Assert.True(LogGrammar.TryMessageSummary("INFORMATIONAL_V1 request 9 [ HASH N(DPD) ]", out var dpd2));
        Assert.Equal(["HASH", "N(DPD)"], dpd.Payloads);
        Assert.Equal(["SA", "V", "V", "V"], sa.Payloads);
        Assert.Same(dpd.Payloads, dpd2.Payloads);
        Assert.Equal(9u, dpd2.MessageId);
        Assert.True(sa.Response);
        Assert.False(LogGrammar.TryMessageSummary("ID_PROT response 0 [", out _));
        Assert.False(LogGrammar.TryMessageSummary("ID_PROT reply 0 [ SA ]", out _));
    }

    [Theory]
    [InlineData("waiting for 1 checks", true)]
    [InlineData("activating new tasks", true)]
    [InlineData("queueing QUICK_MODE task", true)]
    [InlineData("10.0.0.1 is initiating a Main Mode IKE_SA", false)]
    [InlineData("a10.0.0.1 is initiating a Aggressive Mode IKE_SA", false)]
    [InlineData("abc QUICK_MODE request with message ID 7 processing failed", false)]
    [InlineData("   sha256_96=no", true)]
    [InlineData("  192.168.1.0/24", false)]
    [InlineData("  fe80::1/64", false)]
    [InlineData("  :/", false)]
    [InlineData("  ::/0", false)]
    [InlineData("  ab/cd x", true)]
    [InlineData(" config: 192.168.1.0/24, received: 0.0.0.0/0 => match: 192.168.1.0/24", false)]
    [InlineData("   no acceptable ENCRYPTION_ALGORITHM found", false)]
    [InlineData("    ", true)]
    [InlineData("abc", true)]
    [InlineData("received packet: from 1.2.3.4[500] to 5.6.7.8[500] (100 bytes)", false)]
    [InlineData("Starting IKE charon daemon (strongSwan 5.9.8, Linux)", false)]
    [InlineData("loaded plugins: charon aes des", true)]
    [InlineData("looking for pre-shared key peer configs matching 10.0.0.2...10.0.0.1[10.0.0.1]", false)]
    [InlineData("local host is behind NAT, sending keep alives", false)]
    public void UncataloguedOnBytesOnlyWhenClassifyIsNull(string message, bool uncatalogued)
    {
        Assert.Equal(uncatalogued, CharonCatalog.IsUncatalogued(System.Text.Encoding.ASCII.GetBytes(message)));
        if (uncatalogued)
        {
            Assert.Null(CharonCatalog.Classify(message));
        }
    }

    [SkippableFact]
    public void UncataloguedOnBytesAgreesWithClassifyOnTheLabLogs()
    {
        var lab = SharedFiles.Require("corpus", "lab");
        var checkedLines = 0;
        foreach (var path in Directory.GetFiles(lab, "*.log", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(path))
            {
                // Every suffix stands for a message start: the prefix parser's offset does not matter here.
                for (var start = 0; start < Math.Min(line.Length, 60); start++)
                {
                    var message = line[start..];
                    if (message.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
                    {
                        break;
                    }
                    if (CharonCatalog.IsUncatalogued(System.Text.Encoding.ASCII.GetBytes(message)))
                    {
                        Assert.Null(CharonCatalog.Classify(message));
                        checkedLines++;
                    }
                }
            }
        }
        Assert.True(checkedLines > 1000);
    }
}
