using System.Buffers.Binary;
using System.Net;
using System.Text;
using SeilDiag.Ike;

namespace SeilDiag.Capture.Isakmp;

/// <summary>The result of walking a payload chain.</summary>
public sealed record PayloadChain(IReadOnlyList<IsakmpPayload> Payloads, string? Error, int TrailingBytes)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Parses IKEv1 payload chains (RFC 2408/2409, RFC 2407 IPsec DOI, RFC 3947, mode-config). Every value is
/// bounds-checked: a lying length field ends the chain with an error instead of reading past the message.
/// </summary>
public static class IsakmpDissector
{
    /// <summary>
    /// Walks the chain starting with payload type <paramref name="first"/>. With <paramref name="strict"/>
    /// (used to tell a right from a wrong decryption key) unknown payload types and non-zero reserved bytes
    /// are errors, and at most <paramref name="maxTrailing"/> bytes of padding may follow the last payload.
    /// </summary>
    public static PayloadChain Parse(int first, ReadOnlySpan<byte> data, int exchangeType, bool strict = false, int maxTrailing = int.MaxValue)
    {
        var payloads = new List<IsakmpPayload>();
        var type = first;
        var offset = 0;
        while (type != 0)
        {
            if (offset + 4 > data.Length)
            {
                return new PayloadChain(payloads, $"{IsakmpNames.PayloadLong(type)} payload header runs past the end of the message (offset {offset})", 0);
            }
            var next = data[offset];
            var reserved = data[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            if (strict && !IsakmpNames.IsKnownPayload(type))
            {
                return new PayloadChain(payloads, $"unknown payload type {type}", 0);
            }
            if (strict && reserved != 0)
            {
                return new PayloadChain(payloads, $"{IsakmpNames.PayloadLong(type)} payload has a non-zero reserved byte", 0);
            }
            if (length < 4 || offset + length > data.Length)
            {
                return new PayloadChain(payloads, $"{IsakmpNames.PayloadLong(type)} payload length {length} is invalid at offset {offset} ({data.Length - offset} bytes left)", 0);
            }
            var body = data.Slice(offset + 4, length - 4);
            IsakmpPayload payload;
            try
            {
                payload = ParseBody(type, length, body, exchangeType);
            }
            catch (FormatException e)
            {
                return new PayloadChain(payloads, $"{IsakmpNames.PayloadLong(type)} payload is malformed: {e.Message}", 0);
            }
            payloads.Add(payload);
            offset += length;
            type = next;
        }
        var trailing = data.Length - offset;
        if (trailing > maxTrailing)
        {
            return new PayloadChain(payloads, $"{trailing} bytes follow the last payload", trailing);
        }
        return new PayloadChain(payloads, null, trailing);
    }

    private static IsakmpPayload ParseBody(int type, int length, ReadOnlySpan<byte> body, int exchangeType)
    {
        var copy = body.ToArray();
        switch (type)
        {
            case 1:
                return ParseSa(length, copy, exchangeType);
            case 4:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"Key Exchange ({copy.Length} bytes)" };
            case 5:
                {
                    var id = ParseId(body);
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, Identification = id, Summary = $"ID {id.TypeName} {id.Value}" + (id.ProtocolId != 0 || id.Port != 0 ? $" proto {id.ProtocolId} port {id.Port}" : "") };
                }
            case 6:
                Need(body, 1, "certificate encoding");
                {
                    var subject = body[0] is 4 or 5 or 10 ? CertificateSubject(body[1..]) : null;
                    return new IsakmpPayload
                    {
                        Type = type, Length = length, Body = copy, CertificateEncoding = body[0], CertificateSubject = subject,
                        Summary = $"CERT {IsakmpNames.CertEncoding(body[0])} ({body.Length - 1} bytes)" + (subject is null ? "" : $" subject \"{subject}\""),
                    };
                }
            case 7:
                Need(body, 1, "certificate type");
                return new IsakmpPayload { Type = type, Length = length, Body = copy, CertificateEncoding = body[0], Summary = $"CR {IsakmpNames.CertEncoding(body[0])}" + (body.Length > 1 ? $" CA ({body.Length - 1} bytes)" : "") };
            case 8:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"HASH {Hex(body)}" };
            case 9:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"SIG ({body.Length} bytes)" };
            case 10:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"Nonce ({body.Length} bytes)" };
            case 11:
                {
                    var n = ParseNotify(body);
                    var spi = n.Spi.Length > 0 ? $" spi {Hex(n.Spi)}" : "";
                    var data = n.Data.Length switch
                    {
                        0 => "",
                        4 when n.Type is 36136 or 36137 => $" seq {BinaryPrimitives.ReadUInt32BigEndian(n.Data)}",
                        _ => $" data {Hex(n.Data)}",
                    };
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, Doi = n.Doi, Notification = n, Summary = $"N({n.Name}) {n.Protocol()}{spi}{data}" };
                }
            case 12:
                {
                    var d = ParseDelete(body);
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, Doi = d.Doi, Delete = d, Summary = $"D({d.Protocol}) " + string.Join(",", d.Spis.Select(Hex)) };
                }
            case 13:
                {
                    var name = VendorIds.Name(body);
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, VendorName = name, Summary = $"VID {name ?? "unknown"} {Hex(body)}" };
                }
            case 14:
                {
                    Need(body, 4, "attribute payload header");
                    var attrs = ParseAttributes(body[4..], IsakmpNames.ConfigAttribute, configAttributes: true);
                    var cfg = new IsakmpConfig(body[0], BinaryPrimitives.ReadUInt16BigEndian(body[2..]), attrs);
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, Config = cfg, Summary = $"ATTR {cfg.TypeName} id {cfg.Identifier}: " + string.Join(", ", attrs.Select(a => $"{a.Name}={a.ValueText}")) };
                }
            case 20 or 130:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"NAT-D {Hex(body)}" };
            case 21 or 131:
                {
                    var id = ParseId(body);
                    return new IsakmpPayload { Type = type, Length = length, Body = copy, Identification = id, Summary = $"NAT-OA {id.TypeName} {id.Value}" };
                }
            default:
                return new IsakmpPayload { Type = type, Length = length, Body = copy, Summary = $"{IsakmpNames.PayloadLong(type)} ({body.Length} bytes)" };
        }
    }

    private static string Protocol(this IsakmpNotification n) => IsakmpNames.Protocol(n.ProtocolId);

    private static IsakmpPayload ParseSa(int length, byte[] body, int exchangeType)
    {
        ReadOnlySpan<byte> span = body;
        Need(span, 8, "DOI and situation");
        var doi = (int)BinaryPrimitives.ReadUInt32BigEndian(span);
        var situation = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var proposals = new List<IsakmpProposal>();
        var offset = 8;
        var next = offset < span.Length ? 2 : 0;
        while (next == 2)
        {
            Need(span[offset..], 8, "proposal header");
            next = span[offset];
            var plen = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 2)..]);
            if (plen < 8 || offset + plen > span.Length)
            {
                throw new FormatException($"proposal length {plen} is invalid");
            }
            var p = span.Slice(offset + 4, plen - 4);
            var number = p[0];
            var protocol = p[1];
            var spiSize = p[2];
            var count = p[3];
            Need(p, 4 + spiSize, "proposal SPI");
            var spi = p.Slice(4, spiSize).ToArray();
            var transforms = new List<IsakmpTransform>();
            var t = p[(4 + spiSize)..];
            var tnext = t.Length > 0 ? 3 : 0;
            while (tnext == 3 && t.Length > 0)
            {
                Need(t, 8, "transform header");
                tnext = t[0];
                var tlen = BinaryPrimitives.ReadUInt16BigEndian(t[2..]);
                if (tlen < 8 || tlen > t.Length)
                {
                    throw new FormatException($"transform length {tlen} is invalid");
                }
                var tnum = t[4];
                var tid = t[5];
                Func<int, string> names = protocol == 1 ? IsakmpNames.Phase1Attribute : IsakmpNames.Phase2Attribute;
                var attrs = ParseAttributes(t.Slice(8, tlen - 8), names, configAttributes: false, phase1: protocol == 1);
                var tname = protocol switch
                {
                    1 => tid == 1 ? "KEY_IKE" : $"IKE-{tid}",
                    3 => IsakmpNames.EspTransform(tid),
                    2 => $"AH-{tid}",
                    4 => $"IPCOMP-{tid}",
                    _ => $"{tid}",
                };
                transforms.Add(new IsakmpTransform(tnum, tid, tname, attrs));
                t = t[tlen..];
            }
            if (transforms.Count != count)
            {
                // Keep going: report what is there; the count mismatch is visible in the summary.
            }
            proposals.Add(new IsakmpProposal(number, protocol, spi, transforms));
            offset += plen;
        }
        var summary = new StringBuilder($"SA doi {doi} situation {situation:x}");
        foreach (var p in proposals)
        {
            summary.Append($"; P#{p.Number} {p.Protocol}");
            if (p.Spi.Length > 0)
            {
                summary.Append($" spi {Hex(p.Spi)}");
            }
            foreach (var tr in p.Transforms)
            {
                summary.Append($" [T#{tr.Number} {tr.TransformName}: {string.Join(", ", tr.Attributes.Select(a => $"{a.Name}={a.ValueText}"))}]");
            }
        }
        return new IsakmpPayload { Type = 1, Length = length, Body = body, Doi = doi, Proposals = proposals, Summary = summary.ToString() };
    }

    private static List<IsakmpAttribute> ParseAttributes(ReadOnlySpan<byte> data, Func<int, string> names, bool configAttributes, bool phase1 = false)
    {
        var attrs = new List<IsakmpAttribute>();
        while (data.Length > 0)
        {
            Need(data, 4, "attribute header");
            var af = BinaryPrimitives.ReadUInt16BigEndian(data);
            var tv = (af & 0x8000) != 0;
            var type = af & 0x7fff;
            var name = names(type);
            if (tv)
            {
                var value = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
                attrs.Add(new IsakmpAttribute(type, name, value, null, ValueText(type, value, configAttributes, phase1, names)));
                data = data[4..];
            }
            else
            {
                var len = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
                Need(data, 4 + len, $"attribute {name} value");
                var bytes = data.Slice(4, len).ToArray();
                long? value = len is > 0 and <= 8 ? ReadNumber(bytes) : null;
                var text = configAttributes ? ConfigValue(type, bytes) : value is { } v ? ValueText(type, v, false, phase1, names) : Hex(bytes);
                attrs.Add(new IsakmpAttribute(type, name, value, bytes, text));
                data = data[(4 + len)..];
            }
        }
        return attrs;
    }

    private static long ReadNumber(ReadOnlySpan<byte> bytes)
    {
        long v = 0;
        foreach (var b in bytes)
        {
            v = (v << 8) | b;
        }
        return v;
    }

    private static string ConfigValue(int type, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "(empty)";
        }
        if (type is 1 or 2 or 3 or 4 or 6 && bytes.Length == 4)
        {
            return new IPAddress(bytes).ToString();
        }
        if (type == 13 && bytes.Length == 8)
        {
            return $"{new IPAddress(bytes.AsSpan(0, 4))}/{new IPAddress(bytes.AsSpan(4, 4))}";
        }
        if (type is 7 or 16521 or 16524 or 16526 or 28672 or 28674)
        {
            return Encoding.UTF8.GetString(bytes);
        }
        if (type is 16522 or 16523 or 16529)
        {
            return "<redacted>"; // XAUTH passwords travel here; never print them
        }
        return bytes.Length <= 8 ? ReadNumber(bytes).ToString() : Hex(bytes);
    }

    private static string ValueText(int type, long value, bool config, bool phase1, Func<int, string> names)
    {
        if (config)
        {
            return value.ToString();
        }
        if (phase1)
        {
            return type switch
            {
                1 => CipherFamily((EncryptionAlgorithm)(int)value) ?? value.ToString(),
                2 => Enum.IsDefined(typeof(HashAlgorithm), (int)value) ? IkeNames.Hashes.FirstOrDefault(h => (int)h.Hash == value)?.Display ?? ((HashAlgorithm)value).ToString() : value.ToString(),
                3 => Enum.IsDefined(typeof(AuthMethod), (int)value) ? IkeNames.LogName((AuthMethod)value) : value.ToString(),
                4 => IkeNames.Find((DhGroup)value)?.Display ?? $"group {value}",
                11 => value switch { 1 => "Seconds", 2 => "Kilobytes", _ => value.ToString() },
                _ => value.ToString(),
            };
        }
        return type switch
        {
            1 => value switch { 1 => "Seconds", 2 => "Kilobytes", _ => value.ToString() },
            3 => IkeNames.Find((DhGroup)value)?.Display ?? $"group {value}",
            4 => IsakmpNames.EncapsulationMode((int)value),
            5 => IkeNames.Find((IntegrityAlgorithm)value)?.Display ?? $"auth {value}",
            _ => value.ToString(),
        };
    }

    /// <summary>"AES-CBC" for AES-CBC-128/192/256: Core's display name without the key length (a separate attribute).</summary>
    private static string? CipherFamily(EncryptionAlgorithm algorithm)
    {
        var display = IkeNames.Ciphers.FirstOrDefault(c => c.Cipher.Algorithm == algorithm)?.Display;
        if (display is null)
        {
            return null;
        }
        var dash = display.LastIndexOf('-');
        return dash > 0 && int.TryParse(display[(dash + 1)..], out _) ? display[..dash] : display;
    }

    private static IsakmpIdentification ParseId(ReadOnlySpan<byte> body)
    {
        Need(body, 4, "ID type, protocol and port");
        var idType = body[0];
        var protocol = body[1];
        var port = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
        var data = body[4..];
        string value;
        IPNetwork? network = null;
        switch (idType)
        {
            case 1 when data.Length == 4:
                network = new IPNetwork(new IPAddress(data), 32);
                value = new IPAddress(data).ToString();
                break;
            case 5 when data.Length == 16:
                network = new IPNetwork(new IPAddress(data), 128);
                value = new IPAddress(data).ToString();
                break;
            case 4 when data.Length == 8:
                {
                    var mask = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    var prefix = System.Numerics.BitOperations.PopCount(mask);
                    var address = new IPAddress(data[..4]);
                    value = $"{address}/{new IPAddress(data[4..8])}";
                    try { network = new IPNetwork(address, prefix); } catch (ArgumentException) { network = null; }
                    break;
                }
            case 6 when data.Length == 32:
                {
                    var prefix = 0;
                    foreach (var b in data[16..])
                    {
                        prefix += System.Numerics.BitOperations.PopCount((uint)b);
                    }
                    var address = new IPAddress(data[..16]);
                    value = $"{address}/{prefix}";
                    try { network = new IPNetwork(address, prefix); } catch (ArgumentException) { network = null; }
                    break;
                }
            case 7 when data.Length == 8:
                value = $"{new IPAddress(data[..4])}-{new IPAddress(data[4..8])}";
                break;
            case 8 when data.Length == 32:
                value = $"{new IPAddress(data[..16])}-{new IPAddress(data[16..32])}";
                break;
            case 2 or 3:
                value = Encoding.UTF8.GetString(data);
                break;
            case 9:
                value = DistinguishedName(data);
                break;
            default:
                value = data.Length > 0 && data.ToArray().All(b => b is >= 0x20 and < 0x7f) ? Encoding.ASCII.GetString(data) : Hex(data);
                break;
        }
        return new IsakmpIdentification(idType, protocol, port, value) { Network = network };
    }

    private static string DistinguishedName(ReadOnlySpan<byte> der)
    {
        try
        {
            return new System.Security.Cryptography.X509Certificates.X500DistinguishedName(der.ToArray()).Name;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Hex(der);
        }
    }

    /// <summary>The subject of an X.509 certificate, or null when the bytes are not a certificate.</summary>
    private static string? CertificateSubject(ReadOnlySpan<byte> der)
    {
        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
            return certificate.Subject;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IsakmpNotification ParseNotify(ReadOnlySpan<byte> body)
    {
        Need(body, 8, "notification header");
        var doi = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
        var protocol = body[4];
        var spiSize = body[5];
        var type = BinaryPrimitives.ReadUInt16BigEndian(body[6..]);
        Need(body, 8 + spiSize, "notification SPI");
        return new IsakmpNotification(doi, protocol, body.Slice(8, spiSize).ToArray(), type, body[(8 + spiSize)..].ToArray());
    }

    private static IsakmpDelete ParseDelete(ReadOnlySpan<byte> body)
    {
        Need(body, 8, "delete header");
        var doi = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
        var protocol = body[4];
        var spiSize = body[5];
        var count = BinaryPrimitives.ReadUInt16BigEndian(body[6..]);
        Need(body, 8 + spiSize * count, $"{count} SPIs of {spiSize} bytes");
        var spis = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            spis.Add(body.Slice(8 + i * spiSize, spiSize).ToArray());
        }
        return new IsakmpDelete(doi, protocol, spis);
    }

    private static void Need(ReadOnlySpan<byte> data, int count, string what)
    {
        if (data.Length < count)
        {
            throw new FormatException($"{what} needs {count} bytes, {data.Length} present");
        }
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
