using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class GarbageTests
{
    [Fact]
    public void EmptyInputsGiveNoPeersAndNoCrash()
    {
        var empty = SourceText.From("", "ipsec.conf");
        var config = StrongSwanFrontEnd.Load(empty, SourceText.From("", "ipsec.secrets"), SourceText.From("", "strongswan.conf"), _ => null);
        Assert.Empty(config.Peers);
        Assert.Empty(config.Diagnostics);
        Assert.Equal(0, StrongSwanFrontEnd.ScoreIpsecConf(empty));
        Assert.Equal(0, StrongSwanFrontEnd.ScoreSecrets(empty));
        Assert.Equal(0, StrongSwanFrontEnd.ScoreStrongSwanConf(empty));
    }

    [Fact]
    public void BinaryInputIsRefusedByInputReader()
    {
        byte[] bytes = [0x63, 0x6f, 0x6e, 0x6e, 0x00, 0xff, 0x10];
        Assert.Throws<InputException>(() => InputReader.Decode("ipsec.conf", bytes));
    }

    [Fact]
    public void BinaryIncludeIsSD0004NotACrash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seildiag-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            File.WriteAllBytes(Path.Combine(path, "blob.conf"), [0, 1, 2, 3]);
            File.WriteAllText(Path.Combine(path, "ipsec.conf"), "include blob.conf\nconn a\n\tauto=add\n");
            var config = StrongSwanFrontEnd.Load(InputReader.ReadFile(Path.Combine(path, "ipsec.conf")));
            var problem = Assert.Single(config.Diagnostics);
            Assert.Equal("SD0004", problem.Id);
            Assert.Contains("binary", problem.Message);
            Assert.Single(config.Peers);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public void FiftyMegabyteLineIsOneDiagnosticInEveryParser()
    {
        var huge = new string('x', 50 * 1024 * 1024);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var conf = StrongSwanFrontEnd.Load(SourceText.From("conn a\n\tauto=add\n" + huge + "\nconn b\n\tauto=add\n", "ipsec.conf"),
            SourceText.From(huge + "\n10.0.0.1 : PSK \"x\"\n", "ipsec.secrets"),
            SourceText.From("charon {\n  x = " + huge + "\n}\n", "strongswan.conf"), _ => null);
        Assert.Equal(["SD0001", "SD0001"], conf.Diagnostics.Select(d => d.Id));
        Assert.Equal(2, conf.Peers.Count);
        Assert.Single(conf.Secrets!.Entries);
        Assert.Equal(huge.Length, conf.StrongSwanConf!.Find("charon.x")!.Value.Length);
        Assert.True(StrongSwanFrontEnd.ScoreIpsecConf(SourceText.From(huge)) < 0.5);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("conn\n")]
    [InlineData("conn \n")]
    [InlineData("\t=\n")]
    [InlineData("\"\"\"\n")]
    [InlineData("conn a\n\tike=\"unterminated\n")]
    [InlineData("conn a\n\tike=!!!\n\tesp=,\n\tleftsubnet=/\n\tright=1.2.3.4.5\n\tikelifetime=-1\n")]
    [InlineData("}{\n#\n\t#\n\t\t\n")]
    public void MalformedInputsGiveDiagnosticsNeverExceptions(string text)
    {
        var config = StrongSwanFrontEnd.Load(SourceText.From(text, "ipsec.conf"), SourceText.From(text, "ipsec.secrets"), SourceText.From(text, "strongswan.conf"), _ => null);
        Assert.NotNull(config);
        Assert.Equal(text, string.Concat(config.IpsecConf.Documents[0].Lines.Select(l => l.FullText)));
        if (text.Trim().Trim('#', '\t', '\n').Length > 0)
        {
            Assert.NotEmpty(config.Diagnostics);
        }
    }

    [SkippableFact]
    public void ScoresTellTheThreeFilesAndLogsApart()
    {
        var conf = TestInputs.Read(Path.Combine(TestInputs.LabRoot(), "01-minimal-ok", "seil.ipsec.conf"));
        var log = TestInputs.Read(Path.Combine(TestInputs.LabRoot(), "01-minimal-ok", "seil-charon.log"));
        var secrets = SourceText.From("# secrets\n10.0.0.1 : PSK \"x\"\n: PSK 'y'\n", "ipsec.secrets");
        var settings = SourceText.From("charon {\n    load_modular = yes\n    plugins {\n        include strongswan.d/charon/*.conf\n    }\n}\n", "strongswan.conf");
        Assert.True(StrongSwanFrontEnd.ScoreIpsecConf(conf) > 0.9);
        Assert.True(StrongSwanFrontEnd.ScoreSecrets(secrets) > 0.9);
        Assert.True(StrongSwanFrontEnd.ScoreStrongSwanConf(settings) > 0.9);
        foreach (var other in new[] { log, secrets, settings })
        {
            Assert.Equal(0, StrongSwanFrontEnd.ScoreIpsecConf(other));
        }
        foreach (var other in new[] { conf, log, settings })
        {
            Assert.True(StrongSwanFrontEnd.ScoreSecrets(other) < 0.2, other.Path);
        }
        foreach (var other in new[] { conf, log, secrets })
        {
            Assert.Equal(0, StrongSwanFrontEnd.ScoreStrongSwanConf(other));
        }
    }
}

public class ScoringAgainstOtherDialectsTests
{
    [SkippableFact]
    public void SeilRecipeLinesOfTheSeedScoreZeroForAllThreeStrongSwanFiles()
    {
        var seil = string.Join("\n", File.ReadLines(TestInputs.SeedPath()).Where(l => l.StartsWith("interface.", StringComparison.Ordinal) || l.StartsWith("route.", StringComparison.Ordinal))) + "\n";
        Assert.True(seil.Length > 500);
        var text = SourceText.From(seil, "seil.conf");
        Assert.Equal(0, StrongSwanFrontEnd.ScoreIpsecConf(text));
        Assert.Equal(0, StrongSwanFrontEnd.ScoreSecrets(text));
        Assert.Equal(0, StrongSwanFrontEnd.ScoreStrongSwanConf(text));
        foreach (var block in TestInputs.SeedBlocks("ipsec.conf"))
        {
            Assert.True(StrongSwanFrontEnd.ScoreIpsecConf(SourceText.From(block)) > 0.9);
        }
    }

    [Fact]
    public void DefaultLoadReadsGlobIncludesFromDisk()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"seildiag-ss-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "ipsec.d"));
        try
        {
            File.WriteAllText(Path.Combine(directory, "ipsec.conf"), "include ipsec.d/*.conf\ninclude ipsec.d/missing.conf\n");
            File.WriteAllText(Path.Combine(directory, "ipsec.d", "b.conf"), "conn b\n\tright=10.0.0.3\n\tauto=add\n");
            File.WriteAllText(Path.Combine(directory, "ipsec.d", "a.conf"), "conn a\n\tright=10.0.0.2\n\tauto=add\n");
            File.WriteAllText(Path.Combine(directory, "ipsec.secrets"), "include ipsec.d/*.secrets\n");
            File.WriteAllText(Path.Combine(directory, "ipsec.d", "a.secrets"), "10.0.0.2 : PSK \"a\"\n");
            var config = StrongSwanFrontEnd.Load(InputReader.ReadFile(Path.Combine(directory, "ipsec.conf")), InputReader.ReadFile(Path.Combine(directory, "ipsec.secrets")));
            Assert.Equal(["a", "b"], config.Conns.Select(c => c.Name));
            var missing = Assert.Single(config.Diagnostics);
            Assert.Equal(("SD0004", 2), (missing.Id, missing.Location!.Line));
            Assert.True(config.Peers[0].PreSharedKey.Value!.SameAs(new Model.Secret("a")));
            Assert.Null(config.Peers[1].PreSharedKey.Value);
            Assert.Equal(5, config.Documents.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
