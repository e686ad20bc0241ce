namespace SeilDiag.Logs;

/// <summary>A line that matched no known format or message: kept (capped sample) for -v listings, never dropped silently.</summary>
public sealed record UnrecognizedLine(string Path, int Line, string Text, string Reason);

/// <summary>Per-input counts of unrecognised lines, with a capped sample of the lines themselves.</summary>
public sealed class UnrecognizedSummary
{
    public const int SampleLimit = 200;

    public required string Path { get; init; }

    public int TotalLines { get; internal set; }

    public int UnrecognizedCount { get; internal set; }

    public int FirstLine { get; internal set; }

    /// <summary>Lines longer than the reader's limit; their content beyond the limit was skipped.</summary>
    public int OverlongLines { get; internal set; }

    /// <summary>Lines containing NUL or other binary control characters.</summary>
    public int BinaryLines { get; internal set; }

    /// <summary>Lines with undecodable bytes (U+FFFD after decoding).</summary>
    public int ReplacementLines { get; internal set; }

    /// <summary>
    /// The daemon versions the log names at start-up ("strongSwan 5.9.8", "ipsec-tools 0.8.2"), in order of first
    /// appearance: a report says which daemon wrote it, since message wordings differ between versions.
    /// </summary>
    public IReadOnlyList<string> Versions => _versions;

    private readonly List<string> _versions = [];

    internal void AddVersion(string version)
    {
        if (version.Length > 0 && !_versions.Contains(version))
        {
            _versions.Add(version);
        }
    }
}
