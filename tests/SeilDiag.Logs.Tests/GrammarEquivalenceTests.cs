using SeilDiag.Logs.Events;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>The span-based hot-path parsers agree with the Sprache reference grammars on every lab log line.</summary>
public sealed class GrammarEquivalenceTests
{
    [SkippableFact]
    public void ProposalListsEndpointsAndPayloadListsParseTheSameBothWays()
    {
        var lab = SharedFiles.Require("corpus", "lab");
        int proposals = 0, endpoints = 0, summaries = 0;
        foreach (var file in Directory.GetFiles(lab, "*-charon.log", SearchOption.AllDirectories).Where(f => !f.EndsWith("-keys.log", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                var p = line.IndexOf("proposals: ", StringComparison.Ordinal);
                if (p < 0) p = line.IndexOf("proposal: ", StringComparison.Ordinal) is var q && q >= 0 ? q - 1 : -1;
                if (p >= 0)
                {
                    var text = line[(line.IndexOf(": ", p, StringComparison.Ordinal) + 2)..];
                    var fast = LogGrammar.ParseProposals(text).Select(x => x.ToString()).ToList();
                    var reference = LogGrammar.ParseProposalsGrammar(text).Select(x => x.ToString()).ToList();
                    Assert.NotEmpty(fast);
                    Assert.Equal(reference, fast);
                    proposals++;
                }
                var from = line.IndexOf("packet: from ", StringComparison.Ordinal);
                if (from >= 0 && line.EndsWith(" bytes)", StringComparison.Ordinal))
                {
                    var host = line[(from + 13)..line.IndexOf(" to ", from, StringComparison.Ordinal)];
                    Assert.True(LogGrammar.TryEndpoint(host, out var a));
                    Assert.True(LogGrammar.TryEndpointGrammar(host, out var b));
                    Assert.Equal(b, a);
                    endpoints++;
                }
                var gen = line.IndexOf("[ENC] ", StringComparison.Ordinal) is var enc && enc >= 0 ? line.IndexOf("> generating ", enc, StringComparison.Ordinal) : -1;
                if (gen < 0 && enc >= 0) gen = line.IndexOf("> parsed ", enc, StringComparison.Ordinal);
                if (gen >= 0)
                {
                    var body = line[(line.IndexOf(' ', gen + 2) + 1)..];
                    Assert.True(LogGrammar.TryMessageSummary(body, out var fast));
                    var reference = LogGrammar.ParseMessageSummaryGrammar(body);
                    Assert.Equal(reference.Exchange, fast.Exchange);
                    Assert.Equal(reference.MessageId, fast.MessageId);
                    Assert.Equal(reference.Payloads, fast.Payloads);
                    summaries++;
                }
            }
        }
        Assert.True(proposals > 100 && endpoints > 300 && summaries > 300, $"{proposals} {endpoints} {summaries}");
        Assert.False(LogGrammar.TryEndpoint("10.0.0.1[abc]", out _));
        Assert.False(LogGrammar.TryEndpointGrammar("10.0.0.1[abc]", out _));
        Assert.Empty(LogGrammar.ParseProposals("IKE:AES CBC"));
    }
}
