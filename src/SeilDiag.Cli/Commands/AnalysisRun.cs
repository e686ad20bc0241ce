using Microsoft.Extensions.Logging;
using SeilDiag.Analysis;
using SeilDiag.Cli.Inputs;
using SeilDiag.Cli.Output;
using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Cli.Commands;

/// <summary>
/// The pipeline shared by lint and diagnose: inputs → workspace (front-ends) → analyzers → severity
/// overrides and suppressions → ranking → --fix or report → exit code.
/// </summary>
public sealed class AnalysisRun(CliConsole console, RunSettings settings, Func<Workspace, IEnumerable<IAnalyzer>> analyzers, bool rankByCause)
{
    /// <summary>Explain prints each log session's story before the findings.</summary>
    public bool WithStories { get; init; }

    public int Execute(IReadOnlyList<string> paths)
    {
        using var loggerFactory = ToolLogging.Create(settings, console.Error);
        var logger = loggerFactory.CreateLogger("seildiag");
        if (paths.Count == 0)
        {
            throw new UsageException("no input files (give files, a folder, or - for stdin)");
        }
        var inputs = new InputLoader(console, logger).Load(paths, settings.Kind);
        foreach (var unknown in inputs.Where(i => i.Kind == DocumentKind.Unknown && settings.Verbosity >= 0))
        {
            // Listed, not fatal: a case folder often holds notes and screenshots next to the inputs.
            console.Error.WriteLine($"seildiag: note: {unknown.Path}: not a config, log, capture or key table (use --kind to force one); skipped");
        }
        if (inputs.All(i => i.Kind == DocumentKind.Unknown))
        {
            // Reporting "0 errors" here would read as a clean bill of health for inputs that were never analysed.
            throw new InputException(string.Join(", ", paths), "nothing to analyse: no config, log, capture or key table recognised (use --kind to force one)");
        }
        var (workspace, diagnostics) = Analyze(inputs, logger);

        if (settings.Fix)
        {
            var fixedFiles = ApplyFixes(workspace, diagnostics);
            if (fixedFiles > 0)
            {
                // Re-read the fixed files and report what remains.
                inputs = new InputLoader(console, logger).Load(paths, settings.Kind);
                (workspace, diagnostics) = Analyze(inputs, logger);
            }
        }

        var report = new ReportInput
        {
            Diagnostics = diagnostics,
            Documents = workspace.Documents,
            Lang = settings.Lang,
            Redactor = MakeRedactor(workspace),
            Summary = [.. (rankByCause ? Summary(workspace) : []), .. Disagreements(), .. Stories(workspace)],
            Inputs = inputs.Select(i => new SeilDiag.Model.InputSummary(i.Path, i.Kind.ToCliName(), VersionOf(workspace, i.Path))).ToList(),
            ObservedSas = ObservedForLadders(workspace),
            Timeline = _case?.Timeline ?? [],
            ClockOffsets = _case?.Offsets ?? [],
        };
        Write(report);
        var failing = diagnostics.Any(d => !d.IsSuppressed && d.Severity >= settings.FailOn && d.Severity != Severity.None);
        return failing ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private Diagnosis.CaseResult? _case;

    private (Workspace, IReadOnlyList<Diagnostic>) Analyze(IReadOnlyList<InputFile> inputs, ILogger logger)
    {
        using var progress = new ProgressLine(console, enabled: console.ErrorIsTerminal && settings.Verbosity >= 0);
        var workspace = Workspace.Build(inputs, logger, settings.Lang, progress.Show);
        progress.Show("analysing");
        var found = new List<Diagnostic>(workspace.FrontEndDiagnostics);
        found.AddRange(AnalysisContext.Run(workspace.Model, analyzers(workspace)));
        var options = LoadOptions(inputs, found);
        var diagnostics = Suppressions.Apply(options.Apply(found).ToList(), workspace.Documents);
        if (!rankByCause)
        {
            return (workspace, Rank(diagnostics));
        }
        // diagnose / explain: one diagnosis per root cause across configs, logs and captures, on one clock.
        _case = Diagnosis.CaseCorrelator.Correlate(new Diagnosis.CaseInput
        {
            Model = workspace.Model,
            Diagnostics = diagnostics,
            Logs = workspace.Logs is null ? [] : Diagnosis.LogSourceEvents.From(workspace.Logs),
            Captures = workspace.CapturePackets,
            InputKinds = inputs.GroupBy(i => i.Path).ToDictionary(g => g.Key, g => g.First().Kind),
        });
        foreach (var offset in _case.Offsets)
        {
            logger.LogInformation("{Path}: clock offset {Offset} ({Method}, {Matched} events matched)", offset.Path, offset.Offset, offset.Method, offset.MatchedEvents);
        }
        return (workspace, _case.Diagnostics);
    }

    private AnalyzerOptions LoadOptions(IReadOnlyList<InputFile> inputs, List<Diagnostic> problems)
    {
        var path = settings.ConfigPath;
        if (path is null)
        {
            var folder = inputs.Select(i => i.Path == "-" ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(i.Path)))
                .FirstOrDefault(f => f is not null && File.Exists(Path.Combine(f, AnalyzerOptions.FileName)));
            path = folder is null ? null : Path.Combine(folder, AnalyzerOptions.FileName);
        }
        else if (!File.Exists(path))
        {
            throw new InputException(path, "--config file not found");
        }
        return path is null ? AnalyzerOptions.Empty : AnalyzerOptions.Parse(InputReader.ReadFile(path), problems);
    }

    private IReadOnlyList<Diagnostic> Rank(IReadOnlyList<Diagnostic> diagnostics)
    {
        IEnumerable<Diagnostic> ordered = rankByCause
            // Root causes first: the most severe, then phase 1 before phase 2 before lifecycle, hygiene and input.
            ? diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => CauseOrder(d.Rule.Category))
                .ThenBy(d => d.Location?.Path, StringComparer.Ordinal).ThenBy(d => d.Location?.Line)
            // Lint reads like a compiler: by file and position.
            : diagnostics.OrderBy(d => d.Location?.Path, StringComparer.Ordinal).ThenBy(d => d.Location?.Line)
                .ThenBy(d => d.Location?.Column).ThenBy(d => d.Id, StringComparer.Ordinal);
        return ordered.ToList();
    }

    private static int CauseOrder(RuleCategory category) => category switch
    {
        RuleCategory.Phase1 => 0,
        RuleCategory.Phase2 => 1,
        RuleCategory.Lifecycle => 2,
        RuleCategory.Input => 3,
        _ => 4,
    };

    private int ApplyFixes(Workspace workspace, IReadOnlyList<Diagnostic> diagnostics)
    {
        var count = 0;
        foreach (var (path, edits) in FixApplier.PreferredEdits(diagnostics))
        {
            var document = workspace.Documents.FirstOrDefault(d => d.Path == path);
            if (document is null || path == "-")
            {
                continue;
            }
            var result = FixApplier.Apply(document.Text, edits);
            File.WriteAllText(path, result.NewText, document.EncodingName == "utf-8-bom" ? new System.Text.UTF8Encoding(true) : new System.Text.UTF8Encoding(false));
            console.Error.WriteLine($"seildiag: fixed {result.Applied.Count} edit(s) in {path}" +
                                    (result.Skipped.Count > 0 ? $"; {result.Skipped.Count} overlapping edit(s) left for another run" : ""));
            count++;
        }
        return count;
    }

    private Redactor MakeRedactor(Workspace workspace)
    {
        var redactor = settings.ShowSecrets ? Redactor.None : new Redactor(KnownSecrets(workspace));
        if (!settings.RedactAddresses)
        {
            return redactor;
        }
        // Identities are names the addresses pattern cannot see (FQDN, user@FQDN): hand them over explicitly.
        var identities = workspace.Model.Peers
            .SelectMany(p => new[] { p.LocalIdentity.Value, p.RemoteIdentity.Value })
            .Concat(workspace.Model.ObservedSas.SelectMany(sa => new[] { sa.InitiatorIdentity, sa.ResponderIdentity }))
            .OfType<SeilDiag.Model.IkeIdentity>()
            .Where(id => !id.IsAddress && id.Type != SeilDiag.Model.IdentityType.Any)
            .Select(id => id.Value);
        return redactor.WithAddresses(new AddressRedactor(identities));
    }

    /// <summary>The daemon versions a log names at start-up ("strongSwan 5.9.8"), for the report's inputs table.</summary>
    private static string? VersionOf(Workspace workspace, string path) =>
        workspace.Logs?.Inputs.FirstOrDefault(s => s.Path == path) is { Versions.Count: > 0 } log ? string.Join(", ", log.Versions) : null;

    private IEnumerable<string> Disagreements() =>
        (_case?.Disagreements ?? []).Select(d => (settings.Lang == "ja" ? "食い違い: " : "sources disagree: ") + d.Get(settings.Lang));

    /// <summary>The ladders draw the capture's view when there is one (every message, with packet numbers), else the logs'.</summary>
    private static IReadOnlyList<SeilDiag.Model.ObservedIkeSa> ObservedForLadders(Workspace workspace)
    {
        var captured = workspace.Model.ObservedSas.Where(sa => sa.Source == EvidenceSource.Capture).ToList();
        return captured.Count > 0 ? captured : workspace.Model.ObservedSas;
    }

    private static IEnumerable<string> KnownSecrets(Workspace workspace) =>
        workspace.Model.Peers.Select(p => p.PreSharedKey.Value?.Reveal()).OfType<string>().Concat(workspace.SecretValues);

    private IEnumerable<string> Stories(Workspace workspace)
    {
        if (!WithStories || workspace.Logs is null)
        {
            return [];
        }
        var lines = workspace.Logs.Story(settings.Lang).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (settings.Verbosity >= 1)
        {
            lines.Add(settings.Lang == "ja" ? "認識できなかった行:" : "Lines not recognised:");
            lines.AddRange(workspace.Logs.Unrecognized.Select(u => $"  {u}"));
        }
        return lines;
    }

    private IReadOnlyList<string> Summary(Workspace workspace) =>
        SeilDiag.Analyzers.TunnelPrediction.Summarize(workspace.Model, settings.Lang);

    private void Write(ReportInput report)
    {
        var reporter = settings.Format == "text"
            ? new TextReporter(color: settings.OutputPath is null && console.OutputIsTerminal)
            : Reporters.Find(settings.Format)!;
        if (settings.OutputPath is { } outputPath)
        {
            using var file = new StreamWriter(outputPath, false, new System.Text.UTF8Encoding(false));
            reporter.Write(report, file);
        }
        else
        {
            reporter.Write(report, console.Out);
        }
    }
}
