using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase1;

/// <summary>The PSK verdict of a pair: compared with <see cref="Secret.SameAs"/>, never printed.</summary>
public enum PskVerdict
{
    NotApplicable,
    Match,
    Mismatch,
    /// <summary>One end's secrets were not given (strongSwan without ipsec.secrets) or no key is set.</summary>
    Unverifiable,
}

/// <summary>
/// SD1002: both ends use PSK authentication and both keys are known but differ. The message says where each
/// key is set, never what it is; the fix is advice, because a fix that copies a key would print it.
/// </summary>
public sealed class PresharedKeyAnalyzer : PairAnalyzer
{
    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.PskMismatch];

    public static PskVerdict Verdict(PeerPair pair)
    {
        var (a, b) = (pair.A, pair.B);
        if (a.AuthMethod.Value != AuthMethod.PreSharedKey || b.AuthMethod.Value != AuthMethod.PreSharedKey)
        {
            return PskVerdict.NotApplicable;
        }
        if (!a.PreSharedKeyKnown || !b.PreSharedKeyKnown || a.PreSharedKey.Value is null || b.PreSharedKey.Value is null)
        {
            return PskVerdict.Unverifiable;
        }
        return a.PreSharedKey.Value.SameAs(b.PreSharedKey.Value) ? PskVerdict.Match : PskVerdict.Mismatch;
    }

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        if (Verdict(pair) != PskVerdict.Mismatch)
        {
            yield break;
        }
        var primary = Primary(pair);
        var (a, b) = (primary.Initiator, primary.Responder);
        var directions = new[] { primary, new NegotiationDirection(b, a) };
        var (whereA, whereB) = (KeyWhere(a), KeyWhere(b));
        var text = $"{EndNames.Short(a, b)}'s key ({whereA.English}) and {EndNames.Short(b, a)}'s key ({whereB.English}) are not the same (neither is shown)";
        var textJa = $"{EndNames.Short(a, b)} の鍵 ({whereA.Japanese}) と {EndNames.Short(b, a)} の鍵 ({whereB.Japanese}) が異なります (鍵は表示しません)";
        var location = EndNames.LocationOf(a, a.PreSharedKey);
        var diagnostic = Diagnostic.Create(Rules.PskMismatch, location, new LocalizedText(
                $"{text}; fails {DirectionsText(directions).English}", $"{textJa}; {DirectionsText(directions).Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(b, b.PreSharedKey)))
            .WithEvidence(PredictedLogs.PskMismatch(a, b).Concat(PredictedLogs.PskMismatch(b, a)).Distinct().ToArray())
            .WithFixes(CodeFix.Advice(
                new LocalizedText($"Set the same pre-shared key {whereA.English} and {whereB.English}",
                    $"両端の事前共有鍵を同じにします ({whereA.Japanese}、{whereB.Japanese})"),
                explanation: new LocalizedText(
                    "Check for trailing spaces, quoting and look-alike characters (l/1, O/0); strongSwan reads ipsec.secrets only after 'ipsec rereadsecrets' or a restart.",
                    "末尾の空白、引用符、見分けにくい文字 (l/1、O/0) を確認してください。strongSwan は 'ipsec rereadsecrets' または再起動のあとでないと ipsec.secrets を読み直しません。")));
        yield return new PairFinding(diagnostic, directions);
    }

    private static LocalizedText KeyWhere(PeerConfig peer) =>
        peer.PreSharedKey.Where is { } where ? new($"set at {where}", $"{where} で設定") : new($"set for {peer.Name}", $"{peer.Name} 用に設定");
}
