namespace SeilDiag.Cli;

/// <summary>The process's streams, passed in so tests run the whole CLI in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool OutputIsTerminal = false, bool ErrorIsTerminal = false);

/// <summary>Exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>Usage error or unusable input.</summary>
    public const int UsageOrInput = 2;
}
