using System.Net;

namespace SeilDiag.Capture.Isakmp;

/// <summary>One data attribute (TV or TLV) of a transform or an attribute payload.</summary>
public sealed record IsakmpAttribute(int Type, string Name, long? Value, byte[]? Bytes, string ValueText);

/// <summary>A transform of a proposal, with all its attributes named.</summary>
public sealed record IsakmpTransform(int Number, int TransformId, string TransformName, IReadOnlyList<IsakmpAttribute> Attributes)
{
    public long? Attribute(int type) => Attributes.FirstOrDefault(a => a.Type == type)?.Value;
}

/// <summary>A proposal of an SA payload: protocol, SPI and transforms.</summary>
public sealed record IsakmpProposal(int Number, int ProtocolId, byte[] Spi, IReadOnlyList<IsakmpTransform> Transforms)
{
    public string Protocol => IsakmpNames.Protocol(ProtocolId);

    public uint? Spi32 => Spi.Length == 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Spi) : null;
}

/// <summary>An ID payload: type, protocol/port and the identity in readable form.</summary>
public sealed record IsakmpIdentification(int IdType, int ProtocolId, int Port, string Value)
{
    public string TypeName => IsakmpNames.IdType(IdType);

    /// <summary>The network an IPv4/IPv6 address, subnet or range ID covers (Quick Mode proxy IDs); null for names.</summary>
    public IPNetwork? Network { get; init; }
}

public sealed record IsakmpNotification(int Doi, int ProtocolId, byte[] Spi, int Type, byte[] Data)
{
    public string Name => IsakmpNames.Notify(Type);

    public bool IsError => IsakmpNames.IsError(Type);
}

public sealed record IsakmpDelete(int Doi, int ProtocolId, IReadOnlyList<byte[]> Spis)
{
    public string Protocol => IsakmpNames.Protocol(ProtocolId);
}

public sealed record IsakmpConfig(int Type, int Identifier, IReadOnlyList<IsakmpAttribute> Attributes)
{
    public string TypeName => IsakmpNames.ConfigType(Type);
}

/// <summary>
/// One IKEv1 payload with its parsed content. <see cref="Body"/> is the payload without its 4-byte generic
/// header (what SAi_b, IDii_b, g^x and Ni_b are in RFC 2409); the front-end drops it after use unless the
/// caller asked to keep payload bytes.
/// </summary>
public sealed class IsakmpPayload
{
    public required int Type { get; init; }

    public required int Length { get; init; }

    public byte[]? Body { get; internal set; }

    public string ShortName => IsakmpNames.PayloadShort(Type);

    public string Name => IsakmpNames.PayloadLong(Type);

    public int Doi { get; init; }

    public IReadOnlyList<IsakmpProposal>? Proposals { get; init; }

    public IsakmpIdentification? Identification { get; init; }

    public IsakmpNotification? Notification { get; init; }

    public IsakmpDelete? Delete { get; init; }

    public IsakmpConfig? Config { get; init; }

    public string? VendorName { get; init; }

    public int? CertificateEncoding { get; init; }

    /// <summary>The subject DN of an X.509 certificate payload.</summary>
    public string? CertificateSubject { get; init; }

    /// <summary>A one-line description (tshark-like, never secret material beyond what is on the wire).</summary>
    public required string Summary { get; init; }
}
