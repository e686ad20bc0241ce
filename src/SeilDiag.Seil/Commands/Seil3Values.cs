using SeilDiag.Diagnostics;
using SeilDiag.Seil.Recipe;

namespace SeilDiag.Seil.Commands;

/// <summary>Value types that differ in seil3: times with days, comma lists, 'any' and 'system-default'.</summary>
internal static class Seil3Values
{
    public static SeilValueType Time { get; } = new TimeType();

    public static SeilValueType ListOf(SeilValueType item) => new ListType(item);

    public static SeilValueType Or(SeilValueType type, params string[] words) => new OrWords(type, words);

    /// <summary>An IPv4 or IPv6 address.</summary>
    public static SeilValueType Address { get; } = new AddressType();

    private sealed class AddressType : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            SeilValues.TryParseAddress(value, System.Net.Sockets.AddressFamily.InterNetwork, out _)
            || SeilValues.TryParseAddress(value, System.Net.Sockets.AddressFamily.InterNetworkV6, out _)
                ? null
                : new ValueProblem(new LocalizedText("expected an IPv4 or IPv6 address", "IPv4 または IPv6 アドレスです"));
    }

    private sealed class TimeType : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            value == "system-default" || (SeilTime.TryParseCommand(value, out var t) && t > TimeSpan.Zero)
                ? null
                : new ValueProblem(new LocalizedText("expected a time such as 28800, 8h, 1d or 01h02m03s", "28800, 8h, 1d, 01h02m03s のような時間です"));
    }

    private sealed class ListType(SeilValueType item) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            foreach (var part in value.Split(','))
            {
                if (item.Check(part) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }
    }

    private sealed class OrWords(SeilValueType type, string[] words) : SeilValueType
    {
        public override ValueProblem? Check(string value) => words.Contains(value) ? null : type.Check(value);
    }
}
