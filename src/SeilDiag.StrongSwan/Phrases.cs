using SeilDiag.Diagnostics;

namespace SeilDiag.StrongSwan;

/// <summary>Message phrases used by several parsers, in both languages.</summary>
internal static class Phrases
{
    /// <summary>"; did you mean 'x'?" (empty when there is no suggestion), appended to an unknown-key message.</summary>
    public static LocalizedText DidYouMean(string? nearest) => nearest is null
        ? new LocalizedText("", "")
        : new LocalizedText($"; did you mean '{nearest}'?", $"。'{nearest}' の誤りではありませんか?");

    public static LocalizedText WithSuggestion(LocalizedText message, string suggestion)
    {
        var tail = DidYouMean(suggestion);
        return new LocalizedText(message.English + tail.English, message.Japanese + tail.Japanese);
    }

    public static LocalizedText WithSuggestionOrNot(LocalizedText message, string? suggestion) =>
        suggestion is null ? message : WithSuggestion(message, suggestion);

    public static LocalizedText IncludeMatchesNothing(string pattern) =>
        new($"include pattern '{pattern}' matches no file; strongSwan ignores it", $"include のパターン '{pattern}' に一致するファイルがありません (strongSwan は無視します)");

    public static LocalizedText IncludeLoop(string chain) =>
        new($"include loop: {chain}; the include is not followed again", $"include がループしています: {chain}。再度は読み込みません");

    public static LocalizedText IncludeMissing(string target) =>
        new($"included file '{target}' does not exist", $"include されたファイル '{target}' がありません");

    public static LocalizedText IncludeUnreadable(string target, string why) =>
        new($"included file '{target}' cannot be read: {why}", $"include されたファイル '{target}' を読めません: {why}");
}
