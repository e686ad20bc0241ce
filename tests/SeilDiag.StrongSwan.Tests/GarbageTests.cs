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
