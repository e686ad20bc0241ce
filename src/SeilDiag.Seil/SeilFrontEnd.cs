using SeilDiag.Diagnostics;
using SeilDiag.Seil.Commands;
using SeilDiag.Seil.Recipe;
using SeilDiag.Text;

namespace SeilDiag.Seil;

/// <summary>
/// The SEIL config front-end: parses a seil8 recipe config or a seil3 command config (detected from the
/// content) into a <see cref="SeilConfigDocument"/> with peers, routes and diagnostics.
/// </summary>
public static class SeilFrontEnd
{
    public static SeilConfigDocument Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // SD0007 (not UTF-8) is reported once per input by the CLI's workspace, not here.
        var diagnostics = new List<Diagnostic>();
        return SeilDetector.IsCommandSyntax(text)
            ? CommandFrontEnd.Parse(text, diagnostics)
            : RecipeFrontEnd.Parse(text, diagnostics);
    }

    /// <summary>Whether <paramref name="text"/> is seil3 command syntax rather than seil8 recipe (cheap: looks at a sample).</summary>
    public static bool IsCommandSyntax(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SeilDetector.IsCommandSyntax(text);
    }

    /// <summary>How much <paramref name="text"/> looks like a SEIL config (seil8 or seil3), from 0 to 1.</summary>
    public static double Score(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SeilDetector.Score(text);
    }
}
