namespace SeilDiag.Cli.Output;

/// <summary>
/// A one-line progress indicator on stderr for long inputs (a 1 GB capture or log takes seconds): rewritten in
/// place with '\r', only when stderr is a terminal and not -q, and erased when done so it never mixes with the
/// report or a redirected log.
/// </summary>
public sealed class ProgressLine(CliConsole console, bool enabled) : IDisposable
{
    private readonly Lock _gate = new();
    private int _width;

    /// <summary>Called from the log and capture readers, which run at the same time.</summary>
    public void Show(string what)
    {
        if (!enabled)
        {
            return;
        }
        var text = $"seildiag: {what}…";
        lock (_gate)
        {
            console.Error.Write("\r" + text.PadRight(_width));
            _width = Math.Max(_width, text.Length);
            console.Error.Flush();
        }
    }

    public void Dispose()
    {
        if (enabled && _width > 0)
        {
            console.Error.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
