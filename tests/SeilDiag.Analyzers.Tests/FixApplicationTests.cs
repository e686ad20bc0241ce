using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.StrongSwan;
using SeilDiag.Tests;
using SeilDiag.Text;

namespace SeilDiag.Analyzers.Tests;

/// <summary>
/// Applying the preferred fix of a failing pair, re-parsing the edited files and checking again leaves no
/// error (and the fixed rule gone) — for every rule with a fix, on real lab configs through the strongSwan
/// front-end's editor.
/// </summary>
public class FixApplicationTests
{
    public static TheoryData<string, string, string> FailingLabs => new()
    {
        { "03-phase1-dh-mismatch", "SD1001", "" },
        { "04-phase2-md5-rejected", "SD2001", "" },
        { "04-phase2-md5-rejected", "SD4001", "HMAC_MD5_96" },
        { "05-ts-mismatch", "SD2003", "" },
        { "05-ts-mismatch/disjoint", "SD2003", "" },
        { "06-aggressive-psk-refused", "SD1004", "" },
        { "07-aggressive-forced", "SD4002", "" },
        { "09-id-mismatch", "SD1003", "" },
        { "15-strongswan-defaults", "SD1001", "" },
        { "15-strongswan-defaults", "SD4001", "MODP_768" },
    };

    [SkippableTheory]
    [MemberData(nameof(FailingLabs))]
    public void Preferred_fix_makes_the_pair_clean(string scenario, string ruleId, string messagePart)
    {
        var dir = SharedFiles.Require("corpus", "lab", scenario);
        var texts = new[] { "seil.ipsec.conf", "remote.ipsec.conf" }.ToDictionary(f => Path.Combine(dir, f), f => File.ReadAllText(Path.Combine(dir, f)));
        var before = Analyze(texts);
        var target = before.First(d => d.Id == ruleId && d.Message.Contains(messagePart, StringComparison.Ordinal));
        var fix = target.Fixes.First(f => !f.IsAdvice);
        Assert.Equal(FixSafety.KeepsSecurity, fix.Safety);

        var after = new Dictionary<string, string>(texts);
        foreach (var group in fix.Edits.GroupBy(e => e.Path))
        {
            var result = FixApplier.Apply(after[group.Key], group);
            Assert.Empty(result.Skipped);
            after[group.Key] = result.NewText;
        }
        Assert.NotEqual(texts, after);
        var diagnostics = Analyze(after);
        var dump = $"fix: {fix.Title}\n" + string.Join("\n", after.Select(kv => kv.Value)) + "\n" + diagnostics.Dump();
        if (ruleId is "SD4001" or "SD4002")
        {
            // A lint fix removes its finding and brings in no new error (the pair may have other problems).
            Assert.DoesNotContain(diagnostics, d => d.Id == ruleId && d.Message == target.Message && d.Location?.Path == target.Location?.Path);
            Assert.True(diagnostics.Errors().Select(d => d.Id).Distinct().All(id => before.Errors().Any(b => b.Id == id)), dump);
        }
        else
        {
            Assert.True(diagnostics.Errors().Count == 0, dump);
            Assert.DoesNotContain(diagnostics, d => d.Id == ruleId);
        }
    }

    private static IReadOnlyList<Diagnostic> Analyze(Dictionary<string, string> files)
    {
        var model = new IkeModel();
        foreach (var (path, text) in files)
        {
            var config = StrongSwanFrontEnd.Load(new SourceText(path, text));
            Assert.DoesNotContain(config.Diagnostics, d => d.Severity == Severity.Error);
            model.Peers.AddRange(config.Peers);
            model.Documents.AddRange(config.Documents);
        }
        return AnalysisContext.Run(model, ConfigAnalyzers.All);
    }
}
