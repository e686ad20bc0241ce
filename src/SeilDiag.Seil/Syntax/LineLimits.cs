namespace SeilDiag.Seil.Syntax;

internal static class LineLimits
{
    /// <summary>
    /// Lines longer than this are not handed to Sprache: it allocates an input object per character, so a
    /// 50 MB single-line paste would take seconds and gigabytes. No SEIL config line comes near this length;
    /// such a line is kept as an error node with a diagnostic instead.
    /// </summary>
    public const int MaxParsedLineLength = 16 * 1024;
}
