using System.Text;

namespace SeilDiag.Reporting;

/// <summary>Markdown escaping of user text: it may hold pipes (tables), backticks, angle brackets and emphasis marks.</summary>
internal static class MarkdownText
{
    /// <summary>Inline text: every character CommonMark/GFM could read as markup is backslash-escaped; line breaks become spaces.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '&':
                    builder.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside, so the excerpt cannot close it.</summary>
    public static string Fence(string body, string info = "")
    {
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{info}\n{body.TrimEnd('\n', '\r')}\n{fence}\n";
    }
}
