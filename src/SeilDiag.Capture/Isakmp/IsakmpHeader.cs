using System.Buffers.Binary;

namespace SeilDiag.Capture.Isakmp;

/// <summary>The 28-byte ISAKMP header (RFC 2408 3.1).</summary>
public readonly record struct IsakmpHeader(ulong InitiatorCookie, ulong ResponderCookie, byte NextPayload, byte Version, byte ExchangeType, byte Flags, uint MessageId, uint Length)
{
    public const int Size = 28;

    public int MajorVersion => Version >> 4;

    public bool Encrypted => (Flags & 0x01) != 0;

    public bool Commit => (Flags & 0x02) != 0;

    public string ExchangeName => IsakmpNames.ExchangeShort(ExchangeType);

    public static bool TryParse(ReadOnlySpan<byte> data, out IsakmpHeader header)
    {
        header = default;
        if (data.Length < Size)
        {
            return false;
        }
        header = new IsakmpHeader(
            BinaryPrimitives.ReadUInt64BigEndian(data),
            BinaryPrimitives.ReadUInt64BigEndian(data[8..]),
            data[16], data[17], data[18], data[19],
            BinaryPrimitives.ReadUInt32BigEndian(data[20..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[24..]));
        return true;
    }
}
