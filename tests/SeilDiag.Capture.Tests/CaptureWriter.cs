using System.Buffers.Binary;
using System.IO.Compression;
using SeilDiag.Capture.Reading;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// Re-encodes the frames of a real capture in other containers, byte orders, link types and fragmentations,
/// so the readers are tested on real packets in every form they must accept.
/// </summary>
internal static class CaptureWriter
{
    public sealed record Frame(DateTimeOffset Time, byte[] Data);

    public static List<Frame> ReadEthernet(string path)
    {
        var findings = new CaptureFindings(path);
        using var reader = CaptureFile.Open(path, findings);
        var frames = new List<Frame>();
        while (reader.TryRead(out var f))
        {
            Assert.Equal(LinkType.Ethernet, f.LinkType);
            frames.Add(new Frame(f.Time, f.Data.ToArray()));
        }
        Assert.Empty(findings.Diagnostics);
        return frames;
    }

    public static byte[] Pcap(IEnumerable<Frame> frames, int linkType = 1, bool bigEndian = false, bool nanoseconds = false)
    {
        var ms = new MemoryStream();
        var h = new byte[24];
        W32(h, 0, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, bigEndian);
        W16(h, 4, 2, bigEndian);
        W16(h, 6, 4, bigEndian);
        W32(h, 16, 262144, bigEndian);
        W32(h, 20, (uint)linkType, bigEndian);
        ms.Write(h);
        foreach (var f in frames)
        {
            var r = new byte[16];
            var us = f.Time.ToUnixTimeMilliseconds() * 1000 + f.Time.Ticks % 10000 / 10;
            W32(r, 0, (uint)(us / 1_000_000), bigEndian);
            W32(r, 4, nanoseconds ? (uint)(us % 1_000_000 * 1000) : (uint)(us % 1_000_000), bigEndian);
            W32(r, 8, (uint)f.Data.Length, bigEndian);
            W32(r, 12, (uint)f.Data.Length, bigEndian);
            ms.Write(r);
            ms.Write(f.Data);
        }
        return ms.ToArray();
    }

    /// <summary>pcapng with two interfaces (frames alternate between them), if_tsresol on the second, an SPB for every third frame on interface 0.</summary>
    public static byte[] PcapNg(IReadOnlyList<Frame> frames, bool bigEndian = false, uint? unknownBlockType = null)
    {
        var ms = new MemoryStream();
        Block(ms, 0x0A0D0D0A, bigEndian, b =>
        {
            var body = new byte[16];
            W32(body, 0, 0x1A2B3C4D, bigEndian);
            W16(body, 4, 1, bigEndian);
            W16(body, 6, 0, bigEndian);
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), -1);
            b.Write(body);
        });
        // Interface 0: Ethernet, microseconds (default). Interface 1: Ethernet, nanoseconds (if_tsresol = 9) plus a comment option.
        Block(ms, 1, bigEndian, b => b.Write(Idb(bigEndian, null)));
        Block(ms, 1, bigEndian, b => b.Write(Idb(bigEndian, 9)));
        if (unknownBlockType is { } unknown)
        {
            Block(ms, unknown, bigEndian, b => b.Write(new byte[12]));
        }
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            var iface = i % 2;
            if (iface == 0 && i % 3 == 0)
            {
                Block(ms, 3, bigEndian, b =>
                {
                    var head = new byte[4];
                    W32(head, 0, (uint)f.Data.Length, bigEndian);
                    b.Write(head);
                    b.Write(f.Data);
                    b.Write(new byte[(4 - f.Data.Length % 4) % 4]);
                });
                continue;
            }
            Block(ms, 6, bigEndian, b =>
            {
                var head = new byte[20];
                var units = iface == 0 ? (ulong)(f.Time.ToUnixTimeMilliseconds() * 1000 + f.Time.Ticks % 10000 / 10) : (ulong)(f.Time - DateTimeOffset.UnixEpoch).Ticks * 100;
                W32(head, 0, (uint)iface, bigEndian);
                W32(head, 4, (uint)(units >> 32), bigEndian);
                W32(head, 8, (uint)units, bigEndian);
                W32(head, 12, (uint)f.Data.Length, bigEndian);
                W32(head, 16, (uint)f.Data.Length, bigEndian);
                b.Write(head);
                b.Write(f.Data);
                b.Write(new byte[(4 - f.Data.Length % 4) % 4]);
                // opt_comment, then opt_endofopt
                var comment = "re-encoded by the SeilDiag tests"u8.ToArray();
                var opt = new byte[4];
                W16(opt, 0, 1, bigEndian);
                W16(opt, 2, (ushort)comment.Length, bigEndian);
                b.Write(opt);
                b.Write(comment);
                b.Write(new byte[(4 - comment.Length % 4) % 4]);
                b.Write(new byte[4]);
            });
        }
        return ms.ToArray();
    }

    private static byte[] Idb(bool bigEndian, byte? tsresol)
    {
        var ms = new MemoryStream();
        var head = new byte[8];
        W16(head, 0, 1, bigEndian);
        W32(head, 4, 262144, bigEndian);
        ms.Write(head);
        if (tsresol is { } r)
        {
            var opt = new byte[8];
            W16(opt, 0, 9, bigEndian);
            W16(opt, 2, 1, bigEndian);
            opt[4] = r;
            ms.Write(opt);
            ms.Write(new byte[4]);
        }
        return ms.ToArray();
    }

    private static void Block(Stream s, uint type, bool bigEndian, Action<MemoryStream> body)
    {
        var b = new MemoryStream();
        body(b);
        var len = (uint)(12 + b.Length);
        var head = new byte[8];
        if (type == 0x0A0D0D0A)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(head, type);
        }
        else
        {
            W32(head, 0, type, bigEndian);
        }
        W32(head, 4, len, bigEndian);
        s.Write(head);
        s.Write(b.ToArray());
        var tail = new byte[4];
        W32(tail, 0, len, bigEndian);
        s.Write(tail);
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }
        return ms.ToArray();
    }

    // ---- link-layer rewrites of an Ethernet frame -------------------------------------------

    public static byte[] ToRawIp(byte[] eth) => eth[14..];

    public static byte[] ToSll(byte[] eth)
    {
        var sll = new byte[16 + eth.Length - 14];
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(0), 0); // packet type: to us
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(2), 1); // ARPHRD_ETHER
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(4), 6);
        eth.AsSpan(6, 6).CopyTo(sll.AsSpan(6));
        eth.AsSpan(12, 2).CopyTo(sll.AsSpan(14));
        eth.AsSpan(14).CopyTo(sll.AsSpan(16));
        return sll;
    }

    public static byte[] ToSll2(byte[] eth)
    {
        var sll = new byte[20 + eth.Length - 14];
        eth.AsSpan(12, 2).CopyTo(sll.AsSpan(0));
        BinaryPrimitives.WriteUInt32BigEndian(sll.AsSpan(4), 2); // interface index
        BinaryPrimitives.WriteUInt16BigEndian(sll.AsSpan(8), 1);
        sll[11] = 6;
        eth.AsSpan(6, 6).CopyTo(sll.AsSpan(12));
        eth.AsSpan(14).CopyTo(sll.AsSpan(20));
        return sll;
    }

    public static byte[] ToNull(byte[] eth)
    {
        var n = new byte[4 + eth.Length - 14];
        BinaryPrimitives.WriteUInt32LittleEndian(n, 2); // AF_INET in the capturing host's (little-endian) order
        eth.AsSpan(14).CopyTo(n.AsSpan(4));
        return n;
    }

    public static byte[] ToVlan(byte[] eth)
    {
        var v = new byte[eth.Length + 8];
        eth.AsSpan(0, 12).CopyTo(v);
        BinaryPrimitives.WriteUInt16BigEndian(v.AsSpan(12), 0x88A8); // QinQ outer tag
        BinaryPrimitives.WriteUInt16BigEndian(v.AsSpan(14), 100);
        BinaryPrimitives.WriteUInt16BigEndian(v.AsSpan(16), 0x8100);
        BinaryPrimitives.WriteUInt16BigEndian(v.AsSpan(18), 200);
        eth.AsSpan(12).CopyTo(v.AsSpan(20));
        return v;
    }

    /// <summary>Splits an Ethernet/IPv4 frame into IPv4 fragments of at most <paramref name="chunk"/> payload bytes, delivered in reverse order.</summary>
    public static IEnumerable<byte[]> FragmentIPv4(byte[] eth, int chunk)
    {
        var ip = eth.AsSpan(14);
        var ihl = (ip[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var payload = ip[ihl..total].ToArray();
        if (payload.Length <= chunk)
        {
            yield return eth;
            yield break;
        }
        var pieces = new List<byte[]>();
        for (var off = 0; off < payload.Length; off += chunk)
        {
            var len = Math.Min(chunk, payload.Length - off);
            var f = new byte[14 + ihl + len];
            eth.AsSpan(0, 14 + ihl).CopyTo(f);
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(14 + 2), (ushort)(ihl + len));
            var more = off + len < payload.Length ? 0x2000 : 0;
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(14 + 6), (ushort)(more | off / 8));
            payload.AsSpan(off, len).CopyTo(f.AsSpan(14 + ihl));
            pieces.Add(f);
        }
        pieces.Reverse();
        foreach (var p in pieces)
        {
            yield return p;
        }
    }

    /// <summary>Rewrites an Ethernet/IPv4 frame as Ethernet/IPv6 (2001:db8::a.b.c.d), optionally split into IPv6 fragments.</summary>
    public static IEnumerable<byte[]> ToIPv6(byte[] eth, int? fragmentChunk = null)
    {
        var ip = eth.AsSpan(14);
        var ihl = (ip[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var protocol = ip[9];
        var payload = ip[ihl..total].ToArray();
        var src = V6(ip.Slice(12, 4));
        var dst = V6(ip.Slice(16, 4));
        byte[] Packet(byte next, ReadOnlySpan<byte> body)
        {
            var f = new byte[14 + 40 + body.Length];
            eth.AsSpan(0, 12).CopyTo(f);
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(12), 0x86DD);
            f[14] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(14 + 4), (ushort)body.Length);
            f[14 + 6] = next;
            f[14 + 7] = 64;
            src.CopyTo(f, 14 + 8);
            dst.CopyTo(f, 14 + 24);
            body.CopyTo(f.AsSpan(54));
            return f;
        }
        if (fragmentChunk is not { } chunk || payload.Length <= chunk)
        {
            yield return Packet(protocol, payload);
            yield break;
        }
        var id = (uint)payload.Length * 7919;
        for (var off = 0; off < payload.Length; off += chunk)
        {
            var len = Math.Min(chunk, payload.Length - off);
            var body = new byte[8 + len];
            body[0] = protocol;
            var more = off + len < payload.Length ? 1 : 0;
            BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2), (ushort)(off | more));
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4), id);
            payload.AsSpan(off, len).CopyTo(body.AsSpan(8));
            yield return Packet(44, body);
        }
    }

    private static byte[] V6(ReadOnlySpan<byte> v4)
    {
        var a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = 0xb8;
        v4.CopyTo(a.AsSpan(12));
        return a;
    }

    private static void W32(byte[] b, int o, uint v, bool be)
    {
        if (be) BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(o), v); else BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(o), v);
    }

    private static void W16(byte[] b, int o, ushort v, bool be)
    {
        if (be) BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(o), v); else BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(o), v);
    }
}
