using SeilDiag.Capture;
using SeilDiag.Model;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// PSK proof on real lab runs. The two PSKs are the ones 08-psk-mismatch/README.md documents: the seil
/// stand-in used "xeeB5gohvaYl", every other scenario (and the remote in 08) "xeeB5gohvaYi".
/// </summary>
public class PskProofTests
{
    private static readonly Secret SeilPsk = new("xeeB5gohvaYl");
    private static readonly Secret LabPsk = new("xeeB5gohvaYi");

    private static CaptureAnalysis Analyze(string scenario)
    {
        var dir = Corpus.Lab(scenario);
        return CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir));
    }

    [SkippableFact]
    public void MainMode_ProvesWhichPskEachSideUsed()
    {
        var a = Analyze("08-psk-mismatch");
        var seil = PskProof.Verify(a, SeilPsk);
        var lab = PskProof.Verify(a, LabPsk);
        Assert.Equal(3, seil.Count);
        // The initiator's HASH_I (MM5, decrypted with its key) proves it used the seil PSK, not the remote's.
        Assert.All(seil, r => Assert.Equal(PskVerdict.Matches, r.Initiator));
        Assert.All(lab, r => Assert.Equal(PskVerdict.DoesNotMatch, r.Initiator));
        // The responder never sent MM6: its side cannot be checked.
        Assert.All(seil, r => Assert.Equal(PskVerdict.Unverifiable, r.Responder));
    }

    [SkippableFact]
    public void MainMode_BothHashesOfAHealthyTunnel()
    {
        var a = Analyze("01-minimal-ok");
        var r = Assert.Single(PskProof.Verify(a, LabPsk));
        Assert.Equal(PskVerdict.Matches, r.Initiator);
        Assert.Equal(PskVerdict.Matches, r.Responder);
        Assert.Equal(PskVerdict.DoesNotMatch, Assert.Single(PskProof.Verify(a, SeilPsk)).Overall);
    }

    [SkippableFact]
    public void AggressiveMode_IsProvableWithoutAnyKey()
    {
        // AM2 carries HASH_R in clear: anyone who captured it can test PSK guesses offline (SD4002's point).
        var dir = Corpus.Lab("07-aggressive-forced");
        var a = CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.None);
        var right = Assert.Single(PskProof.Verify(a, LabPsk));
        Assert.Equal(PskVerdict.Matches, right.Responder);
        Assert.Equal(PskVerdict.Unverifiable, right.Initiator); // AM3 is encrypted and no key was given
        Assert.Equal(PskVerdict.DoesNotMatch, Assert.Single(PskProof.Verify(a, SeilPsk)).Responder);
    }

    [SkippableFact]
    public void ProofNeverContainsThePsk()
    {
        var a = Analyze("01-minimal-ok");
        foreach (var r in PskProof.Verify(a, LabPsk).Concat(PskProof.Verify(a, SeilPsk)))
        {
            Assert.DoesNotContain("xeeB5", r.ToString());
        }
    }

    [SkippableFact]
    public void CertificateAuthentication_IsUnverifiable()
    {
        var a = CaptureFrontEnd.Analyze(Corpus.Wireshark("ikev1-certs.pcap"), Corpus.WiresharkKeys());
        var r = Assert.Single(PskProof.Verify(a, LabPsk));
        Assert.Equal(PskVerdict.Unverifiable, r.Overall);
        Assert.Contains("RSA_SIG", r.Explanation);
    }

    [SkippableFact]
    public void MissingPhase1_IsUnverifiable()
    {
        // 14-peer-unreachable: three attempts, each only MM1, never answered.
        var results = PskProof.Verify(Analyze("14-peer-unreachable"), LabPsk);
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(PskVerdict.Unverifiable, r.Overall);
            Assert.Contains("the responder's nonce", r.Explanation);
        });
    }
}
