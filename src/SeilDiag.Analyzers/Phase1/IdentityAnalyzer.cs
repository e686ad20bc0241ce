using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase1;

/// <summary>
/// SD1003: the identity each end sends (my-identifier, leftid; default: its address) against what the other
/// expects (peers-identifier, rightid; default: the peer's address, %any for anything). Both IDs travel in
/// every phase 1, so a mismatch breaks both directions. Also flags a SEIL in Main Mode with a PSK and a
/// non-address identity: racoon picks the PSK by address before it sees the ID.
/// </summary>
public sealed class IdentityAnalyzer : PairAnalyzer
{
    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.IdentityMismatch];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        var directions = new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) };
        var mismatches = new List<(PeerConfig Sender, PeerConfig Receiver, IkeIdentity Sent, IkeIdentity Expected)>();
        foreach (var (sender, receiver) in new[] { (primary.Initiator, primary.Responder), (primary.Responder, primary.Initiator) })
        {
            var sent = Endpoints.EffectiveLocalIdentity(sender);
            var expected = Endpoints.EffectiveRemoteIdentity(receiver);
            if (sent is not null && expected is not null && !expected.Accepts(sent))
            {
                mismatches.Add((sender, receiver, sent, expected));
            }
        }
        if (mismatches.Count > 0)
        {
            yield return Mismatch(mismatches, directions);
        }
        foreach (var seil in new[] { pair.A, pair.B }.Where(NeedsAddressIdentity))
        {
            var other = seil == pair.A ? pair.B : pair.A;
            yield return MainModeIdentity(seil, other, directions);
        }
    }

    private static PairFinding Mismatch(
        List<(PeerConfig Sender, PeerConfig Receiver, IkeIdentity Sent, IkeIdentity Expected)> mismatches,
        IReadOnlyList<NegotiationDirection> directions)
    {
        var en = string.Join("; ", mismatches.Select(m =>
            $"{EndNames.Short(m.Sender, m.Receiver)} sends {m.Sent} ({IdentityWhere(m.Sender, m.Sender.LocalIdentity)}), {EndNames.Short(m.Receiver, m.Sender)} expects {m.Expected} ({IdentityWhere(m.Receiver, m.Receiver.RemoteIdentity)})"));
        var ja = string.Join("; ", mismatches.Select(m =>
            $"{EndNames.Short(m.Sender, m.Receiver)} は {m.Sent} を送りますが {EndNames.Short(m.Receiver, m.Sender)} は {m.Expected} を期待しています"));
        var first = mismatches[0];
        var location = first.Sender.LocalIdentity.Where ?? first.Receiver.RemoteIdentity.Where ?? first.Sender.Definition;
        var diagnostic = Diagnostic.Create(Rules.IdentityMismatch, location, new LocalizedText(
                $"{en}; fails {DirectionsText(directions).English}", $"{ja}; {DirectionsText(directions).Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, first.Receiver.RemoteIdentity.Where ?? first.Receiver.Definition))
            .WithEvidence(PredictedLogs.IdentityMismatch(first.Sender, first.Receiver, new LogValue(RawValue(first.Sent))).ToArray());

        // Preferred: the receiver expects what is sent (no change to what travels); alternative: the sender sends what is expected.
        var expect = new FixBuilder();
        var send = new FixBuilder();
        foreach (var m in mismatches)
        {
            SetIdentity(expect, m.Receiver, remote: true, m.Sent);
            SetIdentity(send, m.Sender, remote: false, m.Expected);
        }
        var fixes = new List<CodeFix>();
        if (!expect.IsEmpty) fixes.Add(expect.Build());
        if (!send.IsEmpty) fixes.Add(send.Build());
        return new PairFinding(diagnostic.WithFixes([.. fixes]), directions);
    }

    private static bool NeedsAddressIdentity(PeerConfig peer) =>
        peer.Vendor == PeerVendor.Seil
        && peer.ExchangeMode.Value == ExchangeMode.Main
        && peer.AuthMethod.Value == AuthMethod.PreSharedKey
        && (peer.LocalIdentity.Value is { IsAddress: false, Type: not IdentityType.Any }
            || peer.RemoteIdentity.Value is { IsAddress: false, Type: not IdentityType.Any });

    private static PairFinding MainModeIdentity(PeerConfig seil, PeerConfig other, IReadOnlyList<NegotiationDirection> directions)
    {
        var identity = seil.LocalIdentity.Value is { IsAddress: false } local ? (Value: local, Located: seil.LocalIdentity, Key: SeilKeys.MyIdentifierType)
            : (Value: seil.RemoteIdentity.Value!, Located: seil.RemoteIdentity, Key: SeilKeys.PeersIdentifierType);
        var location = identity.Located.Where ?? seil.Definition;
        var diagnostic = Diagnostic.CreateVariant(Rules.IdentityMismatch, Rule.DefaultMessage, location, new LocalizedText(
                $"{EndNames.Label(seil)} uses identity {identity.Value} in Main Mode with a pre-shared key: racoon selects the key by the peer's address before it sees the ID, so use address identities or Aggressive Mode",
                $"{EndNames.Label(seil)} はメインモード+事前共有鍵で ID {identity.Value} を使っています: racoon は ID を見る前にアドレスで鍵を選ぶため、アドレス ID を使ってください"))
            .WithSeverity(Severity.Warning);
        var fix = new FixBuilder().Set(seil, identity.Key, "address");
        return new PairFinding(diagnostic.WithFixes(fix.Build()), []);
    }

    private static string IdentityWhere(PeerConfig peer, Located<IkeIdentity?> value) =>
        value.Value is null || value.IsDefault ? "default: the address" : EndNames.Source(peer, value);

    private static string RawValue(IkeIdentity id) => id.Value;

    private static void SetIdentity(FixBuilder fix, PeerConfig peer, bool remote, IkeIdentity identity)
    {
        if (peer.Vendor == PeerVendor.StrongSwan)
        {
            var value = identity.Type switch
            {
                IdentityType.Fqdn => "@" + identity.Value,
                IdentityType.Any => "%any",
                _ => identity.Value,
            };
            fix.Set(peer, remote ? StrongSwanKeys.RightId : StrongSwanKeys.LeftId, value);
            return;
        }
        var typeKey = remote ? SeilKeys.PeersIdentifierType : SeilKeys.MyIdentifierType;
        switch (identity.Type)
        {
            case IdentityType.Ipv4Address or IdentityType.Ipv6Address:
                fix.Set(peer, typeKey, "address");
                break;
            case IdentityType.Fqdn:
                fix.Set(peer, typeKey, "fqdn").Set(peer, SeilKeys.IdentifierValueKey(typeKey, "fqdn"), identity.Value);
                break;
            case IdentityType.UserFqdn:
                fix.Set(peer, typeKey, "user-fqdn").Set(peer, SeilKeys.IdentifierValueKey(typeKey, "user-fqdn"), identity.Value);
                break;
            default:
                var (vendor, display) = (EndNames.Vendor(peer), peer.Editor.DisplayKey(typeKey));
                fix.Step(new($"{vendor}: make {display} match {identity}", $"{vendor}: {display} を {identity} に合わせます"));
                break;
        }
    }
}
