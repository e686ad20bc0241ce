using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Syntax;

/// <summary>One ipsec.conf file as lines of tokens (no includes followed; see <see cref="Conns.IpsecConfLoader"/>).</summary>
public sealed class IpsecConfDocument
{
    private IpsecConfDocument(SourceText text, IReadOnlyList<IpsecConfLine> lines)
    {
        Text = text;
        Lines = lines;
    }

    public SourceText Text { get; }

    public IReadOnlyList<IpsecConfLine> Lines { get; }

    public static IpsecConfDocument Parse(SourceText text)
    {
        var lines = new List<IpsecConfLine>(text.LineCount);
        for (var line = 1; line <= text.LineCount; line++)
        {
            // A final empty "line" after the last line break has no characters; it is not a line of the file.
            if (line == text.LineCount && line > 1 && text.GetFullLineSpan(line).Length == 0)
            {
                break;
            }
            lines.Add(IpsecConfLineParser.ParseLine(text, line));
        }
        return new IpsecConfDocument(text, lines);
    }

    /// <summary>The file written back from its tokens: equal to the input when parsing lost nothing.</summary>
    public string ToFullString() => string.Concat(Lines.Select(l => l.FullText));
}
