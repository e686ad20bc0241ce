namespace SeilDiag.Logs.Events;

/// <summary>
/// racoon's messages (log-catalog.md §3) in both the KAME wording (the SEIL lineage: "mismatched ID was returned.",
/// "failed to pre-process packet.") and the ipsec-tools 0.8 wording ("mismatched IDci was returned.", "failed to
/// pre-process ph2 packet (side: 0, status 2).", "notification ... received in ...").
/// </summary>
internal static class RacoonCatalog
{
    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static LogEventKind? Classify(ReadOnlySpan<char> m)
    {
        if (m.Length < 4)
        {
            return null;
        }
        if (m.StartsWith("initiate new phase 1 negotiation: ")) return LogEventKind.Phase1Initiating;
        if (m.StartsWith("respond new phase 1 negotiation: ")) return LogEventKind.Phase1PeerInitiating;
        if (m.StartsWith("begin ") && m.EndsWith(" mode.")) return LogEventKind.ExchangeModeBegin;
        if (m.StartsWith("ISAKMP-SA established ")) return LogEventKind.IkeSaEstablished;
        if (m.StartsWith("initiate new phase 2 negotiation: ")) return LogEventKind.Phase2Initiating;
        if (m.StartsWith("respond new phase 2 negotiation: ")) return LogEventKind.Phase2Responding;
        if (m.StartsWith("new phase2 negotiation")) return LogEventKind.Phase2Handle;
        if (m.StartsWith("IPsec-SA established: ")) return LogEventKind.ChildSaEstablished;
        if (m.StartsWith("mismatched ID") && m.EndsWith(" was returned.")) return LogEventKind.ProxyIdReturnedMismatch;
        if (m.StartsWith("mismatched identification")) return LogEventKind.IdentityMismatch;
        if (m.StartsWith("ID type mismatched.") || m.StartsWith("ID value mismatched.") || m.StartsWith("unexpected rmconf switch")) return LogEventKind.IdentityMismatch;
        if (m.StartsWith("failed to pre-process ") || m.StartsWith("failed to process ")) return LogEventKind.PreprocessFailed;
        if (m.StartsWith("phase1 negotiation failed due to time up")) return LogEventKind.GivingUp;
        if (m.StartsWith("phase2 negotiation failed due to time up")) return LogEventKind.GivingUp;
        if (m.Contains("give up to get IPsec-SA due to time up", StringComparison.Ordinal)) return LogEventKind.GivingUp;
        if (m.StartsWith("phase1 negotiation failed")) return LogEventKind.Phase1Failed;
        if (m.StartsWith("phase2 negotiation failed")) return LogEventKind.Phase2Failed;
        if (m.StartsWith("invalid isakmp packet from ")) return LogEventKind.InvalidPacket;
        if (m.StartsWith("no suitable proposal found.") || m.StartsWith("failed to get valid proposal.")
            || (m.StartsWith("rejected ") && m.Contains(": DB(", StringComparison.Ordinal))) return LogEventKind.Phase1NoProposal;
        if (m.StartsWith("couldn't find the pskey")) return LogEventKind.NoSharedKey;
        if (m.StartsWith("couldn't find the proper pskey")) return LogEventKind.Other;
        if (m.StartsWith("HASH mismatched") || m.StartsWith("ignore information due to hash")) return LogEventKind.HashMismatch;
        if (m.StartsWith("invalid length of payload") || m.StartsWith("ignore the packet, received unexpecting payload type")) return LogEventKind.DecryptionFailed;
        if (m.StartsWith("couldn't find configuration.") || (m.StartsWith("exchange ") && m.EndsWith(" not allowed in any applicable rmconf."))) return LogEventKind.NoIkeConfig;
        if (m.StartsWith("notification ") && m.Contains(" received in ", StringComparison.Ordinal)) return LogEventKind.ErrorNotifyReceived;
        if (m.StartsWith("unknown notify message, no phase2 handle found")) return LogEventKind.ErrorNotifyReceived;
        if (m.StartsWith("pfs group mismatched") || m.StartsWith("no PFS is specified, but peer sends KE") || m.StartsWith("PFS is specified, but peer doesn't sends KE")) return LogEventKind.PfsMismatch;
        if (m.StartsWith("trns_id mismatched") || m.StartsWith("authtype mismatched") || m.StartsWith("key length mismatched")
            || m.StartsWith("no proposal chosen.") || m.StartsWith("long lifetime proposed") || m.StartsWith("long lifebyte proposed")
            || m.StartsWith("lifetime mismatched") || m.StartsWith("lifebyte mismatched") || m.StartsWith("encmode mismatched")) return LogEventKind.Phase2NoProposal;
        if (m.StartsWith("failed to get sainfo") || m.StartsWith("no policy found") || m.StartsWith("failed to get proposal for responder")) return LogEventKind.NoSainfo;
        if (m.StartsWith("DPD: remote ") && m.Contains("seems to be dead", StringComparison.Ordinal)) return LogEventKind.DpdTimeout;
        if (m.StartsWith("purged ISAKMP-SA ") || m.StartsWith("purged IPsec-SA ")) return LogEventKind.DeleteReceived;
        if (m.StartsWith("purging ") && m.Contains(" SAs for ", StringComparison.Ordinal)) return LogEventKind.StaleSaPurged;
        if (m.StartsWith("NAT detected") || m.StartsWith("NAT-T: ports changed to")) return LogEventKind.NatDetected;
        if (m.StartsWith("ISAKMP-SA expired") || m.StartsWith("ISAKMP-SA deleted") || m.StartsWith("IPsec-SA expired")) return LogEventKind.SaExpired;
        if (m.StartsWith("ignore information because the message has no hash payload")) return LogEventKind.NotifyIgnored;
        if (m.StartsWith("the packet is retransmitted by ")) return LogEventKind.PeerRetransmitted;
        if (m.StartsWith("delete phase1 handle") || m.StartsWith("received Vendor ID") || m.StartsWith("IPsec-SA request for ")
            || m.StartsWith("Selected NAT-T version") || m.StartsWith("NAT-D payload") || m.StartsWith("NAT not detected")
            || m.StartsWith("use own lifetime") || m.StartsWith("received RESPONDER-LIFETIME")) return LogEventKind.Other;
        return null;
    }

    public static void Fill(LogEvent e, string m)
    {
        switch (e.Kind)
        {
            case LogEventKind.Phase1Initiating:
            case LogEventKind.Phase1PeerInitiating:
            case LogEventKind.Phase2Initiating:
            case LogEventKind.Phase2Responding:
            {
                // "initiate new phase 2 negotiation: 10.0.0.1<=>10.0.0.2 [ISAKMP:icookie:rcookie]"
                var body = m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                var space = body.IndexOf(' ');
                var pair = space > 0 ? body[..space] : body;
                var arrow = pair.IndexOf("<=>", StringComparison.Ordinal);
                if (arrow > 0)
                {
                    if (LogGrammar.TryEndpoint(pair[..arrow], out var local)) e.Local = local;
                    if (LogGrammar.TryEndpoint(pair[(arrow + 3)..], out var remote)) e.Remote = remote;
                }
                ReadIsakmpIndex(e, m);
                break;
            }
            case LogEventKind.Phase2Handle:
                ReadIsakmpIndex(e, m);
                break;
            case LogEventKind.ExchangeModeBegin:
                e.Detail = m.Contains("Aggressive", StringComparison.Ordinal) ? "Aggressive" : "Main";
                break;
            case LogEventKind.IkeSaEstablished:
            {
                // "ISAKMP-SA established 10.0.0.1[500]-10.0.0.2[500] spi:icookie:rcookie"
                var body = CharonCatalog.Between(m, "established ", " spi:");
                var dash = body?.IndexOf("]-", StringComparison.Ordinal) ?? -1;
                if (body is not null && dash > 0)
                {
                    if (LogGrammar.TryEndpoint(body[..(dash + 1)], out var local)) e.Local = local;
                    if (LogGrammar.TryEndpoint(body[(dash + 2)..], out var remote)) e.Remote = remote;
                }
                e.Detail3 = CharonCatalog.Between(m, "spi:", null);
                break;
            }
            case LogEventKind.ChildSaEstablished:
                // "IPsec-SA established: ESP/Tunnel 192.0.2.1[0]->203.0.113.1[0] spi=4233547948(0xfc56d0ac)"
                e.Detail3 = CharonCatalog.Between(m, "spi=", null);
                break;
            case LogEventKind.ProxyIdReturnedMismatch:
                e.Detail = CharonCatalog.Between(m, "mismatched ", " was returned.");
                break;
            case LogEventKind.GivingUp:
                e.Detail = m.StartsWith("phase1", StringComparison.Ordinal) ? "phase1" : "phase2";
                break;
            case LogEventKind.InvalidPacket:
            {
                var from = CharonCatalog.Between(m, "packet from ", null);
                if (from is not null && LogGrammar.TryEndpoint(from, out var remote)) e.Remote = remote;
                break;
            }
            case LogEventKind.Phase1NoProposal:
                // "rejected dh_group: DB(prop#1:trns#1):Peer(prop#1:trns#1) = 1024-bit MODP group:1536-bit MODP group"
                if (m.StartsWith("rejected ", StringComparison.Ordinal))
                {
                    e.Detail = CharonCatalog.Between(m, "rejected ", ":");
                    var values = CharonCatalog.Between(m, " = ", null);
                    var colon = values?.LastIndexOf(':') ?? -1;
                    if (values is not null && colon > 0)
                    {
                        e.Detail2 = values[..colon];        // mine (DB)
                        e.Detail3 = values[(colon + 1)..];  // peer
                    }
                }
                break;
            case LogEventKind.NoSharedKey:
                e.Detail2 = CharonCatalog.Between(m, "pskey for ", null)?.TrimEnd('.');
                break;
            case LogEventKind.ErrorNotifyReceived:
                // T: "notification NO-PROPOSAL-CHOSEN received in unencrypted informational exchange."
                e.Detail = m.StartsWith("notification ", StringComparison.Ordinal)
                    ? NotifyNames.ToRfcName(CharonCatalog.Between(m, "notification ", " received in") ?? "")
                    : "unknown (no phase2 handle)";
                e.Detail2 = CharonCatalog.Between(m, " received in ", null)?.TrimEnd('.');
                // An encrypted informational (or phase-2) notify comes after phase 1: charon sends its Quick Mode refusals
                // in a new INFORMATIONAL exchange (log-catalog.md §2.5, §5). Unencrypted ones are phase-1 refusals.
                if (e.Detail2?.Contains("phase2", StringComparison.Ordinal) == true || e.Detail2 == "informational exchange"
                    || m.StartsWith("unknown", StringComparison.Ordinal))
                {
                    e.Exchange = "QUICK_MODE";
                }
                break;
            case LogEventKind.PfsMismatch:
            case LogEventKind.Phase2NoProposal:
            case LogEventKind.NoSainfo:
            case LogEventKind.DeleteReceived:
            case LogEventKind.StaleSaPurged:
            case LogEventKind.NatDetected:
            case LogEventKind.DpdTimeout:
                e.Detail = m.TrimEnd('.');
                if (e.Kind == LogEventKind.DeleteReceived)
                {
                    e.Detail = m.Contains("ISAKMP-SA", StringComparison.Ordinal) ? "ISAKMP-SA" : "IPsec-SA";
                }
                break;
        }
    }

    /// <summary>"[ISAKMP:d8ad22e1602d929b:352dcafe83de1fa1:000026c2]" → cookies and message id.</summary>
    private static void ReadIsakmpIndex(LogEvent e, string m)
    {
        var index = CharonCatalog.Between(m, "[ISAKMP:", "]");
        if (index is null)
        {
            return;
        }
        var parts = index.Split(':');
        if (parts.Length >= 2)
        {
            e.Detail3 = parts[0] + ":" + parts[1];
        }
        if (parts.Length >= 3 && uint.TryParse(parts[2], System.Globalization.NumberStyles.HexNumber, null, out var mid))
        {
            e.MessageId = mid;
        }
    }
}
