using System.Buffers.Binary;
using System.Net;
using SeilDiag.Capture.Esp;
using SeilDiag.Capture.Network;
using SeilDiag.Capture.Reading;

namespace SeilDiag.Capture.Pipeline;

/// <summary>
/// Verifies the HMAC of plain (unfragmented, not UDP-encapsulated) IPv4 ESP frames on the read-ahead thread.
/// HMAC is about half the CPU of a decrypt-and-verify run and depends only on the key and the bytes, so doing it
/// here splits the work over two cores without changing any result. Owns its own decryptors: IncrementalHash is
/// not thread-safe.
/// </summary>
internal sealed class IcvPrecheck(CaptureKeys keys) : IDisposable
{
    private readonly Dictionary<(uint Spi, uint Source, uint Destination), (EspSaEntry? Entry, EspDecryptor? Decryptor)> _sas = [];
    private readonly Dictionary<EspSaEntry, EspDecryptor?> _decryptors = [];

    public bool Enabled { get; } = keys.Esp.Count > 0;

    public PrecomputedIcv? Check(long number, LinkType linkType, ReadOnlySpan<byte> frame)
    {
        if (!LinkLayer.TryGetNetwork(linkType, frame, out var offset, out var etherType, out _) || etherType != LinkLayer.EtherTypeIPv4)
        {
            return null;
        }
        var ip = frame[offset..];
        if (ip.Length < 20 || ip[0] >> 4 != 4 || ip[9] != IpProtocol.Esp)
        {
            return null;
        }
        var ihl = (ip[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var fragment = (BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3fff) != 0;
        if (ihl < 20 || ip.Length < ihl || total < ihl || fragment)
        {
            return null;
        }
        var esp = ip[ihl..Math.Min(total, ip.Length)];
        if (esp.Length < 8)
        {
            return null;
        }
        var spi = BinaryPrimitives.ReadUInt32BigEndian(esp);
        var key = (spi, BinaryPrimitives.ReadUInt32BigEndian(ip[12..]), BinaryPrimitives.ReadUInt32BigEndian(ip[16..]));
        if (!_sas.TryGetValue(key, out var sa))
        {
            // The same first-match rule as EspTracker, so the entry is the one the analysis will use.
            var source = new IPAddress(ip.Slice(12, 4));
            var destination = new IPAddress(ip.Slice(16, 4));
            var entry = keys.Esp.FirstOrDefault(e => e.Matches(source, destination, spi));
            sa = (entry, entry is null ? null : Decryptor(entry));
            _sas[key] = sa;
        }
        if (sa.Decryptor?.VerifyIcv(esp) is not { } icv)
        {
            return null;
        }
        return new PrecomputedIcv(number, offset + ihl, esp.Length, sa.Entry!, icv);
    }

    private EspDecryptor? Decryptor(EspSaEntry entry)
    {
        if (!_decryptors.TryGetValue(entry, out var d))
        {
            try
            {
                d = new EspDecryptor(entry);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or System.Security.Cryptography.CryptographicException)
            {
                d = null; // the analysis thread reports why
            }
            _decryptors[entry] = d;
        }
        return d;
    }

    public void Dispose()
    {
        foreach (var d in _decryptors.Values)
        {
            d?.Dispose();
        }
    }
}
