using System.Text.Json;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Capture;

/// <summary>
/// The JSON model of a capture analysis: packets with their payloads (decrypted bodies as hex when
/// <see cref="CaptureOptions.KeepPayloadBytes"/> was set, and for decrypted ESP the inner packet as hex),
/// the IKE SAs with their exchanges, the ESP SAs, and the diagnostics. Keys never appear.
/// </summary>
public static class CaptureJson
{
    public static void Write(CaptureAnalysis analysis, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("path", analysis.Path);
        w.WriteNumber("frames", analysis.FrameCount);
        w.WriteNumber("isakmp", analysis.IsakmpCount);
        w.WriteNumber("encrypted", analysis.EncryptedCount);
        w.WriteNumber("decrypted", analysis.DecryptedCount);
        w.WriteNumber("esp", analysis.EspCount);
        if (analysis.FirstTime is { } first)
        {
            w.WriteString("start", first);
        }
        w.WriteStartArray("packets");
        foreach (var p in analysis.Packets)
        {
            WritePacket(w, p);
        }
        w.WriteEndArray();
        w.WriteStartArray("ikeSas");
        foreach (var sa in analysis.ObservedSas)
        {
            WriteSa(w, sa);
        }
        w.WriteEndArray();
        w.WriteStartArray("espSas");
        foreach (var sa in analysis.EspSas)
        {
            w.WriteStartObject();
            w.WriteString("spi", sa.Spi.ToString("x8"));
            w.WriteString("source", sa.Source.ToString());
            w.WriteString("destination", sa.Destination.ToString());
            w.WriteBoolean("udpEncapsulated", sa.UdpEncapsulated);
            w.WriteNumber("packets", sa.Packets);
            w.WriteNumber("decrypted", sa.Decrypted);
            w.WriteNumber("icvGood", sa.IcvGood);
            w.WriteNumber("icvBad", sa.IcvBad);
            w.WriteNumber("undecryptable", sa.Undecryptable);
            w.WriteNumber("firstFrame", sa.FirstFrame);
            w.WriteNumber("lastFrame", sa.LastFrame);
            w.WriteString("verdict", sa.Verdict);
            if (sa.Key is { } key)
            {
                w.WriteString("encryption", Esp.EspAlgorithmNames.Name(key.Encryption));
                w.WriteString("authentication", Esp.EspAlgorithmNames.Name(key.Authentication));
                w.WriteString("keyAt", key.Where.ToString());
            }
            if (sa.QuickModeMessageId is { } mid)
            {
                w.WriteString("quickModeCookie", sa.QuickModeCookie!.Value.ToString("x16"));
                w.WriteString("quickModeMessageId", mid.ToString("x8"));
                w.WriteNumber("quickModeFrame", sa.QuickModeFrame!.Value);
            }
            if (sa.Problem is not null)
            {
                w.WriteString("problem", sa.Problem);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in analysis.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("severity", d.Severity.ToName());
            w.WriteString("message", d.Message);
            if (d.Location is { } location)
            {
                w.WriteString("path", location.Path);
                if (location.Packet is { } frame) w.WriteNumber("frame", frame);
                else if (location.Line > 0) w.WriteNumber("line", location.Line);
            }
            if (d.AdditionalLocations.Count > 0)
            {
                w.WriteStartArray("alsoAt");
                foreach (var l in d.AdditionalLocations)
                {
                    w.WriteStringValue(l.ToString());
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WritePacket(Utf8JsonWriter w, PacketSummary p)
    {
        w.WriteStartObject();
        w.WriteNumber("frame", p.Frame);
        w.WriteString("time", p.Time);
        w.WriteNumber("relativeTime", Math.Round(p.RelativeTime, 6));
        w.WriteNumber("length", p.Length);
        w.WriteString("kind", p.Kind.ToString());
        w.WriteString("source", p.Source);
        w.WriteString("destination", p.Destination);
        w.WriteString("info", p.Info);
        if (p.Isakmp is { } h)
        {
            w.WriteStartObject("isakmp");
            w.WriteString("initiatorCookie", h.InitiatorCookie.ToString("x16"));
            w.WriteString("responderCookie", h.ResponderCookie.ToString("x16"));
            w.WriteNumber("exchangeType", h.ExchangeType);
            w.WriteString("exchange", IsakmpNames.ExchangeLong(h.ExchangeType));
            w.WriteString("messageId", h.MessageId.ToString("x8"));
            w.WriteNumber("flags", h.Flags);
            w.WriteBoolean("encrypted", h.Encrypted);
            w.WriteNumber("length", h.Length);
            w.WriteBoolean("nonEspMarker", p.NonEspMarker);
            if (p.Direction is { } direction)
            {
                w.WriteString("direction", direction == MessageDirection.InitiatorToResponder ? "initiator-to-responder" : "responder-to-initiator");
            }
            w.WriteString("decryption", p.Decryption.ToString());
            if (p.DecryptionFailure is not null) w.WriteString("decryptionFailure", p.DecryptionFailure);
            if (p.RetransmissionOf is { } of) w.WriteNumber("retransmissionOf", of);
            if (p.NatDetection is not null) w.WriteString("natDetection", p.NatDetection);
            if (p.DecryptedBody is not null) w.WriteString("decryptedBody", Convert.ToHexString(p.DecryptedBody).ToLowerInvariant());
            w.WriteStartArray("payloads");
            foreach (var payload in p.Payloads)
            {
                WritePayload(w, payload);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (p.Spi is { } spi)
        {
            w.WriteStartObject("esp");
            w.WriteString("spi", spi.ToString("x8"));
            w.WriteNumber("sequence", p.Sequence ?? 0);
            w.WriteBoolean("udpEncapsulated", p.UdpEncapsulated);
            if (p.EspDecrypted is { } decrypted) w.WriteBoolean("decrypted", decrypted);
            if (p.Icv is { } icv) w.WriteString("icv", icv.ToString());
            if (p.Inner is not null) w.WriteString("inner", p.Inner);
            if (p.InnerPacket is not null) w.WriteString("innerPacket", Convert.ToHexString(p.InnerPacket).ToLowerInvariant());
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePayload(Utf8JsonWriter w, IsakmpPayload p)
    {
        w.WriteStartObject();
        w.WriteNumber("type", p.Type);
        w.WriteString("name", p.Name);
        w.WriteNumber("length", p.Length);
        w.WriteString("summary", p.Summary);
        if (p.Body is not null) w.WriteString("body", Convert.ToHexString(p.Body).ToLowerInvariant());
        if (p.Proposals is { } proposals)
        {
            w.WriteStartArray("proposals");
            foreach (var pr in proposals)
            {
                w.WriteStartObject();
                w.WriteNumber("number", pr.Number);
                w.WriteString("protocol", pr.Protocol);
                w.WriteString("spi", Convert.ToHexString(pr.Spi).ToLowerInvariant());
                w.WriteStartArray("transforms");
                foreach (var t in pr.Transforms)
                {
                    w.WriteStartObject();
                    w.WriteNumber("number", t.Number);
                    w.WriteNumber("id", t.TransformId);
                    w.WriteString("name", t.TransformName);
                    w.WriteStartObject("attributes");
                    foreach (var a in t.Attributes)
                    {
                        w.WriteString(a.Name, a.ValueText);
                    }
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (p.Identification is { } id)
        {
            w.WriteString("idType", id.TypeName);
            w.WriteString("id", id.Value);
            w.WriteNumber("protocol", id.ProtocolId);
            w.WriteNumber("port", id.Port);
        }
        if (p.Notification is { } n)
        {
            w.WriteString("notify", n.Name);
            w.WriteNumber("notifyType", n.Type);
            w.WriteString("protocol", IsakmpNames.Protocol(n.ProtocolId));
            w.WriteString("spi", Convert.ToHexString(n.Spi).ToLowerInvariant());
        }
        if (p.Delete is { } d)
        {
            w.WriteString("protocol", d.Protocol);
            w.WriteStartArray("spis");
            foreach (var s in d.Spis)
            {
                w.WriteStringValue(Convert.ToHexString(s).ToLowerInvariant());
            }
            w.WriteEndArray();
        }
        if (p.VendorName is not null) w.WriteString("vendor", p.VendorName);
        w.WriteEndObject();
    }

    private static void WriteSa(Utf8JsonWriter w, ObservedIkeSa sa)
    {
        w.WriteStartObject();
        w.WriteString("initiatorCookie", sa.InitiatorCookie?.ToString("x16"));
        w.WriteString("responderCookie", sa.ResponderCookie?.ToString("x16"));
        w.WriteString("initiator", sa.Initiator?.ToString());
        w.WriteString("responder", sa.Responder?.ToString());
        w.WriteString("mode", sa.Mode?.ToString());
        w.WriteBoolean("established", sa.Established);
        w.WriteBoolean("natTraversal", sa.NatTraversal);
        w.WriteStartArray("offeredPhase1");
        foreach (var p in sa.OfferedPhase1) w.WriteStringValue(p.ToLogString());
        w.WriteEndArray();
        w.WriteString("chosenPhase1", sa.ChosenPhase1?.ToLogString());
        w.WriteString("initiatorIdentity", sa.InitiatorIdentity?.ToString());
        w.WriteString("responderIdentity", sa.ResponderIdentity?.ToString());
        w.WriteStartArray("exchanges");
        foreach (var e in sa.Exchanges)
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type.ToString());
            w.WriteString("messageId", e.MessageId.ToString("x8"));
            if (e.OfferedPhase2.Count > 0)
            {
                w.WriteStartArray("offeredPhase2");
                foreach (var p in e.OfferedPhase2) w.WriteStringValue(p.ToLogString());
                w.WriteEndArray();
            }
            if (e.ChosenPhase2 is { } chosen) w.WriteString("chosenPhase2", chosen.ToLogString());
            if (e.ProxyId is { } proxy) w.WriteString("proxyId", proxy.ToString());
            if (e.Spis.Count > 0)
            {
                w.WriteStartArray("spis");
                foreach (var s in e.Spis) w.WriteStringValue(s.ToString("x8"));
                w.WriteEndArray();
            }
            w.WriteStartArray("messages");
            foreach (var m in e.Messages)
            {
                w.WriteStartObject();
                if (m.Evidence.Location?.Packet is { } frame) w.WriteNumber("frame", frame);
                w.WriteString("direction", m.Direction == MessageDirection.InitiatorToResponder ? "I>R" : "R>I");
                w.WriteString("payloads", string.Join(",", m.Payloads));
                if (m.Notifies.Count > 0) w.WriteString("notifies", string.Join(",", m.Notifies));
                w.WriteBoolean("retransmission", m.IsRetransmission);
                w.WriteString("evidence", m.Evidence.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
