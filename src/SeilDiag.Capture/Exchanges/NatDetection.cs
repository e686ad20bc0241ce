using System.Buffers.Binary;
using System.Net;
using SeilDiag.Capture.Decryption;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Ike;

namespace SeilDiag.Capture.Exchanges;

/// <summary>
/// Checks NAT-D payloads (RFC 3947 3.2): HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash. The first
/// NAT-D is the receiver's address as the sender saw it, the others the sender's own; a mismatch with the
/// addresses actually on the wire means a NAT in between — or a peer that fakes it to force UDP
/// encapsulation (strongSwan forceencaps, SEIL nat-traversal force).
/// </summary>
internal static class NatDetection
{
    public static string? Check(IReadOnlyList<IsakmpPayload> payloads, ulong icookie, ulong rcookie, HashAlgorithm? hash, IPEndPoint source, IPEndPoint destination)
    {
        var natd = payloads.Where(p => p.Type is 20 or 130 && p.Body is not null).Select(p => p.Body!).ToList();
        if (natd.Count == 0)
        {
            return null;
        }
        if (hash is not { } h || !IkeCrypto.IsSupported(h))
        {
            return "NAT-D present, not checked (hash algorithm unknown)";
        }
        var destinationOk = natd[0].AsSpan().SequenceEqual(Hash(h, icookie, rcookie, destination));
        var sourceHash = Hash(h, icookie, rcookie, source);
        var sourceOk = natd.Skip(1).Any(n => n.AsSpan().SequenceEqual(sourceHash));
        return (destinationOk, sourceOk) switch
        {
            (true, true) => $"NAT-D: no NAT between {source} and {destination}",
            (false, true) => $"NAT-D: {destination} is not the address the sender addressed (NAT in front of the receiver, or faked to force encapsulation)",
            (true, false) => $"NAT-D: the sender is not at {source} as it believes (sender behind NAT, or faked to force encapsulation)",
            _ => $"NAT-D: neither {source} nor {destination} matches (NAT on both sides, or faked to force encapsulation)",
        };
    }

    private static byte[] Hash(HashAlgorithm hash, ulong icookie, ulong rcookie, IPEndPoint endpoint)
    {
        var address = endpoint.Address.GetAddressBytes();
        var data = new byte[16 + address.Length + 2];
        BinaryPrimitives.WriteUInt64BigEndian(data, icookie);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(8), rcookie);
        address.CopyTo(data, 16);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(16 + address.Length), (ushort)endpoint.Port);
        return IkeCrypto.Hash(hash, data);
    }
}
