using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Seil;
using SeilDiag.StrongSwan;
using SeilDiag.Tests;
using SeilDiag.Text;

namespace SeilDiag.Analyzers.Tests;

/// <summary>
/// The seed article's scenarios (docs/seed-scenarios.md) with the configs exactly as printed in the article,
/// through both real front-ends: the SEIL listing that starts at a given article line and the ipsec.conf that
/// follows it (plus the one ipsec.secrets line the article gives for all runs).
/// </summary>
public class SeedScenarioTests
{
    private const string Secrets = "10.0.0.1 : PSK xeeB5gohvaYi\n";

    internal static string Article() => File.ReadAllText(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));

    /// <summary>The SEIL listing: consecutive "interface."/"route." lines from <paramref name="line"/> on.</summary>
    internal static string SeilBlock(string article, int line) =>
        string.Concat(article.Split('\n').Skip(line - 1)
            .TakeWhile(l => l.StartsWith("interface.", StringComparison.Ordinal) || l.StartsWith("route.", StringComparison.Ordinal))
            .Select(l => l + "\n"));

    /// <summary>The first ipsec.conf listing after <paramref name="line"/>: "conn %default" up to the first blank line.</summary>
    internal static string IpsecConf(string article, int line) =>
        string.Concat(article.Split('\n').Skip(line - 1)
            .SkipWhile(l => !l.StartsWith("conn %default", StringComparison.Ordinal))
            .TakeWhile(l => l.Trim().Length > 0)
            .Select(l => l + "\n"));

    internal static IkeModel Model(string seil, string ipsecConf, string? secrets = Secrets)
    {
        var model = new IkeModel();
        var seilText = new SourceText("seil.conf", seil);
        var parsed = SeilFrontEnd.Parse(seilText);
        model.Peers.AddRange(parsed.Peers);
        model.Documents.Add(seilText);
        var swan = StrongSwanFrontEnd.Load(new SourceText("ipsec.conf", ipsecConf), secrets is null ? null : new SourceText("ipsec.secrets", secrets));
        model.Peers.AddRange(swan.Peers);
        model.Documents.AddRange(swan.Documents);
        return model;
    }

    private static (IkeModel Model, IReadOnlyList<Diagnostic> Diagnostics) Scenario(int seilLine, string? extraSeilLine = null)
    {
        var article = Article();
        var seil = SeilBlock(article, seilLine) + (extraSeilLine ?? "");
        var model = Model(seil, IpsecConf(article, seilLine));
        Assert.Equal(2, model.Peers.Count);
        return (model, AnalysisContext.Run(model, ConfigAnalyzers.All));
    }

    [SkippableFact]
    public void S1_minimal_tunnel_has_no_error_and_predicts_the_article_suite()
    {
        var (model, diagnostics) = Scenario(163);
        Assert.True(diagnostics.Count == 0, diagnostics.Dump());
        var prediction = TunnelPrediction.Predict(model).Single();
        var seilInitiates = prediction.Directions[0];
        Assert.Equal("SEIL → strongSwan", seilInitiates.Label);
        Assert.Equal(DirectionOutcome.Up, seilInitiates.Outcome);
        // Article: AES-CBC-256/SHA2-256/MODP-1536 in phase 1; ESP AES-CBC-256 + HMAC-SHA-256-128.
        Assert.StartsWith("SEIL → strongSwan: tunnel comes up with AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-256/HMAC-SHA-256-128", prediction.SummaryLines()[1]);
        Assert.Equal(Phase1.PskVerdict.Match, prediction.Psk);
    }

    [SkippableFact]
    public void S2_responder_only_seil_with_auto_start_works_and_strongswan_initiates()
    {
        var (model, diagnostics) = Scenario(246);
        Assert.True(diagnostics.Errors().Count == 0, diagnostics.Dump());
        var prediction = TunnelPrediction.Predict(model).Single();
        Assert.Contains("initiation: strongSwan starts the negotiation", prediction.SummaryLines());
    }

    [SkippableFact]
    public void S2_with_auto_add_nobody_initiates()
    {
        var article = Article();
        var conf = IpsecConf(article, 246).Replace("auto=start", "auto=add", StringComparison.Ordinal);
        var diagnostics = AnalysisContext.Run(Model(SeilBlock(article, 246), conf), ConfigAnalyzers.All);
        var d = diagnostics.Single("SD3001");
        Assert.Contains("SEIL is responder-only", d.Message);
        Assert.Contains("auto = start", d.Fixes[0].Title);
    }

    [SkippableFact]
    public void S3_dh_group_mismatch_with_a_fix_on_each_side()
    {
        var (_, diagnostics) = Scenario(292);
        var d = diagnostics.Single("SD1001");
        Assert.Contains("DH group: SEIL offers MODP_1024 only; strongSwan accepts MODP_1536 only", d.Message);
        Assert.Equal("seil.conf", d.Location!.Path);
        // The phase-1 proposal is located where the SEIL front-end says it starts (the phase1 keys, article lines 295-298).
        Assert.InRange(291 + d.Location.Line, 295, 298);
        // ... and more precisely the dh-group line, article line 298.
        Assert.Equal(298, 291 + d.Location.Line);
        Assert.Contains(d.AdditionalLocations, l => l.Path == "ipsec.conf");
        var seilFix = d.Fixes[0];
        Assert.Equal(FixSafety.KeepsSecurity, seilFix.Safety);
        Assert.Contains("interface.ipsec0.ike.proposal.phase1.dh-group = modp1536", seilFix.Title);
        var swanFix = d.Fixes.Single(f => f.Edits.Any(e => e.Path == "ipsec.conf"));
        Assert.Equal(FixSafety.WeakensSecurity, swanFix.Safety);
        Assert.Contains("modp1024", swanFix.Title);
        Assert.Contains(diagnostics.OfRule("SD4001"), w => w.Message.Contains("MODP_1024"));
    }

    [SkippableFact]
    public void S4_phase2_mismatch_names_hmac_md5()
    {
        var (_, diagnostics) = Scenario(602);
        var d = diagnostics.Single("SD2001");
        Assert.Contains("HMAC_MD5_96", d.Message);
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.authentication", d.Fixes[0].Title);
        Assert.Contains("hmac-sha256", d.Fixes[0].Title);
        Assert.Contains(d.Fixes, f => f.Safety == FixSafety.WeakensSecurity && f.Title.Contains("esp = aes256-md5!", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void S5_missing_proxy_id_is_fixed_on_seil_and_warns_against_any_to_any()
    {
        var (_, diagnostics) = Scenario(655);
        var d = diagnostics.OfRule("SD2003").Single(x => x.Message.Contains("SEIL → strongSwan", StringComparison.Ordinal));
        Assert.Contains("0.0.0.0/0 === 0.0.0.0/0", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt == "mismatched ID was returned.");
        var fix = d.Fixes[0];
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.local = 192.168.1.0/24", fix.Title);
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote = 192.168.2.0/24", fix.Title);
        Assert.Contains("leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0", fix.Explanation);
    }

    [SkippableFact]
    public void S10_aggressive_mode_is_refused_by_strongswan()
    {
        var (_, diagnostics) = Scenario(163, "interface.ipsec0.ike.exchange-mode : aggressive\n");
        var d = diagnostics.Single("SD1004");
        Assert.Contains("SEIL → strongSwan", d.Message);
        Assert.Contains("strongswan.conf was not given", d.Message);
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[^1].Safety);
        Assert.Single(diagnostics.OfRule("SD4002"));
    }

    /// <summary>A SEIL setting the article quotes inside a sentence (S8: "… lifetime : 60 を追加すると …"), as a config line.</summary>
    internal static string QuotedSeilLine(string article, string key, string value) =>
        System.Text.RegularExpressions.Regex.Match(article, System.Text.RegularExpressions.Regex.Escape(key) + @"\s*:\s*" + value + @"(?!\d)").Value + "\n";

    [SkippableTheory]
    [InlineData("interface.ipsec0.ike.proposal.phase1.lifetime", "phase-1 (IKE SA) lifetime of 60 s")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.lifetime-of-time", "phase-2 (IPsec SA) lifetime of 60 s")]
    public void S8_a_60_s_lifetime_is_info_at_its_line_and_leaves_the_default_algorithms_alone(string key, string expected)
    {
        var line = QuotedSeilLine(Article(), key, "60");
        Assert.EndsWith("60\n", line);
        var (model, diagnostics) = Scenario(163, line);
        var d = diagnostics.Single("SD3005");
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Contains(expected, d.Message);
        Assert.Equal(line.TrimEnd('\n'), model.Documents.Single(x => x.Path == "seil.conf").GetLineText(d.Location!.Line));
        // Only the lifetime is written: the SEIL default lists (with 3DES and SHA-1) are not the user's choice.
        Assert.True(diagnostics.OfRule("SD4001").Count == 0, diagnostics.Dump());
        Assert.Empty(diagnostics.Errors());
    }

    [SkippableFact]
    public void S9_forceencaps_is_nat_t_in_use_from_the_config()
    {
        var article = Article();
        // The article states the setting in a sentence ("forceencaps=yes を設定して"); it goes into the S1 conn.
        var setting = System.Text.RegularExpressions.Regex.Match(article, @"forceencaps=yes").Value;
        var conf = IpsecConf(article, 163).Replace("        auto=add", $"        {setting}\n        auto=add", StringComparison.Ordinal);
        var model = Model(SeilBlock(article, 163), conf);
        var diagnostics = AnalysisContext.Run(model, ConfigAnalyzers.All);
        var d = diagnostics.Single("SD3006");
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Equal("ipsec.conf", d.Location!.Path);
        Assert.Contains("forced by strongSwan", d.Message);
        Assert.Contains("SEIL follows", d.Message);
        Assert.Empty(diagnostics.OfRule("SD3005"));
        Assert.Empty(diagnostics.Errors());
        Assert.Contains(TunnelPrediction.Predict(model).Single().SummaryLines(), l => l.StartsWith("NAT-T: forced by strongSwan", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void S2_with_auto_add_each_fix_makes_somebody_initiate()
    {
        var article = Article();
        var seil = SeilBlock(article, 246);
        var conf = IpsecConf(article, 246).Replace("auto=start", "auto=add", StringComparison.Ordinal);
        var d = AnalysisContext.Run(Model(seil, conf), ConfigAnalyzers.All).Single("SD3001");
        Assert.Equal(2, d.Fixes.Count);
        foreach (var fix in d.Fixes)
        {
            var files = new Dictionary<string, string> { ["seil.conf"] = seil, ["ipsec.conf"] = conf };
            foreach (var group in fix.Edits.GroupBy(e => e.Path))
            {
                var result = FixApplier.Apply(files[group.Key], group);
                Assert.Empty(result.Skipped);
                files[group.Key] = result.NewText;
            }
            var after = AnalysisContext.Run(Model(files["seil.conf"], files["ipsec.conf"]), ConfigAnalyzers.All);
            Assert.True(after.Errors().Count == 0, $"{fix.Title}\n{files["seil.conf"]}\n{files["ipsec.conf"]}\n{after.Dump()}");
        }
    }

    public static TheoryData<int, string?, string> FixableSeeds => new()
    {
        // PFS on the SEIL only: the secure fix adds the group on strongSwan rather than dropping PFS.
        { 163, "interface.ipsec0.ike.proposal.phase2.pfs-group : modp2048\n", "SD2002" },
        { 292, null, "SD1001" },
        { 602, null, "SD2001" },
        { 655, null, "SD2003" },
        { 163, "interface.ipsec0.ike.exchange-mode : aggressive\n", "SD1004" },
    };

    [SkippableFact]
    public void Strict_check_level_refusing_strongswans_lifetime_is_fixed_by_its_ikelifetime()
    {
        var article = Article();
        var seil = SeilBlock(article, 163) + "interface.ipsec0.ike.check-level : strict\ninterface.ipsec0.ike.proposal.phase1.lifetime : 777\n";
        var conf = IpsecConf(article, 163);
        var d = AnalysisContext.Run(Model(seil, conf), ConfigAnalyzers.All).Single("SD1001");
        Assert.Contains("when strongSwan → SEIL", d.Message);
        Assert.Contains("proposed 10800 s, own 777 s", d.Message);
        var fix = d.Fixes[0];
        Assert.Contains("ikelifetime = 777s", fix.Title);
        var fixedConf = FixApplier.Apply(conf, fix.Edits.Where(e => e.Path == "ipsec.conf")).NewText;
        Assert.Empty(AnalysisContext.Run(Model(seil, fixedConf), ConfigAnalyzers.All).Errors());
    }

    /// <summary>Apply the preferred (secure) fix to the article's own files, re-parse both and check again.</summary>
    [SkippableTheory]
    [MemberData(nameof(FixableSeeds))]
    public void Applying_the_preferred_fix_to_the_seed_configs_leaves_no_error(int seilLine, string? extra, string ruleId)
    {
        var article = Article();
        var files = new Dictionary<string, string>
        {
            ["seil.conf"] = SeilBlock(article, seilLine) + (extra ?? ""),
            ["ipsec.conf"] = IpsecConf(article, seilLine),
        };
        var before = AnalysisContext.Run(Model(files["seil.conf"], files["ipsec.conf"]), ConfigAnalyzers.All);
        foreach (var diagnostic in before.Errors())
        {
            var fix = diagnostic.Fixes.FirstOrDefault(f => !f.IsAdvice);
            Assert.True(fix is not null, $"{diagnostic} has no fix");
            Assert.Equal(FixSafety.KeepsSecurity, fix.Safety);
        }
        Assert.Contains(before.Errors(), d => d.Id == ruleId);
        // Apply the preferred fix of every error at once, as 'seildiag fix' does.
        foreach (var (path, edits) in FixApplier.PreferredEdits(before.Errors()))
        {
            var result = FixApplier.Apply(files[path], edits);
            Assert.Empty(result.Skipped);
            files[path] = result.NewText;
        }
        var after = AnalysisContext.Run(Model(files["seil.conf"], files["ipsec.conf"]), ConfigAnalyzers.All);
        Assert.True(after.Errors().Count == 0, $"{files["seil.conf"]}\n{files["ipsec.conf"]}\n{after.Dump()}");
    }
}
