using SeilDiag.Capture.Isakmp;

namespace SeilDiag.Capture.Exchanges;

/// <summary>The tshark-like info column of an ISAKMP packet.</summary>
internal static class PacketInfo
{
    public static string Isakmp(PacketSummary p, in IsakmpHeader h)
    {
        var info = $"{IsakmpNames.ExchangeLong(h.ExchangeType)} msgid {h.MessageId:x8}";
        info += h.Encrypted ? p.Decryption switch
        {
            DecryptStatus.Decrypted => " [decrypted]",
            DecryptStatus.RetransmissionDecrypted => " [decrypted, retransmission]",
            _ => " [encrypted]",
        } : "";
        if (p.Payloads.Count > 0)
        {
            info += " " + p.PayloadList;
        }
        var extras = p.Payloads.Where(x => x.Type is 11 or 12).Select(x => x.Notification is { } n ? n.Name : $"D({x.Delete!.Protocol})");
        var text = string.Join(" ", extras);
        return text.Length > 0 ? $"{info} {text}" : info;
    }
}
