using Microsoft.Extensions.Logging;

namespace SeilDiag.Cli.Output;

/// <summary>
/// The tool's own logging (what it read, what it detected, how long it took) through
/// Microsoft.Extensions.Logging, always to stderr so it never mixes with the report on stdout.
/// </summary>
public static class ToolLogging
{
    public static ILoggerFactory Create(RunSettings settings, TextWriter stderr)
    {
        var level = settings.Verbosity switch
        {
            >= 2 => LogLevel.Debug,
            1 => LogLevel.Information,
            0 => LogLevel.Warning,
            _ => LogLevel.None,
        };
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(level);
            builder.AddProvider(new TextWriterLoggerProvider(stderr, level));
        });
    }

    /// <summary>
    /// A minimal provider writing "seildiag: level: message" lines to the given writer. The console provider
    /// writes to the process's real stderr from a background thread, which in-process tests cannot capture.
    /// </summary>
    private sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(writer, minimum);

        public void Dispose()
        {
        }

        private sealed class Logger(TextWriter writer, LogLevel minimum) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }
                var level = logLevel switch
                {
                    LogLevel.Debug or LogLevel.Trace => "debug",
                    LogLevel.Information => "info",
                    LogLevel.Warning => "warning",
                    _ => "error",
                };
                lock (writer)
                {
                    writer.WriteLine($"seildiag: {level}: {formatter(state, exception)}");
                }
            }
        }
    }
}
