using System.Globalization;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Model;

namespace SeilDiag.Capture;

/// <summary>
/// Text output: one line per packet (like tshark), then a ladder per IKE SA (initiator and responder columns,
/// arrows per message), the ESP SAs with their verdicts, and the diagnostics' one-line forms.
/// </summary>
public static class CaptureText
{
    public static void Write(CaptureAnalysis analysis, TextWriter writer)
    {
        WritePackets(analysis, writer);
        writer.WriteLine();
        WriteLadders(analysis, writer);
        WriteEspSas(analysis, writer);
        WriteTotals(analysis, writer);
    }

    public static void WritePackets(CaptureAnalysis analysis, TextWriter writer)
    {
        foreach (var p in analysis.Packets)
        {
            writer.WriteLine(FormatPacket(p));
        }
    }

    /// <summary>One packet as a line: number, relative time, source, destination, kind, info.</summary>
    public static string FormatPacket(PacketSummary p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Frame,5} {p.RelativeTime,10:F6} {p.Source,-22} -> {p.Destination,-22} {Kind(p),-7} {p.Info}");

    private static string Kind(PacketSummary p) => p.Kind switch
    {
        PacketKind.Isakmp => "ISAKMP",
        PacketKind.Ikev2 => "IKEv2",
        PacketKind.Esp => "ESP",
        PacketKind.NatKeepalive => "NAT-KA",
        PacketKind.Fragment => "FRAG",
        PacketKind.Malformed => "BAD",
        _ => "IP",
    };

    public static void WriteLadders(CaptureAnalysis analysis, TextWriter writer)
    {
        foreach (var sa in analysis.ObservedSas)
        {
            var initiator = sa.Initiator?.ToString() ?? "initiator";
            var responder = sa.Responder?.ToString() ?? "responder";
            writer.WriteLine($"IKE SA {sa.InitiatorCookie:x16}/{sa.ResponderCookie ?? 0:x16} {sa.Mode?.ToString() ?? "?"} Mode"
                + (sa.ChosenPhase1 is { } chosen ? $" {chosen.ToLogString()} auth {Ike.IkeNames.LogName(chosen.Auth)}" : "")
                + (sa.Established ? ", established" : ", not established")
                + (sa.NatTraversal ? ", NAT-T (UDP 4500)" : ""));
            if (sa.InitiatorIdentity is not null || sa.ResponderIdentity is not null)
            {
                writer.WriteLine($"  identities: initiator {sa.InitiatorIdentity?.ToString() ?? "?"}, responder {sa.ResponderIdentity?.ToString() ?? "?"}");
            }
            writer.WriteLine($"  {initiator,-24}{"",34}{responder}");
            var messages = sa.Exchanges.SelectMany(e => e.Messages.Select(m => (Exchange: e, Message: m)))
                .OrderBy(x => x.Message.Evidence.Location?.Packet ?? 0);
            foreach (var (exchange, m) in messages)
            {
                var label = $"{Short(exchange)} {string.Join(",", m.Payloads)}";
                if (m.Notifies.Count > 0)
                {
                    label += " " + string.Join(",", m.Notifies);
                }
                if (m.IsRetransmission)
                {
                    label += " (retx)";
                }
                if (label.Length > 52)
                {
                    label = label[..51] + "…";
                }
                var frame = m.Evidence.Location?.Packet;
                var arrow = m.Direction == MessageDirection.InitiatorToResponder
                    ? $"  |--{label.PadRight(52, '-')}->|"
                    : $"  |<-{label.PadRight(52, '-')}--|";
                writer.WriteLine($"{arrow}  #{frame}");
            }
            foreach (var exchange in sa.Exchanges.Where(e => e.Type == Ike.ExchangeType.QuickMode))
            {
                writer.WriteLine($"  Quick Mode {exchange.MessageId:x8}: "
                    + (exchange.ChosenPhase2 is { } p2 ? $"chosen {p2.ToLogString()}" : $"no answer with a proposal ({exchange.OfferedPhase2.Count} offered)")
                    + (exchange.ProxyId is { } id ? $", {id}" : "")
                    + (exchange.Spis.Count > 0 ? ", SPIs " + string.Join(" ", exchange.Spis.Select(s => s.ToString("x8"))) : ""));
            }
            writer.WriteLine();
        }
    }

    private static string Short(ObservedExchange e) => e.Type switch
    {
        Ike.ExchangeType.IdentityProtection => "MM",
        Ike.ExchangeType.Aggressive => "AM",
        Ike.ExchangeType.QuickMode => "QM",
        Ike.ExchangeType.Informational => "INFO",
        Ike.ExchangeType.Transaction => "CFG",
        _ => IsakmpNames.ExchangeShort((int)e.Type),
    };

    public static void WriteEspSas(CaptureAnalysis analysis, TextWriter writer)
    {
        if (analysis.EspSas.Count == 0)
        {
            return;
        }
        writer.WriteLine("ESP SAs:");
        foreach (var sa in analysis.EspSas)
        {
            writer.WriteLine($"  spi 0x{sa.Spi:x8} {sa.Source} -> {sa.Destination}{(sa.UdpEncapsulated ? " (UDP 4500)" : "")}: {sa.Packets} packets, {sa.Verdict}"
                + (sa.QuickModeMessageId is { } mid ? $"; from Quick Mode {mid:x8} (frame {sa.QuickModeFrame})" : "")
                + (sa.Key is { } key ? $"; key {key.Where}" : ""));
        }
        writer.WriteLine();
    }

    public static void WriteTotals(CaptureAnalysis analysis, TextWriter writer)
    {
        writer.WriteLine($"frames: {analysis.FrameCount}  isakmp: {analysis.IsakmpCount} (encrypted: {analysis.EncryptedCount}, decrypted: {analysis.DecryptedCount})  esp: {analysis.EspCount}"
            + $" (decrypted: {analysis.EspSas.Sum(s => s.Decrypted)}, ICV good: {analysis.EspSas.Sum(s => s.IcvGood)})");
        foreach (var d in analysis.Diagnostics)
        {
            writer.WriteLine(d.ToString());
        }
    }
}
