using System.Text.RegularExpressions;
using SeilDiag.Analysis;
using SeilDiag.Seil;
using SeilDiag.StrongSwan;
using SeilDiag.Text;

namespace SeilDiag.Cli.Inputs;

/// <summary>
/// Decides what an input is from its content, never from its name alone: each front-end scores how much the
/// text looks like its dialect and the best score wins; key tables and captures have unmistakable shapes.
/// </summary>
public static partial class KindDetector
{
    /// <summary>pcap, pcapng or a gzip-compressed capture: the capture front-end knows the magic numbers.</summary>
    public static bool LooksLikeCapture(ReadOnlySpan<byte> head) => Capture.CaptureFrontEnd.LooksLikeCapture(head);

    public static DocumentKind DetectText(SourceText text)
    {
        var head = Head(text, 200);
        if (head.Length == 0)
        {
            return DocumentKind.Unknown;
        }
        // Notes and README files in a case folder quote config and log lines inside code fences: they are
        // documentation about the case, not the case, and must not count as a third log.
        if (MarkdownFence().IsMatch(head))
        {
            return DocumentKind.Unknown;
        }
        if (IkeKeyLine().IsMatch(head))
        {
            return DocumentKind.IkeKeyTable;
        }
        if (EspKeyLine().IsMatch(head))
        {
            return DocumentKind.EspKeyTable;
        }
        var scores = new List<(DocumentKind Kind, double Score)>
        {
            (DocumentKind.SeilRecipe, SeilFrontEnd.Score(text)),
            (DocumentKind.IpsecConf, StrongSwanFrontEnd.ScoreIpsecConf(text)),
            (DocumentKind.IpsecSecrets, StrongSwanFrontEnd.ScoreSecrets(text)),
            (DocumentKind.StrongSwanConf, StrongSwanFrontEnd.ScoreStrongSwanConf(text)),
            (DocumentKind.CharonLog, Logs.LogFrontEnd.Score(head)),
        };
        var best = scores.MaxBy(s => s.Score);
        if (best.Score < 0.3)
        {
            return DocumentKind.Unknown;
        }
        if (best.Kind == DocumentKind.SeilRecipe && SeilFrontEnd.IsCommandSyntax(text))
        {
            return DocumentKind.SeilCommand;
        }
        return best.Kind;
    }

    private static string Head(SourceText text, int lines)
    {
        var end = lines < text.LineCount ? text.GetLineSpan(lines).End : text.Length;
        return text.Text[..Math.Min(end, 64 * 1024)];
    }

    [GeneratedRegex(@"^\s*[0-9a-fA-F]{16}\s*,\s*[0-9a-fA-F]{16,}\s*$", RegexOptions.Multiline)]
    private static partial Regex IkeKeyLine();

    [GeneratedRegex(@"^```", RegexOptions.Multiline)]
    private static partial Regex MarkdownFence();

    [GeneratedRegex(@"^\s*""IPv[46]""\s*,", RegexOptions.Multiline)]
    private static partial Regex EspKeyLine();
}
