using System.Text.RegularExpressions;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Proposals;
using SeilDiag.Tests;

namespace SeilDiag.StrongSwan.Tests;

public class ProposalTests
{
    private static readonly Regex ConfiguredProposals = new(@"configured proposals: (?<list>(IKE|ESP):.*)$");

    internal static IEnumerable<string> ConfiguredLines(string log, string protocol) =>
        File.ReadLines(log).Select(l => ConfiguredProposals.Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["list"].Value).Where(v => v.StartsWith(protocol + ":", StringComparison.Ordinal));

    [SkippableFact]
    public void DefaultIkeProposalsAreStrongSwan598sConfiguredProposalsLine()
    {
        var log = SharedFiles.Require("corpus", "lab", "15-strongswan-defaults", "remote-charon.log");
        var line = Assert.Single(ConfiguredLines(log, "IKE"));
        var defaults = StrongSwanProposals.Defaults(ProposalProtocol.Ike);
        Assert.Equal(line, string.Join(", ", defaults.Select(p => p.ToLogString())));
    }

    [SkippableFact]
    public void DefaultEspProposalsAreStrongSwan598sConfiguredProposalsLine()
    {
        var log = SharedFiles.Require("corpus", "lab", "04-phase2-md5-rejected", "remote-charon.log");
        var lines = ConfiguredLines(log, "ESP").Distinct().ToList();
        var line = Assert.Single(lines);
        Assert.Equal(line, string.Join(", ", StrongSwanProposals.Defaults(ProposalProtocol.Esp).Select(p => p.ToLogString())));
    }

    /// <summary>
    /// The Phase1Proposal expansion of the defaults equals the cross product of the real log line's algorithms, read
    /// with Core's IkeNames, restricted to what IKEv1 phase 1 can carry (CBC ciphers with an RFC 2409 value).
    /// </summary>
    [SkippableFact]
    public void DefaultPhase1ExpansionIsTheCrossProductOfTheLoggedAlgorithms()
    {
        var log = SharedFiles.Require("corpus", "lab", "15-strongswan-defaults", "remote-charon.log");
        var expected = new List<Phase1Proposal>();
        foreach (var proposal in Assert.Single(ConfiguredLines(log, "IKE")).Split(", "))
        {
            var names = proposal["IKE:".Length..].Split('/');
            var ciphers = names.Select(IkeNames.CipherFromLog).Where(c => c is not null && IkeNames.Ikev1Phase1Value(c.Cipher.Algorithm) is not null).Select(c => c!.Cipher).ToList();
            var hashes = names.Where(n => n.StartsWith("HMAC_", StringComparison.Ordinal)).Select(IkeNames.HashFromLog).Where(h => h is not null).Select(h => h!.Hash).ToList();
            var groups = names.Select(IkeNames.GroupFromLog).Where(g => g is not null).Select(g => g!.Group).ToList();
            expected.AddRange(from c in ciphers from h in hashes from g in groups select new Phase1Proposal(c, h, g));
        }
        var actual = StrongSwanProposals.ToPhase1(StrongSwanProposals.Defaults(ProposalProtocol.Ike), AuthMethod.PreSharedKey, null);
        Assert.Equal(expected, actual);
        Assert.Contains(new Phase1Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 256), HashAlgorithm.Sha2_256, DhGroup.Modp2048), actual);
        Assert.DoesNotContain(actual, p => p.Group == DhGroup.Modp1536 || p.Hash == HashAlgorithm.Md5);
    }

    /// <summary>Every lab conn's ike=/esp= (or their absence) renders exactly as that side's charon logged it.</summary>
    [SkippableFact]
    public void EveryLabConnRendersAsItsCharonLogsConfiguredProposals()
    {
        var compared = 0;
        foreach (var conf in TestInputs.LabConfs())
        {
            var side = Path.GetFileName(conf).Split('.')[0];
            var log = Path.Combine(Path.GetDirectoryName(conf)!, side + "-charon.log");
            if (!File.Exists(log))
            {
                continue;
            }
            var conn = Assert.Single(StrongSwanFrontEnd.Load(TestInputs.Read(conf), readFile: _ => null).Conns);
            var ike = conn.Value("ike") is { } i ? StrongSwanProposals.ParseIke(i).ToLogString()
                : string.Join(", ", StrongSwanProposals.Defaults(ProposalProtocol.Ike).Select(p => p.ToLogString()));
            var esp = conn.Value("esp") is { } e ? StrongSwanProposals.ParseEsp(e).ToLogString()
                : string.Join(", ", StrongSwanProposals.Defaults(ProposalProtocol.Esp).Select(p => p.ToLogString()));
            foreach (var line in ConfiguredLines(log, "ESP"))
            {
                Assert.Equal(line, esp);
                compared++;
            }
            // As initiator charon logs its conn's list; as responder before a conn is chosen ("<1>") too.
            foreach (var line in ConfiguredLines(log, "IKE"))
            {
                Assert.Equal(line, ike);
                compared++;
            }
        }
        Assert.True(compared > 40, $"only {compared} configured-proposals lines compared");
    }

    [Fact]
    public void CommaListWithStrictnessExpandsInOrder()
    {
        var list = StrongSwanProposals.ParseIke("aes256-sha256-modp1536,aes128-sha1-modp2048!");
        Assert.True(list.Strict);
        Assert.True(list.IsValid);
        var phase1 = StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, TimeSpan.FromHours(3));
        Assert.Equal(
            ["IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", "IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048"],
            phase1.Select(p => p.ToLogString()));
        Assert.All(phase1, p => Assert.Equal(TimeSpan.FromHours(3), p.Lifetime));
    }

    [Fact]
    public void CombinedAlgorithmsExpandToTheCrossProduct()
    {
        var list = StrongSwanProposals.ParseIke("aes128-aes256-sha1-sha256-modp2048!");
        Assert.Equal("IKE:AES_CBC_128/AES_CBC_256/HMAC_SHA1_96/HMAC_SHA2_256_128/PRF_HMAC_SHA1/PRF_HMAC_SHA2_256/MODP_2048", list.ToLogString());
        Assert.Equal(4, StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, null).Count);
    }

    [Fact]
    public void WithoutBangTheDefaultsAreAppended()
    {
        var list = StrongSwanProposals.ParseIke("aes256-sha256-modp1536");
        Assert.False(list.Strict);
        var phase1 = StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, null);
        Assert.Equal("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", phase1[0].ToLogString());
        Assert.Contains(phase1, p => p.Group == DhGroup.Curve25519);
        Assert.True(phase1.Count > 100);
    }

    [Fact]
    public void AeadIkeProposalWithPrfIsValidButNotAnIkeV1Phase1Transform()
    {
        var list = StrongSwanProposals.ParseIke("aes128gcm16-prfsha256-modp2048!");
        Assert.True(list.IsValid, string.Join("; ", list.Errors));
        Assert.Equal("IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048", list.ToLogString());
        Assert.Empty(StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, null));
        Assert.False(StrongSwanProposals.ParseIke("aes128gcm16-modp2048!").IsValid);
    }

    [Fact]
    public void EspGroupMeansPfs()
    {
        var phase2 = StrongSwanProposals.ToPhase2(StrongSwanProposals.ParseEsp("aes256-sha256-modp1536!").Effective);
        var only = Assert.Single(phase2);
        Assert.Equal(new Phase2Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 256), IntegrityAlgorithm.HmacSha2_256_128, DhGroup.Modp1536), only);
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_1536/NO_EXT_SEQ", only.ToLogString());
        var noPfs = Assert.Single(StrongSwanProposals.ToPhase2(StrongSwanProposals.ParseEsp("aes256-md5!").Effective));
        Assert.Equal(DhGroup.None, noPfs.Pfs);
        var aead = Assert.Single(StrongSwanProposals.ToPhase2(StrongSwanProposals.ParseEsp("aes256gcm16!").Effective));
        Assert.Equal(IntegrityAlgorithm.None, aead.Integrity);
    }

    [Theory]
    [InlineData("aes256-sha265-modp1536!", "sha265", "sha256")]
    [InlineData("aes256-sha256-modp1563!", "modp1563", "modp1536")]
    [InlineData("aes265-sha256-modp1536!", "aes265", "aes256")]
    public void UnknownAlgorithmIsReportedWithTheNearestKeyword(string text, string token, string suggestion)
    {
        var error = Assert.Single(StrongSwanProposals.ParseIke(text).Errors);
        Assert.Equal(token, error.Token);
        Assert.Equal(text.IndexOf(token, StringComparison.Ordinal), error.Offset);
        Assert.Equal(suggestion, error.Suggestion);
    }

    [Theory]
    [InlineData("aes256-sha256!")]
    [InlineData("aes256-sha256-modp1536,,aes128-sha1-modp1536")]
    [InlineData("aes256!-sha256-modp1536")]
    [InlineData("sha256-modp1536")]
    public void MalformedIkeProposalsAreErrors(string text) => Assert.False(StrongSwanProposals.ParseIke(text).IsValid);
}

public class IkeV1OfferTests
{
    private static readonly Regex Received = new(@"received proposals: (?<list>(IKE|ESP):.*)$");

    /// <summary>
    /// Every "received proposals" line a lab responder logged is either the other side's IKEv1 offer (first algorithm
    /// of each kind per proposal) or, on the initiator, the single transform the responder chose.
    /// </summary>
    [SkippableFact]
    public void ResponderLogsShowTheOtherSidesFirstAlgorithmOffer()
    {
        var exact = 0;
        var chosen = 0;
        var fromDefaults = 0;
        foreach (var directory in Directory.EnumerateFiles(TestInputs.LabRoot(), "seil.ipsec.conf", SearchOption.AllDirectories).Select(Path.GetDirectoryName))
        {
            foreach (var (side, other) in new[] { ("seil", "remote"), ("remote", "seil") })
            {
                var log = Path.Combine(directory!, side + "-charon.log");
                if (!File.Exists(log))
                {
                    continue;
                }
                var otherConn = StrongSwanFrontEnd.Load(TestInputs.Read(Path.Combine(directory!, other + ".ipsec.conf")), readFile: _ => null).Conns.Single();
                var ownConn = StrongSwanFrontEnd.Load(TestInputs.Read(Path.Combine(directory!, side + ".ipsec.conf")), readFile: _ => null).Conns.Single();
                string Offer(Conns.StrongSwanConn conn, string key, ProposalProtocol protocol) =>
                    StrongSwanProposals.IkeV1OfferLogString(conn.Value(key) is { } v ? StrongSwanProposals.Parse(v, protocol).Effective : StrongSwanProposals.Defaults(protocol));
                // This side's configured list, its defaults when the conn sets no ike=/esp= (lab 15's remote, lab 02's ESP).
                IReadOnlyList<StrongSwanProposal> Own(string key, ProposalProtocol protocol) =>
                    ownConn.Value(key) is { } v ? StrongSwanProposals.Parse(v, protocol).Effective : StrongSwanProposals.Defaults(protocol);
                var configured = ProposalTests.ConfiguredLines(log, "IKE").Concat(ProposalTests.ConfiguredLines(log, "ESP")).ToHashSet();
                var offers = new[] { Offer(otherConn, "ike", ProposalProtocol.Ike), Offer(otherConn, "esp", ProposalProtocol.Esp) };
                foreach (var line in File.ReadLines(log).Select(l => Received.Match(l)).Where(m => m.Success).Select(m => m.Groups["list"].Value))
                {
                    if (offers.Contains(line))
                    {
                        exact++;
                        continue;
                    }
                    // A response: one transform, one of the transforms this side itself configured (defaults included).
                    Assert.DoesNotContain(", ", line);
                    var protocol = line.StartsWith("IKE:", StringComparison.Ordinal) ? ProposalProtocol.Ike : ProposalProtocol.Esp;
                    var own = Own(protocol == ProposalProtocol.Ike ? "ike" : "esp", protocol);
                    var transforms = protocol == ProposalProtocol.Ike
                        ? StrongSwanProposals.ToPhase1(own, AuthMethod.PreSharedKey, null).Select(p => p.ToLogString())
                        : StrongSwanProposals.ToPhase2(own).Select(p => p.ToLogString());
                    Assert.Contains(line, transforms);
                    // ... and the list it comes from is the one this charon logged as its "configured proposals".
                    var ownLog = string.Join(", ", own.Select(p => p.ToLogString()));
                    Assert.True(configured.Contains(ownLog), $"{log}: own list {ownLog} is not among its configured proposals lines");
                    chosen++;
                    fromDefaults += ownConn.Value(protocol == ProposalProtocol.Ike ? "ike" : "esp") is null ? 1 : 0;
                }
            }
        }
        Assert.True(exact >= 30, $"only {exact} received lines matched an offer exactly");
        // Responses checked against the own list, defaults among them (lab 15's remote and lab 02 have no ike=/esp=).
        Assert.True(chosen >= 10, $"only {chosen} responses compared with the own configured list");
        Assert.True(fromDefaults >= 1, "no response was compared with a default proposal list");
    }

    [Fact]
    public void DefaultEspOfferIsTheFirstAlgorithmsOfEachDefaultProposal()
    {
        Assert.Equal("ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ, ESP:AES_GCM_16_128/NO_EXT_SEQ",
            StrongSwanProposals.IkeV1OfferLogString(StrongSwanProposals.Defaults(ProposalProtocol.Esp)));
        var offer = StrongSwanProposals.ToPhase2Offer(StrongSwanProposals.Defaults(ProposalProtocol.Esp));
        Assert.Equal(["ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ", "ESP:AES_GCM_16_128/NO_EXT_SEQ"], offer.Select(p => p.ToLogString()));
        var ike = StrongSwanProposals.ToPhase1Offer(StrongSwanProposals.ParseIke("aes128-aes256-sha1-sha256-modp2048-modp1536!").Effective, AuthMethod.PreSharedKey, null);
        Assert.Equal("IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048", Assert.Single(ike).ToLogString());
    }
}
