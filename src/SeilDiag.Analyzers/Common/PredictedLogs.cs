using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// The log lines each daemon prints when a negotiation fails for a given reason, so users recognise the
/// failure when they meet it (signatures from the research log catalogue, section 5: charon 5.9 and KAME
/// racoon). They are evidence of kind <see cref="EvidenceKind.Predicted"/>, never "observed".
/// </summary>
internal static class PredictedLogs
{
    public static Evidence Line(PeerConfig daemon, string line) =>
        new(EndNames.LogSource(daemon), EvidenceKind.Predicted,
            new LocalizedText($"{EndNames.Vendor(daemon)} ({EndNames.FileName(daemon)}) will log", $"{EndNames.Vendor(daemon)} ({EndNames.FileName(daemon)}) は次のログを出力します"),
            null, line);

    public static IEnumerable<Evidence> Phase1Mismatch(PeerConfig initiator, PeerConfig responder, string offered, string accepted, string racoonAttribute)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, $"received proposals: {offered}");
            yield return Line(responder, $"configured proposals: {accepted}");
            yield return Line(responder, "no proposal found");
            yield return Line(responder, "generating INFORMATIONAL_V1 request ... [ N(NO_PROP) ]");
        }
        else
        {
            yield return Line(responder, $"rejected {racoonAttribute}: DB(prop#1:trns#1):Peer(prop#1:trns#1) = ...");
            yield return Line(responder, "no suitable proposal found.");
            yield return Line(responder, "failed to get valid proposal.");
            yield return Line(responder, "phase1 negotiation failed.");
        }
        if (initiator.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(initiator, responder.Vendor == PeerVendor.StrongSwan
                ? "received NO_PROPOSAL_CHOSEN error notify"
                : "received NO_PROPOSAL_CHOSEN error notify (or: giving up after 5 retransmits)");
        }
        else
        {
            yield return Line(initiator, "phase1 negotiation failed due to time up.");
        }
    }

    public static IEnumerable<Evidence> Phase2Mismatch(PeerConfig initiator, PeerConfig responder, string offered, string accepted, bool pfs)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, $"received proposals: {offered}");
            yield return Line(responder, $"configured proposals: {accepted}");
            yield return Line(responder, "no matching proposal found, sending NO_PROPOSAL_CHOSEN");
        }
        else
        {
            yield return Line(responder, pfs ? "pfs group mismatched: my:... peer:..." : "no suitable proposal found.");
            yield return Line(responder, "failed to pre-process packet.");
        }
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, "received NO_PROPOSAL_CHOSEN error notify")
            : Line(initiator, "phase2 negotiation failed due to time up.");
    }

    public static IEnumerable<Evidence> AggressivePskRefused(PeerConfig initiator, PeerConfig responder)
    {
        yield return Line(responder, $"{initiator.LocalAddress.Value ?? "<SEIL>"} is initiating a Aggressive Mode IKE_SA");
        yield return Line(responder, "Aggressive Mode PSK disabled for security reasons");
        yield return Line(responder, "generating INFORMATIONAL_V1 request ... [ N(AUTH_FAILED) ]");
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, "received AUTHENTICATION_FAILED error notify")
            : Line(initiator, "phase1 negotiation failed due to time up.");
    }

    public static IEnumerable<Evidence> PskMismatch(PeerConfig initiator, PeerConfig responder)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, "invalid ID_V1 payload length, decryption failed?");
            yield return Line(responder, "could not decrypt payloads");
            yield return Line(responder, "message parsing failed");
        }
        else
        {
            yield return Line(responder, "HASH mismatched");
            yield return Line(responder, "phase1 negotiation failed.");
        }
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, "giving up after 5 retransmits")
            : Line(initiator, "phase1 negotiation failed due to time up.");
    }

    public static IEnumerable<Evidence> IdentityMismatch(PeerConfig initiator, PeerConfig responder, LogValue sent)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, $"looking for pre-shared key peer configs matching {responder.LocalAddress.Value}...{initiator.LocalAddress.Value}[{sent.Text}]");
            yield return Line(responder, "no peer config found");
            yield return Line(responder, "generating INFORMATIONAL_V1 request ... [ HASH N(AUTH_FAILED) ]");
        }
        else
        {
            yield return Line(responder, "couldn't find the pskey for " + (initiator.LocalAddress.Value ?? "<peer>") + ".");
        }
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, "received AUTHENTICATION_FAILED error notify")
            : Line(initiator, "phase1 negotiation failed due to time up.");
    }

    public static IEnumerable<Evidence> ProxyIdNarrowed(PeerConfig initiator, PeerConfig responder, ProxyId proposed, ProxyId narrowed)
    {
        yield return Line(responder, $"looking for a child config for {proposed.Local} === {proposed.Remote}");
        yield return Line(responder, $" config: {narrowed.Remote}, received: {proposed.Remote} => match: {narrowed.Remote}");
        if (initiator.Vendor == PeerVendor.Seil)
        {
            yield return Line(initiator, "mismatched ID was returned.");
            yield return Line(initiator, "failed to pre-process packet.");
            yield return Line(initiator, "phase2 negotiation failed.");
        }
        else
        {
            yield return Line(initiator, $"CHILD_SA ... established with SPIs ... and TS {narrowed.Local} === {narrowed.Remote}");
        }
    }

    public static IEnumerable<Evidence> ProxyIdRefused(PeerConfig initiator, PeerConfig responder, ProxyId proposed)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, $"no matching CHILD_SA config found for {proposed.Local} === {proposed.Remote}");
            yield return Line(responder, "generating INFORMATIONAL_V1 request ... [ HASH N(INVAL_ID) ]");
        }
        else
        {
            yield return Line(responder, "failed to get sainfo.");
            yield return Line(responder, "failed to pre-process packet.");
        }
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, responder.Vendor == PeerVendor.StrongSwan ? "received INVALID_ID_INFORMATION error notify" : "giving up after 5 retransmits")
            : Line(initiator, "phase2 negotiation failed due to time up.");
    }

    public static IEnumerable<Evidence> ExchangeModeMismatch(PeerConfig initiator, PeerConfig responder)
    {
        if (responder.Vendor == PeerVendor.StrongSwan)
        {
            yield return Line(responder, "no peer config found");
            yield return Line(responder, "generating INFORMATIONAL_V1 request ... [ N(AUTH_FAILED) ]");
        }
        else
        {
            yield return Line(responder, "no suitable proposal found.");
            yield return Line(responder, "phase1 negotiation failed.");
        }
        yield return initiator.Vendor == PeerVendor.StrongSwan
            ? Line(initiator, "received AUTHENTICATION_FAILED error notify")
            : Line(initiator, "phase1 negotiation failed due to time up.");
    }
}

/// <summary>A value already rendered for a log line (keeps call sites readable).</summary>
internal readonly record struct LogValue(string Text);
