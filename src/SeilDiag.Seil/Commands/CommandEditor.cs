using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Seil.Commands;

/// <summary>
/// <see cref="IConfigEditor"/> for a seil3 tunnel. Keys are the seil8 names relative to <c>interface.ipsecN.</c>
/// (so analyzers speak one vocabulary); each maps to an option of the seil3 command that holds it
/// (<c>ike.proposal.phase1.dh-group</c> → <c>ike proposal add P ... dh-group</c>). Keys with no seil3 option give no edit.
/// </summary>
internal sealed class CommandEditor(SourceText text, Seil3Tunnel tunnel) : IConfigEditor
{
    private enum Holder { Peer, IkeProposal, SecurityAssociation, SaProposal }

    private static readonly Dictionary<string, (Holder Holder, string Option)> Map = new(StringComparer.Ordinal)
    {
        ["ike.exchange-mode"] = (Holder.Peer, "exchange-mode"),
        ["ike.check-level"] = (Holder.Peer, "check-level"),
        ["ike.dpd"] = (Holder.Peer, "dpd"),
        ["ike.initial-contact"] = (Holder.Peer, "initial-contact"),
        ["ike.nonce-size"] = (Holder.Peer, "nonce-size"),
        ["ike.responder-only"] = (Holder.Peer, "responder-only"),
        ["ike.prefer-new-phase1"] = (Holder.Peer, "prefer-new-phase1"),
        ["nat-traversal"] = (Holder.Peer, "nat-traversal"),
        ["ike.proposal.phase1.dh-group"] = (Holder.IkeProposal, "dh-group"),
        ["ike.proposal.phase1.lifetime"] = (Holder.IkeProposal, "lifetime-of-time"),
        ["ike.proposal.phase1.encryption"] = (Holder.IkeProposal, "encryption"),
        ["ike.proposal.phase1.hash"] = (Holder.IkeProposal, "hash"),
        ["ike.proposal.phase2.pfs-group"] = (Holder.SaProposal, "pfs-group"),
        ["ike.proposal.phase2.lifetime-of-time"] = (Holder.SaProposal, "lifetime-of-time"),
        ["ike.proposal.phase2.lifetime-of-byte"] = (Holder.SaProposal, "lifetime-of-byte"),
        ["ike.proposal.phase2.encryption"] = (Holder.SaProposal, "encryption-algorithm"),
        ["ike.proposal.phase2.authentication"] = (Holder.SaProposal, "authentication-algorithm"),
        ["ike.proposal.phase2.proxy-id.ipv4.local"] = (Holder.SecurityAssociation, "proxy-id-local"),
        ["ike.proposal.phase2.proxy-id.ipv4.remote"] = (Holder.SecurityAssociation, "proxy-id-remote"),
    };

    public string DisplayKey(string key)
    {
        if (Map.TryGetValue(key, out var target) && Command(target.Holder) is { } command)
        {
            var head = string.Join(' ', command.Line.Tokens.TakeWhile(t => t != command.Name).Select(t => t.Value));
            return $"{head} {command.Name!.Value} {target.Option}";
        }
        return $"{tunnel.DisplayName}: {key}";
    }

    public IReadOnlyList<TextEdit> Set(string key, string value)
    {
        if (!Map.TryGetValue(key, out var target) || Command(target.Holder) is not { } command)
        {
            return [];
        }
        if (target.Option == "responder-only")
        {
            value = value == "enable" ? "on" : value == "disable" ? "off" : value;
        }
        var formatted = Quote(value);
        if (command.Options.TryGetValue(target.Option, out var option) && option.Values.Count == 1)
        {
            return [TextEdit.Replace(text, option.Values[0].Span, formatted)];
        }
        return [TextEdit.Insert(text, command.Line.Span.End, $" {target.Option} {formatted}")];
    }

    public IReadOnlyList<TextEdit> Remove(string key)
    {
        if (!Map.TryGetValue(key, out var target) || Command(target.Holder) is not { } command
            || !command.Options.TryGetValue(target.Option, out var option))
        {
            return [];
        }
        var start = option.Name.Span.Start;
        while (start > command.Line.Span.Start && text.Text[start - 1] is ' ' or '\t')
        {
            start--;
        }
        return [TextEdit.Replace(text, TextSpan.FromBounds(start, option.Values[^1].Span.End), "")];
    }

    public IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values) => Set(listKey, string.Join(',', values));

    private Seil3Command? Command(Holder holder) => holder switch
    {
        Holder.Peer => tunnel.Peer,
        Holder.IkeProposal => tunnel.IkeProposal,
        Holder.SecurityAssociation => tunnel.SecurityAssociation,
        _ => tunnel.SaProposal,
    };

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => c is ' ' or '\t' or '"' or '\\')
            ? value
            : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
