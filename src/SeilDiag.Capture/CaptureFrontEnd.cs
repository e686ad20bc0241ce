using System.Buffers.Binary;
using System.Net;
using SeilDiag.Capture.Esp;
using SeilDiag.Capture.Exchanges;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Capture.Network;
using SeilDiag.Capture.Reading;
using SeilDiag.Diagnostics;

namespace SeilDiag.Capture;

/// <summary>
/// The capture front-end: reads a pcap/pcapng (gzip or not), dissects and decrypts IKEv1 and ESP, and returns
/// the packets, the observed IKE SAs and ESP SAs, and diagnostics. Unusable input (missing file, not a capture)
/// is an <see cref="Text.InputException"/>; everything else — truncation, corrupt packets, wrong keys — is a
/// diagnostic and the analysis goes on.
/// </summary>
public static class CaptureFrontEnd
{
    public const int IkePort = 500;
    public const int NatTPort = 4500;

    public static bool LooksLikeCapture(ReadOnlySpan<byte> head) => CaptureFile.LooksLikeCapture(head);

    public static CaptureAnalysis Analyze(string capturePath, CaptureKeys keys, CaptureOptions? options = null)
    {
        options ??= CaptureOptions.Default;
        var findings = new CaptureFindings(capturePath);
        if (!options.ReadAhead || Environment.ProcessorCount < 2)
        {
            using var direct = CaptureFile.Open(capturePath, findings);
            return Analyze(capturePath, direct, findings, keys, options);
        }
        // The reader runs on the read-ahead thread and reports into its own findings; they are replayed into
        // `findings` in their original place, so the result is the same as reading directly.
        var readerFindings = new CaptureFindings(capturePath);
        using var reader = CaptureFile.Open(capturePath, readerFindings);
        foreach (var early in readerFindings.Diagnostics)
        {
            findings.Add(early); // reported while opening, before the read-ahead thread exists
        }
        using var prefetcher = new Pipeline.FramePrefetcher(reader, readerFindings, keys, options.MaxFrames);
        var session = new Session(capturePath, findings, keys, options);
        while (prefetcher.Next() is { } batch)
        {
            var stop = false;
            var next = 0;
            for (var i = 0; i < batch.Frames.Count && !stop; i++)
            {
                for (; next < batch.Findings.Count && batch.Findings[next].Before <= i; next++)
                {
                    findings.Add(batch.Findings[next].Finding);
                }
                var frame = batch.Frame(i);
                session.Process(frame, batch.Frames[i].Icv);
                stop = options.MaxFrames > 0 && session.FrameCount >= options.MaxFrames;
            }
            if (!stop)
            {
                for (; next < batch.Findings.Count; next++)
                {
                    findings.Add(batch.Findings[next].Finding);
                }
                if (batch.Error is not null)
                {
                    ReadFailed(batch.Error, findings, session.FrameCount);
                }
            }
            var error = batch.Error;
            prefetcher.Return(batch);
            if (stop || error is not null)
            {
                break;
            }
        }
        return session.Finish();
    }

    /// <summary>What the direct loop does when the reader throws: report and stop, or (false) rethrow.</summary>
    private static bool ReadFailed(Exception error, CaptureFindings findings, long frameCount)
    {
        switch (error)
        {
            case InvalidDataException e:
                findings.Corrupt(null, $"the compressed capture is corrupt after frame {frameCount}: {e.Message}");
                return true;
            case IOException e:
                findings.Corrupt(null, $"reading stopped after frame {frameCount}: {e.Message}");
                return true;
            default:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                return false;
        }
    }

    /// <summary>
    /// Captures on a live interface (SharpPcap, needs libpcap/Npcap and capture permission) until the limits are
    /// reached or <paramref name="cancel"/> fires, then returns the same analysis as for a file.
    /// </summary>
    public static CaptureAnalysis AnalyzeLive(string interfaceName, CaptureKeys keys, Live.LiveCaptureLimits limits, CaptureOptions? options = null, CancellationToken cancel = default)
    {
        var findings = new CaptureFindings(interfaceName);
        using var reader = Live.LiveFrameReader.Open(interfaceName, limits, cancel);
        return Analyze(interfaceName, reader, findings, keys, options ?? CaptureOptions.Default);
    }

    /// <summary>Analyses frames from any reader (a file, or a live interface via <see cref="Live.LiveFrameReader"/>).</summary>
    public static CaptureAnalysis Analyze(string name, IFrameReader reader, CaptureFindings findings, CaptureKeys keys, CaptureOptions options)
    {
        var session = new Session(name, findings, keys, options);
        while (true)
        {
            CaptureFrame frame;
            try
            {
                if (!reader.TryRead(out frame))
                {
                    break;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                ReadFailed(e, findings, session.FrameCount);
                break;
            }
            session.Process(frame);
            if (options.MaxFrames > 0 && session.FrameCount >= options.MaxFrames)
            {
                break;
            }
        }
        return session.Finish();
    }

    private sealed class Session(string path, CaptureFindings findings, CaptureKeys keys, CaptureOptions options)
    {
        private readonly IpDecoder _ip = new();
        private readonly IkeSaTracker _ike = new(path, keys, options);
        private readonly EspTracker _esp = new(path, keys, options);
        private readonly List<PacketSummary> _packets = [];
        private DateTimeOffset? _first;
        private long _isakmp;
        private long _encrypted;
        private long _decrypted;

        public long FrameCount { get; private set; }

        public void Process(CaptureFrame frame, Pipeline.PrecomputedIcv? icv = null)
        {
            _esp.Precomputed = icv;
            FrameCount = frame.Number;
            _first ??= frame.Time;
            var summary = Decode(frame);
            options.PacketObserver?.Invoke(summary);
            if (options.RetainPackets)
            {
                _packets.Add(summary);
            }
        }

        private PacketSummary Malformed(CaptureFrame frame, string problem, string source = "", string destination = "")
        {
            findings.Corrupt(frame.Number, $"packet {frame.Number}: {problem}");
            return new PacketSummary
            {
                Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength,
                Kind = PacketKind.Malformed, Source = source, Destination = destination, Info = $"[Malformed: {problem}]",
            };
        }

        private double Relative(DateTimeOffset time) => (time - (_first ?? time)).TotalSeconds;

        private PacketSummary Decode(CaptureFrame frame)
        {
            var data = frame.Data.Span;
            if (!LinkLayer.TryGetNetwork(frame.LinkType, data, out var offset, out var etherType, out var problem))
            {
                if (problem is null)
                {
                    return new PacketSummary
                    {
                        Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength,
                        Kind = PacketKind.Other, Info = $"non-IP frame (EtherType 0x{etherType:x4})",
                    };
                }
                return Malformed(frame, problem);
            }
            var result = _ip.Decode(frame.Number, etherType, frame.Data[offset..], out var ip, out problem);
            if (result == IpDecoder.Result.Malformed)
            {
                return Malformed(frame, problem!);
            }
            if (result == IpDecoder.Result.Fragment)
            {
                return new PacketSummary
                {
                    Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength,
                    Kind = PacketKind.Fragment, Info = "IP fragment (reassembled on a later frame)",
                };
            }
            var packet = ip!;
            switch (packet.Protocol)
            {
                case IpProtocol.Udp:
                    return DecodeUdp(frame, packet);
                case IpProtocol.Esp:
                    var describe = options.RetainPackets || options.PacketObserver is not null;
                    return _esp.Process(frame, packet, packet.Payload.Span, udp: false, Relative(frame.Time),
                        describe ? packet.Source.ToString() : "", describe ? packet.Destination.ToString() : "", findings);
                default:
                    return new PacketSummary
                    {
                        Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength, Kind = PacketKind.Other,
                        Source = packet.Source.ToString(), Destination = packet.Destination.ToString(),
                        Info = InnerPacket.Transport(packet.Protocol, packet.Payload.Span, packet.IsIPv6) + IcmpQuote(packet),
                    };
            }
        }

        /// <summary>ICMP errors quote the packet that caused them: show which (e.g. IKE to a closed port 500).</summary>
        private static string IcmpQuote(IpPacket packet)
        {
            var data = packet.Payload.Span;
            if (packet.Protocol == IpProtocol.Icmp && data.Length >= 8 + 20 && data[0] is 3 or 11)
            {
                return " for " + InnerPacket.Summarize(IpProtocol.Ipip, data[8..]);
            }
            return "";
        }

        private PacketSummary DecodeUdp(CaptureFrame frame, IpPacket packet)
        {
            var span = packet.Payload.Span;
            if (span.Length < 8)
            {
                return Malformed(frame, $"UDP header truncated ({span.Length} bytes)", packet.Source.ToString(), packet.Destination.ToString());
            }
            var sport = BinaryPrimitives.ReadUInt16BigEndian(span);
            var dport = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
            var udpLength = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
            var end = udpLength >= 8 && udpLength <= span.Length ? udpLength : span.Length;
            var payload = span[8..end];
            var source = new IPEndPoint(packet.Source, sport);
            var destination = new IPEndPoint(packet.Destination, dport);
            var src = Format(source);
            var dst = Format(destination);
            var natT = sport == NatTPort || dport == NatTPort;
            var ike = natT || sport == IkePort || dport == IkePort;
            if (!ike)
            {
                return new PacketSummary
                {
                    Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength, Kind = PacketKind.Other,
                    Source = src, Destination = dst, Info = $"UDP {sport} > {dport} len={payload.Length}",
                };
            }
            if (natT)
            {
                if (payload.Length == 1 && payload[0] == 0xff)
                {
                    return new PacketSummary
                    {
                        Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength,
                        Kind = PacketKind.NatKeepalive, Source = src, Destination = dst, Info = "NAT-keepalive",
                    };
                }
                if (payload.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(payload) != 0)
                {
                    return _esp.Process(frame, packet, payload, udp: true, Relative(frame.Time), src, dst, findings);
                }
                if (payload.Length < 4)
                {
                    return Malformed(frame, $"UDP 4500 payload of {payload.Length} bytes is neither a NAT keepalive, ESP nor a marked IKE message", src, dst);
                }
                return DecodeIsakmp(frame, payload[4..], source, destination, src, dst, nonEspMarker: true);
            }
            return DecodeIsakmp(frame, payload, source, destination, src, dst, nonEspMarker: false);
        }

        private PacketSummary DecodeIsakmp(CaptureFrame frame, ReadOnlySpan<byte> message, IPEndPoint source, IPEndPoint destination, string src, string dst, bool nonEspMarker)
        {
            if (!IsakmpHeader.TryParse(message, out var header))
            {
                return Malformed(frame, $"ISAKMP message of {message.Length} bytes is shorter than the 28-byte header", src, dst);
            }
            if (header.MajorVersion == 2)
            {
                return new PacketSummary
                {
                    Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength, Kind = PacketKind.Ikev2,
                    Source = src, Destination = dst, Isakmp = header, NonEspMarker = nonEspMarker,
                    Info = $"IKEv2 exchange {header.ExchangeType} msgid {header.MessageId} (IKEv2 is not dissected)",
                };
            }
            if (header.MajorVersion != 1)
            {
                return Malformed(frame, $"ISAKMP version {header.Version >> 4}.{header.Version & 0xf} is neither IKEv1 nor IKEv2", src, dst);
            }
            _isakmp++;
            var summary = new PacketSummary
            {
                Frame = frame.Number, Time = frame.Time, RelativeTime = Relative(frame.Time), Length = frame.OriginalLength, Kind = PacketKind.Isakmp,
                Source = src, Destination = dst, Isakmp = header, NonEspMarker = nonEspMarker,
            };
            _ike.Process(summary, header, message, source, destination);
            if (header.Encrypted)
            {
                _encrypted++;
                if (summary.Decryption is DecryptStatus.Decrypted or DecryptStatus.RetransmissionDecrypted)
                {
                    _decrypted++;
                }
            }
            return summary;
        }

        private static string Format(IPEndPoint ep) =>
            ep.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ep.Address}]:{ep.Port}" : $"{ep.Address}:{ep.Port}";

        public CaptureAnalysis Finish()
        {
            foreach (var frame in _ip.Reassembler.Incomplete)
            {
                findings.Corrupt(frame, $"IP fragments starting at frame {frame} never completed: that datagram is missing from the analysis");
            }
            _esp.LinkQuickModes(_ike.QuickModeSpis);
            var diagnostics = new List<Diagnostic>(keys.Diagnostics);
            diagnostics.AddRange(findings.Diagnostics);
            diagnostics.AddRange(_ike.Diagnostics);
            diagnostics.AddRange(_esp.Diagnostics());
            var cookies = _ike.Cookies.ToHashSet();
            foreach (var key in keys.Ikev1.Where(k => !cookies.Contains(k.InitiatorCookie)))
            {
                diagnostics.Add(Diagnostic.Create(Rules.KeyTableMismatch, key.Where, key.InitiatorCookie.ToString("x16"),
                    new Diagnostics.LocalizedText("matches no ISAKMP SA in the capture (no message has this initiator cookie)", "キャプチャ中のどの ISAKMP SA にも一致しません (この initiator cookie のメッセージがありません)")));
            }
            return new CaptureAnalysis
            {
                Path = path,
                Diagnostics = diagnostics,
                ObservedSas = _ike.ObservedSas,
                Packets = _packets,
                EspSas = _esp.Summaries,
                FrameCount = FrameCount,
                IsakmpCount = _isakmp,
                EncryptedCount = _encrypted,
                DecryptedCount = _decrypted,
                EspCount = _esp.PacketCount,
                FirstTime = _first,
                IkeSaMaterial = _ike.Material,
            };
        }
    }
}
