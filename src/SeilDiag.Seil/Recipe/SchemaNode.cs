namespace SeilDiag.Seil.Recipe;

/// <summary>
/// One level of the key tree: named children ("proposal"), an index child ("encryption.#"), the value type
/// of a complete key, or <see cref="Open"/> for subtrees SeilDiag does not model (every key under them is accepted).
/// </summary>
internal sealed class SchemaNode
{
    public Dictionary<string, SchemaNode> Named { get; } = new(StringComparer.Ordinal);

    public SchemaNode? Index { get; set; }

    public SeilValueType? Value { get; set; }

    public bool Open { get; set; }

    /// <summary>For an older spelling: the current key, relative to the same root.</summary>
    public string? MovedTo { get; set; }

    /// <summary>Adds a dotted pattern ("ike.proposal.phase1.encryption.#.algorithm"); '#' is a numeric index, '*' an open subtree.</summary>
    public SchemaNode Add(string pattern, SeilValueType? value = null)
    {
        var node = this;
        foreach (var segment in pattern.Split('.'))
        {
            if (segment == "*")
            {
                node.Open = true;
                return node;
            }
            if (segment == "#")
            {
                node = node.Index ??= new SchemaNode();
                continue;
            }
            if (!node.Named.TryGetValue(segment, out var child))
            {
                node.Named[segment] = child = new SchemaNode();
            }
            node = child;
        }
        node.Value = value;
        return node;
    }
}
