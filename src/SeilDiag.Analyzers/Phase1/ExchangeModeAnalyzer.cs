using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase1;

/// <summary>
/// SD1005 (IKE version or Main/Aggressive differ) and SD1004 (charon as responder refuses Aggressive Mode
/// with a PSK unless strongswan.conf opts in). charon checks the Aggressive-PSK policy before it looks for a
/// matching conn, so in the direction where strongSwan answers an aggressive PSK initiator SD1004 is what
/// happens, whatever the conn's own aggressive= says.
/// </summary>
public sealed class ExchangeModeAnalyzer : PairAnalyzer
{
    private const string AggressivePskSetting = "charon.i_dont_care_about_security_and_use_aggressive_mode_psk";

    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.ExchangeModeMismatch, Rules.AggressivePskRefused];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        var version = IkeVersionMismatch(primary);
        if (version is not null)
        {
            yield return version;
        }
        // A direction that already fails on the IKE version never gets to the exchange mode.
        var directions = new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) }
            .Where(d => version is null || !version.Directions.Contains(d))
            .ToList();
        var refused = directions.Where(AggressivePskRefused).ToList();
        var modeMismatch = directions.Where(d => !refused.Contains(d) && d.Initiator.ExchangeMode.Value != d.Responder.ExchangeMode.Value).ToList();
        if (refused.Count > 0)
        {
            yield return AggressiveRefused(refused);
        }
        if (modeMismatch.Count > 0)
        {
            yield return ModeMismatch(modeMismatch);
        }
    }

    private static bool AggressivePskRefused(NegotiationDirection d) =>
        d.Initiator.ExchangeMode.Value == ExchangeMode.Aggressive
        && d.Initiator.AuthMethod.Value == AuthMethod.PreSharedKey
        && d.Responder.Vendor == PeerVendor.StrongSwan
        && d.Responder.AggressivePskAllowed?.Value != true;

    /// <summary>The IKE version an end starts with: strongSwan's keyexchange=ike (its default) initiates IKEv2.</summary>
    internal static string InitiatesWith(PeerConfig peer) =>
        Version(peer).Equals("ikev1", StringComparison.OrdinalIgnoreCase) ? "IKEv1" : "IKEv2";

    /// <summary>The configured keyexchange; a SEIL (or an unset value) speaks IKEv1 here.</summary>
    private static string Version(PeerConfig peer) =>
        peer.Vendor == PeerVendor.Seil ? "ikev1" : peer.KeyExchange.Value ?? "ike";

    /// <summary>keyexchange=ike accepts both versions when responding.</summary>
    internal static bool Accepts(PeerConfig peer, string version) =>
        Version(peer).Equals("ike", StringComparison.OrdinalIgnoreCase) || Version(peer).Equals(version, StringComparison.OrdinalIgnoreCase);

    private static PairFinding? IkeVersionMismatch(NegotiationDirection primary)
    {
        var failing = new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) }
            .Where(d => !Accepts(d.Responder, InitiatesWith(d.Initiator)))
            .ToList();
        if (failing.Count == 0)
        {
            return null;
        }
        var d = failing[0];
        var (a, b) = (d.Initiator, d.Responder);
        var keyexchange = a.KeyExchange.IsDefault && a.Vendor == PeerVendor.StrongSwan
            ? new LocalizedText("keyexchange=ike, the strongSwan default, which initiates IKEv2", "strongSwan の既定値 keyexchange=ike では IKEv2 で開始します")
            : new LocalizedText($"keyexchange={Version(a)} {EndNames.Where(a, a.KeyExchange)}", $"keyexchange={Version(a)} {EndNames.WhereText(a, a.KeyExchange).Japanese}");
        var (ia, ib) = (EndNames.Short(a, b), EndNames.Short(b, a));
        var accepts = b.Vendor == PeerVendor.Seil ? new LocalizedText("IKEv1 only", "IKEv1") : LocalizedText.Invariant(Version(b));
        var text = $"{ia} initiates with {InitiatesWith(a)} ({keyexchange.English}), {ib} accepts {accepts.English}";
        var textJa = $"{ia} は {InitiatesWith(a)} で開始しますが ({keyexchange.Japanese})、{ib} は {accepts.Japanese} しか受け入れません";
        var fixes = new List<CodeFix>();
        foreach (var peer in new[] { a, b }.Where(p => p.Vendor == PeerVendor.StrongSwan && !Version(p).Equals("ikev1", StringComparison.OrdinalIgnoreCase)))
        {
            fixes.Add(new FixBuilder().Set(peer, StrongSwanKeys.KeyExchange, "ikev1").Build());
        }
        var where = DirectionsText(failing);
        var location = EndNames.LocationOf(a, a.KeyExchange);
        var diagnostic = Diagnostic.Create(Rules.ExchangeModeMismatch, location, new LocalizedText(
                $"IKE version: {text}; fails {where.English}",
                $"IKE バージョン: {textJa}; {where.Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(b, b.KeyExchange)))
            .WithFixes([.. fixes]);
        return new PairFinding(diagnostic, failing);
    }

    private static PairFinding AggressiveRefused(List<NegotiationDirection> directions)
    {
        var d = directions[0];
        var initiator = d.Initiator;
        var responder = d.Responder;
        var assumption = responder.AggressivePskAllowed is null
            ? $"strongswan.conf was not given: assuming the default {AggressivePskSetting} = no"
            : $"{AggressivePskSetting} = no {EndNames.Where(responder, responder.AggressivePskAllowed.Value)}";
        var assumptionJa = responder.AggressivePskAllowed is null
            ? $"strongswan.conf が指定されていないため既定値 {AggressivePskSetting} = no とみなします"
            : $"{AggressivePskSetting} = no";
        var where = DirectionsText(directions);
        var message = new LocalizedText(
            $"{EndNames.Short(responder, initiator)} refuses Aggressive Mode with a pre-shared key from {EndNames.Short(initiator, responder)} ('Aggressive Mode PSK disabled for security reasons', AUTHENTICATION-FAILED) {where.English}; {assumption}",
            $"{EndNames.Short(responder, initiator)} は {EndNames.Short(initiator, responder)} からのアグレッシブモード+事前共有鍵を拒否します ({where.Japanese}); {assumptionJa}");
        var location = EndNames.LocationOf(initiator, initiator.ExchangeMode);
        var diagnostic = Diagnostic.Create(Rules.AggressivePskRefused, location, message)
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(responder, responder.ExchangeMode), responder.AggressivePskAllowed?.Where))
            .WithEvidence(PredictedLogs.AggressivePskRefused(initiator, responder).ToArray());

        // Preferred: Main Mode on both ends. Risky alternative: opt in on strongSwan.
        var main = new FixBuilder();
        foreach (var peer in new[] { initiator, responder }.Where(p => p.ExchangeMode.Value == ExchangeMode.Aggressive))
        {
            RemoveAggressive(main, peer);
        }
        var optIn = new FixBuilder().Weakens();
        if (responder.ExchangeMode.Value != ExchangeMode.Aggressive)
        {
            optIn.Set(responder, StrongSwanKeys.Aggressive, "yes");
        }
        optIn.Step(new(
            $"strongSwan: set {AggressivePskSetting} = yes in strongswan.conf (charon {{ i_dont_care_about_security_and_use_aggressive_mode_psk = yes }})",
            $"strongSwan: strongswan.conf で {AggressivePskSetting} = yes を設定 (charon {{ i_dont_care_about_security_and_use_aggressive_mode_psk = yes }})"));
        diagnostic = diagnostic.WithFixes(
            main.Build(new(
                "Main Mode keeps the identities encrypted and the PSK hash away from eavesdroppers; it needs a fixed address for the SEIL (or an identity the responder can map). Keep Aggressive Mode only for a NAT'd dynamic peer.",
                "メインモードでは ID が暗号化され、事前共有鍵のハッシュも盗聴者に渡りません。ただし SEIL の固定アドレス (またはレスポンダが対応付けられる ID) が必要です。アグレッシブモードは NAT 配下でアドレスが動的な対向に限ってください。")),
            optIn.Build(new(
                "Allowing Aggressive Mode with a PSK exposes the PSK hash to offline dictionary attacks (VU#857035); use only with a long random key.",
                "事前共有鍵でアグレッシブモードを許可すると、事前共有鍵のハッシュがオフライン辞書攻撃にさらされます (VU#857035)。長いランダムな鍵の場合に限って使ってください。")));
        return new PairFinding(diagnostic, directions);
    }

    private static PairFinding ModeMismatch(List<NegotiationDirection> directions)
    {
        var d = directions[0];
        var a = d.Initiator;
        var b = d.Responder;
        var text = $"{EndNames.Short(a, b)} uses {a.ExchangeMode.Value} Mode {EndNames.Where(a, a.ExchangeMode)}, {EndNames.Short(b, a)} uses {b.ExchangeMode.Value} Mode {EndNames.Where(b, b.ExchangeMode)}";
        var textJa = $"{EndNames.Short(a, b)} は{ModeJa(a.ExchangeMode.Value)} {EndNames.WhereText(a, a.ExchangeMode).Japanese}、{EndNames.Short(b, a)} は{ModeJa(b.ExchangeMode.Value)} {EndNames.WhereText(b, b.ExchangeMode).Japanese}";
        var where = DirectionsText(directions);
        var location = EndNames.LocationOf(a, a.ExchangeMode);
        var aggressiveSide = a.ExchangeMode.Value == ExchangeMode.Aggressive ? a : b;
        var mainSide = aggressiveSide == a ? b : a;
        var toMain = new FixBuilder();
        RemoveAggressive(toMain, aggressiveSide);
        var toAggressive = new FixBuilder().Weakens(mainSide.AuthMethod.Value == AuthMethod.PreSharedKey);
        if (mainSide.Vendor == PeerVendor.Seil)
        {
            toAggressive.Set(mainSide, SeilKeys.ExchangeMode, "aggressive");
        }
        else
        {
            toAggressive.Set(mainSide, StrongSwanKeys.Aggressive, "yes");
        }
        var diagnostic = Diagnostic.Create(Rules.ExchangeModeMismatch, location, new LocalizedText(
                $"{text}; fails {where.English}", $"{textJa}; {where.Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(b, b.ExchangeMode)))
            .WithEvidence(PredictedLogs.ExchangeModeMismatch(a, b).ToArray())
            .WithFixes(toMain.Build(), toAggressive.Build(new(
                "Aggressive Mode with a pre-shared key exposes the PSK hash to offline guessing (VU#857035).",
                "事前共有鍵でのアグレッシブモードでは、事前共有鍵のハッシュがオフラインでの推測にさらされます (VU#857035)。")));
        return new PairFinding(diagnostic, directions);
    }

    private static string ModeJa(ExchangeMode mode) => mode == ExchangeMode.Aggressive ? "アグレッシブモード" : "メインモード";

    internal static void RemoveAggressive(FixBuilder fix, PeerConfig peer)
    {
        if (peer.Vendor == PeerVendor.Seil)
        {
            if (peer.ExchangeMode.IsDefault)
            {
                return;
            }
            fix.Set(peer, SeilKeys.ExchangeMode, "main");
        }
        else
        {
            fix.Remove(peer, StrongSwanKeys.Aggressive, new("Main Mode", "メインモード"));
        }
    }
}
