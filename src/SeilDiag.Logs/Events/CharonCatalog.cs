using System.Net;

namespace SeilDiag.Logs.Events;

/// <summary>
/// charon's IKEv1 messages (log-catalog.md §2) → event kinds. <see cref="Classify"/> runs on every charon line and
/// only compares spans (dispatch on the first character); <see cref="Fill"/> runs on the few lines that matched and
/// extracts the fields with the Sprache grammars. Version wordings of §6 are accepted (cancelling/canceling, TS-less
/// "no matching CHILD_SA config found", DIFFIE_HELLMAN_GROUP/KEY_EXCHANGE_METHOD).
/// </summary>
internal static class CharonCatalog
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
        switch (m[0])
        {
            case ' ':
                var t = m.TrimStart();
                if (t.StartsWith("config: ") && t.Contains(" => ", StringComparison.Ordinal)) return LogEventKind.TrafficSelectorMatch;
                if (t.StartsWith("no acceptable ") && t.EndsWith(" found")) return LogEventKind.NoAcceptableTransform;
                if (t.Length > 0 && (char.IsAsciiDigit(t[0]) || t[0] == ':' || char.IsAsciiHexDigit(t[0])) && t.Contains('/') && t.IndexOf(' ') < 0) return LogEventKind.TrafficSelectorItem;
                return null;
            case 'r':
                if (m.StartsWith("received packet: from ")) return m.EndsWith(" bytes)") ? LogEventKind.PacketReceived : null;
                if (m.StartsWith("received proposals: ")) return LogEventKind.ProposalsReceived;
                if (m.StartsWith("received DELETE for ")) return LogEventKind.DeleteReceived;
                if (m.StartsWith("received retransmit of ")) return LogEventKind.PeerRetransmitted;
                if (m.StartsWith("remote host is behind NAT")) return LogEventKind.NatDetected;
                if (m.EndsWith(" vendor ID") || m.StartsWith("received unknown vendor ID: ")) return LogEventKind.Other;
                if (m.StartsWith("received quick mode request for unestablished IKE_SA")) return LogEventKind.Other;
                if (m.StartsWith("received ") && m.EndsWith(" error notify")) return LogEventKind.ErrorNotifyReceived;
                if (m.StartsWith("received ") && m.EndsWith(" notify")) return LogEventKind.StatusNotifyReceived;
                if (m.StartsWith("received ") && m.Contains(" notify, redirected to ", StringComparison.Ordinal)) return LogEventKind.StatusNotifyReceived;
                return null;
            case 's':
                if (m.StartsWith("sending packet: from ")) return m.EndsWith(" bytes)") ? LogEventKind.PacketSent : null;
                if (m.StartsWith("sending retransmit ")) return LogEventKind.Retransmit;
                if (m.StartsWith("selected proposal: ")) return LogEventKind.ProposalSelected;
                if (m.StartsWith("sending DPD request")) return LogEventKind.DpdRequestSent;
                if (m.StartsWith("sending DELETE for ")) return LogEventKind.DeleteSent;
                if (m.StartsWith("selected peer config ")) return LogEventKind.Other;
                if (m.StartsWith("sending ") && m.EndsWith(" vendor ID")) return LogEventKind.Other;
                if (m.StartsWith("scheduling reauthentication in ")) return LogEventKind.Other;
                return null;
            case 'p':
                if (m.StartsWith("parsed ESP header")) return LogEventKind.Other;
                if (m.StartsWith("parsed ")) return LogEventKind.MessageParsed;
                if (m.StartsWith("proposing traffic selectors for ")) return LogEventKind.TrafficSelectorsProposedHeader;
                if (m.StartsWith("peer not responding")) return LogEventKind.PeerNotResponding;
                if (m.StartsWith("peer selected invalid traffic selectors")) return LogEventKind.InvalidTrafficSelectors;
                return null;
            case 'g':
                if (m.StartsWith("generating ")) return LogEventKind.MessageGenerated;
                if (m.StartsWith("giving up after ")) return LogEventKind.GivingUp;
                return null;
            case 'c':
                if (m.StartsWith("configured proposals: ")) return LogEventKind.ProposalsConfigured;
                if (m.StartsWith("could not decrypt payloads")) return LogEventKind.ParsingFailed;
                if (m.StartsWith("calculated HASH does not match HASH payload")) return LogEventKind.HashMismatch;
                if (m.StartsWith("closing CHILD_SA ") || m.StartsWith("closing expired CHILD_SA ")) return LogEventKind.ChildSaClosed;
                if (m.StartsWith("canceling Main Mode") || m.StartsWith("cancelling Main Mode")) return LogEventKind.Other;
                return null;
            case 'i':
                if (m.StartsWith("initiating Main Mode IKE_SA ") || m.StartsWith("initiating Aggressive Mode IKE_SA ")) return LogEventKind.Phase1Initiating;
                if (m.StartsWith("invalid ") && m.EndsWith("payload length, decryption failed?")) return LogEventKind.DecryptionFailed;
                if (m.StartsWith("integrity check failed")) return LogEventKind.HashMismatch;
                return null;
            case 'n':
                if (m.StartsWith("no proposal found")) return LogEventKind.Phase1NoProposal;
                if (m.StartsWith("no matching proposal found")) return LogEventKind.Phase2NoProposal;
                if (m.StartsWith("no shared key found for ")) return LogEventKind.NoSharedKey;
                if (m.StartsWith("no IKE config found for ")) return LogEventKind.NoIkeConfig;
                if (m.StartsWith("no peer config found")) return LogEventKind.NoPeerConfig;
                if (m.StartsWith("no alternative config found")) return LogEventKind.NoPeerConfig;
                if (m.StartsWith("no matching CHILD_SA config found")) return LogEventKind.NoMatchingChildConfig;
                if (m.StartsWith("no acceptable traffic selectors found")) return LogEventKind.InvalidTrafficSelectors;
                return null;
            case 'm':
                if (m.StartsWith("message parsing failed") || m.StartsWith("message verification failed")) return LogEventKind.ParsingFailed;
                if (m.StartsWith("maximum IKE_SA lifetime ")) return LogEventKind.Other;
                return null;
            case 'A':
                if (m.StartsWith("Aggressive Mode PSK disabled for security reasons")) return LogEventKind.AggressivePskDisabled;
                return null;
            case 'l':
                if (m.StartsWith("looking for ") && m.Contains(" peer configs matching ", StringComparison.Ordinal)) return LogEventKind.PeerConfigLookup;
                if (m.StartsWith("local host is behind NAT")) return LogEventKind.NatDetected;
                return null;
            case 'f':
                if (m.StartsWith("found ") && m.Contains(" but none allows ", StringComparison.Ordinal)) return LogEventKind.NoConfigAllowsAuth;
                if (m.StartsWith("faking NAT situation")) return LogEventKind.NatDetected;
                return null;
            case 'I':
                if (m.StartsWith("IKE_SA ") && m.Contains(" established between ", StringComparison.Ordinal)) return LogEventKind.IkeSaEstablished;
                if (m.StartsWith("IKE_SA ") && m.Contains(" state change: ", StringComparison.Ordinal)) return LogEventKind.IkeSaStateChange;
                if (m.StartsWith("IDir '") && m.Contains("' does not match to '", StringComparison.Ordinal)) return LogEventKind.IdentityMismatch;
                if (m.StartsWith("IDii payload missing") || m.StartsWith("IDir payload missing")) return LogEventKind.ParsingFailed;
                return null;
            case 'C':
                if (m.StartsWith("CHILD_SA ") && m.Contains(" established with SPIs ", StringComparison.Ordinal)) return LogEventKind.ChildSaEstablished;
                return null;
            case 'D':
                if (m.StartsWith("DPD check timed out")) return LogEventKind.DpdTimeout;
                if (m.StartsWith("DPD not supported by peer")) return LogEventKind.DpdUnsupported;
                return null;
            case 'd':
                if (m.StartsWith("deleting half open IKE_SA")) return LogEventKind.HalfOpenTimeout;
                if (m.StartsWith("deleting IKE_SA ") && m.Contains(" between ", StringComparison.Ordinal)) return LogEventKind.IkeSaDeleting;
                if (m.StartsWith("destroying IKE_SA in state ")) return LogEventKind.IkeSaDestroyedUnnotified;
                if (m.StartsWith("destroying duplicate IKE_SA for peer ") && m.Contains("INITIAL_CONTACT", StringComparison.Ordinal)) return LogEventKind.StaleSaPurged;
                if (m.StartsWith("detected rekeying of CHILD_SA ") || m.StartsWith("detected reauth of existing IKE_SA")) return LogEventKind.Other;
                return null;
            case 'e':
                if (m.StartsWith("establishing IKE_SA failed, peer not responding")) return LogEventKind.PeerNotResponding;
                return null;
            case 'u':
                if (m.StartsWith("unable to install ")) return LogEventKind.Other;
                return null;
            default:
                if (m.Contains(" is initiating a ", StringComparison.Ordinal) && m.EndsWith(" Mode IKE_SA")) return LogEventKind.Phase1PeerInitiating;
                if (m.EndsWith(" processing failed") && m.Contains(" with message ID ", StringComparison.Ordinal)) return LogEventKind.ProcessingFailed;
                return null;
        }
    }

    /// <summary>
    /// True when <see cref="Classify"/> returns null for this message (printable ASCII, given as its bytes), for the
    /// commonest kinds of uncatalogued charon line: indented lines (config and key dumps, a fifth of a debug log),
    /// lines starting with a letter no case of the switch handles ("activating", "waiting for", "queueing", "killing":
    /// an eighth) and start-up "loading"/"loaded" lines. Those lines are then neither widened nor classified. False
    /// means "ask Classify". Mirrors the switch's ' ', 'l' and default cases; HotPathTests check it against Classify.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool IsUncatalogued(ReadOnlySpan<byte> m)
    {
        if (m.Length < 4)
        {
            return true;
        }
        switch (m[0])
        {
            case (byte)' ':
            {
                var t = m.TrimStart((byte)' ');
                if (t.StartsWith("config: "u8) || t.StartsWith("no acceptable "u8))
                {
                    return false;
                }
                // Not a traffic selector item: empty, not starting like an address, no '/', or holding a space.
                return t.Length == 0 || !(char.IsAsciiHexDigit((char)t[0]) || t[0] == ':') || t.IndexOf((byte)'/') < 0 || t.IndexOf((byte)' ') >= 0;
            }
            case (byte)'a':
            case (byte)'k':
            case (byte)'q':
            case (byte)'w':
                // Only the default branch's two tests apply to these first letters.
                return !(m.EndsWith(" Mode IKE_SA"u8) && m.IndexOf(" is initiating a "u8) >= 0)
                       && !(m.EndsWith(" processing failed"u8) && m.IndexOf(" with message ID "u8) >= 0);
            case (byte)'l':
                // "loading ...", "loaded ..." (start-up): the 'l' case's two messages start differently.
                return !m.StartsWith("looking for "u8) && !m.StartsWith("local host is behind NAT"u8);
            default:
                return false;
        }
    }

    /// <summary>
    /// Fills the event from its line: the two kinds that make up most kept lines of a big log (packets, proposal
    /// lists) are read on the span of the message, without a string for it; every other kind through
    /// <see cref="Fill(LogEvent, string)"/> on the message text. Same results either way (tested on the lab logs).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Fill(LogEvent e, string text, int start)
    {
        var m = text.AsSpan(start);
        switch (e.Kind)
        {
            case LogEventKind.PacketReceived:
            case LogEventKind.PacketSent:
            {
                // "received packet: from A to B (N bytes)"
                LogGrammar.TryEndpoint(Between(m, "from ", " to "), out var a);
                LogGrammar.TryEndpoint(Between(m, " to ", " ("), out var b);
                if (e.Kind == LogEventKind.PacketReceived) { e.Remote = a; e.Local = b; } else { e.Local = a; e.Remote = b; }
                // A missing part is an empty span: the same "not an endpoint"/"not a number" as the string form's null.
                e.Number = int.TryParse(Between(m, " (", " bytes)"), out var bytes) ? bytes : 0;
                return;
            }
            case LogEventKind.ProposalsReceived:
            case LogEventKind.ProposalsConfigured:
            case LogEventKind.ProposalSelected:
                e.Proposals = LogGrammar.ParseProposals(m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
                return;
            case LogEventKind.MessageParsed:
            case LogEventKind.MessageGenerated:
                FillMessageSummary(e, m);
                return;
            default:
                Fill(e, text[start..]);
                return;
        }
    }

    /// <summary>"parsed ID_PROT request 0 [ SA V V ]": exchange, direction, message ID, payloads and notifies.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FillMessageSummary(LogEvent e, ReadOnlySpan<char> m)
    {
        var body = m[(m.IndexOf(' ') + 1)..];
        if (LogGrammar.TryMessageSummary(body, out var exchange, out var response, out var mid, out var payloads))
        {
            e.Exchange = exchange;
            e.IsResponse = response;
            e.MessageId = mid;
            // Shared with every message listing the same payloads (read-only lists).
            e.Payloads = payloads.Payloads;
            e.Notifies = payloads.Notifies;
        }
    }

    /// <summary>Span form of <see cref="Between(string, string, string?)"/> with a non-null end; default (a null span) when absent.</summary>
    private static ReadOnlySpan<char> Between(ReadOnlySpan<char> s, string start, string end)
    {
        var i = s.IndexOf(start, StringComparison.Ordinal);
        if (i < 0)
        {
            return default;
        }
        i += start.Length;
        var j = s[i..].IndexOf(end, StringComparison.Ordinal);
        return j < 0 ? default : s.Slice(i, j);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Fill(LogEvent e, string m)
    {
        switch (e.Kind)
        {
            case LogEventKind.PacketReceived:
            case LogEventKind.PacketSent:
            {
                // "received packet: from A to B (N bytes)"
                var from = Between(m, "from ", " to ");
                var to = Between(m, " to ", " (");
                LogGrammar.TryEndpoint(from ?? "", out var a);
                LogGrammar.TryEndpoint(to ?? "", out var b);
                if (e.Kind == LogEventKind.PacketReceived) { e.Remote = a; e.Local = b; } else { e.Local = a; e.Remote = b; }
                e.Number = int.TryParse(Between(m, " (", " bytes)"), out var bytes) ? bytes : 0;
                break;
            }
            case LogEventKind.MessageParsed:
            case LogEventKind.MessageGenerated:
                FillMessageSummary(e, m);
                break;
            case LogEventKind.Retransmit:
            {
                // "sending retransmit 1 of request message ID 0, seq 3"
                e.Number = int.TryParse(Between(m, "retransmit ", " of"), out var n) ? n : 0;
                e.MessageId = uint.TryParse(Between(m, "message ID ", ","), out var mid) ? mid : null;
                e.IsResponse = m.Contains(" of response ", StringComparison.Ordinal);
                break;
            }
            case LogEventKind.GivingUp:
                e.Number = int.TryParse(Between(m, "after ", " retransmits"), out var tries) ? tries : 0;
                break;
            case LogEventKind.PeerNotResponding:
                e.Detail = m.Contains("trying again", StringComparison.Ordinal) ? Between(m, "(", ")") : null;
                break;
            case LogEventKind.Phase1Initiating:
            {
                // "initiating Main Mode IKE_SA to-remote[1] to 10.0.0.2"
                e.Detail = m.Contains("Aggressive", StringComparison.Ordinal) ? "Aggressive" : "Main";
                var to = m.LastIndexOf(" to ", StringComparison.Ordinal);
                if (to > 0 && LogGrammar.TryEndpoint(m[(to + 4)..], out var remote)) e.Remote = remote;
                break;
            }
            case LogEventKind.Phase1PeerInitiating:
            {
                // "10.0.0.1 is initiating a Main Mode IKE_SA"
                e.Detail = m.Contains("Aggressive", StringComparison.Ordinal) ? "Aggressive" : "Main";
                if (LogGrammar.TryEndpoint(m[..m.IndexOf(' ')], out var remote)) e.Remote = remote;
                break;
            }
            case LogEventKind.ProposalsReceived:
            case LogEventKind.ProposalsConfigured:
            case LogEventKind.ProposalSelected:
                e.Proposals = LogGrammar.ParseProposals(m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
                break;
            case LogEventKind.NoAcceptableTransform:
                e.Detail = Between(m.TrimStart(), "no acceptable ", " found");
                break;
            case LogEventKind.Phase2NoProposal:
                e.Detail = m.Contains("sending ", StringComparison.Ordinal) ? NotifyNames.ToRfcName(m[(m.LastIndexOf(' ') + 1)..]) : null;
                break;
            case LogEventKind.NoSharedKey:
            {
                // "no shared key found for 'me'[a] - 'other'[b]" or "no shared key found for a - b"
                var body = m["no shared key found for ".Length..];
                var dash = body.IndexOf(" - ", StringComparison.Ordinal);
                if (dash > 0)
                {
                    e.Detail = body[..dash].Trim();
                    e.Detail2 = body[(dash + 3)..].Trim();
                }
                break;
            }
            case LogEventKind.DecryptionFailed:
                e.Detail = Between(m, "invalid ", " payload length");
                break;
            case LogEventKind.NoIkeConfig:
            {
                // "no IKE config found for 10.0.0.2...10.0.0.1, sending NO_PROPOSAL_CHOSEN"
                var pair = Between(m, "found for ", ",") ?? m["no IKE config found for ".Length..];
                var dots = pair.IndexOf("...", StringComparison.Ordinal);
                if (dots > 0)
                {
                    if (LogGrammar.TryEndpoint(pair[..dots], out var local)) e.Local = local;
                    if (LogGrammar.TryEndpoint(pair[(dots + 3)..], out var remote)) e.Remote = remote;
                }
                break;
            }
            case LogEventKind.PeerConfigLookup:
            {
                // "looking for pre-shared key peer configs matching 10.0.0.2...10.0.0.1[10.0.0.1]"
                e.Detail = Between(m, "looking for ", " peer configs");
                var pair = m[(m.IndexOf(" matching ", StringComparison.Ordinal) + 10)..];
                var dots = pair.IndexOf("...", StringComparison.Ordinal);
                if (dots > 0)
                {
                    var other = pair[(dots + 3)..];
                    var open = other.IndexOf('[');
                    if (open > 0 && other.EndsWith(']'))
                    {
                        e.Detail2 = other[(open + 1)..^1];
                        other = other[..open];
                    }
                    if (LogGrammar.TryEndpoint(pair[..dots], out var local)) e.Local = local;
                    if (LogGrammar.TryEndpoint(other, out var remote)) e.Remote = remote;
                }
                break;
            }
            case LogEventKind.IdentityMismatch:
                // "IDir 'received' does not match to 'expected'"
                e.Detail = Between(m, "IDir '", "' does not");
                e.Detail2 = Between(m, "match to '", "'");
                break;
            case LogEventKind.NoConfigAllowsAuth:
                e.Detail = m;
                break;
            case LogEventKind.IkeSaEstablished:
            case LogEventKind.IkeSaDeleting:
            {
                // "IKE_SA to-remote[1] established between 10.0.0.1[10.0.0.1]...10.0.0.2[10.0.0.2]"
                var pair = m[(m.IndexOf(" between ", StringComparison.Ordinal) + 9)..];
                var dots = pair.IndexOf("...", StringComparison.Ordinal);
                if (dots > 0)
                {
                    (e.Local, e.Detail) = HostWithId(pair[..dots]);
                    (e.Remote, e.Detail2) = HostWithId(pair[(dots + 3)..]);
                }
                break;
            }
            case LogEventKind.IkeSaStateChange:
                e.Detail = Between(m, " => ", null);
                e.Detail2 = Between(m, "state change: ", " => ");
                break;
            case LogEventKind.TrafficSelectorsProposedHeader:
                e.Detail = m.EndsWith("us:") ? "us" : "other";
                break;
            case LogEventKind.TrafficSelectorItem:
                e.Detail = m.Trim();
                break;
            case LogEventKind.TrafficSelectorMatch:
            {
                // " config: 192.168.1.0/24, received: 0.0.0.0/0 => match: 192.168.1.0/24"
                var t = m.Trim();
                e.Detail = Between(t, "config: ", ", received");
                e.Detail2 = Between(t, "received: ", " => ");
                e.Detail3 = t.EndsWith("no match", StringComparison.Ordinal) ? null : Between(t, "match: ", null);
                break;
            }
            case LogEventKind.NoMatchingChildConfig:
            {
                var ts = Between(m, "found for ", null);
                if (ts is not null)
                {
                    var sep = ts.IndexOf(" === ", StringComparison.Ordinal);
                    if (sep > 0) { e.Detail = ts[..sep]; e.Detail2 = ts[(sep + 5)..]; }
                }
                break;
            }
            case LogEventKind.InvalidTrafficSelectors:
                e.Detail = Between(m, "selectors: ", null);
                break;
            case LogEventKind.ChildSaEstablished:
            {
                // "CHILD_SA to-remote{1} established with SPIs 678baa59_i 619badb9_o and TS 192.168.1.0/24 === 192.168.2.0/24"
                var spis = Between(m, "with SPIs ", " and TS ");
                e.Detail3 = spis;
                var ts = Between(m, " and TS ", null);
                if (ts is not null)
                {
                    var sep = ts.IndexOf(" === ", StringComparison.Ordinal);
                    if (sep > 0) { e.Detail = ts[..sep].Trim(); e.Detail2 = ts[(sep + 5)..].Trim(); }
                }
                break;
            }
            case LogEventKind.ChildSaClosed:
                e.Detail3 = Between(m, "with SPIs ", " and TS ");
                break;
            case LogEventKind.ErrorNotifyReceived:
                e.Detail = NotifyNames.ToRfcName(Between(m, "received ", " error notify") ?? "");
                break;
            case LogEventKind.StatusNotifyReceived:
                e.Detail = NotifyNames.ToRfcName(Between(m, "received ", " notify") ?? "");
                break;
            case LogEventKind.DeleteReceived:
            case LogEventKind.DeleteSent:
                // "received DELETE for ESP CHILD_SA with SPI 678baa59" / "... for IKE_SA to-seil[1]"
                e.Detail = m.Contains("CHILD_SA", StringComparison.Ordinal) ? "CHILD_SA" : "IKE_SA";
                e.Detail2 = m.Contains(" SPI ", StringComparison.Ordinal) ? m[(m.LastIndexOf(' ') + 1)..] : Between(m, "IKE_SA ", null);
                break;
            case LogEventKind.HalfOpenTimeout:
            {
                var host = Between(m, " with ", " after");
                if (host is not null && LogGrammar.TryEndpoint(host, out var remote)) e.Remote = remote;
                break;
            }
            case LogEventKind.ProcessingFailed:
            {
                // "ID_PROT request with message ID 0 processing failed"
                e.Exchange = m[..m.IndexOf(' ')];
                e.MessageId = uint.TryParse(Between(m, "message ID ", " processing"), out var mid) ? mid : null;
                break;
            }
            case LogEventKind.IkeSaDestroyedUnnotified:
                e.Detail = Between(m, "in state ", " ");
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (IPEndPoint?, string?) HostWithId(string text)
    {
        var open = text.IndexOf('[');
        if (open > 0 && text.EndsWith(']'))
        {
            LogGrammar.TryEndpoint(text[..open], out var host);
            return (host, text[(open + 1)..^1]);
        }
        LogGrammar.TryEndpoint(text, out var bare);
        return (bare, null);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static string? Between(string s, string start, string? end)
    {
        var i = s.IndexOf(start, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }
        i += start.Length;
        if (end is null)
        {
            return s[i..].Trim();
        }
        var j = s.IndexOf(end, i, StringComparison.Ordinal);
        return j < 0 ? null : s[i..j];
    }
}
