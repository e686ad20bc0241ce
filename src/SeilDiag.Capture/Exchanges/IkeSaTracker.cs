using System.Net;
using System.Security.Cryptography;
using SeilDiag.Capture.Decryption;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Capture.Exchanges;

/// <summary>
/// Groups ISAKMP messages into SAs (by initiator cookie) and exchanges (by message ID), decrypts them, and
/// fills Core's <see cref="ObservedIkeSa"/>: proposals offered and chosen, identities, notifies, deletes,
/// DPD, NAT-T, retransmissions and timing, each message with its evidence.
/// </summary>
internal sealed class IkeSaTracker(string path, CaptureKeys keys, CaptureOptions options)
{
    private sealed class SaState(ObservedIkeSa observed, Ikev1SaCrypto crypto)
    {
        public ObservedIkeSa Observed { get; } = observed;
        public Ikev1SaCrypto Crypto { get; } = crypto;
        public Dictionary<string, long> SeenMessages { get; } = [];
        public Dictionary<(int Type, uint Id), ObservedExchange> Exchanges { get; } = [];
        public long FirstFrame { get; init; }
    }

    private readonly Dictionary<ulong, SaState> _sas = [];
    private readonly List<SaState> _order = [];
    private readonly Dictionary<(ulong, string), Diagnostic> _undecryptable = [];
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>SPI → (cookie, message ID, frame) of the Quick Mode that negotiated it.</summary>
    public Dictionary<uint, (ulong Cookie, uint MessageId, long Frame)> QuickModeSpis { get; } = [];

    public IEnumerable<Diagnostic> Diagnostics => _diagnostics.Concat(_undecryptable.Values);

    public IReadOnlyList<ObservedIkeSa> ObservedSas => _order.Select(s => s.Observed).ToList();

    public IReadOnlyList<Ikev1SaCrypto> Material => _order.Select(s => s.Crypto).ToList();

    public IEnumerable<ulong> Cookies => _sas.Keys;

    public void Process(PacketSummary packet, IsakmpHeader header, ReadOnlySpan<byte> message, IPEndPoint source, IPEndPoint destination)
    {
        var sa = GetSa(header, source, destination, packet.Frame, packet.Time);
        var observed = sa.Observed;
        if (header.ResponderCookie != 0)
        {
            observed.ResponderCookie ??= header.ResponderCookie;
            sa.Crypto.ResponderCookie = header.ResponderCookie;
        }
        var fromInitiator = IsFromInitiator(observed, source);
        var direction = fromInitiator ? MessageDirection.InitiatorToResponder : MessageDirection.ResponderToInitiator;
        packet.Direction = direction;
        if (packet.NonEspMarker)
        {
            observed.NatTraversal = true;
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(message));
        var retransmission = sa.SeenMessages.TryGetValue(fingerprint, out var original);
        if (retransmission)
        {
            packet.RetransmissionOf = original;
        }
        else
        {
            sa.SeenMessages[fingerprint] = packet.Frame;
        }

        var declared = (int)Math.Min(header.Length, int.MaxValue);
        var body = message[IsakmpHeader.Size..];
        if (declared < IsakmpHeader.Size || declared > message.Length)
        {
            _diagnostics.Add(Diagnostic.Create(Rules.CorruptPacket, Location.InCapture(path, packet.Frame),
                $"ISAKMP length field says {header.Length} bytes, the UDP payload holds {message.Length}" + (declared > message.Length ? ": the message is truncated" : "")));
        }
        else
        {
            body = message[IsakmpHeader.Size..declared];
        }

        PayloadChain? chain;
        if (header.Encrypted)
        {
            var result = sa.Crypto.Decrypt(header, body);
            chain = result.Chain;
            if (result.Success)
            {
                packet.Decryption = result.Retransmission ? DecryptStatus.RetransmissionDecrypted : DecryptStatus.Decrypted;
                if (options.KeepPayloadBytes)
                {
                    packet.DecryptedBody = result.Plaintext;
                }
            }
            else
            {
                packet.Decryption = DecryptStatus.Failed;
                packet.DecryptionFailure = result.Failure;
                if (!result.Retransmission)
                {
                    ReportUndecryptable(header, sa.Observed, packet.Frame, result.Failure!);
                }
            }
        }
        else
        {
            chain = IsakmpDissector.Parse(header.NextPayload, body, header.ExchangeType);
            if (!chain.IsValid)
            {
                _diagnostics.Add(Diagnostic.Create(Rules.CorruptPacket, Location.InCapture(path, packet.Frame), $"ISAKMP {header.ExchangeName} message: {chain.Error}")
                    .WithTunnel(TunnelOf(sa.Observed)));
            }
        }
        var payloads = chain?.Payloads ?? [];
        packet.Payloads = payloads;

        packet.Info = PacketInfo.Isakmp(packet, header);
        if (!retransmission)
        {
            Learn(sa, header, payloads, fromInitiator);
        }
        // After Learn: in Aggressive Mode the chosen transform (and so the hash) arrives in the same message.
        packet.NatDetection = NatDetection.Check(payloads, header.InitiatorCookie, header.ResponderCookie,
            sa.Crypto.Chosen?.Hash ?? (sa.Crypto.Offered.Select(o => o.Hash).Distinct().Count() == 1 ? sa.Crypto.Offered[0].Hash : null), source, destination);
        Record(sa, header, packet, payloads, direction, retransmission);
        if (!options.KeepPayloadBytes)
        {
            foreach (var p in payloads)
            {
                p.Body = null;
            }
        }
    }

    private SaState GetSa(in IsakmpHeader header, IPEndPoint source, IPEndPoint destination, long frame, DateTimeOffset time)
    {
        if (_sas.TryGetValue(header.InitiatorCookie, out var sa))
        {
            return sa;
        }
        var observed = new ObservedIkeSa(EvidenceSource.Capture)
        {
            InitiatorCookie = header.InitiatorCookie,
            // The first message of an SA normally has a zero responder cookie and comes from the initiator;
            // a capture that starts mid-SA cannot tell, and the first sender is assumed to be the initiator.
            Initiator = source,
            Responder = destination,
            Start = time,
        };
        var cookie = header.InitiatorCookie;
        var crypto = new Ikev1SaCrypto(cookie, keys.Ikev1.Where(k => k.InitiatorCookie == cookie).ToList());
        sa = new SaState(observed, crypto) { FirstFrame = frame };
        _sas[header.InitiatorCookie] = sa;
        _order.Add(sa);
        return sa;
    }

    private static bool IsFromInitiator(ObservedIkeSa sa, IPEndPoint source)
    {
        if (sa.Initiator is null)
        {
            return true;
        }
        if (!sa.Initiator.Address.Equals(source.Address))
        {
            return false;
        }
        // Same address on both ends only happens in lab setups: fall back to the port.
        return sa.Responder is null || !sa.Responder.Address.Equals(source.Address) || sa.Initiator.Port == source.Port;
    }

    /// <summary>Collects what decryption and the model need from the payloads of one (non-retransmitted) message.</summary>
    private static void Learn(SaState sa, IsakmpHeader header, IReadOnlyList<IsakmpPayload> payloads, bool fromInitiator)
    {
        var observed = sa.Observed;
        var crypto = sa.Crypto;
        var phase1 = header.ExchangeType is 2 or 4 && header.MessageId == 0;
        if (phase1)
        {
            observed.Mode ??= header.ExchangeType == 4 ? ExchangeMode.Aggressive : ExchangeMode.Main;
        }
        foreach (var p in payloads)
        {
            switch (p.Type)
            {
                case 1 when phase1 && p.Proposals is { } proposals:
                    {
                        var transforms = proposals.Where(x => x.ProtocolId == 1).SelectMany(x => x.Transforms).Select(ProposalMapper.ToPhase1).OfType<Phase1Proposal>().ToList();
                        if (fromInitiator)
                        {
                            crypto.SaInitiatorBody ??= p.Body;
                            if (observed.OfferedPhase1.Count == 0)
                            {
                                observed.OfferedPhase1.AddRange(transforms);
                                crypto.Offered.AddRange(transforms);
                            }
                        }
                        else if (transforms.Count > 0)
                        {
                            observed.ChosenPhase1 = transforms[0];
                            crypto.Chosen = transforms[0];
                        }
                        break;
                    }
                case 4 when phase1:
                    if (fromInitiator) crypto.Gxi ??= p.Body; else crypto.Gxr ??= p.Body;
                    break;
                case 10 when phase1:
                    if (fromInitiator) crypto.NonceI ??= p.Body; else crypto.NonceR ??= p.Body;
                    break;
                case 5 when phase1 && p.Identification is { } id:
                    if (fromInitiator)
                    {
                        observed.InitiatorIdentity = ToIdentity(id);
                        crypto.IdInitiatorBody = p.Body;
                    }
                    else
                    {
                        observed.ResponderIdentity = ToIdentity(id);
                        crypto.IdResponderBody = p.Body;
                    }
                    break;
                case 8 when phase1:
                    if (fromInitiator) crypto.HashI = p.Body; else crypto.HashR = p.Body;
                    break;
            }
        }
        if (phase1 && payloads.Any(p => p.Type is 8 or 9))
        {
            // MM6 (the responder's ID and HASH/SIG) or AM3 (the initiator's) completes phase 1.
            if (header.ExchangeType == 2 && !fromInitiator || header.ExchangeType == 4 && fromInitiator)
            {
                observed.Established = true;
            }
        }
    }

    private static IkeIdentity ToIdentity(IsakmpIdentification id) =>
        new(Enum.IsDefined(typeof(IdentityType), id.IdType) ? (IdentityType)id.IdType : IdentityType.KeyId, id.Value);

    private void Record(SaState sa, in IsakmpHeader header, PacketSummary packet, IReadOnlyList<IsakmpPayload> payloads, MessageDirection direction, bool retransmission)
    {
        var observed = sa.Observed;
        var key = (header.MessageId == 0 && header.ExchangeType is 2 or 4 ? header.ExchangeType : header.ExchangeType, header.MessageId);
        if (!sa.Exchanges.TryGetValue(key, out var exchange))
        {
            exchange = new ObservedExchange((ExchangeType)header.ExchangeType, header.MessageId);
            sa.Exchanges[key] = exchange;
            observed.Exchanges.Add(exchange);
        }
        var notifies = payloads.Where(p => p.Notification is not null).Select(p => p.Notification!.Name).ToList();
        // The summary is values (direction, exchange, message ID, payloads, notifies) in both languages; only the
        // notes about decryption and retransmission are words.
        var summary = $"{(direction == MessageDirection.InitiatorToResponder ? "I>R" : "R>I")} {IsakmpNames.ExchangeLong(header.ExchangeType)} msgid {header.MessageId:x8} {packet.PayloadList}"
            + string.Concat(payloads.Where(p => p.Type is 11 or 12).Select(p => " " + p.Summary))
            + (packet.NatDetection is { } nat ? $"; {nat}" : "");
        var failed = packet.Decryption == DecryptStatus.Failed;
        var text = new LocalizedText(
            summary
            + (failed ? $" (not decrypted: {packet.DecryptionFailure})" : "")
            + (retransmission ? $" (retransmission of frame {packet.RetransmissionOf})" : ""),
            summary
            + (failed ? $" (復号できません: {packet.DecryptionFailure})" : "")
            + (retransmission ? $" (フレーム {packet.RetransmissionOf} の再送)" : ""));
        var evidence = new Evidence(EvidenceSource.Capture, EvidenceKind.Observed, text, Location.InCapture(path, packet.Frame), packet.Info, packet.Time);
        exchange.Messages.Add(new ObservedMessage(packet.Time, direction, (ExchangeType)header.ExchangeType, header.MessageId,
            payloads.Select(p => p.ShortName).ToList(), evidence)
        {
            Notifies = notifies,
            IsRetransmission = retransmission,
            Length = (int)header.Length,
        });
        if (header.ExchangeType == 32 && !retransmission)
        {
            RecordQuickMode(observed, exchange, header, payloads, direction, packet.Frame);
        }
    }

    private void RecordQuickMode(ObservedIkeSa observed, ObservedExchange exchange, in IsakmpHeader header, IReadOnlyList<IsakmpPayload> payloads, MessageDirection direction, long frame)
    {
        var sa = payloads.FirstOrDefault(p => p.Proposals is not null);
        if (sa?.Proposals is { } proposals)
        {
            var mapped = proposals.SelectMany(pr => pr.Transforms.Select(t => ProposalMapper.ToPhase2(pr, t))).OfType<Phase2Proposal>().ToList();
            // PFS: the group is an attribute of each transform; a KE payload in Quick Mode confirms it.
            if (direction == MessageDirection.InitiatorToResponder)
            {
                if (exchange.OfferedPhase2.Count == 0)
                {
                    exchange.OfferedPhase2.AddRange(mapped);
                }
            }
            else if (mapped.Count > 0)
            {
                exchange.ChosenPhase2 = mapped[0];
            }
            foreach (var spi in proposals.Select(pr => pr.Spi32).OfType<uint>())
            {
                if (!exchange.Spis.Contains(spi))
                {
                    exchange.Spis.Add(spi);
                }
                QuickModeSpis.TryAdd(spi, (observed.InitiatorCookie ?? 0, header.MessageId, frame));
            }
            if (direction == MessageDirection.ResponderToInitiator && mapped.Count > 0)
            {
                observed.Established = true;
            }
        }
        var ids = payloads.Where(p => p.Type == 5 && p.Identification is not null).Select(p => p.Identification!).ToList();
        if (direction == MessageDirection.InitiatorToResponder && ids.Count == 2 && ids[0].Network is { } local && ids[1].Network is { } remote && exchange.ProxyId is null)
        {
            exchange.ProxyId = new ProxyId(local, remote, ids[0].ProtocolId, ids[0].Port, ids[1].Port);
        }
    }

    private static TunnelEndpoints? TunnelOf(ObservedIkeSa sa) => TunnelEndpoints.Of(sa.Initiator?.Address, sa.Responder?.Address);

    private void ReportUndecryptable(in IsakmpHeader header, ObservedIkeSa sa, long frame, string reason)
    {
        var key = (header.InitiatorCookie, reason);
        var location = Location.InCapture(path, frame);
        if (_undecryptable.TryGetValue(key, out var existing))
        {
            _undecryptable[key] = existing.WithAdditionalLocations(location);
            return;
        }
        _undecryptable[key] = Diagnostic.Create(Rules.IkeUndecryptable, location, IsakmpNames.ExchangeLong(header.ExchangeType), header.InitiatorCookie.ToString("x16"), reason)
            .WithTunnel(TunnelOf(sa));
    }
}
