using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Editing;

/// <summary>
/// <see cref="IConfigEditor"/> for a seil8 policy-based peer. Keys are the routing-based names relative to
/// <c>interface.ipsecN.</c> (so analyzers speak one vocabulary); each maps to where a policy-based config holds it:
/// phase 1 and the peer's IKE settings under <c>ike.peer.N.</c> (<c>ike.proposal.phase1.dh-group</c> →
/// <c>ike.peer.N.proposal.dh-group</c>), phase 2 under every security policy of the peer
/// (<c>ipsec.security-policy.M.ike.proposal.*</c>, so the policies keep one proposal), the proxy-id under the first
/// policy's source/destination, the tunnel ends under the SA and the peer. Keys with no policy-based home give no edit.
/// </summary>
public sealed class RecipePolicyEditor : IConfigEditor
{
    private enum Holder { Peer, Policies, FirstPolicy, SecurityAssociation }

    private static readonly Dictionary<string, (Holder Holder, string Key)[]> Map = new(StringComparer.Ordinal)
    {
        ["ike.exchange-mode"] = [(Holder.Peer, "exchange-mode")],
        ["ike.check-level"] = [(Holder.Peer, "check-level")],
        ["ike.dpd"] = [(Holder.Peer, "dpd")],
        ["ike.initial-contact"] = [(Holder.Peer, "initial-contact")],
        ["ike.nonce-size"] = [(Holder.Peer, "nonce-size")],
        ["ike.responder-only"] = [(Holder.Peer, "responder-only")],
        ["ike.prefer-new-phase1"] = [(Holder.Peer, "prefer-new-phase1")],
        ["ike.my-identifier.type"] = [(Holder.Peer, "my-identifier.type")],
        ["ike.my-identifier.fqdn"] = [(Holder.Peer, "my-identifier.fqdn")],
        ["ike.my-identifier.user-fqdn"] = [(Holder.Peer, "my-identifier.user-fqdn")],
        ["ike.peers-identifier.type"] = [(Holder.Peer, "peers-identifier.type")],
        ["ike.peers-identifier.fqdn"] = [(Holder.Peer, "peers-identifier.fqdn")],
        ["ike.peers-identifier.user-fqdn"] = [(Holder.Peer, "peers-identifier.user-fqdn")],
        ["nat-traversal"] = [(Holder.Peer, "nat-traversal")],
        ["preshared-key"] = [(Holder.Peer, "preshared-key")],
        ["ike.proposal.phase1.dh-group"] = [(Holder.Peer, "proposal.dh-group")],
        ["ike.proposal.phase1.lifetime"] = [(Holder.Peer, "proposal.lifetime")],
        ["ike.proposal.phase1.encryption"] = [(Holder.Peer, "proposal.encryption")],
        ["ike.proposal.phase1.hash"] = [(Holder.Peer, "proposal.hash")],
        ["ike.proposal.phase2.pfs-group"] = [(Holder.Policies, "ike.proposal.pfs-group")],
        ["ike.proposal.phase2.lifetime-of-time"] = [(Holder.Policies, "ike.proposal.lifetime-of-time")],
        ["ike.proposal.phase2.encryption"] = [(Holder.Policies, "ike.proposal.encryption")],
        ["ike.proposal.phase2.authentication"] = [(Holder.Policies, "ike.proposal.authentication")],
        ["ike.proposal.phase2.proxy-id.ipv4.local"] = [(Holder.FirstPolicy, "source.address")],
        ["ike.proposal.phase2.proxy-id.ipv4.remote"] = [(Holder.FirstPolicy, "destination.address")],
        ["ipv4.source"] = [(Holder.SecurityAssociation, "local-address")],
        ["ipv4.destination"] = [(Holder.Peer, "address"), (Holder.SecurityAssociation, "remote-address")],
    };

    private readonly string _peerPrefix;
    private readonly RecipeEditor _peer;
    private readonly IReadOnlyList<RecipeEditor> _policies;
    private readonly RecipeEditor? _securityAssociation;

    /// <param name="peerPrefix">"ike.peer.100."</param>
    /// <param name="policyPrefixes">"ipsec.security-policy.100.", ... in index order (the first gives the proxy-id).</param>
    /// <param name="securityAssociationPrefix">"ipsec.security-association.sa0.", or null when the peer has no SA.</param>
    public RecipePolicyEditor(SourceText text, IReadOnlyList<SeilLine> lines, string peerPrefix, IReadOnlyList<string> policyPrefixes, string? securityAssociationPrefix)
    {
        _peerPrefix = peerPrefix;
        _peer = RecipeEditor.ForPrefix(text, lines, peerPrefix);
        _policies = [.. policyPrefixes.Select(p => RecipeEditor.ForPrefix(text, lines, p))];
        _securityAssociation = securityAssociationPrefix is null ? null : RecipeEditor.ForPrefix(text, lines, securityAssociationPrefix);
    }

    public string DisplayKey(string key)
    {
        var targets = Targets(key);
        return targets.Count > 0 ? targets[0].Editor.DisplayKey(targets[0].Key) : $"{_peerPrefix.TrimEnd('.')}: {key}";
    }

    public IReadOnlyList<TextEdit> Set(string key, string value) => [.. Targets(key).SelectMany(t => t.Editor.Set(t.Key, value))];

    public IReadOnlyList<TextEdit> Remove(string key) => [.. Targets(key).SelectMany(t => t.Editor.Remove(t.Key))];

    public IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values) =>
        [.. Targets(listKey).SelectMany(t => t.Editor.SetList(t.Key, values))];

    public Location? Locate(string key) => Targets(key).Select(t => t.Editor.Locate(t.Key)).FirstOrDefault(l => l is not null);

    private List<(RecipeEditor Editor, string Key)> Targets(string key)
    {
        var targets = new List<(RecipeEditor, string)>();
        if (!Map.TryGetValue(key, out var homes))
        {
            return targets;
        }
        foreach (var (holder, relative) in homes)
        {
            switch (holder)
            {
                case Holder.Peer:
                    targets.Add((_peer, relative));
                    break;
                case Holder.Policies:
                    targets.AddRange(_policies.Select(p => (p, relative)));
                    break;
                case Holder.FirstPolicy when _policies.Count > 0:
                    targets.Add((_policies[0], relative));
                    break;
                case Holder.SecurityAssociation when _securityAssociation is not null:
                    targets.Add((_securityAssociation, relative));
                    break;
            }
        }
        return targets;
    }
}
