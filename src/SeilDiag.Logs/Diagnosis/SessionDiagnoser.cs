using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>
/// Finds the root cause of one session. One cause is one finding: the chain "decryption failed → parsing failed →
/// retransmits → gave up" is a PSK mismatch with the rest as evidence, and "peer not responding" is reported only
/// when nothing explains the silence.
/// </summary>
internal static class SessionDiagnoser
{
    private const int EvidenceCap = 30;

    private static readonly LogEventKind[] Consequences =
    [
        LogEventKind.ParsingFailed, LogEventKind.ProcessingFailed, LogEventKind.PreprocessFailed, LogEventKind.Phase1Failed,
        LogEventKind.Phase2Failed, LogEventKind.GivingUp, LogEventKind.PeerNotResponding, LogEventKind.HalfOpenTimeout,
        LogEventKind.IkeSaDestroyedUnnotified, LogEventKind.ErrorNotifyReceived, LogEventKind.NotifyIgnored, LogEventKind.InvalidPacket,
    ];

    private static readonly int KindCount = Enum.GetValues<LogEventKind>().Max(k => (int)k) + 1;

    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<Finding> Diagnose(LogSession s)
    {
        var ev = s.Events;
        var findings = new List<Finding>();
        var peer = s.Remote?.Address.ToString() ?? "?";
        var me = s.Local?.Address.ToString() ?? (s.ConnectionName is null ? "this end" : $"conn {s.ConnectionName}");
        var meJa = s.Local?.Address.ToString() ?? (s.ConnectionName is null ? "こちら" : $"conn {s.ConnectionName}");

        // One pass records the first event of each kind: most lookups below ask for a kind the session never logged,
        // and on a big log this runs once per IKE_SA (a LINQ scan per lookup was a visible share of the time).
        var firstOfKind = new LogEvent?[KindCount];
        foreach (var e in s.EventList)
        {
            firstOfKind[(int)e.Kind] ??= e;
        }
        LogEvent? First(LogEventKind kind, Func<LogEvent, bool>? where = null)
        {
            var first = firstOfKind[(int)kind];
            if (first is null || where is null)
            {
                return first;
            }
            foreach (var e in s.EventList)
            {
                if (e.Kind == kind && where(e))
                {
                    return e;
                }
            }
            return null;
        }
        int IndexOf(LogEvent e) => IndexOfRef(ev, e);
        var established = First(LogEventKind.IkeSaEstablished);
        var establishedAt = established is null ? int.MaxValue : IndexOf(established);
        bool BeforePhase1Done(LogEvent e) => IndexOf(e) < establishedAt && !IsPhase2(e);
        // The scans below run only when the session logged their kind at all (most IKE_SAs of a big log log none).
        bool Logged(LogEventKind kind) => firstOfKind[(int)kind] is not null;
        LogEvent? ErrorNotify(string name, bool phase1) => !Logged(LogEventKind.ErrorNotifyReceived) ? null : ev.FirstOrDefault(e =>
            (e.Kind == LogEventKind.ErrorNotifyReceived && e.Detail == name) && (phase1 ? BeforePhase1Done(e) : IndexOf(e) > establishedAt || IsPhase2(e)));

        List<LogEvent> Evidence(LogEvent decisive, params LogEventKind[] extra)
        {
            var list = new List<LogEvent> { decisive };
            foreach (var e in ev)
            {
                if (list.Count >= EvidenceCap) break;
                if (!ReferenceEquals(e, decisive) && (extra.Contains(e.Kind) || Consequences.Contains(e.Kind) || e.Kind == LogEventKind.Retransmit
                        || (e.Kind is LogEventKind.MessageGenerated or LogEventKind.MessageParsed && e.Notifies.Any(n => n is not ("INITIAL-CONTACT" or "R-U-THERE" or "R-U-THERE-ACK")))))
                {
                    list.Add(e);
                }
            }
            return list;
        }

        // ---- phase 1 -------------------------------------------------------------------------
        if (First(LogEventKind.AggressivePskDisabled) is { } agg)
        {
            findings.Add(new Finding(Rules.AggressivePskRefused, NegotiationPhase.Phase1,
                [new LocalizedText($"{me} refuses Aggressive Mode with a pre-shared key from {peer} ('Aggressive Mode PSK disabled for security reasons') and answers AUTHENTICATION-FAILED",
                    $"{meJa} は {peer} からの事前共有鍵によるアグレッシブモードを拒否し ('Aggressive Mode PSK disabled for security reasons')、AUTHENTICATION-FAILED を返しました")],
                agg, Evidence(agg, LogEventKind.Phase1PeerInitiating), FixAdvice.AggressiveMode()) { Specificity = 2 });
        }
        else if (s.Mode == ExchangeMode.Aggressive && established is null && ErrorNotify("AUTHENTICATION-FAILED", true) is { } aggNotify)
        {
            findings.Add(new Finding(Rules.AggressivePskRefused, NegotiationPhase.Phase1,
                [new LocalizedText($"{peer} answered this end's Aggressive Mode with AUTHENTICATION-FAILED: strongSwan refuses Aggressive Mode with PSK unless explicitly allowed",
                    $"{peer} はアグレッシブモードに AUTHENTICATION-FAILED を返しました: strongSwan は明示的に許可しない限り PSK のアグレッシブモードを拒否します")],
                aggNotify, Evidence(aggNotify, LogEventKind.Phase1Initiating), FixAdvice.AggressiveMode()) { Specificity = 1 });
        }

        if (First(LogEventKind.NoIkeConfig) is { } noIke)
        {
            var local = noIke.Local?.Address.ToString();
            var remote = noIke.Remote?.Address.ToString() ?? peer;
            findings.Add(new Finding(Rules.NoMatchingConnection, NegotiationPhase.Phase1,
                [new LocalizedText($"no connection on {local ?? me} matches peer {remote} (\"{Message(noIke)}\")",
                    $"{local ?? meJa} に対向 {remote} に一致する接続設定がありません (\"{Message(noIke)}\")")],
                noIke, Evidence(noIke), FixAdvice.NoIkeConfig(local, remote)) { Specificity = 2 });
        }

        if (First(LogEventKind.NoSharedKey) is { } noKey)
        {
            var who = noKey.Detail2 ?? peer;
            findings.Add(new Finding(Rules.NoPresharedKey, NegotiationPhase.Phase1,
                [who, new LocalizedText($"\"{Message(noKey)}\"", $"\"{Message(noKey)}\"")],
                noKey, Evidence(noKey), FixAdvice.NoPsk(who)) { Specificity = 2 });
        }
        else if (ErrorNotify("INVALID-KEY-INFORMATION", true) is { } invalKe)
        {
            findings.Add(new Finding(Rules.NoPresharedKey, NegotiationPhase.Phase1,
                [me, new LocalizedText($"{peer} answered INVALID-KEY-INFORMATION: it has no pre-shared key for this end",
                    $"{peer} が INVALID-KEY-INFORMATION を返しました: 対向にこちらの事前共有鍵がありません")],
                invalKe, Evidence(invalKe), FixAdvice.NoPsk(me)) { Specificity = 1 });
        }

        var decrypt = (Logged(LogEventKind.DecryptionFailed) ? ev.FirstOrDefault(e => e.Kind == LogEventKind.DecryptionFailed && (BeforePhase1Done(e) || e.Daemon == LogDaemon())) : null)
                      ?? (Logged(LogEventKind.HashMismatch) ? ev.FirstOrDefault(e => e.Kind == LogEventKind.HashMismatch && BeforePhase1Done(e)) : null);
        if (decrypt is not null && First(LogEventKind.NoSharedKey) is null)
        {
            var what = decrypt.Kind == LogEventKind.DecryptionFailed
                ? new LocalizedText($"{me} could not decrypt {DescribeMessage(decrypt, s).English} from {peer} (\"{Message(decrypt)}\"): the keys derived from the pre-shared key differ",
                    $"{meJa} は {peer} からの {DescribeMessage(decrypt, s).Japanese} を復号できませんでした (\"{Message(decrypt)}\"): 事前共有鍵から導いた鍵が異なります")
                : new LocalizedText($"{me} decrypted the message from {peer} but its HASH does not match (\"{Message(decrypt)}\")",
                    $"{meJa} は {peer} のメッセージを復号しましたが HASH が一致しません (\"{Message(decrypt)}\")");
            findings.Add(new Finding(Rules.PskMismatch, NegotiationPhase.Phase1, [what], decrypt,
                Evidence(decrypt, LogEventKind.DecryptionFailed, LogEventKind.HashMismatch), FixAdvice.PskMismatch())
                // The responder failing on the peer's ID payload (message 5) says most; HASH_V1 failures follow from it.
                { Specificity = decrypt.Detail == "ID_V1" ? 3 : 2 });
        }
        else if (decrypt is null && First(LogEventKind.NoSharedKey) is null && s.Phase1Started && Logged(LogEventKind.ParsingFailed)
                 && ev.FirstOrDefault(e => e.Kind == LogEventKind.ParsingFailed && BeforePhase1Done(e) && e.Daemon == Reading.LogDaemon.Charon) is { } parse)
        {
            // Without the ENC lines (e.g. a log of the IKE group only) "message parsing failed" on an encrypted
            // phase-1 message is what is left of the decryption failure.
            findings.Add(new Finding(Rules.PskMismatch, NegotiationPhase.Phase1,
                [new LocalizedText($"{me} could not parse the encrypted phase-1 message from {peer} (\"{Message(parse)}\"): the keys derived from the pre-shared key most likely differ",
                    $"{meJa} は {peer} からの暗号化されたフェーズ1 メッセージを解析できませんでした (\"{Message(parse)}\"): 事前共有鍵から導いた鍵が異なる可能性が高いです")],
                parse, Evidence(parse), FixAdvice.PskMismatch()) { Specificity = 1 });
        }
        else if (decrypt is null && ErrorNotify("PAYLOAD-MALFORMED", true) is { } malformed)
        {
            findings.Add(new Finding(Rules.PskMismatch, NegotiationPhase.Phase1,
                [new LocalizedText($"{peer} answered this end's encrypted Main Mode message with PAYLOAD-MALFORMED: it could not decrypt it",
                    $"{peer} は暗号化されたメインモードのメッセージに PAYLOAD-MALFORMED を返しました: 復号できていません")],
                malformed, Evidence(malformed), FixAdvice.PskMismatch()) { Specificity = 1 });
        }

        var idProblem = First(LogEventKind.NoPeerConfig) ?? First(LogEventKind.IdentityMismatch) ?? First(LogEventKind.NoConfigAllowsAuth);
        if (idProblem is not null)
        {
            var lookup = First(LogEventKind.PeerConfigLookup);
            var sent = idProblem.Kind == LogEventKind.IdentityMismatch ? idProblem.Detail : lookup?.Detail2;
            var expected = idProblem.Kind == LogEventKind.IdentityMismatch ? idProblem.Detail2 : null;
            var text = sent is null
                ? new LocalizedText($"{me} found no peer config for {peer}'s identity (\"{Message(idProblem)}\")", $"{meJa} に {peer} の ID に一致する設定がありません (\"{Message(idProblem)}\")")
                : new LocalizedText($"{peer} identified itself as '{sent}'" + (expected is null ? "" : $", expected '{expected}'") + $" (\"{Message(idProblem)}\")",
                    $"{peer} は '{sent}' を名乗りました" + (expected is null ? "" : $" (期待値 '{expected}')") + $" (\"{Message(idProblem)}\")");
            findings.Add(new Finding(Rules.IdentityMismatch, NegotiationPhase.Phase1, [text], idProblem,
                Evidence(idProblem, LogEventKind.PeerConfigLookup), FixAdvice.Identity(sent, expected)) { Specificity = 2 });
        }
        else if (s.Mode != ExchangeMode.Aggressive && established is null && ErrorNotify("AUTHENTICATION-FAILED", true) is { } authFailed)
        {
            findings.Add(new Finding(Rules.IdentityMismatch, NegotiationPhase.Phase1,
                [new LocalizedText($"{peer} answered this end's identity (Main Mode message 5) with AUTHENTICATION-FAILED: it has no peer config for that identity",
                    $"{peer} はこちらの ID (メインモード 5 番目のメッセージ) に AUTHENTICATION-FAILED を返しました: その ID の設定がありません")],
                authFailed, Evidence(authFailed), FixAdvice.Identity(null, null)) { Specificity = 1 });
        }

        if (First(LogEventKind.Phase1NoProposal) is { } noProp)
        {
            findings.Add(ProposalFinding(s, noProp, ike: true, Evidence(noProp, LogEventKind.ProposalsReceived, LogEventKind.ProposalsConfigured, LogEventKind.NoAcceptableTransform)));
        }
        else if (ErrorNotify("NO-PROPOSAL-CHOSEN", true) is { } p1Refused && established is null && !IsPhase2(p1Refused))
        {
            findings.Add(ProposalFinding(s, p1Refused, ike: true, Evidence(p1Refused, LogEventKind.ProposalsConfigured)));
        }

        // ---- phase 2 -------------------------------------------------------------------------
        var p2 = First(LogEventKind.Phase2NoProposal) ?? First(LogEventKind.PfsMismatch)
                 ?? (established is not null || s.Phase1Established ? ErrorNotify("NO-PROPOSAL-CHOSEN", false) : null);
        if (p2 is not null)
        {
            findings.Add(ProposalFinding(s, p2, ike: false, Evidence(p2, LogEventKind.ProposalsReceived, LogEventKind.ProposalsConfigured, LogEventKind.NoAcceptableTransform, LogEventKind.PfsMismatch)));
        }

        var ts = First(LogEventKind.NoMatchingChildConfig) ?? First(LogEventKind.InvalidTrafficSelectors) ?? First(LogEventKind.ProxyIdReturnedMismatch)
                 ?? First(LogEventKind.NoSainfo) ?? ErrorNotify("INVALID-ID-INFORMATION", false) ?? ErrorNotify("ATTRIBUTES-NOT-SUPPORTED", false);
        if (ts is not null)
        {
            findings.Add(TrafficSelectorFinding(s, ts, me, meJa, peer, Evidence(ts, LogEventKind.TrafficSelectorMatch, LogEventKind.NoMatchingChildConfig, LogEventKind.Phase2Initiating)));
        }
        else if (Narrowing(s, Logged(LogEventKind.TrafficSelectorMatch), Logged(LogEventKind.TrafficSelectorsProposedHeader)) is { } narrowed)
        {
            findings.Add(narrowed);
        }

        // ---- reachability: only when nothing above explains the silence ----------------------
        var gaveUp = First(LogEventKind.GivingUp) ?? (Logged(LogEventKind.PeerNotResponding) ? ev.LastOrDefault(e => e.Kind == LogEventKind.PeerNotResponding) : null)
                     ?? First(LogEventKind.HalfOpenTimeout);
        if (gaveUp is not null && !findings.Any(f => f.IsRootCause))
        {
            var quickMode = established is not null && ev.Any(e => e.Kind == LogEventKind.Retransmit && e.MessageId is > 0)
                            || gaveUp.Detail == "phase2";
            if (quickMode && established is not null)
            {
                findings.Add(new Finding(Rules.ProxyIdMismatch, NegotiationPhase.Phase2,
                    [new LocalizedText($"{peer} never answered this end's Quick Mode although phase 1 is up: racoon drops Quick Modes it has no sainfo/policy for, without a notify",
                        $"フェーズ1 は確立していますが {peer} はクイックモードに応答しません: racoon は一致する sainfo/ポリシーがないクイックモードを通知なしで破棄します")],
                    gaveUp, Evidence(gaveUp), FixAdvice.ProxyId(null, null)) { Specificity = 0 });
            }
            else
            {
                var retransmits = ev.Count(e => e.Kind == LogEventKind.Retransmit);
                var heard = ev.Any(e => e.Kind == LogEventKind.PacketReceived);
                var ignored = First(LogEventKind.NotifyIgnored);
                var detail = ignored is not null
                    // KAME racoon discards the peer's plaintext phase-1 notify, so the refusal looks like silence (§3.5).
                    ? new LocalizedText($"\"{Message(gaveUp)}\" after racoon discarded an unencrypted notify from the peer (\"{Message(ignored)}\"): the peer refused the negotiation, its log names the reason",
                        $"racoon が対向の暗号化されていない通知を破棄した後 (\"{Message(ignored)}\") \"{Message(gaveUp)}\": 対向が折衝を拒否しています。理由は対向のログにあります")
                    : new LocalizedText(
                    $"{retransmits} retransmits without a usable answer, then \"{Message(gaveUp)}\"" + (heard ? "" : "; nothing was ever received from it"),
                    $"{retransmits} 回再送しても有効な応答がなく \"{Message(gaveUp)}\"" + (heard ? "" : "。対向からは何も受信していません"));
                findings.Add(new Finding(Rules.PeerNotResponding, NegotiationPhase.Phase1, [peer, detail], gaveUp, Evidence(gaveUp), FixAdvice.Unreachable(peer)));
            }
        }

        // ---- lifecycle -------------------------------------------------------------------------
        if (First(LogEventKind.DpdTimeout) is { } dpd)
        {
            var sent = ev.Count(e => e.Kind == LogEventKind.DpdRequestSent);
            findings.Add(new Finding(Rules.DeadPeer, NegotiationPhase.Lifecycle,
                [peer, new LocalizedText($"R-U-THERE unanswered ({sent} DPD requests sent), \"{Message(dpd)}\"", $"R-U-THERE に応答なし (DPD 要求 {sent} 回), \"{Message(dpd)}\"")],
                dpd, Evidence(dpd, LogEventKind.DpdRequestSent), FixAdvice.DeadPeer()));
        }
        if (!findings.Any(f => f.IsRootCause || f.Rule == Rules.PeerNotResponding))
        {
            var deletes = Logged(LogEventKind.DeleteReceived) || Logged(LogEventKind.DeleteSent)
                ? ev.Where(e => e.Kind is LogEventKind.DeleteReceived or LogEventKind.DeleteSent).ToList()
                : [];
            if (deletes.Count > 0)
            {
                var d = deletes[0];
                var by = d.Kind == LogEventKind.DeleteReceived ? peer : me;
                var what = string.Join(" + ", deletes.Select(x => x.Detail switch { "CHILD_SA" or "IPsec-SA" => "IPsec SA (ESP)", _ => "ISAKMP SA" }).Distinct());
                findings.Add(new Finding(Rules.SaDeletedByPeer, NegotiationPhase.Lifecycle, [what, by], d, deletes.Take(EvidenceCap).ToList(), []));
            }
        }
        if (First(LogEventKind.NatDetected) is { } nat)
        {
            var forced = nat.Text.Contains("faking", StringComparison.Ordinal);
            findings.Add(new Finding(Rules.NatTraversal, NegotiationPhase.Lifecycle,
                [new LocalizedText($"{Message(nat)}" + (forced ? " (encapsulation forced)" : "") + "; IKE moves to UDP 4500 and ESP is UDP-encapsulated",
                    $"{Message(nat)}" + (forced ? " (カプセル化を強制)" : "") + "。IKE は UDP 4500 に移り ESP は UDP カプセル化されます")],
                nat, [nat], []));
        }
        if (First(LogEventKind.StaleSaPurged) is { } stale)
        {
            findings.Add(new Finding(Rules.InitialContact, NegotiationPhase.Lifecycle,
                [new LocalizedText($"INITIAL-CONTACT from {peer} removed SAs left from before its restart (\"{Message(stale)}\")",
                    $"{peer} の INITIAL-CONTACT により再起動前の SA が削除されました (\"{Message(stale)}\")")],
                stale, [stale], []));
        }
        return findings;
    }

    private static Reading.LogDaemon LogDaemon() => Reading.LogDaemon.Racoon;

    private static int IndexOfRef(IReadOnlyList<LogEvent> list, LogEvent e)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], e)) return i;
        }
        return -1;
    }

    private static bool IsPhase2(LogEvent e) =>
        e.Exchange is "QUICK_MODE" || e.Kind is LogEventKind.Phase2NoProposal or LogEventKind.ProxyIdReturnedMismatch or LogEventKind.NoSainfo;

    /// <summary>The message text after the prefix, for quoting.</summary>
    internal static string Message(LogEvent e) => e.Message;

    private static LocalizedText DescribeMessage(LogEvent e, LogSession s) => e.Detail switch
    {
        "ID_V1" => s.IsInitiator == true ? new("Main Mode message 6", "メインモードのメッセージ 6") : new("Main Mode message 5", "メインモードのメッセージ 5"),
        "HASH_V1" => new("an encrypted INFORMATIONAL/Quick Mode message", "暗号化された INFORMATIONAL/クイックモードのメッセージ"),
        _ => new("an encrypted message", "暗号化されたメッセージ"),
    };

    // The proposal lists are shared between events (LogGrammar caches them), so every IKE_SA of a tunnel that fails the
    // same way asks the same question: compute the difference once per (received, configured) pair. Keys hold the
    // lists by reference (List does not override Equals); bounded, cleared when full.
    private const int VerdictCacheLimit = 256;
    private readonly record struct VerdictKey(object Received, object Configured, bool Ike, string? Conn);
    private sealed record ProposalVerdict(Rule Rule, LocalizedText Description, IReadOnlyList<CodeFix> Fixes);
    [ThreadStatic] private static Dictionary<VerdictKey, ProposalVerdict?>? _verdicts;

    private static ProposalVerdict? ComputeVerdict(IReadOnlyList<LoggedProposal> received, IReadOnlyList<LoggedProposal> configured, bool ike, string? conn)
    {
        var differences = ProposalDifference.Compute(received, configured);
        if (differences.Count == 0)
        {
            return null;
        }
        var rule = ike ? Rules.Phase1ProposalMismatch : Rules.Phase2ProposalMismatch;
        if (!ike && differences.All(d => d.Type == TransformType.KeyExchange))
        {
            rule = Rules.PfsMismatch;
        }
        var fixes = FixAdvice.ForProposalDifference(differences, received.Count == 1 ? received[0] : null, ike, conn);
        return new ProposalVerdict(rule, ProposalDifference.Describe(differences, ike), fixes);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Finding ProposalFinding(LogSession s, LogEvent decisive, bool ike, List<LogEvent> evidence)
    {
        var ev = s.Events;
        var at = IndexOfRef(ev, decisive);
        var prefix = ike ? "IKE" : "ESP";
        // A session logs the proposals of both phases; the other phase's lists are not evidence of this mismatch.
        evidence.RemoveAll(e => e.Kind is LogEventKind.ProposalsReceived or LogEventKind.ProposalsConfigured
                                && e.Proposals.Count > 0 && e.Proposals[0].IsIke != ike);
        LogEvent? Before(LogEventKind kind)
        {
            for (var i = Math.Min(at, ev.Count - 1); i >= 0; i--)
            {
                var e = ev[i];
                if (e.Kind == kind && e.Proposals.Count > 0 && e.Proposals[0].Protocol == prefix)
                {
                    return e;
                }
            }
            return null;
        }
        var received = Before(LogEventKind.ProposalsReceived);
        var configured = Before(LogEventKind.ProposalsConfigured);
        var rule = ike ? Rules.Phase1ProposalMismatch : Rules.Phase2ProposalMismatch;
        var phase = ike ? NegotiationPhase.Phase1 : NegotiationPhase.Phase2;
        var peer = s.Remote?.Address.ToString() ?? "the peer";

        if (received is not null && configured is not null && decisive.Daemon == Reading.LogDaemon.Charon)
        {
            var key = new VerdictKey(received.Proposals, configured.Proposals, ike, s.ConnectionName);
            var verdicts = _verdicts ??= [];
            if (!verdicts.TryGetValue(key, out var verdict))
            {
                verdict = ComputeVerdict(received.Proposals, configured.Proposals, ike, s.ConnectionName);
                if (verdicts.Count >= VerdictCacheLimit)
                {
                    verdicts.Clear();
                }
                verdicts[key] = verdict;
            }
            if (verdict is not null)
            {
                return new Finding(verdict.Rule, phase, [verdict.Description], decisive, evidence, verdict.Fixes) { Specificity = 3 };
            }
        }
        if (decisive.Kind == LogEventKind.PfsMismatch)
        {
            return new Finding(Rules.PfsMismatch, phase, [new LocalizedText($"\"{decisive.Detail}\"", $"\"{decisive.Detail}\"")], decisive, evidence,
                [CodeFix.Advice(new LocalizedText(
                    $"Make PFS agree: SEIL {FixAdvice.SeilIf}.ike.proposal.phase2.pfs-group and the group in strongSwan esp= (e.g. esp=aes256-sha256-modp1536!)",
                    $"PFS を両端で揃えます: SEIL の {FixAdvice.SeilIf}.ike.proposal.phase2.pfs-group と strongSwan の esp= のグループ (例: esp=aes256-sha256-modp1536!)"))]) { Specificity = 2 };
        }
        if (decisive.Kind == LogEventKind.Phase1NoProposal && decisive.Daemon == Reading.LogDaemon.Racoon)
        {
            var rejected = ev.Where(e => e.Kind == LogEventKind.Phase1NoProposal && e.Detail is not null).ToList();
            var text = rejected.Count > 0
                ? string.Join("; ", rejected.Select(r => $"{r.Detail}: SEIL {r.Detail2}, peer {r.Detail3}").Distinct())
                : $"racoon found no acceptable transform in {peer}'s proposal (\"{Message(decisive)}\")";
            return new Finding(rule, phase, [new LocalizedText(text, text)], decisive, evidence,
                [CodeFix.Advice(new LocalizedText(
                    $"Make the phase-1 proposals agree: SEIL {FixAdvice.SeilIf}.ike.proposal.phase1.* and strongSwan ike=",
                    $"フェーズ1 のプロポーザルを両端で揃えます: SEIL の {FixAdvice.SeilIf}.ike.proposal.phase1.* と strongSwan の ike="))]) { Specificity = rejected.Count > 0 ? 3 : 1 };
        }
        // Only this end's offer is known (the initiator's log): say what was refused.
        var offered = configured?.Proposals ?? [];
        var list = offered.Count == 0 ? "" : string.Join(", ", offered.Take(3).Select(p => p.ToString())) + (offered.Count > 3 ? $", … ({offered.Count})" : "");
        var msg = new LocalizedText(
            $"{peer} refused every {(ike ? "IKE" : "ESP")} proposal offered" + (list.Length > 0 ? $" ({list})" : "") + $" with {decisive.Detail ?? "NO-PROPOSAL-CHOSEN"}; the peer's log names the transform it lacks",
            $"{peer} は提案したすべての {(ike ? "IKE" : "ESP")} プロポーザル" + (list.Length > 0 ? $" ({list})" : "") + $" を {decisive.Detail ?? "NO-PROPOSAL-CHOSEN"} で拒否しました。不足している変換は対向のログにあります");
        var advice = ike
            ? new LocalizedText($"Compare SEIL {FixAdvice.SeilIf}.ike.proposal.phase1.encryption/hash/dh-group with strongSwan ike= of the peer",
                $"SEIL の {FixAdvice.SeilIf}.ike.proposal.phase1.encryption/hash/dh-group と対向 strongSwan の ike= を比べてください")
            : new LocalizedText($"Compare SEIL {FixAdvice.SeilIf}.ike.proposal.phase2.encryption/authentication/pfs-group with strongSwan esp= of the peer",
                $"SEIL の {FixAdvice.SeilIf}.ike.proposal.phase2.encryption/authentication/pfs-group と対向 strongSwan の esp= を比べてください");
        return new Finding(rule, phase, [msg], decisive, evidence, [CodeFix.Advice(advice)]) { Specificity = 1 };
    }

    private static Finding TrafficSelectorFinding(LogSession s, LogEvent decisive, string me, string meJa, string peer, List<LogEvent> evidence)
    {
        var detail = decisive.Kind switch
        {
            LogEventKind.NoMatchingChildConfig => new LocalizedText(
                $"{me} has no connection for the Quick Mode IDs {decisive.Detail ?? "?"} === {decisive.Detail2 ?? "?"} proposed by {peer} and answers INVALID-ID-INFORMATION",
                $"{meJa} には {peer} が提案したクイックモード ID {decisive.Detail ?? "?"} === {decisive.Detail2 ?? "?"} に一致する接続がなく INVALID-ID-INFORMATION を返します"),
            LogEventKind.ProxyIdReturnedMismatch => new LocalizedText(
                $"racoon (SEIL) got back Quick Mode IDs that differ from the ones it sent (\"{Message(decisive)}\"): {peer} narrowed or changed the traffic selectors",
                $"racoon (SEIL) が送ったものと異なるクイックモード ID が返されました (\"{Message(decisive)}\"): {peer} がトラフィックセレクタを狭めたか変更しました"),
            LogEventKind.NoSainfo => new LocalizedText(
                $"racoon has no sainfo/policy for the Quick Mode IDs from {peer} (\"{Message(decisive)}\"); it sends no notify",
                $"racoon に {peer} のクイックモード ID に一致する sainfo/ポリシーがありません (\"{Message(decisive)}\")。通知は送られません"),
            LogEventKind.InvalidTrafficSelectors => new LocalizedText(
                $"{peer} selected traffic selectors this end did not propose (\"{Message(decisive)}\")",
                $"{peer} がこちらの提案にないトラフィックセレクタを選びました (\"{Message(decisive)}\")"),
            _ => new LocalizedText(
                $"{peer} refused this end's Quick Mode IDs with {decisive.Detail}",
                $"{peer} がこちらのクイックモード ID を {decisive.Detail} で拒否しました"),
        };
        // The SEIL proxy-id should be the strongSwan subnets swapped: known when charon printed its config.
        var match = s.Events.Where(e => e.Kind == LogEventKind.TrafficSelectorMatch).ToList();
        return new Finding(Rules.ProxyIdMismatch, NegotiationPhase.Phase2, [detail], decisive, evidence,
            FixAdvice.ProxyId(match.ElementAtOrDefault(0)?.Detail, match.ElementAtOrDefault(1)?.Detail))
            // The end that judged the selectors says more than the end that only got the notify.
            { Specificity = decisive.Kind == LogEventKind.ErrorNotifyReceived ? 2 : 3 };
    }

    /// <summary>A Quick Mode that succeeded only because one end narrowed the other's selectors: racoon would refuse it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Finding? Narrowing(LogSession s, bool hasMatches, bool hasProposedHeader)
    {
        // Without a "config: ..." line nothing was narrowed here, and without the proposed-selectors header there is
        // no list to compare with the CHILD_SA: the common session skips both scans.
        if (!hasMatches && !hasProposedHeader)
        {
            return null;
        }
        var narrowed = hasMatches
            ? s.Events.Where(e => e.Kind == LogEventKind.TrafficSelectorMatch && e.Detail3 is not null && e.Detail2 is not null && e.Detail3 != e.Detail2).ToList()
            : [];
        var peer = s.Remote?.Address.ToString() ?? "the peer";
        if (narrowed.Count > 0)
        {
            var text = string.Join("; ", narrowed.Select(n => $"received {n.Detail2}, narrowed to {n.Detail3}"));
            return new Finding(Rules.ProxyIdMismatch, NegotiationPhase.Phase2,
                [new LocalizedText($"{text}: this end narrowed {peer}'s Quick Mode IDs; a SEIL (racoon) initiator logs 'mismatched ID was returned.' and fails",
                    $"{text}: こちらが {peer} のクイックモード ID を狭めました。SEIL (racoon) が始動側だと 'mismatched ID was returned.' で失敗します")],
                narrowed[0], narrowed, FixAdvice.ProxyId(narrowed.ElementAtOrDefault(0)?.Detail3, narrowed.ElementAtOrDefault(1)?.Detail3))
            { Severity = Severity.Warning, Specificity = 2 };
        }
        if (!hasProposedHeader)
        {
            return null;
        }
        // Initiator side: proposed selectors vs. the ones the CHILD_SA was installed with.
        var proposed = new List<string>();
        var collecting = false;
        foreach (var e in s.Events)
        {
            if (e.Kind == LogEventKind.TrafficSelectorsProposedHeader) { collecting = true; continue; }
            if (collecting && e.Kind == LogEventKind.TrafficSelectorItem && e.Detail is not null) { proposed.Add(e.Detail); continue; }
            collecting = false;
        }
        var child = s.Events.FirstOrDefault(e => e.Kind == LogEventKind.ChildSaEstablished && e.Detail is not null);
        if (child is not null && proposed.Count >= 2 && (proposed[0] != child.Detail || proposed[1] != child.Detail2))
        {
            var text = $"proposed {proposed[0]} === {proposed[1]}, {peer} returned {child.Detail} === {child.Detail2}";
            return new Finding(Rules.ProxyIdMismatch, NegotiationPhase.Phase2,
                [new LocalizedText($"{text}: the responder narrowed the Quick Mode IDs; strongSwan accepts this, a SEIL (racoon) initiator logs 'mismatched ID was returned.' and fails",
                    $"{text}: 応答側がクイックモード ID を狭めました。strongSwan は受け入れますが SEIL (racoon) は 'mismatched ID was returned.' で失敗します")],
                child, [child], FixAdvice.ProxyId(child.Detail, child.Detail2)) { Severity = Severity.Warning, Specificity = 1 };
        }
        return null;
    }
}
